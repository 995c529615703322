// The four letters built from the shipped templates: amounts in figures and words, reasons, recourse, blocks.
#include "test_paths.hpp"
#include "render/letters/letter.hpp"

#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include "render/letters/addressing.hpp"
#include "render/letters/document_text.hpp"
#include "rules/criteria.hpp"

namespace aap::letters {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Campaign campaign() {
  Campaign c;
  c.id = "AAP-GEN-2027";
  c.title = "Appel à projets 2027 — formations labellisées Grande École du Numérique";
  c.authority.name = "Métropole Aix-Marseille-Provence";
  c.authority.council = "Conseil de Territoire Marseille Provence";
  c.authority.service = "Direction Emploi-Insertion";
  c.authority.address = {"Le Pharo", "58 boulevard Charles Livon", "13007 Marseille"};
  c.authority.city = "Marseille";
  c.authority.signatory = {"Monsieur", "Jean-Marc Dupont", "Président du Conseil de Territoire Marseille Provence"};
  c.authority.contact = {"Sophie Bernard", "aap-gen@example.fr", "04 91 00 00 00"};
  c.envelope = Money::from_euros(250000);
  c.calendar = {Date{2026, 12, 1}, Date{2027, 1, 31}, Date{2027, 3, 12}, Date{2027, 3, 20}};
  c.deliberation.number = "CT1-2027-014";
  return c;
}

Dossier dossier(std::string name = "Association Code & Quartiers") {
  Dossier d;
  d.id = "2027-001";
  d.received_on = Date{2027, 1, 12};
  d.association.name = std::move(name);
  d.association.siret = "12345678901234";
  d.association.representative = {"Madame", "Claire", "Martin", "Présidente"};
  d.association.address = {{"12 rue de la République"}, "13002", "Marseille"};
  d.training.title = "Développeur web et web mobile";
  d.training.gen_label = GenLabel{"GEN-2025-0123", Date{2028, 6, 30}};
  d.training.free_of_charge = true;
  d.budget = {Money::from_euros(95000), Money::from_euros(30000)};
  return d;
}

DossierEvaluation evaluation(const Dossier& d, Decision decision, Money grant = Money::from_euros(30000)) {
  DossierEvaluation e;
  e.dossier = &d;
  e.totals = {14, 5, 12, 11, 6, 3};
  e.criteria = {
      {"GEN-LABEL", "Label Grande École du Numérique en cours de validité", true, true, 0, 0,
       "GEN-2025-0123, valable jusqu’au 30 juin 2028", "valable au 31 janvier 2027"},
      {"GEN-FREE", "Formation gratuite pour les stagiaires", true, true, 0, 0, "gratuite", "gratuite"},
      {"GEN-SESSION-SIZE", "Demandeurs d’emploi peu qualifiés par session", true, true, 0, 0,
       "12 demandeurs d’emploi peu qualifiés", "≥ 10 par session"},
      {"GEN-WOMEN", "Part de femmes", true, true, 0, 0, "5 / 14 (35,71 %)", "≥ 30 %"},
      {"CT-METROPOLE", "Site de formation dans la Métropole", true, true, 0, 0, "Marseille — Marseille Provence",
       "commune de la Métropole"},
      {"PRIO-QPV-SITE", "Site implanté en quartier prioritaire (QPV)", false, true, 30, 30, "QPV QN01312M", "site en QPV"},
      {"CT-QPV-RESIDENTS", "Résidents d’un QPV", false, false, 0, 20, "6 / 14 (42,86 %)", "≥ 50 %"},
      {"CT-PLIE", "Participants suivis par un PLIE", false, false, 0, 15, "3 / 14 (21,43 %)", "≥ 20 %"},
      {"CT-PARTNERSHIP", "Partenariats", false, true, 10, 15, "2 sur 3", "5 points par partenariat"},
      {"CT-EMPLOYERS", "Entreprises partenaires", false, true, 10, 10, "3 entreprises", "≥ 3"},
      {"GEN-LOW-QUALIFICATION", "Stagiaires de niveau bac ou infra", false, true, 10, 10, "11 / 14 (78,57 %)", "≥ 80 %"},
  };
  e.score = 60;
  e.commune = "Marseille";
  e.territory = "marseille-provence";
  e.decision = decision;
  e.eligible = decision != Decision::ineligible;
  if (e.eligible) {
    e.tier = 1;
    e.rank = decision == Decision::not_funded ? 12 : 1;
    e.cap = Money::from_euros(30000);
    e.grant = decision == Decision::not_funded ? Money() : grant;
    // As the allocation records it: what was left at its rank, and why it got less than its cap.
    e.available = decision == Decision::not_funded ? Money() : e.grant;
    if (decision == Decision::not_funded) e.shortfall = Shortfall::envelope_exhausted;
    if (decision == Decision::partially_funded) e.shortfall = Shortfall::balance;
  }
  return e;
}

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

std::string letter_text(const DossierEvaluation& e) {
  return test::document_text(build_letter(shipped(), campaign(), e, Date{2027, 3, 20}));
}

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

const char* kRecourse = "tribunal administratif de Marseille dans un délai de deux mois";

// The run computes a letter's values once and records them in its grant ledger: the letter must print
// those very values, not values computed again.
TEST(Letter, BuiltFromGivenValuesPrintsThoseValues) {
  const Dossier d = dossier();
  const DossierEvaluation e = evaluation(d, Decision::funded);
  tpl::Value values = letter_values(campaign(), e, Date{2027, 3, 20});
  EXPECT_EQ(test::document_text(build_letter(shipped(), campaign(), e, Date{2027, 3, 20}, values)),
            letter_text(e));
  tpl::Value association = *values.get("association");
  association.set("nom_avec_a", "aux Valeurs Données");
  values.set("association", association);
  const std::string text = test::document_text(build_letter(shipped(), campaign(), e, Date{2027, 3, 20}, values));
  EXPECT_THAT(text, HasSubstr("a attribué aux Valeurs Données une subvention"));
  EXPECT_THAT(text, Not(HasSubstr("Association Code & Quartiers une subvention")));
}

TEST(LetterTemplates, ShippedTemplatesPassTheStartUpCheck) {
  const auto problems = check_letter_templates(shipped(), campaign());
  std::string text;
  for (const auto& p : problems) text += p.to_string() + "\n";
  EXPECT_EQ(text, "");
}

TEST(LetterTemplates, UnknownVariableIsReportedWithFileLineAndColumn) {
  auto sources = std::vector<std::pair<std::string, std::string>>{};
  for (const std::string& name : shipped().names()) sources.emplace_back(name, shipped().source(name));
  for (auto& [name, text] : sources) {
    if (name == "voies-recours") text = "### Voies et délais de recours\n\nSous {{delai_recours}} mois.";
  }
  const auto set = tpl::TemplateSet::from_sources(sources);
  const auto problems = check_letter_templates(set, campaign());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(), "templates/voies-recours.mustache:3:6: variable inconnue « delai_recours »");
}

