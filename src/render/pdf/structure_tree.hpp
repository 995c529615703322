// The structure tree of a tagged PDF (ISO 32000-1 14.7, PDF/UA-1 7.1): one structure element per node of
// the layout's logical structure, the marked content of the pages as their content items, the parent tree.
#pragma once

#include <podofo/podofo.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/layout/page.hpp"

namespace aap::render::detail {

/// One page of the file: its object, and the structure node of each of its MCIDs (in MCID order).
struct TaggedPage {
  PoDoFo::PdfObject* page;
  const std::vector<NodeId>* mcid_nodes;
};

/// Adds the StructTreeRoot of `nodes` (node 0 the Document) to `catalog`, with /MarkInfo, and
/// /StructParents to every page. Elements are written as text, each with its object numbers: a letter has
/// about a hundred of them, and PoDoFo's dictionaries cost several times more to build. Returns about
/// the bytes it adds to the file.
std::size_t add_structure_tree(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfDictionary& catalog,
                               const std::vector<StructNode>& nodes, const std::vector<TaggedPage>& pages);

/// The structure type of `role`, as a PDF name without the slash ("TD").
const char* struct_type(StructRole role);

}  // namespace aap::render::detail
