"""What the SQLAlchemy store costs: the old raw-sqlite3 store against the new one on SQLite and PostgreSQL.

Three arms, measured in the same run on the same articles:

* ``old``: the store before the rewrite (``--old-rev``, default b584f75), checked out
  with ``git worktree add`` and imported through ``PYTHONPATH`` by child processes
  (each child checks that ``provenance`` resolves to that tree), on a schema-4 file;
* ``sqlite``: this tree's store on a schema-5 SQLite file;
* ``postgresql``: this tree's store on a PostgreSQL database (``--pg-server``).

The synthetic stores of ``synth_store.py`` hold the same articles, index rows and
edges in all three (the generator is deterministic; the old file is created by the
old code's ``Store.open`` and filled by the same generator; the PostgreSQL one is a
copy of the new file); the counts are checked before anything is timed. For each
size, each arm runs in its own child process, arms alternate and the best of
``--rounds`` rounds is kept:

* in process, warm cache: ``Store.open``; ``pipeline.lookup`` of a stored URL (what
  the CLI does); ``index.find_matches`` on a stored article's text (the index step of
  every ingest commit); single statements: ``store.article_id`` (one indexed
  SELECT), ``store.band_hits`` (one GROUP BY over 32 keys), ``store.load``;
* the whole CLI process, ``provenance lookup --store S URL`` (wall; the three arms'
  outputs are compared);

and, on fresh empty stores:

* bulk ingest of real pages replayed from a WARC (``bulk.ingest_warcs``, all
  workers): end-to-end pages/s, as ``bench_ingest.py`` measures it;
* the writer alone: ``pipeline.commit`` of prepared synthetic articles (3% copies),
  50 per transaction as bulk ingest does: articles/s of the store's write path.

Ratios are new / old (for latencies, > 1 is slower; for rates, < 1 is slower).
The old worktree is created if absent and removed at the end if this script made it;
PostgreSQL databases (``prov_bench_*``) are dropped at the end unless ``--keep-db``.

    python benchmarks/bench_engines.py [--quick] [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, Report, run_child, summary_ms  # noqa: E402

ARMS = ("old", "sqlite", "postgresql")
SHOWN = {"old": "old (sqlite3)", "sqlite": "new SQLite", "postgresql": "new PostgreSQL"}
CLI = Path(sys.executable).parent / "provenance"
DEFAULT_REV = "b584f75"
DEFAULT_TREE = Path(tempfile.gettempdir()) / "prov-old"


# -- children: run under the old or the new code ---------------------------------------------


def _code_root() -> str:
    import provenance

    return str(Path(provenance.__file__).resolve().parent.parent)


def child_lookup(spec: dict[str, Any]) -> dict[str, Any]:
    """In-process lookup figures on an existing store (works with the old and new Store)."""
    from provenance.config import Settings
    from provenance.fetch import Fetcher
    from provenance.index import Query, find_matches
    from provenance.pipeline import component, lookup, prepare_article
    from provenance.store import Store

    settings = Settings()
    target = spec["store"]
    urls: list[str] = spec["urls"]
    Store.open(target, settings, create=False).close()  # imports, connections: not timed
    opens = []
    for _ in range(spec["opens"]):
        t = time.perf_counter()
        Store.open(target, settings, create=False).close()
        opens.append(time.perf_counter() - t)
    store = Store.open(target, settings, create=False)
    for url in urls[:20]:  # warm up: page cache, statement caches
        component(store, url)

    async def lookups() -> list[float]:
        out = []
        async with Fetcher(settings) as fetcher:
            for url in urls:
                t = time.perf_counter()
                await lookup(url, store, settings, fetcher=fetcher)
                out.append(time.perf_counter() - t)
        return out

    lookup_t = asyncio.run(lookups())
    id_t, load_t, band_t, match_t, matches = [], [], [], [], []
    for url in urls:
        t = time.perf_counter()
        article_id = store.article_id(url)
        id_t.append(time.perf_counter() - t)
        assert article_id is not None
        t = time.perf_counter()
        stored = store.load(article_id)
        load_t.append(time.perf_counter() - t)
        p = prepare_article(stored.article, settings)
        assert p.fingerprint is not None
        t = time.perf_counter()
        store.band_hits(list(p.keys))
        band_t.append(time.perf_counter() - t)
        query = Query(p.shingles, p.fingerprint, p.keys, p.anchors)
        t = time.perf_counter()
        found = find_matches(store, query, settings, exclude=stored.id)
        match_t.append(time.perf_counter() - t)
        matches.append(len(found))
    store.close()
    return {
        "code": _code_root(),
        "open": summary_ms(opens),
        "lookup": summary_ms(lookup_t),
        "article_id": summary_ms(id_t),
        "load": summary_ms(load_t),
        "band_hits": summary_ms(band_t),
        "find_matches": summary_ms(match_t),
        "matches": sum(matches),
    }


def child_ingest(spec: dict[str, Any]) -> dict[str, Any]:
    """``bulk.ingest_warcs`` of a WARC into a new, empty store."""
    from provenance.bulk import ingest_warcs
    from provenance.config import Settings
    from provenance.store import Store

    settings = Settings()
    t = time.perf_counter()
    with Store.open(spec["store"], settings) as store:
        report = ingest_warcs([Path(spec["warc"])], store, settings, workers=spec["workers"])
        counts = store.counts() if hasattr(store, "counts") else {}
    seconds = time.perf_counter() - t
    return {
        "code": _code_root(),
        "seconds": seconds,
        "outcomes": dict(report.counts),
        "counts": {k: counts.get(k) for k in ("articles", "lsh", "anchors", "edges")},
    }


def child_commit(spec: dict[str, Any]) -> dict[str, Any]:
    """The writer alone: ``pipeline.commit`` of prepared articles, 50 per transaction."""
    from provenance.config import Settings
    from provenance.models import Article
    from provenance.pipeline import commit, prepare_article
    from provenance.store import Store

    settings = Settings()
    prepared = [
        prepare_article(Article(url=url, outlet=outlet, text=text), settings)
        for url, outlet, text in spec["articles"]
    ]
    batch = spec["batch"]
    per_batch = []
    statuses: dict[str, int] = {}
    with Store.open(spec["store"], settings) as store:
        t0 = time.perf_counter()
        for start in range(0, len(prepared), batch):
            t = time.perf_counter()
            with store.transaction():
                for item in prepared[start : start + batch]:
                    outcome = commit(store, item, settings)
                    statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
            per_batch.append(time.perf_counter() - t)
        seconds = time.perf_counter() - t0
        edges = sum(1 for _ in store.iter_edges())
    return {
        "code": _code_root(),
        "seconds": seconds,
        "articles": len(prepared),
        "per_article_ms": 1000 * seconds / len(prepared),
        "batch": summary_ms(per_batch),
        "statuses": statuses,
        "edges": edges,
    }


CHILDREN = {"lookup": child_lookup, "ingest": child_ingest, "commit": child_commit}


# -- the parent ------------------------------------------------------------------------------


class Arms:
    """How to run a child under each arm's code, and where each arm's store is."""

    def __init__(self, rev: str, tree: Path, pg_server: str) -> None:
        self.rev = rev
        self.tree = tree
        self.pg_server = pg_server
        base = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        self.env = {
            "old": {**base, "PYTHONPATH": str(tree)},
            "sqlite": base,
            "postgresql": base,
        }

    def code_root(self, arm: str) -> str:
        out = subprocess.run(
            [sys.executable, "-c", "import provenance; print(provenance.__file__)"],
            env=self.env[arm],
            cwd=tempfile.gettempdir(),  # not the repository: '' on sys.path would win
            capture_output=True,
            text=True,
            check=True,
        )
        return str(Path(out.stdout.strip()).resolve().parent.parent)

    def child(self, arm: str, mode: str, spec: dict[str, Any], tmp: Path) -> dict[str, Any]:
        spec_file = tmp / f"spec-{arm}-{mode}.json"
        spec_file.write_text(json.dumps(spec))
        proc = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(spec_file)],
            env=self.env[arm],
            cwd=tempfile.gettempdir(),
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"{arm} {mode} child failed:\n{proc.stderr[-3000:]}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        want = str(self.tree.resolve()) if arm == "old" else str(ROOT)
        if result["code"] != want:
            raise SystemExit(f"{arm} child ran the code in {result['code']}, not {want}")
        return result


def ensure_tree(rev: str, tree: Path) -> bool:
    """Check out ``rev`` at ``tree`` (a git worktree) unless it is there; True if made now."""
    if tree.exists():
        head = subprocess.run(
            ["git", "-C", str(tree), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        want = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", rev], capture_output=True, text=True, check=True
        ).stdout.strip()
        if head != want:
            raise SystemExit(f"{tree} exists but is not {rev} ({head or 'not a git tree'})")
        return False
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
        check=True,
        capture_output=True,
    )
    return True


def remove_tree(tree: Path) -> None:
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
        check=False,
        capture_output=True,
    )


def old_opener(arms: Arms):  # type: ignore[no-untyped-def]
    """``synth_store.build``'s ``open_store``, done by the old code (a schema-4 file)."""

    def open_store(path: Path, create: bool) -> None:
        code = (
            "import sys; from provenance.config import Settings; "
            "from provenance.store import Store; "
            "Store.open(sys.argv[1], Settings(), create=sys.argv[2] == '1').close()"
        )
        subprocess.run(
            [sys.executable, "-c", code, str(path), "1" if create else "0"],
            env=arms.env["old"],
            cwd=tempfile.gettempdir(),
            check=True,
        )

    return open_store


