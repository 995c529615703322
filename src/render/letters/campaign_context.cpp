// Template values shared by the letters and the notice.
#include "render/letters/campaign_context.hpp"

#include "render/letters/addressing.hpp"
#include "text/french.hpp"
#include "text/utf8.hpp"

namespace aap::letters {

using tpl::Value;

std::string ordinal(int n) { return n == 1 ? "1er" : std::to_string(n) + "e"; }

std::string signatory_quality(const Signatory& signatory) {
  const std::string& title = signatory.title;
  for (const char* article : {"Le ", "La ", "L’", "L'"}) {
    if (title.rfind(article, 0) == 0) return title;
  }
  if (title.empty()) return title;
  const bool vowel = std::string("AEIOUÉÈaeiou").find(title[0]) != std::string::npos ||
                     title.rfind("É", 0) == 0;
  if (vowel) return "L’" + title;
  return (signatory.civility == "Madame" ? "La " : "Le ") + title;
}

std::string call_designation(const std::string& title) {
  // A title that already says « Appel à projets » is quoted alone: « l’appel à projets « Appel à projets
  // 2027 — … » » would say it twice.
  const std::u32string u = text::decode_utf8(title).value_or(std::u32string());
  const std::u32string_view head = U"appel à projets";
  bool echoes = u.size() >= head.size();
  for (std::size_t i = 0; echoes && i < head.size(); ++i) {
    const char32_t c = u[i] == U'A' ? U'a' : u[i];
    echoes = c == head[i];
  }
  return echoes ? "l’« " + title + " »" : "l’appel à projets « " + title + " »";
}

void add_campaign_values(Value& root, const Campaign& campaign, Date documents_date) {
  const Authority& a = campaign.authority;
  root.set("date", fr::date(documents_date));

  Value address = Value::list();
  for (const std::string& line : a.address) address.push(line);
  root.set("collectivite", Value()
                               .set("nom", a.name)
                               .set("conseil", a.council)
                               .set("service", a.service)
                               .set("ville", a.city)
                               .set("adresse", std::move(address)));
  root.set("contact", Value()
                          .set("nom", a.contact.name)
                          .set("courriel", a.contact.email)
                          .set("telephone", a.contact.phone.value_or(""))
                          .set("a_telephone", Value::flag(a.contact.phone.has_value() && !a.contact.phone->empty())));
  root.set("signataire", Value()
                             .set("civilite", a.signatory.civility)
                             .set("nom", signatory_name(a.signatory.name))
                             .set("titre", a.signatory.title)
                             .set("qualite", signatory_quality(a.signatory)));
  const Calendar& cal = campaign.calendar;
  root.set("campagne", Value()
                           .set("id", campaign.id)
                           .set("titre", campaign.title)
                           .set("designation", call_designation(campaign.title))
                           .set("enveloppe", fr::money(campaign.envelope))
                           .set("enveloppe_lettres", fr::money_in_words(campaign.envelope))
                           .set("date_publication", fr::date(cal.published_on))
                           .set("date_limite", fr::date(cal.deadline))
                           .set("date_seance", fr::date(cal.council_session)));
  const auto& number = campaign.deliberation.number;
  const bool has_number = number && !number->empty();
  // A deliberation field left out prints as a blank to fill; the number alone is for a sentence that
  // leaves the number out until it is known (the e-mail).
  root.set("deliberation", Value()
                               .set("numero", has_number ? "n° " + *number : "n° ……")
                               .set("numero_seul", has_number ? *number : "")
                               .set("a_numero", Value::flag(has_number)));
}

}  // namespace aap::letters
