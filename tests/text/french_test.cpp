// French formatting: figures, words, dates, percentages and typography, exact to the byte.
#include "text/french.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include <stdexcept>
#include <string>

namespace {

const std::string kNb = "\u00A0";   // no-break space
const std::string kNnb = "\u202F";  // narrow no-break space

aap::Money euros(std::int64_t e) { return aap::Money::from_euros(e); }
aap::Money cents(std::int64_t c) { return aap::Money::from_cents(c); }

}  // namespace

TEST(French, IntegerGroupsThousandsWithNarrowNoBreakSpaces) {
  EXPECT_EQ(aap::fr::integer(0), "0");
  EXPECT_EQ(aap::fr::integer(999), "999");
  EXPECT_EQ(aap::fr::integer(1000), "1" + kNnb + "000");
  EXPECT_EQ(aap::fr::integer(12345), "12" + kNnb + "345");
  EXPECT_EQ(aap::fr::integer(1234567), "1" + kNnb + "234" + kNnb + "567");
  EXPECT_EQ(aap::fr::integer(-250000), "-250" + kNnb + "000");
}

TEST(French, MoneyWithoutCentsShowsWholeEuros) {
  EXPECT_EQ(aap::fr::money(euros(12345)), "12" + kNnb + "345" + kNb + "€");
  EXPECT_EQ(aap::fr::money(euros(0)), "0" + kNb + "€");
}

TEST(French, MoneyWithCentsShowsTwoDecimalsAfterAComma) {
  EXPECT_EQ(aap::fr::money(cents(1234550)), "12" + kNnb + "345,50" + kNb + "€");
  EXPECT_EQ(aap::fr::money(cents(7)), "0,07" + kNb + "€");
}

TEST(French, MoneyWithCentsAlwaysShowsThem) {
  EXPECT_EQ(aap::fr::money_with_cents(euros(12345)), "12" + kNnb + "345,00" + kNb + "€");
  EXPECT_EQ(aap::fr::money_with_cents(cents(105)), "1,05" + kNb + "€");
}

TEST(French, NumbersInWordsFollowTheTraditionalSpelling) {
  const struct {
    std::int64_t n;
    const char* words;
  } cases[] = {
      {0, "zéro"},
      {1, "un"},
      {16, "seize"},
      {17, "dix-sept"},
      {21, "vingt et un"},
      {22, "vingt-deux"},
      {70, "soixante-dix"},
      {71, "soixante et onze"},
      {72, "soixante-douze"},
      {79, "soixante-dix-neuf"},
      {80, "quatre-vingts"},
      {81, "quatre-vingt-un"},
      {86, "quatre-vingt-six"},
      {91, "quatre-vingt-onze"},
      {99, "quatre-vingt-dix-neuf"},
      {100, "cent"},
      {101, "cent un"},
      {131, "cent trente et un"},
      {200, "deux cents"},
      {201, "deux cent un"},
      {280, "deux cent quatre-vingts"},
      {1000, "mille"},
      {1080, "mille quatre-vingts"},
      {2000, "deux mille"},
      {21000, "vingt et un mille"},
      {80000, "quatre-vingt mille"},
      {180000, "cent quatre-vingt mille"},
      {200000, "deux cent mille"},
      {1000000, "un million"},
      {2000000, "deux millions"},
      {80000000, "quatre-vingts millions"},
      {200000000, "deux cents millions"},
      {1200000, "un million deux cent mille"},
      {999999999, "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille "
                  "neuf cent quatre-vingt-dix-neuf"},
      {1000000000, "un milliard"},
  };
  for (const auto& c : cases) EXPECT_EQ(aap::fr::number_in_words(c.n), c.words) << c.n;
}

TEST(French, NumbersInWordsRefuseNegativeNumbers) {
  EXPECT_THROW(aap::fr::number_in_words(-1), std::out_of_range);
}

