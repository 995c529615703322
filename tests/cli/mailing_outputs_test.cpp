// End-to-end: what `aap run` writes for the préfecture (@ctes), the open data (SCDL) and the mailing,
// read back through independent readers (xmllint with the ACTES schema, Python's xml, csv and email
// packages).
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "support/process.hpp"
#include "support/schema_validation.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
// The fixtures' campaign gives the département and the SIRET: the transmission's @ctes names.
const char* const kEnvelope = "013-200054807-20270312-CT1_2027_014-DE-1-1_0.xml";
const char* const kActCopy = "013-200054807-20270312-CT1_2027_014-DE-1-1_1.pdf";

/// Two runs of the fixtures into two folders, shared by the tests of this file.
struct Runs {
  TempDir dir;
  fs::path first = dir / "out";
  fs::path second = dir / "again";
  Runs() {
    for (const fs::path& out : {first, second}) {
      const auto r = run_aap({"run", "--quiet", "--out", out.string()}, kRoot);
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
  }
};

const Runs& runs() {
  static Runs r;
  return r;
}

nlohmann::json python(const std::string& script, const std::vector<std::string>& args) {
  std::vector<std::string> argv{AAP_PYTHON, "-c", script};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = run_process(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

nlohmann::json evaluation() { return nlohmann::json::parse(slurp(runs().first / "evaluation.json")); }

TEST(MailingOutputs, ActesEnvelopeIsWellFormedWithTheCampaignValues) {
  const fs::path xml = runs().first / kEnvelope;
  const auto valid = test::validate_actes_envelope(xml);
  EXPECT_TRUE(valid.ok) << valid.report;
  const auto f = python(R"(
import json, sys, xml.etree.ElementTree as ET
A = "{http://www.interieur.gouv.fr/ACTES#v1.1-20040216}"
r = ET.parse(sys.argv[1]).getroot()
print(json.dumps({"tag": r.tag, "date": r.get(A + "Date"), "numero": r.get(A + "NumeroInterne"),
  "nature": r.get(A + "CodeNatureActe"),
  "m1": r.find(A + "CodeMatiere1").get(A + "CodeMatiere"), "m2": r.find(A + "CodeMatiere2").get(A + "CodeMatiere"),
  "objet": r.find(A + "Objet").text, "version": r.find(A + "ClassificationDateVersion").text,
  "document": r.find(A + "Document/" + A + "NomFichier").text,
  "annexes": [e.text for e in r.iter(A + "NomFichier")][1:]}))
)",
                        {xml.string()});
  EXPECT_EQ(f["tag"], "{http://www.interieur.gouv.fr/ACTES#v1.1-20040216}Acte");
  EXPECT_EQ(f["date"], "2027-03-12");
  EXPECT_EQ(f["numero"], "CT1_2027_014");
  EXPECT_EQ(f["nature"], "1");
  EXPECT_EQ(f["m1"], "7");
  EXPECT_EQ(f["m2"], "5");
  EXPECT_EQ(f["version"], "2026-09-01");
  EXPECT_EQ(f["document"], kActCopy);
  EXPECT_EQ(f["annexes"], nlohmann::json::array());  // the finance workbook is no annex of the act
  const std::string objet = f["objet"];
  EXPECT_EQ(objet.rfind("CT1 - Appel à projets 2027 - formations labellisées Grande École du Numérique : "
                        "attribution de subventions",
                        0),
            0u)
      << objet;
  EXPECT_EQ(objet.find('\n'), std::string::npos);
  EXPECT_LE(python("import json,sys; print(json.dumps(len(sys.argv[1])))", {objet}).get<int>(), 499);
  // The subject is the deliberation's own Objet, in the plain typography the envelope travels in.
  const auto pdf = python(R"(
import json, re, subprocess, sys
text = subprocess.run(["/usr/bin/pdftotext", "-enc", "UTF-8", sys.argv[1], "-"], capture_output=True,
                      text=True, check=True).stdout
for a, b in (("\u2014", "-"), ("\u2019", "'"), ("\u00a0", " "), ("\u202f", " ")):
    text = text.replace(a, b)
print(json.dumps(re.sub(r"\s+", " ", text)))
)",
                          {(runs().first / "deliberation.pdf").string()});
  EXPECT_NE(pdf.get<std::string>().find("Objet : " + objet), std::string::npos) << objet;
  // The file the envelope names is in the output folder: the act itself.
  EXPECT_EQ(slurp(runs().first / kActCopy), slurp(runs().first / "deliberation.pdf"));
}

/// `text` with its first `from` replaced by `to` (which must be there).
std::string edited(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The README promises that every wording can be edited without recompiling: the e-mail's text, the
// Objet the letter and the e-mail's Subject share, and the deliberation's Objet the envelope repeats.
TEST(MailingOutputs, EmailAndEnvelopeWordingComeFromTheTemplatesFolder) {
  TempDir tmp;
  const fs::path templates = tmp / "templates";
  fs::create_directories(templates);
  for (const auto& e : fs::directory_iterator(kRoot / "templates")) fs::copy_file(e.path(), templates / e.path().filename());
  const auto rewrite = [&](const char* file, const std::string& from, const std::string& to) {
    const std::string text = edited(slurp(templates / file), from, to);
    std::ofstream(templates / file, std::ios::binary | std::ios::trunc) << text;
  };
  rewrite("courriel.mustache", "Veuillez trouver ci-joint", "Nous vous adressons ci-joint");
  rewrite("objet-courrier.mustache", "attribution d’une subvention", "subvention accordée");
  rewrite("deliberation-objet.mustache", "attribution de subventions", "octroi de subventions");
  const fs::path out = tmp / "out";
  const auto r = run_aap({"run", "--quiet", "--templates", templates.string(), "--out", out.string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = python(R"(
import email, email.policy, json, re, subprocess, sys
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
def pdf(path):
    text = subprocess.run(["/usr/bin/pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))
print(json.dumps({"subject": str(msg["Subject"]),
  "text": re.sub(r"\s+", " ", msg.get_body(preferencelist=("plain",)).get_content()),
  "letter": pdf(sys.argv[2]), "act": pdf(sys.argv[3])}))
)",
                        {(out / "courriers/emails/2027-001.eml").string(), (out / "courriers/2027-001.pdf").string(),
                         (out / "deliberation.pdf").string()});
  EXPECT_EQ(m["subject"], "Appel à projets AAP-GEN-2027 : subvention accordée — dossier n° 2027-001");
  const std::string text = m["text"];
  EXPECT_EQ(text.rfind("Madame la Présidente, Nous vous adressons ci-joint le courrier", 0), 0u) << text;
  EXPECT_NE(m["letter"].get<std::string>().find("Objet : subvention accordée — dossier n° 2027-001"), std::string::npos)
      << m["letter"];
  const std::string envelope = slurp(out / kEnvelope);
  EXPECT_NE(envelope.find("<actes:Objet>CT1 - Appel à projets 2027 - formations labellisées Grande École du "
                          "Numérique : octroi de subventions de fonctionnement"),
            std::string::npos)
      << envelope;
  EXPECT_NE(m["act"].get<std::string>().find(": octroi de subventions de fonctionnement aux organismes de formation"),
            std::string::npos)
      << m["act"];
  // Nothing else changed: the letter of a decision whose Objet was left as it was is the shipped one.
  EXPECT_EQ(slurp(out / "courriers/2027-014.pdf"), slurp(runs().first / "courriers/2027-014.pdf"));
}

TEST(MailingOutputs, ScdlHasOneRowPerGrantWithTheAmountsOfTheEvaluation) {
  const auto valid = test::validate_scdl(runs().first / "subventions-scdl.csv");
  EXPECT_TRUE(valid.ok) << valid.report;
  const auto rows = python(R"(
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    r = csv.DictReader(f)
    print(json.dumps({"header": r.fieldnames, "rows": list(r)}))
)",
                           {(runs().first / "subventions-scdl.csv").string()});
  EXPECT_EQ(rows["header"].size(), 16u);
  EXPECT_EQ(rows["header"][0], "nomAttribuant");
  std::map<std::string, std::int64_t> grants;  // by SIRET and name: what the file can be matched on
  const auto ev = evaluation();
  for (const auto& d : ev["dossiers"])
    if (d["grant_cents"].get<std::int64_t>() > 0) grants[d["association"].get<std::string>()] = d["grant_cents"];
  ASSERT_EQ(rows["rows"].size(), grants.size());
  for (const auto& row : rows["rows"]) {
    const std::string name = row["nomBeneficiaire"];
    const std::string m = row["montant"];
    const auto dot = m.find('.');
    ASSERT_NE(dot, std::string::npos) << m;
    EXPECT_EQ(std::stoll(m.substr(0, dot)) * 100 + std::stoll(m.substr(dot + 1)), grants[name]) << name;
    EXPECT_EQ(row["idAttribuant"], "20005480700017");
    EXPECT_EQ(row["referenceDecision"], "CT1-2027-014");
    EXPECT_EQ(row["idBeneficiaire"].get<std::string>().size(), 14u);
  }
}

TEST(MailingOutputs, EachEmailCarriesItsLetterByteForByte) {
  const auto ev = evaluation();
  const auto list = python(R"(
import csv, json, sys
print(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))))
)",
                           {(runs().first / "courriers/envoi.csv").string()});
  ASSERT_EQ(list.size(), ev["dossiers"].size());
  int emails = 0;
  for (const auto& row : list) {
    const std::string id = row["dossier"];
    if (row["envoi"] != "e-mail") continue;
    ++emails;
    const fs::path eml = runs().first / row["message"].get<std::string>();
    const fs::path pdf = runs().first / row["courrier"].get<std::string>();
    const auto m = python(R"(
import email, email.policy, hashlib, json, sys
raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
att = list(msg.iter_attachments())
print(json.dumps({"to": msg["To"].addresses[0].addr_spec, "subject": str(msg["Subject"]),
  "from": msg["From"].addresses[0].addr_spec, "date": str(msg["Date"]), "unsent": msg["X-Unsent"],
  "same": len(att) == 1 and att[0].get_content() == open(sys.argv[2], "rb").read(),
  "type": att[0].get_content_type() if att else None,
  "max_line": max(len(l) for l in raw.split(b"\r\n")), "bare_lf": raw.replace(b"\r\n", b"").count(b"\n")}))
)",
                          {eml.string(), pdf.string()});
    EXPECT_EQ(m["to"], row["email"]) << id;
    EXPECT_EQ(m["from"], "karima.messaoudi@ampmetropole.fr");
    EXPECT_EQ(m["date"], "Sat, 20 Mar 2027 09:00:00 +0100");
    EXPECT_EQ(m["unsent"], "1");
    EXPECT_TRUE(m["same"].get<bool>()) << id;
    EXPECT_EQ(m["type"], "application/pdf");
    EXPECT_EQ(m["subject"].get<std::string>().rfind("Appel à projets AAP-GEN-2027 : ", 0), 0u) << m["subject"];
    EXPECT_LE(m["max_line"].get<int>(), 78) << id;
    EXPECT_EQ(m["bare_lf"], 0) << id;
  }
  EXPECT_GT(emails, 0);
}

