// End-to-end: the notice, the deliberation and a letter of each decision, as `aap run` writes them, checked
// clause by clause for PDF/A-2 and PDF/UA-1 through pikepdf (tests/render/pdf/pdf_conformance.py), poppler
// and qpdf. There is no veraPDF on these machines: each clause is read back by an independent reader.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using test::run_aap;
using test::run_process;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

const fs::path& output() { return test::fixture_run_output(); }

// The notice, the deliberation, and the letters of a funded, a partially funded, a not funded and an
// ineligible dossier (fixtures/README.md).
const std::vector<std::string> kDocuments = {"avis-appel-a-projets.pdf", "deliberation.pdf",
                                             "courriers/2027-003.pdf", "courriers/2027-006.pdf",
                                             "courriers/2027-009.pdf", "courriers/2027-019.pdf"};

json facts(const fs::path& pdf) {
  const auto r = run_process({AAP_PYTHON, kRoot / "tests/render/pdf/pdf_conformance.py", pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

/// "2027-03-20T00:00:00Z" from the Info date "D:20270320000000Z".
std::string xmp_date(const std::string& info_date) {
  if (info_date.size() < 16 || info_date.rfind("D:", 0) != 0) return "?" + info_date;
  return info_date.substr(2, 4) + "-" + info_date.substr(6, 2) + "-" + info_date.substr(8, 2) + "T" +
         info_date.substr(10, 2) + ":" + info_date.substr(12, 2) + ":" + info_date.substr(14, 2) + "Z";
}

TEST(PdfConformance, CatalogNamesTheLanguageAndShowsTheTitle) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    EXPECT_EQ(f["catalog"]["Lang"], "fr-FR") << name;
    EXPECT_EQ(f["catalog"]["DisplayDocTitle"], true) << name;
    EXPECT_EQ(f["encrypted"], false) << name;
  }
}

TEST(PdfConformance, XmpAgreesWithInfoAndClaimsPdfA2) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    const json& x = f["xmp"];
    const json& info = f["info"];
    ASSERT_FALSE(x.empty()) << name << ": no /Metadata";
    // The metadata stream is not filtered (PDF/A-2 6.6.2.1) and is an XMP packet.
    EXPECT_EQ(x["stream_keys"], json::array({"/Length", "/Subtype", "/Type"})) << name;
    EXPECT_TRUE(x["starts_with_xpacket"].get<bool>()) << name;
    EXPECT_TRUE(x["ends_with_xpacket"].get<bool>()) << name;
    ASSERT_FALSE(info["Title"].get<std::string>().empty()) << name;
    EXPECT_EQ(x["dc:title"], json::array({info["Title"]})) << name;
    EXPECT_EQ(x["dc:creator"], json::array({info["Author"]})) << name;
    EXPECT_EQ(x["dc:description"], json::array({info["Subject"]})) << name;
    EXPECT_EQ(x["xmp:CreatorTool"], json::array({info["Creator"]})) << name;
    EXPECT_EQ(x["pdf:Producer"], json::array({info["Producer"]})) << name;
    EXPECT_EQ(x["xmp:CreateDate"], json::array({xmp_date(info["CreationDate"])})) << name;
    EXPECT_EQ(x["xmp:ModifyDate"], json::array({xmp_date(info["ModDate"])})) << name;
    EXPECT_EQ(x["dc:language"], json::array({"fr-FR"})) << name;
    EXPECT_EQ(x["pdfaid:part"], json::array({"2"})) << name;
    ASSERT_EQ(x["pdfaid:conformance"].size(), 1U) << name;
  }
}

TEST(PdfConformance, OutputIntentIsSrgbWithItsProfile) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    ASSERT_EQ(f["output_intents"].size(), 1U) << name;
    const json& oi = f["output_intents"][0];
    EXPECT_EQ(oi["S"], "/GTS_PDFA1") << name;
    EXPECT_EQ(oi["N"], 3) << name;
    EXPECT_EQ(oi["icc_signature"], "acsp") << name;
    EXPECT_EQ(oi["icc_colour_space"], "RGB ") << name;
    EXPECT_TRUE(oi["icc_size_matches"].get<bool>()) << name;
  }
}

TEST(PdfConformance, FileIdFontsAndFiltersAreThoseAllowed) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    ASSERT_EQ(f["id"].size(), 2U) << name;
    EXPECT_EQ(f["id"][0].get<std::string>().size(), 32U) << name;  // 16 bytes
    EXPECT_EQ(f["filters"], json::array({"/FlateDecode"})) << name;  // no LZW, nothing else
    ASSERT_FALSE(f["fonts"].empty()) << name;
    for (const auto& font : f["fonts"]) {
      EXPECT_EQ(font["Subtype"], "/Type0") << name;
      EXPECT_EQ(font["Encoding"], "/Identity-H") << name;
      EXPECT_TRUE(font["ToUnicode"].get<bool>()) << name << " " << font["BaseFont"];
      EXPECT_TRUE(font["FontFile2"].get<bool>()) << name << " " << font["BaseFont"];
      EXPECT_TRUE(font["W"].get<bool>()) << name;
      EXPECT_EQ(font["CIDToGIDMap"], "/Identity") << name;
      // A CIDSet would have to list every glyph of the subset program (PDF/A-2 6.2.11.4.2): none is written.
      EXPECT_FALSE(font["CIDSet"].get<bool>()) << name;
    }
  }
}

