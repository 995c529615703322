// The structure tree of a tagged PDF (ISO 32000-1 14.7, PDF/UA-1 7.1): one structure element per node of
// the layout's logical structure, the marked content of the pages as their content items, the parent tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/layout/page.hpp"
#include "render/pdf/object_file.hpp"

namespace aap::render::detail {

/// One page of the file: its object number, and the structure node of each of its MCIDs (in MCID order).
struct TaggedPage {
  std::uint32_t page;
  const std::vector<NodeId>* mcid_nodes;
};

/// Adds the structure tree of `nodes` (node 0 the Document) to `file`: the StructTreeRoot, one element a
/// node, the parent tree keyed by the pages' indexes (each page's /StructParents is its index in `pages`).
/// Returns the StructTreeRoot's number, 0 (nothing added) when there are no nodes.
std::uint32_t add_structure_tree(ObjectFile& file, const std::vector<StructNode>& nodes,
                                 const std::vector<TaggedPage>& pages);

/// The structure type of `role`, as a PDF name without the slash ("TD").
const char* struct_type(StructRole role);

}  // namespace aap::render::detail
