// The document families that `run` writes, in order; each names the files it owns in the output folder.
#include <algorithm>
#include <exception>
#include <future>
#include <thread>

#include "cli/parallel.hpp"
#include "cli/pipeline.hpp"
#include "cli/progress.hpp"
#include "render/actes/actes_envelope.hpp"
#include "render/deliberation/deliberation.hpp"
#include "render/json/evaluation_json.hpp"
#include "render/letters/letter.hpp"
#include "render/mailing/mailing.hpp"
#include "render/notice/notice.hpp"
#include "render/odt/odt_renderer.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/scdl/subventions_scdl.hpp"
#include "render/xlsx/annexes.hpp"

namespace aap::cli {
namespace {

constexpr const char* kNoticeFile = "avis-appel-a-projets.pdf";
constexpr const char* kLettersFolder = "courriers/";
constexpr const char* kPrintBatch = "courriers/courriers-a-imprimer.pdf";

void write_notice(const Run& run, OutputDir& out, consistency::GrantLedger& /*ledger: the notice prints no grant*/) {
  // The notice is dated and signed the day it is published, whatever the run's date.
  out.write(kNoticeFile, render::render_pdf(notice::build_notice(*run.templates, run.campaign,
                                                                 run.campaign.calendar.published_on)));
}

// Every figure and decision, for the audit; the other documents' grants are checked against it.
void write_evaluation(const Run& run, OutputDir& out, consistency::GrantLedger& ledger) {
  const std::string evaluation = evaluation_json(run.evaluation);
  out.write("evaluation.json", evaluation);
  consistency::record_evaluation_json(ledger, evaluation);
}

// One letter per dossier, its e-mail when the association has an address, then the print batch in the
// same order (rank, then the ineligible by id), and the mailing list.
void write_letters(const Run& run, OutputDir& out, consistency::GrantLedger& ledger) {
  const auto& dossiers = run.evaluation.dossiers;
  doc::Metadata batch_metadata;
  batch_metadata.title = "Courriers de notification — " + run.campaign.title;
  batch_metadata.author = run.campaign.authority.name;
  batch_metadata.subject = "Courriers à imprimer en recto verso, " + std::to_string(dossiers.size()) + " dossiers";
  batch_metadata.identifier = run.campaign.id + "/courriers";
  batch_metadata.date_iso = run.date.iso();
  render::PdfBatch batch(std::move(batch_metadata));
  Progress progress = Progress::on_terminal("courriers", dossiers.size(), run.options.quiet);
  // Built, rendered and written on --jobs threads a slice at a time, then recorded in dossier order: the
  // files do not depend on the thread count. Each letter's values are computed once, for its template
  // and for the grant ledger; its e-mail carries the very bytes of the PDF written. Each slice's painted
  // pages go to the print batch while the next slice is painted (on one more thread with --jobs > 1),
  // so that only the batch's fonts and writing are left after the last letter.
  constexpr std::size_t kSlice = 256;
  std::vector<tpl::Value> values;
  std::vector<render::PaintedPdf> painted;
  std::vector<render::PaintedPdf> batching;  // the slice the batch is taking
  std::future<void> batch_taking;            // declared last: destroyed (waited for) first
  const auto policy = run.options.jobs > 1 ? std::launch::async : std::launch::deferred;
  for (std::size_t begin = 0; begin < dossiers.size(); begin += kSlice) {
    const std::size_t end = std::min(dossiers.size(), begin + kSlice);
    values.assign(end - begin, {});
    painted.assign(end - begin, {});
    parallel_for(end - begin, run.options.jobs, [&](std::size_t k) {
      const DossierEvaluation& e = dossiers[begin + k];
      values[k] = letters::letter_values(run.campaign, e, run.date);
      painted[k] = render::paint_pdf(letters::build_letter(*run.templates, run.campaign, e, run.date, values[k]));
      const std::string pdf = render::render_pdf(painted[k]);
      out.write(mailing::letter_path(e.dossier->id), pdf);
      if (mailing::sends_by_email(*e.dossier))
        out.write(mailing::email_path(e.dossier->id),
                  mailing::email_message(*run.templates, run.campaign, e, values[k], run.date, pdf));
      progress.advance();
    });
    for (std::size_t i = begin; i < end; ++i)
      consistency::record_letter(ledger, dossiers[i].dossier->id, values[i - begin]);
    if (batch_taking.valid()) batch_taking.get();  // the previous slice is in the batch (or its error thrown)
    batching = std::move(painted);
    batch_taking = std::async(policy, [&batch, &batching] {
      for (const render::PaintedPdf& letter : batching) batch.add(letter);
    });
  }
  if (batch_taking.valid()) batch_taking.get();
  progress.finish();
  out.write(kPrintBatch, batch.finish());
  out.write(mailing::kMailingList, mailing::mailing_list(run.evaluation));
}

// The same document model gives the PDF and the editable ODT, so that both carry the same text.
void write_deliberation(const Run& run, OutputDir& out, consistency::GrantLedger& ledger) {
  // The deliberation is the act of the council's session, whatever the run's date.
  const Date session = run.campaign.calendar.council_session;
  const doc::Document d = deliberation::build_deliberation(*run.templates, run.campaign, run.evaluation, session);
  const std::string pdf = render::render_pdf(d);
  out.write("deliberation.pdf", pdf);
  out.write("deliberation.odt", render::render_odt(d));
  const tpl::Value values = deliberation::deliberation_values(run.campaign, run.evaluation, session);
  consistency::record_deliberation(ledger, values);
  // The envelope under its @ctes name names the act under its own, a copy of deliberation.pdf beside it.
  const actes::ActesNames names = actes::actes_names(run.campaign);
  if (auto envelope = actes::actes_envelope(run.campaign, actes::actes_subject(*run.templates, values), names.files())) {
    out.write(names.envelope, *envelope);
    if (names.act_copy) out.write(*names.act_copy, pdf);
  }
}

}  // namespace

const std::vector<Family>& families() {
  static const std::vector<Family> kFamilies = {
      {Command::notice, [](const std::string& rel) { return rel == kNoticeFile; }, write_notice},
      {Command::letters, [](const std::string& rel) { return rel.rfind(kLettersFolder, 0) == 0; },
       write_letters},
      // The open-data file goes with the finance workbook: the same grants, for the public.
      {Command::annexes, [](const std::string& rel) { return rel == "annexes.xlsx" || rel == scdl::kScdlFile; },
       [](const Run& run, OutputDir& out, consistency::GrantLedger& ledger) {
         write_annexes(out.staging() / "annexes.xlsx", run.campaign, run.evaluation, run.date);
         out.record("annexes.xlsx");
         consistency::record_annexes(ledger, out.staging() / "annexes.xlsx");
         if (auto scdl = scdl::subventions_csv(run.campaign, run.evaluation)) out.write(scdl::kScdlFile, *scdl);
       }},
      {Command::deliberation,
       [](const std::string& rel) { return rel.rfind("deliberation.", 0) == 0 || actes::is_actes_file(rel); },
       write_deliberation},
  };
  return kFamilies;
}

void write_families(const Run& run, OutputDir& out, consistency::GrantLedger& ledger, const Family* only) {
  if (only) {
    write_evaluation(run, out, ledger);
    only->write(run, out, ledger);
    return;
  }
  const auto& all = families();
  const auto letters = std::find_if(all.begin(), all.end(), [](const Family& f) { return f.command == Command::letters; });
  if (run.options.jobs <= 1 || letters == all.end()) {
    write_evaluation(run, out, ledger);
    for (const Family& family : all) family.write(run, out, ledger);
    return;
  }
  // evaluation.json stays the reference the other documents are compared with: it is listed first.
  for (const char* document : {consistency::kEvaluationDocument, consistency::kLettersDocument,
                               consistency::kAnnexesDocument, consistency::kDeliberationDocument})
    ledger.add_document(document);
  std::exception_ptr others_error;
  std::thread others([&] {
    try {
      write_evaluation(run, out, ledger);
      for (const Family& family : all)
        if (&family != &*letters) family.write(run, out, ledger);
    } catch (...) {
      others_error = std::current_exception();
    }
  });
  std::exception_ptr letters_error;
  try {
    letters->write(run, out, ledger);
  } catch (...) {
    letters_error = std::current_exception();
  }
  others.join();
  if (letters_error) std::rethrow_exception(letters_error);
  if (others_error) std::rethrow_exception(others_error);
}

Diagnostics output_notes(const Campaign& campaign, const std::string& campaign_file, const Family* only) {
  Diagnostics notes;
  const auto add = [&](Command family, Diagnostics more) {
    if (only && only->command != family) return;
    for (Diagnostic& d : more) {
      d.file = campaign_file;
      notes.push_back(std::move(d));
    }
  };
  add(Command::annexes, scdl::scdl_notes(campaign));
  add(Command::deliberation, actes::actes_notes(campaign));
  return notes;
}

std::vector<tpl::TemplateProblem> check_templates(const tpl::TemplateSet& templates, const Campaign& campaign) {
  std::vector<tpl::TemplateProblem> problems = notice::check_notice_template(templates, campaign);
  const auto letters = letters::check_letter_templates(templates, campaign);
  problems.insert(problems.end(), letters.begin(), letters.end());
  const auto email = mailing::check_email_templates(templates, campaign);
  problems.insert(problems.end(), email.begin(), email.end());
  const auto deliberation = deliberation::check_deliberation_template(templates, campaign);
  problems.insert(problems.end(), deliberation.begin(), deliberation.end());
  return problems;
}

}  // namespace aap::cli
