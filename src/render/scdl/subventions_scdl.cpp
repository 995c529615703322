// The SCDL « subventions » open-data file (schema 2.1.1), one row per grant.
#include "render/scdl/subventions_scdl.hpp"

#include <vector>

#include "render/csv/csv.hpp"
#include "text/utf8.hpp"

namespace aap::scdl {
namespace {

bool is_rna(const std::string& rna) {
  if (rna.size() != 10 || rna[0] != 'W') return false;
  for (std::size_t i = 1; i < rna.size(); ++i)
    if (rna[i] < '0' || rna[i] > '9') return false;
  return true;
}

// At most `max` code points, cut at a code point and ended by "…" when shortened.
std::string shorten(const std::string& s, std::size_t max) {
  const auto cps = text::decode_utf8(s);
  if (!cps || cps->size() <= max) return s;
  std::u32string cut = cps->substr(0, max - 1);
  while (!cut.empty() && cut.back() == U' ') cut.pop_back();
  return text::encode_utf8(cut) + "…";
}

std::string object(const Campaign& campaign, const Dossier& d) {
  return shorten("Formation « " + d.training.title + " » — appel à projets " + campaign.id +
                     " (formations labellisées Grande École du Numérique)",
                 kMaxObjectLength);
}

}  // namespace

std::optional<std::string> subventions_csv(const Campaign& campaign, const Evaluation& evaluation) {
  if (!campaign.authority.siret) return std::nullopt;
  std::string out = csv::record(std::vector<std::string>(kColumns.begin(), kColumns.end()));
  const Date session = campaign.calendar.council_session;
  const std::string period = session.iso() + "/" + Date{session.year, 12, 31}.iso();
  for (const DossierEvaluation& e : evaluation.dossiers) {
    if (e.grant.cents() <= 0 || !e.dossier) continue;
    const Dossier& d = *e.dossier;
    const std::string rna = d.association.rna.value_or("");
    // The amount as the schema's number: a dot before the cents.
    out += csv::record({campaign.authority.name, *campaign.authority.siret, session.iso(),
                        campaign.deliberation.number.value_or(""), d.association.name, d.association.siret,
                        is_rna(rna) ? rna : "", object(campaign, d), e.grant.plain('.'), "aide en numéraire",
                        "unique", period, "", "non", "1.00", ""});
  }
  return out;
}

std::vector<Diagnostic> scdl_notes(const Campaign& campaign) {
  if (campaign.authority.siret) return {};
  return {{"", 0, "authority.siret",
           std::string("champ absent : ") + kScdlFile +
               " n’est pas écrit, le format SCDL subventions exige le SIRET de l’attribuant (idAttribuant) sur "
               "chaque ligne"}};
}

}  // namespace aap::scdl
