// E-mail address check used for the campaign contact and for sending the letters.
#include "input/email_address.hpp"

#include <gtest/gtest.h>

namespace aap::input {
namespace {

TEST(EmailAddress, UsualAddressesAreValid) {
  EXPECT_TRUE(is_valid_email("karima.messaoudi@ampmetropole.fr"));
  EXPECT_TRUE(is_valid_email("ssn13240@gmail.com"));
  EXPECT_TRUE(is_valid_email("o'neil+aap@sub.example-asso.org"));
}

TEST(EmailAddress, MalformedAddressesAreRefused) {
  EXPECT_FALSE(is_valid_email(""));
  EXPECT_FALSE(is_valid_email("contact"));
  EXPECT_FALSE(is_valid_email("contact@localhost"));
  EXPECT_FALSE(is_valid_email("@example.org"));
  EXPECT_FALSE(is_valid_email("a..b@example.org"));
  EXPECT_FALSE(is_valid_email(".a@example.org"));
  EXPECT_FALSE(is_valid_email("a b@example.org"));
  EXPECT_FALSE(is_valid_email("a@exa mple.org"));
  EXPECT_FALSE(is_valid_email("a@-example.org"));
  EXPECT_FALSE(is_valid_email("a@example..org"));
  EXPECT_FALSE(is_valid_email("élodie@example.org"));
  EXPECT_FALSE(is_valid_email("a@b@example.org"));
  EXPECT_FALSE(is_valid_email("Claire <claire@example.org>"));
}

}  // namespace
}  // namespace aap::input
