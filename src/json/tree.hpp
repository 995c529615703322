// The nlohmann trees behind Node, Document and Value, for the files of src/json only: the parser, the
// typed readers and the values themselves reach the library through it.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>

#include "json/value.hpp"

namespace aap::json::detail {

struct Access {
  static const nlohmann::json& tree(Node node) { return *node.value_; }
  static Node node(const nlohmann::json& value) { return Node(value); }
  static Document document(nlohmann::json&& value) {
    Document d;
    d.tree_ = std::make_unique<nlohmann::json>(std::move(value));
    return d;
  }
};

/// What `read` returns; the library's exceptions become Error, with their message.
template <class Read>
decltype(auto) library_errors(Read&& read) {
  try {
    return read();
  } catch (const nlohmann::json::exception& e) {
    throw Error(e.what());
  }
}

}  // namespace aap::json::detail
