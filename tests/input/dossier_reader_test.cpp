// Dossier reading and validation: one test per rule of a dossier, each asserting the exact message.
#include "input/dossier_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using aap::DossierLoad;
using aap::parse_dossiers;
using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

// A valid dossier with two sessions; each test patches the one field it is about.
constexpr const char* kValidDossier = R"({
  "id": "2027-001",
  "received_on": "2027-01-12",
  "association": {
    "name": "Association Code & Quartiers",
    "siret": "44306184100047",
    "rna": "W133012345",
    "representative": {"civility": "Madame", "first_name": "Claire", "last_name": "Martin", "role": "Présidente"},
    "address": {"lines": ["12 rue de la République"], "postal_code": "13002", "city": "Marseille"},
    "email": "contact@example.org"
  },
  "training": {
    "title": "Développeur web et web mobile",
    "gen_label": {"number": "GEN-2025-0123", "valid_until": "2028-06-30"},
    "free_of_charge": true,
    "site": {"address": "3 boulevard National", "postal_code": "13003", "city": "Marseille",
             "insee_code": "13203", "qpv_code": "QN01312M"},
    "sessions": [
      {"label": "Session 1", "start": "2027-09-06", "end": "2028-03-31",
       "trainees": 14, "women": 5, "low_qualified_job_seekers": 12, "bac_or_below": 11,
       "qpv_residents": 6, "veille_active_residents": 1, "plie_followed": 3},
      {"label": "Session 2", "start": "2028-04-03", "end": "2028-10-27",
       "trainees": 10, "women": 4, "low_qualified_job_seekers": 10, "bac_or_below": 9,
       "qpv_residents": 5, "veille_active_residents": 0, "plie_followed": 2}
    ]
  },
  "partnerships": {"politique_de_la_ville": true, "emploi_insertion": false, "esr": true},
  "employer_partners": ["Société Méditerranéenne de Logiciel", "Provence Numérique"],
  "budget": {"total_cost": 95000, "requested": 30000},
  "instruction": {"instructor": "Paul Durand", "notes": "Dossier complet.\nVisite du site le 3 février."}
})";

/// The valid dossier, patched, as text.
std::string dossier_with(const std::function<void(json&)>& patch) {
  json j = json::parse(kValidDossier);
  patch(j);
  return j.dump(2);
}

/// The valid dossier with one field's JSON written verbatim (exponents, 14.0…, which nlohmann would
/// rewrite). `pointer` is a JSON pointer: "/budget/requested".
std::string dossier_with_raw(const std::string& pointer, const std::string& raw) {
  json j = json::parse(kValidDossier);
  j[json::json_pointer(pointer)] = "@RAW@";
  std::string text = j.dump(2);
  text.replace(text.find("\"@RAW@\""), 7, raw);
  return text;
}

DossierLoad load_of(const std::string& text, const std::string& name = "d.json") {
  DossierLoad load;
  parse_dossiers(text, name, load);
  return load;
}

/// "field : message" of every diagnostic: the line is tested apart, on texts written by hand.
std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& d : load_of(text).diagnostics) out.push_back(d.field + " : " + d.message);
  return out;
}

}  // namespace

// --- A valid dossier -------------------------------------------------------------------------------------

TEST(DossierReader, ValidDossierIsReadWithEveryField) {
  const auto load = load_of(kValidDossier, "fixtures/dossiers/2027-001.json");
  ASSERT_THAT(load.diagnostics, IsEmpty());
  ASSERT_EQ(load.dossiers.size(), 1u);
  const auto& d = load.dossiers[0];
  EXPECT_EQ(d.id, "2027-001");
  EXPECT_EQ(d.received_on, (aap::Date{2027, 1, 12}));
  EXPECT_EQ(d.association.siret, "44306184100047");
  EXPECT_EQ(d.association.rna, "W133012345");
  EXPECT_EQ(d.association.representative.role, "Présidente");
  EXPECT_THAT(d.association.address.lines, ElementsAre("12 rue de la République"));
  ASSERT_TRUE(d.training.gen_label.has_value());
  EXPECT_EQ(d.training.gen_label->valid_until, (aap::Date{2028, 6, 30}));
  EXPECT_TRUE(d.training.free_of_charge);
  EXPECT_EQ(d.training.site.insee_code, "13203");
  EXPECT_EQ(d.training.site.qpv_code, "QN01312M");
  ASSERT_EQ(d.training.sessions.size(), 2u);
  EXPECT_EQ(d.training.sessions[1].trainees, 10);
  EXPECT_EQ(d.training.sessions[0].veille_active_residents, 1);
  EXPECT_TRUE(d.partnerships.esr);
  EXPECT_FALSE(d.partnerships.emploi_insertion);
  EXPECT_EQ(d.employer_partners.size(), 2u);
  EXPECT_EQ(d.budget.total_cost.cents(), 9'500'000);
  EXPECT_EQ(d.budget.requested.cents(), 3'000'000);
  ASSERT_TRUE(d.instruction.has_value());
  EXPECT_EQ(d.instruction->notes, "Dossier complet.\nVisite du site le 3 février.");
  EXPECT_EQ(d.source_file, "fixtures/dossiers/2027-001.json");
  EXPECT_EQ(load.id_sources.at("2027-001"), "fixtures/dossiers/2027-001.json");
}

