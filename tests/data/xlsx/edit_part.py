#!/usr/bin/env python3
"""Copies a workbook (a ZIP archive) replacing, in one of its parts, what a regular expression matches.

    edit_part.py IN OUT PART PATTERN REPLACEMENT   (the pattern must match, once or more)
Tests use it to make a faulty variant of fixtures/xlsx/dossiers.xlsx cell by cell.
"""
import re
import sys
import zipfile

source, target, part, pattern, replacement = sys.argv[1:6]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == part:
            text, n = re.subn(pattern, replacement, data.decode("utf-8"), flags=re.S)
            if n == 0:
                sys.exit(f"edit_part.py: {pattern!r} not found in {part}")
            data = text.encode("utf-8")
        zout.writestr(item, data)
