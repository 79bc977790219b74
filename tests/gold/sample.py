#!/usr/bin/env python3
# Draws a gold sample uniformly at random from thaigov-v2 parts 00-02 (never 03-07, which are
# held out), and writes each article as articles/<id>.json with its origin, ready for annotation
# under tests/data/gold/GUIDELINE.md. Run from the project root; reads ../shared/corpus/.
#
# With no options it redraws the development set exactly: 50 articles, seed 20261202, from all
# rows (the five seeds complete that set). The fresh batch of issue 9 (12 articles nobody tuned
# rules on) is `--seed 20261203 --count 12 --exclude-existing`: the articles already annotated in
# tests/data/gold/ are taken out of the pool first, so the draw is uniform over the rest.
# Later blind batches, each drawn the same way after the one before was committed: seed 20261204
# --count 16, and seed 20261205 --count 24 (thaigov-20221105-b7dd3a75f0, 140,923 characters, was
# set aside for its size, so that batch holds 23), and seed 20261206 --count 24
# (thaigov-20210609-37f25d1f1f, 151,182 characters, set aside the same way: 23), and seed 20261207
# --count 24 (thaigov-20240109-7ccdcaff09, 104,690 characters, set aside: 23), and seed 20261209
# --count 25 (seed 20261208 was drawn and annotated once, but those files were lost unscored
# into the set, so its articles are not in it).
import argparse, glob, gzip, json, os, random

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "..", "..", "shared", "corpus", "thaigov-v2")
gold_dir = os.path.join(here, "..", "data", "gold")

ap = argparse.ArgumentParser(description=__doc__)
ap.add_argument("--seed", type=int, default=20261202)
ap.add_argument("--count", type=int, default=50)
ap.add_argument("--exclude-existing", action="store_true",
                help="leave out ids already annotated in tests/data/gold/")
ap.add_argument("--out", default="articles", help="directory the drawn articles go to")
args = ap.parse_args()

existing = set()
if args.exclude_existing:
    for path in glob.glob(os.path.join(gold_dir, "*.json")):
        with open(path, encoding="utf-8") as f:
            existing.add(json.load(f)["id"])

rows = []
for part in ("part-00", "part-01", "part-02"):
    with gzip.open(os.path.join(corpus, f"{part}.jsonl.gz"), "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            # Excluded rows leave the pool before the draw, so the draw stays uniform over the
            # rest; without exclusion the pool is every row, as in the original draw.
            if existing and json.loads(line)["id"] in existing:
                continue
            rows.append((part, n, line))
rng = random.Random(args.seed)
picked = rng.sample(range(len(rows)), args.count)
os.makedirs(args.out, exist_ok=True)
for i in sorted(picked):
    part, n, line = rows[i]
    obj = json.loads(line)
    obj["origin"] = f"thaigov-v2/{part}.jsonl.gz:{n}"
    with open(os.path.join(args.out, f"{obj['id']}.json"), "w", encoding="utf-8") as out:
        json.dump(obj, out, ensure_ascii=False, indent=1)
    print(obj["id"], len(obj["text"]), obj["origin"])
print(len(rows), "rows in the pool;", len(existing), "excluded")
