// The @ctes envelope of the deliberation: valid against the ACTES v1.1 schema (xmllint --schema
// actesv1_1.xsd), each field read back with Python's XML parser — nature, matière, internal number,
// subject, files —, the transmission's @ctes file names, and why an envelope is left out. The subject is
// the deliberation's Objet, from its template (templates/deliberation-objet.mustache).
#include "test_paths.hpp"
#include "render/actes/actes_envelope.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <stdexcept>

#include "allocation/allocation.hpp"
#include "render/deliberation/deliberation.hpp"
#include "render/letters/document_text.hpp"
#include "support/builders.hpp"
#include "support/process.hpp"
#include "support/schema_validation.hpp"
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
papier = root.find(A + "DocumentPapier")
print(json.dumps({
    "root": root.tag, "date": root.get(A + "Date"), "numero": root.get(A + "NumeroInterne"),
    "nature": root.get(A + "CodeNatureActe"), "matieres": matieres,
    "objet": root.find(A + "Objet").text,
    "version": None if version is None else version.text,
    "document": root.find(A + "Document/" + A + "NomFichier").text,
    "nombre": annexes.get(A + "Nombre"),
    "annexes": [e.text for e in annexes.findall(A + "Annexe/" + A + "NomFichier")],
    "papier": None if papier is None else papier.text,
}))
)";

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

/// The shipped templates, with `name` replaced by `text`, or left out when `text` is nullopt.
tpl::TemplateSet shipped_but(const std::string& name, const std::optional<std::string>& text) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const std::string& n : shipped().names()) {
    if (n != name) sources.emplace_back(n, shipped().source(n));
    else if (text) sources.emplace_back(n, *text);
  }
  return tpl::TemplateSet::from_sources(sources);
}

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
  /// The deliberation's values, as the run computes them for the act of the council session.
  tpl::Value values() const {
    return deliberation::deliberation_values(campaign, evaluation, campaign.calendar.council_session);
  }
  std::string subject(const tpl::TemplateSet& templates = shipped()) const { return actes_subject(templates, values()); }
};

