// Rendering through parsed templates cached per thread, partials written in at load: byte for byte what
// kainjow gives when it parses the template and each partial at every letter (the way render() used to work).
#include "test_paths.hpp"
#include "render/template/template_set.hpp"

#include <gtest/gtest.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "render/markup/escape.hpp"

namespace aap::tpl {
namespace {

namespace km = kainjow::mustache;

// A value as the set renders it: escaped, between the markers that keep it whole.
std::string v(const std::string& escaped) {
  return std::string(markup::kValueStart) + escaped + std::string(markup::kValueEnd);
}

using Sources = std::vector<std::pair<std::string, std::string>>;

km::data plain_kainjow(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::text: return km::data(v.text());
    case Value::Kind::flag: return km::data(v.is_on());
    case Value::Kind::list: {
      km::data list(km::data::type::list);
      for (const Value& item : v.items()) list.push_back(plain_kainjow(item));
      return list;
    }
    case Value::Kind::object: break;
  }
  km::data object(km::data::type::object);
  for (std::size_t i = 0; i < v.keys().size(); ++i) object.set(v.keys()[i], plain_kainjow(v.items()[i]));
  return object;
}

class PlainStrictContext : public km::context<std::string> {
 public:
  PlainStrictContext(const km::data* root, const std::unordered_map<std::string, km::data>& partials)
      : km::context<std::string>(root), partials_(partials) {}
  const km::data* get(const std::string& name) const override {
    const km::data* v = km::context<std::string>::get(name);
    if (v == nullptr) misses_.push_back(name);
    return v;
  }
  const km::data* get_partial(const std::string& name) const override {
    const auto it = partials_.find(name);
    if (it == partials_.end()) {
      missing_.push_back(name);
      return nullptr;
    }
    return &it->second;
  }
  mutable std::vector<std::string> misses_;
  mutable std::vector<std::string> missing_;

 private:
  const std::unordered_map<std::string, km::data>& partials_;
};

// The rendering as it was before the cache: the template parsed for each call, each partial handed to
// kainjow as text (parsed again at every inclusion). "ok:" + text, or "erreur:" + the TemplateError's text.
std::string plain_render(const Sources& sources, const std::string& name, const Value& data) {
  std::unordered_map<std::string, km::data> partials;
  std::string text;
  for (const auto& [n, t] : sources) {
    partials.emplace(n, km::data(t));
    if (n == name) text = t;
  }
  const std::string file = "templates/" + name + ".mustache";
  const km::data root = plain_kainjow(data);
  PlainStrictContext context(&root, partials);
  km::mustache tmpl(text);
  tmpl.set_custom_escape([](const std::string& value) { return markup::escape_value(value); });
  if (!tmpl.is_valid()) return "erreur:parse";
  const std::string out = tmpl.render(context);
  std::vector<TemplateProblem> problems;
  if (!tmpl.is_valid()) problems.push_back({file, 0, 0, "modèle inclus mal formé : " + tmpl.error_message()});
  for (const auto& m : context.misses_) problems.push_back({file, 0, 0, "valeur inconnue « " + m + " » au rendu"});
  for (const auto& m : context.missing_) problems.push_back({file, 0, 0, "modèle inclus « " + m + " » introuvable"});
  if (!problems.empty()) return std::string("erreur:") + TemplateError(problems).what();
  return "ok:" + out;
}

std::string cached_render(const TemplateSet& set, const std::string& name, const Value& data) {
  try {
    return "ok:" + set.render(name, data);
  } catch (const TemplateError& e) {
    return std::string("erreur:") + e.what();
  }
}

// A value tree built by dotted paths ("destinataire.adresse"), turned into a Value at the end.
struct Node {
  std::unique_ptr<Value> leaf;
  std::map<std::string, Node> children;
  void set(const std::string& path, const Value& value) {
    const std::size_t dot = path.find('.');
    if (dot == std::string::npos) {
      Node& child = children[path];
      if (child.children.empty()) child.leaf = std::make_unique<Value>(value);  // an object used as a whole stays one
      return;
    }
    Node& child = children[path.substr(0, dot)];
    child.leaf.reset();
    child.set(path.substr(dot + 1), value);
  }
  Value to_value() const {
    if (leaf) return *leaf;
    Value object;
    for (const auto& [k, n] : children) object.set(k, n.to_value());
    return object;
  }
};

enum class SectionsAs { list_of_two, single_item_list, true_flag, false_flag, empty_list };

// Values for every name the set's templates use: variables get text full of markup characters, sections
// get `shape`, each list item holding its own text for every variable.
Value values_for(const Sources& sources, SectionsAs shape) {
  std::vector<std::string> variables;
  std::vector<std::string> sections;
  for (const auto& [n, text] : sources) {
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string::npos) {
      const std::size_t end = text.find("}}", pos);
      if (end == std::string::npos) break;
      const std::string contents = km::trim(text.substr(pos + 2, end - pos - 2));
      pos = end + 2;
      if (contents.empty() || contents == ".") continue;
      if (contents[0] == '#' || contents[0] == '^') sections.push_back(km::trim(contents.substr(1)));
      else if (std::string("/>!&={").find(contents[0]) == std::string::npos) variables.push_back(contents);
    }
  }
  Node item_node;
  for (const auto& v : variables) item_node.set(v, Value("élément « " + v + " » & <b>\n  suite"));
  const Value item = item_node.to_value();
  Node root;
  for (const auto& s : sections) {
    switch (shape) {
      case SectionsAs::list_of_two: root.set(s, Value::list({item, Value("texte seul & {{x}}")})); break;
      case SectionsAs::single_item_list: root.set(s, Value::list({item})); break;
      case SectionsAs::true_flag: root.set(s, Value::flag(true)); break;
      case SectionsAs::false_flag: root.set(s, Value::flag(false)); break;
      case SectionsAs::empty_list: root.set(s, Value::list()); break;
    }
  }
  for (const auto& v : variables) root.set(v, Value("« " + v + " » : 1 000,50 € & <i>\r\n\t{{" + v + "}}"));
  return root.to_value();
}

