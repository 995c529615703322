// evaluation.json: every figure and every decision of a run, machine-readable.
#pragma once

#include <string>

#include "model/evaluation.hpp"

namespace aap {

/// The JSON text, keys in a fixed order, UTF-8, two-space indent, ending with a newline.
std::string evaluation_json(const Evaluation& evaluation);

}  // namespace aap
