// The XMP metadata packet of every PDF (ISO 16684-1): the document's Info entries again, in agreement,
// and the conformance claims (PDF/A-2, PDF/UA-1) with the extension schema PDF/A-2 asks for.
#pragma once

#include <string>

#include "render/document/document.hpp"

namespace aap::render::detail {

/// What Info's /Creator and /Producer say, and the XMP with them.
inline constexpr const char* kCreatorTool = "aap";
inline constexpr const char* kProducer = "aap with PoDoFo 0.9.8";

/// What a file claims to conform to.
struct Conformance {
  char pdfa_level = 'U';  // PDF/A-2 conformance: 'A' (tagged), 'U' (Unicode text) or 'B'
  bool pdfua = false;     // PDF/UA-1: only a tagged file may say so
};

/// The packet, UTF-8, unfiltered as PDF/A wants it: dc:title, dc:creator (the author), dc:description
/// (the subject), dc:language, xmp:CreatorTool, pdf:Producer, and xmp:CreateDate/ModifyDate from
/// `metadata.date_iso` (left out when it is empty, as the Info dates are). Empty author and subject are
/// left out, as Info leaves them out. Values are XML-escaped.
std::string xmp_packet(const doc::Metadata& metadata, const Conformance& conformance);

}  // namespace aap::render::detail
