// The mailing list and the e-mails, read back with Python's csv and email packages; the e-mail's wording
// from its templates (templates/courriel*.mustache, objet-courrier.mustache).
#include "test_paths.hpp"
#include "render/mailing/mailing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

#include "allocation/allocation.hpp"
#include "render/letters/letter.hpp"
#include "support/builders.hpp"
#include "render/letters/document_text.hpp"
#include "support/process.hpp"
#include "text/utf8.hpp"

namespace aap::mailing {
namespace {

// What a mail client sees: decoded headers, the text, the attachment (hex), and the raw line lengths.
constexpr const char* kReadEmail = R"(
import email, email.policy, json, sys
raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
parts = [p for p in msg.iter_parts()]
text = msg.get_body(preferencelist=("plain",)).get_content()
att = [p for p in msg.iter_attachments()]
lines = raw.split(b"\r\n")
print(json.dumps({
  "from": str(msg["From"]), "to": str(msg["To"]), "to_address": msg["To"].addresses[0].addr_spec,
  "to_name": msg["To"].addresses[0].display_name,
  "subject": str(msg["Subject"]), "date": str(msg["Date"]), "message_id": str(msg["Message-ID"]),
  "unsent": str(msg["X-Unsent"]), "defects": [str(d) for d in msg.defects] + [str(d) for p in parts for d in p.defects],
  "text": text, "parts": len(parts),
  "attachments": [{"type": a.get_content_type(), "filename": a.get_filename(),
                   "hex": a.get_content().hex()} for a in att],
  "max_line": max(len(l) for l in lines), "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
}))
)";

// The literal's own length (sizeof less its terminator): it holds a NUL byte, which strlen would stop at.
constexpr char kPdfHead[] = "%PDF-1.7\n\x00\x01\xff\xfe binary \r\n\r\n";
const std::string kPdf = std::string(kPdfHead, sizeof kPdfHead - 1) + std::string(5000, '\x80');

struct Scenario {
  Campaign campaign = test::seed_campaign();
  std::vector<Dossier> dossiers;
  Evaluation evaluation;
  Scenario() {
    campaign.authority.council = "Conseil de Territoire Marseille Provence";
    campaign.authority.service = "Direction Emploi-Insertion";
    campaign.authority.contact = {"Karima Messaoudi", "karima.messaoudi@ampmetropole.fr", "04 91 99 71 42"};
    campaign.deliberation.number = "CT1-2027-014";
    dossiers.push_back(test::eligible_dossier("2027-001"));
    dossiers.back().association.name = "Association Code & Quartiers, « Marseille »";
    dossiers.back().association.email = "contact@codeetquartiers.org";
    dossiers.back().association.representative = {"Madame", "Claire", "Martin", "Présidente"};
    dossiers.push_back(test::eligible_dossier("2027-002"));  // no e-mail
    dossiers.push_back(test::eligible_dossier("2027-003"));
    dossiers.back().association.email = "pas une adresse";
    dossiers.push_back(test::eligible_dossier("2027-004"));
    dossiers.back().association.email = "bonjour@exemple.org";
    dossiers.back().training.free_of_charge = false;  // ineligible
    evaluation = evaluate(campaign, test::test_communes(), dossiers);
  }
  const DossierEvaluation& of(const std::string& id) const { return *evaluation.find(id); }
};

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

/// The shipped templates, with `name` replaced by `text`.
tpl::TemplateSet shipped_but(const std::string& name, const std::string& text) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const std::string& n : shipped().names()) sources.emplace_back(n, n == name ? text : shipped().source(n));
  return tpl::TemplateSet::from_sources(sources);
}

const Date kDate{2027, 3, 20};

/// The message of dossier `id`, from `templates` and the values of its letter, as the run writes it.
std::string message(const Scenario& s, const std::string& id, const tpl::TemplateSet& templates = shipped()) {
  const DossierEvaluation& e = s.of(id);
  return email_message(templates, s.campaign, e, letters::letter_values(s.campaign, e, kDate), kDate, kPdf);
}

