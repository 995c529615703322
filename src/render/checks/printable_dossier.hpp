// What the documents cannot print of a dossier, found when it is read: a validation problem of the
// dossier (file, line, field, reason), never a failure halfway through writing the outputs.
#pragma once

#include <string>
#include <vector>

#include "model/dossier.hpp"

namespace aap::render {

struct PrintProblem {
  std::string field;    // from the dossier's root: "association.name", "association.address.lines[1]"
  std::string message;  // French, without the trailing period
};

/// Every printing problem of `dossier`, asking the very code that prints it:
///  - a character no face of the documents' font can draw (every text the documents print);
///  - an address block that does not fit the envelope window even abbreviated (letters::postal_address_lines,
///    the markup's ```adresse block, then the layout of the window, as the letter does), blamed on the
///    field holding the widest word;
/// (A word too wide for a table column no longer squeezes the others: the layout breaks the widest.)
std::vector<PrintProblem> printing_problems(const Dossier& dossier);

}  // namespace aap::render