TEST(PdfConformance, QpdfCheckIsClean) {
  for (const auto& name : kDocuments) {
    const auto r = run_process({"/usr/bin/qpdf", "--check", (output() / name).string()});
    EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << name << r.out;
  }
}

TEST(PdfConformance, TaggedAndClaimingPdfUa1AndPdfA2a) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    EXPECT_EQ(f["catalog"]["Marked"], true) << name;
    EXPECT_EQ(f["xmp"]["pdfuaid:part"], json::array({"1"})) << name;
    EXPECT_EQ(f["xmp"]["pdfaid:conformance"], json::array({"A"})) << name;
    // PDF/A-2 predefines no pdfuaid schema: the packet describes it (ISO 19005-2 6.6.2.3).
    EXPECT_EQ(f["xmp"]["extension_schemas"], json::array({"http://www.aiim.org/pdfua/ns/id/"})) << name;
  }
}

TEST(PdfConformance, NoContentOutsideMarkedContentAndEveryMcidInTheParentTree) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    const json& s = f["structure"];
    ASSERT_TRUE(s.is_object()) << name;
    EXPECT_TRUE(s["problems"].empty()) << name << s["problems"].dump();
    EXPECT_EQ(s["elements"][0]["S"], "/Document") << name;
    EXPECT_EQ(s["parent_tree_next_key"], f["pages"].size()) << name;
    for (std::size_t p = 0; p < f["pages"].size(); ++p) {
      const json& page = f["pages"][p];
      EXPECT_EQ(page["text_outside_marked_content"], 0) << name << " page " << p;
      EXPECT_EQ(page["paint_outside_marked_content"], 0) << name << " page " << p;
      EXPECT_EQ(page["unclosed"], 0) << name;
      EXPECT_TRUE(page["nesting_ok"].get<bool>()) << name;
      ASSERT_EQ(page["StructParents"], p) << name;
      const json& tree = s["parent_tree"][std::to_string(p)];
      ASSERT_EQ(tree.size(), page["mcids"].size()) << name << " page " << p;
      for (std::size_t m = 0; m < tree.size(); ++m) {
        const std::string key = std::to_string(p) + ":" + std::to_string(m);
        EXPECT_EQ(s["marked"][key], tree[m]) << name << " " << key;
      }
      // The artifacts' text is the running footer and the page number (and a repeated table header); the
      // footer's line, reference and page number, is one text operator.
      bool page_number = false;
      for (const auto& a : page["artifact_text"]) {
        page_number = page_number ||
                      std::regex_search(a.get<std::string>(), std::regex("Page " + std::to_string(p + 1) + "/[0-9]+$"));
      }
      EXPECT_TRUE(page_number) << name << " page " << p << page["artifact_text"].dump();
    }
  }
}

/// The words of `text`, spaces of every kind and line ends dropped (pdftotext and poppler print U+00A0
/// and U+202F as spaces).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(std::regex_replace(text, std::regex("\u00A0|\u202F"), " "));
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST(PdfConformance, TheTaggedTextIsThePageTextInReadingOrder) {
  for (const auto& name : kDocuments) {
    const json f = facts(output() / name);
    // What the pages show inside MCIDs, page after page, in content-stream order: the runs of one sequence
    // joined as they are, so that a word break shows only where a space is drawn (as tagged PDF wants).
    std::string content;
    for (const auto& page : f["pages"]) {
      for (const auto& item : page["tagged_text"]) content += item[1].get<std::string>() + " ";
    }
    const auto r = run_process({"/usr/bin/pdfinfo", "-struct-text", (output() / name).string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string tagged;  // the text poppler finds under the structure elements, in the tree's order
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      const auto first = line.find('"');
      const auto last = line.rfind('"');
      if (first != std::string::npos && last > first) tagged += line.substr(first + 1, last - first - 1) + " ";
    }
    ASSERT_FALSE(words(content).empty()) << name;
    EXPECT_EQ(words(tagged), words(content)) << name << "\n" << r.out.substr(0, 3000);
    // Word breaks are spaces in the text, not only gaps on the page: justified lines, and line ends.
    // Without them a justified line reads as one long word.
    // A web address is one long word of its own (the notice's « Dépôt des dossiers »).
    for (const std::string& w : words(tagged)) {
      if (w.find("://") == std::string::npos) {
        EXPECT_LE(w.size(), 45U) << name << ": " << w;
      }
    }
  }
  // The letter's parts in the order it is read: the letterhead, the date, the address, the object, the
  // body, the signature.
  const json f = facts(output() / "courriers/2027-003.pdf");
  std::string text;
  for (const auto& item : f["pages"][0]["tagged_text"]) text += item[1].get<std::string>() + " ";
  const auto at = [&](const std::string& s) { return text.find(s); };
  EXPECT_LT(at("Métropole"), at("Marseille, le"));
  EXPECT_LT(at("Marseille, le"), at("Objet"));
  EXPECT_LT(at("Centre social Les Flamants"), at("Objet")) << text;  // the address (fixtures/dossiers)
}

}  // namespace
}  // namespace aap