TEST(LetterTemplates, MarkupErrorIsReportedAtStartUp) {
  auto sources = std::vector<std::pair<std::string, std::string>>{};
  for (const std::string& name : shipped().names()) sources.emplace_back(name, shipped().source(name));
  for (auto& [name, text] : sources) {
    if (name == "courrier-non-finance") text += "\n```signatur\nx\n```\n";
  }
  const auto problems = check_letter_templates(tpl::TemplateSet::from_sources(sources), campaign());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(),
            "templates/courrier-non-finance.mustache: courrier du dossier 2027-000 : bloc « ```signatur » inconnu : "
            "les blocs sont ```timbre, ```adresse, ```lieu-date et ```signature");
}

TEST(Letter, FundedAboveThresholdGivesAmountInWordsConventionAndNoRecourse) {
  const Dossier d = dossier();
  const std::string text = letter_text(evaluation(d, Decision::funded));
  EXPECT_THAT(text, HasSubstr("Madame la Présidente,\n"));
  EXPECT_THAT(text, HasSubstr("par délibération n° CT1-2027-014 du 12 mars 2027, le Conseil de Territoire Marseille "
                              "Provence a attribué à l’Association Code & Quartiers une subvention de fonctionnement de "
                              "30 000 € (trente mille euros)"));
  EXPECT_THAT(text, HasSubstr("supérieur à 23 000 €, son versement est subordonné à la signature d’une convention"));
  EXPECT_THAT(text, HasSubstr("loi n° 2000-321 du 12 avril 2000, article 10 ; décret n° 2001-495"));
  EXPECT_THAT(text, HasSubstr("compte rendu financier"));
  EXPECT_THAT(text, HasSubstr("dans les six mois suivant la fin de l’exercice"));
  EXPECT_THAT(text, HasSubstr("classé au 1er rang"));
  EXPECT_THAT(text, Not(HasSubstr("Voies et délais de recours")));
  EXPECT_THAT(text, HasSubstr("Je vous prie d’agréer, Madame la Présidente, l’assurance de ma considération distinguée."));
}

