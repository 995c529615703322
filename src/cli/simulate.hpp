// `aap simulate`: the allocation at other envelopes, printed as a table or written as CSV or XLSX.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "allocation/simulation.hpp"
#include "model/money.hpp"

namespace aap::cli {

struct Run;

/// At most this many envelopes in one simulation (a range with a tiny step is a typing error).
inline constexpr std::size_t kMaxEnvelopes = 1000;

/// The envelopes of "--envelope-range FROM:TO:STEP": FROM, FROM+STEP, … while ≤ TO. On a bad value,
/// nullopt and `error` holds the French message.
std::optional<std::vector<Money>> parse_envelope_range(std::string_view text, std::string& error);

/// The terminal table (French, aligned, amounts with fr::money), then the two thresholds.
void print_simulation(const Simulation& simulation, const std::string& campaign_id, std::ostream& out);

/// The table as CSV for a spreadsheet: UTF-8 with a byte-order mark, `;` separators, amounts in euros
/// with a decimal comma and no thousands separator; one header row, one row per envelope, nothing else
/// (the thresholds are on the terminal and in the XLSX).
std::string simulation_csv(const Simulation& simulation);

/// `aap simulate` once the run is loaded and evaluated: the envelopes of the command line (the
/// campaign's when none), the table on the terminal, and --out FILE.csv or FILE.xlsx when given.
int simulate_command(const Run& run);

}  // namespace aap::cli