TEST(DossierReader, OptionalFieldsMayBeLeftOut) {
  const auto load = load_of(dossier_with([](json& j) {
    j["association"].erase("rna");
    j["association"].erase("email");
    j["training"]["site"].erase("address");
    j["training"]["sessions"][0].erase("label");
    j.erase("instruction");
    j["employer_partners"] = json::array();
  }));
  ASSERT_THAT(load.diagnostics, IsEmpty());
  const auto& d = load.dossiers.at(0);
  EXPECT_FALSE(d.association.rna.has_value());
  EXPECT_FALSE(d.association.email.has_value());
  EXPECT_FALSE(d.training.site.address.has_value());
  EXPECT_FALSE(d.training.sessions[0].label.has_value());
  EXPECT_FALSE(d.instruction.has_value());
  EXPECT_THAT(d.employer_partners, IsEmpty());
}

TEST(DossierReader, OptionalFieldsMayBeNull) {
  const auto load = load_of(dossier_with([](json& j) {
    j["association"]["rna"] = nullptr;
    j["instruction"] = nullptr;
  }));
  ASSERT_THAT(load.diagnostics, IsEmpty());
  EXPECT_FALSE(load.dossiers.at(0).association.rna.has_value());
  EXPECT_FALSE(load.dossiers.at(0).instruction.has_value());
}

TEST(DossierReader, NullGenLabelMeansNoLabel) {
  const auto load = load_of(dossier_with([](json& j) { j["training"]["gen_label"] = nullptr; }));
  ASSERT_THAT(load.diagnostics, IsEmpty());
  EXPECT_FALSE(load.dossiers.at(0).training.gen_label.has_value());
}

TEST(DossierReader, NullQpvCodeMeansSiteOutsideTheQpv) {
  const auto load = load_of(dossier_with([](json& j) { j["training"]["site"]["qpv_code"] = nullptr; }));
  ASSERT_THAT(load.diagnostics, IsEmpty());
  EXPECT_FALSE(load.dossiers.at(0).training.site.qpv_code.has_value());
}

TEST(DossierReader, ByteOrderMarkIsIgnored) {
  const auto load = load_of("\xEF\xBB\xBF" + std::string(kValidDossier));
  EXPECT_THAT(load.diagnostics, IsEmpty());
  EXPECT_EQ(load.dossiers.size(), 1u);
}

// --- Schema: required, unknown, types ---------------------------------------------------------------------

TEST(DossierReader, UnknownFieldIsNamedWithItsFullPath) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["trainess"] = 14; })),
              ElementsAre("training.sessions[0].trainess : champ inconnu"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["comment"] = "x"; })), ElementsAre("comment : champ inconnu"));
}

TEST(DossierReader, MissingRequiredField) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"].erase("name"); })),
              ElementsAre("association.name : champ obligatoire manquant"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][1].erase("women"); })),
              ElementsAre("training.sessions[1].women : champ obligatoire manquant"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j.erase("partnerships"); })),
              ElementsAre("partnerships : champ obligatoire manquant"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j.erase("employer_partners"); })),
              ElementsAre("employer_partners : champ obligatoire manquant"));
}

TEST(DossierReader, GenLabelMustBeWrittenEvenWhenThereIsNone) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"].erase("gen_label"); })),
              ElementsAre("training.gen_label : champ obligatoire manquant (null si la formation n’a pas le label "
                          "Grande École du Numérique)"));
}

TEST(DossierReader, QpvCodeMustBeWrittenEvenOutsideTheQpv) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["site"].erase("qpv_code"); })),
              ElementsAre("training.site.qpv_code : champ obligatoire manquant (null si le site est hors quartier "
                          "prioritaire (QPV))"));
}

TEST(DossierReader, RequiredFieldWrittenNullIsATypeError) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["title"] = nullptr; })),
              ElementsAre("training.title : doit être une chaîne (trouvé : null)"));
}

