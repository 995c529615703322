// The SHA-256 each reader reports is that of the very bytes it parsed, taken at read time: a file rewritten
// afterwards (while the run works) cannot change what the manifest names. And special files in a dossier
// folder are refused aloud, never skipped or waited on.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "input/campaign_reader.hpp"
#include "input/communes.hpp"
#include "input/dossier_reader.hpp"
#include "input/input_file.hpp"
#include "json/parse.hpp"
#include "input/sha256.hpp"
#include "render/json/manifest.hpp"
#include "render/template/template_set.hpp"
#include "support/process.hpp"
#include "support/special_files.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;
using test::slurp;
using test::TempDir;
using test::without_hanging;

const fs::path kRoot = AAP_SOURCE_DIR;

// SHA-256("abc"), FIPS 180-2 appendix B.1.
constexpr const char* kAbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

void write(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

// The same file with other bytes, as a user saving it again while `aap run` works.
void rewrite(const fs::path& file) { std::ofstream(file, std::ios::binary | std::ios::app) << "\n "; }

TEST(InputFile, GivesTheSha256OfTheBytesItRead) {
  TempDir tmp;
  write(tmp / "a.json", "abc");
  const input::InputFile read = input::read_input_file(tmp / "a.json", json::kMaxJsonBytes, json::kJsonLimitScope);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.sha256, kAbcSha256);
}

TEST(InputFile, HashesAFileABlockAtATimeWithTheSameResultAsAWholeRead) {
  TempDir tmp;
  write(tmp / "a.txt", "abc");
  EXPECT_EQ(input::hash_input_file(tmp / "a.txt").sha256, kAbcSha256);
  // Larger than a block, and not a multiple of one.
  std::string big;
  for (int i = 0; big.size() < 700'000; ++i) big += std::to_string(i) + ";";
  write(tmp / "big.txt", big);
  EXPECT_EQ(input::hash_input_file(tmp / "big.txt").sha256, sha256_hex(big));
}

TEST(InputFile, HashingRefusesWhatIsNoRegularFileWithoutWaitingOnIt) {
  TempDir tmp;
  const fs::path fifo = tmp / "sortie.pdf";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const input::FileHash hash = without_hanging(fifo, [&] { return input::hash_input_file(fifo); });
  EXPECT_EQ(hash.problem, "n’est pas un fichier ordinaire");
  EXPECT_EQ(input::hash_input_file("/dev/zero").problem, "n’est pas un fichier ordinaire");
  const input::FileHash missing = input::hash_input_file(tmp / "absent.json");
  EXPECT_TRUE(missing.missing);
  EXPECT_EQ(missing.problem, "fichier introuvable");
}

TEST(InputFile, ComparesFilesBlockByBlock) {
  TempDir tmp;
  std::string big(600'000, 'x');
  write(tmp / "a", big);
  write(tmp / "b", big);
  EXPECT_TRUE(input::same_file_bytes(tmp / "a", tmp / "b").same);
  big[550'000] = 'y';  // in the third block
  write(tmp / "b", big);
  const input::SameBytes changed = input::same_file_bytes(tmp / "a", tmp / "b");
  EXPECT_FALSE(changed.same);
  EXPECT_EQ(changed.problem, "");
  write(tmp / "c", big + "z");
  EXPECT_FALSE(input::same_file_bytes(tmp / "a", tmp / "c").same);
  const fs::path fifo = tmp / "f";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const input::SameBytes special = without_hanging(fifo, [&] { return input::same_file_bytes(tmp / "a", fifo); });
  EXPECT_FALSE(special.same);
  EXPECT_EQ(special.unreadable, fifo);
  EXPECT_EQ(special.problem, "n’est pas un fichier ordinaire");
}

TEST(ReadDigest, ADossierFileRewrittenAfterLoadingKeepsTheHashOfTheBytesParsed) {
  TempDir tmp;
  fs::create_directory(tmp / "dossiers");
  for (const char* name : {"2027-001.json", "2027-002.json"})
    fs::copy_file(kRoot / "fixtures/dossiers" / name, tmp / "dossiers" / name);
  const std::string first = slurp(tmp / "dossiers/2027-001.json");
  const std::string second = slurp(tmp / "dossiers/2027-002.json");

  const DossierLoad load = read_dossiers({tmp / "dossiers"});
  rewrite(tmp / "dossiers/2027-001.json");

  ASSERT_TRUE(load.diagnostics.empty());
  ASSERT_EQ(load.files.size(), 2u);
  ASSERT_EQ(load.files_sha256.size(), 2u);
  EXPECT_EQ(load.files[0], tmp / "dossiers/2027-001.json");
  EXPECT_EQ(load.files_sha256[0], sha256_hex(first));
  EXPECT_NE(load.files_sha256[0], sha256_hex(slurp(tmp / "dossiers/2027-001.json")));
  EXPECT_EQ(load.files_sha256[1], sha256_hex(second));
}

TEST(ReadDigest, ASpreadsheetAndItsSessionsKeepTheHashesOfTheBytesParsed) {
  TempDir tmp;
  fs::copy_file(kRoot / "fixtures/csv/dossiers.csv", tmp / "dossiers.csv");
  fs::copy_file(kRoot / "fixtures/csv/sessions.csv", tmp / "sessions.csv");
  const std::string dossiers = slurp(tmp / "dossiers.csv");
  const std::string sessions = slurp(tmp / "sessions.csv");

  const DossierLoad load = read_dossiers({tmp / "dossiers.csv"});
  rewrite(tmp / "dossiers.csv");
  rewrite(tmp / "sessions.csv");

  ASSERT_EQ(load.files.size(), 2u);
  ASSERT_EQ(load.files_sha256.size(), 2u);
  EXPECT_EQ(load.files_sha256[0], sha256_hex(dossiers));
  EXPECT_EQ(load.files_sha256[1], sha256_hex(sessions));
}

TEST(ReadDigest, TheCampaignAndTheCommunesGiveTheHashesOfTheBytesParsed) {
  TempDir tmp;
  fs::copy_file(kRoot / "fixtures/campaign.json", tmp / "campagne.json");
  fs::copy_file(kRoot / "data/communes-metropole.csv", tmp / "communes.csv");
  const std::string campaign_bytes = slurp(tmp / "campagne.json");
  const std::string communes_bytes = slurp(tmp / "communes.csv");

  Diagnostics diags;
  std::string campaign_sha256;
  std::string communes_sha256;
  ASSERT_TRUE(read_campaign(tmp / "campagne.json", diags, &campaign_sha256).has_value());
  ASSERT_TRUE(load_communes(tmp / "communes.csv", diags, &communes_sha256).has_value());
  rewrite(tmp / "campagne.json");
  rewrite(tmp / "communes.csv");

  EXPECT_EQ(campaign_sha256, sha256_hex(campaign_bytes));
  EXPECT_EQ(communes_sha256, sha256_hex(communes_bytes));
  EXPECT_NE(campaign_sha256, sha256_hex(slurp(tmp / "campagne.json")));
}

TEST(ReadDigest, TheTemplatesKeepTheHashesOfTheBytesParsed) {
  TempDir tmp;
  fs::create_directory(tmp / "modeles");
  write(tmp / "modeles/b.mustache", "abc");
  write(tmp / "modeles/a.mustache", "Bonjour {{nom}}");
  write(tmp / "modeles/LISEZMOI.md", "pas un modèle");

  const tpl::TemplateSet set = tpl::TemplateSet::load(tmp / "modeles");
  rewrite(tmp / "modeles/b.mustache");

  ASSERT_EQ(set.files().size(), 2u);
  EXPECT_EQ(set.files()[0].path, tmp / "modeles/a.mustache");
  EXPECT_EQ(set.files()[0].sha256, sha256_hex("Bonjour {{nom}}"));
  EXPECT_EQ(set.files()[1].path, tmp / "modeles/b.mustache");
  EXPECT_EQ(set.files()[1].sha256, kAbcSha256);
}

// A dossier folder holding `special` under the name b.json beside a valid a.json: the special file is a
// dossier that cannot be read, refused by name, and the read does not wait on it.
void expect_refused_in_folder(const fs::path& dir, const fs::path& special) {
  fs::copy_file(kRoot / "fixtures/dossiers/2027-001.json", dir / "a.json");
  const DossierLoad load = without_hanging(special, [&] { return read_dossiers({dir}); });
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), (dir / "b.json").string() + ": n’est pas un fichier ordinaire");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, (dir / "b.json").string());
  ASSERT_EQ(load.dossiers.size(), 1u);
  EXPECT_EQ(load.dossiers[0].id, "2027-001");
  EXPECT_EQ(load.files, std::vector<fs::path>{dir / "a.json"});
}

