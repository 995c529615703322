// The problems a start-up check reports: the same template problem met through several samples (each
// decision's letter, each inclusion of a partial) is listed once.
#pragma once

#include <algorithm>
#include <vector>

#include "render/template/template_set.hpp"

namespace aap::tpl {

/// Appends `problem` to `problems` unless one with the same file, place and message is listed already.
inline void add_once(std::vector<TemplateProblem>& problems, const TemplateProblem& problem) {
  const std::string text = problem.to_string();
  const bool seen = std::any_of(problems.begin(), problems.end(),
                                [&](const TemplateProblem& q) { return q.to_string() == text; });
  if (!seen) problems.push_back(problem);
}

}  // namespace aap::tpl
