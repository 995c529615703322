// The call-for-projects notice: every threshold, weight, cap and date read from the campaign.
#include "test_paths.hpp"
#include "render/notice/notice.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/letters/document_text.hpp"

namespace aap::notice {
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
  c.authority.city = "Marseille";
  c.authority.signatory = {"Madame", "Anne de la Tour", "Présidente du Conseil de Territoire Marseille Provence"};
  c.authority.contact = {"Sophie Bernard", "aap-gen@example.fr", std::nullopt};
  c.envelope = Money::from_euros(250000);
  c.calendar = {Date{2026, 12, 1}, Date{2027, 1, 31}, Date{2027, 3, 12}, std::nullopt};
  c.allocation.max_per_dossier = Money::from_euros(40000);
  c.allocation.max_per_trainee = Money::from_euros(2500);
  c.allocation.max_cost_share_percent = Percent::from_whole(80);
  c.allocation.min_grant = Money::from_euros(1000);
  return c;
}

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

std::string notice_text(const Campaign& c) {
  return test::document_text(build_notice(shipped(), c, Date{2026, 12, 1}));
}

TEST(Notice, ShippedTemplatePassesTheStartUpCheck) {
  std::string text;
  for (const auto& p : check_notice_template(shipped(), campaign())) text += p.to_string() + "\n";
  EXPECT_EQ(text, "");
}

TEST(Notice, EveryEligibilityThresholdComesFromTheCampaign) {
  const std::string text = notice_text(campaign());
  EXPECT_THAT(text, HasSubstr("Label Grande École du Numérique | label en cours de validité au 31 janvier 2027\n"));
  EXPECT_THAT(text, HasSubstr("Demandeurs d’emploi peu qualifiés | au moins 10 par session\n"));
  EXPECT_THAT(text, HasSubstr("Part de femmes | au moins 30 % des stagiaires\n"));
  EXPECT_THAT(text, HasSubstr("Lieu de formation | site dans une commune de la Métropole\n"));
  EXPECT_THAT(text, HasSubstr("se trouve sur le territoire Marseille Provence sont examinés en priorité"));
}

TEST(Notice, AnotherCampaignGivesAnotherNotice) {
  Campaign c = campaign();
  c.criteria.min_low_qualified_job_seekers_per_session = 12;
  c.criteria.min_women_percent = Percent::from_basis_points(3550);
  c.criteria.qpv_residents_target_percent = Percent::from_whole(60);
  c.criteria.significant_plie_percent = Percent::from_whole(25);
  c.criteria.low_qualification_target_percent = Percent::from_whole(75);
  c.criteria.min_employer_partners = 5;
  c.criteria.priority_territory = "pays-d-aix";
  c.scoring = {40, 10, 5, 4, 8, 20};
  const std::string text = notice_text(c);
  EXPECT_THAT(text, HasSubstr("au moins 12 par session"));
  EXPECT_THAT(text, HasSubstr("au moins 35,5 % des stagiaires"));
  EXPECT_THAT(text, HasSubstr("territoire Pays d’Aix sont examinés en priorité"));
  EXPECT_THAT(text, HasSubstr("Site en quartier prioritaire | site de formation implanté en QPV | 40 points\n"));
  EXPECT_THAT(text, HasSubstr("au moins 60 % des stagiaires résidant en QPV ou en quartier de veille active | 10 points\n"));
  EXPECT_THAT(text, HasSubstr("au moins 25 % des stagiaires suivis par un PLIE | 5 points\n"));
  EXPECT_THAT(text, HasSubstr("4 points par partenariat : politique de la ville, emploi-insertion, enseignement "
                              "supérieur et recherche | 12 points\n"));
  EXPECT_THAT(text, HasSubstr("au moins 5 entreprises partenaires | 8 points\n"));
  EXPECT_THAT(text, HasSubstr("au moins 75 % des stagiaires de niveau baccalauréat ou infra | 20 points\n"));
  EXPECT_THAT(text, HasSubstr("Total |  | 95 points\n"));
  EXPECT_THAT(text, Not(HasSubstr("au moins 30 %")));
}

TEST(Notice, EnvelopeCapsAndMinimumGrant) {
  const std::string text = notice_text(campaign());
  EXPECT_THAT(text, HasSubstr("L’enveloppe consacrée à l’appel à projets est de 250 000 € (deux cent cinquante mille euros)."));
  EXPECT_THAT(text, HasSubstr("- le montant demandé\n- 40 000 € par dossier\n- 2 500 € par stagiaire, pour l’ensemble des "
                              "sessions\n- 80 % du coût total de la formation\n"));
  EXPECT_THAT(text, HasSubstr("Une subvention inférieure à 1 000 € n’est pas attribuée"));
  EXPECT_THAT(text, HasSubstr("Une subvention supérieure à 23 000 € fait l’objet d’une convention"));
  EXPECT_THAT(text, HasSubstr("financés dans l’ordre du classement"));
}

