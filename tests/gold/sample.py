#!/usr/bin/env python3
# Draws the development gold sample: 50 articles uniformly at random (seed 20261202) from
# thaigov-v2 parts 00-02 (never 03-07, which are held out), and writes each as
# articles/<id>.json with its origin, ready for annotation under tests/data/gold/GUIDELINE.md.
# The five seeds complete the set. Run from the project root; reads ../shared/corpus/.
import gzip, json, os, random
corpus = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpus", "thaigov-v2")
rows = []
for part in ("part-00", "part-01", "part-02"):
    with gzip.open(os.path.join(corpus, f"{part}.jsonl.gz"), "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rows.append((part, n, line))
rng = random.Random(20261202)
picked = rng.sample(range(len(rows)), 50)
os.makedirs("articles", exist_ok=True)
for i in sorted(picked):
    part, n, line = rows[i]
    obj = json.loads(line)
    obj["origin"] = f"thaigov-v2/{part}.jsonl.gz:{n}"
    with open(f"articles/{obj['id']}.json", "w", encoding="utf-8") as out:
        json.dump(obj, out, ensure_ascii=False, indent=1)
    print(obj["id"], len(obj["text"]), obj["origin"])
print(len(rows))