TEST(DossierReader, CountWrittenAsAStringIsRefused) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["trainees"] = "14"; })),
              ElementsAre("training.sessions[0].trainees : doit être un entier (trouvé : la chaîne « 14 »)"));
}

TEST(DossierReader, CountWithADecimalPointIsRefused) {
  EXPECT_THAT(problems(dossier_with_raw("/training/sessions/0/women", "5.0")),
              ElementsAre("training.sessions[0].women : doit être un entier (trouvé : 5.0)"));
  EXPECT_THAT(problems(dossier_with_raw("/training/sessions/0/women", "4.5")),
              ElementsAre("training.sessions[0].women : doit être un entier (trouvé : 4.5)"));
}

TEST(DossierReader, NegativeCountIsRefused) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["plie_followed"] = -1; })),
              ElementsAre("training.sessions[0].plie_followed : doit être positif ou nul (trouvé : -1)"));
}

TEST(DossierReader, AbsurdlyLargeCountIsRefused) {
  EXPECT_THAT(problems(dossier_with_raw("/training/sessions/0/trainees", "99999999999999999999")),
              ElementsAre("training.sessions[0].trainees : doit être au plus 1000000 (trouvé : 1e+20)"));
  EXPECT_THAT(problems(dossier_with_raw("/training/sessions/0/trainees", "1000001")),
              ElementsAre("training.sessions[0].trainees : doit être au plus 1000000 (trouvé : 1000001)"));
}

TEST(DossierReader, TextOfTheWrongType) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["title"] = 12; })),
              ElementsAre("training.title : doit être une chaîne (trouvé : 12)"));
}

TEST(DossierReader, BooleanOfTheWrongType) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["free_of_charge"] = "oui"; })),
              ElementsAre("training.free_of_charge : doit être true ou false (trouvé : la chaîne « oui »)"));
}

TEST(DossierReader, ObjectAndArrayOfTheWrongType) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"] = json::array(); })),
              ElementsAre("association : doit être un objet (trouvé : un tableau)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"] = json::object(); })),
              ElementsAre("training.sessions : doit être un tableau (trouvé : un objet)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][1] = 3; })),
              ElementsAre("training.sessions[1] : doit être un objet (trouvé : 3)"));
}

TEST(DossierReader, DateMustBeARealIsoDay) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["received_on"] = "2027-02-29"; })),
              ElementsAre("received_on : « 2027-02-29 » n’est pas une date valide (AAAA-MM-JJ)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["received_on"] = "12/01/2027"; })),
              ElementsAre("received_on : « 12/01/2027 » n’est pas une date valide (AAAA-MM-JJ)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["received_on"] = 20270112; })),
              ElementsAre("received_on : doit être une date \"AAAA-MM-JJ\" entre guillemets (trouvé : 20270112)"));
}

TEST(DossierReader, RequiredTextMustNotBeBlank) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["name"] = "  "; })),
              ElementsAre("association.name : ne doit pas être vide"));
}

TEST(DossierReader, TextsThatASpreadsheetWouldTakeForAFormulaAreRefused) {
  const std::string formula = " : un tableur y verrait une formule (retirer ce caractère)";
  EXPECT_THAT(problems(dossier_with([](json& j) {
                j["association"]["name"] = "=HYPERLINK(\"http://evil.example\";\"Cliquez\")";
              })),
              ElementsAre("association.name : commence par « = »" + formula));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["representative"]["role"] = "+Présidente"; })),
              ElementsAre("association.representative.role : commence par « + »" + formula));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["address"]["lines"][0] = " @A1"; })),
              ElementsAre("association.address.lines[0] : commence par « @ »" + formula));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["employer_partners"][1] = "\u00A0=1+1"; })),
              ElementsAre("employer_partners[1] : commence par « = »" + formula));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["instruction"]["notes"] = "\tVisite faite."; })),
              ElementsAre("instruction.notes : commence par une tabulation" + formula));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["instruction"]["notes"] = "\r\nVisite faite."; })),
              ElementsAre("instruction.notes : commence par un retour chariot" + formula));
  // Elsewhere in a text, and a leading "-" (a list in the notes), are allowed: the CSV writer neutralises it.
  EXPECT_THAT(problems(dossier_with([](json& j) {
                j["training"]["title"] = "Développeur = codeur + @testeur";
                j["instruction"]["notes"] = "- pièces reçues\n- visite faite";
              })),
              IsEmpty());
}

