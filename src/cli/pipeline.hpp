// What a run holds once its inputs are read and evaluated, and the document families it can write.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "consistency/grant_ledger.hpp"
#include "input/input_file.hpp"
#include "model/campaign.hpp"
#include "model/commune.hpp"
#include "model/date.hpp"
#include "model/diagnostic.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"
#include "output/output_dir.hpp"
#include "render/template/template_set.hpp"

namespace aap::cli {

struct Run {
  Options options;
  Campaign campaign;
  CommuneTable communes;
  std::vector<Dossier> dossiers;  // the valid ones; evaluation points into it: never resized after
  Evaluation evaluation;
  std::optional<tpl::TemplateSet> templates;  // loaded and checked before the first dossier
  Date date;                      // printed on the documents
  // Campaign, communes, dossier files, each with the SHA-256 of the bytes parsed: the manifest's inputs.
  std::vector<input::FileDigest> input_files;
  bool input_problems = false;  // some input was refused (a dossier, or a file as a whole)
};

/// Reads, validates and evaluates `run.options`' inputs, then does what its command asks (the body of
/// `aap`, also used by `verify` to regenerate into a private folder). Returns the exit code.
int dispatch(Run& run);

/// A family of documents (notice, letters, annexes, deliberation).
struct Family {
  Command command;                               // letters
  std::function<bool(const std::string&)> owns;  // whether a relative output path is one of its files
  /// Writes its files into the folder and records the grants they print in the ledger.
  std::function<void(const Run&, OutputDir&, consistency::GrantLedger&)> write;
};

/// The families, in the order `run` writes them.
const std::vector<Family>& families();

/// Writes evaluation.json, then every family or only `only`. With more than one job, the letters take the
/// --jobs threads while evaluation.json and the other families are written on one more thread beside them:
/// the files are the same either way, and the grant ledger lists evaluation.json first, then the families
/// in their order, whichever finishes first.
void write_families(const Run& run, OutputDir& out, consistency::GrantLedger& ledger, const Family* only);

/// What the campaign keeps out of the outputs, or names otherwise — subventions-scdl.csv without
/// `authority.siret`, the @ctes envelope without its required values or its @ctes name —, each naming
/// `campaign_file` and the campaign field; only `only`'s when given. Not errors: the run writes the rest.
Diagnostics output_notes(const Campaign& campaign, const std::string& campaign_file, const Family* only);

/// Every problem of the templates that the documents need (names, partials, markup), checked with
/// sample values before any dossier is processed.
std::vector<tpl::TemplateProblem> check_templates(const tpl::TemplateSet& templates, const Campaign& campaign);

}  // namespace aap::cli
