#!/usr/bin/env python3
"""Checks the GraphML and GEXF exports (issue 12).

usage: check_graph.py graphml|gexf FILE NDJSON

Parses FILE with xml.etree and checks it against the structure its format's specification
and schema lay down (GraphML 1.0: keys declared before the graph, each data element naming a
key of its element's domain with a value of the key's type, edges between declared nodes;
GEXF 1.2draft: attributes declared per class, attvalues naming them, ISO dates with start not
after end in a dynamic graph, edge weights and kinds), then loads it with networkx, a real
consumer of both formats. The graph must hold what the NDJSON export of the same snapshot
describes: a node per entity and event, and an edge per participation, venue, parent, tenure
of an office in an organisation, and pair of organisations taking part in a collaboration.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

import networkx

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"
COLLABORATING = {"signatory", "host", "co_host", "partner"}  # extract.h
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TYPES = {"boolean": lambda v: v in ("true", "false"), "int": lambda v: re.match(r"^-?\d+$", v),
         "long": lambda v: re.match(r"^-?\d+$", v), "float": float, "double": float,
         "string": lambda v: True}


def fail(errors, message):
    if len(errors) < 50:
        print(message, file=sys.stderr)
    errors.append(message)


def typed(kind, value):
    try:
        return bool(TYPES[kind](value))
    except (KeyError, ValueError):
        return False


def check_graphml(root, errors):
    if root.tag != GRAPHML + "graphml":
        fail(errors, f"root is {root.tag}")
    keys, seen_graph = {}, False
    for child in root:
        if child.tag == GRAPHML + "key":
            if seen_graph:
                fail(errors, "a key after the graph")
            if child.get("for") not in ("all", "node", "edge", "graph"):
                fail(errors, f"key {child.get('id')} for {child.get('for')}")
            if child.get("attr.type") not in TYPES:
                fail(errors, f"key {child.get('id')} of type {child.get('attr.type')}")
            if child.get("id") in keys:
                fail(errors, f"key {child.get('id')} declared twice")
            keys[child.get("id")] = child
        elif child.tag == GRAPHML + "graph":
            seen_graph = True
    graphs = root.findall(GRAPHML + "graph")
    if len(graphs) != 1 or graphs[0].get("edgedefault") not in ("directed", "undirected"):
        fail(errors, "one graph with edgedefault expected")
        return 0, 0
    nodes = set()
    for node in graphs[0].iter(GRAPHML + "node"):
        if node.get("id") in nodes:
            fail(errors, f"node {node.get('id')} twice")
        nodes.add(node.get("id"))
    edges = graphs[0].findall(GRAPHML + "edge")
    for edge in edges:
        for end in ("source", "target"):
            if edge.get(end) not in nodes:
                fail(errors, f"edge {edge.get('id')} {end} {edge.get(end)} is no node")
        if edge.get("directed") not in (None, "true", "false"):
            fail(errors, f"edge {edge.get('id')} directed={edge.get('directed')}")
    for element in list(graphs[0].iter(GRAPHML + "node")) + edges:
        domain = element.tag[len(GRAPHML):]
        for data in element.findall(GRAPHML + "data"):
            key = keys.get(data.get("key"))
            if key is None or key.get("for") not in ("all", domain):
                fail(errors, f"{domain} {element.get('id')}: data key {data.get('key')}")
            elif not typed(key.get("attr.type"), data.text or ""):
                fail(errors, f"{domain} {element.get('id')}: {data.get('key')}={data.text!r}")
        for child in element:
            if child.tag != GRAPHML + "data":
                fail(errors, f"{domain} {element.get('id')} holds {child.tag}")
    return len(nodes), len(edges)


def check_attvalues(element, declared, errors):
    for attvalues in element.findall(GEXF + "attvalues"):
        for value in attvalues:
            kind = declared.get(value.get("for"))
            if value.tag != GEXF + "attvalue" or kind is None:
                fail(errors, f"{element.get('id')}: attvalue for {value.get('for')}")
            elif not typed({"integer": "int"}.get(kind, kind), value.get("value", "")):
                fail(errors, f"{element.get('id')}: {value.get('for')}={value.get('value')!r}")


def check_interval(element, errors):
    start, end = element.get("start"), element.get("end")
    for day in (start, end):
        if day is not None and not DAY.match(day):
            fail(errors, f"{element.get('id')}: date {day!r}")
    if (start is None) != (end is None) or (start and start > end):
        fail(errors, f"{element.get('id')}: interval {start}..{end}")


def check_gexf(root, errors):
    if root.tag != GEXF + "gexf" or root.get("version") != "1.2":
        fail(errors, f"root is {root.tag} version {root.get('version')}")
    graph = root.find(GEXF + "graph")
    if graph is None or graph.get("mode") != "dynamic" or graph.get("timeformat") != "date":
        fail(errors, "a dynamic graph with timeformat=date expected")
        return 0, 0
    declared = {"node": {}, "edge": {}}
    for attributes in graph.findall(GEXF + "attributes"):
        for attribute in attributes.findall(GEXF + "attribute"):
            declared[attributes.get("class")][attribute.get("id")] = attribute.get("type")
    nodes, edges = set(), set()
    for node in graph.find(GEXF + "nodes"):
        if node.get("id") in nodes or node.get("label") is None:
            fail(errors, f"node {node.get('id')} twice or without label")
        nodes.add(node.get("id"))
        check_attvalues(node, declared["node"], errors)
        check_interval(node, errors)
    for edge in graph.find(GEXF + "edges"):
        if edge.get("id") in edges:
            fail(errors, f"edge {edge.get('id')} twice")
        edges.add(edge.get("id"))
        for end in ("source", "target"):
            if edge.get(end) not in nodes:
                fail(errors, f"edge {edge.get('id')} {end} {edge.get(end)} is no node")
        if edge.get("type", "directed") not in ("directed", "undirected", "mutual"):
            fail(errors, f"edge {edge.get('id')} type {edge.get('type')}")
        if not typed("float", edge.get("weight", "1")):
            fail(errors, f"edge {edge.get('id')} weight {edge.get('weight')}")
        check_attvalues(edge, declared["edge"], errors)
        check_interval(edge, errors)
    return len(nodes), len(edges)


def expected(ndjson):
    """Nodes and edges the NDJSON export's records imply."""
    with open(ndjson, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    nodes = len(records)
    parent = {r["id"]: r["parent"]["id"] for r in records
              if r["type"] != "event" and r["parent"] is not None}

    def related(a, b):  # one is the other's parent or grandparent (graph.h)
        up = [parent.get(a), parent.get(parent.get(a))]
        return b in up

    tenures, pairs, edges = set(), set(), 0
    for r in records:
        if r["type"] == "event":
            edges += len(r["participants"]) + (r["place"] is not None)
            orgs = sorted(p["id"] for p in r["participants"] if p["type"] == "organisation"
                          and p["role"] in COLLABORATING)
            pairs.update((a, b) for i, a in enumerate(orgs) for b in orgs[i + 1:]
                         if not related(a, b) and not related(b, a))
            continue
        edges += r["parent"] is not None
        for p in r["positions"]:
            if p["organisation"] is not None:
                tenures.add((p["person"]["id"], p["organisation"]["id"], p["title"]))
    return nodes, edges + len(tenures) + len(pairs)


def main(kind, path, ndjson):
    want_nodes, want_edges = expected(ndjson)
    errors = []
    root = ET.parse(path).getroot()
    nodes, edges = (check_graphml if kind == "graphml" else check_gexf)(root, errors)
    if (nodes, edges) != (want_nodes, want_edges):
        fail(errors, f"{nodes} nodes and {edges} edges, expected {want_nodes} and {want_edges}")
    if kind == "graphml":
        loaded = networkx.read_graphml(path, force_multigraph=True)
    else:
        loaded = networkx.read_gexf(path, version="1.2draft")
    if loaded.number_of_nodes() != want_nodes:
        fail(errors, f"networkx read {loaded.number_of_nodes()} nodes")
    if kind == "graphml" and loaded.number_of_edges() != want_edges:
        fail(errors, f"networkx read {loaded.number_of_edges()} edges")
    print(f"{kind}: {nodes} nodes, {edges} edges; {len(errors)} problems")
    return not errors


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("graphml", "gexf"):
        raise SystemExit(__doc__)
    sys.exit(0 if main(sys.argv[1], sys.argv[2], sys.argv[3]) else 1)
