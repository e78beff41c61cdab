"""The store's tables, defined once with SQLAlchemy Core for SQLite and PostgreSQL.

``METADATA`` is schema version ``SCHEMA_VERSION``: a new store, on either engine, is
created from it. ``MIGRATIONS[n]`` takes a store from version n to n + 1 and is the
same code on both engines. Versions 1 to 4 predate the PostgreSQL store (which
starts at version 5), so their steps are the SQLite scripts they shipped as; tests
open a store of every earlier version (tests/fixtures/store-v*.db) and check that
nothing is lost.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection

__all__ = ["METADATA", "MIGRATIONS", "SCHEMA_VERSION", "pair_key"]

SCHEMA_VERSION = 6

# A row id: INTEGER (the rowid itself) on SQLite, BIGSERIAL on PostgreSQL.
RowId = BigInteger().with_variant(Integer(), "sqlite")

METADATA = MetaData()

meta = Table(
    "meta",
    METADATA,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)
responses = Table(
    "responses",
    METADATA,
    Column("id", RowId, primary_key=True),
    Column("url", Text, nullable=False),
    Column("final_url", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("headers", Text, nullable=False),
    Column("redirects", Text, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("fetched_at", Text, nullable=False),
    UniqueConstraint("url", "sha256"),
)
articles = Table(
    "articles",
    METADATA,
    Column("id", RowId, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("outlet", Text, nullable=False),
    Column("title", Text),
    Column("published", Text),
    Column("first_seen", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("text", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("anchors", Integer, nullable=False, server_default="0"),
    Column("signature", LargeBinary),
    Column("response_id", RowId, ForeignKey("responses.id")),
)
Index("articles_outlet", articles.c.outlet)
aliases = Table(
    "aliases",
    METADATA,
    Column("url", Text, primary_key=True),
    Column("article_id", RowId, nullable=False),
)


def _postings(name: str) -> Table:
    """(key, article id): an inverted index a query reads by key only."""
    return Table(
        name,
        METADATA,
        Column("key", Integer, primary_key=True),
        Column("article_id", RowId, primary_key=True),
        sqlite_with_rowid=False,
    )


lsh = _postings("lsh")
anchors = _postings("anchors")


def _edges_table(metadata: MetaData, name: str) -> Table:
    # One row per unordered pair (``pair_key``): two writers judging the same pair
    # from either side meet on the primary key, never leave both directions.
    return Table(
        name,
        metadata,
        Column("pair", Text, primary_key=True),
        Column("source", Text, nullable=False),
        Column("target", Text, nullable=False),
        Column("confidence", Float, nullable=False),
        Column("similarity", Float, nullable=False),
        Column("containment", Float, nullable=False),
        Column("evidence", Text, nullable=False),
        Column("explanation", Text, nullable=False),
        Column("updated_at", Text, nullable=False),
        Column("detected_at", Text),
        Column("run_id", RowId),
    )


edges = _edges_table(METADATA, "edges")
EDGE_INDEXES = (
    Index("edges_source", edges.c.source),
    Index("edges_target", edges.c.target),
    Index("edges_detected", edges.c.detected_at),
)


def _failures_table(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", RowId, primary_key=True),
        Column("url", Text, nullable=False),
        Column("reason", Text, nullable=False),
        Column("at", Text, nullable=False),
    )


failures = _failures_table(METADATA, "failures")
outlets = Table(
    "outlets",
    METADATA,
    Column("domain", Text, primary_key=True),
    Column("name", Text),
    Column("aliases", Text, nullable=False, server_default="[]"),
    Column("networks", Text, nullable=False, server_default="[]"),
    Column("source", Text, nullable=False),
)
boilerplate = Table(
    "boilerplate",
    METADATA,
    Column("outlet", Text, primary_key=True),
    Column("shingle", Integer, primary_key=True),
    sqlite_with_rowid=False,
)
boilerplate_state = Table(
    "boilerplate_state",
    METADATA,
    Column("outlet", Text, primary_key=True),
    Column("articles", Integer, nullable=False),
    Column("learned_at", Text, nullable=False),
)
runs = Table(
    "runs",
    METADATA,
    Column("id", RowId, primary_key=True),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("status", Text, nullable=False),
    Column("summary", Text, nullable=False, server_default="{}"),
)
fetch_state = Table(
    "fetch_state",
    METADATA,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", Text, nullable=False),
)
queue = Table(
    "queue",
    METADATA,
    Column("url", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("discovered_at", Text, nullable=False),
    Column("state", Text, nullable=False, server_default="pending"),
    # a claim is a lease: a worker that dies leaves its URLs to be claimed again
    Column("claimed_by", Text),
    Column("claimed_until", Text),
    Column("finished_at", Text),
    Column("finished_by", Text),  # the worker: while it runs, its URLs count as done this run
)
Index("queue_state", queue.c.state)


def _workers_table(metadata: MetaData) -> Table:
    # Workers running now: a row while an ingest or watch runs, kept alive like a claim.
    return Table(
        "workers",
        metadata,
        Column("worker", Text, primary_key=True),
        Column("started_at", Text, nullable=False),
        Column("alive_until", Text, nullable=False),
    )


workers = _workers_table(METADATA)
search_cache = Table(
    "search_cache",
    METADATA,
    Column("provider", Text, primary_key=True),
    Column("query", Text, primary_key=True),
    Column("response", Text),
    Column("fetched_at", Text),
)
search_candidates = Table(
    "search_candidates",
    METADATA,
    Column("query_url", Text, primary_key=True),
    Column("candidate", Text, primary_key=True),
    Column("provider", Text),
    Column("status", Text),
    Column("reason", Text),
    Column("seen_at", Text),
)

# Tables in an order that satisfies foreign keys (for copying a store).
TABLES: tuple[Table, ...] = tuple(METADATA.sorted_tables)


def pair_key(a: str, b: str) -> str:
    """The key of an unordered pair of nodes: the same for (a, b) and (b, a)."""
    first, second = sorted((a, b))
    return hashlib.sha1(f"{first}\n{second}".encode(), usedforsecurity=False).hexdigest()


# -- migrations ------------------------------------------------------------------------

_LEGACY_SQLITE: dict[int, str] = {
    1: """
