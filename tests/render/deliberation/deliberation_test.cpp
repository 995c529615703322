// The deliberation built from the shipped templates: counts, distribution, figures and words, blanks.
#include "test_paths.hpp"
#include "render/deliberation/deliberation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/deliberation/deliberation_fixture.hpp"
#include "render/letters/document_text.hpp"
#include "render/notice/notice.hpp"

namespace aap::deliberation {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

std::string text_of(const Campaign& c, const Evaluation& e) {
  return test::document_text(build_deliberation(shipped(), c, e, Date{2027, 3, 20}));
}

std::string text(const tpl::Value& v, const std::string& path) {
  const tpl::Value* found = v.find_path(path);
  return found ? found->text() : "<absent>";
}

TEST(Deliberation, CountsReceivedValidEligibleAndFundedDossiers) {
  const auto run = test::deliberation::small_run();
  const tpl::Value v = deliberation_values(test::deliberation::campaign(), run.evaluation, Date{2027, 3, 20});
  EXPECT_EQ(text(v, "dossiers.recus"), "6");
  EXPECT_EQ(text(v, "dossiers.irrecevables"), "1");
  EXPECT_EQ(text(v, "dossiers.recevables"), "5");
  EXPECT_EQ(text(v, "dossiers.eligibles"), "4");
  EXPECT_EQ(text(v, "dossiers.ineligibles"), "1");
  EXPECT_EQ(text(v, "dossiers.finances"), "3");
  EXPECT_EQ(text(v, "dossiers.finances_partiellement"), "1");
  EXPECT_EQ(text(v, "dossiers.non_finances"), "1");
  EXPECT_EQ(text(v, "total.montant"), "66\u202F580,50\u00A0€");
  EXPECT_EQ(text(v, "total.lettres"), "soixante-six mille cinq cent quatre-vingts euros et cinquante centimes");
  EXPECT_EQ(text(v, "reste.montant"), "183\u202F419,50\u00A0€");
}

TEST(Deliberation, DistributionHoldsOnlyGrantsInRankOrder) {
  auto run = test::deliberation::small_run();
  std::swap(run.evaluation.dossiers[0], run.evaluation.dossiers[2]);
  const tpl::Value v = deliberation_values(test::deliberation::campaign(), run.evaluation, Date{2027, 3, 20});
  const tpl::Value* list = v.get("beneficiaires");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items().size(), 3u);
  EXPECT_EQ(text(list->items()[0], "association"), "Association Code & Quartiers");
  EXPECT_EQ(text(list->items()[1], "association"), "Les Ateliers | du *code* #1");
  EXPECT_EQ(text(list->items()[2], "association"), "Numérique pour Tous");
  EXPECT_EQ(text(list->items()[2], "montant_lettres"), "douze mille cinq cents euros et cinquante centimes");
  const tpl::Value* conventions = v.get("conventions");
  ASSERT_NE(conventions, nullptr);
  ASSERT_EQ(conventions->items().size(), 2u);
  EXPECT_EQ(text(conventions->items()[1], "association"), "Les Ateliers | du *code* #1");
}

