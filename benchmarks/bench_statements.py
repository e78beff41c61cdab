"""What one store statement costs on each engine, against the bare driver in the same run.

On the synthetic store of ``--n`` articles (``synth_store.py``; SQLite, and its copy in
PostgreSQL unless ``--no-postgresql``), for stored URLs and their articles' anchors:

* ``store.article_id(url)`` (one indexed SELECT through the store) against the same
  SELECT as a prebuilt Core statement (``conn.execute``), as a statement built on each
  call, through ``exec_driver_sql`` (these three in one open transaction, so on
  PostgreSQL one round trip each), and on the bare driver (sqlite3; psycopg in
  autocommit, and psycopg inside BEGIN ... ROLLBACK, which is what a read outside a
  transaction costs when the driver is not in autocommit);
* ``store.anchor_hits(anchors)`` (one SELECT ... LIMIT per anchor) against one
  statement for all of an article's anchors, capped per key with ``row_number()``
  (a prototype: its results are checked equal to the store's);
* inserting one article's ~90 index rows: Core ``executemany`` of dicts against the
  driver's ``executemany`` of tuples (SQLite).

These are the costs behind the ratios of ``bench_engines.py``; each row says where a
store method spends its time beyond the database's own work.

    python benchmarks/bench_statements.py [--n 10000] [--queries 300] [--no-postgresql]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_store  # noqa: E402
from _common import Report  # noqa: E402
from sqlalchemy import bindparam, func, insert, select  # noqa: E402

from provenance import schema  # noqa: E402
from provenance.config import Settings  # noqa: E402
from provenance.pipeline import prepare_article  # noqa: E402
from provenance.store import Store  # noqa: E402

_BY_URL = select(schema.articles.c.id).where(schema.articles.c.url == bindparam("url"))
_a = schema.anchors
_ranked = (
    select(_a.c.key, _a.c.article_id, func.row_number().over(partition_by=_a.c.key).label("rn"))
    .where(_a.c.key.in_(bindparam("keys", expanding=True)))
    .subquery()
)
_ANCHORS_WINDOWED = select(_ranked.c.key, _ranked.c.article_id).where(
    _ranked.c.rn <= bindparam("limit")
)


def anchor_hits_windowed(store: Store, anchors: list[int], max_postings: int) -> dict[int, int]:
    """``Store.anchor_hits`` in one statement: each key's postings capped at max_postings + 1."""
    if not anchors:
        return {}
    postings: dict[int, list[int]] = {}
    conn = store.conn  # as the store reads: its own connection, nothing left open after
    rows = conn.execute(_ANCHORS_WINDOWED, {"keys": list(anchors), "limit": max_postings + 1})
    for key, article_id in rows.all():
        postings.setdefault(int(key), []).append(int(article_id))
    if conn.in_transaction():
        conn.rollback()
    hits: dict[int, int] = {}
    for key in anchors:
        found = postings.get(key, [])
        if len(found) > max_postings:
            continue
        for article_id in found:
            hits[article_id] = hits.get(article_id, 0) + 1
    return hits


def timed(fn: Callable[[Any], Any], items: list[Any], rounds: int = 3) -> float:
    """Median milliseconds per call over ``rounds`` passes over ``items``."""
    out = []
    for _ in range(rounds):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append(time.perf_counter() - t)
    return 1000 * statistics.median(out)


