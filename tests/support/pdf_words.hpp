// The words of a PDF with their boxes, as pdftotext -bbox reads them (poppler starts a new word where the
// font size changes): to check that an ordinal's letters are smaller and raised.
#pragma once

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace aap::test {

struct PdfWord {
  int page = 0;
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // points, y growing downwards
  std::string text;
  double height() const { return y_max - y_min; }
};

inline std::vector<PdfWord> pdf_words(const std::filesystem::path& pdf) {
  const ProcessResult r = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", "-bbox", pdf.string(), "-"});
  if (r.exit_code != 0) throw std::runtime_error("pdftotext -bbox " + pdf.string() + ": " + r.err);
  std::vector<PdfWord> words;
  int page = 0;
  const std::regex word(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
  std::size_t at = 0;
  while (true) {
    const std::size_t next_page = r.out.find("<page ", at);
    const std::size_t next_word = r.out.find("<word ", at);
    if (next_word == std::string::npos) break;
    if (next_page != std::string::npos && next_page < next_word) {
      ++page;
      at = next_page + 1;
      continue;
    }
    std::smatch m;
    const std::string rest = r.out.substr(next_word, r.out.find("</word>", next_word) + 7 - next_word);
    if (std::regex_match(rest, m, word)) {
      words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
    }
    at = next_word + 1;
  }
  return words;
}

/// How many times `figures` is followed, right against it, by `letters` set smaller (at most 70 % of its
/// height) and raised (its bottom above the figures' bottom): an ordinal in superscript.
inline int superscript_ordinals(const std::vector<PdfWord>& words, const std::string& figures,
                                const std::string& letters) {
  int found = 0;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const PdfWord& f = words[i];
    const PdfWord& l = words[i + 1];
    if (f.page != l.page || l.text != letters) continue;
    if (f.text.size() < figures.size() || f.text.compare(f.text.size() - figures.size(), figures.size(), figures) != 0) {
      continue;
    }
    const bool adjacent = l.x_min - f.x_max < 1.0 && l.x_min - f.x_max > -1.0;
    if (adjacent && l.height() < 0.7 * f.height() && l.y_max < f.y_max - 1) ++found;
  }
  return found;
}

/// Every word, in order, as one string: "1 er mars".
inline std::string joined_words(const std::vector<PdfWord>& words) {
  std::string out;
  for (const PdfWord& w : words) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

}  // namespace aap::test
