// The template data value: a small tree of text, flags, lists and objects.
#include "render/template/value.hpp"

#include <stdexcept>

namespace aap::tpl {

Value Value::flag(bool on) {
  Value v;
  v.kind_ = Kind::flag;
  v.flag_ = on;
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.kind_ = Kind::list;
  v.items_ = std::move(items);
  return v;
}

Value& Value::set(std::string_view key, Value value) {
  if (kind_ != Kind::object) throw std::logic_error("tpl::Value::set on a value that is not an object");
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) {
      items_[i] = std::move(value);
      return *this;
    }
  }
  if (keys_.empty()) {  // most objects get several members: no regrowth for the first eight
    keys_.reserve(8);
    items_.reserve(8);
  }
  keys_.emplace_back(key);
  items_.push_back(std::move(value));
  return *this;
}

Value& Value::push(Value item) {
  if (kind_ != Kind::list) throw std::logic_error("tpl::Value::push on a value that is not a list");
  items_.push_back(std::move(item));
  return *this;
}

const Value* Value::get(std::string_view key) const {
  if (kind_ != Kind::object) return nullptr;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return &items_[i];
  }
  return nullptr;
}

const Value* Value::find_path(std::string_view path) const {
  const Value* v = this;
  while (v != nullptr) {
    const std::size_t dot = path.find('.');
    v = v->get(path.substr(0, dot));
    if (dot == std::string_view::npos) return v;
    path.remove_prefix(dot + 1);
  }
  return nullptr;
}

}  // namespace aap::tpl