TEST(MailingOutputs, DossiersWithoutEmailAreListedForThePostOnly) {
  const auto list = python(R"(
import csv, json, sys
print(json.dumps({r["dossier"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";")}))
)",
                           {(runs().first / "courriers/envoi.csv").string()});
  for (const char* id : {"2027-015", "2027-021"}) {
    ASSERT_TRUE(list.contains(id)) << id;
    EXPECT_EQ(list[id]["envoi"], "courrier postal");
    EXPECT_EQ(list[id]["email"], "");
    EXPECT_EQ(list[id]["message"], "");
    EXPECT_FALSE(fs::exists(runs().first / "courriers/emails" / (std::string(id) + ".eml"))) << id;
  }
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(runs().first / "courriers/emails")) files += e.is_regular_file();
  EXPECT_EQ(files, list.size() - 2);
}

TEST(MailingOutputs, NewOutputsAreInTheManifestWithTheirHashes) {
  const auto manifest = nlohmann::json::parse(slurp(runs().first / "manifest.json"));
  std::map<std::string, std::string> outputs;
  for (const auto& o : manifest["outputs"]) outputs[o["path"]] = o.dump();
  for (const char* path : {kEnvelope, kActCopy, "subventions-scdl.csv", "courriers/envoi.csv",
                           "courriers/emails/2027-001.eml"}) {
    ASSERT_TRUE(outputs.count(path)) << path;
    EXPECT_NE(outputs[path].find("\"sha256\""), std::string::npos) << outputs[path];
  }
}

