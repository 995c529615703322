// JSON syntax errors in French (see parse.hpp). nlohmann's messages have a fixed shape:
// "syntax error while parsing <context> - <what went wrong>[; last read: '<text>'][; expected <token>]".
#include "json/parse.hpp"

#include <algorithm>

#include "json/fields.hpp"
#include "json/tree.hpp"
#include "json/locator.hpp"
#include "text/sizes.hpp"

namespace aap::json {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// Characters of an unquoted word or number: what a bad literal is made of.
bool is_word_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
         c == '-' || c == '_';
}

/// The unquoted word at or just before `offset`, shortened: "oui" in `{"a": oui}`.
std::string_view word_at(std::string_view text, std::size_t offset) {
  if (offset < text.size() && !is_word_char(text[offset]) && offset > 0) --offset;
  if (offset >= text.size() || !is_word_char(text[offset])) return {};
  std::size_t begin = offset;
  while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  std::size_t end = offset;
  while (end < text.size() && is_word_char(text[end])) ++end;
  return text.substr(begin, std::min<std::size_t>(end - begin, 40));
}

/// nlohmann's token names ("'}'", "string literal"…) as French nouns.
std::string token_fr(std::string_view token) {
  if (token.size() == 3 && token.front() == '\'' && token.back() == '\'') {
    return "« " + std::string(token.substr(1, 1)) + " »";
  }
  if (token == "string literal") return "une chaîne";
  if (token == "number literal") return "un nombre";
  if (token == "true literal") return "« true »";
  if (token == "false literal") return "« false »";
  if (token == "null literal") return "« null »";
  return std::string(token);
}

std::string unexpected_fr(std::string_view token) {
  if (token == "end of input") return "fin du texte inattendue (texte tronqué ?)";
  if (token == "string literal") return "chaîne inattendue";
  if (token == "number literal") return "nombre inattendu";
  return token_fr(token) + " inattendu";
}

std::string expected_fr(std::string_view token) {
  if (token == "string literal") return "un nom de champ entre guillemets était attendu";
  if (token == "'}'") return "« , » ou « } » était attendu";
  if (token == "']'") return "« , » ou « ] » était attendu";
  if (token == "'[', '{', or a literal") return "une valeur était attendue";
  if (token == "end of input") return "rien n’était attendu après la fin du JSON";
  return token_fr(token) + " était attendu";
}

/// The lexer's own complaints (a bad string, number or literal); `near` is the word where it stopped.
std::string lexer_error_fr(std::string_view error, std::string_view near) {
  const std::string shown = near.empty() ? std::string() : " " + in_guillemets(near);
  if (error == "invalid literal") {
    return "valeur non reconnue" + shown + " (les textes s’écrivent entre guillemets droits)";
  }
  if (starts_with(error, "invalid number")) return "nombre mal écrit" + shown;
  if (starts_with(error, "invalid string: control character ")) {
    const auto cp = error.substr(std::string_view("invalid string: control character ").size(), 6);
    return "caractère de contrôle " + std::string(cp) + " non échappé dans une chaîne";
  }
  if (error == "invalid string: ill-formed UTF-8 byte") {
    return "octet invalide dans une chaîne : le fichier n’est pas enregistré en UTF-8";
  }
  if (error == "invalid string: missing closing quote") return "chaîne sans guillemet fermant";
  if (starts_with(error, "invalid string: '\\u'")) return "« \\u » doit être suivi de 4 chiffres hexadécimaux";
  if (starts_with(error, "invalid string: surrogate")) return "paire de substitution « \\u » incomplète";
  if (starts_with(error, "invalid string: forbidden character")) return "caractère interdit après « \\ »";
  if (starts_with(error, "invalid comment")) return "les commentaires ne sont pas permis en JSON";
  if (starts_with(error, "invalid BOM")) return "marque d’ordre des octets (BOM) invalide";
  return std::string(error);
}