Sources shipped_sources() {
  Sources sources;
  const std::filesystem::path dir = std::filesystem::path(AAP_SOURCE_DIR) / "templates";
  const TemplateSet set = TemplateSet::load(dir);
  for (const std::string& name : set.names()) sources.emplace_back(name, set.source(name));
  return sources;
}

constexpr SectionsAs kShapes[] = {SectionsAs::list_of_two, SectionsAs::single_item_list, SectionsAs::true_flag,
                                  SectionsAs::false_flag, SectionsAs::empty_list};

TEST(TemplateSetRendering, EveryShippedTemplateRendersAsKainjowParsingItAtEachCall) {
  const Sources sources = shipped_sources();
  ASSERT_GE(sources.size(), 10u);
  const TemplateSet set = TemplateSet::from_sources(sources);
  int rendered = 0;
  for (const SectionsAs shape : kShapes) {
    const Value data = values_for(sources, shape);
    for (const auto& [name, text] : sources) {
      const std::string expected = plain_render(sources, name, data);
      // Twice: the second rendering goes through the template parsed by the first.
      EXPECT_EQ(cached_render(set, name, data), expected) << name;
      EXPECT_EQ(cached_render(set, name, data), expected) << name;
      if (expected.rfind("ok:", 0) == 0) ++rendered;
    }
  }
  // Most renderings must succeed, or the comparison would only be of error messages.
  EXPECT_GE(rendered, 40);
}

TEST(TemplateSetRendering, PartialsAtTrickyPlacesRenderAsKainjowParsingThemAtEachInclusion) {
  const std::vector<std::string> partial_texts = {
      "ligne\n", "ligne", "\n", "", "  {{v}}\n", "{{#s}}\n{{v}}\n{{/s}}\n", "{ouvre", "ferme}", "{", "\r",
      "\n{{v}}", "\r\n", "{{! commentaire }}\n", "fin sans saut {{v}}"};
  const std::vector<std::string> mains = {
      "avant\n{{> p}}\napres\n",       // on its own line
      "avant\n   {{> p}}\napres",      // indented, at end of file without newline
      "a {{> p}} b {{> p}}{{> p}}",    // inline, twice side by side
      "{{#s}}\n  {{> p}}\n{{/s}}\n",  // inside a section
      "{{^s}}{{> p}}{{/s}}",          // inside an inverted section
      "x{{> p}}",                     // at the very end
      "{{> p}}",                      // alone
      "{{> p}}\r\n",                  // before a CRLF
      "\r{{> p}}",                    // after a CR
      "{{{> p}}}{{> p}}",             // a triple mustache is a variable named "> p", not a partial
      "{ {{> p}} }",                  // braces around
      "{{> p}}{v}}",                  // a '{' ending the partial and one after it: no tag in kainjow
      "{{> p}}{{> p}}v}}",            // the same between two inclusions
      "{{> q}}\n{{> p}}",             // a partial including a partial
      "{{> absent}} {{> p}}",         // a missing partial
  };
  for (const SectionsAs shape : kShapes) {
    for (const std::string& p : partial_texts) {
      for (const std::string& main : mains) {
        const Sources sources = {{"lettre", main}, {"p", p}, {"q", "q:{{> p}}:q\n"}};
        const TemplateSet set = TemplateSet::from_sources(sources);
        Value data = values_for(sources, shape);
        data.set("v", "v & <v>");
        const std::string expected = plain_render(sources, "lettre", data);
        EXPECT_EQ(cached_render(set, "lettre", data), expected) << "main: " << main << "\npartial: " << p;
        EXPECT_EQ(cached_render(set, "lettre", data), expected) << "main: " << main << "\npartial: " << p;
      }
    }
  }
}

