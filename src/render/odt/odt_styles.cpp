// styles.xml, meta.xml and the manifest: the page, fonts, language and named styles of the ODT.
#include <string>

#include "render/odt/odt_parts.hpp"
#include "render/odt/xml_text.hpp"

namespace aap::render::odt {

namespace {

struct Language {
  std::string language;
  std::string country;
};

// "fr-FR" → fr / FR; the language alone when there is no country.
Language split_language(const std::string& tag) {
  const std::string t = tag.empty() ? "fr-FR" : tag;
  const std::size_t dash = t.find('-');
  if (dash == std::string::npos) return {t, ""};
  return {t.substr(0, dash), t.substr(dash + 1)};
}

std::string paragraph_style(const std::string& name, const std::string& display, const std::string& parent,
                            const std::string& paragraph_props, const std::string& text_props,
                            const std::string& extra = "") {
  std::string out = "<style:style style:name=\"" + name + "\" style:display-name=\"" + display +
                    "\" style:family=\"paragraph\"";
  if (!parent.empty()) out += " style:parent-style-name=\"" + parent + "\"";
  out += extra + ">";
  if (!paragraph_props.empty()) out += "<style:paragraph-properties " + paragraph_props + "/>";
  if (!text_props.empty()) out += "<style:text-properties " + text_props + "/>";
  return out + "</style:style>";
}

std::string heading_style(int level, const char* size, const char* before, const char* after, bool italic) {
  const std::string n = std::to_string(level);
  std::string text = std::string("fo:font-size=\"") + size + "\" fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"";
  if (italic) text += " fo:font-style=\"italic\"";
  // Headings are never hyphenated: fo:hyphenate="false" says it (ODF admits no ladder count of 0).
  return paragraph_style("Heading_20_" + n, "Heading " + n, "Heading",
                         std::string("fo:margin-top=\"") + before + "\" fo:margin-bottom=\"" + after +
                             "\" fo:keep-with-next=\"always\" fo:text-align=\"start\"",
                         text + " fo:hyphenate=\"false\"",
                         " style:default-outline-level=\"" + n + "\" style:next-style-name=\"Text_20_body\"");
}

std::string list_style(bool ordered) {
  // Like the PDF: the label in the margin of the item, the text 9 mm in.
  const std::string position =
      "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
      "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"9mm\" "
      "fo:text-indent=\"-6mm\" fo:margin-left=\"9mm\"/></style:list-level-properties>";
  if (ordered) {
    return "<text:list-style style:name=\"Liste_20_numerotee\" style:display-name=\"Liste numérotée\">"
           "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\">" +
           position + "</text:list-level-style-number></text:list-style>";
  }
  return "<text:list-style style:name=\"Liste_20_puces\" style:display-name=\"Liste à puces\">"
         "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\u2022\">" +
         position + "</text:list-level-style-bullet></text:list-style>";
}

}  // namespace

std::string styles_xml(const doc::Document& document) {
  const Language lang = split_language(document.metadata.language);
  std::string language = "fo:language=\"" + xml_escape(lang.language) + "\"";
  if (!lang.country.empty()) language += " fo:country=\"" + xml_escape(lang.country) + "\"";

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles ";
  out += kNamespaces;
  out += " office:version=\"1.2\"><office:font-face-decls>"
         "<style:font-face style:name=\"Liberation Sans\" svg:font-family=\"&apos;Liberation Sans&apos;\" "
         "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls><office:styles>";
  // Defaults: the PDF's body type (Liberation Sans 10,5 pt, leading 1,3), French, hyphenated.
  out += "<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:orphans=\"2\" "
         "fo:widows=\"2\" fo:hyphenation-ladder-count=\"no-limit\" style:writing-mode=\"lr-tb\"/>"
         "<style:text-properties style:font-name=\"Liberation Sans\" fo:font-size=\"10.5pt\" " +
         language +
         " fo:hyphenate=\"true\" fo:hyphenation-remain-char-count=\"2\" fo:hyphenation-push-char-count=\"2\"/>"
         "</style:default-style>";
  out += "<style:default-style style:family=\"table\"><style:table-properties table:border-model=\"collapsing\"/>"
         "</style:default-style>";
  // The PDF's leading is 1.3 × the size; LibreOffice's proportional spacing multiplies the font's own line
  // height (ascent + descent = 1.117 em for Liberation Sans): 1.3 / 1.117 ≈ 116 %.
  out += paragraph_style("Standard", "Standard", "", "fo:line-height=\"116%\"", "", " style:class=\"text\"");
  out += paragraph_style("Text_20_body", "Text body", "Standard",
                         "fo:margin-top=\"0mm\" fo:margin-bottom=\"2.12mm\" fo:text-align=\"justify\" "
                         "fo:text-align-last=\"start\"",
                         "", " style:class=\"text\"");
  out += paragraph_style("Heading", "Heading", "Standard", "fo:keep-with-next=\"always\"", "",
                         " style:next-style-name=\"Text_20_body\" style:class=\"text\"");
  out += heading_style(1, "13pt", "4.94mm", "2.12mm", false);
  out += heading_style(2, "11.5pt", "3.53mm", "1.41mm", false);
  out += heading_style(3, "10.5pt", "2.82mm", "1.06mm", true);
  out += paragraph_style("Liste", "Liste", "Text_20_body", "fo:margin-bottom=\"0.71mm\"", "", " style:class=\"list\"");
  out += paragraph_style("Liste_20_dernier", "Liste dernier", "Text_20_body", "fo:margin-bottom=\"2.12mm\"", "",
                         " style:class=\"list\"");
  out += paragraph_style("Table_20_Contents", "Table Contents", "Standard",
                         "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\" fo:text-align=\"start\" fo:line-height=\"112%\"",
                         "fo:font-size=\"9.5pt\"", " style:class=\"extra\"");
  out += paragraph_style("Table_20_Heading", "Table Heading", "Table_20_Contents", "",
                         "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"", " style:class=\"extra\"");
  out += paragraph_style("Timbre", "Timbre", "Standard", "fo:line-height=\"115%\" fo:text-align=\"start\"",
                         "fo:font-size=\"9.5pt\"");
  out += paragraph_style("Adresse", "Adresse", "Standard",
                         "fo:margin-left=\"" + mm_text(11000 - kMarginLeft) + "\" fo:line-height=\"115%\" fo:text-align=\"start\"",
                         "fo:font-size=\"10pt\" fo:hyphenate=\"false\"");
  out += paragraph_style("Lieu_20_et_20_date", "Lieu et date", "Text_20_body",
                         "fo:text-align=\"end\" fo:margin-top=\"4.23mm\" fo:margin-bottom=\"4.23mm\"", "");
  out += paragraph_style("Signature", "Signature", "Standard",
                         "fo:margin-left=\"" + mm_text(kTextWidth / 2) +
                             "\" fo:margin-top=\"4.94mm\" fo:text-align=\"start\" fo:keep-with-next=\"always\"",
                         "fo:hyphenate=\"false\"");
  out += paragraph_style("Signature_20_suite", "Signature suite", "Signature", "fo:margin-top=\"0mm\"", "");
  out += paragraph_style("Signature_20_nom", "Signature nom", "Signature",
                         "fo:margin-top=\"15.00mm\" fo:margin-bottom=\"2.12mm\" fo:keep-with-next=\"auto\"", "");
  out += paragraph_style("Footer", "Footer", "Standard", "fo:line-height=\"100%\"", "fo:font-size=\"8pt\"",
                         " style:class=\"extra\"");
  out += list_style(false);
  out += list_style(true);
  out += "<text:outline-style style:name=\"Outline\">";
  for (int level = 1; level <= 10; ++level) {
    out += "<text:outline-level-style text:level=\"" + std::to_string(level) + "\" style:num-format=\"\"/>";
  }
  out += "</text:outline-style>";
  out += "</office:styles><office:automatic-styles>";
  // The PDF ends its text 20 mm above the bottom edge and puts the footer's baseline 12 mm above it.
  out += "<style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"" + mm_text(kPageWidth) +
         "\" fo:page-height=\"" + mm_text(kPageHeight) + "\" style:print-orientation=\"portrait\" fo:margin-top=\"" +
         mm_text(kMarginTop) + "\" fo:margin-bottom=\"10.00mm\" fo:margin-left=\"" + mm_text(kMarginLeft) +
         "\" fo:margin-right=\"" + mm_text(kMarginRight) +
         "\"/><style:footer-style><style:header-footer-properties fo:min-height=\"0mm\" fo:margin-top=\"6.00mm\"/>"
         "</style:footer-style></style:page-layout>";
  out += "<style:style style:name=\"MP1\" style:family=\"paragraph\" style:parent-style-name=\"Footer\">"
         "<style:paragraph-properties><style:tab-stops><style:tab-stop style:position=\"" +
         mm_text(kTextWidth) + "\" style:type=\"right\"/></style:tab-stops></style:paragraph-properties></style:style>";
  out += "</office:automatic-styles><office:master-styles>"
         "<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"><style:footer>"
         "<text:p text:style-name=\"MP1\">" +
         xml_escape(document.footer_left) +
         "<text:tab/>Page <text:page-number text:select-page=\"current\">1</text:page-number>/"
         "<text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles>"
         "</office:document-styles>";
  return out;
}

std::string meta_xml(const doc::Document& document) {
  const doc::Metadata& m = document.metadata;
  // The documents' date, never the clock: the same inputs and --date give the same file.
  const std::string date = m.date_iso.empty() ? "" : xml_escape(m.date_iso) + "T00:00:00";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta ";
  out += kNamespaces;
  out += " office:version=\"1.2\"><office:meta><meta:generator>aap</meta:generator>";
  out += "<dc:title>" + xml_escape(m.title) + "</dc:title>";
  out += "<dc:subject>" + xml_escape(m.subject) + "</dc:subject>";
  out += "<meta:initial-creator>" + xml_escape(m.author) + "</meta:initial-creator>";
  out += "<dc:creator>" + xml_escape(m.author) + "</dc:creator>";
  if (!date.empty()) out += "<meta:creation-date>" + date + "</meta:creation-date><dc:date>" + date + "</dc:date>";
  out += "<dc:language>" + xml_escape(m.language.empty() ? "fr-FR" : m.language) + "</dc:language>";
  if (!m.identifier.empty()) {
    out += "<meta:user-defined meta:name=\"Identifiant\">" + xml_escape(m.identifier) + "</meta:user-defined>";
  }
  out += "</office:meta></office:document-meta>";
  return out;
}

std::string manifest_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
         "manifest:version=\"1.2\">"
         "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
         "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
         "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
         "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
         "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
         "</manifest:manifest>";
}

}  // namespace aap::render::odt