nlohmann::json read_back(const std::string& xml) {
  test::TempDir dir;
  const auto file = dir / kActesFile;
  std::ofstream(file, std::ios::binary) << xml;
  const auto valid = test::validate_actes_envelope(file);
  EXPECT_TRUE(valid.ok) << valid.report;
  const auto r = test::run_process({AAP_PYTHON, "-c", kReadBack, file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(ActesEnvelope, IsWellFormedWithEveryField) {
  Scenario s;
  const auto xml = actes_envelope(s.campaign, s.subject());
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
  EXPECT_EQ(f["papier"], "N");  // nothing is sent on paper
  EXPECT_NE(xml->find("  <actes:Annexes actes:Nombre=\"0\"/>\n  <actes:DocumentPapier>N</actes:DocumentPapier>\n"
                      "</actes:Acte>\n"),
            std::string::npos)
      << *xml;
  // 2 × 30 000 €: both above 23 000 €, so the conventions are approved too.
  EXPECT_EQ(f["objet"],
            "CT1 - Appel à projets de test : attribution de subventions de fonctionnement aux organismes de "
            "formation retenus et approbation des conventions");
}

TEST(ActesEnvelope, NamesEachAnnexGiven) {
  Scenario s;
  ActesFiles files;
  files.annexes = {"annexe-1.pdf", "annexe-2.pdf"};
  const auto f = read_back(*actes_envelope(s.campaign, s.subject(), files));
  EXPECT_EQ(f["nombre"], "2");
  EXPECT_EQ(f["annexes"], nlohmann::json::array({"annexe-1.pdf", "annexe-2.pdf"}));
}

TEST(ActesEnvelope, ClassificationFromTheCampaignGivesOneCodeMatierePerLevel) {
  Scenario s;
  s.campaign.deliberation.classification.matiere = {7, 10, 3};
  auto f = read_back(*actes_envelope(s.campaign, s.subject()));
  EXPECT_EQ(f["matieres"], nlohmann::json::array({"7", "10", "3"}));
  s.campaign.deliberation.classification.matiere = {9, 1, 2, 3, 99};
  f = read_back(*actes_envelope(s.campaign, s.subject()));
  EXPECT_EQ(f["matieres"], nlohmann::json::array({"9", "1", "2", "3", "99"}));
  // The schema requires two levels at least (the campaign reader refuses fewer first).
  s.campaign.deliberation.classification.matiere = {7};
  EXPECT_THROW(actes_envelope(s.campaign, s.subject()), std::invalid_argument);
}

// ClassificationDateVersion is required and cannot be guessed: no envelope, and the note names the field.
TEST(ActesEnvelope, NoEnvelopeWithoutTheClassificationVersionDate) {
  Scenario s;
  s.campaign.deliberation.classification.version_date.reset();
  EXPECT_FALSE(actes_envelope(s.campaign, s.subject()).has_value());
  const auto notes = actes_notes(s.campaign);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "deliberation.classification.version_date");
  EXPECT_EQ(notes[0].message,
            "champ absent : l’enveloppe @ctes n’est pas écrite, le schéma ACTES exige la date de la version de la "
            "classification des actes (ClassificationDateVersion) que la préfecture a communiquée");
}

TEST(ActesEnvelope, SubjectIsOneLineOfAtMost499CharactersInLatin1Typography) {
  Scenario s;
  s.campaign.title = "Appel — « l’œuvre » & <co>";
  for (int i = 0; i < 60; ++i) s.campaign.title += " numérique";  // 300 and more characters
  const std::string subject = s.subject();
  EXPECT_LE(text::code_points(subject), kMaxSubjectLength);
  EXPECT_EQ(subject.find('\n'), std::string::npos);
  EXPECT_EQ(subject.rfind("CT1 - Appel - « l'oeuvre » & <co> numérique numérique", 0), 0u) << subject;
  EXPECT_EQ(subject.substr(subject.size() - 3), "...");
  // The XML escapes what it must, and the reader gets the subject back unchanged.
  const auto f = read_back(*actes_envelope(s.campaign, s.subject()));
  EXPECT_EQ(f["objet"], subject);
}

TEST(ActesEnvelope, SubjectWithoutConventionWhenNoGrantIsAbove23000Euros) {
  Scenario s;
  for (auto& d : s.dossiers) d.budget.requested = Money::from_euros(20000);
  s.evaluation = evaluate(s.campaign, test::test_communes(), s.dossiers);
  EXPECT_EQ(s.subject(),
            "CT1 - Appel à projets de test : attribution de subventions de fonctionnement aux organismes de "
            "formation retenus");
}

// One wording for the act and its envelope: deliberation-objet.mustache, edited in a --templates copy.
TEST(ActesEnvelope, SubjectFollowsTheDeliberationsObjetTemplate) {
  Scenario s;
  const auto templates = shipped_but(
      "deliberation-objet", "CT2 – {{campagne.titre}} :\n  subventions{{#a_conventions}} et conventions{{/a_conventions}}\n");
  EXPECT_EQ(s.subject(templates), "CT2 - Appel à projets de test : subventions et conventions");
  const auto f = read_back(*actes_envelope(s.campaign, s.subject(templates)));
  EXPECT_EQ(f["objet"], "CT2 - Appel à projets de test : subventions et conventions");
  const std::string act = test::document_text(
      deliberation::build_deliberation(templates, s.campaign, s.evaluation, s.campaign.calendar.council_session));
  EXPECT_NE(act.find("Objet : CT2 – Appel à projets de test : subventions et conventions\n"), std::string::npos) << act;
}

TEST(ActesEnvelope, ObjetTemplateMissingOrBlankIsReportedAtStartUp) {
  const Campaign campaign = Scenario().campaign;
  std::string text;
  for (const auto& p : deliberation::check_deliberation_template(shipped(), campaign)) text += p.to_string() + "\n";
  EXPECT_EQ(text, "");
  // Left out: the deliberation cannot include it, nor the envelope render it.
  text.clear();
  for (const auto& p : deliberation::check_deliberation_template(shipped_but("deliberation-objet", std::nullopt), campaign))
    text += p.to_string() + "\n";
  EXPECT_NE(text.find("templates/deliberation.mustache:15:13: modèle inclus « deliberation-objet » introuvable "
                      "(fichier « deliberation-objet.mustache » attendu)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("deliberation-objet.mustache: modèle manquant (fichier attendu dans le dossier des modèles)\n"),
            std::string::npos)
      << text;
  const auto blank = deliberation::check_deliberation_template(
      shipped_but("deliberation-objet", "{{#a_conventions}}{{/a_conventions}}\n"), campaign);
  ASSERT_EQ(blank.size(), 1u);
  EXPECT_EQ(blank[0].to_string(),
            "templates/deliberation-objet.mustache: l’objet de la délibération est vide : l’enveloppe @ctes en exige un");
}

TEST(ActesEnvelope, NoEnvelopeWithoutADeliberationNumber) {
  Scenario s;
  s.campaign.deliberation.number.reset();
  EXPECT_FALSE(actes_envelope(s.campaign, s.subject()).has_value());
  auto notes = actes_notes(s.campaign);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "deliberation.number");
  s.campaign.deliberation.classification.version_date.reset();
  notes = actes_notes(s.campaign);
  ASSERT_EQ(notes.size(), 2u);  // each missing field named
  EXPECT_EQ(notes[1].field, "deliberation.classification.version_date");
}

// DDD-SIREN-YYYYMMDD-NUMERO-DE-1-1_0.xml and …_1.pdf, the act's date being the council session.
TEST(ActesEnvelope, ActesNamesFromTheDepartementTheSirenTheSessionAndTheNumber) {
  Scenario s;
  s.campaign.authority.siret = "20005480700017";
  s.campaign.authority.departement = "013";
  const ActesNames names = actes_names(s.campaign);
  EXPECT_EQ(names.envelope, "013-200054807-20270312-CT1_2027_014-DE-1-1_0.xml");
  EXPECT_EQ(names.act_copy, "013-200054807-20270312-CT1_2027_014-DE-1-1_1.pdf");
  EXPECT_TRUE(actes_notes(s.campaign).empty());
  // The envelope names the act under its @ctes name, and is valid with it.
  const auto f = read_back(*actes_envelope(s.campaign, s.subject(), names.files()));
  EXPECT_EQ(f["document"], "013-200054807-20270312-CT1_2027_014-DE-1-1_1.pdf");
  EXPECT_TRUE(is_actes_file(names.envelope));
  EXPECT_TRUE(is_actes_file(*names.act_copy));
  s.campaign.authority.departement = "02A";
  EXPECT_EQ(actes_names(s.campaign).envelope, "02A-200054807-20270312-CT1_2027_014-DE-1-1_0.xml");
}

TEST(ActesEnvelope, WithoutDepartementOrSiretTheReadableNamesAndANoteNamingTheFields) {
  Scenario s;
  s.campaign.authority.siret = "20005480700017";
  ActesNames names = actes_names(s.campaign);
  EXPECT_EQ(names.envelope, "deliberation-actes.xml");
  EXPECT_FALSE(names.act_copy.has_value());
  EXPECT_EQ(names.files().act, "deliberation.pdf");
  const std::string tail =
      " : l’enveloppe @ctes est écrite sous le nom deliberation-actes.xml ; avec authority.departement (trois "
      "caractères, 013 pour les Bouches-du-Rhône) et authority.siret, elle prendrait le nom @ctes "
      "DDD-SIREN-AAAAMMJJ-NUMERO-DE-1-1_0.xml, et l’acte sa copie …_1.pdf, qu’attendent les plateformes de "
      "télétransmission";
  auto notes = actes_notes(s.campaign);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "authority.departement");
  EXPECT_EQ(notes[0].message, "champ absent" + tail);
  s.campaign.authority.siret.reset();
  s.campaign.authority.departement = "013";
  EXPECT_EQ(actes_names(s.campaign).envelope, "deliberation-actes.xml");
  notes = actes_notes(s.campaign);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "authority.siret");
  s.campaign.authority.departement.reset();
  notes = actes_notes(s.campaign);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "authority.departement et authority.siret");
  EXPECT_EQ(notes[0].message, "champs absents" + tail);
}

