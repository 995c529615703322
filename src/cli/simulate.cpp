// `aap simulate`: amounts typed by the user, the terminal table, the CSV, and the command itself.
#include "cli/app.hpp"
#include "cli/simulate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "cli/app.hpp"
#include "cli/pipeline.hpp"
#include "output/atomic_file.hpp"
#include "render/csv/csv.hpp"
#include "render/xlsx/simulation_workbook.hpp"
#include "text/errno_fr.hpp"
#include "text/french.hpp"
#include "text/utf8.hpp"

namespace aap::cli {
namespace fs = std::filesystem;
namespace {

const char* policy_label(Policy p) {
  return p == Policy::priority ? "par ordre de priorité" : "proportionnelle";
}

std::string tier2_label(const Simulation& s, const EnvelopeOutcome& o) {
  if (s.eligible_tier2 == 0) return "sans objet";
  return o.tier2_reached ? "atteint" : "non atteint";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n >= 2 ? many : one);
}

std::string lower_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

std::optional<std::vector<Money>> parse_envelope_range(std::string_view text, std::string& error) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t colon; (colon = text.find(':', start)) != std::string_view::npos; start = colon + 1)
    parts.push_back(text.substr(start, colon - start));
  parts.push_back(text.substr(start));
  if (parts.size() != 3) {
    error = "--envelope-range « " + std::string(text) +
            " » : attendu DÉBUT:FIN:PAS en euros, par exemple 200000:300000:20000";
    return std::nullopt;
  }
  Money values[3];
  for (std::size_t k = 0; k < 3; ++k) {
    const auto amount = Money::parse_typed(parts[k]);
    if (!amount) {
      error = "--envelope-range « " + std::string(text) + " » : « " + std::string(parts[k]) +
              " » n’est pas un montant en euros (250000, 250 000 ou 250000,50)";
      return std::nullopt;
    }
    values[k] = *amount;
  }
  const auto [from, to, step] = values;
  if (step.cents() <= 0) {
    error = "--envelope-range « " + std::string(text) + " » : le pas doit être supérieur à zéro";
    return std::nullopt;
  }
  if (from > to) {
    error = "--envelope-range « " + std::string(text) + " » : le début " + fr::money(from) +
            " dépasse la fin " + fr::money(to);
    return std::nullopt;
  }
  const std::int64_t count = (to - from).cents() / step.cents() + 1;
  if (count > static_cast<std::int64_t>(kMaxEnvelopes)) {
    error = "--envelope-range « " + std::string(text) + " » : " + fr::integer(count) + " enveloppes, " +
            fr::integer(static_cast<std::int64_t>(kMaxEnvelopes)) + " au plus";
    return std::nullopt;
  }
  std::vector<Money> envelopes;
  for (Money m = from; m <= to; m += step) envelopes.push_back(m);
  return envelopes;
}

void print_simulation(const Simulation& s, const std::string& campaign_id, std::ostream& out) {
  out << "Simulation " << campaign_id << " — répartition " << policy_label(s.policy) << ", "
      << plural(s.eligible, "dossier éligible", "dossiers éligibles") << " (" << s.eligible_tier1
      << " au niveau 1, " << s.eligible_tier2 << " au niveau 2)";
  if (s.inadmissible > 0)
    out << " ; " << plural(s.inadmissible, "dossier irrecevable, reçu après la date limite, n’entre",
                           "dossiers irrecevables, reçus après la date limite, n’entrent")
        << " pas dans la répartition";
  out << "\n\n";

  const std::vector<std::string> header = {"Enveloppe", "Financés", "Partiels", "Non financés", "Niveau 2",
                                           "Attribué",  "Reste",    "Manque",   "Dossier marginal"};
  std::vector<std::vector<std::string>> rows;
  for (const EnvelopeOutcome& o : s.outcomes) {
    std::string marginal = "—";
    std::string missing = "—";
    if (o.marginal) {
      marginal = "rang " + std::to_string(o.marginal->rank) + " : " + o.marginal->id + " — " +
                 o.marginal->association;
      missing = fr::money(o.marginal->missing);
    }
    rows.push_back({fr::money(o.envelope), std::to_string(o.funded), std::to_string(o.partially_funded),
                    std::to_string(o.not_funded), tier2_label(s, o), fr::money(o.allocated),
                    fr::money(o.remaining), missing, marginal});
  }
  // Widths in code points: the amounts hold multi-byte no-break spaces.
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = text::code_points(header[c]);
    for (const auto& row : rows) widths[c] = std::max(widths[c], text::code_points(row[c]));
  }
  // Figures align right, words left; the last column is left unpadded.
  const bool right[] = {true, true, true, true, false, true, true, true, false};
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string pad(widths[c] - text::code_points(cells[c]), ' ');
      if (c > 0) text += "  ";
      if (c + 1 == cells.size()) {
        text += cells[c];
      } else {
        text += right[c] ? pad + cells[c] : cells[c] + pad;
      }
    }
    out << text << "\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
  out << "\nEnveloppe qui finance tous les plafonds du niveau 1 : " << fr::money(s.tier1_caps) << "\n"
      << "Enveloppe qui finance tous les plafonds des dossiers éligibles : " << fr::money(s.all_caps) << "\n";
}

std::string simulation_csv(const Simulation& s) {
  constexpr char kSeparator = ';';
  std::string csv = "\xEF\xBB\xBF";  // Excel reads UTF-8 only with the byte-order mark
  csv += csv::record({"enveloppe", "finances", "partiellement_finances", "non_finances", "niveau_2", "attribue",
                      "reste", "rang_marginal", "dossier_marginal", "association_marginale", "manque_marginal"},
                     kSeparator);
  for (const EnvelopeOutcome& o : s.outcomes) {
    std::vector<std::string> row = {o.envelope.plain(','),     std::to_string(o.funded),
                                    std::to_string(o.partially_funded), std::to_string(o.not_funded),
                                    tier2_label(s, o),           o.allocated.plain(','),
                                    o.remaining.plain(',')};
    if (o.marginal) {
      row.insert(row.end(), {std::to_string(o.marginal->rank), o.marginal->id, o.marginal->association,
                             o.marginal->missing.plain(',')});
    } else {
      row.resize(row.size() + 4);
    }
    csv += csv::record(row, kSeparator);
  }
  return csv;
}

int simulate_command(const Run& run) {
  const Options& o = run.options;
  std::vector<Money> envelopes = o.envelopes;
  if (envelopes.empty()) envelopes.push_back(run.campaign.envelope);
  const Simulation s = simulate(run.campaign.allocation, run.evaluation.dossiers, envelopes);
  if (!o.quiet || !o.simulation_file) print_simulation(s, run.campaign.id, std::cout);
  if (o.simulation_file) {
    const fs::path& file = *o.simulation_file;
    if (lower_extension(file) == ".csv")
      output::write_file_atomically(file, simulation_csv(s));
    else
      output::write_file_atomically(
          file, [&](const fs::path& temporary) { write_simulation_workbook(temporary, s, run.campaign.id, run.date); });
    if (!o.quiet) std::cout << "\nSimulation écrite dans " << file.generic_string() << "\n";
  }
  return kOk;
}

}  // namespace aap::cli