TEST(Letter, FundedBelowThresholdHasNoConvention) {
  const Dossier d = dossier();
  const std::string text = letter_text(evaluation(d, Decision::funded, Money::from_euros(20000)));
  EXPECT_THAT(text, HasSubstr("20 000 € (vingt mille euros)"));
  EXPECT_THAT(text, Not(HasSubstr("convention")));
  EXPECT_THAT(text, HasSubstr("inférieur aux 30 000 € demandés"));
  EXPECT_THAT(text, HasSubstr("compte rendu financier"));
}

TEST(Letter, PartiallyFundedGivesGrantAndAmountRequestedAndRecourse) {
  const Dossier d = dossier();
  const std::string text = letter_text(evaluation(d, Decision::partially_funded, Money::from_cents(1250050)));
  EXPECT_THAT(text, HasSubstr("subvention de fonctionnement de 12 500,50 € (douze mille cinq cents euros et cinquante "
                              "centimes)"));
  // The amount requested, once: in figures where the applicant's request is recalled.
  EXPECT_THAT(text, HasSubstr("sollicitiez une subvention de 30 000 €."));
  EXPECT_LE(count_of(text, "30 000 €"), 2) << text;  // the request, and at most once more as the cap
  EXPECT_THAT(text, Not(HasSubstr("trente mille euros")));
  EXPECT_THAT(text, Not(HasSubstr("montant demandé de")));
  EXPECT_THAT(text, Not(HasSubstr("convention")));
  EXPECT_THAT(text, HasSubstr("Voies et délais de recours"));
  EXPECT_THAT(text, HasSubstr(kRecourse));
  EXPECT_THAT(text, HasSubstr("R. 421-1 et R. 421-5 du code de justice administrative"));
  EXPECT_THAT(text, HasSubstr("recours gracieux"));
  EXPECT_THAT(text, HasSubstr("Télérecours citoyens"));
  EXPECT_THAT(text, HasSubstr("www.telerecours.fr"));
}

TEST(Letter, NotFundedGivesRankEnvelopeAndRecourse) {
  const Dossier d = dossier();
  const std::string text = letter_text(evaluation(d, Decision::not_funded));
  EXPECT_THAT(text, HasSubstr("classé au 12e rang de l’ordre de priorité"));
  EXPECT_THAT(text, HasSubstr("l’enveloppe de 250 000 € consacrée à l’appel à projets avait été épuisée par le "
                              "financement des dossiers classés avant lui (solde disponible : 0 €)"));
  EXPECT_THAT(text, Not(HasSubstr("trente mille")));
  EXPECT_THAT(text, HasSubstr(kRecourse));
}

