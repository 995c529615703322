// The CSV layer: encodings, separator detection, RFC 4180 quoting, line ends and line numbers.
#include "input/csv_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aap::input {
namespace {

using Cells = std::vector<std::string>;

CsvTable parsed(std::string_view bytes, Diagnostics& diags) { return parse_csv(bytes, "t.csv", diags); }

CsvTable parsed_cleanly(std::string_view bytes) {
  Diagnostics diags;
  CsvTable table = parsed(bytes, diags);
  EXPECT_TRUE(diags.empty()) << diags.front().to_string();
  return table;
}

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.to_string());
  return out;
}

TEST(CsvSeparator, SemicolonWhenTheHeaderHasMoreSemicolons) {
  EXPECT_EQ(detect_separator("a;b;c\n1,5;2;3\n"), ';');
}

TEST(CsvSeparator, CommaWhenTheHeaderHasMoreCommas) { EXPECT_EQ(detect_separator("a,b;x,c\n"), ','); }

TEST(CsvSeparator, SemicolonOnATie) { EXPECT_EQ(detect_separator("a\n1,2,3\n"), ';'); }

TEST(CsvSeparator, SeparatorsInsideQuotesOfTheHeaderDoNotCount) {
  EXPECT_EQ(detect_separator("\"a;b;c\",d,e\n"), ',');
}

TEST(CsvSeparator, OnlyTheFirstLineCounts) { EXPECT_EQ(detect_separator("a,b\n;;;;;\n"), ','); }

TEST(CsvSplit, QuotedCellsHoldSeparatorsDoubledQuotesAndLineBreaks) {
  const CsvTable t = parsed_cleanly("a;b;c\n\"x;y\";\"il dit \"\"oui\"\"\";\"ligne 1\nligne 2\"\nz;;w\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[1].cells, (Cells{"x;y", "il dit \"oui\"", "ligne 1\nligne 2"}));
  EXPECT_EQ(t.rows[2].cells, (Cells{"z", "", "w"}));
}

TEST(CsvSplit, RowsCarryTheLineTheyStartOnPastMultiLineCells) {
  const CsvTable t = parsed_cleanly("a;b\n1;\"un\r\ndeux\r\ntrois\"\r\n2;x\r\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[1].line, 2);
  EXPECT_EQ(t.rows[2].line, 5);
  EXPECT_EQ(t.rows[1].cells[1], "un\ndeux\ntrois");  // CRLF inside a cell kept as LF
}

TEST(CsvSplit, CrlfAndLoneCrEndLinesLikeLf) {
  const CsvTable t = parsed_cleanly("a;b\r\n1;2\r3;4\n5;6");
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[1].cells, (Cells{"1", "2"}));
  EXPECT_EQ(t.rows[2].cells, (Cells{"3", "4"}));
  EXPECT_EQ(t.rows[3].cells, (Cells{"5", "6"}));
  EXPECT_EQ(t.rows[3].line, 4);
}

TEST(CsvSplit, BlankRowsAndRowsOfSeparatorsAreLeftOut) {
  const CsvTable t = parsed_cleanly("a;b\n\n;\n1;2\n  ; \n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].line, 4);
}

TEST(CsvSplit, ATrailingSeparatorAtTheEndStillMakesAnEmptyLastCell) {
  const CsvTable t = parsed_cleanly("a;b;c\n1;2;");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].cells, (Cells{"1", "2", ""}));
}

TEST(CsvSplit, CommaSeparatedWithDecimalCommasInQuotes) {
  const CsvTable t = parsed_cleanly("montant,nom\n\"30 000,50\",A\n");
  EXPECT_EQ(t.separator, ',');
  EXPECT_EQ(t.rows[1].cells, (Cells{"30 000,50", "A"}));
}

TEST(CsvSplit, AQuoteNeverClosedIsReportedOnTheLineItOpens) {
  Diagnostics diags;
  parsed("a;b\n1;2\n3;\"quatre\n5;6\n", diags);
  EXPECT_EQ(messages(diags), std::vector<std::string>{
                                 "t.csv:3: guillemet ouvert à cette ligne et jamais refermé : la suite du fichier "
                                 "est restée dans une seule cellule"});
}

TEST(CsvSplit, TextAfterAClosingQuoteIsReported) {
  Diagnostics diags;
  const CsvTable t = parsed("a;b\n\"x\"y;2\n", diags);
  EXPECT_EQ(messages(diags),
            std::vector<std::string>{"t.csv:2: texte après les guillemets fermants d’une cellule (un guillemet dans "
                                     "une cellule entre guillemets s’écrit doublé : \"\")"});
  EXPECT_EQ(t.rows[1].cells, (Cells{"xy", "2"}));
}

