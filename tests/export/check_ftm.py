#!/usr/bin/env python3
"""Checks `thaigraph export --format ftm` output against the FollowTheMoney schema (issue 12).

usage: check_ftm.py SCHEMA_DIR EXPORT.ndjson [EXPECT...]

Reads the FtM schema YAML in SCHEMA_DIR (tests/data/followthemoney, credited in README.md) as FtM's own
model does: a schema's properties are its own and those of every schema it extends; `required`
is the schema's own list; a property without `type` is a string. Then every line of the export
must be an entity {"id", "schema", "properties"} whose schema exists and is not abstract, whose
properties all exist for that schema and hold lists of strings valid for their type, with every
required property present; and every entity-typed value must name an entity of the export whose
schema is the property's range or extends it. The type rules are those of
followthemoney/types/*.py for the types the export uses (entity ids match EntityType.REGEX_RAW,
dates are ISO 8601 prefixes, lengths stay within each type's max_length).

Each EXPECT is SCHEMA=N: the export holds exactly N entities of that schema.
"""
import json
import os
import re
import sys

import yaml

ENTITY_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z\.\-]*[0-9a-zA-Z])?$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$")
URL = re.compile(r"^https?://\S+$")
MAX_LENGTH = {"entity": 200, "date": 32, "string": 1024, "text": 65000, "name": 384,
              "url": 4096, "identifier": 64, "country": 16}


def load_model(directory):
    model = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".yaml"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                model.update(yaml.safe_load(f))
    return model


def lineage(model, schema):
    """The schema and everything it extends."""
    seen, todo = [], [schema]
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        if s not in model:
            raise SystemExit(f"schema {s} is referenced but not in the model directory")
        seen.append(s)
        todo.extend(model[s].get("extends", []))
    return seen


def properties(model, schema):
    props = {}
    for s in reversed(lineage(model, schema)):
        for name, spec in (model[s].get("properties") or {}).items():
            props[name] = dict(spec or {})
    return props


def check(model, path, expectations):
    errors, entities = [], {}
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f.read().split("\n") if line]
    for number, line in enumerate(lines, 1):
        entity = json.loads(line)
        where = f"{path}:{number}"
        if set(entity) != {"id", "schema", "properties"}:
            errors.append(f"{where}: keys {sorted(entity)}")
            continue
        if not ENTITY_ID.match(entity["id"]):
            errors.append(f"{where}: id {entity['id']!r} is not an FtM entity id")
        if entity["id"] in entities:
            errors.append(f"{where}: id {entity['id']} repeated")
        entities[entity["id"]] = (entity, where)
    counts = {}
    for entity, where in entities.values():
        schema = entity["schema"]
        counts[schema] = counts.get(schema, 0) + 1
        if schema not in model:
            errors.append(f"{where}: unknown schema {schema}")
            continue
        if model[schema].get("abstract"):
            errors.append(f"{where}: schema {schema} is abstract")
        props = properties(model, schema)
        for name in model[schema].get("required", []):
            if not entity["properties"].get(name):
                errors.append(f"{where}: {schema} lacks required {name}")
        for name, values in entity["properties"].items():
            spec = props.get(name)
            if spec is None:
                errors.append(f"{where}: {schema} has no property {name}")
                continue
            kind = spec.get("type", "string")
            if not isinstance(values, list) or not values:
                errors.append(f"{where}: {name} is not a non-empty list")
                continue
            for value in values:
                if not isinstance(value, str) or not value.strip():
                    errors.append(f"{where}: {name} value {value!r} is not a string")
                    continue
                if len(value) > MAX_LENGTH.get(kind, 65000):
                    errors.append(f"{where}: {name} value longer than {kind} allows")
                if kind == "date" and not DATE.match(value):
                    errors.append(f"{where}: {name} {value!r} is not an FtM date")
                if kind == "url" and not URL.match(value):
                    errors.append(f"{where}: {name} {value!r} is not a URL")
                if kind == "entity":
                    target = entities.get(value)
                    if target is None:
                        errors.append(f"{where}: {name} names {value}, not in the export")
                    elif spec.get("range") not in lineage(model, target[0]["schema"]):
                        errors.append(f"{where}: {name} names a {target[0]['schema']}, "
                                      f"not a {spec.get('range')}")
                    elif value == entity["id"]:
                        errors.append(f"{where}: {name} names the entity itself")
    for expectation in expectations:
        schema, _, number = expectation.partition("=")
        if counts.get(schema, 0) != int(number):
            errors.append(f"expected {number} {schema}, found {counts.get(schema, 0)}")
    for error in errors[:50]:
        print(error, file=sys.stderr)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"ftm: {len(entities)} entities ({summary}); {len(errors)} problems")
    return not errors


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    sys.exit(0 if check(load_model(sys.argv[1]), sys.argv[2], sys.argv[3:]) else 1)