TEST(TemplateSetRendering, RandomTemplatesRenderAsKainjowParsingThemAtEachCall) {
  const std::vector<std::string> pieces = {
      "{", "}", "{{v}}", "{{ v }}", "\r", "\n", "\r\n", " ", "\t", "a", "é", "{{> p}}", "{{>q}}",
      "{{ > r }}", "{{!c}}", "{{inconnu}}", "{{> absent}}", "{{.}}", "{{{v}}}", "&<", "{{/s}}", "{{o.v}}",
      "{{o.}}", "{{.v}}", "{{o..v}}", "{{o.s}}", "{{l}}"};
  const std::vector<std::string> sections = {"s", "f", "o", "o.s", "l", ".", "o.inconnu"};
  std::mt19937 random(20270320);
  // Pieces side by side, now and then a section around more of them.
  std::function<std::string(int, const std::vector<std::string>&, int)> text =
      [&](int count, const std::vector<std::string>& excluded, int depth) {
        std::string t;
        for (int i = 0; i < count; ++i) {
          if (depth < 2 && random() % 6 == 0) {
            const std::string& name = sections[random() % sections.size()];
            t += (random() % 2 == 0 ? "{{#" : "{{^") + name + "}}" +
                 text(static_cast<int>(random() % 4), excluded, depth + 1) + "{{/" + name + "}}";
            continue;
          }
          const std::string& piece = pieces[random() % pieces.size()];
          if (std::find(excluded.begin(), excluded.end(), piece) == excluded.end()) t += piece;
        }
        return t;
      };
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    // No cycle among the partials: kainjow would recurse for ever, before as now.
    const Sources sources = {{"lettre", text(1 + static_cast<int>(random() % 14), {}, 0)},
                             {"p", text(static_cast<int>(random() % 6), {"{{> p}}", "{{>q}}", "{{ > r }}"}, 0)},
                             {"q", text(static_cast<int>(random() % 6), {"{{> p}}", "{{>q}}"}, 0)},
                             {"r", text(static_cast<int>(random() % 6), {"{{> p}}", "{{>q}}", "{{ > r }}"}, 0)}};
    std::unique_ptr<TemplateSet> set;
    try {
      set = std::make_unique<TemplateSet>(TemplateSet::from_sources(sources));
    } catch (const TemplateError&) {
      continue;  // some template is malformed: refused at load, before as now
    }
    Value data;
    data.set("v", "v & <v>");
    data.set("f", Value::flag(round % 2 == 0));
    data.set("s", round % 3 == 0 ? Value::list({Value().set("v", "un"), Value("deux")}) : Value::flag(round % 3 == 1));
    data.set("o", Value().set("v", "o & v").set("s", Value::list({Value().set("v", "os"), Value("t"), Value::list()})));
    data.set("l", Value::list({Value::list({Value("a"), Value::flag(false)}), Value::flag(true), Value("t"), Value()}));
    ASSERT_EQ(cached_render(*set, "lettre", data), plain_render(sources, "lettre", data))
        << "lettre: " << sources[0].second << "\np: " << sources[1].second << "\nq: " << sources[2].second
        << "\nr: " << sources[3].second;
    ++compared;
  }
  EXPECT_GE(compared, 500);
}

