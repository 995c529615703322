"""Fills a blank dossiers workbook as an instructor would and has LibreOffice save it, as Calc does.

    fill_and_convert.py BLANK WORK_DIR DOSSIER.json...

The example row of each sheet is replaced by the dossiers given (dates as date cells, amounts and counts as
numbers, yes/no chosen from the lists as « oui »/« non », lists as text). openpyxl writes its texts as
inline strings, which LibreOffice reads; LibreOffice then converts the workbook to .ods and that .ods back
to .xlsx, the files a user of Calc saves. Prints {"ods": path, "xlsx": path} as JSON."""
import datetime
import decimal
import json
import os
import signal
import subprocess
import sys

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from csv_fixtures import AMOUNTS, BOOLEANS, DATES, LISTS, get  # noqa: E402


def typed(column, value):
    if value is None:
        return None
    if column in DATES:
        return datetime.date.fromisoformat(value)
    if column in BOOLEANS:
        return "oui" if value else "non"
    if column in AMOUNTS:
        d = decimal.Decimal(value)
        return int(d) if d == d.to_integral_value() else float(d)
    if column in LISTS:
        return " ; ".join(value)
    if isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool):
        return int(value)
    return str(value)


def replace_rows(ws, rows):
    header = [c.value for c in ws[1]]
    ws.delete_rows(2, ws.max_row)
    for r, row in enumerate(rows, start=2):
        for k, column in enumerate(header, start=1):
            value = typed(column, row.get(column))
            if value is not None:
                ws.cell(row=r, column=k, value=value)
    return header


def convert(source, to, profile, out_dir):
    process = subprocess.Popen(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
                                "--convert-to", to, "--outdir", out_dir, source],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if process.wait(timeout=180) != 0:
            sys.exit("soffice a échoué (code %d)" % process.returncode)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        sys.exit("soffice n'a pas fini en 180 s")
    converted = os.path.join(out_dir, os.path.splitext(os.path.basename(source))[0] + "." + to)
    if not os.path.exists(converted):
        sys.exit("soffice n'a pas écrit " + converted)
    return converted


def main():
    blank, work = sys.argv[1], sys.argv[2]
    dossiers = []
    for name in sys.argv[3:]:
        with open(name, encoding="utf-8") as f:
            dossiers.append(json.load(f, parse_float=decimal.Decimal))
    book = openpyxl.load_workbook(blank)
    header = [c.value for c in book["Dossiers"][1]]
    replace_rows(book["Dossiers"], [{c: get(d, c) for c in header} for d in dossiers])
    sessions = []
    for d in dossiers:
        for s in d["training"]["sessions"]:
            sessions.append(dict(s, dossier_id=d["id"]))
    replace_rows(book["Sessions"], sessions)
    filled = os.path.join(work, "rempli.xlsx")
    book.save(filled)
    profile = os.path.join(work, "profile")
    ods = convert(filled, "ods", profile, os.path.join(work, "ods"))
    xlsx = convert(ods, "xlsx", profile, os.path.join(work, "xlsx"))
    json.dump({"filled": filled, "ods": ods, "xlsx": xlsx}, sys.stdout)


if __name__ == "__main__":
    main()