TEST(DossierReader, AFormulaInAnArrayFileNamesItsElementAndLine) {
  const std::string one = json::parse(kValidDossier).dump();
  json bad = json::parse(kValidDossier);
  bad["id"] = "2027-002";
  bad["training"]["title"] = "=1+1";
  const auto load = load_of("[" + one + ",\n" + bad.dump() + "]", "lot.json");
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(),
            "lot.json:2: [1].training.title : commence par « = » : un tableur y verrait une formule (retirer ce "
            "caractère)");
  EXPECT_EQ(load.dossiers.size(), 1u);
}

TEST(DossierReader, AddressNeedsAtLeastOneLine) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["address"]["lines"] = json::array(); })),
              ElementsAre("association.address.lines : ne doit pas être vide"));
}

TEST(DossierReader, EmployerPartnersMustBeTexts) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["employer_partners"][1] = 7; })),
              ElementsAre("employer_partners[1] : doit être une chaîne (trouvé : 7)"));
}

// --- Ids --------------------------------------------------------------------------------------------------

TEST(DossierReader, IdMustBeUsableAsAFileName) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["id"] = "2027/001"; })),
              ElementsAre("id : « 2027/001 » n’est pas un identifiant valide (lettres sans accent, chiffres, « . », "
                          "« _ » ou « - », 64 au plus, en commençant par une lettre ou un chiffre)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["id"] = "-2027"; })).size(), 1u);
  EXPECT_THAT(problems(dossier_with([](json& j) { j["id"] = std::string(65, 'a'); })).size(), 1u);
  EXPECT_THAT(problems(dossier_with([](json& j) { j["id"] = std::string(64, 'a'); })), IsEmpty());
}

TEST(DossierReader, DuplicateIdAcrossFilesNamesTheFirstFile) {
  DossierLoad load;
  parse_dossiers(kValidDossier, "dossiers/a.json", load);
  parse_dossiers(dossier_with([](json& j) { j["association"]["name"] = "Autre"; }), "dossiers/b.json", load);
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].file, "dossiers/b.json");
  EXPECT_EQ(load.diagnostics[0].field, "id");
  EXPECT_EQ(load.diagnostics[0].message, "« 2027-001 » est déjà l’identifiant du dossier de dossiers/a.json");
  EXPECT_EQ(load.dossiers.size(), 1u);
  EXPECT_EQ(load.dossiers[0].source_file, "dossiers/a.json");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, "dossiers/b.json");
}

TEST(DossierReader, DuplicateIdWithinAnArrayNamesTheElement) {
  const std::string one = json::parse(kValidDossier).dump();
  const auto load = load_of("[" + one + ",\n" + one + "]", "lot.json");
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(),
            "lot.json:2: [1].id : « 2027-001 » est déjà l’identifiant du dossier de lot.json, élément [0]");
}

TEST(DossierReader, IdOfAnInvalidDossierStillCountsAsTaken) {
  DossierLoad load;
  parse_dossiers(dossier_with([](json& j) { j["training"]["title"] = 1; }), "a.json", load);
  parse_dossiers(kValidDossier, "b.json", load);
  EXPECT_TRUE(load.dossiers.empty());
  EXPECT_EQ(load.invalid.size(), 2u);
}

// --- SIRET and codes ---------------------------------------------------------------------------------------

TEST(DossierReader, SiretWithAWrongKey) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["siret"] = "12345678901234"; })),
              ElementsAre("association.siret : « 12345678901234 » n’est pas un SIRET valide (clé de contrôle)"));
}

TEST(DossierReader, SiretThatIsNotFourteenDigits) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["siret"] = "443 061 841 00047"; })),
              ElementsAre("association.siret : « 443 061 841 00047 » n’est pas un SIRET valide (14 chiffres "
                          "attendus)"));
}

TEST(DossierReader, LaPosteSiretIsCheckedModuloFive) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["siret"] = "35600000049837"; })), IsEmpty());
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["siret"] = "35600000000013"; })),
              ElementsAre("association.siret : « 35600000000013 » n’est pas un SIRET valide (clé de contrôle)"));
}

TEST(DossierReader, InseeCodeShape) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["site"]["insee_code"] = "1320"; })),
              ElementsAre("training.site.insee_code : « 1320 » n’est pas un code INSEE valide (5 chiffres, ou 2A "
                          "ou 2B et 3 chiffres)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["site"]["insee_code"] = "2A004"; })), IsEmpty());
}

