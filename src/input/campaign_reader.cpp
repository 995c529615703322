// Reads and checks the campaign file: checked before the first dossier, so that a wrong
// threshold or weight stops the run instead of skewing every decision.
#include "input/campaign_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "input/actes_number.hpp"
#include "input/email_address.hpp"
#include "input/identifiers.hpp"
#include "input/input_file.hpp"
#include "json/fields.hpp"
#include "json/locator.hpp"
#include "json/parse.hpp"
#include "model/territory.hpp"
#include "text/utf8.hpp"

namespace aap {

namespace {

using json::ObjectReader;
using json::Presence;
using json::in_guillemets;

Signatory read_signatory(ObjectReader r) {
  Signatory out;
  out.civility = r.text("civility").value_or("");
  out.name = r.text("name").value_or("");
  out.title = r.text("title").value_or("");
  r.reject_unknown();
  return out;
}

Contact read_contact(ObjectReader r) {
  Contact out;
  out.name = r.text("name").value_or("");
  out.email = r.text("email").value_or("");
  out.phone = r.text("phone", Presence::optional);
  // The contact signs the e-mails sent with the letters (From:): it must be an address.
  if (!out.email.empty() && !input::is_valid_email(out.email))
    r.report().error(r.field("email"), in_guillemets(out.email) + " n’est pas une adresse électronique valide");
  r.reject_unknown();
  return out;
}

// @ctes writes the département on three characters: 001 to 095, 02A and 02B for Corsica, 971 to 989
// overseas (within the ACTES schema's pattern: 0 or 9, a digit, then a digit, A or B).
bool is_actes_departement(const std::string& d) {
  if (d == "02A" || d == "02B") return true;
  if (d.size() != 3) return false;
  for (char c : d)
    if (c < '0' || c > '9') return false;
  const int n = std::stoi(d);
  return (n >= 1 && n <= 95) || (n >= 971 && n <= 989);
}

Authority read_authority(ObjectReader r) {
  Authority out;
  out.name = r.text("name").value_or("");
  out.council = r.text("council").value_or("");
  out.service = r.text("service").value_or("");
  out.address = r.texts("address", 1).value_or(std::vector<std::string>{});
  out.city = r.text("city").value_or("");
  if (auto s = r.object("signatory")) out.signatory = read_signatory(*s);
  if (auto c = r.object("contact")) out.contact = read_contact(*c);
  // Optional: the grantor's SIRET, published as idAttribuant in the open data (SCDL subventions).
  if (auto siret = r.text("siret", Presence::optional)) {
    if (auto problem = input::siret_problem(*siret)) {
      r.report().error(r.field("siret"), in_guillemets(*siret) + " " + *problem);
    } else {
      out.siret = *siret;
    }
  }
  // Optional: the département as @ctes writes it in the transmission's file names.
  if (auto departement = r.text("departement", Presence::optional)) {
    if (is_actes_departement(*departement)) {
      out.departement = *departement;
    } else {
      r.report().error(r.field("departement"),
                       in_guillemets(*departement) + " n’est pas un département @ctes (trois caractères : 013 pour "
                                                     "les Bouches-du-Rhône, 02A ou 02B pour la Corse, 974 pour La Réunion)");
    }
  }
  r.reject_unknown();
  return out;
}

// published_on < deadline < council_session ≤ documents_date. Each date is checked against the
// one before it that was given, and the message names both fields with their dates.
void check_calendar_order(ObjectReader& r, const std::optional<Date>& published, const std::optional<Date>& deadline,
                          const std::optional<Date>& council, const std::optional<Date>& documents) {
  struct Step {
    const char* field;
    const char* what;
    const std::optional<Date>& date;
  };
  const Step steps[] = {{"published_on", "la publication de l’appel", published},
                        {"deadline", "la date limite de dépôt", deadline},
                        {"council_session", "la séance du conseil", council},
                        {"documents_date", "la date des courriers", documents}};
  const Step* previous = nullptr;
  for (const Step& step : steps) {
    if (!step.date) continue;
    if (previous) {
      // The documents may be dated the day of the session; every other step comes strictly after.
      const bool same_day_allowed = std::string_view(step.field) == "documents_date";
      const bool wrong = same_day_allowed ? *step.date < *previous->date : !(*previous->date < *step.date);
      if (wrong) {
        r.report().error(r.field(step.field),
                         std::string(step.what) + " (" + step.date->iso() + ") " +
                             (same_day_allowed ? "ne peut pas précéder " : "doit être postérieure à ") +
                             previous->what + " (calendar." + previous->field + ", " + previous->date->iso() +
                             ") ; ordre attendu : publication < date limite < séance ≤ date des courriers");
      }
    }
    previous = &step;
  }
}

Calendar read_calendar(ObjectReader r) {
  Calendar out;
  const auto published = r.date("published_on");
  const auto deadline = r.date("deadline");
  const auto council = r.date("council_session");
  out.documents_date = r.date("documents_date", Presence::optional);
  r.reject_unknown();
  check_calendar_order(r, published, deadline, council, out.documents_date);
  out.published_on = published.value_or(Date{});
  out.deadline = deadline.value_or(Date{});
  out.council_session = council.value_or(Date{});
  return out;
}

Criteria read_criteria(ObjectReader r) {
  Criteria out;
  if (auto n = r.count("min_low_qualified_job_seekers_per_session")) out.min_low_qualified_job_seekers_per_session = *n;
  if (auto p = r.percent("min_women_percent")) out.min_women_percent = *p;
  if (auto p = r.percent("low_qualification_target_percent")) out.low_qualification_target_percent = *p;
  if (auto p = r.percent("qpv_residents_target_percent")) out.qpv_residents_target_percent = *p;
  if (auto p = r.percent("significant_plie_percent")) out.significant_plie_percent = *p;
  if (auto n = r.count("min_employer_partners")) out.min_employer_partners = *n;
  if (auto t = r.text("priority_territory")) {
    if (is_known_territory(*t)) {
      out.priority_territory = *t;
    } else {
      r.report().error(r.field("priority_territory"),
                       in_guillemets(*t) + " n’est pas un territoire connu (" + territory_keys_listed() + ")");
    }
  }
  r.reject_unknown();
  return out;
}

Scoring read_scoring(ObjectReader r) {
  Scoring out;
  if (auto n = r.count("qpv_site")) out.qpv_site = *n;
  if (auto n = r.count("qpv_residents")) out.qpv_residents = *n;
  if (auto n = r.count("plie")) out.plie = *n;
  if (auto n = r.count("partnership_each")) out.partnership_each = *n;
  if (auto n = r.count("employers")) out.employers = *n;
  if (auto n = r.count("low_qualification")) out.low_qualification = *n;
  r.reject_unknown();
  return out;
}

AllocationRules read_allocation(ObjectReader r) {
  AllocationRules out;
  if (auto policy = r.text("policy")) {
    if (*policy == "priority") {
      out.policy = Policy::priority;
    } else if (*policy == "proportional") {
      out.policy = Policy::proportional;
    } else {
      r.report().error(r.field("policy"), in_guillemets(*policy) + " n’est pas une règle de répartition connue "
                                                            "(priority ou proportional)");
    }
  }
  out.max_per_dossier = r.money("max_per_dossier", Presence::optional);
  out.max_per_trainee = r.money("max_per_trainee", Presence::optional);
  out.max_cost_share_percent = r.percent("max_cost_share_percent", Presence::optional);
  out.min_grant = r.money("min_grant", Presence::optional);
  if (auto rounding = r.text("rounding", Presence::optional)) {
    if (*rounding == "euro") {
      out.rounding = Rounding::euro;
    } else if (*rounding == "cent") {
      out.rounding = Rounding::cent;
    } else {
      r.report().error(r.field("rounding"), in_guillemets(*rounding) + " n’est pas un arrondi connu (euro ou cent)");
    }
  }
  r.reject_unknown();
  return out;
}

Budget read_budget(ObjectReader r) {
  Budget out;
  out.chapter = r.text("chapter", Presence::optional);
  out.account = r.text("account", Presence::optional);
  out.function = r.text("function", Presence::optional);
  out.operation = r.text("operation", Presence::optional);
  r.reject_unknown();
  return out;
}

// "7.5" → {7, 5}: two to five levels (ACTES CodeMatiere1 to CodeMatiere5, the first two required by its
// schema), each a number from 1 to 99.
std::optional<std::vector<int>> parse_matiere(std::string_view code) {
  std::vector<int> levels;
  std::size_t start = 0;
  while (true) {
    const auto dot = code.find('.', start);
    const std::string_view level = code.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (level.empty() || level.size() > 2 || level.front() == '0') return std::nullopt;
    int value = 0;
    for (char ch : level) {
      if (ch < '0' || ch > '9') return std::nullopt;
      value = value * 10 + (ch - '0');
    }
    levels.push_back(value);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (levels.size() < 2 || levels.size() > 5) return std::nullopt;
  return levels;
}

ActesClassification read_classification(ObjectReader r) {
  ActesClassification out;
  if (auto matiere = r.text("matiere", Presence::optional)) {
    if (auto levels = parse_matiere(*matiere)) {
      out.matiere = *levels;
    } else {
      r.report().error(r.field("matiere"), in_guillemets(*matiere) + " n’est pas un code matière @ctes (de 2 à 5 "
                                                                "nombres séparés par des points, par exemple 7.5)");
    }
  }
  out.version_date = r.date("version_date", Presence::optional);
  r.reject_unknown();
  return out;
}

DeliberationInfo read_deliberation(ObjectReader r) {
  DeliberationInfo out;
  out.number = r.text("number", Presence::optional);
  // The number goes to the préfecture as the act's @ctes internal number: refused now when it cannot.
  if (out.number) {
    const input::ActesNumber reduced = input::reduce_actes_number(*out.number);
    if (!reduced.ok()) r.report().error(r.field("number"), in_guillemets(*out.number) + " " + reduced.problem);
  }
  out.commission = r.text("commission", Presence::optional);
  if (auto rap = r.object("rapporteur", Presence::optional)) {
    out.rapporteur.civility = rap->text("civility", Presence::optional);
    out.rapporteur.name = rap->text("name", Presence::optional);
    rap->reject_unknown();
  }
  out.framework = r.text("framework", Presence::optional);
  out.delegation = r.text("delegation", Presence::optional);
  out.convention_model = r.text("convention_model", Presence::optional);
  if (auto cl = r.object("classification", Presence::optional)) out.classification = read_classification(*cl);
  r.reject_unknown();
  return out;
}

Submission read_submission(ObjectReader r) {
  Submission out;
  out.platform = r.text("platform", Presence::optional);
  out.postal_address = r.texts("postal_address", 1, Presence::optional).value_or(std::vector<std::string>{});
  out.format = r.text("format", Presence::optional);
  r.reject_unknown();
  return out;
}

}  // namespace

std::optional<Campaign> parse_campaign(std::string_view text, const std::string& display_name, Diagnostics& diags) {
  const std::string clean = text::strip_bom(text);
  const auto doc = json::parse_json(clean, display_name, diags);
  if (!doc) return std::nullopt;
  const json::JsonLocator locator(clean);
  json::Report report(display_name, locator);
  for (const auto& dup : locator.duplicates()) report.error_at(dup.line, dup.path, "champ écrit deux fois");

  Campaign c;
  if (!doc->root().is_object()) {
    report.error("", "le fichier doit contenir un objet JSON (trouvé : " + json::describe(doc->root()) + ")");
  } else {
    ObjectReader r(doc->root(), "", report);
    c.id = r.text("id").value_or("");
    c.title = r.text("title").value_or("");
    if (auto a = r.object("authority")) c.authority = read_authority(*a);
    if (auto envelope = r.money("envelope")) {
      if (envelope->cents() == 0) {
        report.error("envelope", "l’enveloppe doit être supérieure à 0");
      }
      c.envelope = *envelope;
    }
    if (auto cal = r.object("calendar")) c.calendar = read_calendar(*cal);
    if (auto cr = r.object("criteria")) c.criteria = read_criteria(*cr);
    if (auto s = r.object("scoring")) c.scoring = read_scoring(*s);
    if (auto al = r.object("allocation")) c.allocation = read_allocation(*al);
    if (auto b = r.object("budget", Presence::optional)) c.budget = read_budget(*b);
    if (auto d = r.object("deliberation", Presence::optional)) c.deliberation = read_deliberation(*d);
    if (auto s = r.object("submission", Presence::optional)) c.submission = read_submission(*s);
    r.reject_unknown();
  }
  const bool ok = report.ok();
  for (auto& diag : report.take_sorted()) diags.push_back(std::move(diag));
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Campaign> read_campaign(const std::filesystem::path& file, Diagnostics& diags, std::string* sha256) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    diags.push_back(Diagnostic{file.string(), 0, "", "est un dossier, pas un fichier de campagne"});
    return std::nullopt;
  }
  const input::InputFile read = input::read_input_file(file, input::kMaxCampaignBytes, input::kCampaignLimitScope);
  if (!read.ok()) {
    diags.push_back(Diagnostic{file.string(), 0, "", read.missing ? "fichier introuvable ou illisible" : read.problem});
    return std::nullopt;
  }
  if (sha256 != nullptr) *sha256 = read.sha256;
  return parse_campaign(read.bytes, file.string(), diags);
}

}  // namespace aap