TEST(Deliberation, DocumentFollowsTheCouncilsForm) {
  const auto run = test::deliberation::small_run();
  const std::string t = text_of(test::deliberation::campaign(), run.evaluation);
  EXPECT_THAT(t, HasSubstr("Métropole Aix-Marseille-Provence\nRépublique française — Département des Bouches-du-Rhône\n"
                           "Extrait des registres des délibérations du Conseil de Territoire Marseille Provence\n"
                           "Séance du 12 mars 2027\n"
                           "Projet de délibération — les mentions en pointillés sont à compléter après la séance\n"
                           "Membres en exercice : …… — présents : …… — représentés : …… — absents : ……\n"
                           "Délibération n° CT1-2027-014\n"
                           "Objet : CT1 - Appel à projets 2027 — formations labellisées Grande École du Numérique : "
                           "attribution de subventions de fonctionnement aux organismes de formation retenus et "
                           "approbation des conventions\n"));
  EXPECT_THAT(t, HasSubstr("Commission : Emploi, insertion et formation\nRapporteur : Madame Claire MARTIN\n"));
  EXPECT_THAT(t, HasSubstr("Monsieur le Président du Conseil de Territoire soumet au Conseil de Territoire le rapport suivant :\n"));
  EXPECT_THAT(t, HasSubstr("publié le 1er décembre 2026 ; les dossiers devaient être déposés au plus tard le 31 janvier 2027"));
  EXPECT_THAT(t, HasSubstr("- dossiers reçus : 6\n- dossiers irrecevables (incomplets ou non conformes) : 1\n"
                           "- dossiers irrecevables, parvenus après la date limite du 31 janvier 2027 : 0\n"
                           "- dossiers recevables et instruits : 5\n- dossiers éligibles : 4\n"
                           "- dossiers retenus pour une subvention : 3, dont 1 pour une partie seulement de son montant "
                           "maximal\n"));
  EXPECT_THAT(t, HasSubstr("Vu le code général des collectivités territoriales ;\n"
                           "Vu la délibération n° HN 009-1214/16/CM du 17 mars 2016 du Conseil de la Métropole portant "
                           "délégation de compétences au Conseil de Territoire Marseille Provence ;\n"
                           "Vu la loi n° 2000-321 du 12 avril 2000"));
  EXPECT_THAT(t, HasSubstr("Vu la délibération n° CT1-2024-102 du 14 juin 2024 approuvant le cadre d’intervention financière ;\n"));
  EXPECT_THAT(t, HasSubstr("Ouï le rapport ci-dessus ;\nEntendues les conclusions du Commissaire Rapporteur ;\nConsidérant"));
  EXPECT_THAT(t, HasSubstr("\nDélibère\nArticle 1er\n"));
  EXPECT_THAT(t, HasSubstr("figure à l’article 1er de la délibération"));
  EXPECT_THAT(t, HasSubstr("\nArticle 2\nSont attribuées les subventions suivantes :\n"));
  EXPECT_THAT(t, HasSubstr("Rang | Bénéficiaire | SIRET | Formation | Commune | Subvention\n"
                           "1 | Association Code & Quartiers | 12345678900001 | Développeur web et web mobile | Marseille | 30 000 €\n"
                           "2 | Les Ateliers | du *code* #1 | 12345678900002 | Technicien d’assistance informatique | La Ciotat | 24 080 €\n"
                           "3 | Numérique pour Tous | 12345678900003 | Médiateur numérique | Aubagne | 12 500,50 €\n"
                           "Total |  |  |  | 66 580,50 €\n"));
  EXPECT_THAT(t, HasSubstr("- Association Code & Quartiers : 30 000 € (trente mille euros)\n"
                           "- Les Ateliers | du *code* #1 : 24 080 € (vingt-quatre mille quatre-vingts euros)\n"
                           "- Numérique pour Tous : 12 500,50 € (douze mille cinq cents euros et cinquante centimes)\n"
                           "Le montant total des subventions attribuées s’élève à 66 580,50 € (soixante-six mille cinq "
                           "cent quatre-vingts euros et cinquante centimes).\n"));
  // The payment terms the letters announce, with the act as their only basis below 23 000 €.
  EXPECT_THAT(t, HasSubstr("Article 3\nChaque subvention d’un montant inférieur ou égal à 23 000 € est versée en une "
                           "seule fois sur le compte bancaire de l’organisme bénéficiaire, après notification de la "
                           "présente délibération.\nChaque subvention d’un montant supérieur à 23 000 € est versée "
                           "après la signature, par les deux parties, de la convention approuvée à l’article 4, dans "
                           "les conditions qu’elle fixe.\nChaque bénéficiaire produit, dans les six mois suivant la "
                           "fin de l’exercice pour lequel la subvention a été attribuée, un compte rendu financier"));
  EXPECT_THAT(t, HasSubstr("Article 4\nSont approuvées les conventions à conclure avec les organismes suivants, dont la "
                           "subvention est supérieure à 23 000 € (loi n° 2000-321 du 12 avril 2000, article 10), "
                           "établies selon le modèle de convention suivant, annexé à la présente délibération : "
                           "convention type de subvention de fonctionnement (annexe 1).\n"
                           "- Association Code & Quartiers : 30 000 €\n- Les Ateliers | du *code* #1 : 24 080 €\n"
                           "Article 5\nMonsieur le Président du Conseil de Territoire, ou son représentant, est autorisé "
                           "à signer ces conventions et tout document"));
  EXPECT_THAT(t, HasSubstr("Article 6\nLa dépense correspondante, d’un montant de 66 580,50 €, est imputée sur les crédits "
                           "inscrits à l’état spécial de territoire 2027 : chapitre 65, compte 6574, fonction 424.\n"));
  // A draft: the vote, the certification and the signature are blanks to complete after the session.
  EXPECT_THAT(t, HasSubstr("Résultat du vote :\n- pour : ……\n- contre : ……\n- abstentions : ……\n"
                           "- ne prennent pas part au vote : ……\nCertification de l’extrait, à compléter après le vote : extrait conforme au "
                           "registre des délibérations, à Marseille, le ……\n"
                           "Le Président du Conseil de Territoire Marseille Provence\n(signature) ……\n"));
  EXPECT_THAT(t, Not(HasSubstr("Certifié conforme")));
  EXPECT_THAT(t, Not(HasSubstr("Jean-Marc DUPONT")));
  EXPECT_THAT(t, HasSubstr("tribunal administratif de Marseille dans un délai de deux mois"));
  EXPECT_THAT(t, HasSubstr("Télérecours citoyens"));
  EXPECT_THAT(t, Not(HasSubstr("Association Sans Crédit")));
  EXPECT_THAT(t, Not(HasSubstr("Association Inéligible")));
}

