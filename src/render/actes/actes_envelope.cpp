// The ACTES v1.1 « Acte » envelope of the deliberation (@ctes, transmission to the préfecture), and the
// @ctes names of the transmission's files.
//
// Written against the ACTES schema itself (actesv1_1.xsd, namespace
// http://www.interieur.gouv.fr/ACTES#v1.1-20040216), which the tests validate every envelope with: root
// actes:Acte with the attributes actes:Date (YYYY-MM-DD), actes:NumeroInterne and actes:CodeNatureActe;
// then, in this order, actes:CodeMatiere1…5 (the first two required) each with an attribute
// actes:CodeMatiere, actes:Objet, actes:ClassificationDateVersion (required), actes:Document/
// actes:NomFichier, actes:Annexes (attribute actes:Nombre) / actes:Annexe / actes:NomFichier, and
// actes:DocumentPapier (required; "O" or "N" as the tiers de télétransmission S²LOW and Pastell write it).
#include "render/actes/actes_envelope.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "input/actes_number.hpp"
#include "text/utf8.hpp"

namespace aap::actes {
namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The plain form of the typographic characters that ISO-8859-1 lacks; every other character is kept.
std::u32string plain(char32_t c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return U"-";
    case 0x2018: case 0x2019: case 0x201A: case 0x2032: return U"'";
    case 0x201C: case 0x201D: case 0x201E: return U"\"";
    case 0x2026: return U"...";
    case 0x0152: return U"OE";
    case 0x0153: return U"oe";
    case 0x2060: case 0x200B: return U"";
    default: break;
  }
  // No-break spaces stay (ISO-8859-1 has U+00A0) but every other space, tab or line end becomes one space.
  if (c == U'\t' || c == U'\n' || c == U'\r' || c == 0x202F || c == 0x2009 || c == 0x2007 || c == 0x2002 ||
      c == 0x2003)
    return U" ";
  return std::u32string(1, c);
}

}  // namespace

ActesFiles ActesNames::files() const {
  ActesFiles f;
  if (act_copy) f.act = *act_copy;
  return f;
}

ActesNames actes_names(const Campaign& campaign) {
  ActesNames names;
  const Authority& a = campaign.authority;
  if (!a.departement || !a.siret || !campaign.deliberation.number) return names;
  const input::ActesNumber number = input::reduce_actes_number(*campaign.deliberation.number);
  if (!number.ok()) return names;
  std::string date = campaign.calendar.council_session.iso();
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  // Nature DE (délibération), then the transmission's own "-1-1": its first version, and _0 / _1 for the
  // envelope and the first document, as the tiers de télétransmission number them.
  const std::string base = *a.departement + "-" + a.siret->substr(0, 9) + "-" + date + "-" + number.value + "-DE-1-1";
  names.envelope = base + "_0.xml";
  names.act_copy = base + "_1.pdf";
  return names;
}

bool is_actes_file(const std::string& relative) {
  static const std::regex kActesName("[09][0-9][0-9AB]-[0-9]{9}-[0-9]{8}-[A-Z0-9_]{1,15}-DE-1-1_(0\\.xml|1\\.pdf)");
  return relative == kActesFile || std::regex_match(relative, kActesName);
}

std::vector<Diagnostic> actes_notes(const Campaign& campaign) {
  std::vector<Diagnostic> notes;
  if (!campaign.deliberation.number)
    notes.push_back({"", 0, "deliberation.number",
                     "champ absent : pas d’enveloppe @ctes tant que la délibération n’a pas de numéro (il devient "
                     "le numéro interne de l’acte)"});
  if (!campaign.deliberation.classification.version_date)
    notes.push_back({"", 0, "deliberation.classification.version_date",
                     "champ absent : l’enveloppe @ctes n’est pas écrite, le schéma ACTES exige la date de la version "
                     "de la classification des actes (ClassificationDateVersion) que la préfecture a communiquée"});
  if (!notes.empty()) return notes;
  std::vector<std::string> missing;
  if (!campaign.authority.departement) missing.push_back("authority.departement");
  if (!campaign.authority.siret) missing.push_back("authority.siret");
  if (missing.empty()) return notes;
  const bool both = missing.size() == 2;
  notes.push_back({"", 0, both ? missing[0] + " et " + missing[1] : missing[0],
                   std::string(both ? "champs absents" : "champ absent") + " : l’enveloppe @ctes est écrite sous le nom " +
                       kActesFile +
                       " ; avec authority.departement (trois caractères, 013 pour les Bouches-du-Rhône) et "
                       "authority.siret, elle prendrait le nom @ctes DDD-SIREN-AAAAMMJJ-NUMERO-DE-1-1_0.xml, et "
                       "l’acte sa copie …_1.pdf, qu’attendent les plateformes de télétransmission"});
  return notes;
}

