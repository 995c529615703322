// Builds N synthetic dossiers and their evaluation in memory, then writes annexes.xlsx, timing each step.
// usage: annexes_bench [N=100000] [FILE=annexes-bench.xlsx]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <string>

#include "model/campaign.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"
#include "render/xlsx/annexes.hpp"

namespace {

// Peak resident memory so far (VmHWM), in MB, to tell the model's share from the writer's.
long peak_mb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) / 1024;
  }
  return -1;
}

// CPU time of the process (user + system): on a loaded machine it says more than the wall clock.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto s = [](timeval t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return s(usage.ru_utime) + s(usage.ru_stime);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

aap::Campaign campaign(int count) {
  aap::Campaign c;
  c.id = "AAP-BENCH";
  c.title = "Appel à projets synthétique — banc d'essai des annexes";
  c.authority.name = "Métropole Aix-Marseille-Provence";
  c.envelope = aap::Money::from_euros(static_cast<std::int64_t>(count) * 12000);  // about 60 % funded
  c.calendar = {{2026, 12, 1}, {2027, 1, 31}, {2027, 3, 12}, aap::Date{2027, 3, 20}};
  c.allocation.max_per_dossier = aap::Money::from_euros(40000);
  c.budget = {"65", "6574", "90", "GEN-2027"};
  return c;
}

void add(int i, std::deque<aap::Dossier>& dossiers, aap::Evaluation& evaluation, aap::Money& remaining) {
  char id[16];
  std::snprintf(id, sizeof id, "B-%06d", i);
  aap::Dossier& d = dossiers.emplace_back();
  d.id = id;
  d.association.name = "Association numérique solidaire n° " + std::to_string(i);
  d.association.siret = "35600000000048";
  d.association.rna = "W133012345";
  d.training.title = "Développeur web et web mobile";
  for (int s = 0; s <= i % 3; ++s) {
    aap::Session session;
    session.label = "Session " + std::to_string(s + 1);
    session.start = {2027, 9, 6};
    session.end = {2028, 3, 31};
    session.trainees = 12 + i % 5;
    session.women = 3 + i % 6;
    session.low_qualified_job_seekers = 10;
    session.bac_or_below = 9;
    session.qpv_residents = 5;
    session.veille_active_residents = 1;
    session.plie_followed = 2;
    d.training.sessions.push_back(session);
  }
  d.budget.total_cost = aap::Money::from_euros(60000);
  d.budget.requested = aap::Money::from_euros(15000 + (i % 40) * 500);

  aap::DossierEvaluation& e = evaluation.dossiers.emplace_back();
  e.dossier = &d;
  for (const aap::Session& s : d.training.sessions) {
    e.totals.trainees += s.trainees;
    e.totals.women += s.women;
  }
  e.eligible = i % 10 != 9;
  for (const char* code : {"GEN-LABEL", "GEN-FREE", "GEN-SESSION-SIZE", "GEN-WOMEN", "CT-METROPOLE"}) {
    e.criteria.push_back({code, "", true, e.eligible, 0, 0, "", ""});
  }
  for (const char* code : {"PRIO-QPV-SITE", "CT-QPV-RESIDENTS", "CT-PLIE", "CT-PARTNERSHIP", "CT-EMPLOYERS",
                           "GEN-LOW-QUALIFICATION"}) {
    e.criteria.push_back({code, "", false, true, 10, 10, "", ""});
    e.score += 10;
  }
  e.territory = "marseille-provence";
  e.commune = "Marseille";
  e.qpv_site = i % 2 == 0;
  if (!e.eligible) return;
  e.tier = 1;
  e.rank = static_cast<int>(evaluation.dossiers.size());
  e.cap = d.budget.requested;
  e.grant = std::min(*e.cap, remaining);
  remaining -= e.grant;
  e.decision = e.grant == *e.cap        ? aap::Decision::funded
               : e.grant > aap::Money() ? aap::Decision::partially_funded
                                        : aap::Decision::not_funded;
  evaluation.allocated += e.grant;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
  const std::string file = argc > 2 ? argv[2] : "annexes-bench.xlsx";

  const auto start = std::chrono::steady_clock::now();
  const aap::Campaign c = campaign(count);
  std::deque<aap::Dossier> dossiers;
  aap::Evaluation evaluation;
  evaluation.campaign_id = c.id;
  evaluation.envelope = c.envelope;
  aap::Money remaining = c.envelope;
  // Eligible ones first, as evaluation.dossiers is ordered (by rank, then the ineligible by id).
  for (int i = 0; i < count; ++i) {
    if (i % 10 != 9) add(i, dossiers, evaluation, remaining);
  }
  for (int i = 9; i < count; i += 10) add(i, dossiers, evaluation, remaining);
  evaluation.remaining = remaining;
  const double build_s = seconds_since(start);
  const double build_cpu_s = cpu_seconds();
  const long model_mb = peak_mb();

  const auto write_start = std::chrono::steady_clock::now();
  aap::write_annexes(file, c, evaluation, {2027, 3, 20});
  const double write_s = seconds_since(write_start);
  const double write_cpu_s = cpu_seconds() - build_cpu_s;

  std::size_t sessions = 0;
  for (const aap::Dossier& d : dossiers) sessions += d.training.sessions.size();
  std::printf("dossiers: %d, sessions: %zu, grants: %zu + %zu\n", count, sessions,
              evaluation.count(aap::Decision::funded), evaluation.count(aap::Decision::partially_funded));
  std::printf("model built in %.2f s (%.2f s CPU), peak %ld MB\n", build_s, build_cpu_s, model_mb);
  std::printf("annexes written in %.2f s (%.2f s CPU), peak %ld MB (writer's share: %ld MB)\n", write_s,
              write_cpu_s, peak_mb(), peak_mb() - model_mb);
  return 0;
}
