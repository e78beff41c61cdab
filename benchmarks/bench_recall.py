"""Near-duplicate recall of the index against exact all-pairs Jaccard/containment, on real wire copies.

Corpus: ``articlecomparisons-us-news-same-day`` (612 Helsinki-summit articles
from 75 US publishers, many AP/Reuters copies; plus the census and spotify sets
as extra negatives). CSV: id, publisher, scrape_time, text with paragraphs
joined by " ### " (read by path only, never copied).

Truth: every pair of texts with at least ``min_shingles`` shingles whose exact
word-shingle Jaccard >= ``Settings.jaccard_threshold`` or whose smaller text is
>= ``Settings.containment_threshold`` inside the larger — computed by brute
force over all pairs (the baseline, timed in the same run). Found: the articles
are committed in order into a fresh store with ``provenance.pipeline.commit``
(index lookup, signature filter, exact verification, edges); a truth pair is
found when an edge joins it. Candidate recall (``index.candidate_ids`` in
either direction) and the band-only and anchor-only recalls show which part
of the index finds what.

    python benchmarks/bench_recall.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Report, need_corpus, read_articlecomparisons  # noqa: E402

from provenance.config import Settings  # noqa: E402
from provenance.index import Query, candidate_ids  # noqa: E402
from provenance.models import Article  # noqa: E402
from provenance.pipeline import commit, prepare_article  # noqa: E402
from provenance.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="same run (the set is small)")
    parser.parse_args()
    settings = Settings()
    folder = need_corpus("articlecomparisons-us-news-same-day")
    articles: list[Article] = []
    for name in ("helsinki_articles.csv.gz", "census_articles.csv", "spotify_articles.csv"):
        path = folder / name
        if not path.exists():
            continue
        for row_id, publisher, scraped, text in read_articlecomparisons(path):
            publisher = publisher.strip().lower() or "unknown.example"
            articles.append(
                Article(
                    url=f"https://{publisher}/{name.split('_')[0]}/{row_id}",
                    outlet=publisher,
                    text=text.strip(),
                    published=scraped[:10] or None,
                )
            )
    report = Report("recall")
    prepared = [prepare_article(a, settings) for a in articles]
    usable = [i for i, p in enumerate(prepared) if p.fingerprint is not None]

    # baseline: exact all pairs
    t = time.perf_counter()
    truth: set[tuple[int, int]] = set()
    jac_pairs = cont_pairs = 0
    for pos, i in enumerate(usable):
        a = prepared[i].shingles
        for j in usable[pos + 1 :]:
            b = prepared[j].shingles
            inter = len(a & b)
            if not inter:
                continue
            jac = inter / (len(a) + len(b) - inter)
            cont = inter / min(len(a), len(b))
            if jac >= settings.jaccard_threshold or cont >= settings.containment_threshold:
                truth.add((i, j))
                jac_pairs += jac >= settings.jaccard_threshold
                cont_pairs += jac < settings.jaccard_threshold
    exact_s = time.perf_counter() - t

    # the index: commit in order, as ingest does
    with tempfile.TemporaryDirectory(prefix="prov-bench-recall-") as tmp:
        t = time.perf_counter()
        with Store.open(Path(tmp) / "recall.db", settings) as store:
            ids: dict[str, int] = {}
            for p in prepared:
                outcome = commit(store, p, settings)
                if outcome.article_id is not None:
                    ids[p.article.url] = outcome.article_id
            index_s = time.perf_counter() - t
            learned = {}
            if hasattr(store, "boilerplate"):
                for outlet in sorted({a.outlet for a in articles}):
                    keys = store.boilerplate(outlet)
                    if keys:
                        learned[outlet] = len(keys)
            by_url = {a.url: i for i, a in enumerate(articles)}
            found = {
                tuple(sorted((by_url[e.source], by_url[e.target])))
                for e in store.iter_edges()
                if e.source in by_url and e.target in by_url
            }
            # candidate recall, either direction, and which part of the index produced it
            id_to_idx = {ids[articles[i].url]: i for i in usable if articles[i].url in ids}
            cands: set[tuple[int, int]] = set()
            band_pairs: set[tuple[int, int]] = set()
            anchor_pairs: set[tuple[int, int]] = set()
            for i in usable:
                p = prepared[i]
                assert p.fingerprint is not None
                q = Query(p.shingles, p.fingerprint, p.keys, p.anchors)
                me = ids[p.article.url]
                for other in candidate_ids(store, q, settings, exclude=me):
                    if other in id_to_idx:
                        cands.add(tuple(sorted((i, id_to_idx[other]))))  # type: ignore[arg-type]
                for other, hits in store.band_hits(p.keys).items():
                    if other != me and hits >= settings.min_band_hits and other in id_to_idx:
                        band_pairs.add(tuple(sorted((i, id_to_idx[other]))))  # type: ignore[arg-type]
                anchors = store.anchor_hits(p.anchors, max_postings=settings.max_postings)
                for other, hits in anchors.items():
                    if other == me or other not in id_to_idx:
                        continue
                    j = id_to_idx[other]
                    fewest = min(len(p.anchors), len(prepared[j].anchors))
                    if fewest and hits >= max(1.0, settings.anchor_ratio * fewest):
                        anchor_pairs.add(tuple(sorted((i, j))))  # type: ignore[arg-type]

    def recall(found_pairs: set) -> float:  # type: ignore[type-arg]
        return len(truth & found_pairs) / len(truth) if truth else float("nan")

    missed = sorted(truth - found)
    cross = {p for p in truth if articles[p[0]].outlet != articles[p[1]].outlet}
    same = truth - cross
    report.add(
        "articles", len(articles), note=f"{len(usable)} with >= {settings.min_shingles} shingles"
    )
    report.add(
        "true near-duplicate pairs",
        len(truth),
        note=f"{jac_pairs} by Jaccard >= {settings.jaccard_threshold}, {cont_pairs} only by "
        f"containment >= {settings.containment_threshold}",
    )
    report.check(
        "recall, end to end (edges)",
        recall(found),
        "",
        ">=",
        0.98,
        note=f"{len(truth & found)} found, {len(missed)} missed",
    )
    report.add(
        "  recall, cross-outlet pairs",
        len(cross & found) / len(cross) if cross else float("nan"),
        note=f"{len(cross)} pairs; republication proper",
    )
    report.add(
        "  recall, same-outlet pairs",
        len(same & found) / len(same) if same else float("nan"),
        note=f"{len(same)} pairs; repeats within one outlet (e.g. an aggregator)",
    )
    report.add(
        "precision, end to end",
        len(truth & found) / len(found) if found else float("nan"),
        note="verification is exact, so 1.0 expected",
    )
    report.check("recall of candidates (candidate_ids)", recall(cands), "", ">=", 0.98)
    report.add(
        "  recall of LSH bands alone",
        recall(band_pairs),
        note=f"{settings.lsh_bands} bands x {settings.lsh_rows} rows, >= {settings.min_band_hits} hit(s)",
    )
    report.add(
        "  recall of anchors alone",
        recall(anchor_pairs),
        note=f"1/{settings.anchor_modulus} of shingles, ratio {settings.anchor_ratio}",
    )
    report.add(
        "exact all-pairs (baseline) time",
        exact_s,
        "s",
        note=f"{len(usable) * (len(usable) - 1) // 2:,} pairs",
    )
    report.add("index ingest+match time", index_s, "s", note="commit() of every article, in order")

    def describe(pair: tuple[int, int]) -> dict[str, object]:
        a, b = prepared[pair[0]], prepared[pair[1]]
        inter = len(a.shingles & b.shingles)
        return {
            "same_outlet": articles[pair[0]].outlet == articles[pair[1]].outlet,
            "a": articles[pair[0]].url,
            "b": articles[pair[1]].url,
            "sizes": [len(a.shingles), len(b.shingles)],
            "jaccard": round(inter / (len(a.shingles) + len(b.shingles) - inter), 3),
            "containment_smaller": round(inter / min(len(a.shingles), len(b.shingles)), 3),
            "candidate": pair in cands,
            "band": pair in band_pairs,
            "anchor": pair in anchor_pairs,
        }

    report.data = {
        "articles": len(articles),
        "usable": len(usable),
        "truth_pairs": len(truth),
        "found_pairs": len(found),
        "missed": [describe(p) for p in missed[:200]],
        "false_positives": len(found - truth),
        "boilerplate_learned": learned,
        "exact_seconds": exact_s,
        "index_seconds": index_s,
    }
    report.add(
        "outlets with learned boilerplate",
        len(learned),
        note=", ".join(f"{o}: {k}" for o, k in sorted(learned.items(), key=lambda x: -x[1])[:4]),
    )
    report.print()
    if missed:
        print(f"missed pairs (first 10 of {len(missed)}):")
        for m in report.data["missed"][:10]:
            print(
                f"  same_outlet={m['same_outlet']} J={m['jaccard']} C={m['containment_smaller']} sizes={m['sizes']} "
                f"cand={m['candidate']} band={m['band']} anchor={m['anchor']}"
            )
    report.write()


if __name__ == "__main__":
    main()
