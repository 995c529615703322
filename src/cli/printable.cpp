// Every text of the campaign must be printable with the documents' fonts.
#include "cli/printable.hpp"

#include <cstdio>
#include <functional>

#include "render/pdf/glyph_coverage.hpp"
#include "text/utf8.hpp"

namespace aap::cli {
namespace {

using Visit = std::function<void(const std::string& field, const std::string& text)>;

void opt(const Visit& visit, const std::string& field, const std::optional<std::string>& text) {
  if (text) visit(field, *text);
}

void list(const Visit& visit, const std::string& field, const std::vector<std::string>& texts) {
  for (std::size_t i = 0; i < texts.size(); ++i) visit(field + "[" + std::to_string(i) + "]", texts[i]);
}

void visit_campaign(const Campaign& c, const Visit& visit) {
  visit("title", c.title);
  visit("authority.name", c.authority.name);
  visit("authority.council", c.authority.council);
  visit("authority.service", c.authority.service);
  list(visit, "authority.address", c.authority.address);
  visit("authority.city", c.authority.city);
  visit("authority.signatory.civility", c.authority.signatory.civility);
  visit("authority.signatory.name", c.authority.signatory.name);
  visit("authority.signatory.title", c.authority.signatory.title);
  visit("authority.contact.name", c.authority.contact.name);
  visit("authority.contact.email", c.authority.contact.email);
  opt(visit, "authority.contact.phone", c.authority.contact.phone);
  opt(visit, "deliberation.number", c.deliberation.number);
  opt(visit, "deliberation.commission", c.deliberation.commission);
  opt(visit, "deliberation.rapporteur.civility", c.deliberation.rapporteur.civility);
  opt(visit, "deliberation.rapporteur.name", c.deliberation.rapporteur.name);
  opt(visit, "deliberation.framework", c.deliberation.framework);
  opt(visit, "budget.chapter", c.budget.chapter);
  opt(visit, "budget.account", c.budget.account);
  opt(visit, "budget.function", c.budget.function);
  opt(visit, "budget.operation", c.budget.operation);
}

Visit checker(const std::string& file, Diagnostics& diags) {
  return [&diags, file](const std::string& field, const std::string& text) {
    const auto code_points = text::decode_utf8(text);
    if (!code_points) return;  // the reader refused invalid UTF-8 already
    for (char32_t cp : *code_points) {
      if (render::printable_in_documents(cp)) continue;
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      diags.push_back({file, 0, field,
                       "le caractère " + std::string(code) + " « " + text::encode_utf8(std::u32string(1, cp)) +
                           " » ne peut pas être imprimé dans les documents (absent de la police)"});
      return;
    }
  };
}

}  // namespace

Diagnostics check_printable(const Campaign& campaign, const std::string& campaign_file) {
  Diagnostics diags;
  visit_campaign(campaign, checker(campaign_file, diags));
  return diags;
}

}  // namespace aap::cli