nlohmann::json read_email(const std::string& eml) {
  test::TempDir dir;
  const auto file = dir / "message.eml";
  std::ofstream(file, std::ios::binary) << eml;
  const auto r = test::run_process({AAP_PYTHON, "-c", kReadEmail, file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::string hex(std::string_view bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += {kHex[b >> 4], kHex[b & 0xF]};
  return out;
}


TEST(Mailing, EmailHeadersDecodeToTheCampaignContactAndTheAssociation) {
  Scenario s;
  const auto m = read_email(message(s, "2027-001"));
  EXPECT_EQ(m["defects"], nlohmann::json::array());
  EXPECT_EQ(m["from"], "Karima Messaoudi <karima.messaoudi@ampmetropole.fr>");
  EXPECT_EQ(m["to_address"], "contact@codeetquartiers.org");
  EXPECT_EQ(m["to_name"], "Association Code & Quartiers, « Marseille »");
  EXPECT_EQ(m["subject"], "Appel à projets AAP-TEST : attribution d’une subvention — dossier n° 2027-001");
  EXPECT_EQ(m["date"], "Sat, 20 Mar 2027 09:00:00 +0100");
  EXPECT_EQ(m["message_id"], "<20270320.AAP-TEST.2027-001@ampmetropole.fr>");
  EXPECT_EQ(m["unsent"], "1");
}

TEST(Mailing, AttachmentIsTheLetterByteForByte) {
  Scenario s;
  const auto m = read_email(message(s, "2027-001"));
  ASSERT_EQ(m["attachments"].size(), 1u);
  EXPECT_EQ(m["attachments"][0]["type"], "application/pdf");
  EXPECT_EQ(m["attachments"][0]["filename"], "courrier-2027-001.pdf");
  EXPECT_EQ(m["attachments"][0]["hex"], hex(kPdf));
}

TEST(Mailing, LinesEndWithCrlfAndHoldAtMost78Characters) {
  Scenario s;
  const auto m = read_email(message(s, "2027-001"));
  EXPECT_LE(m["max_line"].get<int>(), 78);
  EXPECT_EQ(m["bare_lf"], 0);
}

TEST(Mailing, TextGreetsTheRepresentativeAndStatesTheGrant) {
  Scenario s;
  const auto m = read_email(message(s, "2027-001"));
  std::string text = m["text"];
  // One line: the wrapping of the paragraphs (CRLF, as the message carries it) is not what is checked.
  for (auto pos = text.find("\r\n"); pos != std::string::npos; pos = text.find("\r\n", pos)) text.replace(pos, 2, " ");
  EXPECT_EQ(text.rfind("Madame la Présidente, ", 0), 0u) << text;
  EXPECT_NE(text.find("Par délibération n°\u00A0CT1-2027-014 du 12 mars 2027"), std::string::npos) << text;
  EXPECT_NE(text.find("30\u202F000\u00A0€ (trente mille euros)"), std::string::npos) << text;
  EXPECT_NE(text.find("a attribué à l’Association Code & Quartiers, «\u202FMarseille\u202F» une"), std::string::npos)
      << text;
  EXPECT_NE(text.find("dans le cadre de l’«\u202FAppel à projets de test\u202F»."), std::string::npos) << text;
  EXPECT_NE(text.find("Je vous prie d’agréer, Madame la Présidente,"), std::string::npos) << text;
  EXPECT_NE(text.find("04 91 99 71 42"), std::string::npos) << text;
}

TEST(Mailing, IneligibleDossierGetsItsOwnSubjectAndNoGrant) {
  Scenario s;
  const auto m = read_email(message(s, "2027-004"));
  EXPECT_EQ(m["subject"], "Appel à projets AAP-TEST : dossier n° 2027-004 non éligible");
  const std::string text = m["text"];
  EXPECT_NE(text.find("critères"), std::string::npos);
  EXPECT_EQ(text.find("€"), std::string::npos) << text;
}

TEST(Mailing, SameInputsGiveTheSameBytes) {
  Scenario a;
  Scenario b;
  EXPECT_EQ(message(a, "2027-001"), message(b, "2027-001"));
}

TEST(Mailing, NoMessageForADossierWithoutAValidAddress) {
  Scenario s;
  EXPECT_THROW(message(s, "2027-002"), std::invalid_argument);
  EXPECT_THROW(message(s, "2027-003"), std::invalid_argument);
}

// The wording is the template's: edited in a --templates copy, the message says what the copy says.
TEST(Mailing, TextIsTheEmailTemplatesWording) {
  Scenario s;
  const auto templates = shipped_but(
      "courriel", "{{destinataire.salutation}}\n\nVoici la décision sur le dossier n°&nbsp;{{dossier.id}}.\n\n"
                  "{{#decision.finance}}\nSubvention : {{subvention.montant}}.\n{{/decision.finance}}\n"
                  "{{^decision.finance}}\nPas de subvention.\n{{/decision.finance}}\n\n\n\n{{contact.nom}}\n"
                  "{{collectivite.nom}}\n");
  const std::string funded = read_email(message(s, "2027-001", templates))["text"];
  EXPECT_EQ(funded,
            "Madame la Présidente,\r\n\r\nVoici la décision sur le dossier n°\u00A02027-001.\r\n\r\n"
            "Subvention\u00A0: 30\u202F000\u00A0€.\r\n\r\nKarima Messaoudi\r\nMétropole Aix-Marseille-Provence");
  const std::string ineligible = read_email(message(s, "2027-004", templates))["text"];
  EXPECT_NE(ineligible.find("dossier n°\u00A02027-004.\r\n\r\nPas de subvention.\r\n\r\nKarima"), std::string::npos)
      << ineligible;
}

TEST(Mailing, LongTemplateLinesAreWrappedAt72CharactersNeverAtANoBreakSpace) {
  Scenario s;
  const auto templates = shipped_but(
      "courriel", "Une phrase assez longue pour passer la ligne, qui nomme {{association.nom}} et le dossier "
                  "n°&nbsp;{{dossier.id}} tout au bout de la ligne.\n");
  const std::string text = read_email(message(s, "2027-001", templates))["text"];
  std::size_t longest = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    longest = std::max(longest, text::code_points(line));
    start = end + 1;
  }
  EXPECT_LE(longest, 72u) << text;
  EXPECT_NE(text.find("n°\u00A02027-001"), std::string::npos) << text;
}

// The e-mail is no markup: a value is written as the dossier gives it, without backslashes or the
// documents' value markers; an "&nbsp;" in a value is not an entity.
TEST(Mailing, ValuesAreWrittenAsTheyAreWithoutMarkupEscapes) {
  Scenario s;
  s.dossiers[0].training.title = "Web_*mobile* #1 [A|B] &nbsp; <x> 1. \\ fin";
  s.evaluation = evaluate(s.campaign, test::test_communes(), s.dossiers);
  const std::string text = read_email(message(s, "2027-001"))["text"];
  std::string one_line = text;
  for (auto pos = one_line.find("\r\n"); pos != std::string::npos; pos = one_line.find("\r\n", pos)) one_line.replace(pos, 2, " ");
  EXPECT_NE(one_line.find("«\u202FWeb_*mobile* #1 [A|B] &nbsp; <x> 1. \\ fin\u202F»"), std::string::npos) << one_line;
  EXPECT_EQ(text.find("\xEE\x80"), std::string::npos) << "marqueur de valeur dans le courriel";
}

// One wording for the letter's Objet and the e-mail's Subject: objet-courrier.mustache.
TEST(Mailing, SubjectFollowsTheLettersObjet) {
  Scenario s;
  const std::string objet = shipped().source("objet-courrier");
  const std::string edited = objet.substr(0, objet.find("{{/decision.finance}}")) + " (modifié){{/decision.finance}}" +
                             objet.substr(objet.find("{{/decision.finance}}") + std::string("{{/decision.finance}}").size());
  const auto templates = shipped_but("objet-courrier", edited);
  EXPECT_EQ(read_email(message(s, "2027-001", templates))["subject"],
            "Appel à projets AAP-TEST : attribution d’une subvention — dossier n° 2027-001 (modifié)");
  EXPECT_EQ(read_email(message(s, "2027-004", templates))["subject"],
            "Appel à projets AAP-TEST : dossier n° 2027-004 non éligible");
  const DossierEvaluation& e = s.of("2027-001");
  const std::string letter = test::document_text(letters::build_letter(templates, s.campaign, e, kDate));
  EXPECT_NE(letter.find("Objet : attribution d’une subvention — dossier n° 2027-001 (modifié)"), std::string::npos)
      << letter;
  // Written over several lines, the subject is still one line.
  const auto two_lines = shipped_but("courriel-objet", "\n  Appel à projets {{campagne.id}} :\n{{> objet-courrier}}\n\n");
  EXPECT_EQ(read_email(message(s, "2027-004", two_lines))["subject"],
            "Appel à projets AAP-TEST : dossier n° 2027-004 non éligible");
}

TEST(EmailTemplates, ShippedTemplatesPassTheStartUpCheck) {
  std::string text;
  for (const auto& p : check_email_templates(shipped(), Scenario().campaign)) text += p.to_string() + "\n";
  EXPECT_EQ(text, "");
}

TEST(EmailTemplates, UnknownValueMissingTemplateAndBlankSubjectAreReported) {
  const Campaign campaign = Scenario().campaign;
  auto problems = check_email_templates(
      shipped_but("courriel", "{{destinataire.salutation}}\n\nDossier {{dossier.numero}}.\n"), campaign);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(), "templates/courriel.mustache:3:9: variable inconnue « dossier.numero »");

  std::vector<std::pair<std::string, std::string>> sources;
  for (const std::string& n : shipped().names())
    if (n != "courriel-objet") sources.emplace_back(n, shipped().source(n));
  problems = check_email_templates(tpl::TemplateSet::from_sources(sources), campaign);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(),
            "courriel-objet.mustache: modèle manquant (fichier attendu dans le dossier des modèles)");

  problems = check_email_templates(shipped_but("courriel-objet", "{{#decision.irrecevable}}Irrecevable{{/decision.irrecevable}}\n"), campaign);
  ASSERT_EQ(problems.size(), 1u);  // once, though four decisions of the sample give no Subject
  EXPECT_EQ(problems[0].to_string(),
            "templates/courriel-objet.mustache: courriel du dossier 2027-000 : l’objet du courriel est vide");
}