def sqlite_counts(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[str, Any] = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "lsh", "anchors", "edges")
        }
        out["schema"] = conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()[0]
        return out
    finally:
        conn.close()


def prepare_stores(n: int, arms: Arms, keep: list[str]) -> dict[str, str]:
    """The three stores of ``n`` articles, checked to hold the same rows; arm -> --store."""
    import synth_store

    t = time.perf_counter()
    new_path = synth_store.build(n)
    old_cache = synth_store.cache_dir() / f"old-{arms.rev}"
    old_path = synth_store.build(n, cache=old_cache, open_store=old_opener(arms))
    url, pg = synth_store.build_postgresql(n, arms.pg_server)
    keep.append(url)
    new_c, old_c = sqlite_counts(new_path), sqlite_counts(old_path)
    pg_c = synth_store._pg_counts(url)
    rows = ("articles", "lsh", "anchors", "edges")
    if (
        any(new_c[k] != old_c[k] for k in rows)
        or pg_c is None
        or any(pg_c[k] != new_c[k] for k in rows)
    ):
        raise SystemExit(f"stores differ: old {old_c}, new {new_c}, PostgreSQL {pg_c}")
    if str(old_c["schema"]) == str(new_c["schema"]):
        raise SystemExit(f"the old store has the new schema ({old_c['schema']}): wrong code?")
    print(
        f"  [{n:,}] stores ready in {time.perf_counter() - t:.0f}s: old schema {old_c['schema']},"
        f" new schema {new_c['schema']}, {new_c['articles']:,} articles, {new_c['lsh']:,} LSH"
        f" rows, {new_c['anchors']:,} anchors, {new_c['edges']:,} edges (PostgreSQL: {pg})",
        file=sys.stderr,
        flush=True,
    )
    return {"old": str(old_path), "sqlite": str(new_path), "postgresql": url}


