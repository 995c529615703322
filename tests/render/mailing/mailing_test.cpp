// The mailing list and the e-mails, read back with Python's csv and email packages.
#include "test_paths.hpp"
#include "render/mailing/mailing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

#include "allocation/allocation.hpp"
#include "support/builders.hpp"
#include "support/process.hpp"

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

// The literal's own length (sizeof less its terminator): it holds a NUL byte, which strlen would stop at.
constexpr char kPdfHead[] = "%PDF-1.7\n\x00\x01\xff\xfe binary \r\n\r\n";
const std::string kPdf = std::string(kPdfHead, sizeof kPdfHead - 1) + std::string(5000, '\x80');

TEST(Mailing, EmailHeadersDecodeToTheCampaignContactAndTheAssociation) {
  Scenario s;
  const auto m = read_email(email_message(s.campaign, s.of("2027-001"), Date{2027, 3, 20}, kPdf));
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
  const auto m = read_email(email_message(s.campaign, s.of("2027-001"), Date{2027, 3, 20}, kPdf));
  ASSERT_EQ(m["attachments"].size(), 1u);
  EXPECT_EQ(m["attachments"][0]["type"], "application/pdf");
  EXPECT_EQ(m["attachments"][0]["filename"], "courrier-2027-001.pdf");
  EXPECT_EQ(m["attachments"][0]["hex"], hex(kPdf));
}

TEST(Mailing, LinesEndWithCrlfAndHoldAtMost78Characters) {
  Scenario s;
  const auto m = read_email(email_message(s.campaign, s.of("2027-001"), Date{2027, 3, 20}, kPdf));
  EXPECT_LE(m["max_line"].get<int>(), 78);
  EXPECT_EQ(m["bare_lf"], 0);
}

TEST(Mailing, TextGreetsTheRepresentativeAndStatesTheGrant) {
  Scenario s;
  const auto m = read_email(email_message(s.campaign, s.of("2027-001"), Date{2027, 3, 20}, kPdf));
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
  const auto m = read_email(email_message(s.campaign, s.of("2027-004"), Date{2027, 3, 20}, kPdf));
  EXPECT_EQ(m["subject"], "Appel à projets AAP-TEST : dossier n° 2027-004 non éligible");
  const std::string text = m["text"];
  EXPECT_NE(text.find("critères"), std::string::npos);
  EXPECT_EQ(text.find("€"), std::string::npos) << text;
}

TEST(Mailing, SameInputsGiveTheSameBytes) {
  Scenario a;
  Scenario b;
  EXPECT_EQ(email_message(a.campaign, a.of("2027-001"), Date{2027, 3, 20}, kPdf),
            email_message(b.campaign, b.of("2027-001"), Date{2027, 3, 20}, kPdf));
}

TEST(Mailing, NoMessageForADossierWithoutAValidAddress) {
  Scenario s;
  EXPECT_THROW(email_message(s.campaign, s.of("2027-002"), Date{2027, 3, 20}, kPdf), std::invalid_argument);
  EXPECT_THROW(email_message(s.campaign, s.of("2027-003"), Date{2027, 3, 20}, kPdf), std::invalid_argument);
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