TEST(DossierReader, PostalCodeShape) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["address"]["postal_code"] = "1300"; })),
              ElementsAre("association.address.postal_code : « 1300 » n’est pas un code postal valide (5 chiffres)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["site"]["postal_code"] = 13003; })),
              ElementsAre("training.site.postal_code : doit être une chaîne (trouvé : 13003)"));
}

TEST(DossierReader, QpvCodeShape) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["site"]["qpv_code"] = "QX01312M"; })),
              ElementsAre("training.site.qpv_code : « QX01312M » n’est pas un code QPV valide (QP ou QN, 3 "
                          "chiffres, 3 chiffres ou majuscules : QN01312M), ni null"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["site"]["qpv_code"] = "QP013001"; })), IsEmpty());
}

// --- Sessions ----------------------------------------------------------------------------------------------

TEST(DossierReader, AtLeastOneSession) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"] = json::array(); })),
              ElementsAre("training.sessions : au moins une session est requise"));
}

TEST(DossierReader, SessionNeedsATrainee) {
  EXPECT_THAT(problems(dossier_with([](json& j) {
                auto& s = j["training"]["sessions"][0];
                s["trainees"] = 0;
                s["women"] = 0;
                s["low_qualified_job_seekers"] = 0;
                s["bac_or_below"] = 0;
                s["qpv_residents"] = 0;
                s["veille_active_residents"] = 0;
                s["plie_followed"] = 0;
              })),
              ElementsAre("training.sessions[0].trainees : au moins 1 stagiaire par session (trouvé : 0)"));
}

TEST(DossierReader, MoreWomenThanTrainees) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][1]["women"] = 12; })),
              ElementsAre("training.sessions[1].women : 12 femmes déclarées pour 10 stagiaires"));
}

TEST(DossierReader, MoreLowQualifiedJobSeekersThanTrainees) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["low_qualified_job_seekers"] = 15; })),
              ElementsAre("training.sessions[0].low_qualified_job_seekers : 15 demandeurs d’emploi peu qualifiés "
                          "déclarés pour 14 stagiaires"));
}

TEST(DossierReader, MoreTraineesAtBacLevelThanTrainees) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["bac_or_below"] = 15; })),
              ElementsAre("training.sessions[0].bac_or_below : 15 stagiaires de niveau bac ou infra déclarés pour "
                          "14 stagiaires"));
}

TEST(DossierReader, MorePlieFollowedThanTrainees) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["plie_followed"] = 20; })),
              ElementsAre("training.sessions[0].plie_followed : 20 personnes suivies par un PLIE déclarées pour 14 "
                          "stagiaires"));
}

TEST(DossierReader, SingleTraineeIsSingular) {
  EXPECT_THAT(problems(dossier_with([](json& j) {
                auto& s = j["training"]["sessions"][1];
                s["trainees"] = 1;
                s["women"] = 1;
                s["low_qualified_job_seekers"] = 1;
                s["bac_or_below"] = 1;
                s["qpv_residents"] = 0;
                s["plie_followed"] = 2;
              })),
              ElementsAre("training.sessions[1].plie_followed : 2 personnes suivies par un PLIE déclarées pour 1 "
                          "stagiaire"));
}

TEST(DossierReader, CountEqualToTraineesPasses) {
  EXPECT_THAT(problems(dossier_with([](json& j) {
                auto& s = j["training"]["sessions"][1];
                s["women"] = 10;
                s["plie_followed"] = 10;
                s["qpv_residents"] = 6;
                s["veille_active_residents"] = 4;
              })),
              IsEmpty());
}

TEST(DossierReader, QpvAndVeilleActiveResidentsTogetherAboveTrainees) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][1]["veille_active_residents"] = 6; })),
              ElementsAre("training.sessions[1].qpv_residents : 5 résidents de QPV et 6 résidents de quartiers de "
                          "veille active déclarés pour 10 stagiaires"));
}

TEST(DossierReader, SessionEndingBeforeItStarts) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["end"] = "2027-09-05"; })),
              ElementsAre("training.sessions[0].end : la fin (2027-09-05) précède le début (2027-09-06)"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["sessions"][0]["end"] = "2027-09-06"; })), IsEmpty());
}

// --- Budget and amounts --------------------------------------------------------------------------------------

TEST(DossierReader, AmountsAsNumbersOrStringsWithADot) {
  const auto load = load_of(dossier_with([](json& j) {
    j["budget"]["total_cost"] = "95000.50";
    j["budget"]["requested"] = 30000.5;
  }));
  ASSERT_THAT(load.diagnostics, IsEmpty());
  EXPECT_EQ(load.dossiers.at(0).budget.total_cost.cents(), 9'500'050);
  EXPECT_EQ(load.dossiers.at(0).budget.requested.cents(), 3'000'050);
}