def warm(stores: dict[str, str]) -> None:
    import synth_store

    for arm, target in stores.items():
        if arm == "postgresql":
            synth_store.pg_warm(target)
        else:
            with open(target, "rb") as f:
                while f.read(16 << 20):
                    pass


def rotated(r: int) -> list[str]:
    k = r % len(ARMS)
    return list(ARMS[k:] + ARMS[:k])


def best_of(rounds: list[dict[str, Any]], key: str) -> dict[str, float]:
    """Per statistic, the best (lowest) of the rounds' summaries for ``key``."""
    return {
        stat: min(r[key][stat] for r in rounds) for stat in ("p50_ms", "p99_ms", "mean_ms", "n")
    }


def bench_lookups(
    n: int, arms: Arms, stores: dict[str, str], args: argparse.Namespace, tmp: Path
) -> dict[str, Any]:
    rng = random.Random(n)
    ids = rng.sample(range(1, n + 1), args.queries)
    conn = sqlite3.connect(f"file:{stores['sqlite']}?mode=ro", uri=True)
    by_id = dict(
        conn.execute(f"SELECT id, url FROM articles WHERE id IN ({','.join(map(str, ids))})")
    )
    conn.close()
    urls = [by_id[i] for i in ids]
    warm(stores)
    spec = {"urls": urls, "opens": 20}
    runs: dict[str, list[dict[str, Any]]] = {arm: [] for arm in ARMS}
    for r in range(args.rounds):
        for arm in rotated(r):
            runs[arm].append(arms.child(arm, "lookup", {**spec, "store": stores[arm]}, tmp))
            print(
                f"  [{n:,}] round {r} {arm}: lookup p50 {runs[arm][-1]['lookup']['p50_ms']:.2f} ms",
                file=sys.stderr,
                flush=True,
            )
    matches = {arm: runs[arm][0]["matches"] for arm in ARMS}
    if len(set(matches.values())) != 1:
        raise SystemExit(f"find_matches found different matches per arm: {matches}")
    inproc = {
        arm: {
            key: best_of(runs[arm], key)
            for key in ("open", "lookup", "article_id", "load", "band_hits", "find_matches")
        }
        for arm in ARMS
    }
    # the whole CLI, arms alternating URL by URL; outputs compared
    cli: dict[str, list[float]] = {arm: [] for arm in ARMS}
    differ = 0
    for k, url in enumerate(urls[: args.cli_runs]):
        outputs = {}
        for arm in rotated(k):
            wall, _, rc, out, err = run_child(
                [str(CLI), "lookup", "--store", stores[arm], url],
                env=arms.env[arm],
                cwd=tempfile.gettempdir(),
            )
            if rc != 0:
                raise SystemExit(f"{arm}: provenance lookup failed ({rc}): {err.decode()[-800:]}")
            cli[arm].append(wall)
            outputs[arm] = out
        differ += len(set(outputs.values())) > 1
    print(f"  [{n:,}] measured", file=sys.stderr, flush=True)
    return {
        "inproc": inproc,
        "rounds": runs,
        "cli": {arm: summary_ms(cli[arm]) for arm in ARMS},
        "cli_outputs_differ": differ,
        "matches": matches,
    }


