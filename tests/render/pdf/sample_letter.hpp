// A realistic notification letter built by hand, as the template layer would produce it, for the PDF tests.
#pragma once

#include <string>

#include "render/document/document.hpp"

namespace aap::test {

inline doc::Inline text(const std::string& s) { return {doc::Span{s}}; }

inline doc::Document sample_letter(const std::string& id = "2027-001", int criteria_rows = 6) {
  doc::Document d;
  d.metadata.title = "Notification de subvention — dossier " + id;
  d.metadata.author = "Métropole Aix-Marseille-Provence";
  d.metadata.subject = "Appel à projets Grande École du Numérique 2027";
  d.metadata.identifier = id;
  d.metadata.date_iso = "2027-03-20";
  d.footer_left = "Réf. AAP-GEN-2027 / " + id;
  d.blocks.push_back(doc::Letterhead{{
      {doc::Span{"Métropole Aix-Marseille-Provence", true}},
      text("Conseil de Territoire Marseille Provence"),
      text("Direction de l’emploi, de l’insertion et de la formation"),
      text(""),
      text("Affaire suivie par\u00A0: Claire Dupont-Aubry"),
      text("Tél.\u00A0: 04\u202F91\u202F99\u202F99\u202F99 — claire.dupont@ampmetropole.fr"),
      text("Réf.\u00A0: AAP-GEN-2027 / " + id),
  }});
  d.blocks.push_back(doc::PlaceDate{"Marseille, le 20\u00A0mars 2027"});
  d.blocks.push_back(doc::AddressWindow{{"Madame Élodie Lœwenbruck, présidente", "Association Cœur d’Œuvre Numérique",
                                         "Bâtiment B", "12 rue de la République", "13002 MARSEILLE"}});
  d.blocks.push_back(doc::Paragraph{{doc::Span{"Objet\u00A0: ", true}, doc::Span{"attribution d’une subvention — "
                                                                                 "formation «\u202FDéveloppeur web\u202F»"}},
                                    doc::Align::left});
  d.blocks.push_back(doc::Paragraph{text("Madame la Présidente,"), doc::Align::left});
  d.blocks.push_back(doc::Paragraph{
      text("J’ai le plaisir de vous informer que, par délibération n°\u00A0CT1-2027-014 du 12\u00A0mars 2027, le "
           "Conseil de Territoire Marseille Provence a décidé d’attribuer à votre association une subvention de "
           "fonctionnement de 24\u202F500\u00A0€ (vingt-quatre mille cinq cents euros) pour la formation "
           "«\u202FDéveloppeur web et web mobile\u202F», au titre de l’appel à projets de la Grande École du "
           "Numérique. Cette décision résulte de l’instruction de votre dossier au regard des critères "
           "d’éligibilité et de la grille de notation publiés dans l’avis d’appel à projets\u202F; "
           "l’internationalisation et la professionnalisation des parcours ont été particulièrement appréciées.")});
  d.blocks.push_back(doc::Heading{2, text("Critères d’éligibilité")});
  doc::Table t;
  t.columns = {{doc::Align::left, 4}, {doc::Align::right, 2}, {doc::Align::right, 2}, {doc::Align::center, 1}};
  t.header = {{text("Critère"), text("Observé"), text("Requis"), text("Résultat")}};
  const char* names[] = {"Demandeurs d’emploi peu qualifiés par session", "Part de femmes",
                         "Part de niveau baccalauréat ou infra", "Implantation sur le territoire prioritaire",
                         "Label Grande École du Numérique en cours de validité à la date de démarrage de la "
                         "première session de formation",
                         "Partenaires employeurs"};
  const char* observed[] = {"12", "35,71\u00A0%", "83,33\u00A0%", "Marseille", "jusqu’au 31\u00A0déc. 2027", "4"};
  const char* required[] = {"10", "30\u00A0%", "80\u00A0%", "Marseille Provence", "valide", "3"};
  for (int i = 0; i < criteria_rows; ++i) {
    t.rows.push_back({text(names[i % 6]), text(observed[i % 6]), text(required[i % 6]), text("oui")});
  }
  d.blocks.push_back(t);
  d.blocks.push_back(doc::Paragraph{
      text("Le montant de la subvention excédant 23\u202F000\u00A0€, une convention précisera son objet, son "
           "montant et ses conditions d’utilisation (loi n°\u00A02000-321 du 12\u00A0avril 2000, art.\u00A010). "
           "Vous voudrez bien me la retourner signée. Vous produirez un compte rendu financier dans les six mois "
           "suivant la fin de l’exercice.")});
  d.blocks.push_back(doc::ListBlock{false, 1, {text("un exemplaire de la convention à signer\u202F;"),
                                                text("le calendrier de versement.")}});
  d.blocks.push_back(doc::Paragraph{
      text("Je vous prie d’agréer, Madame la Présidente, l’expression de ma considération distinguée.")});
  d.blocks.push_back(doc::Signature{{"Le Président du Conseil de Territoire", "Jean-Pierre MARTIN"}});
  return d;
}

}  // namespace aap::test
