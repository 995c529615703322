// The SCDL « subventions » open-data file, read back with Python's csv module; every file written is
// checked against the SCDL subventions 2.1.1 TableSchema.
#include "test_paths.hpp"
#include "render/scdl/subventions_scdl.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "allocation/allocation.hpp"
#include "support/builders.hpp"
#include "support/process.hpp"
#include "support/schema_validation.hpp"
#include "text/utf8.hpp"

namespace aap::scdl {
namespace {

// Rows as dictionaries, the header as a list: what a reuser's script sees.
constexpr const char* kReadBack = R"(
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    reader = csv.DictReader(f)
    rows = list(reader)
    print(json.dumps({"header": reader.fieldnames, "rows": rows}))
)";

nlohmann::json read_back(const std::optional<std::string>& csv) {
  if (!csv) {
    ADD_FAILURE() << "no file written";
    return nlohmann::json::object({{"header", nullptr}, {"rows", nlohmann::json::array()}});
  }
  const std::string& text = *csv;
  const auto valid = test::validate_scdl_text(text);
  EXPECT_TRUE(valid.ok) << valid.report;
  test::TempDir dir;
  const auto file = dir / kScdlFile;
  std::ofstream(file, std::ios::binary) << text;
  const auto r = test::run_process({AAP_PYTHON, "-c", kReadBack, file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

struct Scenario {
  Campaign campaign = test::seed_campaign();
  std::vector<Dossier> dossiers;
  Evaluation evaluation;
  Scenario() {
    campaign.authority.siret = "20005480700017";
    campaign.deliberation.number = "CT1-2027-014";
    campaign.allocation.rounding = Rounding::cent;
    dossiers.push_back(test::eligible_dossier("2027-001"));
    dossiers.push_back(test::eligible_dossier("2027-002"));
    dossiers.back().association.name = "Code, \"Quartiers\" & Co";
    dossiers.back().association.rna = "W133012345";
    dossiers.back().budget.requested = Money::from_cents(1250050);
    dossiers.push_back(test::eligible_dossier("2027-003"));
    dossiers.back().training.free_of_charge = false;  // ineligible: no row
    dossiers.back().association.rna = "W13-3012";   // not the schema's form: left blank
  }
  void evaluate_all() { evaluation = evaluate(campaign, test::test_communes(), dossiers); }
};

TEST(SubventionsScdl, HeaderIsTheSchemaColumnsInOrder) {
  Scenario s;
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  EXPECT_EQ(f["header"], nlohmann::json::array({"nomAttribuant", "idAttribuant", "dateConvention",
                                                 "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
                                                 "rnaBeneficiaire", "objet", "montant", "nature",
                                                 "conditionsVersement", "datesPeriodeVersement", "idRAE",
                                                 "notificationUE", "pourcentageSubvention", "dispositifAide"}));
}

TEST(SubventionsScdl, OneRowPerGrantWithTheSchemaValueFormats) {
  Scenario s;
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  ASSERT_EQ(f["rows"].size(), 2u);
  const auto& first = f["rows"][0];
  EXPECT_EQ(first["nomAttribuant"], "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(first["idAttribuant"], "20005480700017");
  EXPECT_EQ(first["dateConvention"], "2027-03-12");
  EXPECT_EQ(first["referenceDecision"], "CT1-2027-014");
  EXPECT_EQ(first["nature"], "aide en numéraire");
  EXPECT_EQ(first["conditionsVersement"], "unique");
  EXPECT_EQ(first["datesPeriodeVersement"], "2027-03-12/2027-12-31");
  EXPECT_EQ(first["notificationUE"], "non");
  EXPECT_EQ(first["pourcentageSubvention"], "1.00");
  EXPECT_EQ(first["idRAE"], "");
  EXPECT_EQ(first["dispositifAide"], "");
  EXPECT_EQ(first["objet"],
            "Formation « Développeur web et web mobile » — appel à projets AAP-TEST (formations labellisées "
            "Grande École du Numérique)");
  std::map<std::string, nlohmann::json> by_beneficiary;
  for (const auto& row : f["rows"]) by_beneficiary[row["nomBeneficiaire"]] = row;
  EXPECT_EQ(by_beneficiary["Association 2027-001"]["montant"], "30000.00");
  EXPECT_EQ(by_beneficiary["Code, \"Quartiers\" & Co"]["montant"], "12500.50");
  EXPECT_EQ(by_beneficiary["Code, \"Quartiers\" & Co"]["rnaBeneficiaire"], "W133012345");
  EXPECT_EQ(by_beneficiary["Association 2027-001"]["idBeneficiaire"], "73282932000074");
}

TEST(SubventionsScdl, AmountsEqualTheGrantsOfTheEvaluation) {
  Scenario s;
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  std::int64_t total = 0;
  for (const auto& row : f["rows"]) {
    const std::string m = row["montant"];
    const auto dot = m.find('.');
    ASSERT_EQ(m.size() - dot, 3u) << m;
    total += std::stoll(m.substr(0, dot)) * 100 + std::stoll(m.substr(dot + 1));
  }
  EXPECT_EQ(total, s.evaluation.allocated.cents());
}

TEST(SubventionsScdl, RnaNotOfTheSchemaFormIsLeftBlank) {
  Scenario s;
  s.dossiers[0].association.rna = "W13-3012";
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  int found = 0;
  for (const auto& row : f["rows"]) {
    if (row["nomBeneficiaire"] != "Association 2027-001") continue;
    ++found;
    EXPECT_EQ(row["rnaBeneficiaire"], "");
  }
  EXPECT_EQ(found, 1);
}

// SCDL requires idAttribuant on every row: without the grantor's SIRET no file, and the note says which
// campaign field would give it.
TEST(SubventionsScdl, WithoutTheGrantorsSiretNoFileAndANoteNamingTheField) {
  Scenario s;
  s.campaign.authority.siret.reset();
  s.evaluate_all();
  EXPECT_FALSE(subventions_csv(s.campaign, s.evaluation).has_value());
  const auto notes = scdl_notes(s.campaign);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "authority.siret");
  EXPECT_EQ(notes[0].message,
            "champ absent : subventions-scdl.csv n’est pas écrit, le format SCDL subventions exige le SIRET de "
            "l’attribuant (idAttribuant) sur chaque ligne");
  s.campaign.authority.siret = "20005480700017";
  EXPECT_TRUE(scdl_notes(s.campaign).empty());
}

TEST(SubventionsScdl, WithoutNumberTheReferenceIsBlankAndTheFileValid) {
  Scenario s;
  s.campaign.deliberation.number.reset();
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  ASSERT_FALSE(f["rows"].empty());
  EXPECT_EQ(f["rows"][0]["referenceDecision"], "");
}

// La Poste's establishments have a SIRET whose key is not Luhn's; quotes, commas, a long title, a
// grant in cents, a beneficiary with its RNA: all within the schema.
TEST(SubventionsScdl, EdgeValuesStayValid) {
  Scenario s;
  s.campaign.authority.siret = "35600000000048";
  s.campaign.authority.name = "Métropole \"AMP\", direction de l’emploi";
  s.dossiers[0].association.siret = "35600000000010";  // digits summing to a multiple of 5
  s.dossiers[0].training.title = std::string(300, 'x') + ", \"y\"";
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  EXPECT_EQ(f["rows"].size(), 2u);
}

TEST(SubventionsScdl, LongObjectIsShortenedTo255Characters) {
  Scenario s;
  s.dossiers[0].training.title = std::string(300, 'x');
  s.evaluate_all();
  const auto f = read_back(subventions_csv(s.campaign, s.evaluation));
  for (const auto& row : f["rows"]) {
    const std::string objet = row["objet"];
    EXPECT_LE(text::code_points(objet), kMaxObjectLength);
  }
}

TEST(SubventionsScdl, RecordsEndWithCrlf) {
  Scenario s;
  s.evaluate_all();
  const std::string text = subventions_csv(s.campaign, s.evaluation).value();
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  EXPECT_EQ(text.find("\n"), text.find("\r\n") + 1);
  EXPECT_NE(text.rfind("\xEF\xBB\xBF", 0), 0u) << "no byte-order mark in open data";
}

}  // namespace
}  // namespace aap::scdl
