// The grants each document printed, gathered while the run writes, and the check that they agree.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/evaluation.hpp"
#include "model/money.hpp"
#include "render/template/value.hpp"

namespace aap::consistency {

// The documents' names in the messages.
inline constexpr const char* kEvaluationDocument = "evaluation.json";
inline constexpr const char* kLettersDocument = "courriers";
inline constexpr const char* kAnnexesDocument = "annexes.xlsx (Répartition)";
inline constexpr const char* kDeliberationDocument = "délibération";

/// What one document printed: each dossier's grant (grants of 0 are not recorded) and, when it prints
/// one, its total.
struct DocumentGrants {
  std::string document;
  std::vector<std::pair<std::string, Money>> grants;  // in the order recorded
  std::optional<Money> total;
};

/// Filled by the families as they write (several threads may record at once), read once before the
/// output folder is moved into place.
class GrantLedger {
 public:
  GrantLedger() = default;
  GrantLedger(const GrantLedger&) = delete;
  GrantLedger& operator=(const GrantLedger&) = delete;

  /// Records that `document` grants `grant` to `dossier_id`; a grant of 0 is ignored (not a grant).
  void add_grant(const std::string& document, const std::string& dossier_id, Money grant);
  /// Records the total `document` prints.
  void set_total(const std::string& document, Money total);
  /// Makes `document` take part in the check even when it grants nothing.
  void add_document(const std::string& document);
  /// The documents in the order they were first recorded.
  std::vector<DocumentGrants> documents() const;

 private:
  DocumentGrants& entry(const std::string& document);  // mutex_ held
  mutable std::mutex mutex_;
  std::vector<DocumentGrants> documents_;
};

/// Every disagreement, one French sentence each, empty when all agree: each document against the first
/// one recorded (evaluation.json in a run) — the same dossiers with the same amounts and the same sum —,
/// a printed total equal to the sum of its grants, no dossier twice, no sum above `envelope`.
std::vector<std::string> disagreements(const GrantLedger& ledger, Money envelope);

/// The documents disagree: an internal error, never a silent output.
class Mismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws Mismatch listing every disagreement, one per line (each prefixed "  - ").
void require_consistent(const GrantLedger& ledger, Money envelope);

/// An amount as the documents print it: "30 000 €", "12 345,50 €" (narrow no-break, no-break spaces).
std::optional<Money> parse_printed_amount(std::string_view text);

/// evaluation.json's grants (dossiers[].grant_cents) and total (allocated_cents), read from its text.
/// Throws Mismatch when the text is not what evaluation_json() writes.
void record_evaluation_json(GrantLedger& ledger, std::string_view json_text);

/// A letter's grant, from the values its template printed: `subvention.montant` when the decision is
/// funded or partially funded (`decision.finance`, `decision.partielle`); nothing otherwise.
void record_letter(GrantLedger& ledger, const std::string& dossier_id, const tpl::Value& values);

/// The deliberation's grants and total, from the values its template printed: `beneficiaires[]`
/// {id, montant} and `total.montant`.
void record_deliberation(GrantLedger& ledger, const tpl::Value& values);

/// The `Répartition` sheet of an annexes workbook as written: each row's id (column B) and grant
/// (column H), and the Total row's value. Throws Mismatch when the sheet cannot be read.
void record_annexes(GrantLedger& ledger, const std::filesystem::path& workbook);

}  // namespace aap::consistency