def pg_fresh(arms: Arms, name: str) -> str:
    import synth_store

    url = f"{arms.pg_server.rstrip('/')}/{name}"
    synth_store.pg_drop(url)
    synth_store.pg_create(url)
    return url


def bench_writes(arms: Arms, args: argparse.Namespace, tmp: Path, dbs: list[str]) -> dict[str, Any]:
    import synth_store
    from _common import real_pages
    from bench_ingest import write_warc

    out: dict[str, Any] = {}
    # the writer alone: prepared synthetic articles, some of them copies of others
    texts = synth_store.new_texts(args.commits, seed=4242)
    rng = random.Random(4242)
    articles = []
    for k, text in enumerate(texts):
        articles.append(
            [f"https://outlet-{k % 97}.example/a/{k}.html", f"outlet-{k % 97}.example", text]
        )
        if rng.random() < 0.05:  # a copy with a disclaimer, by another outlet
            j = len(articles)
            articles.append(
                [
                    f"https://copier-{j % 13}.example/c/{j}.html",
                    f"copier-{j % 13}.example",
                    text + "\n\nThis article first appeared elsewhere and is republished here.",
                ]
            )
    commit_runs: dict[str, list[dict[str, Any]]] = {arm: [] for arm in ARMS}
    for r in range(args.rounds):
        for arm in rotated(r):
            if arm == "postgresql":
                target = pg_fresh(arms, "prov_bench_engines_commit")
                dbs.append(target)
            else:
                target = str(tmp / f"commit-{arm}-{r}.db")
            res = arms.child(
                arm, "commit", {"store": target, "articles": articles, "batch": 50}, tmp
            )
            commit_runs[arm].append(res)
            print(
                f"  commit round {r} {arm}: {res['articles'] / res['seconds']:.0f} articles/s",
                file=sys.stderr,
                flush=True,
            )
    edges = {arm: commit_runs[arm][0]["edges"] for arm in ARMS}
    if len(set(edges.values())) != 1:
        raise SystemExit(f"commit wrote different edges per arm: {edges}")
    out["commit"] = {
        "articles": len(articles),
        "edges": edges["sqlite"],
        "best_seconds": {arm: min(x["seconds"] for x in commit_runs[arm]) for arm in ARMS},
        "runs": commit_runs,
    }
    if args.pages == 0:
        return out
    pages = real_pages(args.pages)
    warc = tmp / "pages.warc.gz"
    write_warc(pages, warc)
    ingest_runs: dict[str, list[dict[str, Any]]] = {arm: [] for arm in ARMS}
    for r in range(args.rounds):
        for arm in rotated(r):
            if arm == "postgresql":
                target = pg_fresh(arms, "prov_bench_engines_ingest")
                dbs.append(target)
            else:
                target = str(tmp / f"ingest-{arm}-{r}.db")
            spec = {"store": target, "warc": str(warc), "workers": args.workers}
            res = arms.child(arm, "ingest", spec, tmp)
            ingest_runs[arm].append(res)
            print(
                f"  ingest round {r} {arm}: {len(pages) / res['seconds']:.1f} pages/s",
                file=sys.stderr,
                flush=True,
            )
    outcomes = {arm: json.dumps(ingest_runs[arm][0]["outcomes"], sort_keys=True) for arm in ARMS}
    out["ingest"] = {
        "pages": len(pages),
        "workers": args.workers,
        "outcomes": {arm: ingest_runs[arm][0]["outcomes"] for arm in ARMS},
        "same_outcomes": len(set(outcomes.values())) == 1,
        "best_seconds": {arm: min(x["seconds"] for x in ingest_runs[arm]) for arm in ARMS},
        "runs": ingest_runs,
    }
    return out


