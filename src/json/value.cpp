// JSON values over nlohmann-json (see value.hpp).
#include "json/value.hpp"

#include <algorithm>

#include "json/tree.hpp"

namespace aap::json {

namespace {

/// "training.site.city" → "/training/site/city": the library's path to a member.
std::string pointer(std::string_view path) {
  std::string out = "/" + std::string(path);
  std::replace(out.begin(), out.end(), '.', '/');
  return out;
}

}  // namespace

bool Node::is_null() const { return value_->is_null(); }
bool Node::is_boolean() const { return value_->is_boolean(); }
bool Node::is_string() const { return value_->is_string(); }
bool Node::is_array() const { return value_->is_array(); }
bool Node::is_object() const { return value_->is_object(); }
std::size_t Node::size() const { return value_->size(); }

Node Node::operator[](std::size_t i) const { return Node((*value_)[i]); }

std::optional<Node> Node::find(std::string_view key) const {
  if (!value_->is_object()) return std::nullopt;
  const auto it = value_->find(key);
  if (it == value_->end()) return std::nullopt;
  return Node(*it);
}

// The library's own messages ("[json.exception.out_of_range.403] key 'id' not found"): these calls read
// the files aap wrote itself, where a wrong value is aap's mistake and the message is for its developers.
Node Node::at(std::string_view key) const {
  return Node(detail::library_errors([&]() -> const nlohmann::json& { return value_->at(key); }));
}
Node Node::at(std::size_t i) const {
  return Node(detail::library_errors([&]() -> const nlohmann::json& { return value_->at(i); }));
}
const std::string& Node::string() const {
  return detail::library_errors([&]() -> const std::string& { return value_->get_ref<const std::string&>(); });
}
bool Node::boolean() const {
  return detail::library_errors([&] { return value_->get<bool>(); });
}
std::int64_t Node::integer() const {
  return detail::library_errors([&] { return value_->get<std::int64_t>(); });
}

Document::Document() = default;
Document::Document(const Value& built) : tree_(std::make_unique<nlohmann::json>(*built.tree_)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Node Document::root() const { return detail::Access::node(*tree_); }

Value::Value() : tree_(std::make_unique<nlohmann::ordered_json>()) {}
Value::Value(std::nullptr_t) : Value() {}
Value::Value(const char* text) : tree_(std::make_unique<nlohmann::ordered_json>(text)) {}
Value::Value(const std::string& text) : tree_(std::make_unique<nlohmann::ordered_json>(text)) {}
Value::Value(int number) : tree_(std::make_unique<nlohmann::ordered_json>(number)) {}
Value::Value(std::int64_t number) : tree_(std::make_unique<nlohmann::ordered_json>(number)) {}
Value::Value(bool flag) : tree_(std::make_unique<nlohmann::ordered_json>(flag)) {}
Value::Value(const std::vector<std::string>& texts) : tree_(std::make_unique<nlohmann::ordered_json>(texts)) {}

Value Value::object() {
  Value v;
  *v.tree_ = nlohmann::ordered_json::object();
  return v;
}

Value Value::array() {
  Value v;
  *v.tree_ = nlohmann::ordered_json::array();
  return v;
}

Value::Value(const Value& other) : tree_(std::make_unique<nlohmann::ordered_json>(*other.tree_)) {}
Value::Value(Value&& other) noexcept : tree_(std::move(other.tree_)) {}
Value& Value::operator=(const Value& other) {
  tree_ = std::make_unique<nlohmann::ordered_json>(*other.tree_);
  return *this;
}
Value& Value::operator=(Value&& other) noexcept {
  tree_ = std::move(other.tree_);
  return *this;
}
Value::~Value() = default;

Value& Value::set(std::string_view key, Value member) {
  (*tree_)[std::string(key)] = std::move(*member.tree_);
  return *this;
}

void Value::set_path(std::string_view path, Value member) {
  (*tree_)[nlohmann::ordered_json::json_pointer(pointer(path))] = std::move(*member.tree_);
}

bool Value::has_path(std::string_view path) const {
  return tree_->contains(nlohmann::ordered_json::json_pointer(pointer(path)));
}

void Value::push_back(Value element) { tree_->push_back(std::move(*element.tree_)); }

std::string Value::dump() const {
  return detail::library_errors(
             [&] { return tree_->dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict); }) +
         "\n";
}

}  // namespace aap::json
