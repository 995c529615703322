"""Dumps an .xlsx as JSON for the annexes tests: sheets, cells (formula text and cached value), formats,
panes, filters, conditional formats and document properties, as openpyxl (an independent reader) sees them."""
import datetime
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def conditional_rules(ws):
    rules = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            rules.append({"range": str(cf.sqref), "type": rule.type, "operator": rule.operator,
                          "formula": list(rule.formula or []), "has_format": rule.dxf is not None,
                          "priority": rule.priority})
    return sorted(rules, key=lambda r: r["priority"])


def sheet(ws, cached):
    cells = []
    for row, cached_row in zip(ws.iter_rows(), cached.iter_rows()):
        cells.append([{"value": plain(c.value), "cached": plain(k.value), "format": c.number_format,
                       "bold": bool(c.font and c.font.b), "wrap": bool(c.alignment and c.alignment.wrap_text),
                       "vertical": c.alignment.vertical if c.alignment else None}
                      for c, k in zip(row, cached_row)])
    widths = {key: dim.width for key, dim in ws.column_dimensions.items()}
    heights = {str(key): dim.height for key, dim in ws.row_dimensions.items() if dim.height is not None}
    setup = ws.page_setup
    margins = ws.page_margins
    # fitToWidth and fitToHeight default to 1 in the file format: a writer may leave a 1 out.
    printing = {"orientation": setup.orientation, "paper": setup.paperSize,
                "fit_to_width": 1 if setup.fitToWidth is None else setup.fitToWidth,
                "fit_to_height": 1 if setup.fitToHeight is None else setup.fitToHeight, "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage
                if ws.sheet_properties.pageSetUpPr is not None else None,
                "title_rows": ws.print_title_rows, "footer": ws.oddFooter.left.text,
                "footer_right": ws.oddFooter.right.text, "header": ws.oddHeader.center.text,
                "margins": {"left": margins.left, "right": margins.right, "top": margins.top,
                            "bottom": margins.bottom},
                "gridlines": ws.print_options.gridLines}
    return {"name": ws.title, "freeze_panes": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
            "widths": widths, "heights": heights, "print": printing, "conditional": conditional_rules(ws),
            "rows": cells}


def app_properties(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("docProps/app.xml"))
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    company = root.find(ns + "Company")
    return {"company": company.text if company is not None else None}


def main(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    p = formulas.properties
    out = {
        "sheets": [sheet(ws, values[ws.title]) for ws in formulas.worksheets],
        "properties": {"title": p.title, "subject": p.subject, "creator": p.creator,
                       "created": plain(p.created), **app_properties(path)},
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
