// A monospace measurer for layout tests: every character is half the font size wide; CJK is "missing".
#pragma once

#include <string>
#include <string_view>

#include "render/layout/text_measurer.hpp"
#include "render/layout/utf8.hpp"

namespace aap::test {

class FakeMeasurer final : public render::TextMeasurer {
 public:
  double width(std::string_view text, render::Face, double size_pt) const override {
    double chars = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      const auto d = render::utf8::decode(text, pos);
      if (d.code_point >= 0x3000) throw render::MissingGlyph(d.code_point, std::string(text));
      pos += d.length;
      chars += 1;
    }
    return chars * size_pt / 2;
  }
};

}  // namespace aap::test
