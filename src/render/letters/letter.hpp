// The notification letter of one dossier: its template values, its template, its doc::Document.
#pragma once

#include <string>
#include <vector>

#include "model/campaign.hpp"
#include "model/date.hpp"
#include "model/evaluation.hpp"
#include "render/document/document.hpp"
#include "render/template/template_set.hpp"
#include "render/template/value.hpp"

namespace aap::letters {

/// The template of each decision: "courrier-finance", "courrier-finance-partiellement",
/// "courrier-non-finance", "courrier-ineligible", "courrier-irrecevable".
std::string letter_template(Decision decision);

/// Every value a letter template may use (templates/README.md lists them): the campaign's (see
/// add_campaign_values), then `reference`, `association`, `representant`, `destinataire` {adresse[]
/// (NF Z10-011), appel, salutation, formule_politesse}, `dossier`, `decision` flags, `subvention`,
/// `manque` (the shortfall), `convention`, `rang`, `score`, `criteres[]`, `criteres_eligibilite[]`, `criteres_bareme[]`,
/// `motifs[]` (the failed eligibility criteria). Every key is present whatever the decision.
/// `evaluation.dossier` must not be null.
tpl::Value letter_values(const Campaign& campaign, const DossierEvaluation& evaluation, Date documents_date);

/// Renders the decision's template and parses the markup into the letter, with its metadata (title,
/// author = the authority, subject, identifier = the dossier id, date). Throws tpl::TemplateError
/// (template file, dossier and reason) when the template or its markup fails.
doc::Document build_letter(const tpl::TemplateSet& templates, const Campaign& campaign,
                           const DossierEvaluation& evaluation, Date documents_date);
/// The same from the values already computed by letter_values() for this dossier, campaign and date
/// (the run records them in its grant ledger: what the letter printed, computed once).
doc::Document build_letter(const tpl::TemplateSet& templates, const Campaign& campaign,
                           const DossierEvaluation& evaluation, Date documents_date, const tpl::Value& values);

/// A dossier and its evaluation standing for every letter of `decision` when the templates are checked
/// at start-up (the letters', the e-mail's): every list non-empty (a failed criterion gives `motifs` an
/// item), every optional value present. The evaluation points at the dossier beside it: built in place,
/// never copied or moved (a copy's evaluation would point at the original's dossier).
struct SampleLetter {
  SampleLetter(const Campaign& campaign, Decision decision);
  SampleLetter(const SampleLetter&) = delete;
  SampleLetter& operator=(const SampleLetter&) = delete;

  Date date;  // the letters' date when the run gives none: the campaign's, else the council session
  Dossier dossier;
  DossierEvaluation evaluation;
};

/// Checks the five letter templates before any output: every name they use exists (static check against
/// sample values), and each renders and parses for a sample dossier of its decision. Empty when all is
/// well.
std::vector<tpl::TemplateProblem> check_letter_templates(const tpl::TemplateSet& templates,
                                                         const Campaign& campaign);

}  // namespace aap::letters