TEST(Deliberation, MissingCampaignFieldsPrintAsBlanks) {
  Campaign c = test::deliberation::campaign();
  c.deliberation = {};
  c.budget = {};
  const auto run = test::deliberation::small_run();
  const std::string t = text_of(c, run.evaluation);
  EXPECT_THAT(t, HasSubstr("Délibération n° ……\n"));
  EXPECT_THAT(t, HasSubstr("Commission : ……\nRapporteur : ……\n"));
  EXPECT_THAT(t, HasSubstr("Vu la délibération n° …… du …… approuvant le cadre d’intervention financière ;\n"));
  EXPECT_THAT(t, HasSubstr("Vu la délibération n° …… du …… du Conseil de la Métropole portant délégation de "
                           "compétences au Conseil de Territoire Marseille Provence ;\n"));
  EXPECT_THAT(t, HasSubstr("établies selon le modèle de convention suivant, annexé à la présente délibération : ……."));
  EXPECT_THAT(t, HasSubstr("état spécial de territoire 2027 : chapitre ……, compte ……, fonction …….\n"));
  const doc::Document d = build_deliberation(shipped(), c, run.evaluation, Date{2027, 3, 20});
  EXPECT_EQ(d.footer_left, "Projet de délibération n° …… — AAP-GEN-2027");
}

TEST(Deliberation, WithoutConventionTheArticlesFollowOn) {
  auto run = test::deliberation::small_run();
  run.evaluation.dossiers.resize(3);
  run.evaluation.dossiers.erase(run.evaluation.dossiers.begin(), run.evaluation.dossiers.begin() + 2);
  const std::string t = text_of(test::deliberation::campaign(), run.evaluation);
  EXPECT_THAT(t, Not(HasSubstr("Sont approuvées les conventions")));
  EXPECT_THAT(t, HasSubstr("aux organismes de formation retenus\n"));
  EXPECT_THAT(t, HasSubstr("Article 3\nChaque subvention d’un montant inférieur ou égal à 23 000 € est versée en une "
                           "seule fois"));
  EXPECT_THAT(t, Not(HasSubstr("supérieur à 23 000 € est versée")));
  EXPECT_THAT(t, HasSubstr("Article 4\nMonsieur le Président du Conseil de Territoire, ou son représentant, est autorisé "
                           "à signer tout document nécessaire"));
  EXPECT_THAT(t, HasSubstr("Article 5\nLa dépense correspondante, d’un montant de 12 500,50 €"));
}

TEST(Deliberation, ThePartialGrantsClauseAgreesInNumberAndIsLeftOutAtZero) {
  auto run = test::deliberation::small_run();
  std::string t = text_of(test::deliberation::campaign(), run.evaluation);
  EXPECT_THAT(t, HasSubstr(": 3, dont 1 pour une partie seulement de son montant maximal\n"));
  run.evaluation.dossiers[1].decision = Decision::partially_funded;
  t = text_of(test::deliberation::campaign(), run.evaluation);
  EXPECT_THAT(t, HasSubstr(": 3, dont 2 pour une partie seulement de leur montant maximal\n"));
  run.evaluation.dossiers[1].decision = Decision::funded;
  run.evaluation.dossiers[2].decision = Decision::funded;
  t = text_of(test::deliberation::campaign(), run.evaluation);
  EXPECT_THAT(t, HasSubstr("- dossiers retenus pour une subvention : 3\n"));
  EXPECT_THAT(t, Not(HasSubstr("dont 0")));
}

