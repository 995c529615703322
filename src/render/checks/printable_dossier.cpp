// A dossier's texts checked against the fonts and the envelope window.
#include "render/checks/printable_dossier.hpp"

#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <utility>

#include "render/layout/layout.hpp"
#include "render/letters/addressing.hpp"
#include "render/markup/escape.hpp"
#include "render/markup/markup.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/glyph_coverage.hpp"
#include "text/utf8.hpp"

namespace aap::render {
namespace {

using Visit = std::function<void(const std::string& field, const std::string& text)>;

void each_text(const Dossier& d, const Visit& visit) {
  const auto opt = [&](const std::string& field, const std::optional<std::string>& text) {
    if (text) visit(field, *text);
  };
  const auto list = [&](const std::string& field, const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i) visit(field + "[" + std::to_string(i) + "]", texts[i]);
  };
  const Association& a = d.association;
  visit("association.name", a.name);
  visit("association.representative.civility", a.representative.civility);
  visit("association.representative.first_name", a.representative.first_name);
  visit("association.representative.last_name", a.representative.last_name);
  visit("association.representative.role", a.representative.role);
  list("association.address.lines", a.address.lines);
  visit("association.address.city", a.address.city);
  opt("association.email", a.email);
  const Training& t = d.training;
  visit("training.title", t.title);
  if (t.gen_label) visit("training.gen_label.number", t.gen_label->number);
  opt("training.site.address", t.site.address);
  visit("training.site.city", t.site.city);
  for (std::size_t i = 0; i < t.sessions.size(); ++i)
    opt("training.sessions[" + std::to_string(i) + "].label", t.sessions[i].label);
  list("employer_partners", d.employer_partners);
}

std::optional<std::string> missing_glyph(const std::string& value) {
  const auto code_points = text::decode_utf8(value);
  if (!code_points) return std::nullopt;  // the reader refused invalid UTF-8 already
  for (const char32_t cp : *code_points) {
    if (printable_in_documents(cp)) continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    return "le caractère " + std::string(code) + " « " + text::encode_utf8(std::u32string(1, cp)) +
           " » ne peut pas être imprimé dans les documents (absent de la police)";
  }
  return std::nullopt;
}

const TextMeasurer& measurer() {
  static const FontMeasurer kMeasurer(FontMetrics::liberation_sans());
  return kMeasurer;
}

/// The widest word of `text` (runs between spaces) and its width at `size_pt`.
std::pair<std::string, double> widest_word(const std::string& text, double size_pt) {
  std::pair<std::string, double> widest{"", 0};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const double w = measurer().width(word, Face::regular, size_pt);
    if (w > widest.second) widest = {word, w};
    start = end + 1;
  }
  return widest;
}

/// « text », shortened to 30 characters: a word quoted in a message.
std::string quoted(const std::string& word) {
  constexpr std::size_t kShown = 30;
  const auto cps = text::decode_utf8(word).value_or(std::u32string());
  if (cps.size() <= kShown) return "« " + word + " »";
  return "« " + text::encode_utf8(cps.substr(0, kShown)) + "… »";
}

/// The address block as the letter makes it: its lines, each escaped into a ```adresse block as the
/// template inserts them, read by the markup (NF Z10-011: 6 lines of 38 characters), then laid out in the
/// window. Whether it fits.
bool address_fits(const Association& a) {
  std::string block = "```adresse\n";
  for (const std::string& line : letters::postal_address_lines(a)) block += markup::escape(line) + "\n";
  block += "```\n";
  try {
    doc::Document document;
    document.blocks = markup::parse(block);
    layout_document(document, measurer());
  } catch (const std::exception&) {
    return false;  // MarkupError, LayoutError: what would stop the letter
  }
  return true;
}

std::optional<PrintProblem> address_problem(const Association& a) {
  if (address_fits(a)) return std::nullopt;
  // The field with the widest word: what the block's wrapping and abbreviations could not absorb.
  std::vector<std::pair<std::string, const std::string*>> fields = {
      {"association.representative.civility", &a.representative.civility},
      {"association.representative.first_name", &a.representative.first_name},
      {"association.representative.last_name", &a.representative.last_name},
      {"association.representative.role", &a.representative.role},
      {"association.name", &a.name},
      {"association.address.city", &a.address.city}};
  for (std::size_t i = 0; i < a.address.lines.size(); ++i)
    fields.emplace_back("association.address.lines[" + std::to_string(i) + "]", &a.address.lines[i]);
  std::string field = "association.address";
  std::pair<std::string, double> widest{"", 0};
  for (const auto& [name, text] : fields) {
    auto w = widest_word(*text, 10);
    if (w.second > widest.second) {
      widest = std::move(w);
      field = name;
    }
  }
  return PrintProblem{field, quoted(widest.first) +
                                 " : l’adresse ne tient pas dans la fenêtre de l’enveloppe (85 × 33 mm), même "
                                 "abrégée ; couper ce mot par des espaces ou le raccourcir"};
}

}  // namespace

std::vector<PrintProblem> printing_problems(const Dossier& dossier) {
  std::vector<PrintProblem> problems;
  each_text(dossier, [&](const std::string& field, const std::string& text) {
    if (auto message = missing_glyph(text)) problems.push_back({field, std::move(*message)});
  });
  // The layout cannot measure a character the font lacks: the rest waits until those are fixed.
  if (!problems.empty()) return problems;
  if (auto p = address_problem(dossier.association)) problems.push_back(std::move(*p));
  return problems;
}

}  // namespace aap::render
