// Times each step of a notification letter on one thread, for dossiers read from disk: what a letter costs
// the CPU apart from the disk, stage by stage. usage: letters_bench DOSSIERS [CAMPAIGN] [DATE]
// (defaults: fixtures/campaign.json, the campaign's documents date). Run from the repository's root.
#include <time.h>

#include <array>
#include <cstdio>
#include <exception>
#include <string>

#include "allocation/allocation.hpp"
#include "input/campaign_reader.hpp"
#include "input/communes.hpp"
#include "input/dossier_reader.hpp"
#include "input/sha256.hpp"
#include "render/json/manifest.hpp"
#include "render/letters/letter.hpp"
#include "render/mailing/mailing.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/template/template_set.hpp"

namespace {

// CPU time of this thread: the machine is shared, its wall clock says little.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

enum Stage { kValues, kBuild, kPaint, kAssemble, kEmail, kHash, kBatch, kStages };
constexpr std::array<const char*, kStages> kStageNames = {
    "values (letter_values)",          "template + markup (build_letter)", "layout + painting (paint_pdf)",
    "PDF file (render_pdf)",           "e-mail (email_message)",           "SHA-256 of PDF and e-mail",
    "print batch (PdfBatch add + finish)"};

/// Adds the CPU time since the last call to `stage`.
class Stopwatch {
 public:
  void lap(Stage stage) {
    const double now = thread_cpu_seconds();
    seconds_[stage] += now - last_;
    last_ = now;
  }
  double operator[](std::size_t stage) const { return seconds_[stage]; }

 private:
  double last_ = thread_cpu_seconds();
  std::array<double, kStages> seconds_{};
};

int run(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage : letters_bench DOSSIERS [CAMPAGNE] [AAAA-MM-JJ]\n");
    return 2;
  }
  aap::Diagnostics diags;
  const auto campaign = aap::read_campaign(argc > 2 ? argv[2] : "fixtures/campaign.json", diags);
  const auto communes = aap::load_communes("data/communes-metropole.csv", diags);
  aap::DossierLoad load = aap::read_dossiers({argv[1]});
  if (!campaign || !communes || !load.diagnostics.empty()) {
    std::fprintf(stderr, "letters_bench : entrées invalides (%zu problèmes)\n",
                 diags.size() + load.diagnostics.size());
    return 1;
  }
  const aap::tpl::TemplateSet templates = aap::tpl::TemplateSet::load("templates");
  const aap::Date date = argc > 3 ? aap::Date::parse_iso(argv[3]).value()
                                  : campaign->calendar.documents_date.value_or(aap::Date{2027, 3, 20});
  const aap::Evaluation evaluation = aap::evaluate(*campaign, *communes, load.dossiers);

  aap::doc::Metadata batch_metadata;
  batch_metadata.title = "Courriers";
  batch_metadata.date_iso = date.iso();
  aap::render::PdfBatch batch(batch_metadata);
  std::size_t pdf_bytes = 0;
  std::size_t emails = 0;
  Stopwatch clock;
  for (const aap::DossierEvaluation& e : evaluation.dossiers) {
    const aap::tpl::Value values = aap::letters::letter_values(*campaign, e, date);
    clock.lap(kValues);
    const aap::doc::Document letter = aap::letters::build_letter(templates, *campaign, e, date, values);
    clock.lap(kBuild);
    const aap::render::PaintedPdf painted = aap::render::paint_pdf(letter);
    clock.lap(kPaint);
    const std::string pdf = aap::render::render_pdf(painted);
    pdf_bytes += pdf.size();
    clock.lap(kAssemble);
    std::string email;
    if (aap::mailing::sends_by_email(*e.dossier)) {
      email = aap::mailing::email_message(templates, *campaign, e, values, date, pdf);
      ++emails;
    }
    clock.lap(kEmail);
    const std::string hashes = aap::sha256_hex(pdf) + (email.empty() ? "" : aap::sha256_hex(email));
    clock.lap(kHash);
    batch.add(painted);
    clock.lap(kBatch);
  }
  const std::string printed = batch.finish();
  clock.lap(kBatch);

  const double letters = static_cast<double>(evaluation.dossiers.size());
  double total = 0;
  for (std::size_t s = 0; s < kStages; ++s) total += clock[s];
  const double letter_pdf = clock[kValues] + clock[kBuild] + clock[kPaint] + clock[kAssemble];
  std::printf("%zu letters (%zu e-mails), %.1f KB a letter, print batch %.1f MB; one thread, CPU time:\n\n",
              evaluation.dossiers.size(), emails, static_cast<double>(pdf_bytes) / letters / 1024,
              static_cast<double>(printed.size()) / 1048576);
  std::printf("| stage | ms / letter | share |\n| --- | --- | --- |\n");
  for (std::size_t s = 0; s < kStages; ++s)
    std::printf("| %s | %.3f | %.0f %% |\n", kStageNames[s], clock[s] / letters * 1000, 100 * clock[s] / total);
  std::printf("\nletter PDFs (values to file bytes): %.3f ms a letter, %.0f letters / s / core\n",
              letter_pdf / letters * 1000, letters / letter_pdf);
  std::printf("with e-mails, hashes and print batch (no disk): %.3f ms a letter, %.0f letters / s / core\n",
              total / letters * 1000, letters / total);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "letters_bench : %s\n", e.what());
    return 1;
  }
}