TEST(ActesEnvelope, OnlyTransmissionNamesAreActesFiles) {
  EXPECT_TRUE(is_actes_file("deliberation-actes.xml"));
  EXPECT_TRUE(is_actes_file("974-123456789-20270101-N_2027_14-DE-1-1_0.xml"));
  for (const char* other : {"deliberation.pdf", "013-200054807-20270312-CT1_2027_014-DE-1-1_1.xml",
                            "013-200054807-20270312-CT1_2027_014-DE-1-1_0.pdf", "courriers/013-200054807-20270312-X-DE-1-1_0.xml",
                            "013-20005480-20270312-X-DE-1-1_0.xml", "013-200054807-20270312-X-AR-1-1_0.xml",
                            "013-200054807-20270312-X-DE-1-1_0.xml.bak"})
    EXPECT_FALSE(is_actes_file(other)) << other;
}

TEST(ActesEnvelope, NumberThatCannotBeReducedThrows) {
  Scenario s;
  s.campaign.deliberation.number = "CT1-2027-0145-BIS";
  EXPECT_THROW(actes_envelope(s.campaign, s.subject()), std::invalid_argument);
}

TEST(ActesEnvelope, SameInputsGiveTheSameBytes) {
  Scenario a;
  Scenario b;
  EXPECT_EQ(*actes_envelope(a.campaign, a.subject()), *actes_envelope(b.campaign, b.subject()));
}

}  // namespace
}  // namespace aap::actes
