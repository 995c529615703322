// What the sheets of annexes.xlsx share: formats, and where the cells that formulas point at lie.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/campaign.hpp"
#include "model/evaluation.hpp"
#include "render/xlsx/sheet.hpp"

namespace aap::xlsx {

inline constexpr const char* kSynthesisSheet = "Synthèse";
inline constexpr const char* kDossiersSheet = "Dossiers";
inline constexpr const char* kSessionsSheet = "Sessions";
inline constexpr const char* kDistributionSheet = "Répartition";
inline constexpr const char* kParametersSheet = "Paramètres";

// Dossiers: the columns formulas on other sheets read.
inline constexpr int kDossiersRequestedColumn = 23;
inline constexpr int kDossiersGrantColumn = 25;
inline constexpr int kDossiersDecisionColumn = 26;
// Répartition: the grant column.
inline constexpr int kDistributionGrantColumn = 7;

struct Formats {
  lxw_format* plain = nullptr;  // every cell without a format of its own: aligned to the top of its row
  lxw_format* wrap = nullptr;   // long names and titles, wrapped within their column
  lxw_format* header = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* money = nullptr;
  lxw_format* money_bold = nullptr;
  lxw_format* date = nullptr;
  lxw_format* percent = nullptr;        // 35.71 %
  lxw_format* percent_whole = nullptr;  // 30 %
  lxw_format* failed = nullptr;         // conditional: a failed criterion, a negative remainder
  lxw_format* unfunded = nullptr;       // conditional: a row not funded
};

/// One row of Paramètres; an empty value is a blank to fill.
struct Parameter {
  std::string label;
  std::string field;  // where it comes from in the campaign file
  std::variant<std::monostate, std::string, Money, Date, std::int64_t, Percent> value;
};

struct Layout {
  std::vector<Parameter> parameters;
  int envelope_row = 0;  // 0-based rows of Paramètres
  int convention_threshold_row = 0;
  int dossiers_last_row = 1;                      // 0-based; at least 1, so that ranges never run backwards
  std::vector<const DossierEvaluation*> granted;  // grant > 0, by rank
  int distribution_total_row = 1;                 // 0-based
  Money allocated;                                // sum of the grants in Répartition
};

/// The decisions as Dossiers shows them and Synthèse counts them: the words of envoi.csv, capitalised.
std::string decision_label(Decision decision);

/// The sheet's print setup (PrintSetup), with the workbook's title at the top of each page.
void print_sheet(Sheet& sheet, const Campaign& campaign);

void write_synthesis(Sheet& sheet, const Formats& formats, const Layout& layout, const Campaign& campaign,
                     const Evaluation& evaluation);
void write_parameters(Sheet& sheet, const Formats& formats, const Layout& layout, const Campaign& campaign);
void write_dossiers(Sheet& sheet, const Formats& formats, const Campaign& campaign,
                    const Evaluation& evaluation);
void write_sessions(Sheet& sheet, const Formats& formats, const Campaign& campaign,
                    const Evaluation& evaluation);
void write_distribution(Sheet& sheet, const Formats& formats, const Layout& layout, const Campaign& campaign);

/// Every campaign value the run used, with `documents_date` as the documents' date.
std::vector<Parameter> campaign_parameters(const Campaign& campaign, Date documents_date);

}  // namespace aap::xlsx
