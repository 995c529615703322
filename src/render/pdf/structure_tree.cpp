// The structure tree written as text: elements, their content items (MCIDs, MCRs across pages), the parent tree.
#include "render/pdf/structure_tree.hpp"

#include <span>
#include <string>
#include <utility>

namespace aap::render::detail {

namespace {

struct ContentItem {
  std::size_t page;
  std::size_t mcid;
};

}  // namespace

const char* struct_type(StructRole role) {
  switch (role) {
    case StructRole::document: return "Document";
    case StructRole::div: return "Div";
    case StructRole::h1: return "H1";
    case StructRole::h2: return "H2";
    case StructRole::h3: return "H3";
    case StructRole::p: return "P";
    case StructRole::l: return "L";
    case StructRole::li: return "LI";
    case StructRole::lbl: return "Lbl";
    case StructRole::lbody: return "LBody";
    case StructRole::table: return "Table";
    case StructRole::tr: return "TR";
    case StructRole::th: return "TH";
    case StructRole::td: return "TD";
  }
  return "P";
}

std::uint32_t add_structure_tree(ObjectFile& file, const std::vector<StructNode>& nodes,
                                 const std::vector<TaggedPage>& pages) {
  if (nodes.empty()) return 0;
  // Children in the order the layout created them, which is the document's order; each node's content
  // items in page and MCID order. Both grouped by node in one array each (a vector a node cost as much as
  // writing the elements).
  std::vector<std::size_t> first_child(nodes.size() + 1, 0);
  for (NodeId i = 1; i < nodes.size(); ++i) ++first_child[nodes[i].parent + 1];
  for (std::size_t i = 1; i <= nodes.size(); ++i) first_child[i] += first_child[i - 1];
  std::vector<NodeId> children(nodes.size() > 0 ? nodes.size() - 1 : 0);
  {
    std::vector<std::size_t> next(first_child.begin(), first_child.end() - 1);
    for (NodeId i = 1; i < nodes.size(); ++i) children[next[nodes[i].parent]++] = i;
  }
  std::vector<std::size_t> first_item(nodes.size() + 1, 0);
  for (const TaggedPage& page : pages) {
    for (const NodeId node : *page.mcid_nodes) ++first_item[node + 1];
  }
  for (std::size_t i = 1; i <= nodes.size(); ++i) first_item[i] += first_item[i - 1];
  std::vector<ContentItem> content(first_item.back());
  {
    std::vector<std::size_t> next(first_item.begin(), first_item.end() - 1);
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const auto& mcids = *pages[p].mcid_nodes;
      for (std::size_t m = 0; m < mcids.size(); ++m) content[next[mcids[m]]++] = {p, m};
    }
  }
  // Numbers first: elements point to their parent and to their children.
  const std::uint32_t root = file.reserve();
  std::vector<std::uint32_t> elements(nodes.size());
  for (auto& e : elements) e = file.reserve();
  const std::uint32_t parent_tree = file.reserve();

  for (NodeId i = 0; i < nodes.size(); ++i) {
    const StructNode& node = nodes[i];
    std::string& text = file.begin_object(elements[i]);
    text += "<</Type/StructElem/S/";
    text += struct_type(node.role);
    text += "/P ";
    append_ref(text, i == 0 ? root : elements[node.parent]);
    if (node.role == StructRole::th) text += "/A<</O/Table/Scope/Column>>";
    if (node.role == StructRole::l) {
      text += node.numbering == ListNumbering::decimal ? "/A<</O/List/ListNumbering/Decimal>>"
                                                       : "/A<</O/List/ListNumbering/Disc>>";
    }
    const std::span<const ContentItem> items(content.data() + first_item[i], first_item[i + 1] - first_item[i]);
    const std::span<const NodeId> kids(children.data() + first_child[i], first_child[i + 1] - first_child[i]);
    if (!items.empty()) {
      const std::size_t page = items.front().page;
      text += "/Pg ";
      append_ref(text, pages[page].page);
      text += "/K[";
      for (const ContentItem& item : items) {
        // On the element's page an MCID is enough; on another page it says which (a table row split).
        if (item.page == page) {
          append_uint(text, item.mcid);
        } else {
          text += "<</Type/MCR/Pg ";
          append_ref(text, pages[item.page].page);
          text += "/MCID ";
          append_uint(text, item.mcid);
          text += ">>";
        }
        text += ' ';
      }
      text.back() = ']';
    } else if (!kids.empty()) {
      text += "/K[";
      for (const NodeId child : kids) {
        append_ref(text, elements[child]);
        text += ' ';
      }
      text.back() = ']';
    }
    text += ">>";
    file.end_object();
  }

  std::string& tree = file.begin_object(parent_tree);
  tree += "<</Nums[";
  const std::size_t start = tree.size();
  for (std::size_t p = 0; p < pages.size(); ++p) {
    append_uint(tree, p);
    tree += '[';
    for (const NodeId node : *pages[p].mcid_nodes) {
      append_ref(tree, elements[node]);
      tree += ' ';
    }
    if (tree.back() == ' ') tree.pop_back();
    tree += "] ";
  }
  if (tree.size() > start && tree.back() == ' ') tree.pop_back();
  tree += "]>>";
  file.end_object();

  std::string& text = file.begin_object(root);
  text += "<</Type/StructTreeRoot/K ";
  append_ref(text, elements[0]);
  text += "/ParentTree ";
  append_ref(text, parent_tree);
  text += "/ParentTreeNextKey ";
  append_uint(text, pages.size());
  text += ">>";
  file.end_object();
  return root;
}

}  // namespace aap::render::detail
