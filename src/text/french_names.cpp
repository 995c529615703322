// The article before an organisation's name: a name that starts with a common noun is preceded by its
// article in running text (« a attribué à l’Association… », never « à Association… »).
#include "text/french_names.hpp"

#include <array>
#include <optional>
#include <string>

#include "text/utf8.hpp"

namespace aap::fr {

namespace {

enum class Article { le, la, elided, les };

struct Noun {
  std::u32string_view word;  // lower case
  Article article;
};

// The common nouns that open associations' and training bodies' names. A name opening with any other
// word is taken as a proper name and gets no article.
constexpr std::array<Noun, 71> kNouns = {{
    {U"académie", Article::elided},     {U"agence", Article::elided},        {U"alliance", Article::elided},
    {U"amicale", Article::elided},      {U"association", Article::elided},   {U"atelier", Article::elided},
    {U"ateliers", Article::les},        {U"boutique", Article::la},          {U"bureau", Article::le},
    {U"caisse", Article::la},           {U"campus", Article::le},            {U"carrefour", Article::le},
    {U"centre", Article::le},           {U"cercle", Article::le},            {U"chambre", Article::la},
    {U"cité", Article::la},             {U"club", Article::le},              {U"collectif", Article::le},
    {U"collège", Article::le},          {U"comité", Article::le},            {U"communauté", Article::la},
    {U"compagnie", Article::la},        {U"compagnons", Article::les},       {U"comptoir", Article::le},
    {U"confédération", Article::la},    {U"conseil", Article::le},           {U"conservatoire", Article::le},
    {U"coopérative", Article::la},      {U"coordination", Article::la},      {U"école", Article::elided},
    {U"ecole", Article::elided},        {U"entreprise", Article::elided},    {U"entreprises", Article::les},
    {U"espace", Article::elided},       {U"établissement", Article::elided}, {U"fabrique", Article::la},
    {U"fédération", Article::la},       {U"federation", Article::la},        {U"fondation", Article::la},
    {U"forum", Article::le},            {U"foyer", Article::le},             {U"groupe", Article::le},
    {U"groupement", Article::le},       {U"incubateur", Article::elided},    {U"institut", Article::elided},
    {U"laboratoire", Article::le},      {U"ligue", Article::la},             {U"lycée", Article::le},
    {U"maison", Article::la},           {U"mission", Article::la},           {U"mouvement", Article::le},
    {U"mutuelle", Article::la},         {U"observatoire", Article::elided},  {U"office", Article::elided},
    {U"organisme", Article::elided},    {U"plateforme", Article::la},        {U"point", Article::le},
    {U"pôle", Article::le},             {U"régie", Article::la},             {U"relais", Article::le},
    {U"réseau", Article::le},           {U"secours", Article::le},           {U"service", Article::le},
    {U"société", Article::la},          {U"structure", Article::la},         {U"syndicat", Article::le},
    {U"union", Article::elided},        {U"université", Article::elided},    {U"amis", Article::les},
    {U"chantier", Article::le},         {U"chantiers", Article::les},
}};

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  return c;
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'’'; }

struct Split {
  std::optional<Article> article;
  std::u32string rest;  // the name without its own article, as written
};

// The article the name calls for, and the name without the article it already carries. A name's own
// « Le » and « Les » contract with « à » (« au Monde », « aux Connecteurs »); its « La » and « L’ » stay as
// written, as in « à La Poste ».
Split split(const std::u32string& name) {
  if (name.size() > 3 && name[0] == U'L') {
    if (name.substr(1, 2) == U"e ") return {Article::le, name.substr(3)};
    if (name.size() > 4 && name.substr(1, 3) == U"es ") return {Article::les, name.substr(4)};
    if (name.substr(1, 2) == U"a " || is_apostrophe(name[1])) return {std::nullopt, name};
  }
  std::size_t end = 0;
  while (end < name.size() && name[end] != U' ' && name[end] != U'-' && name[end] != 0xA0) ++end;
  std::u32string first;
  for (std::size_t i = 0; i < end; ++i) first += lower(name[i]);
  for (const Noun& noun : kNouns) {
    if (first == noun.word) return {noun.article, name};
  }
  return {std::nullopt, name};
}

}  // namespace

std::string after_a(std::string_view name) {
  const std::optional<std::u32string> decoded = text::decode_utf8(name);
  if (!decoded) return "à " + std::string(name);
  const Split s = split(*decoded);
  if (!s.article) return "à " + std::string(name);
  const std::string rest = text::encode_utf8(s.rest);
  switch (*s.article) {
    case Article::le: return "au " + rest;
    case Article::la: return "à la " + rest;
    case Article::elided: return "à l’" + rest;
    case Article::les: return "aux " + rest;
  }
  return "à " + std::string(name);
}

}  // namespace aap::fr