def measure(target: str, dialect: str, urls: list[str], settings: Settings) -> dict[str, float]:
    store = Store.open(target, settings, create=False)
    out: dict[str, float] = {}
    conn = store.conn
    out["store.article_id"] = timed(store.article_id, urls)
    # the next three run inside one transaction the driver opened: the statement's own cost
    out["Core prebuilt select, conn.execute"] = timed(
        lambda u: conn.execute(_BY_URL, {"url": u}).scalar(), urls
    )
    if conn.in_transaction():
        conn.rollback()
    out["Core select built per call"] = timed(
        lambda u: conn.execute(
            select(schema.articles.c.id).where(schema.articles.c.url == u)
        ).scalar(),
        urls,
    )
    if conn.in_transaction():
        conn.rollback()
    mark = "?" if dialect == "sqlite" else "%s"
    sql = f"SELECT id FROM articles WHERE url = {mark}"
    out["exec_driver_sql"] = timed(lambda u: conn.exec_driver_sql(sql, (u,)).scalar(), urls)
    if conn.in_transaction():
        conn.rollback()
    if dialect == "sqlite":
        raw = sqlite3.connect(target)
        out["bare driver"] = timed(lambda u: raw.execute(sql, (u,)).fetchone(), urls)
        raw.close()
    else:
        import psycopg

        with psycopg.connect(target, autocommit=True) as auto:
            out["bare driver"] = timed(lambda u: auto.execute(sql, (u,)).fetchone(), urls)
        with psycopg.connect(target) as txn:

            def in_txn(u: str) -> None:
                txn.execute(sql, (u,)).fetchone()
                txn.rollback()

            out["bare driver, BEGIN + SELECT + ROLLBACK"] = timed(in_txn, urls)
    # anchors: the store's loop against one windowed statement (results checked equal)
    ids = [store.article_id(u) for u in urls]
    anchors = [
        list(prepare_article(s.article, settings).anchors)
        for s in store.load_many([i for i in ids if i is not None])
    ]
    limit = settings.max_postings
    for a in anchors[:50]:
        assert anchor_hits_windowed(store, a, limit) == store.anchor_hits(a, max_postings=limit)
    out["store.anchor_hits"] = timed(lambda a: store.anchor_hits(a, max_postings=limit), anchors)
    out["anchor_hits, one windowed statement"] = timed(
        lambda a: anchor_hits_windowed(store, a, limit), anchors
    )
    out["anchors per article"] = statistics.fmean(len(a) for a in anchors)
    store.close()
    return out


def inserts(settings: Settings) -> dict[str, float]:
    """One article's index rows (32 LSH + ~60 anchors): Core executemany vs the driver's."""
    rng = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="prov-bench-stmt-") as tmp:
        store = Store.open(Path(tmp) / "s.db", settings)
        core, bare = [], []
        for i in range(1, 300):
            keys = [rng.randrange(-(2**31), 2**31) for _ in range(92)]
            with store.transaction() as conn:
                t = time.perf_counter()
                conn.execute(insert(schema.anchors), [{"key": k, "article_id": i} for k in keys])
                core.append(time.perf_counter() - t)
                driver = conn.connection.driver_connection
                assert driver is not None
                t = time.perf_counter()
                driver.executemany(
                    "INSERT INTO lsh (key, article_id) VALUES (?, ?)", [(k, i) for k in keys]
                )
                bare.append(time.perf_counter() - t)
        store.close()
    return {
        "Core executemany, 92 rows": 1000 * statistics.median(core),
        "driver executemany, 92 rows": 1000 * statistics.median(bare),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 queries")
    parser.add_argument("--n", type=int, default=10_000, help="synthetic store size")
    parser.add_argument("--queries", type=int, default=None)
    parser.add_argument("--no-postgresql", action="store_true")
    parser.add_argument(
        "--pg-server",
        default=os.environ.get("PROVENANCE_BENCH_PG", synth_store.PG_DEFAULT),
        help="PostgreSQL server URL, without a database (env PROVENANCE_BENCH_PG)",
    )
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    queries = args.queries or (100 if args.quick else 300)
    settings = Settings()
    path = synth_store.build(args.n)
    targets = {"sqlite": str(path)}
    if not args.no_postgresql:
        targets["postgresql"], _ = synth_store.build_postgresql(args.n, args.pg_server)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ids = random.Random(args.n).sample(range(1, args.n + 1), queries)
    urls = [raw.execute("SELECT url FROM articles WHERE id = ?", (i,)).fetchone()[0] for i in ids]
    raw.close()
    results: dict[str, dict[str, float]] = {}
    try:
        for dialect, target in targets.items():
            if dialect == "postgresql":
                synth_store.pg_warm(target)
            results[dialect] = measure(target, dialect, urls, settings)
        results["sqlite"].update(inserts(settings))
    finally:
        if "postgresql" in targets and not args.keep_db:
            synth_store.pg_drop(targets["postgresql"])
    report = Report("statements")
    for dialect, figures in results.items():
        bare = figures.get("bare driver")
        for name, value in figures.items():
            if name == "anchors per article":
                report.add(f"[{dialect}] {name}", value)
                continue
            note = ""
            if (
                bare
                and name not in ("bare driver",)
                and "anchor" not in name
                and "rows" not in name
            ):
                note = f"{value / bare:.1f}x the bare driver"
            if name == "anchor_hits, one windowed statement":
                note = f"{figures['store.anchor_hits'] / value:.1f}x faster than store.anchor_hits"
            if name == "Core executemany, 92 rows":
                note = f"{value / figures['driver executemany, 92 rows']:.1f}x the driver's"
            report.add(f"[{dialect}] {name}", value, "ms", note=note)
    report.data = {"n": args.n, "queries": queries, "results": results}
    report.print()
    report.write()


if __name__ == "__main__":
    main()