TEST(Letter, IneligibleListsEveryFailedCriterionWithItsFigures) {
  const Dossier d = dossier();
  DossierEvaluation e = evaluation(d, Decision::ineligible);
  Dossier unlabelled = d;
  unlabelled.training.gen_label.reset();
  e.dossier = &unlabelled;
  e.criteria[0].passed = false;
  e.criteria[0].observed = "aucun label";
  e.criteria[3].passed = false;
  e.criteria[3].observed = "3 / 14 (21,43 %)";
  const std::string text = letter_text(e);
  EXPECT_THAT(text, HasSubstr("il ne satisfait pas aux critères d’éligibilité suivants"));
  EXPECT_THAT(text, HasSubstr("- Label Grande École du Numérique en cours de validité : la formation ne bénéficie "
                              "d’aucun label, alors qu’un label valable au 31 janvier 2027, date limite de dépôt des "
                              "dossiers, est requis.\n- Part de femmes : la "
                              "formation accueille 5 femmes sur 14 stagiaires (35,71 %), alors que la part des femmes "
                              "doit atteindre au moins 30 %.\n"));
  EXPECT_THAT(text, Not(HasSubstr("constaté aucun label")));
  EXPECT_THAT(text, HasSubstr("Part de femmes | 3 / 14 (21,43 %) | ≥ 30 % | Non satisfait\n"));
  EXPECT_THAT(text, HasSubstr("Vous avez répondu à l’« Appel à projets 2027 — formations labellisées Grande École du "
                              "Numérique » en déposant"));
  EXPECT_THAT(text, Not(HasSubstr("subvention de fonctionnement")));
  EXPECT_THAT(text, HasSubstr(kRecourse));
}

TEST(Letter, IneligibleForOneReasonSaysSoInTheSingular) {
  const Dossier d = dossier();
  DossierEvaluation e = evaluation(d, Decision::ineligible);
  e.criteria[1].passed = false;
  e.criteria[1].observed = "payante";
  EXPECT_THAT(letter_text(e), HasSubstr("il ne satisfait pas au critère d’éligibilité suivant du cadre"));
}

TEST(Letter, CriteriaTableShowsObservedRequiredAndResult) {
  const Dossier d = dossier();
  const std::string text = letter_text(evaluation(d, Decision::funded));
  EXPECT_THAT(text, HasSubstr("Critère d’éligibilité | Constaté | Requis | Résultat\n"));
  EXPECT_THAT(text, HasSubstr("Part de femmes | 5 / 14 (35,71 %) | ≥ 30 % | Satisfait\n"));
  EXPECT_THAT(text, HasSubstr("Critère de classement | Constaté | Condition | Points\n"));
  EXPECT_THAT(text, HasSubstr("Participants suivis par un PLIE | 3 / 14 (21,43 %) | ≥ 20 % | 0 / 15\n"));
  EXPECT_THAT(text, HasSubstr("Total |  |  | 60 / 100\n"));
}

TEST(Letter, PointsAreJoinedByNoBreakSpacesSoANarrowColumnNeverSplitsThem) {
  const Dossier d = dossier();
  const tpl::Value values = letter_values(campaign(), evaluation(d, Decision::funded), Date{2027, 3, 20});
  ASSERT_NE(values.find_path("score_sur_max"), nullptr);
  EXPECT_EQ(values.find_path("score_sur_max")->text(), "60\u00A0/\u00A0100");
  const tpl::Value* scoring = values.find_path("criteres_bareme");
  ASSERT_NE(scoring, nullptr);
  ASSERT_FALSE(scoring->items().empty());
  EXPECT_EQ(scoring->items()[0].find_path("points_obtenus")->text(), "30\u00A0/\u00A030");
}

