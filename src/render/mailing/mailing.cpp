// The mailing list and the e-mails that carry the letters.
#include "render/mailing/mailing.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "input/email_address.hpp"
#include "render/csv/csv.hpp"
#include "render/letters/addressing.hpp"
#include "render/letters/campaign_context.hpp"
#include "render/mailing/mime.hpp"
#include "text/decision_label.hpp"
#include "text/french.hpp"
#include "text/french_names.hpp"

namespace aap::mailing {
namespace {

// The letter's Objet (templates/courrier-*.mustache), so that the message and its attachment agree.
std::string letter_object(const DossierEvaluation& e) {
  const std::string id = e.dossier->id;
  switch (e.decision) {
    case Decision::funded: return "attribution d’une subvention — dossier n° " + id;
    case Decision::partially_funded: return "attribution partielle d’une subvention — dossier n° " + id;
    case Decision::not_funded: return "demande de subvention non retenue — dossier n° " + id;
    case Decision::ineligible: return "dossier n° " + id + " non éligible";
    case Decision::inadmissible: return "dossier n° " + id + " irrecevable, reçu après la date limite";
  }
  return id;
}

// "30000,00": a number French spreadsheets read as such.
std::string amount(Money m) {
  const std::int64_t rest = m.cents() % 100;
  return std::to_string(m.cents() / 100) + (rest < 10 ? ",0" : ",") + std::to_string(rest);
}

// An id-left of a Message-ID (a dot-atom): letters, digits, "-" and "_" as they are, any other byte as =XX.
std::string id_part(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out += c;
    } else {
      const auto b = static_cast<unsigned char>(c);
      out += {'=', kHex[b >> 4], kHex[b & 0xF]};
    }
  }
  return out;
}

std::string message_id(const Campaign& campaign, const Dossier& dossier, Date date) {
  const std::string& contact = campaign.authority.contact.email;
  const auto at = contact.rfind('@');
  const std::string domain = input::is_valid_email(contact) ? contact.substr(at + 1) : "aap.invalid";
  std::string day = date.iso();
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  return "<" + day + "." + id_part(campaign.id) + "." + id_part(dossier.id) + "@" + domain + ">";
}

std::string decision_paragraph(const Campaign& campaign, const DossierEvaluation& e) {
  const Dossier& d = *e.dossier;
  const auto& number = campaign.deliberation.number;
  const std::string deliberation = "Par délibération" + (number && !number->empty() ? " n°\u00A0" + *number : "") +
                                   " du " + fr::date(campaign.calendar.council_session) + ", le " +
                                   campaign.authority.council + " a attribué " + fr::after_a(d.association.name) +
                                   " une subvention de fonctionnement de " + fr::money(e.grant) + " (" +
                                   fr::money_in_words(e.grant) + ")";
  switch (e.decision) {
    case Decision::funded: return deliberation + ".";
    case Decision::partially_funded:
      return deliberation + ", pour un montant demandé de " + fr::money(d.budget.requested) +
             ". Le courrier joint précise les raisons de ce montant et les voies et délais de recours.";
    case Decision::not_funded:
      return "Votre dossier remplit les critères d’éligibilité, mais l’enveloppe de l’appel à projets n’a pas "
             "permis de le financer. Le courrier joint en précise les raisons et les voies et délais de recours.";
    case Decision::ineligible:
      return "Votre dossier ne remplit pas l’ensemble des critères d’éligibilité de l’appel à projets. Le "
             "courrier joint précise les critères non remplis et les voies et délais de recours.";
    case Decision::inadmissible:
      return "Votre dossier, reçu le " + fr::date(d.received_on) + ", est parvenu après la date limite de dépôt du " +
             fr::date(campaign.calendar.deadline) + " : il est irrecevable. Le courrier joint le précise et indique "
             "les voies et délais de recours.";
  }
  return "";
}

std::string body(const Campaign& campaign, const DossierEvaluation& e) {
  const Dossier& d = *e.dossier;
  const Contact& contact = campaign.authority.contact;
  std::vector<std::string> paragraphs;
  paragraphs.push_back(letters::salutation(d.association.representative));
  paragraphs.push_back("Veuillez trouver ci-joint le courrier qui vous notifie la décision prise sur le dossier n°\u00A0" +
                       d.id +
                       ", relatif à la formation « " +
                       d.training.title + " », que vous avez présenté dans le cadre de " +
                       letters::call_designation(campaign.title) + ".");
  paragraphs.push_back(decision_paragraph(campaign, e));
  paragraphs.push_back("Pour toute question, vous pouvez joindre " + contact.name + " (" +
                       campaign.authority.service + ")" +
                       (contact.phone ? " au " + *contact.phone + " ou" : std::string()) + " à l’adresse " +
                       contact.email + ".");
  paragraphs.push_back(letters::closing_formula(d.association.representative));
  std::string text;
  for (const std::string& p : paragraphs) text += mail::wrap(fr::typography(p)) + "\n\n";
  text += contact.name + "\n" + campaign.authority.service + "\n" + campaign.authority.name + "\n";
  return text;
}

}  // namespace

