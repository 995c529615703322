// The XML parts of an ODT text document, each built from a doc::Document (internal to the ODT backend).
#pragma once

#include <string>

#include "render/document/document.hpp"

namespace aap::render::odt {

/// Page and type geometry shared by styles.xml and content.xml, in hundredths of a millimetre; the
/// same as the PDF's layout (LayoutStyle) so that both read alike.
inline constexpr long kPageWidth = 21000;
inline constexpr long kPageHeight = 29700;
inline constexpr long kMarginLeft = 2000;
inline constexpr long kMarginRight = 2000;
inline constexpr long kMarginTop = 1500;
inline constexpr long kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

/// content.xml: the blocks as ODF paragraphs, headings, lists and tables, with their automatic styles.
std::string content_xml(const doc::Document& document);
/// styles.xml: fonts, language, hyphenation, named paragraph and list styles, the A4 page and its footer.
std::string styles_xml(const doc::Document& document);
/// meta.xml: title, subject, creator, language, creation date from the metadata (never the clock).
std::string meta_xml(const doc::Document& document);
/// META-INF/manifest.xml.
std::string manifest_xml();

/// The namespace declarations every part uses.
extern const char* const kNamespaces;

}  // namespace aap::render::odt
