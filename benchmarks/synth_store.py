"""Realistic synthetic provenance stores of any size, built fast and cached.

Texts are drawn from a Zipf-Mandelbrot distribution over a vocabulary ranked by
word frequency in real corpus texts (scrapinghub's article bodies and the
ArticleComparisons news texts), cut into sentences and paragraphs, with
log-normal lengths (median ~450 words, like news articles). A few percent of
the articles are near-duplicate clusters: an original plus 1-4 copies that
add a disclaimer, add a byline and a closing line, are excerpts (the first half
or more of the paragraphs), or are lightly edited (a paragraph dropped, ~2% of
words changed). Cluster members get the edges that ingest would have recorded
(verified with the real thresholds, directed by ``provenance.evidence.decide``).

Signatures are real: computed with ``provenance.fingerprint.fingerprint`` and
``band_keys`` in worker processes; the parent bulk-inserts articles with
``executemany`` in one transaction and the LSH rows sorted by key (an append
to the ``WITHOUT ROWID`` B-tree), which is what makes 1M articles buildable in
minutes. The empty store is created by the library (``Store.open``), so the file
has the schema of the code that runs; rows are written with sqlite3 into those
tables (edges get their ``pair`` key when the schema has one). A sidecar
``<store>.json`` records the build and the cluster members; a store is reused
when its sidecar says it is complete and of this version.

A PostgreSQL store of the same articles is a verified copy of the SQLite one
(``provenance.storecopy.copy_store``, what ``provenance store copy`` runs; or, with
``--raw-copy``, a bare COPY of the rows, about 2.4x faster and unverified), followed
by ``VACUUM ANALYZE``; it lives in a database ``prov_bench_synth_<n>_<tag>`` and is
reused while its row counts match the sidecar.

    python benchmarks/synth_store.py --n 1000000        # build (or reuse) synth-1000000-<tag>.db
    python benchmarks/synth_store.py --n 100000 --postgresql postgresql://postgres@127.0.0.1:5432
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import RESULTS, english_texts  # noqa: E402

from provenance.config import Settings  # noqa: E402
from provenance.evidence import decide  # noqa: E402
from provenance.fingerprint import anchors, band_keys, fingerprint, words  # noqa: E402
from provenance.index import similarity, verified  # noqa: E402
from provenance.models import Article  # noqa: E402
from provenance.pipeline import prepare_article  # noqa: E402
from provenance.schema import pair_key  # noqa: E402
from provenance.store import Store  # noqa: E402

VERSION = 3  # bump when the generated content changes
CHUNK = 2000  # articles per worker task
CLUSTER_SHARE = 0.03  # share of articles that are copies in near-duplicate clusters
ZIPF_S, ZIPF_Q = 1.05, 2.7  # p(rank) ~ 1 / (rank + q)^s
N_OUTLETS = 3000

DISCLAIMERS = [
    "This article was originally published by {o} and is republished here with permission.",
    "This story was produced by {o} and distributed through its syndication partners. "
    "Opinions expressed are those of the author.",
    "Copyright {o}. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed without permission.",
    "Subscribe to our newsletter to get the latest stories from {o} delivered to your inbox "
    "every morning. Follow us on social media for breaking news and updates.",
    "Reporting contributed by staff of {o}. Have a news tip? Contact our newsroom.",
]


def cache_dir() -> Path:
    return Path(os.environ.get("PROVENANCE_BENCH_CACHE") or RESULTS / "stores")


def tag() -> str:
    """Generator version and index parameters, as a short hash (names cached stores)."""
    params = json.dumps(Settings().index_params(), sort_keys=True)
    return hashlib.sha256(f"{VERSION}:{params}".encode()).hexdigest()[:8]


def store_path(n: int, cache: Path | None = None) -> Path:
    """Cached store of ``n`` articles, named by generator version and index parameters."""
    return (cache or cache_dir()) / f"synth-{n}-{tag()}.db"


KNOWN_TABLES = {"meta", "responses", "articles", "aliases", "lsh", "anchors", "edges", "failures"}
# Tables that a freshly ingested store may leave empty and that lookups do not need filled:
# learned outlet names and boilerplate (nothing learned yet), crawl runs, fetch state, queue,
# search providers' cache and candidates (lookups run without --search).
EMPTY_OK = {
    "outlets",
    "boilerplate",
    "boilerplate_state",
    "runs",
    "fetch_state",
    "queue",
    "search_cache",
    "search_candidates",
}
EDGE_COLUMNS = (
    "source",
    "target",
    "confidence",
    "similarity",
    "containment",
    "evidence",
    "explanation",
    "updated_at",
    "detected_at",
)


def check_schema(path: Path) -> None:
    """Refuse to build if the store has tables this generator does not fill (the schema moved on)."""
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    unknown = tables - KNOWN_TABLES - EMPTY_OK - {"sqlite_stat1", "sqlite_stat4"}
    if unknown:
        sys.exit(
            f"synth_store: the store schema has tables this generator does not fill: "
            f"{sorted(unknown)}; update benchmarks/synth_store.py"
        )


# -- the text model --------------------------------------------------------------------


@dataclass
class Model:
    vocab: list[str]
    cdf: np.ndarray
    outlets: list[str]


_MODEL: Model | None = None


def build_model() -> Model:
    counts: Counter[str] = Counter()
    for text in english_texts():
        counts.update(words(text))
    vocab = [w for w, _ in counts.most_common() if w.isalnum() or w.replace("_", "").isalnum()]
    ranks = np.arange(1, len(vocab) + 1, dtype=np.float64)
    weights = 1.0 / (ranks + ZIPF_Q) ** ZIPF_S
    cdf = np.cumsum(weights)
    cdf /= cdf[-1]
    rng = np.random.default_rng(12345)
    mid = vocab[200:5000]
    outlets = sorted(
        {
            f"{mid[rng.integers(len(mid))]}-{mid[rng.integers(len(mid))]}.example"
            for _ in range(N_OUTLETS * 2)
        }
    )[:N_OUTLETS]
    return Model(vocab, cdf, outlets)


def _model() -> Model:
    global _MODEL
    if _MODEL is None:
        _MODEL = build_model()
    return _MODEL


def _draw(rng: np.random.Generator, model: Model, n: int) -> list[str]:
    vocab = model.vocab
    return [vocab[i] for i in np.searchsorted(model.cdf, rng.random(n)).tolist()]


def gen_paragraphs(rng: np.random.Generator, model: Model, n_words: int) -> list[list[str]]:
    """Paragraphs as token lists (lower-case vocabulary words)."""
    tokens = _draw(rng, model, n_words)
    paragraphs: list[list[str]] = []
    i = 0
    while i < len(tokens):
        size = int(rng.integers(25, 110))
        paragraphs.append(tokens[i : i + size])
        i += size
    return paragraphs


def render(paragraphs: list[list[str]], rng_seed: int) -> str:
    """Tokens to text: sentences of 8-30 words, capitalised, with full stops."""
    rng = np.random.default_rng(rng_seed)
    out = []
    for para in paragraphs:
        sentences = []
        i = 0
        while i < len(para):
            size = int(rng.integers(8, 31))
            chunk = para[i : i + size]
            sentences.append(
                chunk[0].capitalize() + (" " + " ".join(chunk[1:]) if chunk[1:] else "") + "."
            )
            i += size
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def shingle_tokens(tokens: list[str], size: int) -> frozenset[str]:
    """Shingles straight from tokens (equal to ``shingles(text)`` for rendered text)."""
    if len(tokens) <= size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    cols = [tokens[i:] for i in range(size)]
    return frozenset(map(" ".join, zip(*cols, strict=False)))


# -- one chunk of articles (worker) ----------------------------------------------------


@dataclass
class _Doc:
    id: int
    url: str
    outlet: str
    title: str
    published: str
    first_seen: str
    paragraphs: list[list[str]]
    text: str = ""


def _copy_paragraphs(
    rng: np.random.Generator, model: Model, paras: list[list[str]], kind: str, outlet: str
) -> list[list[str]]:
    if kind == "disclaimer":
        extra = words(DISCLAIMERS[int(rng.integers(len(DISCLAIMERS)))].format(o=outlet))
        return [*paras, extra]
    if kind == "wire":
        byline = words(f"By staff and wire reports for {outlet}")
        closing = _draw(rng, model, int(rng.integers(20, 60)))
        return [byline, *paras, closing]
    if kind == "excerpt":
        keep = max(1, int(len(paras) * rng.uniform(0.5, 0.85)))
        return paras[:keep]
    # edited: drop one paragraph, change ~2% of the words
    out = [list(p) for p in paras]
    if len(out) > 3:
        del out[int(rng.integers(1, len(out)))]
    for p in out:
        for j in range(len(p)):
            if rng.random() < 0.02:
                p[j] = _draw(rng, model, 1)[0]
    return out


def gen_chunk(args: tuple[int, int, int, int]) -> dict[str, Any]:
    """Articles ``start`` .. ``start+count-1`` (ids), deterministic in ``seed``."""
    seed, start, count, n_total = args
    model = _model()
    settings = Settings()
    rng = np.random.default_rng([seed, start])
    docs: list[_Doc] = []
    clusters: list[list[int]] = []
    base_day = np.datetime64("2024-01-01")
    while len(docs) < count:
        i = start + len(docs)
        n_words = int(np.clip(rng.lognormal(np.log(450), 0.55), 120, 3000))
        outlet = model.outlets[int(rng.integers(len(model.outlets)))]
        day = base_day + np.timedelta64(int(i * 900 // max(1, n_total)), "D")
        paras = gen_paragraphs(rng, model, n_words)
        title = " ".join(_draw(rng, model, int(rng.integers(6, 12)))).capitalize()
        slug = "-".join(title.split()[:6])
        docs.append(
            _Doc(
                i,
                f"https://{outlet}/{str(day)[:7].replace('-', '/')}/{slug}-{i}.html",
                outlet,
                title,
                str(day),
                f"{day}T{int(rng.integers(6, 12)):02d}:00:00+00:00",
                paras,
            )
        )
        # a cluster: this original plus 1-4 copies, ~CLUSTER_SHARE of all articles are copies
        if rng.random() < CLUSTER_SHARE / 2.5 and len(docs) < count:
            members = [i]
            for _ in range(int(rng.integers(1, 5))):
                if len(docs) >= count:
                    break
                j = start + len(docs)
                kind = ["disclaimer", "wire", "excerpt", "edited"][int(rng.integers(4))]
                other = model.outlets[int(rng.integers(len(model.outlets)))]
                cparas = _copy_paragraphs(rng, model, paras, kind, other)
                docs.append(
                    _Doc(
                        j,
                        f"https://{other}/{str(day)[:7].replace('-', '/')}/{slug}-{j}.html",
                        other,
                        title,
                        str(day),
                        f"{day}T{int(rng.integers(12, 23)):02d}:00:00+00:00",
                        cparas,
                    )
                )
                members.append(j)
            clusters.append(members)
    rows = []
    keys = np.empty((count, settings.lsh_bands), dtype=np.int32)
    anchor_ids: list[int] = []
    anchor_keys: list[int] = []
    sets: dict[int, frozenset[str]] = {}
    in_cluster = {m for c in clusters for m in c}
    for k, doc in enumerate(docs):
        doc.text = render(doc.paragraphs, seed * 1_000_003 + doc.id)
        tokens = [t for p in doc.paragraphs for t in p]
        sh = shingle_tokens(tokens, settings.shingle_size)
        fp = fingerprint(sh, settings)
        doc_keys = band_keys(fp.signature, settings)
        doc_anchors = anchors(sh, settings.anchor_modulus)
        if k == 0:  # guard: the fast path must equal what ingest computes for this text
            ref = prepare_article(Article(url=doc.url, outlet=doc.outlet, text=doc.text), settings)
            assert ref.fingerprint is not None and ref.fingerprint.signature == fp.signature, (
                "synthetic fingerprint diverged from provenance.pipeline.prepare_article"
            )
            assert list(ref.keys) == doc_keys and list(ref.anchors) == doc_anchors
        keys[k] = doc_keys
        anchor_ids.extend([doc.id] * len(doc_anchors))
        anchor_keys.extend(doc_anchors)
        if doc.id in in_cluster:
            sets[doc.id] = sh
        data = json.dumps(
            {
                "authors": [],
                "site_name": None,
                "language": "en",
                "canonical": None,
                "og_url": None,
                "links": [],
                "signals": [],
                "noindex": False,
            }
        )
        rows.append(
            (
                doc.id,
                doc.url,
                doc.outlet,
                doc.title,
                doc.published,
                doc.first_seen,
                data,
                zlib.compress(doc.text.encode("utf-8"), 6),
                fp.size,
                len(doc_anchors),
                fp.signature,
            )
        )
    # edges as ingest would record them: each copy against every earlier member
    by_id = {d.id: d for d in docs}
    edges = []
    for members in clusters:
        for b_pos, b in enumerate(members):
            for a in members[:b_pos]:
                pair = similarity(sets[a], sets[b])
                if not verified(pair, len(sets[a]), len(sets[b]), settings):
                    continue
                da, db = by_id[a], by_id[b]
                art_a = Article(
                    url=da.url,
                    outlet=da.outlet,
                    text=da.text,
                    title=da.title,
                    published=da.published,
                )
                art_b = Article(
                    url=db.url,
                    outlet=db.outlet,
                    text=db.text,
                    title=db.title,
                    published=db.published,
                )
                e = decide(
                    art_a, art_b, pair, a_first_seen=da.first_seen, b_first_seen=db.first_seen
                )
                edges.append(
                    (
                        e.source,
                        e.target,
                        e.confidence,
                        e.similarity,
                        e.containment,
                        json.dumps([[x.kind, x.detail, x.target] for x in e.evidence]),
                        e.explanation,
                        da.first_seen,
                        da.first_seen,
                    )
                )
    return {
        "rows": rows,
        "keys": keys,
        "start": start,
        "anchors": _pack(
            np.array(anchor_keys, dtype=np.int64), np.array(anchor_ids, dtype=np.int64)
        ),
        "edges": edges,
        "clusters": clusters,
    }


def _pack(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """One uint64 per index row: (key + 2^31) << 32 | id, so a plain sort orders by (key, id)."""
    return ((keys.astype(np.int64) + (1 << 31)).astype(np.uint64) << np.uint64(32)) | ids.astype(
        np.uint64
    )


def _insert_sorted(conn: sqlite3.Connection, table: str, packed: np.ndarray) -> int:
    """Sort, dedupe and append rows to a (key, article_id) WITHOUT ROWID table."""
    packed.sort()
    if len(packed):
        packed = packed[np.concatenate(([True], packed[1:] != packed[:-1]))]
    step = 1_000_000
    for lo in range(0, len(packed), step):
        part = packed[lo : lo + step]
        k = ((part >> np.uint64(32)).astype(np.int64) - (1 << 31)).tolist()
        i = (part & np.uint64(0xFFFFFFFF)).astype(np.int64).tolist()
        conn.executemany(
            f"INSERT INTO {table} (key, article_id) VALUES (?, ?)", zip(k, i, strict=True)
        )
    return len(packed)


# -- the build (parent) ----------------------------------------------------------------


def sidecar(path: Path) -> dict[str, Any] | None:
    side = path.with_suffix(".json")
    if not path.exists() or not side.exists():
        return None
    info = json.loads(side.read_text())
    return info if info.get("complete") and info.get("version") == VERSION else None


def _open_here(path: Path, create: bool) -> None:
    Store.open(path, Settings(), create=create).close()


def build(
    n: int,
    *,
    workers: int | None = None,
    seed: int = 7,
    force: bool = False,
    quiet: bool = False,
    cache: Path | None = None,
    open_store: Callable[[Path, bool], None] = _open_here,
) -> Path:
    """Build the store of ``n`` articles (or reuse the cached one); returns its path.

    ``open_store(path, create)`` creates the empty store and, at the end, checks that
    the library accepts the file: by default this process's ``Store.open``; a caller
    can have another version of provenance do both (``bench_engines.py`` builds the
    same articles in the schema of an older release that way).
    """
    path = store_path(n, cache)
    if not force and sidecar(path) is not None:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, path.with_suffix(".json"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    settings = Settings()
    open_store(path, True)  # schema and index parameters, as the library writes them
    check_schema(path)
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1048576")  # 1 GiB while building
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN")
    edge_table = {r[1] for r in conn.execute("PRAGMA table_info(edges)")}
    with_pair = "pair" in edge_table  # schema 5 on: one row per unordered pair
    edge_columns = [c for c in EDGE_COLUMNS if c in edge_table]
    if with_pair:
        edge_columns.insert(0, "pair")
    edge_sql = (
        f"INSERT OR REPLACE INTO edges ({', '.join(edge_columns)}) "
        f"VALUES ({', '.join('?' * len(edge_columns))})"
    )
    bands = settings.lsh_bands
    all_keys = np.empty(n * bands, dtype=np.uint64)
    clusters: list[list[int]] = []
    anchor_parts: list[np.ndarray] = []
    n_edges = 0
    tasks = [(seed, s, min(CHUNK, n - s + 1), n) for s in range(1, n + 1, CHUNK)]
    workers = workers or os.cpu_count() or 1
    done = 0
    t_gen = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for out in pool.map(gen_chunk, tasks, chunksize=1):
            conn.executemany(
                "INSERT INTO articles (id, url, outlet, title, published, first_seen, data, text,"
                " size, anchors, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                out["rows"],
            )
            if out["edges"]:
                conn.executemany(edge_sql, [_edge_row(e, edge_columns) for e in out["edges"]])
                n_edges += len(out["edges"])
            keys = out["keys"]
            start = out["start"]
            ids = np.repeat(np.arange(start, start + len(keys), dtype=np.int64), bands)
            all_keys[(start - 1) * bands : (start - 1 + len(keys)) * bands] = _pack(
                keys.ravel(), ids
            )
            anchor_parts.append(out["anchors"])
            clusters.extend(out["clusters"])
            done += len(keys)
            if not quiet and (done % 100_000 < CHUNK or done == n):
                print(
                    f"  synth {n:,}: {done:,} articles generated "
                    f"({time.perf_counter() - t_gen:.0f}s)",
                    file=sys.stderr,
                    flush=True,
                )
    gen_seconds = time.perf_counter() - t_gen
    t_lsh = time.perf_counter()
    lsh_rows = _insert_sorted(conn, "lsh", all_keys)
    del all_keys
    packed_anchors = np.concatenate(anchor_parts) if anchor_parts else np.empty(0, np.uint64)
    del anchor_parts
    anchor_rows = _insert_sorted(conn, "anchors", packed_anchors)
    del packed_anchors
    conn.execute("COMMIT")
    lsh_seconds = time.perf_counter() - t_lsh
    conn.execute("PRAGMA locking_mode=NORMAL")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    open_store(path, False)  # the library accepts it
    info = {
        "version": VERSION,
        "complete": True,
        "n": n,
        "seed": seed,
        "workers": workers,
        "build_seconds": round(time.perf_counter() - started, 1),
        "generate_and_insert_articles_seconds": round(gen_seconds, 1),
        "lsh_insert_seconds": round(lsh_seconds, 1),
        "lsh_rows": lsh_rows,
        "anchor_rows": anchor_rows,
        "index_params": settings.index_params(),
        "edges": n_edges,
        "file_bytes": path.stat().st_size,
        "clusters": clusters,
    }
    path.with_suffix(".json").write_text(json.dumps(info))
    if not quiet:
        print(
            f"  synth {n:,}: built in {info['build_seconds']}s "
            f"(articles {gen_seconds:.0f}s, lsh {lsh_seconds:.0f}s), "
            f"{path.stat().st_size / 1e6:,.0f} MB, {len(clusters):,} clusters, {n_edges:,} edges",
            file=sys.stderr,
            flush=True,
        )
    return path


def _edge_row(edge: tuple[Any, ...], columns: list[str]) -> tuple[Any, ...]:
    """An edge tuple (EDGE_COLUMNS order) as the values of ``columns``."""
    values = dict(zip(EDGE_COLUMNS, edge, strict=True))
    values["pair"] = pair_key(str(values["source"]), str(values["target"]))
    return tuple(values[c] for c in columns)


# -- PostgreSQL --------------------------------------------------------------------------

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432"


def pg_url(server: str, n: int) -> str:
    """The URL of the synthetic store of ``n`` articles on a PostgreSQL ``server`` URL."""
    return f"{server.rstrip('/')}/prov_bench_synth_{n}_{tag()}"


def _pg_admin(url: str, *, admin: bool = True) -> tuple[Any, str]:
    """A psycopg connection to the server's ``postgres`` database (autocommit) or, with
    ``admin=False``, to the database itself (one transaction); and the database name."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    name = u.database or ""
    if not name.startswith("prov_bench_"):
        raise SystemExit(f"refusing to touch the database {name!r}: not a prov_bench_* database")
    target = u.set(drivername="postgresql", database="postgres" if admin else name)
    conn = psycopg.connect(target.render_as_string(hide_password=False), autocommit=admin)
    return conn, name