TEST(MailingOutputs, TwoRunsAreByteIdentical) {
  for (const char* path : {kEnvelope, kActCopy, "subventions-scdl.csv", "courriers/envoi.csv"})
    EXPECT_EQ(slurp(runs().first / path), slurp(runs().second / path)) << path;
  const auto a = test::snapshot(runs().first / "courriers/emails");
  const auto b = test::snapshot(runs().second / "courriers/emails");
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == b);
}

TEST(MailingOutputs, DeliberationCommandRewritesTheEnvelopeAndKeepsTheMailing) {
  TempDir tmp;
  const fs::path out = tmp / "out";
  ASSERT_EQ(run_aap({"run", "--quiet", "--out", out.string()}, kRoot).exit_code, 0);
  const std::string mailing = slurp(out / "courriers/envoi.csv");
  fs::remove(out / kEnvelope);
  fs::remove(out / kActCopy);
  const auto r = run_aap({"deliberation", "--quiet", "--out", out.string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out / kEnvelope), slurp(runs().first / kEnvelope));
  EXPECT_EQ(slurp(out / kActCopy), slurp(runs().first / kActCopy));
  EXPECT_EQ(slurp(out / "courriers/envoi.csv"), mailing);
}

TEST(MailingOutputs, DeliberationNumberThatCannotBecomeAnActesNumberStopsTheRun) {
  TempDir tmp;
  auto campaign = nlohmann::json::parse(slurp(kRoot / "fixtures/campaign.json"));
  campaign["deliberation"]["number"] = "CT1-2027-0145-BIS";
  std::ofstream(tmp / "campaign.json") << campaign.dump(2);
  const auto r = run_aap({"run", "--campaign", (tmp / "campaign.json").string(), "--out", (tmp / "out").string()},
                         kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("deliberation.number : « CT1-2027-0145-BIS » donne le numéro interne @ctes "
                       "CT1_2027_0145_BIS, de 17 caractères"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

}  // namespace
}  // namespace aap
