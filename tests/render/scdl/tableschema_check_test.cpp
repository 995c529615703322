// The SCDL checker (tests/support/tableschema_check.py) is a real one: the schema's own valid example
// passes, and each kind of fault that the schema forbids, put into a valid file one at a time, fails it
// with the field named.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/schema_validation.hpp"

namespace aap {
namespace {

const std::string kHeader =
    "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,"
    "rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,"
    "pourcentageSubvention,dispositifAide\r\n";

struct Row {
  std::vector<std::string> cells{"Métropole Aix-Marseille-Provence", "20005480700017", "2027-03-12", "CT1-2027-014",
                                 "Association A", "73282932000074", "W133012345", "Formation", "30000.00",
                                 "aide en numéraire", "unique", "2027-03-12/2027-12-31", "", "non", "1.00", ""};
  std::string csv() const {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    return kHeader + out + "\r\n";
  }
};

TEST(TableSchemaCheck, TheSchemasOwnValidExampleAndAValidRowPass) {
  const auto example = test::validate_scdl(std::string(AAP_TEST_DATA) + "/schemas/scdl/exemple_valide.csv");
  EXPECT_TRUE(example.ok) << example.report;
  const auto row = test::validate_scdl_text(Row{}.csv());
  EXPECT_TRUE(row.ok) << row.report;
}

TEST(TableSchemaCheck, EachFaultFailsNamingTheField) {
  struct Fault {
    std::size_t column;
    std::string value;
    std::string named;  // what the report must hold
  };
  const std::vector<Fault> faults = {
      {1, "", "idAttribuant : obligatoire, vide"},
      {1, "20005480700018", "idAttribuant : « 20005480700018 » n'est pas un SIRET valide"},
      {1, "2000548070001", "idAttribuant : « 2000548070001 » ne suit pas le motif"},
      {5, "73282932000075", "idBeneficiaire : « 73282932000075 » n'est pas un SIRET valide"},
      {2, "2027-02-30", "dateConvention : « 2027-02-30 » n'est pas une date du calendrier"},
      {2, "12/03/2027", "dateConvention : « 12/03/2027 » n'est pas une date AAAA-MM-JJ"},
      {4, "", "nomBeneficiaire : obligatoire, vide"},
      {6, "W13-3012", "rnaBeneficiaire : « W13-3012 » ne suit pas le motif"},
      {7, std::string(257, 'x'), "objet : 257 caractères pour 256 au plus"},
      {8, "\"30000,00\"", "montant : « 30000,00 » n'est pas un nombre"},  // quoted: one cell
      {9, "subvention", "nature : « subvention » n'est pas une des valeurs"},
      {11, "2027-03-12 au 2027-12-31", "datesPeriodeVersement : « 2027-03-12 au 2027-12-31 » ne suit pas le motif"},
      {12, "123456", "idRAE : 6 caractères pour 5 au plus"},
      {13, "Non", "notificationUE : « Non » n'est ni oui ni non"},
      {14, "1.5", "pourcentageSubvention : 1.5 dépasse le maximum 1"},
      {14, "0", "pourcentageSubvention : 0 est sous le minimum 0.01"},
  };
  for (const Fault& f : faults) {
    Row row;
    row.cells[f.column] = f.value;
    const auto v = test::validate_scdl_text(row.csv());
    EXPECT_FALSE(v.ok) << f.named;
    EXPECT_NE(v.report.find("ligne 2, " + f.named), std::string::npos) << f.named << "\n" << v.report;
  }
}

TEST(TableSchemaCheck, NeitherSiretNorRnaHeaderOrderBomAndEncodingFail) {
  Row neither;
  neither.cells[5] = "";
  neither.cells[6] = "";
  auto v = test::validate_scdl_text(neither.csv());
  EXPECT_NE(v.report.find("ligne 2 : ni idBeneficiaire ni rnaBeneficiaire"), std::string::npos) << v.report;
  EXPECT_FALSE(v.ok);

  std::string swapped = Row{}.csv();
  swapped.replace(0, 27, "idAttribuant,nomAttribuant,");  // the first two columns exchanged
  v = test::validate_scdl_text(swapped);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.report.find("en-tête"), std::string::npos) << v.report;

  v = test::validate_scdl_text("\xEF\xBB\xBF" + Row{}.csv());
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.report.find("BOM"), std::string::npos) << v.report;

  Row latin1;
  latin1.cells[0] = "M\xE9tropole";
  v = test::validate_scdl_text(latin1.csv());
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.report.find("UTF-8"), std::string::npos) << v.report;

  Row short_row;
  short_row.cells.pop_back();
  v = test::validate_scdl_text(short_row.csv());
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.report.find("ligne 2 : 15 cellules pour 16 champs"), std::string::npos) << v.report;
}

}  // namespace
}  // namespace aap