TEST(TemplateSetRendering, FourThreadsAtOnceGetWhatOneThreadGets) {
  const Sources sources = shipped_sources();
  const TemplateSet set = TemplateSet::from_sources(sources);
  const TemplateSet other = TemplateSet::from_sources({{"lettre", "autre {{v}}\n{{> p}}"}, {"p", "p {{v}}"}});
  std::vector<Value> data;
  for (const SectionsAs shape : kShapes) data.push_back(values_for(sources, shape));
  Value other_data;
  other_data.set("v", "&");
  std::vector<std::string> expected;
  for (const Value& d : data) {
    for (const auto& [name, text] : sources) expected.push_back(plain_render(sources, name, d));
  }
  const std::string other_expected = "autre " + v("\\&") + "\np " + v("\\&");
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        std::size_t i = 0;
        for (const Value& d : data) {
          for (const auto& [name, text] : sources) {
            if (cached_render(set, name, d) != expected[i++]) ++mismatches[static_cast<std::size_t>(t)];
          }
          // Another set in between: each thread's cache must follow the set it is asked about.
          if (other.render("lettre", other_data) != other_expected) ++mismatches[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(TemplateSetRendering, ASetLoadedWhereAnEarlierOneLivedRendersItsOwnTemplates) {
  Value data;
  data.set("v", "x");
  for (int i = 0; i < 50; ++i) {
    const std::string text = "version " + std::to_string(i) + " {{v}}";
    const TemplateSet set = TemplateSet::from_sources({{"lettre", text}});
    ASSERT_EQ(set.render("lettre", data), "version " + std::to_string(i) + " " + v("x"));
  }
}

TEST(TemplateSetRendering, UnknownNamesFailWithTheSameMessagesAndTheNextRenderingStillWorks) {
  const TemplateSet set =
      TemplateSet::from_sources({{"lettre", "{{> pied}} {{montant}}\n{{> absent}}"}, {"pied", "{{nom}} {{ville}}"}});
  Value partial_data;
  partial_data.set("nom", "A");
  Value full = partial_data;
  full.set("ville", "Marseille");
  full.set("montant", "10 €");
  try {
    set.render("lettre", partial_data);
    FAIL() << "rendered without ville, montant and absent";
  } catch (const TemplateError& e) {
    EXPECT_STREQ(e.what(),
                 "templates/lettre.mustache: valeur inconnue « ville » au rendu\n"
                 "templates/lettre.mustache: valeur inconnue « montant » au rendu\n"
                 "templates/lettre.mustache: modèle inclus « absent » introuvable");
  }
  const TemplateSet complete = TemplateSet::from_sources({{"lettre", "{{> pied}} {{montant}}"}, {"pied", "{{nom}} {{ville}}"}});
  EXPECT_EQ(complete.render("lettre", full), v("A") + " " + v("Marseille") + " " + v("10 €"));
  EXPECT_THROW(complete.render("lettre", partial_data), TemplateError);
  EXPECT_EQ(complete.render("lettre", full), v("A") + " " + v("Marseille") + " " + v("10 €"));
}

// Plain text (the e-mail, the @ctes subject): no markup escapes nor value markers; the template's own
// entities decoded, a value's "&…;" left as the value gives it; a value cannot break its line.
TEST(TemplateSetRendering, PlainTextWritesValuesAsTheyAreAndDecodesTheTemplatesEntities) {
  const TemplateSet set = TemplateSet::from_sources(
      {{"courriel", "n°&nbsp;{{id}} &amp; {{> nom}}&#8239;!{{#a}} {{.}}{{/a}} &inconnu; &\n"},
       {"nom", "« {{nom}} »"}});
  Value data;
  data.set("id", "2027-001");
  data.set("nom", "A_*B* #1 [x](y) &nbsp; &amp; \\ | <c>\nsuite\tfin");
  data.set("a", Value::list({Value("x&y"), Value("&#233;")}));
  EXPECT_EQ(set.render_text("courriel", data),
            "n°\u00A02027-001 & « A_*B* #1 [x](y) &nbsp; &amp; \\ | <c> suite fin »\u202F! x&y &#233; &inconnu; &\n");
  // The same set still renders the documents' markup, each parse kept apart.
  EXPECT_EQ(set.render("nom", data), "« " + v(markup::escape("A_*B* #1 [x](y) &nbsp; &amp; \\ | <c>\nsuite\tfin")) + " »");
  EXPECT_EQ(set.render_text("nom", data), "« A_*B* #1 [x](y) &nbsp; &amp; \\ | <c> suite fin »");
  try {
    set.render_text("courriel", Value().set("id", "1"));
    FAIL() << "rendered without nom and a";
  } catch (const TemplateError& e) {
    EXPECT_STREQ(e.what(),
                 "templates/courriel.mustache: valeur inconnue « nom » au rendu\n"
                 "templates/courriel.mustache: valeur inconnue « a » au rendu");
  }
}

}  // namespace
}  // namespace aap::tpl
