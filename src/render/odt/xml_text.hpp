// XML text for the ODT parts: escaping, and the cleaning of text that XML 1.0 cannot carry.
#pragma once

#include <string>
#include <string_view>

namespace aap::render::odt {

/// `text` as XML character data or attribute value: `& < > " '` escaped, invalid UTF-8 replaced by
/// U+FFFD, control characters (C0 but tab and line feed, C1, U+FFFE, U+FFFF) dropped.
std::string xml_escape(std::string_view text);

/// Millimetres given in hundredths, written "12.34mm" without any locale.
std::string mm_text(long hundredths);

}  // namespace aap::render::odt
