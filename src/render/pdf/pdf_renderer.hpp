// The PDF backend's entry: a doc::Document laid out and written with PoDoFo 0.9.8.
#pragma once

#include <string>
#include <vector>

#include "render/document/document.hpp"

namespace aap::render {

/// The PDF bytes of `document`: A4, Liberation Sans subset-embedded with ToUnicode maps, title, author,
/// subject, /Lang, dates from metadata.date_iso (never the clock) and the identifier in Info so that /ID
/// differs per document. Identical input gives identical bytes. Throws MissingGlyph, InvalidText,
/// LayoutError, or std::invalid_argument for a date_iso that is not YYYY-MM-DD.
std::string render_pdf(const doc::Document& document);

/// Several documents in one PDF for printing on both sides: each keeps its own "Page N/M", each starts on
/// an odd page (a blank page follows a document of odd length), and the fonts are embedded once for all.
/// `metadata` describes the whole file. Same exceptions as render_pdf.
std::string render_pdf_batch(const std::vector<doc::Document>& documents, const doc::Metadata& metadata);

/// render_pdf written to `path`; throws std::runtime_error when the file cannot be written.
void write_pdf(const doc::Document& document, const std::string& path);

}  // namespace aap::render