TEST(Letter, LetterBlocksTimbrePlaceDateAddressAndSignature) {
  const Dossier d = dossier();
  const doc::Document doc = build_letter(shipped(), campaign(), evaluation(d, Decision::funded), Date{2027, 3, 20});
  ASSERT_GE(doc.blocks.size(), 3u);
  const auto& head = std::get<doc::Letterhead>(doc.blocks[0]);
  ASSERT_EQ(head.lines.size(), 7u);
  EXPECT_EQ(test::inline_text(head.lines[0]), "Métropole Aix-Marseille-Provence");
  EXPECT_TRUE(head.lines[0][0].bold);
  EXPECT_EQ(test::inline_text(head.lines[3]), "Affaire suivie par\u00A0: Sophie Bernard");
  EXPECT_EQ(test::inline_text(head.lines[4]), "Tél.\u00A0: 04 91 00 00 00");
  EXPECT_EQ(test::inline_text(head.lines[6]), "Réf.\u00A0: AAP-GEN-2027 / 2027-001");
  EXPECT_EQ(std::get<doc::PlaceDate>(doc.blocks[1]).text, "Marseille, le 20 mars 2027");
  EXPECT_EQ(std::get<doc::AddressWindow>(doc.blocks[2]).lines, postal_address_lines(d.association));
  const auto& signature = std::get<doc::Signature>(doc.blocks.back());
  // The names' capitalised words are held together by no-break spaces, so that a line never ends inside them.
  EXPECT_EQ(signature.lines,
            (std::vector<std::string>{"Le\u00A0Président du Conseil de Territoire\u00A0Marseille\u00A0Provence",
                                      "Jean-Marc\u00A0DUPONT"}));
}

TEST(Letter, NoPhoneNoPhoneLine) {
  Campaign c = campaign();
  c.authority.contact.phone.reset();
  const Dossier d = dossier();
  const std::string text = test::document_text(build_letter(shipped(), c, evaluation(d, Decision::funded), Date{2027, 3, 20}));
  EXPECT_THAT(text, Not(HasSubstr("Tél.")));
}

TEST(Letter, TrickyAssociationNamePrintsExactlyInTextAndAddress) {
  const Dossier d = dossier("A | B *C* #1 _x_ [y](z)");
  const doc::Document doc = build_letter(shipped(), campaign(), evaluation(d, Decision::funded), Date{2027, 3, 20});
  const std::string text = test::document_text(doc);
  EXPECT_THAT(text, HasSubstr("a attribué à A | B *C* #1 _x_ [y](z) une subvention"));
  EXPECT_THAT(text, Not(HasSubstr("l’A | B")));
  EXPECT_EQ(std::get<doc::AddressWindow>(doc.blocks[2]).lines.at(1), "A | B *C* #1 _x_ [y](z)");
}

TEST(Letter, NameWithBacktickAndAsteriskPrintsExactlyInEveryBlock) {
  const Dossier d = dossier("```Les *Étoiles*``` `1.`");
  const doc::Document doc = build_letter(shipped(), campaign(), evaluation(d, Decision::not_funded), Date{2027, 3, 20});
  EXPECT_EQ(std::get<doc::AddressWindow>(doc.blocks[2]).lines.at(1), "```Les *Étoiles*``` `1.`");
}

TEST(Letter, MetadataNameTheDossierAndTheAuthority) {
  const Dossier d = dossier();
  const doc::Document doc = build_letter(shipped(), campaign(), evaluation(d, Decision::partially_funded), Date{2027, 3, 20});
  EXPECT_EQ(doc.metadata.title, "Notification de décision — dossier 2027-001");
  EXPECT_EQ(doc.metadata.author, "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(doc.metadata.subject,
            "Appel à projets 2027 — formations labellisées Grande École du Numérique — attribution partielle d’une subvention");
  EXPECT_EQ(doc.metadata.identifier, "2027-001");
  EXPECT_EQ(doc.metadata.date_iso, "2027-03-20");
  EXPECT_EQ(doc.metadata.language, "fr-FR");
  EXPECT_EQ(doc.footer_left, "Réf. AAP-GEN-2027 / 2027-001");
}

TEST(Letter, TheAssociationTakesTheArticleItsNameCallsFor) {
  for (const auto& [name, expected] : std::vector<std::pair<std::string, std::string>>{
           {"Association pour la Formation et l'Insertion Numérique des Quartiers Nord",
            "attribué à l’Association pour la Formation et l’Insertion Numérique des Quartiers Nord une"},
           {"Fédération des Centres Sociaux", "attribué à la Fédération des Centres Sociaux une"},
           {"Les Connecteurs du 14e", "attribué aux Connecteurs du 14e une"},
           {"L’Œuvre & Cie", "attribué à L’Œuvre & Cie une"},
           {"Données Solidaires Méditerranée", "attribué à Données Solidaires Méditerranée une"}}) {
    const Dossier d = dossier(name);
    for (const Decision decision : {Decision::funded, Decision::partially_funded}) {
      const std::string text = letter_text(evaluation(d, decision, Money::from_euros(12000)));
      EXPECT_THAT(text, HasSubstr(expected)) << name;
    }
  }
}

