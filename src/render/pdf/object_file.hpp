// A PDF file's objects written as text (ISO 32000-1 7.5): numbered objects, the cross-reference table and
// the trailer. Every dictionary of the files aap writes is known as text when it is made: PoDoFo's object
// model and writer cost more than half the instructions of a letter's file for no other use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aap::render::detail {

/// The objects of one file, in the order of their numbers whatever the order they are given in. The
/// layout follows PoDoFo 0.9.8's "clean" writer, whose files these were: the same objects give the same bytes.
class ObjectFile {
 public:
  /// Room for a letter's objects reserved once: the text of ~140 objects, ~14 KB.
  ObjectFile();

  /// The next object number (from 1), its object to be given by begin_object before write().
  std::uint32_t reserve();

  /// Starts object `number`: its dictionary (or other value) is appended to the returned string, then
  /// end_object() closes it. One object at a time.
  std::string& begin_object(std::uint32_t number);
  /// Closes the object begun last, as a stream of `data` when it is not empty (its dictionary holds its
  /// /Length). `data` is only viewed: it must outlive write(), or be given to keep() first.
  void end_object(std::string_view data = {});

  /// A copy of `bytes` kept until the file is destroyed.
  std::string_view keep(std::string bytes);
  /// Keeps `owner` alive until the file is destroyed (the bytes of stream data it holds).
  void keep(std::shared_ptr<const void> owner);

  /// The whole file: header, objects, cross-reference table, trailer with /Root, /Info and /ID (`id`, 16
  /// bytes). Throws std::logic_error when a reserved object was never given.
  std::string write(std::uint32_t root, std::uint32_t info, std::string_view id) const;

  /// About the file's size so far.
  std::size_t size() const { return text_.size() + stream_bytes_; }

 private:
  struct Entry {
    std::size_t begin = 0;  // the object's text in text_
    std::size_t end = 0;
    std::string_view stream;
    bool given = false;
  };
  std::string text_;  // every object's text, one after the other
  std::vector<Entry> entries_;  // by object number - 1
  std::deque<std::string> kept_;
  std::vector<std::shared_ptr<const void>> owners_;
  std::size_t stream_bytes_ = 0;
  std::uint32_t open_ = 0;
};

/// Appends `value` in decimal.
void append_uint(std::string& out, std::uint64_t value);
/// Appends "N 0 R".
void append_ref(std::string& out, std::uint32_t number);
/// Appends `value` with six decimals, as PoDoFo's clean writer wrote reals ("595.275591"). Throws
/// std::logic_error for a value that is not finite or beyond ±10¹².
void append_fixed(std::string& out, double value);
/// Appends `bytes` as a literal string, "(…)", with its parentheses, backslashes and control characters
/// escaped.
void append_literal(std::string& out, std::string_view bytes);
/// Appends the UTF-8 `text` as a literal text string in UTF-16BE with its byte order mark (ISO 32000-1
/// 7.9.2.2), so that any character reads back. A byte that is not UTF-8 is written as U+FFFD.
void append_text_string(std::string& out, std::string_view text);

}  // namespace aap::render::detail
