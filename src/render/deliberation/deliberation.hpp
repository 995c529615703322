// The draft deliberation of the Conseil de Territoire: its template values, its template, its doc::Document.
#pragma once

#include <vector>

#include "model/campaign.hpp"
#include "model/date.hpp"
#include "model/evaluation.hpp"
#include "render/document/document.hpp"
#include "render/template/template_set.hpp"
#include "render/template/value.hpp"

namespace aap::deliberation {

/// The deliberation's template (templates/deliberation.mustache).
inline constexpr const char* kDeliberationTemplate = "deliberation";

/// Every value the deliberation template may use (templates/README.md lists them): the notice's
/// (notice::notice_values: the campaign's, `criteres`, `bareme`, `repartition`, `seuil_convention`),
/// `deliberation` completed with `commission`, `rapporteur`, `cadre` and `annee` (the council session's
/// year), `president` {appel, autorise}, `budget` {chapitre, compte, fonction, operation, a_operation},
/// `dossiers` (counts: recus, irrecevables, recevables, eligibles, ineligibles, finances,
/// finances_partiellement, non_finances), `beneficiaires[]` (grant > 0, in rank order: rang,
/// association, siret, formation, commune, montant, montant_lettres, convention), `a_beneficiaires`,
/// `conventions[]` (grants above 23 000 €), `a_conventions`, `total` and `reste` {montant, lettres},
/// `articles` {conventions, signature, imputation} (numbers that follow whether Article « conventions »
/// is present). A campaign field left out prints as the blank "……". Every dossier with a grant must
/// carry its dossier (throws std::invalid_argument otherwise).
tpl::Value deliberation_values(const Campaign& campaign, const Evaluation& evaluation, Date documents_date);

/// Renders the template and parses its markup; metadata: title (the number and Objet), author = the
/// authority, subject = the campaign's title, identifier "deliberation-<campaign id>", date. Throws
/// tpl::TemplateError (template file and reason) when the template or its markup fails.
doc::Document build_deliberation(const tpl::TemplateSet& templates, const Campaign& campaign,
                                 const Evaluation& evaluation, Date documents_date);

/// Checks the template before any output: every name it uses exists (against a sample evaluation with a
/// grant above and one below the convention threshold), then a full rendering. Empty when all is well.
std::vector<tpl::TemplateProblem> check_deliberation_template(const tpl::TemplateSet& templates,
                                                              const Campaign& campaign);

}  // namespace aap::deliberation
