// The mailing list and the e-mails that carry the letters.
#include "render/mailing/mailing.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "input/email_address.hpp"
#include "render/csv/csv.hpp"
#include "render/letters/addressing.hpp"
#include "render/letters/letter.hpp"
#include "render/mailing/mime.hpp"
#include "render/template/problem_list.hpp"
#include "text/decision_label.hpp"
#include "text/french.hpp"

namespace aap::mailing {
namespace {

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

// The rendering of one of the e-mail's templates, its problems tied to the dossier as the letters' are.
std::string render(const tpl::TemplateSet& templates, const char* name, const Dossier& dossier,
                   const tpl::Value& values) {
  try {
    return templates.render_text(name, values);
  } catch (const tpl::TemplateError& e) {
    std::vector<tpl::TemplateProblem> problems = e.problems();
    for (auto& p : problems) p.message = "courriel du dossier " + dossier.id + " : " + p.message;
    throw tpl::TemplateError(std::move(problems));
  }
}

// The lines of a rendered template, without their line ends and surrounding blanks; views into `text`.
std::vector<std::string_view> trimmed_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    lines.push_back(line);
  }
  return lines;
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
    // The grant as « 30000,00 »: a number French spreadsheets read as such.
    out += csv::record({d.id, d.association.name, r.civility + " " + r.first_name + " " + r.last_name + ", " + r.role,
                        email, std::string(fr::decision_label(e.decision)), e.grant.plain(','), letter_path(d.id),
                        by_email ? "e-mail" : kPostal, by_email ? email_path(d.id) : "",
                        remark},
                       kSeparator);
  }
  return out;
}

std::string email_text(const tpl::TemplateSet& templates, const Dossier& dossier, const tpl::Value& values) {
  // A line of the template is a line of the message, wrapped when longer; blank lines separate the
  // paragraphs, one blank line however many the template (or its empty sections) leaves.
  std::string text;
  bool blank_before = false;
  const std::string rendered = render(templates, kEmailTemplate, dossier, values);
  for (const std::string_view line : trimmed_lines(rendered)) {
    if (line.empty()) {
      blank_before = !text.empty();
      continue;
    }
    if (blank_before) text += '\n';
    blank_before = false;
    text += mail::wrap(fr::typography(line)) + "\n";
  }
  return text;
}

std::string email_subject(const tpl::TemplateSet& templates, const Dossier& dossier, const tpl::Value& values) {
  std::string subject;
  const std::string rendered = render(templates, kEmailSubjectTemplate, dossier, values);
  for (const std::string_view line : trimmed_lines(rendered)) {
    if (line.empty()) continue;
    if (!subject.empty()) subject += ' ';
    subject += line;
  }
  return subject;
}

std::string email_message(const tpl::TemplateSet& templates, const Campaign& campaign, const DossierEvaluation& e,
                          const tpl::Value& values, Date date, std::string_view letter_pdf) {
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
  m += mail::header("Subject", mail::unstructured(email_subject(templates, d, values)));
  m += mail::header("Message-ID", {message_id(campaign, d, date)});
  m += mail::header("MIME-Version", {"1.0"});
  m += mail::header("X-Unsent", {"1"});
  m += mail::header("Content-Type", {"multipart/mixed;", "boundary=\"" + boundary + "\""});
  m += "\r\n";
  m += "--" + boundary + "\r\n";
  m += mail::header("Content-Type", {"text/plain;", "charset=UTF-8"});
  m += mail::header("Content-Transfer-Encoding", {"quoted-printable"});
  m += "\r\n";
  m += mail::quoted_printable(email_text(templates, d, values));
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

std::vector<tpl::TemplateProblem> check_email_templates(const tpl::TemplateSet& templates,
                                                        const Campaign& campaign) {
  std::vector<tpl::TemplateProblem> problems;
  const auto add = [&](const tpl::TemplateProblem& p) { tpl::add_once(problems, p); };
  const letters::SampleLetter reference(campaign, Decision::ineligible);
  const tpl::Value values = letters::letter_values(campaign, reference.evaluation, reference.date);
  for (const char* name : {kEmailTemplate, kEmailSubjectTemplate}) {
    for (const tpl::TemplateProblem& p : templates.check(name, values)) add(p);
  }
  if (!problems.empty()) return problems;
  // The names are right; each decision's sections must render too, and give the message a Subject.
  for (const Decision d : {Decision::funded, Decision::partially_funded, Decision::not_funded, Decision::ineligible,
                           Decision::inadmissible}) {
    const letters::SampleLetter s(campaign, d);
    const tpl::Value sample = letters::letter_values(campaign, s.evaluation, s.date);
    try {
      email_text(templates, s.dossier, sample);
      if (email_subject(templates, s.dossier, sample).empty()) {
        add({templates.file_of(kEmailSubjectTemplate), 0, 0,
             "courriel du dossier " + s.dossier.id + " : l’objet du courriel est vide"});
      }
    } catch (const tpl::TemplateError& e) {
      for (const tpl::TemplateProblem& p : e.problems()) add(p);
    }
  }
  return problems;
}

}  // namespace aap::mailing