TEST(Deliberation, ConventionsOnlyMeanNoPaymentInOneGo) {
  auto run = test::deliberation::small_run();
  run.evaluation.dossiers.resize(2);
  const std::string t = text_of(test::deliberation::campaign(), run.evaluation);
  EXPECT_THAT(t, Not(HasSubstr("versée en une seule fois")));
  EXPECT_THAT(t, HasSubstr("Article 3\nChaque subvention d’un montant supérieur à 23 000 € est versée après la signature"));
}

// The notice announced the allocation rules; the deliberation applies them: under either policy, the same
// paragraphs in both.
TEST(Deliberation, TheAllocationRulesReadAsInTheNoticeUnderBothPolicies) {
  const auto between = [](const std::string& t, const std::string& from, const std::string& to) {
    const std::size_t a = t.find(from);
    const std::size_t b = t.find(to, a);
    return a == std::string::npos || b == std::string::npos ? std::string("<absent>") : t.substr(a, b - a);
  };
  for (const Policy policy : {Policy::priority, Policy::proportional}) {
    Campaign c = test::deliberation::campaign();
    c.allocation.policy = policy;
    c.allocation.max_cost_share_percent = Percent::from_whole(80);
    const std::string act = between(text_of(c, test::deliberation::small_run().evaluation),
                                    "Les dossiers sont financés", "L’instruction des dossiers");
    const std::string notice = between(test::document_text(notice::build_notice(shipped(), c, Date{2026, 12, 1})),
                                       "Les dossiers sont financés", "Une subvention supérieure à 23");
    EXPECT_NE(act, "<absent>");
    EXPECT_EQ(act, notice);
    EXPECT_THAT(act, HasSubstr("Le montant maximal de la subvention d’un dossier est le plus faible des montants "
                               "suivants :\n- le montant demandé\n- 40 000 € par dossier\n"));
    EXPECT_THAT(act, HasSubstr(policy == Policy::priority ? "dans l’ordre du classement" : "au prorata"));
  }
}

TEST(Deliberation, MetadataNamesTheActAndItsDate) {
  const auto run = test::deliberation::small_run();
  const doc::Document d = build_deliberation(shipped(), test::deliberation::campaign(), run.evaluation, Date{2027, 3, 20});
  EXPECT_EQ(d.metadata.title, "Projet de délibération n° CT1-2027-014 — attribution des subventions AAP-GEN-2027");
  EXPECT_EQ(d.metadata.author, "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(d.metadata.subject, "Appel à projets 2027 — formations labellisées Grande École du Numérique");
  EXPECT_EQ(d.metadata.identifier, "deliberation-AAP-GEN-2027");
  EXPECT_EQ(d.metadata.date_iso, "2027-03-20");
}

TEST(Deliberation, ShippedTemplatePassesTheStartUpCheck) {
  EXPECT_TRUE(check_deliberation_template(shipped(), test::deliberation::campaign()).empty());
}

TEST(Deliberation, StartUpCheckReportsAnUnknownVariableWithItsPlace) {
  // The Objet the @ctes envelope renders is a template of its own, required beside the deliberation.
  const auto set = tpl::TemplateSet::from_sources({{"deliberation", "# Délibération\n\nTotal : {{total.montant}}\n\n{{#beneficiaires}}\n- {{montant_en_chiffres}}\n{{/beneficiaires}}\n"},
                                                   {"deliberation-objet", "CT1 - {{campagne.titre}}"}});
  const auto problems = check_deliberation_template(set, test::deliberation::campaign());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(), "templates/deliberation.mustache:6:3: variable inconnue « montant_en_chiffres »");
}

TEST(Deliberation, GrantWithoutItsDossierIsRefused) {
  auto run = test::deliberation::small_run();
  run.evaluation.dossiers[0].dossier = nullptr;
  EXPECT_THROW(deliberation_values(test::deliberation::campaign(), run.evaluation, Date{2027, 3, 20}), std::invalid_argument);
}

}  // namespace
}  // namespace aap::deliberation
