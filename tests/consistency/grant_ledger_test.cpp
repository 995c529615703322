// The cross-document check: the same grants, the same sums, never above the envelope.
#include "consistency/grant_ledger.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "allocation/allocation.hpp"
#include "render/xlsx/annexes.hpp"
#include "support/builders.hpp"
#include "support/process.hpp"

namespace aap::consistency {
namespace {

Money euros(std::int64_t e) { return Money::from_euros(e); }

void record_agreeing(GrantLedger& ledger, const std::string& document) {
  ledger.add_grant(document, "2027-001", euros(30000));
  ledger.add_grant(document, "2027-002", Money::from_cents(1250050));
  ledger.set_total(document, Money::from_cents(4250050));
}

TEST(GrantLedger, AgreeingDocumentsPass) {
  GrantLedger ledger;
  record_agreeing(ledger, kEvaluationDocument);
  record_agreeing(ledger, kDeliberationDocument);
  ledger.add_grant(kLettersDocument, "2027-002", Money::from_cents(1250050));
  ledger.add_grant(kLettersDocument, "2027-001", euros(30000));
  EXPECT_EQ(disagreements(ledger, euros(250000)), std::vector<std::string>{});
  EXPECT_NO_THROW(require_consistent(ledger, euros(250000)));
}

TEST(GrantLedger, AWrongTotalIsAMismatch) {
  GrantLedger ledger;
  record_agreeing(ledger, kEvaluationDocument);
  ledger.add_grant(kDeliberationDocument, "2027-001", euros(30000));
  ledger.add_grant(kDeliberationDocument, "2027-002", Money::from_cents(1250050));
  ledger.set_total(kDeliberationDocument, euros(43000));
  EXPECT_EQ(disagreements(ledger, euros(250000)),
            std::vector<std::string>{"délibération : total imprimé 43\u202F000\u00A0€, somme des subventions "
                                     "42\u202F500,50\u00A0€"});
  try {
    require_consistent(ledger, euros(250000));
    FAIL() << "no Mismatch";
  } catch (const Mismatch& e) {
    EXPECT_EQ(std::string(e.what()), "  - délibération : total imprimé 43\u202F000\u00A0€, somme des subventions "
                                     "42\u202F500,50\u00A0€\n");
  }
}

TEST(GrantLedger, ADifferentAmountAMissingAndAnExtraDossierAreEachNamed) {
  GrantLedger ledger;
  record_agreeing(ledger, kEvaluationDocument);
  ledger.add_grant(kLettersDocument, "2027-001", euros(29000));
  ledger.add_grant(kLettersDocument, "2027-009", euros(1000));
  EXPECT_EQ(disagreements(ledger, euros(250000)),
            (std::vector<std::string>{
                "courriers : le dossier 2027-001 reçoit 29\u202F000\u00A0€, evaluation.json : 30\u202F000\u00A0€",
                "courriers : le dossier 2027-009 reçoit 1\u202F000\u00A0€, absent de evaluation.json",
                "courriers : le dossier 2027-002 n’y figure pas, evaluation.json lui attribue 12\u202F500,50\u00A0€",
                "courriers : somme des subventions 30\u202F000\u00A0€, evaluation.json : 42\u202F500,50\u00A0€"}));
}

TEST(GrantLedger, ASumAboveTheEnvelopeIsAMismatchEvenWhenAllAgree) {
  GrantLedger ledger;
  record_agreeing(ledger, kEvaluationDocument);
  EXPECT_EQ(disagreements(ledger, euros(40000)),
            std::vector<std::string>{"evaluation.json : 42\u202F500,50\u00A0€ attribués, au-delà de l’enveloppe de "
                                     "40\u202F000\u00A0€"});
}

TEST(GrantLedger, ADossierTwiceIsAMismatch) {
  GrantLedger ledger;
  ledger.add_grant(kEvaluationDocument, "2027-001", euros(100));
  ledger.add_grant(kAnnexesDocument, "2027-001", euros(100));
  ledger.add_grant(kAnnexesDocument, "2027-001", euros(100));
  const auto problems = disagreements(ledger, euros(1000));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "annexes.xlsx (Répartition) : le dossier 2027-001 apparaît deux fois");
}

TEST(GrantLedger, ZeroGrantsAreNotGrants) {
  GrantLedger ledger;
  ledger.add_grant(kEvaluationDocument, "2027-001", Money());
  ledger.add_document(kLettersDocument);
  EXPECT_TRUE(ledger.documents()[0].grants.empty());
  EXPECT_EQ(disagreements(ledger, Money()), std::vector<std::string>{});
}

TEST(PrintedAmount, ReadsTheDocumentsFrenchFigures) {
  EXPECT_EQ(parse_printed_amount("30\u202F000\u00A0€"), euros(30000));
  EXPECT_EQ(parse_printed_amount("12\u202F345,50\u00A0€"), Money::from_cents(1234550));
  EXPECT_EQ(parse_printed_amount("0\u00A0€"), Money());
  EXPECT_EQ(parse_printed_amount("trente mille euros"), std::nullopt);
}

TEST(RecordLetter, TakesTheAmountOnlyFromAFundingLetter) {
  GrantLedger ledger;
  tpl::Value funded;
  funded.set("decision", tpl::Value().set("finance", tpl::Value::flag(true)).set("partielle", tpl::Value::flag(false)));
  funded.set("subvention", tpl::Value().set("montant", "12\u202F500\u00A0€"));
  tpl::Value refused = funded;
  refused.set("decision", tpl::Value().set("finance", tpl::Value::flag(false)).set("partielle", tpl::Value::flag(false)));
  record_letter(ledger, "2027-001", funded);
  record_letter(ledger, "2027-002", refused);
  const auto documents = ledger.documents();
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].document, "courriers");
  ASSERT_EQ(documents[0].grants.size(), 1u);
  EXPECT_EQ(documents[0].grants[0], (std::pair<std::string, Money>{"2027-001", euros(12500)}));
}

