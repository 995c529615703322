// The system's reasons for a failed call, said in French (strerror is English under the C locale).
#include "text/errno_fr.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>

namespace aap::fr {
namespace {

TEST(ErrnoReason, TheCausesAUserMeetsAreInFrench) {
  EXPECT_EQ(errno_reason(ENOSPC), "disque plein");
  EXPECT_EQ(errno_reason(EACCES), "accès refusé");
  EXPECT_EQ(errno_reason(EROFS), "système de fichiers en lecture seule");
  EXPECT_EQ(errno_reason(ENOTDIR), "un élément du chemin n’est pas un dossier");
}

TEST(ErrnoReason, FilesystemErrorCodesToo) {
  std::error_code ec;
  std::filesystem::create_directory("/proc/aap-test-cannot-exist/x", ec);
  ASSERT_TRUE(ec);
  EXPECT_EQ(error_reason(ec), "fichier ou dossier introuvable");
  EXPECT_EQ(error_reason(std::make_error_code(std::errc::no_space_on_device)), "disque plein");
}

TEST(ErrnoReason, AFilesystemErrorIsSaidInFrenchWithItsPath) {
  const std::filesystem::filesystem_error e("cannot create directory", "/sorties/aap",
                                            std::make_error_code(std::errc::no_space_on_device));
  EXPECT_EQ(filesystem_error_reason(e), "/sorties/aap : disque plein");
  const std::filesystem::filesystem_error bare("x", std::make_error_code(std::errc::read_only_file_system));
  EXPECT_EQ(filesystem_error_reason(bare), "système de fichiers en lecture seule");
}

}  // namespace
}  // namespace aap::fr
