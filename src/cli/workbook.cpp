// `aap workbook`: the blank dossiers workbook, written aside then moved to --out without replacing anything.
#include "cli/workbook.hpp"

#include <iostream>

#include "cli/app.hpp"
#include "input/communes.hpp"
#include "output/atomic_file.hpp"
#include "render/xlsx/blank_workbook.hpp"

namespace aap::cli {
namespace fs = std::filesystem;
namespace {

int refuse_existing(const fs::path& file) {
  std::cerr << "aap : « " << file.generic_string()
            << " » existe déjà : aap workbook n’écrit jamais sur un fichier existant. Choisissez un autre nom "
               "ou déplacez ce fichier. Rien n’a été écrit.\n";
  return kUsage;
}

}  // namespace

int workbook_command(const Options& o) {
  const fs::path& file = *o.workbook_file;
  std::error_code ec;
  // Never written over, never followed: a file, a folder or a link (even a dangling one) already there.
  if (fs::exists(fs::symlink_status(file, ec))) return refuse_existing(file);
  const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  if (!fs::is_directory(folder, ec)) {
    std::cerr << "aap : le dossier « " << folder.generic_string() << " » de --out n’existe pas. Rien n’a été écrit.\n";
    return kUsage;
  }
  Diagnostics diags;
  const auto communes = load_communes(o.communes, diags);
  if (!communes) {
    for (const Diagnostic& d : diags) std::cerr << d.to_string() << "\n";
    std::cerr << "aap : référentiel des communes invalide, rien n’a été écrit.\n";
    return kInvalidInput;
  }
  // Written aside and renamed into place, never over a file that appeared meanwhile.
  const Date today = o.date.value_or(Date::today());
  output::write_file_atomically(
      file, [&](const fs::path& temporary) { write_blank_workbook(temporary, *communes, today); },
      output::Existing::refuse);
  if (!o.quiet)
    std::cout << "Classeur vierge écrit : " << file.generic_string()
              << " (feuilles Dossiers et Sessions avec une ligne d’exemple à remplacer, feuille Communes).\n"
              << "Une fois rempli : aap check --dossiers " << file.generic_string() << "\n";
  return kOk;
}

}  // namespace aap::cli
