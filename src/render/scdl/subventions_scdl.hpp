// The grants as open data: the national SCDL « subventions » format (décret n° 2017-779, arrêté du
// 17 novembre 2017), one row per grant.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/campaign.hpp"
#include "model/diagnostic.hpp"
#include "model/evaluation.hpp"

namespace aap::scdl {

inline constexpr const char* kScdlFile = "subventions-scdl.csv";

/// The columns of SCDL subventions 2.1.1 (schema.data.gouv.fr/scdl/subventions/2.1.1), in its order.
inline constexpr std::array<const char*, 16> kColumns = {
    "nomAttribuant",  "idAttribuant",          "dateConvention", "referenceDecision",
    "nomBeneficiaire", "idBeneficiaire",       "rnaBeneficiaire", "objet",
    "montant",        "nature",                "conditionsVersement", "datesPeriodeVersement",
    "idRAE",          "notificationUE",        "pourcentageSubvention", "dispositifAide"};

/// The schema limits `objet` to 255 characters.
inline constexpr std::size_t kMaxObjectLength = 255;

/// The CSV (comma-separated, UTF-8 without byte-order mark, CRLF, RFC 4180 quoting), valid against the
/// SCDL subventions 2.1.1 TableSchema: a header row, then one row per dossier with a grant above 0, in
/// rank order. Nullopt when the campaign has no `authority.siret`: the schema requires idAttribuant on
/// every row, and a file that open-data portals refuse is never written (scdl_notes says why). Values:
///  - nomAttribuant, idAttribuant: the authority's name and `authority.siret`;
///  - dateConvention: the council session (the decision; conventions are signed later, on its basis);
///  - referenceDecision: the deliberation number (blank when the campaign gives none);
///  - idBeneficiaire: the SIRET; rnaBeneficiaire: the RNA when it has the schema's form W + 9 digits;
///  - objet: the training and the call, shortened with "…" to 255 characters;
///  - montant: the grant in euros with a dot and two decimals ("30000.00");
///  - nature "aide en numéraire"; conditionsVersement "unique" (the letters: paid in one instalment);
///    datesPeriodeVersement: the period from the session to 31 December of its year, the date of the
///    single payment not being known yet (the schema's own rule);
///  - notificationUE "non"; pourcentageSubvention "1.00": in the schema, the share of the grant paid to
///    this beneficiary (1.00 for a single one), not a share of the project's cost;
///  - idRAE, dispositifAide: blank (business-aid directories, not used for associations' trainings).
std::optional<std::string> subventions_csv(const Campaign& campaign, const Evaluation& evaluation);

/// Why the file is not written, naming the campaign field (`authority.siret`), in French without the
/// file, which the caller knows; empty when it is written.
std::vector<Diagnostic> scdl_notes(const Campaign& campaign);

}  // namespace aap::scdl
