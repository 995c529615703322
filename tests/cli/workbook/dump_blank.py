"""Prints as JSON what openpyxl reads of a blank dossiers workbook: for each sheet its header row, the notes
on it, data validations, frozen panes, column widths, the example row with each cell's number format, and
whether the texts are shared strings (read from the file's parts).

usage: dump_blank.py WORKBOOK"""
import datetime
import json
import sys
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.date().isoformat() if isinstance(value, datetime.datetime) else value.isoformat()
    return value


def sheet_dump(ws):
    out = {"state": ws.sheet_state, "freeze_panes": ws.freeze_panes, "protected": bool(ws.protection.sheet)}
    rows = list(ws.iter_rows(values_only=False))
    out["header"] = [c.value for c in rows[0]] if rows else []
    out["notes"] = [c.comment.text if c.comment else None for c in rows[0]] if rows else []
    out["rows"] = [[plain(c.value) for c in row] for row in rows[1:]]
    out["formats"] = [[c.number_format for c in row] for row in rows[1:]]
    widths = {}
    for k in range(1, len(out["header"]) + 1):
        letter = get_column_letter(k)
        dim = ws.column_dimensions.get(letter)
        widths[letter] = dim.width if dim is not None else None
    out["widths"] = widths
    out["print"] = {"orientation": ws.page_setup.orientation, "fit_to_page": bool(ws.sheet_properties.pageSetUpPr is not None
                                        and ws.sheet_properties.pageSetUpPr.fitToPage),
                    "title_rows": ws.print_title_rows, "title_columns": ws.print_title_cols,
                    "footer": [ws.oddFooter.left.text, ws.oddFooter.right.text]}
    out["validations"] = [
        {"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator, "formula1": dv.formula1,
         "formula2": dv.formula2, "error_style": dv.errorStyle or "stop", "show_error": bool(dv.showErrorMessage),
         "error": dv.error}
        for dv in ws.data_validations.dataValidation
    ]
    return out


def main():
    path = sys.argv[1]
    book = openpyxl.load_workbook(path)
    result = {"sheets": book.sheetnames, "by_sheet": {ws.title: sheet_dump(ws) for ws in book.worksheets}}
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        result["shared_strings"] = "xl/sharedStrings.xml" in names
        result["inline_strings"] = any(b'inlineStr' in z.read(n) for n in names if n.startswith("xl/worksheets/"))
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
