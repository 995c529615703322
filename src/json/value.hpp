// JSON values, nlohmann-json inside: the rest of the program reads and builds them through these types, so
// that the library is named in src/json only. Node reads a value (parsed, or built and handed over as a
// Document); Value builds one, its members in the order set, and writes it as evaluation.json and
// manifest.json are written.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace aap::json {

namespace detail {
struct Access;
}

/// A value that is not what the code asked for (Node::at, Node::integer…), with the library's message.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One value inside a Document, read only; valid while the Document lives.
class Node {
 public:
  bool is_null() const;
  bool is_boolean() const;
  bool is_string() const;
  bool is_array() const;
  bool is_object() const;
  /// The elements of an array, the members of an object.
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  /// An array's element `i` (i < size()).
  Node operator[](std::size_t i) const;
  /// An object's member, or nullopt when it has none of that name.
  std::optional<Node> find(std::string_view key) const;
  /// An object's member, an array's element; throw Error when absent or when this is no object, no array.
  Node at(std::string_view key) const;
  Node at(std::size_t i) const;
  /// The text of a string, the value of a boolean, of an integer; throw Error on another type.
  const std::string& string() const;
  bool boolean() const;
  std::int64_t integer() const;

 private:
  friend struct detail::Access;
  explicit Node(const nlohmann::json& value) : value_(&value) {}
  const nlohmann::json* value_;
};

class Value;

/// A value to read: parsed (json::parse) or built (a Value handed over). Owns what its Nodes point into.
class Document {
 public:
  /// The value `built` made readable: a row of a spreadsheet becomes the dossier a JSON file would hold.
  explicit Document(const Value& built);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  Node root() const;

 private:
  friend struct detail::Access;
  Document();
  std::unique_ptr<nlohmann::json> tree_;
};

/// A value being built: null, a text, an integer, a boolean, an array or an object.
class Value {
 public:
  Value();  // null
  Value(std::nullptr_t);
  Value(const char* text);
  Value(const std::string& text);
  Value(int number);
  Value(std::int64_t number);
  Value(bool flag);
  Value(const std::vector<std::string>& texts);  // an array of texts
  static Value object();
  static Value array();
  Value(const Value& other);
  Value(Value&& other) noexcept;
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept;
  ~Value();

  /// Sets an object's member `key`, after the members set before it (in place when it was set already).
  Value& set(std::string_view key, Value member);
  /// Sets the member at the dotted `path` ("training.site.city"), making the objects on the way.
  void set_path(std::string_view path, Value member);
  /// Whether the member at the dotted `path` is set.
  bool has_path(std::string_view path) const;
  /// Appends an element to an array.
  void push_back(Value element);

  /// The text: two-space indent, members in the order set, UTF-8 as is, a newline at the end. Throws
  /// Error on a text that is not valid UTF-8.
  std::string dump() const;

 private:
  friend class Document;
  std::unique_ptr<nlohmann::ordered_json> tree_;
};

}  // namespace aap::json