TEST(French, MoneyInWordsNamesEurosAndCentimes) {
  const struct {
    std::int64_t cents;
    const char* words;
  } cases[] = {
      {0, "zéro euro"},
      {100, "un euro"},
      {200, "deux euros"},
      {2100, "vingt et un euros"},
      {7100, "soixante et onze euros"},
      {8000, "quatre-vingts euros"},
      {8100, "quatre-vingt-un euros"},
      {9100, "quatre-vingt-onze euros"},
      {10000, "cent euros"},
      {10100, "cent un euros"},
      {20000, "deux cents euros"},
      {20100, "deux cent un euros"},
      {28000, "deux cent quatre-vingts euros"},
      {100000, "mille euros"},
      {108000, "mille quatre-vingts euros"},
      {200000, "deux mille euros"},
      {2100000, "vingt et un mille euros"},
      {8000000, "quatre-vingt mille euros"},
      {18000000, "cent quatre-vingt mille euros"},
      {20000000, "deux cent mille euros"},
      {3000000, "trente mille euros"},
      {100000000, "un million d’euros"},
      {200000000, "deux millions d’euros"},
      {120000000, "un million deux cent mille euros"},
      {100000100, "un million un euros"},
      {100000001, "un million d’euros et un centime"},
      {150, "un euro et cinquante centimes"},
      {125050, "mille deux cent cinquante euros et cinquante centimes"},
      {50, "cinquante centimes"},
      {1, "un centime"},
      {80, "quatre-vingts centimes"},
      {100000050, "un million d’euros et cinquante centimes"},
      {99999999999, "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille "
                    "neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes"},
  };
  for (const auto& c : cases) EXPECT_EQ(aap::fr::money_in_words(cents(c.cents)), c.words) << c.cents;
}

TEST(French, DatesUseFirstAsOrdinalAndLowerCaseMonths) {
  EXPECT_EQ(aap::fr::date({2027, 3, 1}), "1er mars 2027");
  EXPECT_EQ(aap::fr::date({2027, 3, 20}), "20 mars 2027");
  EXPECT_EQ(aap::fr::date({2027, 2, 2}), "2 février 2027");
  EXPECT_EQ(aap::fr::date({2027, 8, 15}), "15 août 2027");
  EXPECT_EQ(aap::fr::date({2026, 12, 31}), "31 décembre 2026");
  EXPECT_EQ(aap::fr::date({2027, 1, 11}), "11 janvier 2027");
}

TEST(French, RatioPercentRoundsHalfUpToTwoDecimals) {
  EXPECT_EQ(aap::fr::ratio_percent(5, 14), "35,71" + kNb + "%");
  EXPECT_EQ(aap::fr::ratio_percent(1, 3), "33,33" + kNb + "%");
  EXPECT_EQ(aap::fr::ratio_percent(2, 3), "66,67" + kNb + "%");
  EXPECT_EQ(aap::fr::ratio_percent(1, 8), "12,50" + kNb + "%");        // 12,5 exactly
  EXPECT_EQ(aap::fr::ratio_percent(1, 20001), "0,00" + kNb + "%");     // 0,004999…
  EXPECT_EQ(aap::fr::ratio_percent(1, 20000), "0,01" + kNb + "%");     // 0,005: half up
  EXPECT_EQ(aap::fr::ratio_percent(3, 10), "30,00" + kNb + "%");
  EXPECT_EQ(aap::fr::ratio_percent(14, 14), "100,00" + kNb + "%");
}

TEST(French, RatioPercentOfNothingIsADash) { EXPECT_EQ(aap::fr::ratio_percent(0, 0), "—"); }

TEST(French, PercentShowsOnlyTheDecimalsItHas) {
  EXPECT_EQ(aap::fr::percent(aap::Percent::from_whole(30)), "30" + kNb + "%");
  EXPECT_EQ(aap::fr::percent(aap::Percent::from_basis_points(3333)), "33,33" + kNb + "%");
  EXPECT_EQ(aap::fr::percent(aap::Percent::from_basis_points(3050)), "30,5" + kNb + "%");
  EXPECT_EQ(aap::fr::percent(aap::Percent::from_basis_points(5)), "0,05" + kNb + "%");
}

TEST(FrenchTypography, PutsNoBreakSpacesWhereFrenchWantsThem) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      // colon: an ordinary space replaced, or a no-break space inserted after a word
      {"Objet : subvention", "Objet" + kNb + ": subvention"},
      {"Objet: subvention", "Objet" + kNb + ": subvention"},
      {"le rapport suivant :", "le rapport suivant" + kNb + ":"},
      {"Article 3: texte", "Article 3" + kNb + ": texte"},
      {"**Objet:** texte", "**Objet" + kNb + ":** texte"},
      // ; ! ? take a narrow no-break space
      {"Vu le code ;", "Vu le code" + kNnb + ";"},
      {"Vu le code; vu la loi", "Vu le code" + kNnb + "; vu la loi"},
      {"Bravo!", "Bravo" + kNnb + "!"},
      {"Pourquoi ? Parce que", "Pourquoi" + kNnb + "? Parce que"},
      {"Vraiment?!", "Vraiment" + kNnb + "?!"},
      // guillemets
      {"« Code »", "«" + kNnb + "Code" + kNnb + "»"},
      {"«Code»", "«" + kNnb + "Code" + kNnb + "»"},
      {"«  Code  »", "«" + kNnb + "Code" + kNnb + "»"},
      {"« Vraiment?»", "«" + kNnb + "Vraiment" + kNnb + "?" + kNnb + "»"},
      // apostrophe between letters
      {"l'association d'insertion", "l’association d’insertion"},
      {"aujourd'hui, l'Été", "aujourd’hui, l’Été"},
      // a no-break space already there before ; is made narrow
      {"oui" + kNb + ";", "oui" + kNnb + ";"},
  };
  for (const auto& c : cases) EXPECT_EQ(aap::fr::typography(c.in), c.out) << c.in;
}

