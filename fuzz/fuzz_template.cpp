// libFuzzer: any bytes as a template → parsed, checked against sample values and, when the check passes,
// rendered and its markup parsed, as every document is; the same bytes also go straight to the markup
// parser. Problems are reported as TemplateError or MarkupError, never a crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "render/markup/markup.hpp"
#include "render/template/template_set.hpp"

namespace {

using aap::tpl::Value;

const Value& sample() {
  static const Value v = [] {
    Value root;
    root.set("nom", "A | B *C* #1 <x> [l](u) `c` _i_ \\ ->")
        .set("montant", "12\u202F345\u00A0€")
        .set("vide", "")
        .set("oui", Value::flag(true))
        .set("non", Value::flag(false));
    Value item;
    item.set("libelle", "Critère | *un*").set("ok", Value::flag(true));
    root.set("lignes", Value::list({item, item})).set("aucune", Value::list());
    Value adresse;
    adresse.set("ville", "Marseille").set("lignes", Value::list({Value("12 rue"), Value("13002 Marseille")}));
    root.set("adresse", adresse);
    return root;
  }();
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    aap::markup::parse(text);
  } catch (const aap::markup::MarkupError&) {
  }
  try {
    const auto set = aap::tpl::TemplateSet::from_sources(
        {{"doc", text}, {"ligne", "| {{libelle}} | {{#ok}}oui{{/ok}}{{^ok}}non{{/ok}} |"}});
    if (!set.check("doc", sample()).empty()) return 0;
    aap::markup::parse(set.render("doc", sample()));
  } catch (const aap::tpl::TemplateError& e) {
    if (e.problems().empty()) __builtin_trap();
  } catch (const aap::markup::MarkupError&) {
  }
  return 0;
}
