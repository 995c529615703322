#!/usr/bin/env python3
"""Independent reference implementation of the criteria and the allocation, to cross-check the evaluation.json written by `aap run`.

Usage:
  oracle.py CAMPAIGN DOSSIERS_DIR COMMUNES_CSV EVALUATION_JSON   compare; exit 1 on any mismatch
  oracle.py --print CAMPAIGN DOSSIERS_DIR COMMUNES_CSV           print the computed table

Only the standard library; amounts, percentages and ratios are integers or fractions.Fraction,
never floating point (JSON numbers are parsed straight into Fraction from their text).
The inputs are assumed valid (the C++ side validates); --print also reports the few §3.4 rules
that matter for designing fixtures (counts, amounts, SIRET checksum) as warnings.
"""

import csv
import json
import os
import re
import sys
from fractions import Fraction

ELIGIBILITY_CODES = ["GEN-LABEL", "GEN-FREE", "GEN-SESSION-SIZE", "GEN-WOMEN", "CT-METROPOLE"]
SCORING_CODES = ["PRIO-QPV-SITE", "CT-QPV-RESIDENTS", "CT-PLIE", "CT-PARTNERSHIP", "CT-EMPLOYERS",
                 "GEN-LOW-QUALIFICATION"]


def load_json(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    # Floats become exact fractions of their decimal text: 30000.50 → Fraction(3000050, 100).
    return json.loads(raw.decode("utf-8"), parse_float=Fraction, parse_int=int)


def cents(value):
    """An amount (JSON number or string with a dot) as an exact count of cents (a Fraction, integral when valid)."""
    if isinstance(value, bool):
        raise ValueError("montant booléen")
    if isinstance(value, str):
        if not re.fullmatch(r"\d+(\.\d{1,2})?", value):
            raise ValueError("montant mal formé : %r" % value)
        value = Fraction(value)
    amount = Fraction(value) * 100
    if amount.denominator != 1:
        raise ValueError("plus de deux décimales : %r" % value)
    return int(amount)


def percent(value):
    """A percentage as an exact Fraction (30 → 30, "33.33" → 3333/100)."""
    return Fraction(value) if not isinstance(value, str) else Fraction(value)


def load_communes(path):
    table = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = next(reader)
        assert header[:3] == ["insee_code", "name", "territory"], header
        for row in reader:
            if row:
                table[row[0]] = (row[1], row[2])
    return table


def find_commune(table, insee):
    if re.fullmatch(r"132(0[1-9]|1[0-6])", insee):
        insee = "13055"
    return table.get(insee)


def load_dossiers(path):
    files = [path] if os.path.isfile(path) else sorted(
        os.path.join(path, n) for n in os.listdir(path) if n.endswith(".json"))
    dossiers = []
    for file in files:
        data = load_json(file)
        for d in data if isinstance(data, list) else [data]:
            d["_file"] = file
            dossiers.append(d)
    return dossiers


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def siret_ok(siret):
    if not re.fullmatch(r"\d{14}", siret):
        return False
    if siret.startswith("356000000"):
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_ok(siret)


def warnings_for(d):
    """The §3.4 rules most easily broken while writing fixtures by hand."""
    out = []
    a, t, b = d["association"], d["training"], d["budget"]
    if not siret_ok(a["siret"]):
        out.append("SIRET invalide %s" % a["siret"])
    if not re.fullmatch(r"\d{5}", a["address"]["postal_code"]) or not re.fullmatch(r"\d{5}", t["site"]["postal_code"]):
        out.append("code postal")
    if not re.fullmatch(r"\d{5}|2[AB]\d{3}", t["site"]["insee_code"]):
        out.append("code INSEE")
    q = t["site"].get("qpv_code")
    if q is not None and not re.fullmatch(r"Q[PN]\d{3}[0-9A-Z]{3}", q):
        out.append("code QPV %s" % q)
    if not t["sessions"]:
        out.append("aucune session")
    for i, s in enumerate(t["sessions"]):
        n = s["trainees"]
        if n < 1:
            out.append("sessions[%d] trainees < 1" % i)
        for k in ("women", "low_qualified_job_seekers", "bac_or_below", "plie_followed"):
            if not 0 <= s[k] <= n:
                out.append("sessions[%d].%s hors de 0..%d" % (i, k, n))
        if s["qpv_residents"] + s["veille_active_residents"] > n:
            out.append("sessions[%d] qpv+veille > trainees" % i)
        if s["end"] < s["start"]:
            out.append("sessions[%d] end < start" % i)
    if not 0 < cents(b["requested"]) <= cents(b["total_cost"]):
        out.append("requested hors de ]0, total_cost]")
    return out


def floor_to(amount, unit):
    return (amount // unit) * unit


def evaluate(campaign, dossiers, communes):
    crit, weights, alloc = campaign["criteria"], campaign["scoring"], campaign["allocation"]
    deadline = campaign["calendar"]["deadline"]
    unit = 100 if alloc.get("rounding", "euro") == "euro" else 1
    results = []
    for d in dossiers:
        t = d["training"]
        sessions = t["sessions"]
        T = sum(s["trainees"] for s in sessions)
        W = sum(s["women"] for s in sessions)
        B = sum(s["bac_or_below"] for s in sessions)
        Q = sum(s["qpv_residents"] + s["veille_active_residents"] for s in sessions)
        P = sum(s["plie_followed"] for s in sessions)
        commune = find_commune(communes, t["site"]["insee_code"])
        territory = commune[1] if commune else None
        label = t.get("gen_label")
        passed = {
            "GEN-LABEL": label is not None and label["valid_until"] >= deadline,
            "GEN-FREE": t["free_of_charge"] is True,
            "GEN-SESSION-SIZE": all(s["low_qualified_job_seekers"] >= crit["min_low_qualified_job_seekers_per_session"]
                                    for s in sessions),
            "GEN-WOMEN": 100 * W >= percent(crit["min_women_percent"]) * T,
            "CT-METROPOLE": commune is not None,
        }
        # §3.5: received after the deadline (ISO dates compare as text) is irrecevable, criteria still computed.
        admissible = d["received_on"] <= deadline
        eligible = admissible and all(passed.values())
        qpv_site = t["site"].get("qpv_code") is not None
        partnerships = d["partnerships"]
        n_partnerships = sum(1 for k in ("politique_de_la_ville", "emploi_insertion", "esr") if partnerships[k] is True)
        holds = {
            "PRIO-QPV-SITE": qpv_site,
            "CT-QPV-RESIDENTS": 100 * Q >= percent(crit["qpv_residents_target_percent"]) * T,
            "CT-PLIE": 100 * P >= percent(crit["significant_plie_percent"]) * T,
            "CT-EMPLOYERS": len(d["employer_partners"]) >= crit["min_employer_partners"],
            "GEN-LOW-QUALIFICATION": 100 * B >= percent(crit["low_qualification_target_percent"]) * T,
        }
        weight_of = {"PRIO-QPV-SITE": "qpv_site", "CT-QPV-RESIDENTS": "qpv_residents", "CT-PLIE": "plie",
                     "CT-EMPLOYERS": "employers", "GEN-LOW-QUALIFICATION": "low_qualification"}
        points = {code: weights[weight_of[code]] if holds[code] else 0 for code in holds}
        points["CT-PARTNERSHIP"] = weights["partnership_each"] * n_partnerships
        score = sum(points.values())
        tier = cap = None
        if eligible:
            tier = 1 if territory == crit["priority_territory"] else 2
            requested = cents(d["budget"]["requested"])
            bounds = [Fraction(requested)]
            if "max_per_dossier" in alloc:
                bounds.append(Fraction(cents(alloc["max_per_dossier"])))
            if "max_per_trainee" in alloc:
                bounds.append(Fraction(cents(alloc["max_per_trainee"]) * T))
            if "max_cost_share_percent" in alloc:
                bounds.append(percent(alloc["max_cost_share_percent"]) * cents(d["budget"]["total_cost"]) / 100)
            # A cost share can leave a fraction of a cent: never pay more than the bound, so round down.
            cap = int(floor_to(min(bounds), unit))
        results.append({
            "id": d["id"], "association": d["association"]["name"], "file": d["_file"],
            "commune": commune[0] if commune else None, "insee": t["site"]["insee_code"],
            "received_on": d["received_on"], "T": T, "W": W, "B": B, "Q": Q, "P": P,
            "passed": passed, "holds": holds, "points": points, "eligible": eligible, "tier": tier,
            "territory": territory, "qpv_site": qpv_site, "score": score, "rank": None,
            "cap_cents": cap, "grant_cents": 0, "decision": "ineligible" if admissible else "inadmissible",
            "requested_cents": cents(d["budget"]["requested"]), "shortfall": None, "available_cents": None,
        })

    ranked = sorted((r for r in results if r["eligible"]),
                    key=lambda r: (r["tier"], not r["qpv_site"], -r["score"], r["received_on"], r["id"]))
    for i, r in enumerate(ranked, start=1):
        r["rank"] = i

    envelope = cents(campaign["envelope"])
    remaining = envelope
    if alloc["policy"] == "priority":
        min_grant = cents(alloc["min_grant"]) if "min_grant" in alloc else 0
        for r in ranked:
            grant = floor_to(min(r["cap_cents"], remaining), unit)
            if grant < r["cap_cents"] and grant < min_grant:
                grant = 0
            r["grant_cents"] = grant
            r["available_cents"] = remaining
            if grant < r["cap_cents"]:
                # §5: nothing when less than a unit was left; nothing either when min_grant refused the rest.
                r["shortfall"] = ("envelope_exhausted" if remaining < unit
                                  else "below_min_grant" if grant == 0 else "balance")
            remaining -= grant
    elif alloc["policy"] == "proportional":
        for tier in sorted({r["tier"] for r in ranked}):
            group = [r for r in ranked if r["tier"] == tier]
            total_caps = sum(r["cap_cents"] for r in group)
            for r in group:
                r["available_cents"] = remaining
            if total_caps <= remaining:
                for r in group:
                    r["grant_cents"] = r["cap_cents"]
            elif total_caps > 0:
                shares = []
                for order, r in enumerate(group):
                    exact = Fraction(r["cap_cents"] * remaining, total_caps)
                    base = int(floor_to(exact, unit))
                    r["grant_cents"] = base
                    shares.append((exact - base, order, r))
                left_units = (remaining - sum(r["grant_cents"] for r in group)) // unit
                # Largest remainders first, ties in priority order; a unit never lifts a grant above its cap.
                for _, _, r in sorted(shares, key=lambda s: (-s[0], s[1])):
                    if left_units <= 0:
                        break
                    if r["grant_cents"] + unit <= r["cap_cents"]:
                        r["grant_cents"] += unit
                        left_units -= 1
                for r in group:
                    if r["grant_cents"] < r["cap_cents"]:
                        r["shortfall"] = "envelope_exhausted" if remaining < unit else "pro_rata"
            remaining -= sum(r["grant_cents"] for r in group)
    else:
        raise ValueError("politique inconnue : %r" % alloc["policy"])

    for r in ranked:
        if r["grant_cents"] == 0:
            r["decision"] = "not_funded"
        elif r["grant_cents"] == r["cap_cents"]:
            r["decision"] = "funded"
        else:
            r["decision"] = "partially_funded"

    # The ineligible by id, then the inadmissible by id.
    ineligible = sorted((r for r in results if not r["eligible"]),
                        key=lambda r: (r["decision"] == "inadmissible", r["id"]))
    allocated = sum(r["grant_cents"] for r in ranked)
    assert allocated <= envelope
    return {"campaign": campaign["id"], "envelope_cents": envelope, "allocated_cents": allocated,
            "remaining_cents": envelope - allocated, "dossiers": ranked + ineligible}


COMPARED_FIELDS = ["eligible", "tier", "territory", "qpv_site", "score", "rank", "cap_cents", "grant_cents", "decision",
                   "shortfall", "available_cents"]


def euros(c):
    if c is None:
        return "-"
    return "%d,%02d" % (c // 100, c % 100) if c % 100 else "%d" % (c // 100)


def print_table(expected, dossiers):
    by_id = {d["id"]: d for d in dossiers}
    print("%-9s %-4s %-4s %-3s %-5s %-3s %-5s %-27s %-24s %10s %10s %10s  %-16s %s" % (
        "id", "rang", "tier", "qpv", "score", "T", "W%", "échecs", "commune", "demandé", "plafond", "subvention",
        "décision", "reçu le"))
    for r in expected["dossiers"]:
        failed = ",".join(c for c in ELIGIBILITY_CODES if not r["passed"][c])
        women = "%d" % (100 * r["W"] // r["T"]) if r["T"] else "-"
        print("%-9s %-4s %-4s %-3s %-5d %-3d %-5s %-27s %-24s %10s %10s %10s  %-16s %s" % (
            r["id"], r["rank"] or "-", r["tier"] or "-", "oui" if r["qpv_site"] else "non", r["score"], r["T"],
            women, failed or "-", (r["commune"] or "hors Métropole (%s)" % r["insee"])[:24],
            euros(r["requested_cents"]), euros(r["cap_cents"]), euros(r["grant_cents"]), r["decision"],
            r["received_on"]))
        for w in warnings_for(by_id[r["id"]]):
            print("    ATTENTION %s : %s" % (r["id"], w))
    print("enveloppe %s, attribué %s, reste %s" % (
        euros(expected["envelope_cents"]), euros(expected["allocated_cents"]), euros(expected["remaining_cents"])))
    counts = {}
    for r in expected["dossiers"]:
        counts[r["decision"]] = counts.get(r["decision"], 0) + 1
    print(", ".join("%s : %d" % kv for kv in sorted(counts.items())))


def compare(expected, actual):
    problems = []
    for key in ("campaign", "envelope_cents", "allocated_cents", "remaining_cents"):
        if actual.get(key) != expected[key]:
            problems.append("%s : attendu %r, obtenu %r" % (key, expected[key], actual.get(key)))
    actual_list = actual.get("dossiers", [])
    actual_ids = [d.get("id") for d in actual_list]
    expected_ids = [d["id"] for d in expected["dossiers"]]
    if actual_ids != expected_ids:
        problems.append("ordre des dossiers : attendu %s, obtenu %s" % (" ".join(expected_ids), " ".join(map(str, actual_ids))))
    by_id = {d.get("id"): d for d in actual_list}
    for e in expected["dossiers"]:
        a = by_id.get(e["id"])
        if a is None:
            problems.append("%s : absent de evaluation.json" % e["id"])
            continue
        for field in COMPARED_FIELDS:
            if field not in a:
                problems.append("%s.%s : champ absent (attendu %r)" % (e["id"], field, e[field]))
            elif a[field] != e[field] or type(a[field]) is not type(e[field]):
                problems.append("%s.%s : attendu %r, obtenu %r" % (e["id"], field, e[field], a[field]))
        codes = [c.get("code") for c in a.get("criteria", [])]
        missing = [c for c in ELIGIBILITY_CODES + SCORING_CODES if c not in codes]
        if missing:
            problems.append("%s.criteria : codes absents %s" % (e["id"], ", ".join(missing)))
        for c in a.get("criteria", []):
            code = c.get("code")
            if code in e["passed"] and c.get("passed") is not e["passed"][code]:
                problems.append("%s.criteria[%s].passed : attendu %r, obtenu %r" % (e["id"], code, e["passed"][code], c.get("passed")))
            # CT-PARTNERSHIP is left out: "passed" is a matter of presentation when one of three partnerships holds.
            if code in e["holds"] and c.get("passed") is not e["holds"][code]:
                problems.append("%s.criteria[%s].passed : attendu %r, obtenu %r" % (e["id"], code, e["holds"][code], c.get("passed")))
    for extra in sorted(set(by_id) - set(expected_ids), key=str):
        problems.append("%s : dossier inattendu dans evaluation.json" % extra)
    return problems


def main(argv):
    if len(argv) == 4 and argv[0] == "--print":
        campaign, dossiers, communes = load_json(argv[1]), load_dossiers(argv[2]), load_communes(argv[3])
        print_table(evaluate(campaign, dossiers, communes), dossiers)
        return 0
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    campaign, dossiers, communes = load_json(argv[0]), load_dossiers(argv[1]), load_communes(argv[2])
    expected = evaluate(campaign, dossiers, communes)
    actual = load_json(argv[3])
    problems = compare(expected, actual)
    for p in problems:
        print("oracle: " + p)
    if problems:
        print("oracle: %d écart(s)" % len(problems))
        return 1
    print("oracle: %d dossiers identiques" % len(expected["dossiers"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
