// One input problem as a line of text, in the file:line: form that editors and grep understand.
#include "model/diagnostic.hpp"

namespace aap {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += ':' + std::to_string(line);
  out += ": ";
  // The space before the colon is the French one; ordinary, since this goes to a terminal.
  if (!field.empty()) out += field + " : ";
  out += message;
  return out;
}

}  // namespace aap