std::string actes_subject(const tpl::TemplateSet& templates, const tpl::Value& deliberation_values) {
  const std::string objet = templates.render_text(kObjetTemplate, deliberation_values);
  std::u32string line;
  for (char32_t c : text::decode_utf8(objet).value_or(U"")) {
    for (char32_t p : plain(c)) {
      if (p == U' ' && (line.empty() || line.back() == U' ')) continue;
      line += p;
    }
  }
  while (!line.empty() && line.back() == U' ') line.pop_back();
  if (line.size() > kMaxSubjectLength) {
    std::u32string cut = line.substr(0, kMaxSubjectLength - 3);
    const auto space = cut.rfind(U' ');
    if (space != std::u32string::npos && space > kMaxSubjectLength / 2) cut.resize(space);
    line = cut + U"...";
  }
  return text::encode_utf8(line);
}

std::optional<std::string> actes_envelope(const Campaign& campaign, std::string_view subject,
                                          const ActesFiles& files) {
  const auto& version = campaign.deliberation.classification.version_date;
  if (!campaign.deliberation.number || !version) return std::nullopt;
  const input::ActesNumber number = input::reduce_actes_number(*campaign.deliberation.number);
  if (!number.ok())
    throw std::invalid_argument("deliberation.number « " + *campaign.deliberation.number + " » " + number.problem);
  const std::vector<int>& matiere = campaign.deliberation.classification.matiere;
  if (matiere.size() < 2 || matiere.size() > 5)
    throw std::invalid_argument("deliberation.classification.matiere : @ctes en veut de 2 à 5 niveaux");

  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<actes:Acte xmlns:actes=\"" + std::string(kActesNamespace) + "\"\n";
  x += "            xmlns:insee=\"http://xml.insee.fr/schema\"\n";
  x += "            xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
  x += "            xsi:schemaLocation=\"" + std::string(kActesNamespace) + " actesv1_1.xsd\"\n";
  x += "            actes:Date=\"" + campaign.calendar.council_session.iso() + "\"\n";
  x += "            actes:NumeroInterne=\"" + escape(number.value) + "\"\n";
  x += "            actes:CodeNatureActe=\"" + std::to_string(kNatureDeliberation) + "\">\n";
  for (std::size_t level = 0; level < matiere.size(); ++level) {
    const std::string n = std::to_string(level + 1);
    x += "  <actes:CodeMatiere" + n + " actes:CodeMatiere=\"" + std::to_string(matiere[level]) + "\"/>\n";
  }
  x += "  <actes:Objet>" + escape(subject) + "</actes:Objet>\n";
  x += "  <actes:ClassificationDateVersion>" + version->iso() + "</actes:ClassificationDateVersion>\n";
  x += "  <actes:Document>\n";
  x += "    <actes:NomFichier>" + escape(files.act) + "</actes:NomFichier>\n";
  x += "  </actes:Document>\n";
  x += "  <actes:Annexes actes:Nombre=\"" + std::to_string(files.annexes.size()) + "\"";
  if (files.annexes.empty()) {
    x += "/>\n";  // no blank element body for a clerk reading the file
  } else {
    x += ">\n";
    for (const std::string& annex : files.annexes) {
      x += "    <actes:Annexe>\n";
      x += "      <actes:NomFichier>" + escape(annex) + "</actes:NomFichier>\n";
      x += "    </actes:Annexe>\n";
    }
    x += "  </actes:Annexes>\n";
  }
  x += "  <actes:DocumentPapier>N</actes:DocumentPapier>\n";  // every piece travels electronically
  x += "</actes:Acte>\n";
  return x;
}

}  // namespace aap::actes
