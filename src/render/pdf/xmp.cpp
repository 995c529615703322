// The XMP packet: constant parts written once, the document's values escaped in between.
#include "render/pdf/xmp.hpp"

#include <string_view>

namespace aap::render::detail {

namespace {

void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
}

// The byte order mark in the packet header says UTF-8 (ISO 16684-1 7.3); the id is the fixed one.
constexpr std::string_view kHead =
    "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<dc:format>application/pdf</dc:format>\n"
    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">";

// pdfuaid is not among the schemas PDF/A-2 predefines: it must be described (ISO 19005-2 6.6.2.3).
constexpr std::string_view kPdfUa =
    "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name>\n"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n"
    "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
    "<pdfuaid:part>1</pdfuaid:part>\n"
    "</rdf:Description>\n";

constexpr std::string_view kTail =
    "</rdf:RDF>\n"
    "</x:xmpmeta>\n"
    "<?xpacket end=\"w\"?>";

}  // namespace

std::string xmp_packet(const doc::Metadata& m, const Conformance& conformance) {
  std::string out;
  out.reserve(kHead.size() + kPdfUa.size() + 1400 + m.title.size() + m.author.size() + m.subject.size());
  out += kHead;
  append_escaped(out, m.title);
  out += "</rdf:li></rdf:Alt></dc:title>\n";
  if (!m.author.empty()) {
    out += "<dc:creator><rdf:Seq><rdf:li>";
    append_escaped(out, m.author);
    out += "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!m.subject.empty()) {
    out += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    append_escaped(out, m.subject);
    out += "</rdf:li></rdf:Alt></dc:description>\n";
  }
  out += "<dc:language><rdf:Bag><rdf:li>";
  append_escaped(out, m.language.empty() ? std::string_view("fr-FR") : std::string_view(m.language));
  out += "</rdf:li></rdf:Bag></dc:language>\n</rdf:Description>\n";
  out += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n<xmp:CreatorTool>";
  out += kCreatorTool;
  out += "</xmp:CreatorTool>\n";
  if (!m.date_iso.empty()) {
    // The Info dates are D:YYYYMMDD000000Z: the same instant.
    for (const char* key : {"CreateDate", "ModifyDate", "MetadataDate"}) {
      out += "<xmp:";
      out += key;
      out += '>';
      append_escaped(out, m.date_iso);
      out += "T00:00:00Z</xmp:";
      out += key;
      out += ">\n";
    }
  }
  out += "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n<pdf:Producer>";
  out += kProducer;
  out += "</pdf:Producer>\n</rdf:Description>\n";
  out += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>";
  out += conformance.pdfa_level;
  out += "</pdfaid:conformance>\n</rdf:Description>\n";
  if (conformance.pdfua) out += kPdfUa;
  out += kTail;
  return out;
}

}  // namespace aap::render::detail
