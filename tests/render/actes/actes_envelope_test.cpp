// The @ctes envelope of the deliberation: well-formed (xmllint), and each field read back with Python's
// XML parser — nature, matière, internal number, subject, files.
#include "test_paths.hpp"
#include "render/actes/actes_envelope.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

#include "allocation/allocation.hpp"
#include "support/builders.hpp"
#include "support/process.hpp"
#include "text/utf8.hpp"

namespace aap::actes {
namespace {

// The envelope's fields as an independent XML reader finds them.
constexpr const char* kReadBack = R"(
import json, sys, xml.etree.ElementTree as ET
A = "{http://www.interieur.gouv.fr/ACTES#v1.1-20040216}"
root = ET.parse(sys.argv[1]).getroot()
matieres = []
for level in range(1, 6):
    e = root.find(A + "CodeMatiere" + str(level))
    if e is not None:
        matieres.append(e.get(A + "CodeMatiere"))
version = root.find(A + "ClassificationDateVersion")
annexes = root.find(A + "Annexes")
print(json.dumps({
    "root": root.tag, "date": root.get(A + "Date"), "numero": root.get(A + "NumeroInterne"),
    "nature": root.get(A + "CodeNatureActe"), "matieres": matieres,
    "objet": root.find(A + "Objet").text,
    "version": None if version is None else version.text,
    "document": root.find(A + "Document/" + A + "NomFichier").text,
    "nombre": annexes.get(A + "Nombre"),
    "annexes": [e.text for e in annexes.findall(A + "Annexe/" + A + "NomFichier")],
}))
)";

struct Scenario {
  Campaign campaign = test::seed_campaign();
  std::vector<Dossier> dossiers;
  Evaluation evaluation;
  Scenario() {
    campaign.deliberation.number = "CT1-2027-014";
    campaign.deliberation.classification.version_date = Date{2026, 9, 1};
    dossiers.push_back(test::eligible_dossier("2027-001"));
    dossiers.push_back(test::eligible_dossier("2027-002"));
    evaluation = evaluate(campaign, test::test_communes(), dossiers);
  }
};

nlohmann::json read_back(const std::string& xml) {
  test::TempDir dir;
  const auto file = dir / kActesFile;
  std::ofstream(file, std::ios::binary) << xml;
  const auto lint = test::run_process({"/usr/bin/xmllint", "--noout", file.string()});
  EXPECT_EQ(lint.exit_code, 0) << lint.err;
  const auto r = test::run_process({AAP_PYTHON, "-c", kReadBack, file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(ActesEnvelope, IsWellFormedWithEveryField) {
  Scenario s;
  const auto xml = actes_envelope(s.campaign, s.evaluation);
  ASSERT_TRUE(xml);
  const auto f = read_back(*xml);
  EXPECT_EQ(f["root"], "{http://www.interieur.gouv.fr/ACTES#v1.1-20040216}Acte");
  EXPECT_EQ(f["date"], "2027-03-12");
  EXPECT_EQ(f["numero"], "CT1_2027_014");
  EXPECT_EQ(f["nature"], "1");
  EXPECT_EQ(f["matieres"], nlohmann::json::array({"7", "5"}));
  EXPECT_EQ(f["version"], "2026-09-01");
  EXPECT_EQ(f["document"], "deliberation.pdf");
  EXPECT_EQ(f["nombre"], "0");  // the finance workbook is no annex of the act
  EXPECT_EQ(f["annexes"], nlohmann::json::array());
  EXPECT_NE(xml->find("  <actes:Annexes actes:Nombre=\"0\"/>\n</actes:Acte>\n"), std::string::npos) << *xml;
  // 2 × 30 000 €: both above 23 000 €, so the conventions are approved too.
  EXPECT_EQ(f["objet"],
            "CT1 - Appel à projets de test : attribution de subventions de fonctionnement aux organismes de "
            "formation retenus et approbation des conventions");
}

TEST(ActesEnvelope, NamesEachAnnexGiven) {
  Scenario s;
  ActesFiles files;
  files.annexes = {"annexe-1.pdf", "annexe-2.pdf"};
  const auto f = read_back(*actes_envelope(s.campaign, s.evaluation, files));
  EXPECT_EQ(f["nombre"], "2");
  EXPECT_EQ(f["annexes"], nlohmann::json::array({"annexe-1.pdf", "annexe-2.pdf"}));
}

TEST(ActesEnvelope, ClassificationFromTheCampaignGivesOneCodeMatierePerLevel) {
  Scenario s;
  s.campaign.deliberation.classification.matiere = {7, 10, 3};
  s.campaign.deliberation.classification.version_date.reset();
  const auto f = read_back(*actes_envelope(s.campaign, s.evaluation));
  EXPECT_EQ(f["matieres"], nlohmann::json::array({"7", "10", "3"}));
  EXPECT_TRUE(f["version"].is_null()) << "left to the TdT when the campaign does not give it";
}

TEST(ActesEnvelope, SubjectIsOneLineOfAtMost499CharactersInLatin1Typography) {
  Scenario s;
  s.campaign.title = "Appel — « l’œuvre » & <co>";
  for (int i = 0; i < 60; ++i) s.campaign.title += " numérique";  // 300 and more characters
  const std::string subject = actes_subject(s.campaign, s.evaluation);
  EXPECT_LE(text::code_points(subject), kMaxSubjectLength);
  EXPECT_EQ(subject.find('\n'), std::string::npos);
  EXPECT_EQ(subject.rfind("CT1 - Appel - « l'oeuvre » & <co> numérique numérique", 0), 0u) << subject;
  EXPECT_EQ(subject.substr(subject.size() - 3), "...");
  // The XML escapes what it must, and the reader gets the subject back unchanged.
  const auto f = read_back(*actes_envelope(s.campaign, s.evaluation));
  EXPECT_EQ(f["objet"], subject);
}

TEST(ActesEnvelope, SubjectWithoutConventionWhenNoGrantIsAbove23000Euros) {
  Scenario s;
  for (auto& d : s.dossiers) d.budget.requested = Money::from_euros(20000);
  s.evaluation = evaluate(s.campaign, test::test_communes(), s.dossiers);
  EXPECT_EQ(actes_subject(s.campaign, s.evaluation),
            "CT1 - Appel à projets de test : attribution de subventions de fonctionnement aux organismes de "
            "formation retenus");
}

TEST(ActesEnvelope, NoEnvelopeWithoutADeliberationNumber) {
  Scenario s;
  s.campaign.deliberation.number.reset();
  EXPECT_FALSE(actes_envelope(s.campaign, s.evaluation).has_value());
}

TEST(ActesEnvelope, NumberThatCannotBeReducedThrows) {
  Scenario s;
  s.campaign.deliberation.number = "CT1-2027-0145-BIS";
  EXPECT_THROW(actes_envelope(s.campaign, s.evaluation), std::invalid_argument);
}

TEST(ActesEnvelope, SameInputsGiveTheSameBytes) {
  Scenario a;
  Scenario b;
  EXPECT_EQ(*actes_envelope(a.campaign, a.evaluation), *actes_envelope(b.campaign, b.evaluation));
}

}  // namespace
}  // namespace aap::actes