TEST(DossierReader, RequestedMustBePositive) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["budget"]["requested"] = 0; })),
              ElementsAre("budget.requested : le montant demandé doit être supérieur à 0"));
}

TEST(DossierReader, RequestedAboveTotalCost) {
  EXPECT_THAT(problems(dossier_with([](json& j) {
                j["budget"]["total_cost"] = 30000;
                j["budget"]["requested"] = 40000;
              })),
              ElementsAre("budget.requested : 40\u202F000\u00A0€ demandés pour un coût total de 30\u202F000\u00A0€"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["budget"]["requested"] = 95000; })), IsEmpty());
}

TEST(DossierReader, NegativeAmount) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["budget"]["total_cost"] = -5; })),
              ElementsAre("budget.total_cost : « -5 » : un montant ne peut pas être négatif"));
}

TEST(DossierReader, AmountWithThreeDecimals) {
  EXPECT_THAT(problems(dossier_with_raw("/budget/requested", "30000.125")),
              ElementsAre("budget.requested : « 30000.125 » : un montant a deux décimales au plus"));
  EXPECT_THAT(problems(dossier_with([](json& j) { j["budget"]["requested"] = "30000.125"; })),
              ElementsAre("budget.requested : « 30000.125 » : un montant a deux décimales au plus"));
}

TEST(DossierReader, AmountWithAnExponentTooLargeToWriteOut) {
  EXPECT_THAT(problems(dossier_with_raw("/budget/total_cost", "1e21")),
              ElementsAre("budget.total_cost : « 1e+21 » : écrire le montant en chiffres, sans exposant (par exemple "
                          "30000.50)"));
}

TEST(DossierReader, AmountWrittenTheFrenchWayInAString) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["budget"]["requested"] = "30000,50"; })),
              ElementsAre("budget.requested : « 30000,50 » n’est pas un montant (des chiffres, un point, deux "
                          "décimales au plus : 30000.50)"));
}

TEST(DossierReader, AmountOfTheWrongType) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["budget"]["requested"] = true; })),
              ElementsAre("budget.requested : doit être un montant en euros, nombre ou chaîne comme \"30000.50\" "
                          "(trouvé : true)"));
}

// --- Text ------------------------------------------------------------------------------------------------------

TEST(DossierReader, ControlCharacterInText) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["name"] = "Code\u0007Quartiers"; })),
              ElementsAre("association.name : caractère de contrôle U+0007 interdit"));
}

TEST(DossierReader, NewlineOnlyInNotes) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["training"]["title"] = "Développeur\nweb"; })),
              ElementsAre("training.title : caractère de contrôle U+000A interdit"));
}

TEST(DossierReader, TextOfMoreThanThreeHundredCharacters) {
  // 300 characters in words of 9 (one unbroken run of 300 would not fit the documents: printable_dossier_test).
  std::string words;
  while (words.size() < 300) words += words.size() % 10 == 9 ? ' ' : 'e';
  EXPECT_THAT(problems(dossier_with([&](json& j) { j["association"]["name"] = words; })), IsEmpty());
  std::string accented;
  for (int i = 0; i < 301; ++i) accented += "é";
  EXPECT_THAT(problems(dossier_with([&](json& j) { j["association"]["name"] = accented; })),
              ElementsAre("association.name : 301 caractères, 300 au plus"));
}

TEST(DossierReader, NotesUpToFiveThousandCharacters) {
  EXPECT_THAT(problems(dossier_with([](json& j) { j["instruction"]["notes"] = std::string(5000, 'n'); })), IsEmpty());
  EXPECT_THAT(problems(dossier_with([](json& j) { j["instruction"]["notes"] = std::string(5001, 'n'); })),
              ElementsAre("instruction.notes : 5001 caractères, 5000 au plus"));
}

// --- All problems, lines, files -----------------------------------------------------------------------------------

