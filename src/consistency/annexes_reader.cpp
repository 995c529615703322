// Reads the Répartition sheet back from annexes.xlsx as written, for the cross-document check: the check
// must see the workbook's bytes, not its inputs.
#include <string>
#include <string_view>
#include <vector>

#include "consistency/grant_ledger.hpp"
#include "zip/zip_archive.hpp"

namespace aap::consistency {
namespace {

[[noreturn]] void unreadable(const std::filesystem::path& workbook, const std::string& reason) {
  throw Mismatch("  - " + workbook.filename().string() + " illisible : " + reason + "\n");
}

std::string entry_text(const zip::Reader& archive, const std::string& name, const std::filesystem::path& workbook) {
  zip::ReadProblem problem = zip::ReadProblem::none;
  std::string bytes = archive.read(name, problem);
  switch (problem) {
    case zip::ReadProblem::none: break;
    case zip::ReadProblem::absent: unreadable(workbook, "partie " + name + " absente");
    case zip::ReadProblem::unreadable: unreadable(workbook, "partie " + name + " illisible");
    case zip::ReadProblem::truncated: unreadable(workbook, "partie " + name + " tronquée");
  }
  return bytes;
}

// The value of attribute `name` in the start tag that begins at `tag`.
std::string attribute(std::string_view xml, std::size_t tag, std::string_view name) {
  const std::size_t end = xml.find('>', tag);
  const std::string needle = " " + std::string(name) + "=\"";
  const std::size_t at = xml.find(needle, tag);
  if (at == std::string_view::npos || at > end) return "";
  const std::size_t from = at + needle.size();
  return std::string(xml.substr(from, xml.find('"', from) - from));
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    const std::string_view entity = s.substr(i + 1, semi - i - 1);
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "apos") out += '\'';
    else out += "&" + std::string(entity) + ";";  // numeric references never occur in ids
    i = semi;
  }
  return out;
}

// The text between <tag ...> and </tag> found from `from`, or nullopt.
std::optional<std::string> inner(std::string_view xml, std::string_view tag, std::size_t from, std::size_t to) {
  const std::size_t open = xml.find("<" + std::string(tag), from);
  if (open == std::string_view::npos || open >= to) return std::nullopt;
  const std::size_t start = xml.find('>', open) + 1;
  const std::size_t close = xml.find("</" + std::string(tag) + ">", start);
  if (close == std::string_view::npos || close > to) return std::nullopt;
  return unescape(xml.substr(start, close - start));
}

struct Cell {
  std::string column;  // "B"
  std::string value;   // the number's text, or the string
  bool is_string = false;
};

std::vector<std::vector<Cell>> read_rows(std::string_view xml, const std::vector<std::string>& shared) {
  std::vector<std::vector<Cell>> rows;
  std::size_t at = 0;
  while ((at = xml.find("<row", at)) != std::string_view::npos) {
    const std::size_t end_tag = xml.find('>', at);
    std::size_t row_end = xml[end_tag - 1] == '/' ? end_tag : xml.find("</row>", at);
    std::vector<Cell> cells;
    for (std::size_t c = xml.find("<c ", at); c != std::string_view::npos && c < row_end;
         c = xml.find("<c ", c + 1)) {
      const std::size_t tag_end = xml.find('>', c);
      const std::size_t cell_end = xml[tag_end - 1] == '/' ? tag_end : xml.find("</c>", c);
      Cell cell;
      const std::string ref = attribute(xml, c, "r");
      cell.column = ref.substr(0, ref.find_first_of("0123456789"));
      const std::string type = attribute(xml, c, "t");
      if (type == "inlineStr") {
        cell.value = inner(xml, "t", c, cell_end).value_or("");
        cell.is_string = true;
      } else {
        const std::string v = inner(xml, "v", c, cell_end).value_or("");
        if (type == "s") {
          const std::size_t index = v.empty() ? shared.size() : std::stoul(v);
          cell.value = index < shared.size() ? shared[index] : "";
          cell.is_string = true;
        } else {
          cell.value = v;
          cell.is_string = type == "str";
        }
      }
      cells.push_back(std::move(cell));
    }
    rows.push_back(std::move(cells));
    at = row_end;
  }
  return rows;
}

std::vector<std::string> shared_strings(const zip::Reader& archive, const std::filesystem::path& workbook) {
  std::vector<std::string> strings;
  if (!archive.contains("xl/sharedStrings.xml")) return strings;
  const std::string xml = entry_text(archive, "xl/sharedStrings.xml", workbook);
  for (std::size_t at = 0; (at = xml.find("<si>", at)) != std::string::npos;) {
    const std::size_t end = xml.find("</si>", at);
    strings.push_back(inner(xml, "t", at, end).value_or(""));
    at = end;
  }
  return strings;
}

// The part holding the sheet named `sheet`: workbook.xml gives its relationship id, the relationships
// give its file.
std::string sheet_part(const zip::Reader& archive, const std::string& sheet, const std::filesystem::path& workbook) {
  const std::string book = entry_text(archive, "xl/workbook.xml", workbook);
  const std::size_t tag = book.find("<sheet name=\"" + sheet + "\"");
  if (tag == std::string::npos) unreadable(workbook, "feuille " + sheet + " absente");
  const std::string rel_id = attribute(book, tag, "r:id");
  const std::string rels = entry_text(archive, "xl/_rels/workbook.xml.rels", workbook);
  const std::size_t rel = rels.find("Id=\"" + rel_id + "\"");
  if (rel_id.empty() || rel == std::string::npos) unreadable(workbook, "feuille " + sheet + " sans partie");
  const std::size_t start = rels.rfind('<', rel);
  const std::string target = attribute(rels, start, "Target");
  return target.rfind("/", 0) == 0 ? target.substr(1) : "xl/" + target;
}

}  // namespace

void record_annexes(GrantLedger& ledger, const std::filesystem::path& workbook) {
  const std::optional<zip::Reader> archive = zip::Reader::from_file(workbook);
  if (!archive) unreadable(workbook, "archive ZIP illisible");
  const std::vector<std::string> shared = shared_strings(*archive, workbook);
  const std::string part = sheet_part(*archive, "Répartition", workbook);
  const auto rows = read_rows(entry_text(*archive, part, workbook), shared);

  ledger.add_document(kAnnexesDocument);
  // Row 1 is the header; the row whose column A reads "Total" closes the table.
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::string id;
    std::optional<Money> grant;
    bool total = false;
    for (const Cell& cell : rows[r]) {
      if (cell.column == "A" && cell.is_string && cell.value == "Total") total = true;
      if (cell.column == "B" && cell.is_string) id = cell.value;
      if (cell.column == "H") {
        grant = Money::parse_rounded(cell.value);  // libxlsxwriter wrote a double
        if (!grant) unreadable(workbook, "Répartition, ligne " + std::to_string(r + 1) + " : montant « " +
                                             cell.value + " »");
      }
    }
    if (total) {
      ledger.set_total(kAnnexesDocument, grant.value_or(Money()));
      break;
    }
    if (!grant) unreadable(workbook, "Répartition, ligne " + std::to_string(r + 1) + " sans montant");
    ledger.add_grant(kAnnexesDocument, id, *grant);
  }
}

}  // namespace aap::consistency
