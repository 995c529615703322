// The XMP packet and the Info dictionary of render_pdf, read back by pikepdf (pdf_conformance.py): they
// agree whatever the metadata holds, as PDF/A-2 wants.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "render/pdf/pdf_renderer.hpp"
#include "render/pdf/sample_letter.hpp"
#include "support/process.hpp"

namespace aap::render {
namespace {
using nlohmann::json;

json facts_of(const doc::Document& d) {
  test::TempDir dir;
  const auto path = dir / "doc.pdf";
  std::ofstream(path, std::ios::binary) << render_pdf(d);
  const auto r = test::run_process(
      {AAP_PYTHON, std::string(AAP_SOURCE_DIR) + "/tests/render/pdf/pdf_conformance.py", path.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(PdfMetadata, XmpHoldsTheMetadataEscapedAndInAgreementWithInfo) {
  doc::Document d = test::sample_letter();
  d.metadata.title = "Délibération <n° 12> & annexes « 2027 »";
  d.metadata.author = "Métropole & Co";
  d.metadata.subject = "Sujet <b>";
  const json f = facts_of(d);
  EXPECT_EQ(f["xmp"]["dc:title"], json::array({d.metadata.title}));
  EXPECT_EQ(f["info"]["Title"], d.metadata.title);
  EXPECT_EQ(f["xmp"]["dc:creator"], json::array({d.metadata.author}));
  EXPECT_EQ(f["info"]["Author"], d.metadata.author);
  EXPECT_EQ(f["xmp"]["dc:description"], json::array({d.metadata.subject}));
  EXPECT_EQ(f["xmp"]["xmp:CreateDate"], json::array({"2027-03-20T00:00:00Z"}));
  EXPECT_EQ(f["info"]["CreationDate"], "D:20270320000000Z");
  EXPECT_EQ(f["xmp"]["pdfaid:part"], json::array({"2"}));
}

TEST(PdfMetadata, WhatInfoLeavesOutTheXmpLeavesOutToo) {
  doc::Document d = test::sample_letter();
  d.metadata.author.clear();
  d.metadata.subject.clear();
  d.metadata.date_iso.clear();
  const json f = facts_of(d);
  EXPECT_FALSE(f["info"].contains("Author")) << f["info"].dump();
  EXPECT_FALSE(f["info"].contains("Subject"));
  EXPECT_FALSE(f["info"].contains("CreationDate"));
  EXPECT_FALSE(f["info"].contains("ModDate"));
  EXPECT_TRUE(f["xmp"]["dc:creator"].empty());
  EXPECT_TRUE(f["xmp"]["dc:description"].empty());
  EXPECT_TRUE(f["xmp"]["xmp:CreateDate"].empty());
  EXPECT_TRUE(f["xmp"]["xmp:ModifyDate"].empty());
  EXPECT_EQ(f["xmp"]["dc:title"], json::array({d.metadata.title}));
}

}  // namespace
}  // namespace aap::render
