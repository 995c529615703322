// Whether the documents' fonts can draw a character: checked on the inputs before anything is written.
#pragma once

namespace aap::render {

/// True when every face of the PDF font family (regular, bold, italic, bold italic) has a glyph for
/// `code_point`; PoDoFo would otherwise draw an empty box, silently.
bool printable_in_documents(char32_t code_point);

}  // namespace aap::render
