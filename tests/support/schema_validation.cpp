// Runs the official validators on aap's outputs; see schema_validation.hpp.
#include "test_paths.hpp"
#include "support/schema_validation.hpp"

#include <fstream>
#include <vector>

#include "support/process.hpp"

namespace aap::test {
namespace fs = std::filesystem;
namespace {

const fs::path kSchemas = fs::path(AAP_TEST_DATA) / "schemas";
constexpr const char* kXmllint = "/usr/bin/xmllint";  // libxml2-utils
constexpr const char* kJing = "/usr/bin/jing";        // jing

// A validator missing from the machine fails the test that needs it (never a skip).
bool tool_missing(const char* tool, const char* package, Validation& v) {
  if (fs::exists(tool)) return false;
  v.ok = false;
  v.report = std::string(tool) + " introuvable : installer le paquet Debian " + package +
             " (scripts/install-deps.sh)";
  return true;
}

Validation run_validator(const std::vector<std::string>& argv) {
  const ProcessResult r = run_process(argv);
  Validation v;
  v.ok = r.exit_code == 0;
  for (const std::string& a : argv) v.report += a + " ";
  v.report += "→ code " + std::to_string(r.exit_code) + "\n" + r.out + r.err;
  return v;
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

Validation validate_actes_envelope(const fs::path& xml) {
  Validation v;
  if (tool_missing(kXmllint, "libxml2-utils", v)) return v;
  return run_validator({kXmllint, "--noout", "--nonet", "--schema",
                        (kSchemas / "actes" / "actesv1_1.xsd").string(), xml.string()});
}

Validation validate_actes_envelope_text(const std::string& xml) {
  TempDir dir;
  write_file(dir / "acte.xml", xml);
  return validate_actes_envelope(dir / "acte.xml");
}

Validation validate_odt(const fs::path& odt) {
  Validation v;
  if (tool_missing(kJing, "jing", v)) return v;
  TempDir dir;
  // Python's zipfile, independent of the libzip that wrote the file.
  const Validation extracted = run_validator(
      {AAP_PYTHON, "-c",
       "import sys, zipfile\n"
       "z = zipfile.ZipFile(sys.argv[1])\n"
       "for name in ('content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml'):\n"
       "    z.extract(name, sys.argv[2])\n",
       odt.string(), dir.path().string()});
  if (!extracted.ok) return extracted;
  const fs::path odf = kSchemas / "odf";
  Validation parts = run_validator({kJing, "-i", (odf / "OpenDocument-v1.2-os-schema.rng").string(),
                                    (dir / "content.xml").string(), (dir / "styles.xml").string(),
                                    (dir / "meta.xml").string()});
  const Validation manifest = run_validator({kJing, "-i", (odf / "OpenDocument-v1.2-os-manifest-schema.rng").string(),
                                             (dir / "META-INF" / "manifest.xml").string()});
  parts.ok = parts.ok && manifest.ok;
  parts.report += manifest.report;
  return parts;
}

Validation validate_odt_bytes(const std::string& odt) {
  TempDir dir;
  write_file(dir / "document.odt", odt);
  return validate_odt(dir / "document.odt");
}

Validation validate_scdl(const fs::path& csv) {
  Validation v;
  if (tool_missing(AAP_PYTHON, "python3", v)) return v;
  return run_validator({AAP_PYTHON, (fs::path(AAP_SOURCE_DIR) / "tests" / "support" / "tableschema_check.py").string(),
                        (kSchemas / "scdl" / "schema-2.1.1.json").string(), csv.string()});
}

Validation validate_scdl_text(const std::string& csv) {
  TempDir dir;
  write_file(dir / "subventions-scdl.csv", csv);
  return validate_scdl(dir / "subventions-scdl.csv");
}

}  // namespace aap::test
