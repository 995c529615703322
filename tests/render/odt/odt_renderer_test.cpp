// Tests of the ODT backend: the zip as ODF requires it, well-formed parts, real structure, reproducibility.
#include "render/layout/layout.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/odt/odt_renderer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <variant>

#include <cstdlib>
#include <ctime>

#include "render/odt/odt_test_support.hpp"
#include "support/process.hpp"
#include "support/schema_validation.hpp"

namespace aap {
namespace {

using test::odt::odt_tool;
using test::odt::shell_quoted;

doc::Inline text(const std::string& s, bool bold = false) { return {doc::Span{s, bold, false}}; }

doc::Document sample_document() {
  doc::Document d;
  d.metadata.title = "Délibération « test »";
  d.metadata.author = "Métropole Aix-Marseille-Provence";
  d.metadata.subject = "Subventions & conventions";
  d.metadata.identifier = "CT1-2027-014";
  d.metadata.date_iso = "2027-03-20";
  d.footer_left = "Délibération n° CT1-2027-014";
  d.blocks.push_back(doc::Heading{1, text("Extrait des registres")});
  d.blocks.push_back(doc::Paragraph{{{"Le Conseil ", false, false}, {"délibère", true, false}, {" ;", false, true}},
                                    doc::Align::justify});
  d.blocks.push_back(doc::Paragraph{text("Centré"), doc::Align::center});
  d.blocks.push_back(doc::ListBlock{false, 1, {text("premier"), text("second")}});
  d.blocks.push_back(doc::ListBlock{true, 3, {text("trois"), text("quatre")}});
  doc::Table t;
  t.columns = {{doc::Align::right, 4}, {doc::Align::left, 30}, {doc::Align::right, 10}};
  t.header = {{text("Rang"), text("Bénéficiaire"), text("Subvention")}};
  t.rows = {{text("1"), text("Association A"), text("30 000 €")}, {text("2"), text("Association B")}};
  d.blocks.push_back(t);
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::Heading{2, text("Article 1")});
  d.blocks.push_back(doc::Letterhead{{text("Métropole", true), text("Réf. : AAP & co")}});
  d.blocks.push_back(doc::AddressWindow{{"Madame Claire MARTIN", "13002 MARSEILLE"}});
  d.blocks.push_back(doc::PlaceDate{"Marseille, le 20 mars 2027"});
  return d;
}

std::string render_to_file(const doc::Document& d, const std::string& name) {
  const auto dir = test::odt::scratch_dir(name);
  const auto path = dir / "document.odt";
  test::odt::write_file(path, render::render_odt(d));
  return path.string();
}

std::string entry(const std::string& path, const std::string& name) {
  return odt_tool("cat " + shell_quoted(path) + " " + name);
}

TEST(OdtRenderer, MimetypeComesFirstStoredWithoutExtraField) {
  const std::string path = render_to_file(sample_document(), "mimetype");
  // zipfile: method 0 is stored, 8 deflated; the entries in the order ODF readers expect.
  EXPECT_EQ(odt_tool("list " + shell_quoted(path)),
            "mimetype 0 0 2027-03-20\n"
            "META-INF/manifest.xml 8 0 2027-03-20\n"
            "content.xml 8 0 2027-03-20\n"
            "styles.xml 8 0 2027-03-20\n"
            "meta.xml 8 0 2027-03-20\n");
  EXPECT_EQ(entry(path, "mimetype"), "application/vnd.oasis.opendocument.text");
  // The type is readable at the fixed offset 38 of the file, as ODF 1.2 part 3 §3.3 intends.
  const std::string bytes = render::render_odt(sample_document());
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");
}

TEST(OdtRenderer, EveryXmlPartIsWellFormed) {
  const std::string path = render_to_file(sample_document(), "wellformed");
  EXPECT_EQ(odt_tool("check " + shell_quoted(path)), "ok\n");
}

// Every block kind, escaped values, a letter's blocks: each part passes the OASIS ODF 1.2 RelaxNG schema.
TEST(OdtRenderer, EveryPartIsValidOdf12) {
  doc::Document d = sample_document();
  d.blocks.push_back(doc::Signature{{"Le Président", "Jean-Marc DUPONT"}});
  d.blocks.push_back(doc::Paragraph{text(" A & B <c> \"d\" 'e'\x01 fin  "), doc::Align::center});
  const auto v = test::validate_odt(render_to_file(d, "schema"));
  EXPECT_TRUE(v.ok) << v.report;
}

// The validator is real: the styles.xml that LibreOffice opened but the schema refuses
// (fo:hyphenation-ladder-count="0" on the headings) fails it.
TEST(OdtRenderer, SchemaRefusesALadderCountOfZero) {
  const std::filesystem::path path = render_to_file(sample_document(), "ladder");
  const std::filesystem::path broken = path.parent_path() / "broken.odt";
  constexpr const char* kBreak = R"(
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for info in src.infolist():
    data = src.read(info.filename)
    if info.filename == "styles.xml":
        data = data.replace(b'fo:hyphenate="false"', b'fo:hyphenation-ladder-count="0"')
    dst.writestr(info, data)
dst.close()
)";
  const auto r = test::run_process({AAP_PYTHON, "-c", kBreak, path.string(), broken.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto v = test::validate_odt(broken);
  EXPECT_FALSE(v.ok) << v.report;
  EXPECT_NE(v.report.find("hyphenation-ladder-count"), std::string::npos) << v.report;
}

TEST(OdtRenderer, TwoRendersAreByteIdentical) {
  EXPECT_EQ(render::render_odt(sample_document()), render::render_odt(sample_document()));
}

TEST(OdtRenderer, EntryDatesDoNotDependOnTheTimeZone) {
  const char* saved = std::getenv("TZ");
  const std::string previous = saved ? saved : "";
  setenv("TZ", "Pacific/Kiritimati", 1);
  tzset();
  const std::string far_east = render::render_odt(sample_document());
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  const std::string far_west = render::render_odt(sample_document());
  if (saved) setenv("TZ", previous.c_str(), 1); else unsetenv("TZ");
  tzset();
  EXPECT_EQ(far_east, far_west);
}

TEST(OdtRenderer, ValuesAreEscapedAndControlCharactersDropped) {
  doc::Document d = sample_document();
  d.blocks = {doc::Paragraph{text("A & B <c> \"d\" 'e'\x01\x1F fin"), doc::Align::justify}};
  d.metadata.title = "T & <x>";
  const std::string path = render_to_file(d, "escape");
  EXPECT_EQ(odt_tool("check " + shell_quoted(path)), "ok\n");
  EXPECT_NE(entry(path, "content.xml").find("A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; fin</text:p>"),
            std::string::npos);
  EXPECT_NE(entry(path, "meta.xml").find("<dc:title>T &amp; &lt;x&gt;</dc:title>"), std::string::npos);
}

TEST(OdtRenderer, InvalidUtf8BecomesReplacementCharacter) {
  doc::Document d = sample_document();
  d.blocks = {doc::Paragraph{text("a\xC3(b\xE2\x82"), doc::Align::justify}};
  const std::string path = render_to_file(d, "utf8");
  EXPECT_EQ(odt_tool("check " + shell_quoted(path)), "ok\n");
  EXPECT_NE(entry(path, "content.xml").find("a\uFFFD(b\uFFFD\uFFFD</text:p>"), std::string::npos);
}

TEST(OdtRenderer, RepeatedSpacesAreKept) {
  doc::Document d = sample_document();
  d.blocks = {doc::Paragraph{text(" a  b"), doc::Align::justify}};
  const std::string path = render_to_file(d, "spaces");
  EXPECT_NE(entry(path, "content.xml").find("<text:s/>a <text:s/>b</text:p>"), std::string::npos);
}

TEST(OdtRenderer, HeadingsListsAndTablesAreRealOdfStructures) {
  const std::string content = entry(render_to_file(sample_document(), "structure"), "content.xml");
  EXPECT_NE(content.find("<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">Extrait des registres</text:h>"),
            std::string::npos);
  EXPECT_NE(content.find("Le Conseil <text:span text:style-name=\"Tb\">délibère</text:span>"
                         "<text:span text:style-name=\"Ti\"> ;</text:span>"),
            std::string::npos);
  EXPECT_NE(content.find("<text:list text:style-name=\"Liste_20_puces\"><text:list-item><text:p text:style-name=\"Liste\">premier"),
            std::string::npos);
  EXPECT_NE(content.find("<text:list text:style-name=\"Liste_20_numerotee\"><text:list-item text:start-value=\"3\">"),
            std::string::npos);
  EXPECT_NE(content.find("<table:table-header-rows><table:table-row table:style-name=\"Row\"><table:table-cell "
                         "table:style-name=\"HeadCell\""),
            std::string::npos);
  // A short row is completed with an empty cell: three columns, every row three cells.
  EXPECT_NE(content.find("Association B</text:p></table:table-cell><table:table-cell table:style-name=\"Cell\" "
                         "office:value-type=\"string\"><text:p text:style-name=\"P"),
            std::string::npos);
  EXPECT_NE(content.find("fo:border=\"0.5pt solid #000000\""), std::string::npos);
  // The columns take the PDF layout's widths (weights 4 : 30 : 10, never narrower than the longest
  // unbreakable run), scaled to the 170 mm of text width.
  const doc::Document document = sample_document();
  const doc::Table& table = std::get<doc::Table>(document.blocks[5]);
  const auto widths = render::table_column_widths(table, render::FontMeasurer(render::FontMetrics::liberation_sans()));
  const double total = widths[0] + widths[1] + widths[2];
  const long first = std::lround(17000.0 * widths[0] / total);
  const long second = std::lround(17000.0 * widths[1] / total);
  for (long hundredths : {first, second, 17000 - first - second}) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "style:column-width=\"%ld.%02ldmm\"", hundredths / 100, hundredths % 100);
    EXPECT_NE(content.find(expected), std::string::npos) << expected;
  }
  // The page break is carried by the heading that follows it, not by an empty paragraph.
  EXPECT_NE(content.find("style:parent-style-name=\"Heading_20_2\"><style:paragraph-properties fo:break-before=\"page\"/>"),
            std::string::npos);
  EXPECT_EQ(content.find("<text:tab/>"), std::string::npos);
}

// The ODT's outline follows the PDF's structure tree: a first heading of level 3 is level 1 of the outline
// (as H1 in the PDF), the next one does not skip a level; the look stays the template's.
TEST(OdtRenderer, OutlineLevelsAreThoseOfThePdfHeadings) {
  doc::Document d;
  d.metadata.title = "Courrier";
  d.metadata.date_iso = "2027-03-20";
  d.blocks.push_back(doc::Heading{3, text("Voies et délais de recours")});
  d.blocks.push_back(doc::Heading{3, text("Suite")});
  d.blocks.push_back(doc::Heading{1, text("Autre partie")});
  d.blocks.push_back(doc::Heading{3, text("Détail")});
  const std::string content = entry(render_to_file(d, "outline"), "content.xml");
  EXPECT_NE(content.find("text:style-name=\"Heading_20_3\" text:outline-level=\"1\">Voies"), std::string::npos)
      << content;
  EXPECT_NE(content.find("text:outline-level=\"2\">Suite"), std::string::npos) << content;
  EXPECT_NE(content.find("text:outline-level=\"1\">Autre partie"), std::string::npos) << content;
  EXPECT_NE(content.find("text:outline-level=\"2\">Détail"), std::string::npos) << content;
}

TEST(OdtRenderer, LetterBlocksBecomeStyledParagraphs) {
  const std::string content = entry(render_to_file(sample_document(), "letter"), "content.xml");
  EXPECT_NE(content.find("<text:p text:style-name=\"Timbre\"><text:span text:style-name=\"Tb\">Métropole</text:span></text:p>"
                         "<text:p text:style-name=\"Timbre\">Réf. : AAP &amp; co</text:p>"
                         "<text:p text:style-name=\"Adresse\">Madame Claire MARTIN</text:p>"
                         "<text:p text:style-name=\"Adresse\">13002 MARSEILLE</text:p>"
                         "<text:p text:style-name=\"Lieu_20_et_20_date\">Marseille, le 20 mars 2027</text:p>"),
            std::string::npos);
}

TEST(OdtRenderer, SignatureLeavesRoomForTheHandSignatureAboveTheName) {
  doc::Document d = sample_document();
  d.blocks = {doc::Signature{{"Le Président du Conseil de Territoire", "Jean-Marc DUPONT"}}};
  const std::string path = render_to_file(d, "signature");
  EXPECT_NE(entry(path, "content.xml").find("<text:p text:style-name=\"Signature\">Le Président du Conseil de Territoire</text:p>"
                                            "<text:p text:style-name=\"Signature_20_nom\">Jean-Marc DUPONT</text:p>"),
            std::string::npos);
  EXPECT_NE(entry(path, "styles.xml").find("style:name=\"Signature_20_nom\" style:display-name=\"Signature nom\" "
                                           "style:family=\"paragraph\" style:parent-style-name=\"Signature\">"
                                           "<style:paragraph-properties fo:margin-top=\"15.00mm\""),
            std::string::npos);
}

TEST(OdtRenderer, StylesSetA4LiberationSansFrenchHyphenationAndPageFooter) {
  const std::string styles = entry(render_to_file(sample_document(), "styles"), "styles.xml");
  EXPECT_NE(styles.find("fo:page-width=\"210.00mm\" fo:page-height=\"297.00mm\""), std::string::npos);
  EXPECT_NE(styles.find("fo:margin-top=\"15.00mm\""), std::string::npos);
  EXPECT_NE(styles.find("fo:margin-left=\"20.00mm\" fo:margin-right=\"20.00mm\""), std::string::npos);
  EXPECT_NE(styles.find("style:font-name=\"Liberation Sans\""), std::string::npos);
  EXPECT_NE(styles.find("fo:language=\"fr\" fo:country=\"FR\" fo:hyphenate=\"true\""), std::string::npos);
  EXPECT_NE(styles.find("Délibération n° CT1-2027-014<text:tab/>Page <text:page-number text:select-page=\"current\">1"
                        "</text:page-number>/<text:page-count>1</text:page-count>"),
            std::string::npos);
  EXPECT_NE(styles.find("style:name=\"Text_20_body\" style:display-name=\"Text body\""), std::string::npos);
  EXPECT_NE(styles.find("fo:text-align=\"justify\""), std::string::npos);
}

TEST(OdtRenderer, MetaCarriesTheDocumentPropertiesAndItsDate) {
  const std::string meta = entry(render_to_file(sample_document(), "meta"), "meta.xml");
  EXPECT_NE(meta.find("<meta:generator>aap</meta:generator><dc:title>Délibération « test »</dc:title>"
                      "<dc:subject>Subventions &amp; conventions</dc:subject>"
                      "<meta:initial-creator>Métropole Aix-Marseille-Provence</meta:initial-creator>"
                      "<dc:creator>Métropole Aix-Marseille-Provence</dc:creator>"
                      "<meta:creation-date>2027-03-20T00:00:00</meta:creation-date><dc:date>2027-03-20T00:00:00</dc:date>"
                      "<dc:language>fr-FR</dc:language>"),
            std::string::npos);
}

}  // namespace
}  // namespace aap
