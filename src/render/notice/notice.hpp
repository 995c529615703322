// The call-for-projects notice (avis d'appel à projets): its template values and its doc::Document.
#pragma once

#include <vector>

#include "model/campaign.hpp"
#include "model/date.hpp"
#include "render/document/document.hpp"
#include "render/template/template_set.hpp"
#include "render/template/value.hpp"

namespace aap::notice {

/// The notice's template.
inline constexpr const char* kNoticeTemplate = "avis-appel-a-projets";

/// Every value the notice template may use (templates/README.md lists them): the campaign's (see
/// letters::add_campaign_values), `criteres` (each threshold, formatted), `bareme` (each weight and the
/// total), `repartition` (policy flags, each cap with a flag saying whether the campaign sets it),
/// `seuil_convention`. All read from the campaign: another campaign gives another notice.
tpl::Value notice_values(const Campaign& campaign, Date documents_date);

/// Renders the notice; metadata: title = the campaign's title, author = the authority, identifier = the
/// campaign id. Throws tpl::TemplateError when the template or its markup fails.
doc::Document build_notice(const tpl::TemplateSet& templates, const Campaign& campaign, Date documents_date);

/// Checks the notice template before any output (names, then a full rendering). Empty when all is well.
std::vector<tpl::TemplateProblem> check_notice_template(const tpl::TemplateSet& templates, const Campaign& campaign);

}  // namespace aap::notice