def pg_create(url: str) -> bool:
    """Create the database of ``url`` if absent; True if it was created."""
    conn, name = _pg_admin(url)
    with conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return False
        conn.execute(f'CREATE DATABASE "{name}"')
    return True


def pg_drop(url: str) -> None:
    """Drop the database of ``url`` (after closing this process's pooled connections)."""
    from provenance.store import dispose_engines

    dispose_engines()
    conn, name = _pg_admin(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_counts(url: str) -> dict[str, int] | None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT to_regclass('public.articles')")).scalar() is None:
                return None
            return {
                t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in ("articles", "lsh", "anchors", "edges")
            }
    finally:
        engine.dispose()


def pg_warm(url: str) -> None:
    """Read every table and index of a PostgreSQL store into the OS cache (``pg_prewarm``,
    mode 'read'), or, without that extension, scan each table once."""
    conn, _ = _pg_admin(url, admin=False)
    with conn:
        names = conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 't')"
        ).fetchall()
        try:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        except Exception:  # noqa: BLE001 - no contrib package: a sequential scan of each table
            conn.rollback()
            for table in _PG_TABLES:
                conn.execute(f"SELECT count(*) FROM {table}")
            return
        for (name,) in names:
            conn.execute("SELECT pg_prewarm(%s::regclass, 'read')", (name,))


