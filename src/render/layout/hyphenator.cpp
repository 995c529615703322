// French hyphenation with libhyphen.
#include "render/layout/hyphenator.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <stdexcept>

#include "render/layout/utf8.hpp"

namespace aap::render {

namespace {
constexpr const char* kFrenchDictionary = "/usr/share/hyphen/hyph_fr.dic";
// French practice: two letters may stay at the end of a line, at least three go to the next.
constexpr int kLeftMin = 2;
constexpr int kRightMin = 3;
}  // namespace

Hyphenator::Hyphenator(const std::string& dictionary_path) : dict_(hnj_hyphen_load(dictionary_path.c_str())) {
  if (dict_ == nullptr) {
    throw std::runtime_error("motifs de césure illisibles : " + dictionary_path);
  }
}

Hyphenator::~Hyphenator() { hnj_hyphen_free(dict_); }

const Hyphenator& Hyphenator::french() {
  static const Hyphenator instance(kFrenchDictionary);
  return instance;
}

std::vector<std::size_t> Hyphenator::break_points(std::string_view word) const {
  // Capitals get no breaks from the patterns: lower-case first, keeping the byte offset
  // of the end of each code point since libhyphen indexes its answer by code point on a UTF-8 dictionary.
  std::string lower;
  std::vector<std::size_t> end_of_code_point;
  for (std::size_t pos = 0; pos < word.size();) {
    const auto d = utf8::decode(word, pos);
    utf8::append(lower, utf8::to_lower(d.code_point));
    pos += d.length;
    end_of_code_point.push_back(pos);
  }
  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  // The dictionary is only read here, so one loaded instance can serve every thread.
  const int failed = hnj_hyphen_hyphenate3(dict_, lower.data(), static_cast<int>(lower.size()), hyphens.data(),
                                           nullptr, &rep, &pos, &cut, kLeftMin, kRightMin, kLeftMin, kRightMin);
  std::vector<std::size_t> out;
  if (failed == 0) {
    for (std::size_t i = 0; i + 1 < end_of_code_point.size(); ++i) {
      const bool nonstandard = rep != nullptr && rep[i] != nullptr;
      if ((hyphens[i] & 1) != 0 && !nonstandard) out.push_back(end_of_code_point[i]);
    }
  }
  if (rep != nullptr) {
    for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

}  // namespace aap::render
