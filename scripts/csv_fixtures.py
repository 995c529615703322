#!/usr/bin/env python3
"""Writes dossiers.csv and sessions.csv (issue 6) from the JSON dossiers of fixtures/dossiers/.

Run once to make fixtures/csv/ and the variants of tests/data/csv/ (the CSV files are committed):
    scripts/csv_fixtures.py --out fixtures/csv
    scripts/csv_fixtures.py --out tests/data/csv/comma-cp1252 --separator , --encoding cp1252
The columns are those of src/input/sheet_columns.hpp, in the same order (a test checks it).
"""
import argparse
import csv
import decimal
import glob
import io
import json
import os

DOSSIER_COLUMNS = [
    "id", "received_on", "association.name", "association.siret", "association.rna",
    "association.representative.civility", "association.representative.first_name",
    "association.representative.last_name", "association.representative.role",
    "association.address.lines", "association.address.postal_code", "association.address.city",
    "association.email", "training.title", "training.gen_label.number", "training.gen_label.valid_until",
    "training.free_of_charge", "training.site.address", "training.site.postal_code", "training.site.city",
    "training.site.insee_code", "training.site.qpv_code", "partnerships.politique_de_la_ville",
    "partnerships.emploi_insertion", "partnerships.esr", "employer_partners", "budget.total_cost",
    "budget.requested", "instruction.instructor", "instruction.notes", "association.short_name",
]
SESSION_COLUMNS = [
    "dossier_id", "label", "start", "end", "trainees", "women", "low_qualified_job_seekers", "bac_or_below",
    "qpv_residents", "veille_active_residents", "plie_followed",
]
DATES = {"received_on", "training.gen_label.valid_until", "start", "end"}
BOOLEANS = {"training.free_of_charge", "partnerships.politique_de_la_ville", "partnerships.emploi_insertion",
            "partnerships.esr"}
AMOUNTS = {"budget.total_cost", "budget.requested"}
LISTS = {"association.address.lines", "employer_partners"}

# How each style writes dates, booleans and amounts.
STYLES = {
    # What a French user types: 12/01/2027, oui/non, 30 000,50
    "fr": {"date": lambda iso: "/".join(reversed(iso.split("-"))),
           "bool": lambda b: "oui" if b else "non",
           "amount": lambda d: french_amount(d, " ")},
    # What French Excel exports: VRAI/FAUX, 30000,5
    "excel": {"date": lambda iso: "/".join(reversed(iso.split("-"))),
              "bool": lambda b: "VRAI" if b else "FAUX",
              "amount": lambda d: str(d).replace(".", ",")},
    # The JSON forms: 2027-01-12, true/false, 30000.50, with no-break spaces nowhere
    "iso": {"date": lambda iso: iso, "bool": lambda b: "true" if b else "false", "amount": lambda d: str(d)},
    # 1/0 and amounts grouped with U+00A0 (in cp1252 too)
    "digits": {"date": lambda iso: "/".join(reversed(iso.split("-"))),
               "bool": lambda b: "1" if b else "0",
               "amount": lambda d: french_amount(d, "\u00a0")},
}


def french_amount(d, group):
    whole, _, cents = f"{d:.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = group.join(groups)
    return text if cents == "00" else text + "," + cents


def get(obj, path):
    for key in path.split("."):
        if obj is None:
            return None
        obj = obj.get(key)
    return obj


def cell(column, value, style):
    if value is None:
        return ""
    if column in DATES:
        return style["date"](value)
    if column in BOOLEANS:
        return style["bool"](value)
    if column in AMOUNTS:
        return style["amount"](decimal.Decimal(value))
    if column in LISTS:
        return " ; ".join(value)
    return str(value)


def write(path, rows, args):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=args.separator, lineterminator="\r\n" if args.crlf else "\n")
    writer.writerows(rows)
    with open(path, "wb") as f:
        f.write(buffer.getvalue().encode(args.encoding))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", default="fixtures/dossiers")
    parser.add_argument("--out", required=True)
    parser.add_argument("--separator", default=";", choices=[";", ","])
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "utf-8-sig", "cp1252"])
    parser.add_argument("--crlf", action="store_true")
    parser.add_argument("--style", default="fr", choices=sorted(STYLES))
    args = parser.parse_args()
    style = STYLES[args.style]

    dossier_rows = [DOSSIER_COLUMNS]
    session_rows = [SESSION_COLUMNS]
    for name in sorted(glob.glob(os.path.join(args.dossiers, "*.json"))):
        with open(name, encoding="utf-8") as f:
            dossier = json.load(f, parse_float=decimal.Decimal)
        dossier_rows.append([cell(c, get(dossier, c), style) for c in DOSSIER_COLUMNS])
        for session in dossier["training"]["sessions"]:
            session_rows.append([dossier["id"]] + [cell(c, session.get(c), style) for c in SESSION_COLUMNS[1:]])
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "dossiers.csv"), dossier_rows, args)
    write(os.path.join(args.out, "sessions.csv"), session_rows, args)


if __name__ == "__main__":
    main()