_PG_TABLES = ("articles", "aliases", "lsh", "anchors", "edges")


def _pg_load(path: Path, url: str) -> None:
    """Load the SQLite store's rows into the (new, empty) store at ``url`` with COPY."""
    from provenance.store import dispose_engines

    Store.open(url, Settings()).close()  # schema and meta, as the library writes them
    dispose_engines()
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn, _ = _pg_admin(url, admin=False)
    with conn:
        for table in _PG_TABLES:
            columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            order = "key, article_id" if table in ("lsh", "anchors") else "rowid"
            cols = ", ".join(columns)
            rows = src.execute(f"SELECT {cols} FROM {table} ORDER BY {order}")
            with conn.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        conn.execute(
            "SELECT setval(pg_get_serial_sequence('articles', 'id'), "
            "coalesce(max(id), 1), max(id) IS NOT NULL) FROM articles"
        )
    src.close()


def build_postgresql(
    n: int,
    server: str = PG_DEFAULT,
    *,
    force: bool = False,
    quiet: bool = False,
    raw_copy: bool = False,
) -> tuple[str, dict[str, Any]]:
    """The PostgreSQL store of ``n`` articles, copied from the SQLite one; (url, info).

    Copied with ``provenance.storecopy.copy_store`` (what ``provenance store copy``
    runs: per-table counts and checksums verified); ``raw_copy`` loads the rows with a
    bare COPY instead (faster, unverified). Either way the row counts are checked
    against the SQLite store and the database is VACUUM ANALYZEd (the SQLite store is
    ANALYZEd too; a copy is not).
    """
    from sqlalchemy import create_engine

    from provenance.store import dispose_engines

    path = build(n, quiet=quiet)
    info = sidecar(path)
    assert info is not None
    url = pg_url(server, n)
    want = {
        "articles": n,
        "lsh": info["lsh_rows"],
        "anchors": info["anchor_rows"],
        "edges": info["edges"],
    }
    if force:
        pg_drop(url)
    created = pg_create(url)
    if not created and _pg_counts(url) == want:
        return url, {"reused": True}
    if not created:  # a partial or stale one
        pg_drop(url)
        pg_create(url)
    started = time.perf_counter()
    if raw_copy:
        _pg_load(path, url)
    else:
        from provenance.storecopy import copy_store

        copy_store(path, url, settings=Settings())
    copy_s = time.perf_counter() - started
    dispose_engines()
    t = time.perf_counter()
    engine = create_engine(
        url.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    analyze_s = time.perf_counter() - t
    counts = _pg_counts(url)
    if counts != want:
        raise SystemExit(f"synth_store: PostgreSQL copy at {url} has {counts}, expected {want}")
    out = {
        "reused": False,
        "how": "COPY" if raw_copy else "store copy",
        "copy_seconds": round(copy_s, 1),
        "vacuum_analyze_seconds": round(analyze_s, 1),
    }
    if not quiet:
        print(
            f"  synth {n:,}: loaded into PostgreSQL ({out['how']}) in {copy_s:.0f}s "
            f"(VACUUM ANALYZE {analyze_s:.0f}s)",
            file=sys.stderr,
            flush=True,
        )
    return url, out


def new_texts(count: int, seed: int = 99) -> list[str]:
    """Fresh texts from the same model (not in any store)."""
    model = _model()
    rng = np.random.default_rng(seed)
    out = []
    for k in range(count):
        n_words = int(np.clip(rng.lognormal(np.log(450), 0.55), 120, 3000))
        out.append(render(gen_paragraphs(rng, model, n_words), seed * 7919 + k))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    parser.add_argument(
        "--postgresql",
        metavar="SERVER_URL",
        nargs="?",
        const=PG_DEFAULT,
        default=None,
        help=f"also copy each store into PostgreSQL (server URL, default {PG_DEFAULT})",
    )
    parser.add_argument(
        "--raw-copy",
        action="store_true",
        help="fill PostgreSQL with a bare COPY of the rows instead of `store copy` (copy_store)",
    )
    args = parser.parse_args()
    for n in args.n:
        path = build(n, workers=args.workers, force=args.force)
        info = sidecar(path)
        assert info is not None
        print(
            f"{path}: {n:,} articles, built in {info['build_seconds']}s, "
            f"{info['file_bytes'] / 1e6:,.0f} MB"
        )
        if args.postgresql:
            url, pg = build_postgresql(n, args.postgresql, force=args.force, raw_copy=args.raw_copy)
            shown = "reused" if pg["reused"] else f"copied in {pg['copy_seconds']}s"
            print(f"{url}: {shown}")


if __name__ == "__main__":
    main()
