#!/usr/bin/env python3
"""Reads a CSV list (issue 12) with Python's csv module and compares it with the same list as
JSON items.

usage: check_csv.py LIST.csv ITEMS.json

The CSV must be RFC 4180 as the csv module reads it: a header row, then one row per JSON item in
the same order and with the same number of fields. A column naming a top-level field of the
items holds that field's value (numbers as written in JSON, null as empty, true/false); a
dotted column (`organisation.name`) holds the value found by following the path, through lists
and {items} envelopes, joined with " | ".
"""
import csv
import json
import sys


def flatten(value, path):
    if isinstance(value, dict) and path:
        key, _, rest = path.partition(".")
        if key not in value and isinstance(value.get("items"), list):
            return flatten(value["items"], path)
        return flatten(value.get(key), rest)
    if isinstance(value, list):
        return [v for element in value for v in flatten(element, path)]
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, float):
        return [f"{value:.4g}"]
    return [str(value)]


def main(csv_path, json_path):
    with open(json_path, encoding="utf-8") as f:
        items = json.load(f)
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    header, rows = rows[0], rows[1:]
    errors = []
    if len(rows) != len(items):
        errors.append(f"{len(rows)} rows for {len(items)} items")
    for number, (row, item) in enumerate(zip(rows, items), 2):
        if len(row) != len(header):
            errors.append(f"line {number}: {len(row)} fields, header has {len(header)}")
            continue
        for column, field in zip(header, row):
            expected = " | ".join(flatten(item, column))
            if field != expected:
                errors.append(f"line {number} {column}: {field!r}, JSON says {expected!r}")
    for error in errors[:20]:
        print(error, file=sys.stderr)
    print(f"csv: {len(rows)} rows of {len(header)} columns; {len(errors)} problems")
    return not errors


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sys.exit(0 if main(sys.argv[1], sys.argv[2]) else 1)
