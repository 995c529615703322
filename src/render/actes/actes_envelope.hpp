// The @ctes metadata of the deliberation: the ACTES « Acte » envelope that the transmission to the
// préfecture (contrôle de légalité) carries beside the act's PDF and its annexes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/campaign.hpp"
#include "model/evaluation.hpp"

namespace aap::actes {

inline constexpr const char* kActesFile = "deliberation-actes.xml";
inline constexpr const char* kActesNamespace = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
/// @ctes nature code of a deliberation (1 délibérations, 2 actes réglementaires, 3 actes individuels…).
inline constexpr int kNatureDeliberation = 1;
/// @ctes takes the subject on one line of at most 499 characters.
inline constexpr std::size_t kMaxSubjectLength = 499;

/// The files the envelope names: the act, then its annexes, as they sit beside it. None by default: the
/// distribution is in the act itself, and the finance workbook is no annex of it (@ctes takes annexes as
/// PDF, XML, PNG or JPEG only, so an .xlsx would have the whole transmission refused).
struct ActesFiles {
  std::string act = "deliberation.pdf";
  std::vector<std::string> annexes;
};

/// The subject as @ctes takes it: the deliberation's Objet ("CT1 - <title> : attribution de subventions
/// de fonctionnement aux organismes de formation retenus[ et approbation des conventions]") on one line,
/// its spaces collapsed, the typographic characters outside ISO-8859-1 replaced by their plain forms
/// (— – ‑ → "-", ’ ‘ → "'", “ ” → '"', … → "...", œ → "oe", narrow and thin spaces → " ") since every
/// @ctes envelope travels in ISO-8859-1; shortened at a word with "..." to 499 characters.
std::string actes_subject(const Campaign& campaign, const Evaluation& evaluation);

/// The envelope, UTF-8: root actes:Acte with actes:Date (the council session), actes:NumeroInterne (the
/// deliberation number reduced by input::reduce_actes_number), actes:CodeNatureActe 1; CodeMatiere1…5
/// (the campaign's classification, 7.5 by default); Objet; ClassificationDateVersion when the campaign
/// gives it; Document/NomFichier; Annexes (Nombre) / Annexe / NomFichier. Nullopt when the campaign has
/// no deliberation number (there is nothing to transmit yet). Throws std::invalid_argument when the
/// number cannot be reduced (the campaign reader refuses such a campaign first).
std::optional<std::string> actes_envelope(const Campaign& campaign, const Evaluation& evaluation,
                                          const ActesFiles& files = {});

}  // namespace aap::actes