TEST(Letter, TheTitleOfTheCallIsNotEchoed) {
  const Dossier d = dossier();
  Campaign c = campaign();
  std::string text = letter_text(evaluation(d, Decision::funded));
  EXPECT_THAT(text, Not(HasSubstr("appel à projets « Appel à projets")));
  c.title = "Formations au numérique 2027";
  text = test::document_text(build_letter(shipped(), c, evaluation(d, Decision::funded), Date{2027, 3, 20}));
  EXPECT_THAT(text, HasSubstr("Vous avez répondu à l’appel à projets « Formations au numérique 2027 » en déposant"));
}

TEST(Letter, TheRoleIsSpelledAsTheDossierSpellsIt) {
  Dossier d = dossier();
  d.association.representative.role = "Co-présidente";
  const doc::Document doc = build_letter(shipped(), campaign(), evaluation(d, Decision::funded), Date{2027, 3, 20});
  const std::string text = test::document_text(doc);
  EXPECT_THAT(text, HasSubstr("Madame la Co-présidente,\n"));
  EXPECT_THAT(text, HasSubstr("Je vous prie d’agréer, Madame la Co-présidente, l’assurance"));
  EXPECT_THAT(text, Not(HasSubstr("Coprésidente")));
  EXPECT_EQ(std::get<doc::AddressWindow>(doc.blocks[2]).lines.at(0), "Madame Claire Martin, Co-présidente");
}

TEST(Letter, EachIneligibilityReasonIsASentenceWithBothFigures) {
  Dossier d = dossier();
  d.training.gen_label = GenLabel{"GEN-2024-0042", Date{2027, 1, 30}};
  d.training.free_of_charge = false;
  d.training.site = {std::nullopt, "83000", "Toulon", "83137", std::nullopt};
  Session s1;
  s1.label = "Session de printemps";
  s1.low_qualified_job_seekers = 9;
  Session s2;
  s2.low_qualified_job_seekers = 11;
  d.training.sessions = {s2, s1};
  DossierEvaluation e = evaluation(d, Decision::ineligible);
  for (auto& c : e.criteria) c.passed = !c.eligibility;
  const std::string text = letter_text(e);
  EXPECT_THAT(text, HasSubstr("le label Grande École du Numérique de la formation (n° GEN-2024-0042) n’était valable "
                              "que jusqu’au 30 janvier 2027, alors qu’il devait l’être encore au 31 janvier 2027, "
                              "date limite de dépôt des dossiers."));
  EXPECT_THAT(text, HasSubstr("la formation est payante pour les stagiaires, alors qu’elle doit être gratuite."));
  EXPECT_THAT(text, HasSubstr("la session « Session de printemps » accueille 9 demandeurs d’emploi peu qualifiés, "
                              "alors qu’il en faut au moins 10 par session."));
  EXPECT_THAT(text, HasSubstr("le site de formation se trouve à Toulon (code commune 83137), hors du territoire de "
                              "la Métropole"));
  EXPECT_THAT(text, Not(HasSubstr("Toulon (83137)")));
}

TEST(Letter, TemplateNamePerDecision) {
  EXPECT_EQ(letter_template(Decision::funded), "courrier-finance");
  EXPECT_EQ(letter_template(Decision::partially_funded), "courrier-finance-partiellement");
  EXPECT_EQ(letter_template(Decision::not_funded), "courrier-non-finance");
  EXPECT_EQ(letter_template(Decision::ineligible), "courrier-ineligible");
  EXPECT_EQ(letter_template(Decision::inadmissible), "courrier-irrecevable");
}

}  // namespace
}  // namespace aap::letters
