// The string output device writes exactly the bytes PoDoFo's own memory device writes, faster.
#include "render/pdf/string_device.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>

namespace aap::render {
namespace {

std::string with_vsnprintf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  char buffer[512];
  const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return std::string(buffer, static_cast<std::size_t>(n));
}

// Returns "<refused>" when append_printf declines the format.
std::string with_append_printf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::string out = "#";
  const bool done = detail::append_printf(out, format, args);
  va_end(args);
  return done ? out.substr(1) : "<refused>";
}

TEST(AppendPrintf, IntegerFormatsGiveTheBytesOfVsnprintf) {
  const char* formats[] = {"%i", "%d", "%5d", "%-5d|", "%05d", "%.3d", "%8.3d", "%-8.3d|", "%0.10d", "%.0d"};
  const int values[] = {0, 1, -1, 7, -42, 123456, INT_MAX, INT_MIN};
  for (const char* f : formats)
    for (int v : values) EXPECT_EQ(with_append_printf(f, v), with_vsnprintf(f, v)) << f << " " << v;
}

TEST(AppendPrintf, LengthModifiersReadTheirOwnType) {
  EXPECT_EQ(with_append_printf("%ld %lu", LONG_MIN, ULONG_MAX), with_vsnprintf("%ld %lu", LONG_MIN, ULONG_MAX));
  EXPECT_EQ(with_append_printf("%lld|%llu", LLONG_MIN, ULLONG_MAX),
            with_vsnprintf("%lld|%llu", LLONG_MIN, ULLONG_MAX));
  EXPECT_EQ(with_append_printf("%0.10lu %0.5hu %c \n", 1234UL, 65535, 'n'),
            with_vsnprintf("%0.10lu %0.5hu %c \n", 1234UL, 65535, 'n'));
  EXPECT_EQ(with_append_printf("%hd %hhd %hu", 70000, 300, 70000), with_vsnprintf("%hd %hhd %hu", 70000, 300, 70000));
  EXPECT_EQ(with_append_printf("%zu %jd", std::size_t{99}, std::intmax_t{-5}),
            with_vsnprintf("%zu %jd", std::size_t{99}, std::intmax_t{-5}));
  EXPECT_EQ(with_append_printf("%x %X %08x", 48879U, 48879U, 255U), with_vsnprintf("%x %X %08x", 48879U, 48879U, 255U));
}

TEST(AppendPrintf, TextStringsCharactersAndPercent) {
  EXPECT_EQ(with_append_printf("%%PDF-%s\n%%%s", "1.5", "\xE2\xE3\xCF\xD3"),
            with_vsnprintf("%%PDF-%s\n%%%s", "1.5", "\xE2\xE3\xCF\xD3"));
  EXPECT_EQ(with_append_printf("[%6s|%-6s|%.2s]", "ab", "cd", "xyz"),
            with_vsnprintf("[%6s|%-6s|%.2s]", "ab", "cd", "xyz"));
  EXPECT_EQ(with_append_printf("%i %i obj\n", 12, 0), "12 0 obj\n");
  EXPECT_EQ(with_append_printf("plain text"), "plain text");
}

TEST(AppendPrintf, DeclinesWhatItDoesNotFormat) {
  EXPECT_EQ(with_append_printf("%f", 1.5), "<refused>");
  EXPECT_EQ(with_append_printf("%i %g", 1, 2.0), "<refused>");
  EXPECT_EQ(with_append_printf("%*d", 3, 4), "<refused>");
  EXPECT_EQ(with_append_printf("%+d", 3), "<refused>");
  EXPECT_EQ(with_append_printf("%ls", L"x"), "<refused>");
  EXPECT_EQ(with_append_printf("trailing %"), "<refused>");
}

TEST(StringOutputDevice, PrintFallsBackToVsnprintfForOtherFormats) {
  std::string out;
  StringOutputDevice device(out, 16);
  device.Print("%i|%.2f|%s", 3, 2.5, "x");
  EXPECT_EQ(out, "3|2.50|x");
  EXPECT_EQ(device.GetLength(), 8U);
  EXPECT_EQ(device.Tell(), 8U);
}

TEST(StringOutputDevice, SeekingBackOverwritesThenExtends) {
  std::string out;
  StringOutputDevice device(out, 0);
  device.Write("abcdef", 6);
  device.Seek(4);
  device.Print("%d", 12345);
  EXPECT_EQ(out, "abcd12345");
  device.Seek(0);
  char read[3] = {};
  EXPECT_EQ(device.Read(read, 3), 3U);
  EXPECT_EQ(std::string(read, 3), "abc");
  EXPECT_THROW(device.Seek(100), std::out_of_range);
}

// A document with every kind of object PoDoFo writes (integers, reals, strings, names, references,
// arrays, dictionaries, streams, the cross-reference table): the same bytes through both devices.
TEST(StringOutputDevice, WritesTheBytesOfPoDoFosMemoryDevice) {
  PoDoFo::PdfMemDocument pdf;
  pdf.GetInfo()->SetTitle(PoDoFo::PdfString("Titre (essai) \\ avec échappements"));
  pdf.GetInfo()->GetObject()->GetDictionary().AddKey(PoDoFo::PdfName("CreationDate"),
                                                     PoDoFo::PdfString("D:20270320000000Z"));
  pdf.GetInfo()->GetObject()->GetDictionary().AddKey(PoDoFo::PdfName("ModDate"),
                                                     PoDoFo::PdfString("D:20270320000000Z"));
  PoDoFo::PdfObject* object = pdf.GetObjects().CreateObject("Essai");
  auto& dict = object->GetDictionary();
  dict.AddKey(PoDoFo::PdfName("Entier"), PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(-1234567890123LL)));
  dict.AddKey(PoDoFo::PdfName("Réel"), PoDoFo::PdfVariant(595.2756));
  dict.AddKey(PoDoFo::PdfName("Vrai"), PoDoFo::PdfVariant(true));
  dict.AddKey(PoDoFo::PdfName("Nom avec espace#"), PoDoFo::PdfName("A/B"));
  PoDoFo::PdfArray array;
  for (int i = -3; i < 300; i += 7) array.push_back(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(i)));
  array.push_back(PoDoFo::PdfString("chaîne"));
  dict.AddKey(PoDoFo::PdfName("Tableau"), array);
  dict.AddKey(PoDoFo::PdfName("Catalogue"), pdf.GetCatalog()->Reference());
  PoDoFo::PdfObject* stream = pdf.GetObjects().CreateObject();
  std::string data(3000, '\0');  // pseudo-random: compressed, it stays about as long
  std::uint32_t state = 12345;
  for (char& c : data) c = static_cast<char>((state = state * 1103515245U + 12345U) >> 24);
  stream->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
  for (int i = 0; i < 20; ++i) pdf.GetObjects().CreateObject(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(i)));

  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice reference(&buffer);
  pdf.Write(&reference);
  const std::string expected(buffer.GetBuffer(), reference.GetLength());

  std::string out;
  StringOutputDevice device(out, 100);
  pdf.Write(&device);
  ASSERT_GT(expected.size(), 3000U);
  EXPECT_EQ(out, expected);
}

}  // namespace
}  // namespace aap::render
