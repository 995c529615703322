// The data a template is rendered with: text, flags, lists and objects, free of any Mustache type.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aap::tpl {

/// A Mustache context value. Numbers do not exist here on purpose: callers format them (French
/// typography) and pass text.
class Value {
 public:
  enum class Kind { text, flag, list, object };

  /// An empty object.
  Value() = default;
  Value(std::string text) : kind_(Kind::text), text_(std::move(text)) {}
  Value(const char* text) : Value(std::string(text)) {}
  Value(bool) = delete;  // say Value::flag(b): a stray bool conversion must not compile silently

  static Value flag(bool on);
  static Value list(std::vector<Value> items = {});

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool is_on() const { return flag_; }
  /// The items of a list, the member values of an object.
  const std::vector<Value>& items() const { return items_; }
  /// The member names of an object, parallel to items().
  const std::vector<std::string>& keys() const { return keys_; }

  /// Sets (or replaces) a member of an object and returns *this for chaining.
  Value& set(std::string_view key, Value value);
  /// Appends an item to a list.
  Value& push(Value item);
  /// The member named `key` of an object, or nullptr.
  const Value* get(std::string_view key) const;
  /// Follows a dotted path ("association.nom") from this object, or nullptr.
  const Value* find_path(std::string_view path) const;

 private:
  Kind kind_ = Kind::object;
  std::string text_;
  bool flag_ = false;
  std::vector<std::string> keys_;
  std::vector<Value> items_;
};

}  // namespace aap::tpl