nlohmann::json list_rows(const Evaluation& evaluation) {
  test::TempDir dir;
  std::ofstream(dir / "envoi.csv", std::ios::binary) << mailing_list(evaluation);
  const auto r = test::run_process(
      {AAP_PYTHON, "-c",
       "import csv,json,sys\n"
       "rows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig',newline=''),delimiter=';'))\n"
       "print(json.dumps({r['dossier']:r for r in rows}))",
       (dir / "envoi.csv").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// Every address block shortened to fit the window is flagged for a person to check.
TEST(Mailing, ListFlagsEveryShortenedAddressBlock) {
  Scenario s;
  Dossier& long_name = s.dossiers[1];
  long_name.association.name =
      "Association intercommunale pour la promotion de l’inclusion numérique, de la formation professionnelle "
      "continue et de l’insertion durable des demandeurs d’emploi peu qualifiés des quartiers prioritaires";
  long_name.association.address.lines = {"Chez Mme Durand", "Bâtiment C", "5 rue Saint-Ferréol"};
  Dossier& short_name = s.dossiers[2];
  short_name.association.name = long_name.association.name;
  short_name.association.short_name = "AIPIN";
  short_name.association.address.lines = long_name.association.address.lines;
  s.evaluation = evaluate(s.campaign, test::test_communes(), s.dossiers);
  const auto rows = list_rows(s.evaluation);
  EXPECT_EQ(rows["2027-001"]["remarque"], "");
  EXPECT_EQ(rows["2027-002"]["remarque"], "adresse abrégée : nom de l’association coupé");
  EXPECT_EQ(rows["2027-003"]["remarque"],
            "adresse électronique invalide : envoi par la poste ; adresse abrégée : nom court de l’association");
}

TEST(Mailing, ListSendsByPostWhenThereIsNoValidAddress) {
  Scenario s;
  test::TempDir dir;
  std::ofstream(dir / "envoi.csv", std::ios::binary) << mailing_list(s.evaluation);
  const auto r = test::run_process(
      {AAP_PYTHON, "-c",
       "import csv,json,sys\n"
       "rows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig',newline=''),delimiter=';'))\n"
       "print(json.dumps({r['dossier']:r for r in rows}))",
       (dir / "envoi.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows["2027-001"]["envoi"], "e-mail");
  EXPECT_EQ(rows["2027-001"]["message"], "courriers/emails/2027-001.eml");
  EXPECT_EQ(rows["2027-001"]["courrier"], "courriers/2027-001.pdf");
  EXPECT_EQ(rows["2027-001"]["association"], "Association Code & Quartiers, « Marseille »");
  EXPECT_EQ(rows["2027-001"]["representant"], "Madame Claire Martin, Présidente");
  EXPECT_EQ(rows["2027-001"]["decision"], "financé");
  EXPECT_EQ(rows["2027-001"]["subvention"], "30000,00");
  EXPECT_EQ(rows["2027-002"]["envoi"], "courrier postal");
  EXPECT_EQ(rows["2027-002"]["message"], "");
  EXPECT_EQ(rows["2027-002"]["remarque"], "");
  EXPECT_EQ(rows["2027-003"]["envoi"], "courrier postal");
  EXPECT_EQ(rows["2027-003"]["email"], "pas une adresse");
  EXPECT_EQ(rows["2027-003"]["remarque"], "adresse électronique invalide : envoi par la poste");
  EXPECT_EQ(rows["2027-004"]["decision"], "inéligible");
  EXPECT_EQ(rows["2027-004"]["subvention"], "0,00");
}

}  // namespace
}  // namespace aap::mailing
