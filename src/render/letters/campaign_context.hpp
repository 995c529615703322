// The template values every document shares: the authority, its contact and signatory, the campaign.
#pragma once

#include <string>

#include "model/campaign.hpp"
#include "model/date.hpp"
#include "render/template/value.hpp"

namespace aap::letters {

/// Sets on `root`: `date` (the documents' date, "20 mars 2027"), `collectivite` {nom, conseil, service,
/// ville, adresse[]}, `contact` {nom, courriel, telephone, a_telephone}, `signataire` {civilite, nom
/// ("Jean DUPONT"), titre, qualite ("Le Président du …")}, `campagne` {id, titre, designation (see
/// call_designation), enveloppe,
/// enveloppe_lettres, date_publication, date_limite, date_seance}, `deliberation` {numero ("n° CT1-…"
/// or "n° ……"), numero_seul ("CT1-…" or ""), a_numero}. Documented for template authors in templates/README.md.
void add_campaign_values(tpl::Value& root, const Campaign& campaign, Date documents_date);

/// The call named in a sentence: "l’appel à projets « <title> »", or "l’« <title> »" when the title
/// already opens with « Appel à projets » (never the echo « l’appel à projets « Appel à projets … » »).
std::string call_designation(const std::string& title);

/// "1er", "2e", "3e"… (French ordinal abbreviations, without superscript).
std::string ordinal(int n);

/// The signatory's title with its article, "Le Président du Conseil de
/// Territoire…" (kept as is when it already starts with an article).
std::string signatory_quality(const Signatory& signatory);

}  // namespace aap::letters