# -- the table ---------------------------------------------------------------------------------


def _cell(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.3f}" if value < 1 else f"{value:.2f}"
    if unit == "s":
        return f"{value:.3f}"
    return f"{value:,.1f}"


def table(sizes: list[int], lookups: dict[int, dict[str, Any]], writes: dict[str, Any]) -> list:
    rows: list[tuple[str, str, dict[str, float]]] = []
    for n in sizes:
        label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
        ip = lookups[n]["inproc"]
        for key, name in (
            ("lookup", "lookup(stored URL)"),
            ("find_matches", "find_matches(stored text)"),
        ):
            for stat in ("p50_ms", "p99_ms"):
                rows.append(
                    (f"[{label}] {name} {stat[:3]}", "ms", {a: ip[a][key][stat] for a in ARMS})
                )
        for key, name in (
            ("article_id", "store.article_id (1 SELECT)"),
            ("load", "store.load (1 SELECT)"),
            ("band_hits", "store.band_hits (1 SELECT)"),
            ("open", "Store.open"),
        ):
            rows.append((f"[{label}] {name} p50", "ms", {a: ip[a][key]["p50_ms"] for a in ARMS}))
        cli = lookups[n]["cli"]
        rows.append(
            (f"[{label}] CLI lookup URL, wall p50", "s", {a: cli[a]["p50_ms"] / 1000 for a in ARMS})
        )
    c = writes["commit"]
    rows.append(
        (
            f"writer: commit {c['articles']:,} articles, 50/transaction",
            "articles/s",
            {a: c["articles"] / c["best_seconds"][a] for a in ARMS},
        )
    )
    if "ingest" in writes:
        g = writes["ingest"]
        rows.append(
            (
                f"ingest_warcs {g['pages']:,} real pages, {g['workers']} workers",
                "pages/s",
                {a: g["pages"] / g["best_seconds"][a] for a in ARMS},
            )
        )
    return rows


def print_table(rows: list) -> None:
    header = ("figure", "unit", *[SHOWN[a] for a in ARMS], "SQLite/old", "PG/old")
    body = []
    for figure, unit, values in rows:
        old = values["old"]
        body.append(
            (
                figure,
                unit,
                *[_cell(values[a], unit) for a in ARMS],
                f"{values['sqlite'] / old:.2f}x" if old else "n/a",
                f"{values['postgresql'] / old:.2f}x" if old else "n/a",
            )
        )
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body, strict=False)]
    print(
        "\n== engines: old store vs new store (ratios new/old; latency > 1 and rate < 1 are slower) =="
    )
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in body:
        cells = [
            str(c).ljust(w) if i == 0 or i == 1 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())


