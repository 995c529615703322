// A dossier as the instructors recorded it: the association, the training, its sessions, the budget.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/money.hpp"

namespace aap {

struct Representative {
  std::string civility;  // "Madame", "Monsieur"
  std::string first_name;
  std::string last_name;
  std::string role;  // "Présidente", "Directeur"…
};

struct PostalAddress {
  std::vector<std::string> lines;
  std::string postal_code;
  std::string city;
};

struct Association {
  std::string name;
  std::string siret;
  std::optional<std::string> rna;
  Representative representative;
  PostalAddress address;
  std::optional<std::string> email;
  // The name the association uses for itself when its full name does not fit the envelope's window.
  std::optional<std::string> short_name;
};

struct GenLabel {
  std::string number;
  Date valid_until;
};

struct Site {
  std::optional<std::string> address;
  std::string postal_code;
  std::string city;
  std::string insee_code;
  std::optional<std::string> qpv_code;  // null: the site is outside the QPV
};

struct Session {
  std::optional<std::string> label;
  Date start;
  Date end;
  int trainees = 0;
  int women = 0;
  int low_qualified_job_seekers = 0;
  int bac_or_below = 0;
  int qpv_residents = 0;
  int veille_active_residents = 0;
  int plie_followed = 0;
};

struct Training {
  std::string title;
  std::optional<GenLabel> gen_label;  // null: the training has no GEN label
  bool free_of_charge = false;
  Site site;
  std::vector<Session> sessions;
};

struct Partnerships {
  bool politique_de_la_ville = false;
  bool emploi_insertion = false;
  bool esr = false;
};

struct DossierBudget {
  Money total_cost;
  Money requested;
};

struct Instruction {
  std::optional<std::string> instructor;
  std::optional<std::string> notes;
};

struct Dossier {
  std::string id;
  Date received_on;
  Association association;
  Training training;
  Partnerships partnerships;
  std::vector<std::string> employer_partners;
  DossierBudget budget;
  std::optional<Instruction> instruction;

  std::string source_file;  // the file it was read from, for messages
};

}  // namespace aap