TEST(DossierReader, EveryProblemOfADossierIsReportedInLineOrder) {
  const std::string text = R"({
  "id": "2027-002",
  "received_on": "2027-01-12",
  "association": {
    "name": "Association Sud Numérique",
    "siret": "12345678901234",
    "representative": {"civility": "Monsieur", "first_name": "Karim", "last_name": "Benali", "role": "Président"},
    "address": {"lines": ["4 rue Longue des Capucins"], "postal_code": "13001", "city": "Marseille"}
  },
  "training": {
    "title": "Technicien d'assistance informatique",
    "gen_label": null,
    "free_of_charge": true,
    "site": {"postal_code": "13001", "city": "Marseille", "insee_code": "13201", "qpv_code": null},
    "sessions": [
      {"start": "2027-09-06", "end": "2028-03-31",
       "trainees": 10, "women": 12, "low_qualified_job_seekers": 10, "bac_or_below": 9,
       "qpv_residents": 5, "veille_active_residents": 0, "plie_followed": 2, "trainess": 3}
    ]
  },
  "partnerships": {"politique_de_la_ville": true, "emploi_insertion": false, "esr": false},
  "employer_partners": [],
  "budget": {"total_cost": 30000, "requested": 40000}
})";
  const auto load = load_of(text, "dossiers/2027-002.json");
  std::vector<std::string> lines;
  for (const auto& d : load.diagnostics) lines.push_back(d.to_string());
  EXPECT_THAT(lines,
              ElementsAre("dossiers/2027-002.json:6: association.siret : « 12345678901234 » n’est pas un SIRET valide "
                          "(clé de contrôle)",
                          "dossiers/2027-002.json:17: training.sessions[0].women : 12 femmes déclarées pour 10 "
                          "stagiaires",
                          "dossiers/2027-002.json:18: training.sessions[0].trainess : champ inconnu",
                          "dossiers/2027-002.json:23: budget.requested : 40\u202F000\u00A0€ demandés pour un coût "
                          "total de 30\u202F000\u00A0€"));
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, "dossiers/2027-002.json");
  EXPECT_EQ(load.invalid[0].errors, lines);
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(DossierReader, MissingFieldIsOnTheLineOfItsParent) {
  const std::string text = dossier_with([](json& j) { j["training"]["sessions"][1].erase("bac_or_below"); });
  const auto load = load_of(text);
  ASSERT_EQ(load.diagnostics.size(), 1u);
  const auto& d = load.diagnostics[0];
  EXPECT_EQ(d.field, "training.sessions[1].bac_or_below");
  // dump(2) opens the second session's object on a line of its own: "      {".
  const auto session_start = text.find("{", text.find("\"end\": \"2028-03-31\""));
  EXPECT_EQ(d.line, 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(session_start), '\n')));
}

TEST(DossierReader, KeyWrittenTwiceIsRefused) {
  std::string text = kValidDossier;
  text.replace(text.find("\"received_on\""), 0, "\"id\": \"2027-009\",\n  ");
  const auto load = load_of(text);
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), "d.json:3: id : champ écrit deux fois");
}

TEST(DossierReader, MalformedJsonIsOneDiagnosticWithTheLine) {
  const auto load = load_of("{\n  \"id\": \"2027-001\",\n}", "dossiers/x.json");
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(),
            "dossiers/x.json:3: JSON mal formé (colonne 1) : « } » inattendu, un nom de champ entre guillemets était "
            "attendu (virgule en trop ?)");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, "dossiers/x.json");
}

TEST(DossierReader, ArrayFileRefusesOnlyItsInvalidElements) {
  json a = json::parse(kValidDossier);
  json b = a;
  json c = a;
  b["id"] = "2027-002";
  b["training"]["title"] = 3;
  c["id"] = "2027-003";
  const std::string text = "[\n" + a.dump() + ",\n" + b.dump() + ",\n" + c.dump() + "\n]";
  const auto load = load_of(text, "lot.json");
  ASSERT_EQ(load.dossiers.size(), 2u);
  EXPECT_EQ(load.dossiers[0].id, "2027-001");
  EXPECT_EQ(load.dossiers[1].id, "2027-003");
  EXPECT_EQ(load.dossiers[1].source_file, "lot.json");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, "lot.json");
  EXPECT_THAT(load.invalid[0].errors, ElementsAre("lot.json:3: [1].training.title : doit être une chaîne (trouvé : 3)"));
}

TEST(DossierReader, ArrayElementThatIsNotAnObject) {
  const auto load = load_of("[\n" + json::parse(kValidDossier).dump() + ",\n12\n]", "lot.json");
  EXPECT_EQ(load.dossiers.size(), 1u);
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(),
            "lot.json:3: [1] : doit être un dossier, c’est-à-dire un objet JSON (trouvé : 12)");
}

TEST(DossierReader, EmptyArrayIsRefused) {
  const auto load = load_of("[]", "vide.json");
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), "vide.json: le fichier ne contient aucun dossier (tableau vide)");
  EXPECT_EQ(load.invalid.size(), 1u);
}

