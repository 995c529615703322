// Input problems as data: collected for the whole run and printed one per line (file:line: field : reason).
#pragma once

#include <string>
#include <vector>

namespace aap {

struct Diagnostic {
  std::string file;
  int line = 0;            // 0 when unknown
  std::string field;       // "training.sessions[1].women"; empty for a whole-file problem
  std::string message;     // French, without the trailing period

  /// "fixtures/dossiers/2027-004.json:23: training.sessions[1].women : 12 femmes déclarées pour 10 stagiaires"
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace aap
