// The document families that `run` writes, in order; each names the files it owns in the output folder.
#include "cli/pipeline.hpp"
#include "render/xlsx/annexes.hpp"

namespace aap::cli {

const std::vector<Family>& families() {
  static const std::vector<Family> kFamilies = {
      {"annexes", [](const std::string& rel) { return rel == "annexes.xlsx"; },
       [](const Run& run, OutputDir& out) {
         write_annexes(out.staging() / "annexes.xlsx", run.campaign, run.evaluation, run.date);
         out.record("annexes.xlsx");
       }},
  };
  return kFamilies;
}

}  // namespace aap::cli