TEST(DossierFolderSpecialFiles, AFifoNamedJsonIsRefusedAsNotARegularFileWithoutWaitingForAWriter) {
  TempDir tmp;
  ASSERT_EQ(::mkfifo((tmp / "b.json").c_str(), 0600), 0);
  expect_refused_in_folder(tmp.path(), tmp / "b.json");
}

TEST(DossierFolderSpecialFiles, ADeviceNamedJsonIsRefusedAsNotARegularFile) {
  TempDir tmp;
  fs::create_symlink("/dev/zero", tmp / "b.json");
  expect_refused_in_folder(tmp.path(), tmp / "b.json");
}

TEST(DossierFolderSpecialFiles, ASocketNamedJsonIsRefusedAsNotARegularFile) {
  TempDir tmp;
  const fs::path socket_path = tmp / "b.json";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof(address.sun_path));
  std::strcpy(address.sun_path, socket_path.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
  expect_refused_in_folder(tmp.path(), socket_path);
  ::close(fd);
}

// A symbolic link named *.json whose target is gone is a dossier lost: named, not skipped.
TEST(DossierFolderSpecialFiles, ASymbolicLinkToNothingIsReportedByName) {
  TempDir tmp;
  fs::copy_file(kRoot / "fixtures/dossiers/2027-001.json", tmp / "a.json");
  fs::create_symlink(tmp / "deplace.json", tmp / "b.json");
  const DossierLoad load = read_dossiers({tmp.path()});
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(),
            (tmp / "b.json").string() + ": lien symbolique vers un fichier introuvable");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, (tmp / "b.json").string());
  ASSERT_EQ(load.dossiers.size(), 1u);
  EXPECT_EQ(load.files, std::vector<fs::path>{tmp / "a.json"});
}

TEST(DossierReader, AFifoNamedDirectlyIsRefusedAsNotARegularFileLikeInAFolder) {
  TempDir tmp;
  const fs::path fifo = tmp / "dossier.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const DossierLoad load = without_hanging(fifo, [&] { return read_dossiers({fifo}); });
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), fifo.string() + ": n’est pas un fichier ordinaire");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_TRUE(load.files.empty());
}

}  // namespace
}  // namespace aap