TEST(DossierReader, FileHoldingNeitherObjectNorArray) {
  const auto load = load_of("\"2027-001\"", "s.json");
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].message,
            "le fichier doit contenir un dossier (objet JSON) ou un tableau de dossiers (trouvé : la chaîne « 2027-001 »)");
}

// --- read_dossiers: folders and files ----------------------------------------------------------------------------

namespace {

class DossierFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("aap-input-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string with_id(const std::string& id) {
    return dossier_with([&](json& j) { j["id"] = id; });
  }
  std::filesystem::path dir_;
};

}  // namespace

TEST_F(DossierFolder, ReadsTheJsonFilesOfAFolderSortedByName) {
  write("b.json", with_id("B"));
  write("a.json", with_id("A"));
  write("notes.txt", "not a dossier");
  std::filesystem::create_directories(dir_ / "sub");
  std::ofstream(dir_ / "sub" / "c.json") << with_id("C");
  const auto load = aap::read_dossiers({dir_});
  ASSERT_THAT(load.diagnostics, IsEmpty());
  ASSERT_EQ(load.dossiers.size(), 2u);
  EXPECT_EQ(load.dossiers[0].id, "A");
  EXPECT_EQ(load.dossiers[0].source_file, (dir_ / "a.json").string());
  EXPECT_EQ(load.dossiers[1].id, "B");
  EXPECT_THAT(load.files, ElementsAre(dir_ / "a.json", dir_ / "b.json"));
}

TEST_F(DossierFolder, ReadsAFileGivenByItself) {
  write("a.json", with_id("A"));
  const auto load = aap::read_dossiers({dir_ / "a.json"});
  ASSERT_EQ(load.dossiers.size(), 1u);
  EXPECT_EQ(load.dossiers[0].source_file, (dir_ / "a.json").string());
}

TEST_F(DossierFolder, DuplicateIdsAcrossInputsNameBothFiles) {
  write("a.json", with_id("X"));
  write("b.json", with_id("X"));
  const auto load = aap::read_dossiers({dir_ / "a.json", dir_ / "b.json"});
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].file, (dir_ / "b.json").string());
  EXPECT_EQ(load.diagnostics[0].message, "« X » est déjà l’identifiant du dossier de " + (dir_ / "a.json").string());
}

TEST_F(DossierFolder, MissingPathIsReportedAsGiven) {
  const auto load = aap::read_dossiers({"nulle/part.json"});
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), "nulle/part.json: fichier ou dossier introuvable");
}

TEST_F(DossierFolder, FolderWithoutJsonFilesIsReported) {
  write("notes.txt", "x");
  const auto load = aap::read_dossiers({dir_});
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].message, "aucun fichier .json dans ce dossier");
}

// A folder is read for its JSON files: one holding only a spreadsheet says which file to name instead.
TEST_F(DossierFolder, FolderWithOnlySpreadsheetsNamesTheFileToGive) {
  write("sessions.csv", "x");
  write("dossiers.csv", "x");
  const auto load = aap::read_dossiers({dir_});
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].message,
            "aucun fichier .json dans ce dossier ; pour un tableur, indiquez le fichier lui-même : --dossiers " +
                (dir_ / "dossiers.csv").generic_string());
  EXPECT_TRUE(load.dossiers.empty());
}

TEST_F(DossierFolder, ProblemsOfEveryFileAreCollected) {
  write("a.json", "{");
  write("b.json", with_id("B"));
  write("c.json", dossier_with([](json& j) {
          j["id"] = "C";
          j["training"]["sessions"][1]["women"] = 12;
        }));
  const auto load = aap::read_dossiers({dir_});
  EXPECT_EQ(load.dossiers.size(), 1u);
  ASSERT_EQ(load.invalid.size(), 2u);
  EXPECT_EQ(load.invalid[0].file, (dir_ / "a.json").string());
  EXPECT_EQ(load.invalid[1].file, (dir_ / "c.json").string());
  EXPECT_EQ(load.diagnostics.size(), 2u);
  EXPECT_EQ(load.files.size(), 3u);
}

TEST(DossierReader, TheShortNameIsOptionalText) {
  DossierLoad load = load_of(dossier_with([](json& j) { j["association"]["short_name"] = "Code & Q."; }));
  ASSERT_EQ(load.dossiers.size(), 1u);
  EXPECT_EQ(load.dossiers[0].association.short_name, "Code & Q.");
  load = load_of(kValidDossier);
  ASSERT_EQ(load.dossiers.size(), 1u);
  EXPECT_FALSE(load.dossiers[0].association.short_name);
  EXPECT_THAT(problems(dossier_with([](json& j) { j["association"]["short_name"] = 12; })).size(), 1u);
}
