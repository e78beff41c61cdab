"""Near-duplicate pairs on real corpora: the store's matches against exact all-pairs comparison.

For the wire-copy set (612 US articles on one event, many AP/Reuters copies) and the
multilingual hour of news (1,469 Telegram-contest pages in many languages), every
article goes through the real pipeline into a fresh store; the pairs the store links
are compared with an exact all-pairs Jaccard/containment computation at the same
thresholds (the baseline, measured in the same run). Printed: exact pairs, pairs
found, recall, pairs found that exact comparison would not verify, cross-outlet
pairs, and seconds. Run twice: with boilerplate learning off (the index alone) and
on (the default: an outlet's recurring text is left out, so some same-outlet
"pairs" that were only shared chrome disappear on purpose).

    python benchmarks/corpus_pairs.py [--corpora PATH] [--json benchmarks/results/corpus_pairs.json]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from provenance import Settings, Store
from provenance.config import default_corpora
from provenance.extract import extract
from provenance.fingerprint import shingles
from provenance.index import similarity, verified
from provenance.models import Article
from provenance.pipeline import commit, prepare_article


def wire_articles(corpora: Path) -> list[Article]:
    path = corpora / "articlecomparisons-us-news-same-day" / "helsinki_articles.csv.gz"
    csv.field_size_limit(10**8)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return [
            Article(
                url=f"http://{row['publisher']}/wire/{i}",
                outlet=row["publisher"],
                text=row["text"].replace(" ### ", "\n"),
            )
            for i, row in enumerate(csv.DictReader(handle))
        ]


def telegram_articles(corpora: Path) -> list[Article]:
    root = corpora / "telegram-clustering-contest-2019-sample"
    out = []
    with (root / "index.tsv").open(encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            html = gzip.open(root / row["file"]).read().decode("utf-8", "replace")
            try:
                article = extract(html, row["og_url"])
            except Exception:  # a page with no text is simply not part of the set
                continue
            out.append(
                Article(
                    url=f"{article.url}#{i}",
                    outlet=article.outlet,
                    text=article.text,
                    published=article.published,
                )
            )
    return out


def measure(name: str, articles: list[Article], settings: Settings) -> dict[str, object]:
    sets = [shingles(a.text, settings.shingle_size) for a in articles]
    usable = [i for i, s in enumerate(sets) if len(s) >= settings.min_shingles]
    started = time.perf_counter()
    exact = {
        (i, j)
        for i, j in itertools.combinations(usable, 2)
        if verified(similarity(sets[i], sets[j]), len(sets[i]), len(sets[j]), settings)
    }
    exact_seconds = time.perf_counter() - started
    index = {articles[i].url: i for i in usable}
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with Store.open(Path(folder) / "s.db", settings) as store:
            with store.transaction():
                for i in usable:
                    commit(store, prepare_article(articles[i], settings), settings)
            found = set()
            for edge in store.iter_edges():
                a, b = index[edge.source], index[edge.target]
                found.add((min(a, b), max(a, b)))
        store_seconds = time.perf_counter() - started
    cross = {(i, j) for i, j in exact if articles[i].outlet != articles[j].outlet}
    return {
        "corpus": name,
        "boilerplate": settings.boilerplate_min_articles < 10**9,
        "articles": len(usable),
        "exact_pairs": len(exact),
        "found": len(found),
        "recall": round(len(found & exact) / len(exact), 4) if exact else None,
        "not_verified_by_exact": len(found - exact),
        "cross_outlet_exact": len(cross),
        "cross_outlet_recall": round(len(found & cross) / len(cross), 4) if cross else None,
        "store_seconds": round(store_seconds, 1),
        "exact_all_pairs_seconds": round(exact_seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/corpus_pairs.json"))
    args = parser.parse_args()
    if not args.corpora.exists():
        print(f"corpora not found at {args.corpora} (set PROVENANCE_CORPORA)", file=sys.stderr)
        return 2
    corpora = {
        "wire-copy (helsinki)": wire_articles(args.corpora),
        "multilingual hour (telegram)": telegram_articles(args.corpora),
    }
    rows = []
    for name, articles in corpora.items():
        for boilerplate in (False, True):
            settings = Settings() if boilerplate else Settings(boilerplate_min_articles=10**9)
            rows.append(measure(name, articles, settings))
    header = (
        "corpus",
        "boilerplate",
        "articles",
        "exact_pairs",
        "found",
        "recall",
        "not_verified_by_exact",
        "cross_outlet_exact",
        "cross_outlet_recall",
        "store_seconds",
        "exact_all_pairs_seconds",
    )
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[h]) for h in header))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
