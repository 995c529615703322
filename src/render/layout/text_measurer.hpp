// What the layout asks of a font backend: advance widths, and an error for characters a font lacks.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aap::render {

/// The four faces of one family.
enum class Face : std::uint8_t { regular, bold, italic, bold_italic };

constexpr Face face_of(bool bold, bool italic) {
  if (bold) return italic ? Face::bold_italic : Face::bold;
  return italic ? Face::italic : Face::regular;
}

/// A character the font cannot draw. Never drawn as a silent box: the caller names the dossier and field.
class MissingGlyph : public std::runtime_error {
 public:
  /// `text` is the text the character appeared in (the whole paragraph or cell when the layout knows it).
  MissingGlyph(char32_t code_point, std::string text);

  char32_t code_point() const { return code_point_; }
  const std::string& text() const { return text_; }

 private:
  char32_t code_point_;
  std::string text_;
};

/// Text that is not valid UTF-8 (the input layer should have refused it).
class InvalidText : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Measures text for the layout. Implementations throw MissingGlyph for a code point their font lacks.
class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  /// Advance width in points of UTF-8 `text` set in `face` at `size_pt` (no kerning: the PDF draws none).
  virtual double width(std::string_view text, Face face, double size_pt) const = 0;
  /// What the widths depend on, the same for every measurer that measures alike (its font tables), or
  /// null when unknown. Non-null lets the line breaker reuse the lines of a text it has already broken.
  virtual const void* widths_identity() const { return nullptr; }
};

}  // namespace aap::render