TEST(RecordEvaluationJson, ReadsEveryGrantAndTheTotal) {
  GrantLedger ledger;
  record_evaluation_json(ledger, R"({"allocated_cents": 3000000, "dossiers": [
      {"id": "2027-001", "grant_cents": 3000000}, {"id": "2027-002", "grant_cents": 0}]})");
  const auto documents = ledger.documents();
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].grants.size(), 1u);
  EXPECT_EQ(documents[0].total, euros(30000));
}

// The workbook as annexes.xlsx writes it, read back: the same grants as the evaluation.
TEST(RecordAnnexes, ReadsTheDistributionSheetAsWritten) {
  Campaign campaign = test::seed_campaign();
  campaign.envelope = Money::from_cents(4250050);
  campaign.allocation.rounding = Rounding::cent;
  std::vector<Dossier> dossiers{test::eligible_dossier("2027-001"), test::eligible_dossier("2027-002"),
                                test::eligible_dossier("2027-003")};
  dossiers[0].budget.requested = euros(30000);
  dossiers[1].budget.requested = Money::from_cents(1250050);
  dossiers[2].training.free_of_charge = false;  // ineligible: no row
  const Evaluation evaluation = evaluate(campaign, test::test_communes(), dossiers);
  test::TempDir tmp;
  write_annexes(tmp / "annexes.xlsx", campaign, evaluation, *Date::parse_iso("2027-03-20"));

  GrantLedger ledger;
  for (const DossierEvaluation& e : evaluation.dossiers) ledger.add_grant(kEvaluationDocument, e.dossier->id, e.grant);
  record_annexes(ledger, tmp / "annexes.xlsx");
  const auto documents = ledger.documents();
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[1].grants,
            (std::vector<std::pair<std::string, Money>>{{"2027-001", euros(30000)},
                                                        {"2027-002", Money::from_cents(1250050)}}));
  EXPECT_EQ(documents[1].total, Money::from_cents(4250050));
  EXPECT_EQ(disagreements(ledger, campaign.envelope), std::vector<std::string>{});
}

TEST(RecordAnnexes, AFileThatIsNotAWorkbookIsAMismatch) {
  test::TempDir tmp;
  std::ofstream(tmp / "annexes.xlsx") << "not a zip";
  GrantLedger ledger;
  EXPECT_THROW(record_annexes(ledger, tmp / "annexes.xlsx"), Mismatch);
}

}  // namespace
}  // namespace aap::consistency
