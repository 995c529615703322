// The @ctes metadata of the deliberation: the ACTES « Acte » envelope that the transmission to the
// préfecture (contrôle de légalité) carries beside the act's PDF and its annexes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/campaign.hpp"
#include "model/diagnostic.hpp"
#include "render/template/template_set.hpp"
#include "render/template/value.hpp"

namespace aap::actes {

inline constexpr const char* kActesFile = "deliberation-actes.xml";
inline constexpr const char* kActesNamespace = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
/// @ctes nature code of a deliberation (1 délibérations, 2 actes réglementaires, 3 actes individuels…).
inline constexpr int kNatureDeliberation = 1;
/// @ctes takes the subject on one line of at most 499 characters.
inline constexpr std::size_t kMaxSubjectLength = 499;

/// The files the envelope names: the act, then its annexes, as they sit beside it. No annex by default:
/// the distribution is in the act itself, and the finance workbook is no annex of it (@ctes takes
/// annexes as PDF, XML, PNG or JPEG only, so an .xlsx would have the whole transmission refused).
struct ActesFiles {
  std::string act = "deliberation.pdf";
  std::vector<std::string> annexes;
};

/// Where the transmission's files go in the output folder.
struct ActesNames {
  std::string envelope = kActesFile;  // "013-200054807-20270312-CT1_2027_014-DE-1-1_0.xml"
  /// The act's copy under its @ctes name ("…-DE-1-1_1.pdf"), when the names are @ctes ones; otherwise
  /// the envelope names deliberation.pdf itself.
  std::optional<std::string> act_copy;
  ActesFiles files() const;
};

/// The @ctes names of the transmission — DDD-SIREN-YYYYMMDD-NUMERO-DE-1-1_0.xml for the envelope and
/// …_1.pdf for the act: the département (`authority.departement`), the SIREN (the first nine digits of
/// `authority.siret`), the act's date (the council session), the internal number, nature DE — when the
/// campaign gives the département and the SIRET; the readable deliberation-actes.xml and
/// deliberation.pdf otherwise. Meaningful only when the envelope is written (a deliberation number).
ActesNames actes_names(const Campaign& campaign);

/// Whether `relative` is a file of the transmission under any campaign: deliberation-actes.xml or an
/// @ctes name of a deliberation's envelope or act. The deliberation family owns them all, so that a run
/// of it alone never keeps the files of a previous number or date.
bool is_actes_file(const std::string& relative);

/// Why the envelope is not written, or keeps its readable name: one note per case, its `field` the
/// campaign field that would change it, its message in French (without the file, which the caller
/// knows). Empty when the envelope is written under its @ctes name.
///  - no `deliberation.number`: nothing to transmit yet;
///  - no `deliberation.classification.version_date`: ClassificationDateVersion is required by the ACTES
///    schema and cannot be guessed;
///  - no `authority.departement` or `authority.siret`: the envelope is written under its readable name.
std::vector<Diagnostic> actes_notes(const Campaign& campaign);

/// The template of the deliberation's Objet (templates/deliberation-objet.mustache), which the
/// deliberation's template includes: the act and its envelope give the same subject.
inline constexpr const char* kObjetTemplate = "deliberation-objet";

/// The subject as @ctes takes it: the deliberation's Objet, its template rendered as plain text with the
/// deliberation's values (deliberation::deliberation_values), on one line, its spaces collapsed, the
/// typographic characters outside ISO-8859-1 replaced by their plain forms (— – ‑ → "-", ’ ‘ → "'",
/// “ ” → '"', … → "...", œ → "oe", narrow and thin spaces → " ") since every @ctes envelope travels in
/// ISO-8859-1; shortened at a word with "..." to 499 characters. Throws tpl::TemplateError when the
/// template fails.
std::string actes_subject(const tpl::TemplateSet& templates, const tpl::Value& deliberation_values);

/// The envelope, UTF-8, valid against the ACTES v1.1 schema (actesv1_1.xsd): root actes:Acte with
/// actes:Date (the council session), actes:NumeroInterne (the deliberation number reduced by
/// input::reduce_actes_number), actes:CodeNatureActe 1; CodeMatiere1…5 (the campaign's classification,
/// 7.5 by default); Objet (`subject`, from actes_subject); ClassificationDateVersion; Document/NomFichier;
/// Annexes (Nombre) / Annexe / NomFichier; DocumentPapier "N" (nothing goes to the préfecture on paper).
/// Nullopt when the campaign lacks a value the schema requires — the deliberation number or the
/// classification's version date (actes_notes says which) —: an envelope the préfecture's platform would
/// refuse is never written. Throws std::invalid_argument when the number cannot be reduced (the campaign
/// reader refuses such a campaign first).
std::optional<std::string> actes_envelope(const Campaign& campaign, std::string_view subject,
                                          const ActesFiles& files = {});

}  // namespace aap::actes