TEST(CsvEncoding, Utf8WithoutBom) {
  const CsvTable t = parsed_cleanly("nom\nRégion\n");
  EXPECT_EQ(t.encoding, CsvEncoding::utf8);
  EXPECT_EQ(t.rows[1].cells[0], "Région");
}

TEST(CsvEncoding, Utf8BomIsDropped) {
  const CsvTable t = parsed_cleanly("\xEF\xBB\xBFnom;b\nRégion;1\n");
  EXPECT_EQ(t.encoding, CsvEncoding::utf8_bom);
  EXPECT_EQ(t.rows[0].cells[0], "nom");
}

TEST(CsvEncoding, InvalidUtf8IsReadAsWindows1252AndConverted) {
  // é, €, ’, œ, « » and a no-break space as Excel writes them in France.
  const CsvTable t = parsed_cleanly("nom\nR\xE9gion \x80 l\x92\x9Cuvre \xAB\xA0x\xA0\xBB\n");
  EXPECT_EQ(t.encoding, CsvEncoding::windows_1252);
  EXPECT_EQ(t.rows[1].cells[0], "Région € l’œuvre «\u00A0x\u00A0»");
}

TEST(CsvEncoding, AByteUndefinedInWindows1252IsRefusedWithItsLine) {
  Diagnostics diags;
  const CsvTable t = parsed("nom\nR\xE9gion\n\x81\n", diags);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(messages(diags), std::vector<std::string>{
                                 "t.csv:3: octet 0x81 qui n’est ni de l’UTF-8 ni du Windows-1252 : encodage du "
                                 "fichier non reconnu (l’enregistrer au format « CSV UTF-8 »)"});
}

TEST(CsvEncoding, AStrayByteInAUtf8FileIsAnEncodingProblemAtItsLineAndColumn) {
  // UTF-8 without BOM (« é » as C3 A9), then one Windows-1252 « é » (E9) pasted in: not a Windows-1252 file.
  Diagnostics diags;
  const CsvTable t = parsed("nom;ville\n\xC3\xA9t\xC3\xA9;Aix\nEcole caf\xE9;Marseille\n", diags);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(messages(diags), std::vector<std::string>{
                                 "t.csv:3: problème d’encodage (colonne 10) : octet 0xE9 qui n’est pas de l’UTF-8 "
                                 "dans un fichier en UTF-8 (caractère venu d’un autre fichier ?) ; corriger ce "
                                 "caractère ou enregistrer le fichier au format « CSV UTF-8 »"});
  // Whichever comes first, the stray byte or the UTF-8, and whatever the line ends.
  diags.clear();
  parsed("nom\r\nab\x92;x\r\n\xE2\x80\x99\r\n", diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2);
  EXPECT_EQ(diags[0].message.substr(0, diags[0].message.find(':')), "problème d’encodage (colonne 3) ");
}

TEST(CsvEncoding, ABomFollowedByInvalidUtf8IsRefused) {
  Diagnostics diags;
  parsed("\xEF\xBB\xBFnom\nok\nR\xE9gion\n", diags);
  EXPECT_EQ(messages(diags), std::vector<std::string>{"t.csv:3: le fichier s’annonce en UTF-8 (BOM) mais ce texte "
                                                      "n’est pas de l’UTF-8 valide"});
}

TEST(CsvEncoding, Utf16IsRefused) {
  Diagnostics diags;
  parsed(std::string_view("\xFF\xFEn\0o\0m\0", 8), diags);
  EXPECT_EQ(messages(diags), std::vector<std::string>{
                                 "t.csv: fichier en UTF-16, non pris en charge : l’enregistrer au format « CSV "
                                 "UTF-8 » ou « CSV (séparateur : point-virgule) »"});
}

TEST(CsvEncoding, Windows1252TableMatchesMicrosoftsForEveryHighByte) {
  EXPECT_EQ(windows_1252_code_point(0x80), U'€');
  EXPECT_EQ(windows_1252_code_point(0x8C), U'Œ');
  EXPECT_EQ(windows_1252_code_point(0x96), U'–');
  EXPECT_EQ(windows_1252_code_point(0x9F), U'Ÿ');
  EXPECT_EQ(windows_1252_code_point(0xA0), U'\u00A0');
  EXPECT_EQ(windows_1252_code_point(0xFF), U'ÿ');
  for (const int undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    EXPECT_EQ(windows_1252_code_point(static_cast<unsigned char>(undefined)), 0u) << undefined;
  }
}

}  // namespace
}  // namespace aap::input
