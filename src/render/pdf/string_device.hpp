// The output device PoDoFo writes a PDF file into: a std::string, with PoDoFo's printf-style tokens
// formatted once and without the C library's printf where the format is a plain integer one.
#pragma once

#include <cstdarg>
#include <string>

#include <podofo/podofo.h>

namespace aap::render {

/// A PdfOutputDevice (PoDoFo's documented extension point: "override the required virtual methods") that
/// appends to `out`. PoDoFo's own memory device prints every token twice with vsnprintf (once to measure
/// it, once to write it) and grows its buffer by copying it; this one reserves `expected_size` bytes up
/// front and formats integer tokens itself. The bytes written are exactly those of PoDoFo's devices.
class StringOutputDevice final : public PoDoFo::PdfOutputDevice {
 public:
  StringOutputDevice(std::string& out, std::size_t expected_size);

  std::size_t GetLength() const override { return out_.size(); }
  std::size_t Tell() const override { return position_; }
  void Print(const char* format, ...) override;
  void PrintV(const char* format, long bytes, va_list args) override;
  void Write(const char* data, std::size_t length) override;
  std::size_t Read(char* data, std::size_t length) override;
  void Seek(std::size_t offset) override;
  void Flush() override {}

 private:
  void put(const char* data, std::size_t length);

  std::string& out_;
  std::size_t position_ = 0;
};

namespace detail {

/// Appends `format` applied to `args` to `out` as vsnprintf would, for formats made of text and integer,
/// character, string and `%%` conversions (flags `-` and `0`, width, precision, `h`, `hh`, `l`, `ll`, `z`,
/// `j`). Returns false, having consumed nothing and appended nothing, for any other format.
bool append_printf(std::string& out, const char* format, va_list args);

}  // namespace detail

}  // namespace aap::render
