// The document families that `run` writes; each issue adds its own here.
#include "cli/pipeline.hpp"

namespace aap::cli {

const std::vector<Family>& families() {
  static const std::vector<Family> kFamilies = {};
  return kFamilies;
}

}  // namespace aap::cli
