// The campaign: the authority, the envelope, the calendar, the criteria and the allocation rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/money.hpp"
#include "model/percent.hpp"

namespace aap {

struct Signatory {
  std::string civility;  // "Monsieur", "Madame"
  std::string name;
  std::string title;
};

struct Contact {
  std::string name;
  std::string email;
  std::optional<std::string> phone;
};

struct Authority {
  std::string name;
  std::string council;
  std::string service;
  std::vector<std::string> address;
  std::string city;
  Signatory signatory;
  Contact contact;
  std::optional<std::string> siret;  // the grantor's, for open data (SCDL idAttribuant) and @ctes (SIREN)
  // The authority's département for @ctes, on three characters ("013", "02A"): the first part of the
  // transmission's file names.
  std::optional<std::string> departement;
};

struct Calendar {
  Date published_on;
  Date deadline;
  Date council_session;
  std::optional<Date> documents_date;
};

struct Criteria {
  int min_low_qualified_job_seekers_per_session = 10;
  Percent min_women_percent = Percent::from_whole(30);
  Percent low_qualification_target_percent = Percent::from_whole(80);
  Percent qpv_residents_target_percent = Percent::from_whole(50);
  Percent significant_plie_percent = Percent::from_whole(20);
  int min_employer_partners = 3;
  std::string priority_territory = "marseille-provence";
};

struct Scoring {
  int qpv_site = 30;
  int qpv_residents = 20;
  int plie = 15;
  int partnership_each = 5;
  int employers = 10;
  int low_qualification = 10;
};

enum class Policy { priority, proportional };
enum class Rounding { euro, cent };

struct AllocationRules {
  Policy policy = Policy::priority;
  std::optional<Money> max_per_dossier;
  std::optional<Money> max_per_trainee;
  std::optional<Percent> max_cost_share_percent;
  std::optional<Money> min_grant;
  Rounding rounding = Rounding::euro;
};

/// Budget imputation; fields left out print as blanks to fill.
struct Budget {
  std::optional<std::string> chapter;
  std::optional<std::string> account;
  std::optional<std::string> function;
  std::optional<std::string> operation;
};

struct Rapporteur {
  std::optional<std::string> civility;
  std::optional<std::string> name;
};

/// Where the préfecture files the act (@ctes classification): the matière codes by level, 7.5 being
/// « Finances locales / Subventions », and the date of the classification version they come from.
struct ActesClassification {
  std::vector<int> matiere{7, 5};
  std::optional<Date> version_date;
};

struct DeliberationInfo {
  std::optional<std::string> number;
  std::optional<std::string> commission;
  Rapporteur rapporteur;
  std::optional<std::string> framework;
  // The act by which the Conseil de la Métropole delegated this power to the Conseil de Territoire: the
  // Conseil de Territoire decides only by that delegation, so the act cites it in its visas.
  std::optional<std::string> delegation;
  // The model the conventions above 23 000 € follow (the act approves them with their model).
  std::optional<std::string> convention_model;
  ActesClassification classification;
};

/// How and where applicants send their dossier, printed in the notice.
struct Submission {
  std::optional<std::string> platform;      // an online platform's address
  std::vector<std::string> postal_address;  // or a postal address, line by line
  std::optional<std::string> format;        // the form expected (files, formats, copies)
};

struct Campaign {
  std::string id;
  std::string title;
  Authority authority;
  Money envelope;
  Calendar calendar;
  Criteria criteria;
  Scoring scoring;
  AllocationRules allocation;
  Budget budget;
  DeliberationInfo deliberation;
  Submission submission;
};

}  // namespace aap
