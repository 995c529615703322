#!/usr/bin/env python3
"""Writes fixtures/xlsx/dossiers.xlsx and dossiers.ods (issue 21) from the JSON dossiers of fixtures/dossiers/.

    scripts/xlsx_fixtures.py --out fixtures/xlsx

Sheets `Dossiers` and `Sessions` hold the columns of dossiers.csv and sessions.csv (scripts/csv_fixtures.py),
with typed cells as a spreadsheet user makes them: dates as date cells, amounts and counts as numbers,
yes/no as booleans, lists as text. Both files are written by LibreOffice (soffice headless): openpyxl's workbook converted to .ods, and that
.ods converted back to .xlsx, since openpyxl writes its text as inline strings where Excel and LibreOffice
write a shared-strings table (the form instructors' files have, and the one liborcus reads).
"""
import argparse
import datetime
import decimal
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csv_fixtures import AMOUNTS, BOOLEANS, DATES, DOSSIER_COLUMNS, LISTS, SESSION_COLUMNS, get  # noqa: E402

COUNTS = set(SESSION_COLUMNS[4:])


def typed(column, value):
    if value is None:
        return None
    if column in DATES:
        return datetime.date.fromisoformat(value)
    if column in BOOLEANS:
        return bool(value)
    if column in AMOUNTS:
        d = decimal.Decimal(value)
        return int(d) if d == d.to_integral_value() else float(d)
    if column in COUNTS:
        return int(value)
    if column in LISTS:
        return " ; ".join(value)
    return str(value)


def fill(sheet, columns, rows):
    sheet.append(columns)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([typed(c, v) for c, v in zip(columns, row)])
        for cell, column in zip(sheet[sheet.max_row], columns):
            if column in DATES:
                cell.number_format = "DD/MM/YYYY"
            elif column in AMOUNTS:
                cell.number_format = '#,##0.00" €"'
            elif cell.value is not None and column not in COUNTS and column not in BOOLEANS:
                cell.number_format = "@"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", default="fixtures/dossiers")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    dossier_rows, session_rows = [], []
    for name in sorted(glob.glob(os.path.join(args.dossiers, "*.json"))):
        with open(name, encoding="utf-8") as f:
            dossier = json.load(f, parse_float=decimal.Decimal)
        dossier_rows.append([get(dossier, c) for c in DOSSIER_COLUMNS])
        for session in dossier["training"]["sessions"]:
            session_rows.append([dossier["id"]] + [session.get(c) for c in SESSION_COLUMNS[1:]])

    book = openpyxl.Workbook()
    fill(book.active, DOSSIER_COLUMNS, dossier_rows)
    book.active.title = "Dossiers"
    fill(book.create_sheet("Sessions"), SESSION_COLUMNS, session_rows)
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as work:
        def convert(source, to):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                            "--outdir", os.path.join(work, to), source], check=True, stdout=subprocess.DEVNULL)
            return os.path.join(work, to, "dossiers." + to)

        book.save(os.path.join(work, "dossiers.xlsx"))
        ods = convert(os.path.join(work, "dossiers.xlsx"), "ods")
        xlsx = convert(ods, "xlsx")
        shutil.move(ods, os.path.join(args.out, "dossiers.ods"))
        shutil.move(xlsx, os.path.join(args.out, "dossiers.xlsx"))


if __name__ == "__main__":
    main()