TEST(FrenchTypography, LeavesUrlsEmailsTimesAndCodeAlone) {
  const std::string untouched[] = {
      "https://www.ampmetropole.fr/aides?annee=2027;page=2",
      "http://exemple.org/l'appel",
      "voir www.telerecours.fr/l'appel!",
      "contact@code-et-quartiers.org",
      "o'neil@exemple.org?",
      "à 10:30 précises",
      "rapport 1:2",
      "a;b et x!y",
      "Code &amp; Quartiers",
      "' guillemet droit seul",
      "12'",
      "Réf.: AAP",
      "",
  };
  for (const auto& s : untouched) EXPECT_EQ(aap::fr::typography(s), s) << s;
}

// The common case, returned without being decoded: spaces of every kind, accents, other punctuation.
// typography() keeps, per thread, the results of the texts it has seen (bounded, emptied when full): a text
// seen before, after the store was emptied, or on another thread gives the same result.
TEST(FrenchTypography, SameResultForATextSeenBeforeAfterManyOthersAndOnAnotherThread) {
  const std::vector<std::string> texts = {"Objet : décision", "Bravo !", "l'association", "« citation »",
                                          "Pourquoi ? Parce que ; enfin", "10 h 30 : http://a.fr/x?y=1"};
  std::vector<std::string> first;
  for (const std::string& t : texts) first.push_back(aap::fr::typography(t));
  EXPECT_EQ(first[0], "Objet\u00A0: décision");
  EXPECT_EQ(first[2], "l’association");
  for (int i = 0; i < 10000; ++i) aap::fr::typography("texte n° " + std::to_string(i) + " : fin");
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(aap::fr::typography(texts[i]), first[i]) << texts[i];
  std::vector<std::string> other(texts.size());
  std::thread worker([&] {
    for (std::size_t i = 0; i < texts.size(); ++i) other[i] = aap::fr::typography(texts[i]);
  });
  worker.join();
  EXPECT_EQ(other, first);
}

TEST(FrenchTypography, TextWithoutHighPunctuationApostropheOrGuillemetIsUnchanged) {
  const std::string untouched[] = {
      "Le versement est subordonné à la signature d’une convention.",
      "30" + kNnb + "000" + kNb + "€  (trente mille euros), soit 12,5" + kNb + "%",
      "Œuvre — « » sans espace: non, ceci a des deux-points",
  };
  EXPECT_EQ(aap::fr::typography(untouched[0]), untouched[0]);
  EXPECT_EQ(aap::fr::typography(untouched[1]), untouched[1]);
  EXPECT_NE(aap::fr::typography(untouched[2]), untouched[2]);  // the guillemets and ':' still count
  EXPECT_EQ(aap::fr::typography("abc\xC3"), "abc\xC3");  // invalid UTF-8 is the validator's to report
}

TEST(FrenchTypography, FixesTextAroundAUrl) {
  EXPECT_EQ(aap::fr::typography("Dépôt : https://aap.example.fr/depot?id=3 avant le 31 janvier!"),
            "Dépôt" + kNb + ": https://aap.example.fr/depot?id=3 avant le 31 janvier" + kNnb + "!");
}

TEST(FrenchTypography, FixesTheTextOfAMarkdownLinkButNotItsUrl) {
  EXPECT_EQ(aap::fr::typography("[l'appel](https://x.fr/l'appel?a=1)"), "[l’appel](https://x.fr/l'appel?a=1)");
  EXPECT_EQ(aap::fr::typography("(www.x.fr/d'abord)"), "(www.x.fr/d'abord)");
}

TEST(FrenchTypography, IsIdempotent) {
  const std::string inputs[] = {
      "Objet : l'aide; « Code » ! Et: ça?",
      "«Code»: d'accord?! https://x.fr/a?b=1 10:30",
      "Le Conseil de Territoire Marseille Provence,\nDélibère :\nArticle 1 : ok",
  };
  for (const auto& in : inputs) {
    const std::string once = aap::fr::typography(in);
    EXPECT_NE(once, in);
    EXPECT_EQ(aap::fr::typography(once), once) << in;
  }
}

TEST(FrenchTypography, LeavesInvalidUtf8AsItIs) {
  EXPECT_EQ(aap::fr::typography("caf\xE9 :"), "caf\xE9 :");
}