def main() -> None:
    import synth_store

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k, fewer queries, 100 pages")
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--queries", type=int, default=None, help="stored URLs per size")
    parser.add_argument("--cli-runs", type=int, default=None, help="CLI lookups per arm and size")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per arm (best kept)")
    parser.add_argument("--pages", type=int, default=None, help="real pages to ingest (0: skip)")
    parser.add_argument("--commits", type=int, default=None, help="synthetic articles to commit")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--old-rev", default=DEFAULT_REV)
    parser.add_argument("--old-tree", type=Path, default=DEFAULT_TREE)
    parser.add_argument(
        "--pg-server",
        default=os.environ.get("PROVENANCE_BENCH_PG", synth_store.PG_DEFAULT),
        help="PostgreSQL server URL, without a database (env PROVENANCE_BENCH_PG)",
    )
    parser.add_argument("--keep-db", action="store_true", help="keep the prov_bench_* databases")
    parser.add_argument("--keep-tree", action="store_true", help="keep the old worktree")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, spec_file = args.child
        print(json.dumps(CHILDREN[mode](json.loads(Path(spec_file).read_text()))))
        return
    sizes = sorted(args.sizes or ([10_000] if args.quick else [10_000, 100_000]))
    args.queries = args.queries or (100 if args.quick else 300)
    args.cli_runs = args.cli_runs or (3 if args.quick else 8)
    args.pages = args.pages if args.pages is not None else (100 if args.quick else None)
    args.commits = args.commits or (300 if args.quick else 1500)
    report = Report("engines")
    made_tree = ensure_tree(args.old_rev, args.old_tree)
    arms = Arms(args.old_rev, args.old_tree, args.pg_server)
    dbs: list[str] = []
    try:
        roots = {arm: arms.code_root(arm) for arm in ARMS}
        if roots["old"] != str(args.old_tree.resolve()) or roots["sqlite"] != str(ROOT):
            raise SystemExit(f"provenance resolves to {roots}: check PYTHONPATH handling")
        lookups: dict[int, dict[str, Any]] = {}
        with tempfile.TemporaryDirectory(prefix="prov-bench-engines-") as tmpdir:
            tmp = Path(tmpdir)
            for n in sizes:
                stores = prepare_stores(n, arms, dbs)
                lookups[n] = bench_lookups(n, arms, stores, args, tmp)
            writes = bench_writes(arms, args, tmp, dbs)
    finally:
        if not args.keep_db:
            for url in dict.fromkeys(dbs):
                synth_store.pg_drop(url)
        if made_tree and not args.keep_tree:
            remove_tree(args.old_tree)
    rows = table(sizes, lookups, writes)
    print_table(rows)
    for n in sizes:
        if lookups[n]["cli_outputs_differ"]:
            print(
                f"note: [{n:,}] {lookups[n]['cli_outputs_differ']} CLI lookups printed different outputs across arms"
            )
    if "ingest" in writes and not writes["ingest"]["same_outcomes"]:
        print(f"note: ingest outcomes differ across arms: {writes['ingest']['outcomes']}")
    for figure, unit, values in rows:
        report.add(
            figure,
            " / ".join(_cell(values[a], unit) for a in ARMS),
            unit,
            note=f"new SQLite {values['sqlite'] / values['old']:.2f}x, "
            f"PostgreSQL {values['postgresql'] / values['old']:.2f}x of old",
        )
    report.data = {
        "arms": {a: SHOWN[a] for a in ARMS},
        "old_rev": args.old_rev,
        "sizes": sizes,
        "table": [{"figure": f, "unit": u, **v} for f, u, v in rows],
        "lookups": {str(n): v for n, v in lookups.items()},
        "writes": writes,
        "pg_server": arms.pg_server,
        "pg_version": _pg_version(args.pg_server),
    }
    report.write()


def _pg_version(server: str) -> str:
    try:
        import psycopg

        with psycopg.connect(f"{server.rstrip('/')}/postgres") as conn:
            row = conn.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else "?"
    except Exception as exc:  # noqa: BLE001 - informational only
        return f"? ({exc})"


if __name__ == "__main__":
    main()
