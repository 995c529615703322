"""Recalculates an .xlsx in LibreOffice (headless) and prints, for every formula cell, the value cached in the
file and the values LibreOffice computed: from the file as is, and from a copy whose cached values were
replaced by sentinels, which proves that LibreOffice really recalculated instead of keeping the cache.

usage: recalculate.py WORKBOOK WORK_DIR"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile

import openpyxl

# LibreOffice keeps the cached values of an .xlsx unless told to recalculate on load (0: always).
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
SENTINEL_NUMBER = "-987654.25"
SENTINEL_TEXT = "PAS RECALCULÉ"
CELL = re.compile(r"<c ([^>]*)>(<f>[^<]*</f>)<v>[^<]*</v></c>")


def tamper(source, target):
    def replace(match):
        sentinel = SENTINEL_TEXT if 't="str"' in match.group(1) else SENTINEL_NUMBER
        return "<c %s>%s<v>%s</v></c>" % (match.group(1), match.group(2), sentinel)

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = CELL.sub(replace, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def main(workbook, work_dir):
    work_dir = os.path.abspath(work_dir)
    profile = os.path.join(work_dir, "lo-profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    original = os.path.join(work_dir, "original.xlsx")
    tampered = os.path.join(work_dir, "tampered.xlsx")
    out = os.path.join(work_dir, "recalculated")
    shutil.copyfile(workbook, original)
    tamper(original, tampered)
    # One LibreOffice start for both files: starting it is most of the cost.
    command = ["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
               "--convert-to", "xlsx", "--outdir", out, original, tampered]
    # A session of its own, so that a timeout can end soffice.bin too, not only its launcher.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        if process.wait(timeout=120) != 0:
            sys.exit("soffice a échoué (code %d)" % process.returncode)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        sys.exit("soffice n'a pas fini en 120 s")

    formulas = openpyxl.load_workbook(original)
    cached = openpyxl.load_workbook(original, data_only=True)
    sentinels = openpyxl.load_workbook(tampered, data_only=True)
    recalculated = openpyxl.load_workbook(os.path.join(out, "original.xlsx"), data_only=True)
    from_tampered = openpyxl.load_workbook(os.path.join(out, "tampered.xlsx"), data_only=True)
    cells = []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    cells.append({"sheet": ws.title, "cell": c.coordinate, "formula": c.value,
                                  "cached": cached[ws.title][c.coordinate].value,
                                  "sentinel": sentinels[ws.title][c.coordinate].value,
                                  "recalculated": recalculated[ws.title][c.coordinate].value,
                                  "from_tampered": from_tampered[ws.title][c.coordinate].value})
    json.dump({"sheets": recalculated.sheetnames, "cells": cells}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
