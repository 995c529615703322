// The outputs checked by the receiving systems' own schemas (tests/data/schemas): the @ctes envelope
// with xmllint and the ACTES XSD, the ODT parts with jing and the OASIS ODF 1.2 RelaxNG, the SCDL CSV with
// tableschema_check.py driven by the SCDL TableSchema. A validator that cannot be found is a failure.
#pragma once

#include <filesystem>
#include <string>

namespace aap::test {

struct Validation {
  bool ok = false;
  std::string report;  // the validator's command and output: what a failing test prints
};

/// xmllint --schema actesv1_1.xsd on the envelope file.
Validation validate_actes_envelope(const std::filesystem::path& xml);
/// The same, for the envelope's bytes.
Validation validate_actes_envelope_text(const std::string& xml);

/// content.xml, styles.xml and meta.xml against the ODF 1.2 schema, META-INF/manifest.xml against the
/// manifest schema (jing -i), each part taken out of the zip by Python's zipfile.
Validation validate_odt(const std::filesystem::path& odt);
/// The same, for the ODT's bytes.
Validation validate_odt_bytes(const std::string& odt);

/// tableschema_check.py with the SCDL subventions 2.1.1 schema on the CSV file.
Validation validate_scdl(const std::filesystem::path& csv);
/// The same, for the CSV's bytes.
Validation validate_scdl_text(const std::string& csv);

}  // namespace aap::test
