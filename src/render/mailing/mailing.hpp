// The mailing of the letters: the list the instructors send from (courriers/envoi.csv) and, for each
// dossier with an e-mail address, a message ready to send with its letter attached (courriers/emails/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/campaign.hpp"
#include "model/date.hpp"
#include "model/evaluation.hpp"
#include "render/template/template_set.hpp"
#include "render/template/value.hpp"

namespace aap::mailing {

inline constexpr const char* kMailingList = "courriers/envoi.csv";
inline constexpr const char* kPostal = "courrier postal";

/// "courriers/<id>.pdf", the letter as the letters family writes it.
std::string letter_path(const std::string& dossier_id);
/// "courriers/emails/<id>.eml".
std::string email_path(const std::string& dossier_id);

/// Whether the letter goes by e-mail: the dossier gives an address that input::is_valid_email accepts.
bool sends_by_email(const Dossier& dossier);

/// The mailing list, for French spreadsheet software: UTF-8 with a byte-order mark, ";" separated, CRLF,
/// RFC 4180 quoting. Columns: dossier, association, representant, email, decision (« financé »,
/// « partiellement financé », « non financé », « inéligible »), subvention ("30000,00"), courrier (the
/// letter's path in the output folder), envoi ("e-mail" or "courrier postal"), message (the .eml's path,
/// blank for the post), remarque (why an address given is not used). One row per dossier, in the
/// order of evaluation.json.
std::string mailing_list(const Evaluation& evaluation);

/// The templates of the message: its text and its Subject (templates/courriel*.mustache), rendered as
/// plain text with the values of the dossier's letter (letters::letter_values).
inline constexpr const char* kEmailTemplate = "courriel";
inline constexpr const char* kEmailSubjectTemplate = "courriel-objet";

/// The text of the message: its template rendered as plain text, each line of it in French typography
/// and wrapped at 72 characters (mail::wrap), its paragraphs separated by one blank line, ending with a
/// line end. Throws tpl::TemplateError (template file, dossier and reason) when the template fails.
std::string email_text(const tpl::TemplateSet& templates, const Dossier& dossier, const tpl::Value& values);
/// The Subject: its template rendered as plain text on one line (each line trimmed, joined by a space).
std::string email_subject(const tpl::TemplateSet& templates, const Dossier& dossier, const tpl::Value& values);

/// The message of one dossier (which must send by e-mail), RFC 5322 + MIME, CRLF, lines of at most 78
/// characters: Date (`date` at 09:00 Paris time), From (the campaign's contact), To (the association),
/// Subject (email_subject), Message-ID <YYYYMMDD.campaign.dossier@domain of the contact>, X-Unsent: 1
/// (Outlook opens it as a draft to send); the text (email_text, quoted-printable) and `letter_pdf`
/// attached as application/pdf, base64, named "courrier-<id>.pdf". `values` are the letter's, computed
/// for this campaign, dossier and date. The same inputs give the same bytes.
std::string email_message(const tpl::TemplateSet& templates, const Campaign& campaign,
                          const DossierEvaluation& evaluation, const tpl::Value& values, Date date,
                          std::string_view letter_pdf);

/// Checks the e-mail's templates before any output: every name they use exists among a letter's values,
/// and each renders for a sample dossier of every decision, with a Subject that is not blank. Empty when
/// all is well.
std::vector<tpl::TemplateProblem> check_email_templates(const tpl::TemplateSet& templates,
                                                        const Campaign& campaign);

}  // namespace aap::mailing
