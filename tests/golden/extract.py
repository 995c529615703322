"""Writes into OUT_DIR the text a reader gets from a run's documents, for the golden tests: pdftotext's
text of the notice, the deliberation and the letter of the first dossier (by id) of each decision, and
the values of every cell of each annexes.xlsx sheet as openpyxl reads them (a formula as written, then
the value stored with it).

usage: extract.py RUN_DIR OUT_DIR
"""
import json
import pathlib
import subprocess
import sys

import openpyxl


def pdf_text(pdf):
    return subprocess.run(["/usr/bin/pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def cell(value):
    text = "" if value is None else str(value)
    # One cell per field, one row per line: the breaks inside a cell written as \n.
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main():
    run, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    (out / "avis-appel-a-projets.txt").write_text(pdf_text(run / "avis-appel-a-projets.pdf"), encoding="utf-8")
    (out / "deliberation.txt").write_text(pdf_text(run / "deliberation.pdf"), encoding="utf-8")
    first = {}
    for d in sorted(json.loads((run / "evaluation.json").read_text(encoding="utf-8"))["dossiers"],
                    key=lambda d: d["id"]):
        first.setdefault(d["decision"], d["id"])
    for decision, dossier in sorted(first.items()):
        text = f"# {dossier}\n" + pdf_text(run / "courriers" / f"{dossier}.pdf")
        (out / f"courrier-{decision}.txt").write_text(text, encoding="utf-8")
    book = openpyxl.load_workbook(run / "annexes.xlsx")
    cached = openpyxl.load_workbook(run / "annexes.xlsx", data_only=True)
    for number, (ws, values) in enumerate(zip(book.worksheets, cached.worksheets), start=1):
        rows = []
        for row, cached_row in zip(ws.iter_rows(), values.iter_rows()):
            # A formula with the value stored beside it, the one a reader that does not recalculate shows.
            fields = [cell(c.value) + (" ⇒ " + cell(k.value) if c.data_type == "f" else "")
                      for c, k in zip(row, cached_row)]
            rows.append("\t".join(fields).rstrip("\t"))
        (out / f"annexes-{number}.tsv").write_text(f"# {ws.title}\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
