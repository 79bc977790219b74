#!/usr/bin/env python3
"""Checks development gold files (tests/data/gold/*.json) against the annotation guideline's
format: required keys, allowed kinds and roles, ISO dates with matching precision, and that
every name used in positions, events and parents is defined in the same file."""
import json
import re
import sys

KINDS = {"meeting", "conference", "agreement", "training", "ceremony", "visit", "programme",
         "announcement", "other"}
ORG_ROLES = {"signatory", "host", "co_host", "partner", "chair", "attendee", "witness"}
PERSON_ROLES = {"chair", "signatory", "speaker", "host", "attendee", "witness"}
ISO = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "month": re.compile(r"^\d{4}-\d{2}$"),
       "year": re.compile(r"^\d{4}$")}
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def check(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    for key in ("id", "origin", "published", "text", "organisations", "people", "positions",
                "events", "dates"):
        if key not in g:
            problems.append(f"missing key {key}")
    if problems:
        return problems
    orgs = {}
    for o in g["organisations"]:
        name = o.get("name")
        if not name or name != name.strip():
            problems.append(f"organisation without a clean name: {o!r}")
            continue
        if name in orgs:
            problems.append(f"organisation listed twice: {name}")
        orgs[name] = o
        for k in ("abbreviations", "aliases"):
            if not isinstance(o.get(k, []), list):
                problems.append(f"{name}: {k} is not a list")
    for o in g["organisations"]:
        parent = o.get("parent")
        if parent is not None and parent not in orgs:
            problems.append(f"{o.get('name')}: parent {parent} is not in organisations")
    people = {}
    for p in g["people"]:
        name = p.get("name")
        if not name or "  " in name or name != name.strip():
            problems.append(f"person without a clean name: {p!r}")
            continue
        if name in people:
            problems.append(f"person listed twice: {name}")
        people[name] = p
    for pos in g["positions"]:
        if pos.get("person") not in people:
            problems.append(f"position of unknown person: {pos!r}")
        if not pos.get("title"):
            problems.append(f"position without title: {pos!r}")
        if pos.get("organisation") is not None and pos["organisation"] not in orgs:
            problems.append(f"position in unknown organisation: {pos!r}")
    for e in g["events"]:
        if e.get("kind") not in KINDS:
            problems.append(f"event kind {e.get('kind')!r} is not one of {sorted(KINDS)}")
        date, prec = e.get("date"), e.get("date_precision")
        if (date is None) != (prec is None):
            problems.append(f"event date and precision disagree: {date!r} {prec!r}")
        elif date is not None and (prec not in ISO or not ISO[prec].match(date)):
            problems.append(f"event date {date!r} does not match precision {prec!r}")
        for part in e.get("organisations", []):
            if part.get("name") not in orgs:
                problems.append(f"event participant not in organisations: {part!r}")
            if part.get("role") not in ORG_ROLES:
                problems.append(f"organisation role {part.get('role')!r} not in {sorted(ORG_ROLES)}")
        for part in e.get("people", []):
            if part.get("name") not in people:
                problems.append(f"event participant not in people: {part!r}")
            if part.get("role") not in PERSON_ROLES:
                problems.append(f"person role {part.get('role')!r} not in {sorted(PERSON_ROLES)}")
        ev = e.get("evidence")
        if not ev:
            problems.append(f"event without evidence: {e.get('title')!r}")
        elif ev not in g["text"]:
            problems.append(f"evidence not found verbatim in the text: {ev[:60]!r}")
    if "reconciled:" not in (g.get("notes") or ""):
        problems.append("not yet second-read (no 'reconciled:' line in notes)")
    for d in g["dates"]:
        if not d.get("surface") or d["surface"] not in g["text"]:
            problems.append(f"date surface not in text: {d!r}")
        if not VALUE.match(d.get("value") or ""):
            problems.append(f"date value not ISO: {d!r}")
    return problems


def main():
    bad = 0
    for path in sys.argv[1:]:
        problems = check(path)
        for p in problems:
            print(f"{path}: {p}")
        bad += bool(problems)
    print(f"{len(sys.argv) - 1 - bad} ok, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
