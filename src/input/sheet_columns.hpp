// The columns of a dossiers spreadsheet (dossiers.csv and sessions.csv, or a workbook's sheets `Dossiers`
// and `Sessions`): the one list that the reader checks a header against and that `aap workbook` writes,
// each column with what it holds and the note that explains it to the instructor filling it in.
#pragma once

#include <string_view>

#include "input/typed_cells.hpp"

namespace aap::input {

struct SheetColumn {
  std::string_view name;  // the field's path in a dossier's JSON file
  ColumnKind kind;
  // A column added to the format later may be missing, so that last year's spreadsheets keep working.
  bool may_be_absent = false;
  std::string_view note;  // French, for the header of the blank workbook
};

inline constexpr std::string_view kDossiersSheet = "Dossiers";
inline constexpr std::string_view kSessionsSheet = "Sessions";
inline constexpr std::string_view kDossierIdColumn = "dossier_id";

// A dossier's fields in the order of its JSON file; the notes say « Facultatif » exactly for the fields a
// dossier may leave out.
inline constexpr SheetColumn kDossierColumns[] = {
    {"id", ColumnKind::text, false,
     "Identifiant du dossier (2028-001) : lettres sans accent, chiffres, point, tiret ou trait de soulignement, "
     "64 caractères au plus. Unique, sans distinction de majuscules : il nomme le courrier du dossier."},
    {"received_on", ColumnKind::date, false,
     "Date de réception du dossier (JJ/MM/AAAA). Reçu après la date limite de la campagne, le dossier est "
     "irrecevable."},
    {"association.name", ColumnKind::text, false,
     "Nom complet de l’association, tel qu’il sera imprimé sur le courrier."},
    {"association.siret", ColumnKind::text, false, "SIRET de l’association : 14 chiffres."},
    {"association.rna", ColumnKind::text, false,
     "Numéro RNA de l’association (W133012345). Facultatif."},
    {"association.representative.civility", ColumnKind::text, false,
     "Civilité du représentant légal : Madame ou Monsieur (liste)."},
    {"association.representative.first_name", ColumnKind::text, false, "Prénom du représentant légal."},
    {"association.representative.last_name", ColumnKind::text, false, "Nom du représentant légal."},
    {"association.representative.role", ColumnKind::text, false,
     "Qualité du représentant, écrite telle qu’elle figurera sur le courrier (Présidente, Directeur…)."},
    {"association.address.lines", ColumnKind::list, false,
     "Adresse postale de l’association : ses lignes séparées par « ; » (12 rue de la République ; "
     "Bâtiment B), sans le code postal ni la commune."},
    {"association.address.postal_code", ColumnKind::text, false,
     "Code postal de l’adresse de l’association : 5 chiffres."},
    {"association.address.city", ColumnKind::text, false, "Commune de l’adresse de l’association."},
    {"association.email", ColumnKind::text, false,
     "Adresse électronique de l’association : le courrier y est aussi envoyé. Facultatif."},
    {"training.title", ColumnKind::text, false, "Intitulé de la formation."},
    {"training.gen_label.number", ColumnKind::text, false,
     "Numéro du label Grande École du Numérique (GEN-2025-0123). Laissé vide avec la date de fin du label : "
     "formation sans label."},
    {"training.gen_label.valid_until", ColumnKind::date, false,
     "Date de fin de validité du label GEN (JJ/MM/AAAA). Laissée vide avec le numéro : formation sans label."},
    {"training.free_of_charge", ColumnKind::boolean, false,
     "La formation est-elle gratuite pour les stagiaires ? oui ou non (liste)."},
    {"training.site.address", ColumnKind::text, false, "Adresse du lieu de formation. Facultatif."},
    {"training.site.postal_code", ColumnKind::text, false, "Code postal du lieu de formation : 5 chiffres."},
    {"training.site.city", ColumnKind::text, false, "Commune du lieu de formation."},
    {"training.site.insee_code", ColumnKind::text, false,
     "Code INSEE de la commune du lieu de formation (liste ; la feuille Communes donne le nom de chaque code). "
     "Marseille : 13055 ou le code de l’arrondissement, 13201 à 13216. Il décide du territoire."},
    {"training.site.qpv_code", ColumnKind::nullable_text, false,
     "Code du quartier prioritaire de la politique de la ville où se trouve le lieu de formation (QN01312M). "
     "Vide : lieu hors QPV."},
    {"partnerships.politique_de_la_ville", ColumnKind::boolean, false,
     "Partenariat avec les acteurs de la politique de la ville : oui ou non (liste)."},
    {"partnerships.emploi_insertion", ColumnKind::boolean, false,
     "Partenariat avec les acteurs de l’emploi et de l’insertion : oui ou non (liste)."},
    {"partnerships.esr", ColumnKind::boolean, false,
     "Partenariat avec l’enseignement supérieur et la recherche : oui ou non (liste)."},
    {"employer_partners", ColumnKind::list, false,
     "Entreprises partenaires de la formation, séparées par « ; ». Peut rester vide."},
    {"budget.total_cost", ColumnKind::money, false, "Coût total de la formation, en euros (deux décimales au plus)."},
    {"budget.requested", ColumnKind::money, false,
     "Subvention demandée à la Métropole, en euros : plus de 0 et au plus le coût total."},
    {"instruction.instructor", ColumnKind::text, false, "Nom de l’instructeur du dossier. Facultatif."},
    {"instruction.notes", ColumnKind::text, false,
     "Notes d’instruction, pour le service (5 000 caractères au plus, retours à la ligne permis). Facultatif."},
    {"association.short_name", ColumnKind::text, true,
     "Nom court de l’association, imprimé dans l’adresse du courrier quand le nom complet n’y tient pas. "
     "Facultatif."},
};

inline constexpr SheetColumn kSessionColumns[] = {
    {kDossierIdColumn, ColumnKind::text, false,
     "Identifiant (colonne id de la feuille Dossiers) du dossier de cette session. Une ligne par session, dans "
     "l’ordre des sessions."},
    {"label", ColumnKind::text, false, "Nom de la session (Session 1). Facultatif."},
    {"start", ColumnKind::date, false, "Date de début de la session (JJ/MM/AAAA)."},
    {"end", ColumnKind::date, false, "Date de fin de la session (JJ/MM/AAAA), au plus tôt celle du début."},
    {"trainees", ColumnKind::count, false, "Nombre de stagiaires de la session (au moins 1)."},
    {"women", ColumnKind::count, false, "Nombre de femmes parmi les stagiaires."},
    {"low_qualified_job_seekers", ColumnKind::count, false,
     "Nombre de demandeurs d’emploi peu qualifiés parmi les stagiaires."},
    {"bac_or_below", ColumnKind::count, false, "Nombre de stagiaires de niveau bac ou infra."},
    {"qpv_residents", ColumnKind::count, false,
     "Nombre de stagiaires qui résident dans un quartier prioritaire de la politique de la ville (QPV)."},
    {"veille_active_residents", ColumnKind::count, false,
     "Nombre de stagiaires qui résident dans un quartier de veille active ; avec ceux des QPV, au plus le "
     "nombre de stagiaires."},
    {"plie_followed", ColumnKind::count, false,
     "Nombre de stagiaires suivis par un PLIE (plan local pour l’insertion et l’emploi)."},
};

}  // namespace aap::input
