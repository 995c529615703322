// Internet message pieces: dates in Paris time, encoded words, folding, parameters, transfer encodings.
#include "render/mailing/mime.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <sstream>

namespace aap::mail {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "every line ends with CRLF";
    if (end == std::string::npos) break;
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

TEST(Mime, DateIsNineInTheMorningInParisWinterTime) {
  EXPECT_EQ(rfc5322_date({2027, 3, 20}), "Sat, 20 Mar 2027 09:00:00 +0100");
  EXPECT_EQ(rfc5322_date({2027, 1, 1}), "Fri, 1 Jan 2027 09:00:00 +0100");
  EXPECT_EQ(rfc5322_date({2027, 10, 31}), "Sun, 31 Oct 2027 09:00:00 +0100") << "back to winter time that night";
}

TEST(Mime, DateIsInSummerTimeFromTheLastSundayOfMarch) {
  EXPECT_EQ(rfc5322_date({2027, 3, 27}), "Sat, 27 Mar 2027 09:00:00 +0100");
  EXPECT_EQ(rfc5322_date({2027, 3, 28}), "Sun, 28 Mar 2027 09:00:00 +0200");
  EXPECT_EQ(rfc5322_date({2027, 7, 14}), "Wed, 14 Jul 2027 09:00:00 +0200");
  EXPECT_EQ(rfc5322_date({2027, 10, 30}), "Sat, 30 Oct 2027 09:00:00 +0200");
  EXPECT_EQ(rfc5322_date({2024, 2, 29}), "Thu, 29 Feb 2024 09:00:00 +0100");
}

TEST(Mime, EncodedWordKeepsLettersAndEncodesTheRest) {
  EXPECT_EQ(encoded_words("Décision n° 1"), (std::vector<std::string>{"=?UTF-8?Q?D=C3=A9cision_n=C2=B0_1?="}));
}

TEST(Mime, LongTextIsSplitIntoEncodedWordsOfWholeCharacters) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "é";
  const auto words = encoded_words(text);
  ASSERT_GT(words.size(), 1u);
  for (const std::string& w : words) {
    EXPECT_LE(w.size(), 66u);
    // Six bytes a pair "=C3=A9": a word never splits one.
    const std::string payload = w.substr(10, w.size() - 12);
    EXPECT_EQ(payload.size() % 6, 0u) << w;
  }
}

TEST(Mime, AsciiSubjectStaysReadable) {
  EXPECT_EQ(unstructured("Dossier 2027-001"), (std::vector<std::string>{"Dossier", "2027-001"}));
  EXPECT_EQ(unstructured("a =?x?= b").size(), 1u) << "what looks like an encoded word is encoded";
}

TEST(Mime, MailboxQuotesNothingAndEncodesWhatIsNotAtoms) {
  EXPECT_EQ(mailbox("Karima Messaoudi", "k@ex.fr"), (std::vector<std::string>{"Karima", "Messaoudi", "<k@ex.fr>"}));
  EXPECT_EQ(mailbox("Code & Co", "c@ex.fr"), (std::vector<std::string>{"Code", "&", "Co", "<c@ex.fr>"}));
  EXPECT_EQ(mailbox("A, B", "c@ex.fr"), (std::vector<std::string>{"=?UTF-8?Q?A=2C?=", "B", "<c@ex.fr>"}));
  EXPECT_EQ(mailbox("Code, « Marseille »", "c@ex.fr"),
            (std::vector<std::string>{"=?UTF-8?Q?Code=2C_=C2=AB?=", "Marseille", "=?UTF-8?Q?=C2=BB?=", "<c@ex.fr>"}));
  EXPECT_EQ(mailbox("", "c@ex.fr"), (std::vector<std::string>{"<c@ex.fr>"}));
}

TEST(Mime, HeaderFoldsBeforeATokenPastSeventyEightCharacters) {
  std::vector<std::string> tokens;
  for (int i = 0; i < 30; ++i) tokens.push_back("mot" + std::to_string(i));
  const std::string h = header("Subject", tokens);
  const auto lines = lines_of(h);
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("Subject: mot0 mot1", 0), 0u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 78u);
    if (i > 0) {
      EXPECT_EQ(lines[i][0], ' ');
    }
  }
}

