"""Checks a CSV file against a TableSchema (frictionless) JSON, driven by the schema itself.

  tableschema_check.py SCHEMA.json FILE.csv

Prints "ok" and exits 0 when the file passes; otherwise one line per problem ("ligne N, champ : raison")
and exits 1. Debian packages no TableSchema validator: this covers what the SCDL schemas use — the
header (every field, in the schema's order), UTF-8, comma-separated; each cell's type (string, number,
integer, date, boolean with trueValues/falseValues), the constraints required, pattern, enum, maxLength,
minLength, minimum, maximum; and the schema's custom_checks (validata's french-siret-value and
one-of-required). Anything else the schema asks for is reported as unsupported, never ignored.
"""
import csv
import datetime
import io
import json
import re
import sys

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
INTEGER = re.compile(r"^[+-]?\d+$")
KNOWN_CONSTRAINTS = {"required", "pattern", "enum", "maxLength", "minLength", "minimum", "maximum"}
KNOWN_TYPES = {"string", "number", "integer", "date", "boolean"}


def siret_key_ok(siret):
    """The SIRET's Luhn key; La Poste's establishments (SIREN 356000000) sum their digits to a multiple of 5."""
    if not re.fullmatch(r"\d{14}", siret):
        return False
    if siret.startswith("356000000") and siret != "35600000000048":
        return sum(int(c) for c in siret) % 5 == 0
    total = 0
    for i, c in enumerate(reversed(siret)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def typed(field, text):
    """The cell's value as the field's type, or raises ValueError with the reason."""
    kind = field.get("type", "string")
    if kind == "string":
        return text
    if kind == "number":
        if text in ("NaN", "INF", "-INF"):
            return float(text.replace("INF", "inf"))
        if not NUMBER.match(text):
            raise ValueError("« %s » n'est pas un nombre (point décimal)" % text)
        return float(text)
    if kind == "integer":
        if not INTEGER.match(text):
            raise ValueError("« %s » n'est pas un entier" % text)
        return int(text)
    if kind == "date":
        if field.get("format", "default") != "default":
            raise ValueError("format de date %s non pris en charge" % field["format"])
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError("« %s » n'est pas une date AAAA-MM-JJ" % text)
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError("« %s » n'est pas une date du calendrier" % text) from None
    if kind == "boolean":
        true_values = field.get("trueValues", ["true", "True", "TRUE", "1"])
        false_values = field.get("falseValues", ["false", "False", "FALSE", "0"])
        if text in true_values:
            return True
        if text in false_values:
            return False
        raise ValueError("« %s » n'est ni %s" % (text, " ni ".join(true_values + false_values)))
    raise ValueError("type %s non pris en charge" % kind)


def check_cell(field, text, missing_values, problems, where):
    constraints = field.get("constraints", {})
    missing = text in missing_values
    if missing:
        if constraints.get("required"):
            problems.append("%s : obligatoire, vide" % where)
        return
    try:
        value = typed(field, text)
    except ValueError as e:
        problems.append("%s : %s" % (where, e))
        return
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        problems.append("%s : « %s » ne suit pas le motif %s" % (where, text, constraints["pattern"]))
    if "enum" in constraints and text not in constraints["enum"]:
        problems.append("%s : « %s » n'est pas une des valeurs %s" % (where, text, constraints["enum"]))
    if "maxLength" in constraints and len(text) > constraints["maxLength"]:
        problems.append("%s : %d caractères pour %d au plus" % (where, len(text), constraints["maxLength"]))
    if "minLength" in constraints and len(text) < constraints["minLength"]:
        problems.append("%s : %d caractères pour %d au moins" % (where, len(text), constraints["minLength"]))
    if "minimum" in constraints and value < constraints["minimum"]:
        problems.append("%s : %s est sous le minimum %s" % (where, text, constraints["minimum"]))
    if "maximum" in constraints and value > constraints["maximum"]:
        problems.append("%s : %s dépasse le maximum %s" % (where, text, constraints["maximum"]))


def custom_check(check, row, line, problems):
    name, params = check["name"], check.get("params", {})
    if name == "french-siret-value":
        value = row.get(params["column"], "")
        if value and not siret_key_ok(value):
            problems.append("ligne %d, %s : « %s » n'est pas un SIRET valide (clé)" % (line, params["column"], value))
    elif name == "one-of-required":
        if not row.get(params["column1"]) and not row.get(params["column2"]):
            problems.append("ligne %d : ni %s ni %s" % (line, params["column1"], params["column2"]))
    else:
        problems.append("contrôle %s non pris en charge" % name)


def check(schema, data):
    problems = []
    fields = schema["fields"]
    missing_values = schema.get("missingValues", [""])
    for key in ("primaryKey", "uniqueKeys", "foreignKeys"):
        if key in schema:
            problems.append("%s non pris en charge" % key)
    for field in fields:
        if field.get("type", "string") not in KNOWN_TYPES:
            problems.append("%s : type %s non pris en charge" % (field["name"], field.get("type")))
        for c in field.get("constraints", {}):
            if c not in KNOWN_CONSTRAINTS:
                problems.append("%s : contrainte %s non prise en charge" % (field["name"], c))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return problems + ["le fichier n'est pas en UTF-8 : %s" % e]
    if text.startswith("\ufeff"):
        problems.append("le fichier commence par une marque d'ordre des octets (BOM)")
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"', strict=True))
    if not rows:
        return problems + ["fichier vide : pas d'en-tête"]
    names = [f["name"] for f in fields]
    if rows[0] != names:
        problems.append("en-tête %s ; attendu %s" % (rows[0], names))
        return problems
    for line, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(names):
            problems.append("ligne %d : %d cellules pour %d champs" % (line, len(cells), len(names)))
            continue
        for field, cell in zip(fields, cells):
            check_cell(field, cell, missing_values, problems, "ligne %d, %s" % (line, field["name"]))
        row = dict(zip(names, cells))
        for c in schema.get("custom_checks", []):
            custom_check(c, row, line, problems)
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], "rb") as f:
        data = f.read()
    problems = check(schema, data)
    for p in problems:
        print(p)
    if not problems:
        print("ok")
    return 1 if problems else 0


sys.exit(main())