CREATE TABLE IF NOT EXISTS outlets (
    domain TEXT PRIMARY KEY,
    name TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    networks TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS boilerplate (
    outlet TEXT NOT NULL,
    shingle INTEGER NOT NULL,
    PRIMARY KEY (outlet, shingle)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS boilerplate_state (
    outlet TEXT PRIMARY KEY,
    articles INTEGER NOT NULL,
    learned_at TEXT NOT NULL
);
""",
    2: """
ALTER TABLE edges ADD COLUMN detected_at TEXT;
ALTER TABLE edges ADD COLUMN run_id INTEGER;
UPDATE edges SET detected_at = updated_at;
CREATE INDEX IF NOT EXISTS edges_detected ON edges (detected_at);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS queue (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    discovered_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
);
CREATE INDEX IF NOT EXISTS queue_state ON queue (state);
""",
    3: """
CREATE TABLE IF NOT EXISTS search_cache (
    provider TEXT,
    query TEXT,
    response TEXT,
    fetched_at TEXT,
    PRIMARY KEY (provider, query)
);
CREATE TABLE IF NOT EXISTS search_candidates (
    query_url TEXT,
    candidate TEXT,
    provider TEXT,
    status TEXT,
    reason TEXT,
    seen_at TEXT,
    PRIMARY KEY (query_url, candidate)
);
""",
}


def _legacy(version: int) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        for statement in _LEGACY_SQLITE[version].split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)

    return run


def _to_v5(conn: Connection) -> None:
    """Queue leases; edges keyed by their unordered pair; failures with a row id."""
    for column in ("claimed_by", "claimed_until", "finished_at"):
        conn.execute(text(f"ALTER TABLE queue ADD COLUMN {column} TEXT"))
    old_edges = Table("edges", MetaData(), autoload_with=conn)
    new_edges = _edges_table(MetaData(), "edges_v5")
    new_edges.create(conn)
    latest: dict[str, dict[str, object]] = {}
    for row in conn.execute(
        select(old_edges).order_by(old_edges.c.updated_at, old_edges.c.source, old_edges.c.target)
    ).mappings():
        record = dict(row)
        record["pair"] = pair_key(str(record["source"]), str(record["target"]))
        earlier = latest.get(str(record["pair"]))
        if earlier is not None and str(earlier["detected_at"] or "") <= str(
            record["detected_at"] or ""
        ):  # of both directions: the later verdict, the first detection
            record["detected_at"], record["run_id"] = earlier["detected_at"], earlier["run_id"]
        latest[str(record["pair"])] = record
    if latest:
        conn.execute(insert(new_edges), list(latest.values()))
    old_edges.drop(conn)
    conn.execute(text("ALTER TABLE edges_v5 RENAME TO edges"))
    for index in EDGE_INDEXES:
        index.create(conn)
    old_failures = Table("failures", MetaData(), autoload_with=conn)
    new_failures = _failures_table(MetaData(), "failures_v5")
    new_failures.create(conn)
    conn.execute(
        insert(new_failures).from_select(
            ["url", "reason", "at"],
            select(old_failures.c.url, old_failures.c.reason, old_failures.c.at),
        )
    )
    old_failures.drop(conn)
    conn.execute(text("ALTER TABLE failures_v5 RENAME TO failures"))


def _to_v6(conn: Connection) -> None:
    """Which worker finished a queued URL, and which workers are running."""
    conn.execute(text("ALTER TABLE queue ADD COLUMN finished_by TEXT"))
    _workers_table(MetaData()).create(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _legacy(1),
    2: _legacy(2),
    3: _legacy(3),
    4: _to_v5,
    5: _to_v6,
}
