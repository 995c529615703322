// The structure tree written as text: elements, their content items (MCIDs, MCRs across pages), the parent tree.
#include "render/pdf/structure_tree.hpp"

#include <charconv>
#include <string>
#include <utility>

namespace aap::render::detail {

namespace {

void append_int(std::string& out, std::uint64_t value) {
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  (void)error;  // 24 digits hold any 64-bit value
  out.append(digits, end);
}

void append_ref(std::string& out, const PoDoFo::PdfObject* object) {
  append_int(out, object->Reference().ObjectNumber());
  out += " 0 R";
}

/// Replaces the (null) variant of a placeholder object by `text`, written as it is.
void set_text(PoDoFo::PdfObject* object, const std::string& text) {
  static_cast<PoDoFo::PdfVariant&>(*object) = PoDoFo::PdfVariant(PoDoFo::PdfData(text.data(), text.size()));
}

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

std::size_t add_structure_tree(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfDictionary& catalog,
                               const std::vector<StructNode>& nodes, const std::vector<TaggedPage>& pages) {
  using PoDoFo::PdfName;
  if (nodes.empty()) return 0;
  // Children in the order the layout created them, which is the document's order.
  std::vector<std::vector<NodeId>> children(nodes.size());
  for (NodeId i = 1; i < nodes.size(); ++i) children[nodes[i].parent].push_back(i);
  std::vector<std::vector<ContentItem>> content(nodes.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& mcids = *pages[p].mcid_nodes;
    for (std::size_t m = 0; m < mcids.size(); ++m) content[mcids[m]].push_back({p, m});
  }
  // Placeholders first: elements point to their parent and to their children.
  PoDoFo::PdfObject* root = objects.CreateObject(PoDoFo::PdfVariant());
  std::vector<PoDoFo::PdfObject*> elements(nodes.size());
  for (auto& e : elements) e = objects.CreateObject(PoDoFo::PdfVariant());
  PoDoFo::PdfObject* parent_tree = objects.CreateObject(PoDoFo::PdfVariant());

  std::size_t bytes = 0;
  std::string text;
  for (NodeId i = 0; i < nodes.size(); ++i) {
    const StructNode& node = nodes[i];
    text.clear();
    text += "<</Type/StructElem/S/";
    text += struct_type(node.role);
    text += "/P ";
    append_ref(text, i == 0 ? root : elements[node.parent]);
    if (node.role == StructRole::th) text += "/A<</O/Table/Scope/Column>>";
    if (node.role == StructRole::l) {
      text += node.numbering == ListNumbering::decimal ? "/A<</O/List/ListNumbering/Decimal>>"
                                                       : "/A<</O/List/ListNumbering/Disc>>";
    }
    const auto& items = content[i];
    if (!items.empty()) {
      const std::size_t page = items.front().page;
      text += "/Pg ";
      append_ref(text, pages[page].page);
      text += "/K[";
      for (const ContentItem& item : items) {
        // On the element's page an MCID is enough; on another page it says which (a table row split).
        if (item.page == page) {
          append_int(text, item.mcid);
        } else {
          text += "<</Type/MCR/Pg ";
          append_ref(text, pages[item.page].page);
          text += "/MCID ";
          append_int(text, item.mcid);
          text += ">>";
        }
        text += ' ';
      }
      text.back() = ']';
    } else if (!children[i].empty()) {
      text += "/K[";
      for (const NodeId child : children[i]) {
        append_ref(text, elements[child]);
        text += ' ';
      }
      text.back() = ']';
    }
    text += ">>";
    set_text(elements[i], text);
    bytes += text.size() + 30;
  }

  text.clear();
  text += "<</Nums[";
  for (std::size_t p = 0; p < pages.size(); ++p) {
    append_int(text, p);
    text += '[';
    for (const NodeId node : *pages[p].mcid_nodes) {
      append_ref(text, elements[node]);
      text += ' ';
    }
    if (text.back() == ' ') text.pop_back();
    text += "] ";
    pages[p].page->GetDictionary().AddKey(PdfName("StructParents"),
                                          PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(p)));
  }
  if (text.back() == ' ') text.pop_back();
  text += "]>>";
  set_text(parent_tree, text);
  bytes += text.size() + 30;

  text.clear();
  text += "<</Type/StructTreeRoot/K ";
  append_ref(text, elements[0]);
  text += "/ParentTree ";
  append_ref(text, parent_tree);
  text += "/ParentTreeNextKey ";
  append_int(text, pages.size());
  text += ">>";
  set_text(root, text);
  bytes += text.size() + 30;

  catalog.AddKey(PdfName("StructTreeRoot"), root->Reference());
  PoDoFo::PdfDictionary mark_info;
  mark_info.AddKey(PdfName("Marked"), PoDoFo::PdfVariant(true));
  catalog.AddKey(PdfName("MarkInfo"), mark_info);
  return bytes;
}

}  // namespace aap::render::detail