/// The offset of the first bracket or brace opening level kMaxJsonDepth + 1, outside strings; npos if none.
std::size_t too_deep_at(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string translate_parse_error(std::string_view what, std::string_view near) {
  const auto syntax = what.find("syntax error");
  if (syntax == std::string_view::npos) {
    const auto colon = what.find(": ");
    return std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
  }
  std::string_view rest = what.substr(syntax);
  const auto dash = rest.find(" - ");
  rest = dash == std::string_view::npos ? std::string_view() : rest.substr(dash + 3);

  // The lexer's messages may themselves hold "; expected" ("invalid number; expected digit after '.'"),
  // so "last read" is split off first and "expected" looked for only after it.
  std::string_view main = rest;
  std::string_view expected;
  const auto read = rest.find("; last read: '");
  if (read != std::string_view::npos) {
    main = rest.substr(0, read);
    std::string_view after = rest.substr(read + std::string_view("; last read: '").size());
    const auto exp = after.rfind("'; expected ");
    if (exp != std::string_view::npos) {
      expected = after.substr(exp + std::string_view("'; expected ").size());
    }
  } else if (const auto exp = rest.find("; expected "); exp != std::string_view::npos) {
    main = rest.substr(0, exp);
    expected = rest.substr(exp + std::string_view("; expected ").size());
  }

  std::string out;
  const bool lexer = !starts_with(main, "unexpected ");
  if (lexer) {
    // nlohmann's "last read" may run back over earlier tokens: `near`, cut from the text, is what to show.
    out = lexer_error_fr(main, near);
  } else {
    const std::string_view token = main.substr(std::string_view("unexpected ").size());
    out = unexpected_fr(token);
    if (!expected.empty()) out += ", " + expected_fr(expected);
    // The commonest hand-editing slip: a comma left before a closing bracket.
    if ((token == "'}'" && expected == "string literal") ||
        (token == "']'" && expected == "'[', '{', or a literal")) {
      out += " (virgule en trop ?)";
    }
  }
  return out;
}

std::optional<Document> parse_json(std::string_view text, const std::string& file, Diagnostics& out) {
  if (text.size() > kMaxJsonBytes) {
    out.push_back(Diagnostic{file, 0, "", aap::text::too_large_message(text.size(), kMaxJsonBytes, kJsonLimitScope)});
    return std::nullopt;
  }
  // nlohmann's lexer takes a NUL outside a string for the end of the text: what follows (a second dossier)
  // would be dropped without a word.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const TextPosition at = position_of_offset(text, nul);
    out.push_back(Diagnostic{file, at.line, "",
                             "JSON mal formé (colonne " + std::to_string(at.column) +
                                 ") : octet nul (U+0000), qui n’a pas sa place dans un fichier texte ; la suite du "
                                 "fichier serait ignorée"});
    return std::nullopt;
  }
  if (const std::size_t deep = too_deep_at(text); deep != std::string_view::npos) {
    const TextPosition at = position_of_offset(text, deep);
    out.push_back(Diagnostic{file, at.line, "",
                             "JSON mal formé (colonne " + std::to_string(at.column) + ") : plus de " +
                                 std::to_string(kMaxJsonDepth) + " niveaux de tableaux et d’objets imbriqués"});
    return std::nullopt;
  }
  try {
    return detail::Access::document(nlohmann::json::parse(text));
  } catch (const nlohmann::json::parse_error& e) {
    // `byte` counts the characters read, the offending one included; past the end for a truncated text.
    std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const std::string_view what = e.what();
    if (offset > 0 && offset < text.size()) {
      if (what.find("ill-formed UTF-8") != std::string_view::npos) {
        // The lexer read one byte past a stray Latin-1 byte before giving up.
        if (static_cast<unsigned char>(text[offset]) < 0x80 && static_cast<unsigned char>(text[offset - 1]) >= 0x80) {
          --offset;
        }
      } else if (what.find("unexpected string literal") != std::string_view::npos) {
        // Point at the string's opening quote, not its closing one.
        std::size_t open = offset;
        while (open > 0 && !(text[open - 1] == '"' && (open < 2 || text[open - 2] != '\\'))) --open;
        if (open > 0) offset = open - 1;
      } else if (what.find("unexpected number literal") != std::string_view::npos) {
        while (offset > 0 && is_word_char(text[offset - 1])) --offset;
      }
    }
    std::string_view near;
    if (what.find("invalid literal") != std::string_view::npos ||
        what.find("invalid number") != std::string_view::npos) {
      near = word_at(text, offset);
      if (!near.empty()) offset = static_cast<std::size_t>(near.data() - text.data());
    }
    const TextPosition at = position_of_offset(text, offset);
    out.push_back(Diagnostic{file, at.line, "",
                             "JSON mal formé (colonne " + std::to_string(at.column) +
                                 ") : " + translate_parse_error(what, near)});
  } catch (const nlohmann::json::out_of_range& e) {
    // Only "number overflow parsing '1e999'" comes here: find the number to give its line.
    const std::string_view what = e.what();
    const auto open = what.find('\'');
    const std::string_view number =
        open == std::string_view::npos ? std::string_view() : what.substr(open + 1, what.size() - open - 2);
    const auto where = number.empty() ? std::string_view::npos : text.find(number);
    const int line = where == std::string_view::npos ? 0 : position_of_offset(text, where).line;
    out.push_back(Diagnostic{file, line, "", "JSON mal formé : nombre trop grand " + in_guillemets(number)});
  } catch (const nlohmann::json::exception& e) {
    out.push_back(Diagnostic{file, 0, "", "JSON mal formé : " + translate_parse_error(e.what())});
  }
  return std::nullopt;
}

Document parse_written(std::string_view text) {
  return detail::Access::document(detail::library_errors([&] { return nlohmann::json::parse(text); }));
}

}  // namespace aap::json