TEST(Notice, CapsLeftOutAreNotPrintedAndProportionalPolicyIsExplained) {
  Campaign c = campaign();
  c.allocation = AllocationRules{};
  c.allocation.policy = Policy::proportional;
  c.allocation.min_grant = Money::from_euros(1000);  // does not apply to the proportional policy
  const std::string text = notice_text(c);
  EXPECT_THAT(text, HasSubstr("- le montant demandé\nUne subvention supérieure"));
  EXPECT_THAT(text, Not(HasSubstr("par stagiaire")));
  EXPECT_THAT(text, Not(HasSubstr("inférieure à")));
  EXPECT_THAT(text, HasSubstr("au prorata de leurs montants maximaux"));
  EXPECT_THAT(text, HasSubstr("Les dossiers sont financés groupe par groupe, le territoire prioritaire d’abord."));
}

TEST(Notice, CalendarContactAndPlaceDate) {
  const std::string text = notice_text(campaign());
  EXPECT_THAT(text, HasSubstr("Publication de l’appel à projets | 1er décembre 2026\n"));
  EXPECT_THAT(text, HasSubstr("Date limite de dépôt des dossiers | 31 janvier 2027\n"));
  EXPECT_THAT(text, HasSubstr("Séance du Conseil de Territoire Marseille Provence | 12 mars 2027\n"));
  EXPECT_THAT(text, HasSubstr("Sophie Bernard — Direction Emploi-Insertion, Métropole Aix-Marseille-Provence\n"));
  EXPECT_THAT(text, HasSubstr("Courriel : aap-gen@example.fr\n"));
  EXPECT_THAT(text, Not(HasSubstr("téléphone")));
  EXPECT_THAT(text, HasSubstr("Courriel : aap-gen@example.fr\nFait à Marseille, le 1er décembre 2026\n"));
}

TEST(Notice, SaysWhereHowAndInWhichFormToApply) {
  Campaign c = campaign();
  c.submission.platform = "https://subventions.example.fr/aap-gen-2027";
  c.submission.postal_address = {"Métropole Aix-Marseille-Provence", "Direction Emploi-Insertion", "Le Pharo",
                                 "58 boulevard Charles Livon", "13007 Marseille"};
  c.submission.format = "le formulaire signé et ses pièces, en fichiers PDF";
  std::string text = notice_text(c);
  EXPECT_THAT(text, HasSubstr("Dépôt des dossiers\nLes dossiers sont déposés au plus tard le 31 janvier 2027 sur la "
                              "plateforme en ligne https://subventions.example.fr/aap-gen-2027, ou adressés par voie "
                              "postale à : Métropole Aix-Marseille-Provence, Direction Emploi-Insertion, Le Pharo, 58 "
                              "boulevard Charles Livon, 13007 Marseille.\n"
                              "Forme du dossier : le formulaire signé et ses pièces, en fichiers PDF.\n"));
  c.submission.platform.reset();
  text = notice_text(c);
  EXPECT_THAT(text, HasSubstr("Les dossiers sont adressés au plus tard le 31 janvier 2027 par voie postale à : "
                              "Métropole Aix-Marseille-Provence, Direction"));
  EXPECT_THAT(text, Not(HasSubstr("plateforme")));
}

TEST(Notice, HowToApplyLeftOutPrintsBlanksToFill) {
  const std::string text = notice_text(campaign());
  EXPECT_THAT(text, HasSubstr("Les dossiers sont déposés au plus tard le 31 janvier 2027 sur la plateforme …… ou "
                              "adressés par voie postale à : …… (à compléter).\nForme du dossier : …….\n"));
}

TEST(Notice, MetadataNameTheCampaign) {
  const doc::Document d = build_notice(shipped(), campaign(), Date{2026, 12, 1});
  EXPECT_EQ(d.metadata.title, "Appel à projets 2027 — formations labellisées Grande École du Numérique");
  EXPECT_EQ(d.metadata.author, "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(d.metadata.identifier, "AAP-GEN-2027");
  EXPECT_EQ(d.metadata.date_iso, "2026-12-01");
  ASSERT_FALSE(d.blocks.empty());
  const auto& first = std::get<doc::Paragraph>(d.blocks[0]);
  EXPECT_EQ(first.align, doc::Align::center);
  EXPECT_TRUE(first.content[0].bold);
}

}  // namespace
}  // namespace aap::notice
