// The ODT backend's entry: a doc::Document as an OpenDocument text file that LibreOffice and Word edit.
#pragma once

#include <string>

#include "render/document/document.hpp"

namespace aap::render {

/// The ODT bytes of `document`: `mimetype` first and stored, then META-INF/manifest.xml, content.xml,
/// styles.xml and meta.xml; A4 with the PDF's margins and font (Liberation Sans), French language and
/// hyphenation, real headings, lists and bordered tables with a repeated header row, a "Page N/M" footer.
/// Entry dates come from metadata.date_iso (1980-01-01 when empty), never the clock: identical input
/// gives identical bytes. Throws std::runtime_error when libzip fails.
std::string render_odt(const doc::Document& document);

}  // namespace aap::render
