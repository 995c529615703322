// The grant ledger and the cross-document check (same dossiers, same amounts, same sums, within the envelope).
#include "consistency/grant_ledger.hpp"

#include <algorithm>
#include <map>

#include "json/parse.hpp"
#include "text/french.hpp"

namespace aap::consistency {
namespace {

Money sum_of(const DocumentGrants& d) {
  Money sum;
  for (const auto& [id, grant] : d.grants) sum += grant;
  return sum;
}

void compare(const DocumentGrants& reference, const DocumentGrants& d, std::vector<std::string>& problems) {
  std::map<std::string, Money> expected(reference.grants.begin(), reference.grants.end());
  std::map<std::string, Money> seen;
  for (const auto& [id, grant] : d.grants) {
    if (!seen.emplace(id, grant).second) {
      problems.push_back(d.document + " : le dossier " + id + " apparaît deux fois");
      continue;
    }
    const auto it = expected.find(id);
    if (it == expected.end()) {
      problems.push_back(d.document + " : le dossier " + id + " reçoit " + fr::money(grant) + ", absent de " +
                         reference.document);
    } else if (it->second != grant) {
      problems.push_back(d.document + " : le dossier " + id + " reçoit " + fr::money(grant) + ", " +
                         reference.document + " : " + fr::money(it->second));
    }
  }
  for (const auto& [id, grant] : expected)
    if (!seen.count(id))
      problems.push_back(d.document + " : le dossier " + id + " n’y figure pas, " + reference.document +
                         " lui attribue " + fr::money(grant));
  const Money sum = sum_of(d);
  const Money reference_sum = sum_of(reference);
  if (sum != reference_sum)
    problems.push_back(d.document + " : somme des subventions " + fr::money(sum) + ", " + reference.document +
                       " : " + fr::money(reference_sum));
}

}  // namespace

DocumentGrants& GrantLedger::entry(const std::string& document) {
  for (DocumentGrants& d : documents_)
    if (d.document == document) return d;
  documents_.push_back({document, {}, std::nullopt});
  return documents_.back();
}

void GrantLedger::add_grant(const std::string& document, const std::string& dossier_id, Money grant) {
  std::lock_guard lock(mutex_);
  DocumentGrants& d = entry(document);
  if (grant != Money()) d.grants.emplace_back(dossier_id, grant);
}

void GrantLedger::set_total(const std::string& document, Money total) {
  std::lock_guard lock(mutex_);
  entry(document).total = total;
}

void GrantLedger::add_document(const std::string& document) {
  std::lock_guard lock(mutex_);
  entry(document);
}

std::vector<DocumentGrants> GrantLedger::documents() const {
  std::lock_guard lock(mutex_);
  return documents_;
}

std::vector<std::string> disagreements(const GrantLedger& ledger, Money envelope) {
  const std::vector<DocumentGrants> documents = ledger.documents();
  std::vector<std::string> problems;
  for (const DocumentGrants& d : documents) {
    const Money sum = sum_of(d);
    if (d.total && *d.total != sum)
      problems.push_back(d.document + " : total imprimé " + fr::money(*d.total) + ", somme des subventions " +
                         fr::money(sum));
    const Money highest = d.total ? std::max(*d.total, sum) : sum;
    if (highest > envelope)
      problems.push_back(d.document + " : " + fr::money(highest) + " attribués, au-delà de l’enveloppe de " +
                         fr::money(envelope));
    if (&d != &documents.front()) compare(documents.front(), d, problems);
  }
  return problems;
}

void require_consistent(const GrantLedger& ledger, Money envelope) {
  const std::vector<std::string> problems = disagreements(ledger, envelope);
  if (problems.empty()) return;
  std::string message;
  for (const std::string& p : problems) message += "  - " + p + "\n";
  throw Mismatch(message);
}

std::optional<Money> parse_printed_amount(std::string_view text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "\u202F") == 0 || text.compare(i, 3, "€") == 0) {
      i += 3;
    } else if (text.compare(i, 2, "\u00A0") == 0) {
      i += 2;
    } else if (text[i] == ' ') {
      ++i;
    } else {
      plain += text[i] == ',' ? '.' : text[i];
      ++i;
    }
  }
  return Money::parse(plain);
}

void record_evaluation_json(GrantLedger& ledger, std::string_view json_text) {
  try {
    const json::Document document = json::parse_written(json_text);
    const json::Node root = document.root();
    ledger.add_document(kEvaluationDocument);
    const json::Node dossiers = root.at("dossiers");
    for (std::size_t i = 0; i < dossiers.size(); ++i) {
      const json::Node d = dossiers.at(i);
      ledger.add_grant(kEvaluationDocument, d.at("id").string(), Money::from_cents(d.at("grant_cents").integer()));
    }
    ledger.set_total(kEvaluationDocument, Money::from_cents(root.at("allocated_cents").integer()));
  } catch (const json::Error& e) {
    throw Mismatch(std::string("  - evaluation.json illisible : ") + e.what() + "\n");
  }
}

void record_letter(GrantLedger& ledger, const std::string& dossier_id, const tpl::Value& values) {
  ledger.add_document(kLettersDocument);
  const tpl::Value* funded = values.find_path("decision.finance");
  const tpl::Value* partial = values.find_path("decision.partielle");
  if (!(funded && funded->is_on()) && !(partial && partial->is_on())) return;
  const tpl::Value* amount = values.find_path("subvention.montant");
  const auto grant = amount ? parse_printed_amount(amount->text()) : std::nullopt;
  if (!grant)
    throw Mismatch("  - courrier du dossier " + dossier_id + " : montant de la subvention illisible « " +
                   (amount ? amount->text() : std::string()) + " »\n");
  ledger.add_grant(kLettersDocument, dossier_id, *grant);
}

void record_deliberation(GrantLedger& ledger, const tpl::Value& values) {
  ledger.add_document(kDeliberationDocument);
  auto amount_of = [](const tpl::Value* v, const std::string& what) {
    const auto m = v ? parse_printed_amount(v->text()) : std::nullopt;
    if (!m)
      throw Mismatch("  - délibération : " + what + " illisible « " + (v ? v->text() : std::string()) + " »\n");
    return *m;
  };
  if (const tpl::Value* list = values.get("beneficiaires")) {
    for (const tpl::Value& b : list->items()) {
      const tpl::Value* id = b.get("id");
      ledger.add_grant(kDeliberationDocument, id ? id->text() : std::string("?"),
                       amount_of(b.get("montant"), "montant du dossier " + (id ? id->text() : std::string("?"))));
    }
  }
  ledger.set_total(kDeliberationDocument, amount_of(values.find_path("total.montant"), "total"));
}

}  // namespace aap::consistency