TEST(Mime, ShortAsciiParameterIsQuoted) {
  EXPECT_EQ(parameter("filename", "courrier-2027-001.pdf"),
            (std::vector<std::string>{"filename=\"courrier-2027-001.pdf\""}));
}

TEST(Mime, AccentedParameterUsesRfc2231) {
  EXPECT_EQ(parameter("filename", "Décision 1.pdf"),
            (std::vector<std::string>{"filename*0*=UTF-8''D%C3%A9cision%201.pdf"}));
}

TEST(Mime, LongParameterIsContinuedOnSeveralLines) {
  const std::string value = "courrier-" + std::string(70, 'x') + ".pdf";
  const auto tokens = parameter("filename", value);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].rfind("filename*0*=UTF-8''courrier-xxx", 0), 0u);
  EXPECT_EQ(tokens[0].back(), ';');
  EXPECT_EQ(tokens[1].rfind("filename*1*=xxx", 0), 0u);
  for (const auto& t : tokens) EXPECT_LE(t.size() + 1, 78u);
}

TEST(Mime, QuotedPrintableEncodesAccentsEqualsAndTrailingSpaces) {
  EXPECT_EQ(quoted_printable("Délibéré = voté \nfin"), "D=C3=A9lib=C3=A9r=C3=A9 =3D vot=C3=A9=20\r\nfin\r\n");
}

TEST(Mime, QuotedPrintableLinesStayWithin76Characters) {
  const std::string text = std::string(200, 'a') + "é" + std::string(100, 'b') + "\n";
  const auto lines = lines_of(quoted_printable(text));
  std::string decoded;
  for (const auto& line : lines) {
    EXPECT_LE(line.size(), 76u);
    decoded += line.back() == '=' ? line.substr(0, line.size() - 1) : line;
  }
  EXPECT_EQ(decoded, std::string(200, 'a') + "=C3=A9" + std::string(100, 'b'));
}

TEST(Mime, Base64OfTheRfc4648Vectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==\r\n");
  EXPECT_EQ(base64("fo"), "Zm8=\r\n");
  EXPECT_EQ(base64("foo"), "Zm9v\r\n");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy\r\n");
}

TEST(Mime, AppendBase64KeepsWhatWasThereAndAddsTheSameLines) {
  std::string message = "Content-Transfer-Encoding: base64\r\n\r\n";
  const std::string head = message;
  const std::string bytes(200, '\x9c');
  append_base64(message, bytes);
  EXPECT_EQ(message, head + base64(bytes));
  EXPECT_EQ(message.substr(head.size(), 6), "nJycnJ");
}

TEST(Mime, Base64LinesAre76Characters) {
  const auto lines = lines_of(base64(std::string(100, '\xff')));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].size(), 76u);
  EXPECT_EQ(lines[1], "/////////////////////////////////////////////////////////w==");
}

// Every length around the line size, against OpenSSL's encoder (which writes no line breaks).
TEST(Mime, Base64AgreesWithOpenSslForEveryLengthAroundALine) {
  std::string bytes;
  for (int i = 0; i < 240; ++i) bytes += static_cast<char>((i * 97 + 13) & 0xFF);
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const std::string_view input(bytes.data(), n);
    std::string expected(4 * ((n + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(expected.data()),
                                       reinterpret_cast<const unsigned char*>(input.data()), static_cast<int>(n));
    expected.resize(static_cast<std::size_t>(length));
    const std::string encoded = base64(input);
    std::string joined;
    const auto lines = lines_of(encoded);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i + 1 < lines.size()) {
        EXPECT_EQ(lines[i].size(), 76U) << n;
      }
      joined += lines[i];
    }
    EXPECT_EQ(joined, expected) << n;
    EXPECT_TRUE(n == 0 ? encoded.empty() : encoded.size() >= 2 && encoded.substr(encoded.size() - 2) == "\r\n") << n;
  }
}

TEST(Mime, WrapBreaksAtSpacesButNotAtNoBreakSpaces) {
  EXPECT_EQ(wrap("un deux trois quatre", 9), "un deux\ntrois\nquatre");
  EXPECT_EQ(wrap("30\u202F000\u00A0€ pour vous", 10), "30\u202F000\u00A0€\npour vous");
}

}  // namespace
}  // namespace aap::mail
