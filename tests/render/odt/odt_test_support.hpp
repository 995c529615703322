// Test helpers for the ODT and the deliberation: scratch folders, commands, the ODT read with Python,
// LibreOffice conversion and pdftotext.
#pragma once

#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace aap::test::odt {

/// The scratch folders of this run, removed at exit when every test passed (kept to inspect a failure).
inline std::vector<std::filesystem::path>& scratch_dirs() {
  static struct Holder {
    std::vector<std::filesystem::path> dirs;
    ~Holder() {
      if (!::testing::UnitTest::GetInstance()->Passed()) return;
      std::error_code ignored;
      for (const auto& d : dirs) std::filesystem::remove_all(d, ignored);
    }
  } holder;
  return holder.dirs;
}

/// A fresh directory under the system's temporary directory, unique to this process and `name`.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("aap-odt-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  scratch_dirs().push_back(dir);
  return dir;
}

inline std::string shell_quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

/// Runs `command` through the shell and returns its standard output; throws when it fails.
inline std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen: " + command);
  std::string out;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) throw std::runtime_error(command + " failed (" + std::to_string(status) + "): " + out);
  return out;
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// tests/render/odt/odt_tool.py (Python's zipfile and minidom) on `file`.
inline std::string odt_tool(const std::string& arguments) {
  return run(std::string(AAP_PYTHON) + " " + AAP_SOURCE_DIR + "/tests/render/odt/odt_tool.py " + arguments);
}

/// The ODT converted to PDF by LibreOffice headless into a folder of its own (so that it never replaces a
/// PDF of ours with the same name), with a private profile so that runs do not collide; returns its path.
inline std::filesystem::path libreoffice_pdf(const std::filesystem::path& odt) {
  const std::filesystem::path dir = odt.parent_path() / "libreoffice";
  std::filesystem::create_directories(dir);
  const std::filesystem::path profile = odt.parent_path() / "lo-profile";
  run("soffice --headless --norestore -env:UserInstallation=file://" + profile.string() +
      " --convert-to pdf --outdir " + shell_quoted(dir) + " " + shell_quoted(odt) + " 2>&1");
  const std::filesystem::path pdf = dir / odt.filename().replace_extension(".pdf");
  if (!std::filesystem::exists(pdf)) throw std::runtime_error("LibreOffice n’a pas produit " + pdf.string());
  return pdf;
}

/// pdftotext of the whole PDF, or of pages first..last when given; `layout` keeps table rows on one line.
inline std::string pdf_text(const std::filesystem::path& pdf, int first = 0, int last = 0, bool layout = false) {
  std::string pages = layout ? " -layout" : "";
  if (first > 0) pages = " -f " + std::to_string(first) + " -l " + std::to_string(last);
  return run("pdftotext -enc UTF-8" + pages + " " + shell_quoted(pdf) + " -");
}

/// The number of pages, from pdfinfo.
inline int pdf_pages(const std::filesystem::path& pdf) {
  const std::string info = run("pdfinfo " + shell_quoted(pdf));
  const auto at = info.find("Pages:");
  if (at == std::string::npos) throw std::runtime_error("pdfinfo: no page count");
  return std::stoi(info.substr(at + 6));
}

}  // namespace aap::test::odt