std::string letter_path(const std::string& dossier_id) { return "courriers/" + dossier_id + ".pdf"; }
std::string email_path(const std::string& dossier_id) { return "courriers/emails/" + dossier_id + ".eml"; }

bool sends_by_email(const Dossier& dossier) {
  return dossier.association.email && input::is_valid_email(*dossier.association.email);
}

std::string mailing_list(const Evaluation& evaluation) {
  constexpr char kSeparator = ';';
  std::string out = "\xEF\xBB\xBF";  // the byte-order mark by which spreadsheets recognise UTF-8
  out += csv::record({"dossier", "association", "representant", "email", "decision", "subvention", "courrier",
                      "envoi", "message", "remarque"},
                     kSeparator);
  for (const DossierEvaluation& e : evaluation.dossiers) {
    if (!e.dossier) continue;
    const Dossier& d = *e.dossier;
    const Representative& r = d.association.representative;
    const bool by_email = sends_by_email(d);
    const std::string email = d.association.email.value_or("");
    std::string remark = !by_email && !email.empty() ? "adresse électronique invalide : envoi par la poste" : "";
    // A shortened address block is checked by a person before the letter goes out.
    const std::vector<std::string> shortened = letters::address_block(d.association).shortened;
    for (std::size_t i = 0; i < shortened.size(); ++i) {
      remark += (i > 0 ? ", " : remark.empty() ? "adresse abrégée : " : " ; adresse abrégée : ") + shortened[i];
    }
    out += csv::record({d.id, d.association.name, r.civility + " " + r.first_name + " " + r.last_name + ", " + r.role,
                        email, std::string(fr::decision_label(e.decision)), amount(e.grant), letter_path(d.id),
                        by_email ? "e-mail" : kPostal, by_email ? email_path(d.id) : "",
                        remark},
                       kSeparator);
  }
  return out;
}

std::string email_message(const Campaign& campaign, const DossierEvaluation& e, Date date,
                          std::string_view letter_pdf) {
  if (!e.dossier || !sends_by_email(*e.dossier))
    throw std::invalid_argument("email_message : le dossier n’a pas d’adresse électronique valide");
  const Dossier& d = *e.dossier;
  // "=_" occurs neither in quoted-printable (where "=" starts a hex pair) nor in base64: no part can hold
  // the boundary, whatever the dossier.
  const std::string boundary = "=_aap_part";
  std::string m;
  m.reserve(4096 + letter_pdf.size() / 57 * 78 + 80);  // the base64 of the letter is most of it
  m += mail::header("Date", {mail::rfc5322_date(date)});
  m += mail::header("From", mail::mailbox(campaign.authority.contact.name, campaign.authority.contact.email));
  m += mail::header("To", mail::mailbox(d.association.name, *d.association.email));
  m += mail::header("Subject", mail::unstructured("Appel à projets " + campaign.id + " : " + letter_object(e)));
  m += mail::header("Message-ID", {message_id(campaign, d, date)});
  m += mail::header("MIME-Version", {"1.0"});
  m += mail::header("X-Unsent", {"1"});
  m += mail::header("Content-Type", {"multipart/mixed;", "boundary=\"" + boundary + "\""});
  m += "\r\n";
  m += "--" + boundary + "\r\n";
  m += mail::header("Content-Type", {"text/plain;", "charset=UTF-8"});
  m += mail::header("Content-Transfer-Encoding", {"quoted-printable"});
  m += "\r\n";
  m += mail::quoted_printable(body(campaign, e));
  m += "--" + boundary + "\r\n";
  const std::string file = "courrier-" + d.id + ".pdf";
  std::vector<std::string> type{"application/pdf;"};
  for (const std::string& t : mail::parameter("name", file)) type.push_back(t);
  m += mail::header("Content-Type", type);
  std::vector<std::string> disposition{"attachment;"};
  for (const std::string& t : mail::parameter("filename", file)) disposition.push_back(t);
  m += mail::header("Content-Disposition", disposition);
  m += mail::header("Content-Transfer-Encoding", {"base64"});
  m += "\r\n";
  mail::append_base64(m, letter_pdf);
  m += "--" + boundary + "--\r\n";
  return m;
}

}  // namespace aap::mailing
