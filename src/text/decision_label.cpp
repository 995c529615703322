// One table of decision labels.
#include "text/decision_label.hpp"

namespace aap::fr {

std::string_view decision_label(Decision decision) {
  switch (decision) {
    case Decision::funded: return "financé";
    case Decision::partially_funded: return "partiellement financé";
    case Decision::not_funded: return "non financé";
    case Decision::ineligible: return "inéligible";
    case Decision::inadmissible: return "irrecevable";  // received after the deadline
  }
  return "inéligible";
}

std::string decision_label_capitalised(Decision decision) {
  std::string label(decision_label(decision));
  // Every label starts with an ASCII letter: upper-casing its first byte is enough.
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

}  // namespace aap::fr
