// The call-for-projects notice: thresholds, weights, envelope and calendar from the campaign.
#include "render/notice/notice.hpp"

#include "model/convention.hpp"
#include "model/territory.hpp"
#include "render/letters/campaign_context.hpp"
#include "render/letters/letter.hpp"
#include "render/markup/markup.hpp"
#include "text/french.hpp"

namespace aap::notice {

using tpl::Value;

namespace {

std::string points(int n) { return std::to_string(n) + (n > 1 ? " points" : " point"); }

}  // namespace

Value notice_values(const Campaign& campaign, Date documents_date) {
  Value root;
  letters::add_campaign_values(root, campaign, documents_date);
  const Criteria& c = campaign.criteria;
  root.set("criteres", Value()
                           .set("min_demandeurs_par_session", fr::integer(c.min_low_qualified_job_seekers_per_session))
                           .set("min_femmes", fr::percent(c.min_women_percent))
                           .set("objectif_bac", fr::percent(c.low_qualification_target_percent))
                           .set("objectif_qpv", fr::percent(c.qpv_residents_target_percent))
                           .set("seuil_plie", fr::percent(c.significant_plie_percent))
                           .set("min_employeurs", fr::integer(c.min_employer_partners))
                           .set("territoire_prioritaire", territory_label(c.priority_territory)));
  const Scoring& s = campaign.scoring;
  const int total = s.qpv_site + s.qpv_residents + s.plie + 3 * s.partnership_each + s.employers + s.low_qualification;
  root.set("bareme", Value()
                         .set("qpv_site", points(s.qpv_site))
                         .set("qpv_residents", points(s.qpv_residents))
                         .set("plie", points(s.plie))
                         .set("partenariat", points(s.partnership_each))
                         .set("partenariat_max", points(3 * s.partnership_each))
                         .set("employeurs", points(s.employers))
                         .set("bas_niveau", points(s.low_qualification))
                         .set("total", points(total)));
  const AllocationRules& a = campaign.allocation;
  const auto money_or_blank = [](const std::optional<Money>& m) { return m ? fr::money(*m) : std::string(); };
  root.set("repartition",
           Value()
               .set("priorite", Value::flag(a.policy == Policy::priority))
               .set("proportionnelle", Value::flag(a.policy == Policy::proportional))
               .set("a_plafond_dossier", Value::flag(a.max_per_dossier.has_value()))
               .set("plafond_dossier", money_or_blank(a.max_per_dossier))
               .set("a_plafond_stagiaire", Value::flag(a.max_per_trainee.has_value()))
               .set("plafond_stagiaire", money_or_blank(a.max_per_trainee))
               .set("a_part_max_cout", Value::flag(a.max_cost_share_percent.has_value()))
               .set("part_max_cout", a.max_cost_share_percent ? fr::percent(*a.max_cost_share_percent) : "")
               .set("a_subvention_min", Value::flag(a.min_grant.has_value() && a.policy == Policy::priority))
               .set("subvention_min", money_or_blank(a.min_grant))
               .set("arrondi_euro", Value::flag(a.rounding == Rounding::euro)));
  root.set("seuil_convention", fr::money(kConventionThreshold));

  // How to apply: a field the campaign leaves out prints as a blank to fill.
  const Submission& sub = campaign.submission;
  const bool platform = sub.platform && !sub.platform->empty();
  std::string postal;
  for (const std::string& line : sub.postal_address) {
    if (line.empty()) continue;
    postal += (postal.empty() ? "" : ", ") + line;
  }
  root.set("depot", Value()
                        .set("plateforme", platform ? *sub.platform : std::string("……"))
                        .set("a_plateforme", Value::flag(platform))
                        .set("adresse_postale", postal.empty() ? std::string("……") : postal)
                        .set("a_adresse_postale", Value::flag(!postal.empty()))
                        .set("forme", sub.format && !sub.format->empty() ? *sub.format : std::string("……")));
  return root;
}

doc::Document build_notice(const tpl::TemplateSet& templates, const Campaign& campaign, Date documents_date) {
  doc::Document document;
  try {
    document.blocks = markup::parse(templates.render(kNoticeTemplate, notice_values(campaign, documents_date)));
  } catch (const markup::MarkupError& e) {
    throw tpl::TemplateError({{templates.file_of(kNoticeTemplate), 0, 0, std::string("avis : ") + e.what()}});
  }
  document.metadata.title = campaign.title;
  document.metadata.author = campaign.authority.name;
  document.metadata.subject = "Avis d’appel à projets " + campaign.id;
  document.metadata.identifier = campaign.id;
  document.metadata.date_iso = documents_date.iso();
  document.footer_left = "Avis d’appel à projets " + campaign.id;
  return document;
}

std::vector<tpl::TemplateProblem> check_notice_template(const tpl::TemplateSet& templates, const Campaign& campaign) {
  const Date date = campaign.calendar.published_on;
  std::vector<tpl::TemplateProblem> problems = templates.check(kNoticeTemplate, notice_values(campaign, date));
  if (!problems.empty()) return problems;
  try {
    build_notice(templates, campaign, date);
  } catch (const tpl::TemplateError& e) {
    return e.problems();
  }
  return problems;
}

}  // namespace aap::notice
