// A workbook's typed cells as CSV text (see typed_cells.hpp).
#include "input/typed_cells.hpp"
#include "model/money.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include <cstdio>

namespace aap::input {

namespace {

/// The number as a spreadsheet shows it in French: shortest digits, decimal comma.
std::string shown(double v) {
  char buffer[64];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  std::string out(buffer, end);
  for (char& c : out) {
    if (c == '.') c = ',';
  }
  return "« " + out + " »";
}

bool whole(double v) { return std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15; }

std::string digits(double v) { return std::to_string(static_cast<std::int64_t>(v)); }

/// Spreadsheets count days from 1899-12-30 (day 1 is 1899-12-31 in LibreOffice, 1900-01-01 in Excel,
/// which agree from March 1900 on). Howard Hinnant's days-to-civil algorithm, from 1970-01-01.
std::optional<std::string> serial_date(double serial) {
  if (!std::isfinite(serial) || serial < 61 || serial >= 2958466) return std::nullopt;  // 1900-03-01 … 9999
  const std::int64_t z = static_cast<std::int64_t>(std::floor(serial)) - 25569 + 719468;
  const std::int64_t era = z / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return std::string(text);
}

}  // namespace

std::optional<std::string> typed_cell_text(ColumnKind kind, const SheetCell& cell, std::string& error) {
  using Type = SheetCell::Type;
  switch (cell.type) {
    case Type::text: return cell.text;
    case Type::no_cached_value:
      error = "formule enregistrée sans sa valeur : ouvrez le classeur dans votre tableur, laissez-le calculer "
              "et enregistrez-le";
      return std::nullopt;
    case Type::error: error = "la formule donne une erreur (" + cell.text + ")"; return std::nullopt;
    case Type::boolean:
      if (kind == ColumnKind::boolean) return std::string(cell.number != 0 ? "oui" : "non");
      error = std::string("valeur logique ") + (cell.number != 0 ? "VRAI" : "FAUX") +
              " dans une colonne qui n’attend pas oui/non";
      return std::nullopt;
    case Type::number: break;
  }
  const double v = cell.number;
  switch (kind) {
    case ColumnKind::money: {
      // A decimal amount computed in binary floating point (0.1 + 0.2) lands beside its cents: within a
      // thousandth of a cent it is that amount; farther, the cell holds fractions of a cent, refused.
      const double cents = v * 100;
      if (!std::isfinite(cents) || std::fabs(cents) >= 1e15) {
        error = shown(v) + " n’est pas un montant";
        return std::nullopt;
      }
      const double rounded = std::round(cents);
      if (std::fabs(cents - rounded) > 0.001) {
        error = shown(v) + " : montant en fractions de centime (deux décimales au plus)";
        return std::nullopt;
      }
      // As the CSV would hold it, "30000.05", for the same checks downstream.
      return Money::from_cents(static_cast<std::int64_t>(rounded)).plain('.');
    }
    case ColumnKind::count:
      if (!whole(v)) {
        error = shown(v) + " n’est pas un nombre entier";
        return std::nullopt;
      }
      return digits(v);
    case ColumnKind::boolean:
      if (v == 1 || v == 0) return std::string(v == 1 ? "oui" : "non");
      error = shown(v) + " ne vaut ni oui ni non (VRAI/FAUX, oui/non ou 1/0)";
      return std::nullopt;
    case ColumnKind::date:
      if (auto iso = serial_date(v)) return iso;
      error = shown(v) + " n’est pas une date valide";
      return std::nullopt;
    case ColumnKind::text:
    case ColumnKind::nullable_text:
    case ColumnKind::list: {
      // A SIRET, a postal code or an INSEE code typed as a number is its digits.
      if (whole(v)) return digits(v);
      char buffer[64];
      const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
      return std::string(buffer, end);
    }
  }
  return std::nullopt;
}

}  // namespace aap::input
