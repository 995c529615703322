// The ACTES v1.1 « Acte » envelope of the deliberation (@ctes, transmission to the préfecture).
//
// Names and shape as the tiers de télétransmission write and read them (no official XSD is in reach
// here): S²LOW's ActesTransaction::generateActeXMLFile and ActesTransactionsXML::getXML, and Pastell's
// ActesPreversementSEDACreate / ActeEnvelopeParser — root actes:Acte in the namespace
// http://www.interieur.gouv.fr/ACTES#v1.1-20040216 with the attributes actes:Date (YYYY-MM-DD),
// actes:NumeroInterne and actes:CodeNatureActe; children actes:CodeMatiere1…5 each with an attribute
// actes:CodeMatiere, actes:Objet, actes:ClassificationDateVersion, actes:Document/actes:NomFichier,
// actes:Annexes (attribute actes:Nombre) / actes:Annexe / actes:NomFichier; xsi:schemaLocation
// "… actesv1_1.xsd".
#include "render/actes/actes_envelope.hpp"

#include <stdexcept>

#include "input/actes_number.hpp"
#include "render/letters/letter.hpp"
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

std::string actes_subject(const Campaign& campaign, const Evaluation& evaluation) {
  bool conventions = false;
  for (const DossierEvaluation& e : evaluation.dossiers) conventions |= e.grant > letters::kConventionThreshold;
  // The deliberation's own Objet (templates/deliberation.mustache), items of this council led by "CT1 - ".
  const std::string objet = "CT1 - " + campaign.title +
                            " : attribution de subventions de fonctionnement aux organismes de formation retenus" +
                            (conventions ? " et approbation des conventions" : "");
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

std::optional<std::string> actes_envelope(const Campaign& campaign, const Evaluation& evaluation,
                                          const ActesFiles& files) {
  if (!campaign.deliberation.number) return std::nullopt;
  const input::ActesNumber number = input::reduce_actes_number(*campaign.deliberation.number);
  if (!number.ok())
    throw std::invalid_argument("deliberation.number « " + *campaign.deliberation.number + " » " + number.problem);

  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<actes:Acte xmlns:actes=\"" + std::string(kActesNamespace) + "\"\n";
  x += "            xmlns:insee=\"http://xml.insee.fr/schema\"\n";
  x += "            xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
  x += "            xsi:schemaLocation=\"" + std::string(kActesNamespace) + " actesv1_1.xsd\"\n";
  x += "            actes:Date=\"" + campaign.calendar.council_session.iso() + "\"\n";
  x += "            actes:NumeroInterne=\"" + escape(number.value) + "\"\n";
  x += "            actes:CodeNatureActe=\"" + std::to_string(kNatureDeliberation) + "\">\n";
  const std::vector<int>& matiere = campaign.deliberation.classification.matiere;
  for (std::size_t level = 0; level < matiere.size() && level < 5; ++level) {
    const std::string n = std::to_string(level + 1);
    x += "  <actes:CodeMatiere" + n + " actes:CodeMatiere=\"" + std::to_string(matiere[level]) + "\"/>\n";
  }
  x += "  <actes:Objet>" + escape(actes_subject(campaign, evaluation)) + "</actes:Objet>\n";
  if (const auto& version = campaign.deliberation.classification.version_date)
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
  x += "</actes:Acte>\n";
  return x;
}

}  // namespace aap::actes
