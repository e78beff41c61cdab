"""The SQLite store: raw responses, articles, signatures, the persistent LSH index, edges.

Design for speed at millions of articles: the LSH index is a ``WITHOUT ROWID``
table of (band key, article id) so a query reads only the rows of its own band
keys; signatures are 512-byte blobs read only for candidates; texts are
zlib-compressed and read only to verify a candidate. Every write of one
article (response, record, keys, edges) is one transaction, in WAL mode, so a
killed process leaves the store as it was before that article.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from .config import Settings
from .errors import ConfigError, StoreError, StoreVersionError
from .models import Article, Edge, Evidence, FetchResult
from .registry import Outlet, Registry, load_outlets_file

__all__ = ["SCHEMA_VERSION", "Store", "StoredArticle"]

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 4
APPLICATION_ID = 0x50524F56  # "PROV", in the SQLite header

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS responses (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    redirects TEXT NOT NULL,
    body BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    UNIQUE (url, sha256)
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    title TEXT,
    published TEXT,
    first_seen TEXT NOT NULL,
    data TEXT NOT NULL,
    text BLOB NOT NULL,
    size INTEGER NOT NULL,
    anchors INTEGER NOT NULL DEFAULT 0,
    signature BLOB,
    response_id INTEGER REFERENCES responses (id)
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);
CREATE TABLE IF NOT EXISTS aliases (url TEXT PRIMARY KEY, article_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lsh (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS anchors (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    confidence REAL NOT NULL,
    similarity REAL NOT NULL,
    containment REAL NOT NULL,
    evidence TEXT NOT NULL,
    explanation TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, target)
);
CREATE INDEX IF NOT EXISTS edges_target ON edges (target);
CREATE TABLE IF NOT EXISTS failures (
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
"""

# Each migration takes a store from version N to N + 1; tests open a store of every
# earlier version (tests/fixtures/store-v*.db) and check nothing is lost.
_MIGRATIONS: dict[int, str] = {
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store holds it."""

    id: int
    article: Article
    first_seen: str
    size: int  # number of shingles
    signature: bytes | None  # None: too short to fingerprint


def _article_data(article: Article) -> str:
    return json.dumps(
        {
            "authors": list(article.authors),
            "site_name": article.site_name,
            "language": article.language,
            "canonical": article.canonical,
            "og_url": article.og_url,
            "links": list(article.links),
            "signals": [[e.kind, e.detail, e.target] for e in article.signals],
            "noindex": article.noindex,
        },
        ensure_ascii=False,
    )


def _evidence_json(evidence: Iterable[Evidence]) -> str:
    return json.dumps([[e.kind, e.detail, e.target] for e in evidence], ensure_ascii=False)


def _evidence_from(text: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(k, d, t) for k, d, t in json.loads(text))


class Store:
    """A provenance store in one SQLite file. Open with :meth:`open`; close or use ``with``."""

    def __init__(self, conn: sqlite3.Connection, path: str, settings: Settings) -> None:
        self.conn = conn
        self.path = path
        self.settings = settings
        self._registry: Registry | None = None
        self._boilerplate: dict[str, frozenset[int]] = {}
        self.run_id: int | None = None  # the watch run writing now, if any

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, settings: Settings, *, create: bool = True) -> Store:
        """Open (or create) a store, checking its schema version and index parameters."""
        path = str(path)
        if path != ":memory:":
            target = Path(path)
            if target.is_dir():
                raise StoreError(f"{path} is a directory, not a store file")
            if not target.exists() and not create:
                raise StoreError(f"no store at {path}")
            if not target.exists() and not target.parent.exists():
                raise StoreError(f"cannot create a store in {target.parent}: no such directory")
        try:
            conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        store = cls(conn, path, settings)
        try:
            store._initialise()
        except StoreError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise StoreVersionError(f"{path} is not a provenance store ({exc})") from exc
            raise StoreError(f"cannot open store {path}: {_write_error(exc)}") from exc
        except BaseException:
            conn.close()
            raise
        return store

    def _initialise(self) -> None:
        conn = self.conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and app_id != APPLICATION_ID:
            raise StoreVersionError(f"{self.path} is an SQLite file but not a provenance store")
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA cache_size=-65536")
        if not tables:
            with self.transaction():
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                for script in (_SCHEMA, *_MIGRATIONS.values()):
                    self._run_script(script)
                conn.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?)", self.settings.index_params().items()
                )
            return
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        version = int(meta.get("schema_version", "0"))
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"{self.path} was written by a newer provenance (schema {version}; "
                f"this version reads up to {SCHEMA_VERSION})"
            )
        wrong = {
            key: (meta.get(key), value)
            for key, value in self.settings.index_params().items()
            if meta.get(key) != value
        }
        if wrong:
            shown = ", ".join(f"{k}={s} (asked {a})" for k, (s, a) in sorted(wrong.items()))
            raise ConfigError(f"{self.path} was built with different index parameters: {shown}")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _run_script(self, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                self.conn.execute(statement)

    def _migrate(self, version: int) -> None:
        """Bring an older store up to SCHEMA_VERSION, one version per transaction."""
        if version < 1 or version not in _MIGRATIONS:
            raise StoreVersionError(f"{self.path}: unknown schema version {version}")
        while version < SCHEMA_VERSION:
            logger.warning("migrating %s from schema %d to %d", self.path, version, version + 1)
            with self.transaction():
                self._run_script(_MIGRATIONS[version])
                version += 1
                self.conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),)
                )

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity check and our own invariants (empty: healthy)."""
        problems = [
            f"sqlite: {row[0]}"
            for row in self.conn.execute("PRAGMA integrity_check")
            if row[0] != "ok"
        ]
        problems += [f"foreign key: {row}" for row in self.conn.execute("PRAGMA foreign_key_check")]
        bands = self.settings.lsh_bands
        queries = {
            "articles whose LSH keys are missing or extra": (
                "SELECT count(*) FROM (SELECT a.id, count(l.key) AS n FROM articles a"
                " LEFT JOIN lsh l ON l.article_id = a.id WHERE a.signature IS NOT NULL"
                " GROUP BY a.id HAVING n NOT BETWEEN 1 AND ?)",
                (bands,),
            ),
            "articles whose anchor count is wrong": (
                "SELECT count(*) FROM (SELECT a.id, a.anchors, count(x.key) AS n FROM articles a"
                " LEFT JOIN anchors x ON x.article_id = a.id GROUP BY a.id HAVING n != a.anchors)",
                (),
            ),
            "index rows of articles that do not exist": (
                "SELECT (SELECT count(*) FROM lsh"
                "  WHERE article_id NOT IN (SELECT id FROM articles))"
                " + (SELECT count(*) FROM anchors"
                "  WHERE article_id NOT IN (SELECT id FROM articles))",
                (),
            ),
            "signatures of the wrong length": (
                "SELECT count(*) FROM articles"
                " WHERE signature IS NOT NULL AND length(signature) != ?",
                (4 * self.settings.num_perm,),
            ),
            "edges whose copy is not stored": (
                "SELECT count(*) FROM edges WHERE target NOT IN (SELECT url FROM articles)",
                (),
            ),
            "aliases pointing nowhere": (
                "SELECT count(*) FROM aliases WHERE article_id NOT IN (SELECT id FROM articles)",
                (),
            ),
        }
        for label, (sql, args) in queries.items():
            count = int(self.conn.execute(sql, args).fetchone()[0])
            if count:
                problems.append(f"{count} {label}")
        return problems

    # -- outlets ---------------------------------------------------------------------

    def registry(self) -> Registry:
        """Built-in agencies, outlets learned from pages, then the user's outlets file."""
        if self._registry is None:
            learned = [
                Outlet(
                    str(name),
                    (str(domain),),
                    tuple(json.loads(aliases)),
                    tuple(json.loads(networks)),
                )
                for domain, name, aliases, networks in self.conn.execute(
                    "SELECT domain, name, aliases, networks FROM outlets WHERE name IS NOT NULL"
                )
            ]
            given = (
                load_outlets_file(self.settings.outlets_file) if self.settings.outlets_file else []
            )
            self._registry = Registry([*learned, *given])
        return self._registry

    def learn_outlet(self, domain: str, name: str | None) -> None:
        """Remember what a page calls its own outlet (og:site_name, publisher)."""
        if not name or not domain:
            return
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO outlets (domain, name, source) VALUES (?, ?, 'page')",
            (domain, name.strip()[:200]),
        )
        if cursor.rowcount and self._registry is not None:
            if self._registry.lookup(domain) is None:
                self._registry.add(Outlet(name.strip()[:200], (domain,)))

    # -- boilerplate -----------------------------------------------------------------

    def outlet_article_count(self, outlet: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM articles WHERE outlet = ?", (outlet,)
            ).fetchone()[0]
        )

    def boilerplate_learned_at(self, outlet: str) -> int:
        row = self.conn.execute(
            "SELECT articles FROM boilerplate_state WHERE outlet = ?", (outlet,)
        ).fetchone()
        return int(row[0]) if row else 0

    def recent_texts(self, outlet: str, limit: int) -> list[tuple[str, bytes | None]]:
        """The outlet's latest texts with their signatures."""
        return [
            (zlib.decompress(text).decode("utf-8"), signature)
            for text, signature in self.conn.execute(
                "SELECT text, signature FROM articles WHERE outlet = ? ORDER BY id DESC LIMIT ?",
                (outlet, limit),
            )
        ]

    def set_boilerplate(self, outlet: str, keys: frozenset[int], count: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM boilerplate WHERE outlet = ?", (outlet,))
            self.conn.executemany(
                "INSERT INTO boilerplate (outlet, shingle) VALUES (?, ?)",
                [(outlet, key) for key in keys],
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO boilerplate_state VALUES (?, ?, ?)", (outlet, count, _now())
            )
        self._boilerplate.pop(outlet, None)

    def boilerplate(self, outlet: str) -> frozenset[int]:
        """The outlet's learned boilerplate shingle keys (cached)."""
        if outlet not in self._boilerplate:
            self._boilerplate[outlet] = frozenset(
                int(row[0])
                for row in self.conn.execute(
                    "SELECT shingle FROM boilerplate WHERE outlet = ?", (outlet,)
                )
            )
        return self._boilerplate[outlet]

    # -- watch runs --------------------------------------------------------------------

    def start_run(self) -> int:
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO runs (started_at, status) VALUES (?, 'running')", (_now(),)
            )
        self.run_id = int(cursor.lastrowid or 0)
        return self.run_id

    def finish_run(self, run_id: int, status: str, summary: dict[str, object]) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?",
                (_now(), status, json.dumps(summary), run_id),
            )

    def edges_detected(
        self, *, run_id: int | None = None, since: str | None = None, until: str | None = None
    ) -> list[tuple[Edge, str, int | None]]:
        """Edges first detected in a run or a time window, with when and in which run."""
        clauses: list[str] = []
        args: list[object] = []
        if run_id is not None:
            clauses.append("run_id = ?")
            args.append(run_id)
        if since is not None:
            clauses.append("detected_at >= ?")
            args.append(since)
        if until is not None:
            clauses.append("detected_at <= ?")
            args.append(until)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self.conn.execute(
            "SELECT source, target, confidence, similarity, containment, evidence, explanation,"
            f" detected_at, run_id FROM edges{where} ORDER BY detected_at, source, target",
            args,
        ).fetchall()
        return [(self._row_to_edge(r[:7]), str(r[7]), r[8]) for r in rows]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last seen for a URL, for a conditional GET."""
        row = self.conn.execute(
            "SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO fetch_state (url, etag, last_modified, checked_at)"
            " VALUES (?, ?, ?, ?)",
            (url, etag, last_modified, _now()),
        )

    def enqueue(self, urls: Iterable[tuple[str, str]]) -> int:
        """Queue (url, source) pairs not yet stored nor queued; returns how many are new."""
        added = 0
        for url, source in urls:
            if self.article_id(url) is not None:
                continue
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO queue (url, source, discovered_at) VALUES (?, ?, ?)",
                (url, source, _now()),
            )
            added += cursor.rowcount
        return added

    def pending(self, limit: int) -> list[str]:
        return [
            str(row[0])
            for row in self.conn.execute(
                "SELECT url FROM queue WHERE state = 'pending' ORDER BY discovered_at, url LIMIT ?",
                (limit,),
            )
        ]

    def mark_queued(self, url: str, state: str) -> None:
        self.conn.execute("UPDATE queue SET state = ? WHERE url = ?", (state, url))

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and for checking a copy."""
        tables = ("responses", "articles", "aliases", "lsh", "anchors", "edges", "failures")
        return {
            table: int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in tables
        }

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        """``with store.transaction():`` groups writes; all or nothing."""
        return _Transaction(self.conn)

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta").fetchall())

    # -- responses -------------------------------------------------------------------

    def add_response(self, result: FetchResult) -> tuple[int, bool]:
        """Keep a raw response, compressed; returns (id, is_new). Unchanged: not re-added."""
        digest = hashlib.sha256(result.content).hexdigest()
        row = self.conn.execute(
            "SELECT id FROM responses WHERE url = ? AND sha256 = ?", (result.url, digest)
        ).fetchone()
        if row:
            return int(row[0]), False
        cursor = self.conn.execute(
            "INSERT INTO responses (url, final_url, status, headers, redirects, body, sha256,"
            " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                result.url,
                result.final_url,
                result.status,
                json.dumps(list(result.headers)),
                json.dumps([[r.url, r.status, r.location] for r in result.redirects]),
                zlib.compress(result.content, 1),  # level 1: a third of the cost of 6, 18% larger
                digest,
                (result.fetched_at or datetime.now(UTC)).isoformat(timespec="seconds"),
            ),
        )
        return int(cursor.lastrowid or 0), True

    def response_body(self, response_id: int) -> bytes:
        row = self.conn.execute(
            "SELECT body FROM responses WHERE id = ?", (response_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no response {response_id}")
        return zlib.decompress(row[0])

    def record_failure(self, url: str, reason: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO failures VALUES (?, ?, ?)", (url, reason, _now()))

    def failures(self) -> list[tuple[str, str, str]]:
        return list(self.conn.execute("SELECT url, reason, at FROM failures ORDER BY rowid"))

    # -- articles --------------------------------------------------------------------

    def article_id(self, url: str) -> int | None:
        """The article stored for ``url``, directly or through an alias (redirect, canonical)."""
        row = self.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT article_id FROM aliases WHERE url = ?", (url,)
            ).fetchone()
        return int(row[0]) if row else None

    def add_alias(self, url: str, article_id: int) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO aliases (url, article_id) VALUES (?, ?)", (url, article_id)
        )

    def add_article(
        self,
        article: Article,
        *,
        size: int,
        signature: bytes | None,
        keys: list[int],
        anchors: list[int] | tuple[int, ...] = (),
        response_id: int | None,
        first_seen: str,
    ) -> int:
        """Insert or update an article, its LSH keys and anchors (call inside a transaction)."""
        text = zlib.compress(article.text.encode("utf-8"), 6)
        existing = self.article_id(article.url)
        values = (
            article.outlet,
            article.title,
            article.published,
            _article_data(article),
            text,
            size,
            len(anchors),
            signature,
            response_id,
        )
        if existing is None:
            cursor = self.conn.execute(
                "INSERT INTO articles (outlet, title, published, data, text, size, anchors,"
                " signature, response_id, url, first_seen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, article.url, first_seen),
            )
            article_id = int(cursor.lastrowid or 0)
        else:
            article_id = existing
            self.conn.execute(
                "UPDATE articles SET outlet=?, title=?, published=?, data=?, text=?, size=?,"
                " anchors=?, signature=?, response_id=? WHERE id = ?",
                (*values, article_id),
            )
            self.conn.execute("DELETE FROM lsh WHERE article_id = ?", (article_id,))
            self.conn.execute("DELETE FROM anchors WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO lsh (key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in keys],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO anchors (key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in anchors],
        )
        return article_id

    def load(self, article_id: int) -> StoredArticle:
        row = self.conn.execute(
            "SELECT id, url, outlet, title, published, first_seen, data, text, size, signature"
            " FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return self._row_to_article(row)

    def load_many(self, ids: Iterable[int]) -> list[StoredArticle]:
        ids = list(ids)
        out: list[StoredArticle] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.extend(
                self._row_to_article(row)
                for row in self.conn.execute(
                    "SELECT id, url, outlet, title, published, first_seen, data, text, size,"
                    f" signature FROM articles WHERE id IN ({marks})",
                    chunk,
                )
            )
        return out

    @staticmethod
    def _row_to_article(row: tuple[object, ...]) -> StoredArticle:
        (article_id, url, outlet, title, published, first_seen, data, text, size, sig) = row
        extra = json.loads(str(data))
        assert isinstance(text, bytes)
        article = Article(
            url=str(url),
            outlet=str(outlet),
            text=zlib.decompress(text).decode("utf-8"),
            title=title if isinstance(title, str) else None,
            authors=tuple(extra["authors"]),
            published=published if isinstance(published, str) else None,
            site_name=extra["site_name"],
            language=extra["language"],
            canonical=extra["canonical"],
            og_url=extra["og_url"],
            links=tuple(extra["links"]),
            signals=tuple(Evidence(k, d, t) for k, d, t in extra["signals"]),
            noindex=bool(extra["noindex"]),
        )
        return StoredArticle(
            id=int(str(article_id)),
            article=article,
            first_seen=str(first_seen),
            size=int(str(size)),
            signature=sig if isinstance(sig, bytes) else None,
        )

    def band_hits(self, keys: list[int] | tuple[int, ...]) -> dict[int, int]:
        """Article id -> number of LSH band keys it shares with ``keys``."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        return {
            int(article_id): int(hits)
            for article_id, hits in self.conn.execute(
                f"SELECT article_id, count(*) FROM lsh WHERE key IN ({marks}) GROUP BY article_id",
                tuple(keys),
            )
        }

    def anchor_hits(
        self, anchors: list[int] | tuple[int, ...], *, max_postings: int
    ) -> dict[int, int]:
        """Article id -> number of anchors it shares; anchors on too many articles are skipped."""
        hits: dict[int, int] = {}
        query = "SELECT article_id FROM anchors WHERE key = ? LIMIT ?"
        for key in anchors:
            rows = self.conn.execute(query, (key, max_postings + 1)).fetchall()
            if len(rows) > max_postings:
                continue  # boilerplate shared by many articles says nothing
            for (article_id,) in rows:
                hits[article_id] = hits.get(article_id, 0) + 1
        return hits

    def index_entries(self, ids: list[int]) -> dict[int, tuple[bytes, int, int]]:
        """Article id -> (signature, shingle count, anchor count), for fingerprinted articles."""
        out: dict[int, tuple[bytes, int, int]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for article_id, signature, size, anchors in self.conn.execute(
                f"SELECT id, signature, size, anchors FROM articles WHERE id IN ({marks})"
                " AND signature IS NOT NULL",
                chunk,
            ):
                out[int(article_id)] = (signature, int(size), int(anchors))
        return out

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def iter_articles(self) -> Iterator[StoredArticle]:
        cursor = self.conn.execute(
            "SELECT id, url, outlet, title, published, first_seen, data, text, size, signature"
            " FROM articles ORDER BY id"
        )
        for row in cursor:
            yield self._row_to_article(row)

    # -- edges -----------------------------------------------------------------------

    def put_edge(self, edge: Edge) -> None:
        """Store an edge, replacing any earlier verdict on the same pair (either direction).

        A pair keeps the time and run it was first detected in.
        """
        pair = (edge.source, edge.target, edge.target, edge.source)
        row = self.conn.execute(
            "SELECT detected_at, run_id FROM edges"
            " WHERE (source = ? AND target = ?) OR (source = ? AND target = ?)",
            pair,
        ).fetchone()
        detected_at, run_id = row if row else (_now(), self.run_id)
        self.conn.execute(
            "DELETE FROM edges WHERE (source = ? AND target = ?) OR (source = ? AND target = ?)",
            pair,
        )
        self.conn.execute(
            "INSERT INTO edges (source, target, confidence, similarity, containment, evidence,"
            " explanation, updated_at, detected_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                edge.source,
                edge.target,
                edge.confidence,
                edge.similarity,
                edge.containment,
                _evidence_json(edge.evidence),
                edge.explanation,
                _now(),
                detected_at,
                run_id,
            ),
        )

    def delete_edges_of(self, node: str) -> None:
        self.conn.execute("DELETE FROM edges WHERE source = ? OR target = ?", (node, node))

    def edges_of(self, node: str) -> list[Edge]:
        rows = self.conn.execute(
            "SELECT source, target, confidence, similarity, containment, evidence, explanation"
            " FROM edges WHERE source = ? UNION ALL"
            " SELECT source, target, confidence, similarity, containment, evidence, explanation"
            " FROM edges WHERE target = ?",
            (node, node),
        ).fetchall()
        return [self._row_to_edge(r) for r in rows]

    def iter_edges(self) -> Iterator[Edge]:
        for row in self.conn.execute(
            "SELECT source, target, confidence, similarity, containment, evidence, explanation"
            " FROM edges ORDER BY source, target"
        ):
            yield self._row_to_edge(row)

    @staticmethod
    def _row_to_edge(row: tuple[object, ...]) -> Edge:
        source, target, confidence, similarity, contained, evidence, explanation = row
        return Edge(
            source=str(source),
            target=str(target),
            confidence=float(str(confidence)),
            similarity=float(str(similarity)),
            containment=float(str(contained)),
            evidence=_evidence_from(str(evidence)),
            explanation=str(explanation),
        )

    def article_by_url(self, url: str) -> StoredArticle | None:
        article_id = self.article_id(url)
        return None if article_id is None else self.load(article_id)

    # -- search providers (provenance/search.py) ---------------------------------------

    def cached_search(self, provider: str, query: str) -> tuple[str, str] | None:
        """(response, fetched_at) cached for a provider's query, or None."""
        row = self.conn.execute(
            "SELECT response, fetched_at FROM search_cache WHERE provider = ? AND query = ?",
            (provider, query),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def cache_search(self, provider: str, query: str, response: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO search_cache (provider, query, response, fetched_at)"
                " VALUES (?, ?, ?, ?)",
                (provider, query, response, _now()),
            )

    def record_candidate(
        self, query_url: str, candidate: str, provider: str, status: str, reason: str
    ) -> None:
        """Remember a provider's candidate for a queried article: verified or rejected, and why."""
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO search_candidates"
                " (query_url, candidate, provider, status, reason, seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (query_url, candidate, provider, status, reason, _now()),
            )

    def candidates(self, query_url: str) -> list[tuple[str, str, str, str]]:
        """(candidate, provider, status, reason) recorded for a queried article."""
        return [
            (str(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in self.conn.execute(
                "SELECT candidate, provider, status, reason FROM search_candidates"
                " WHERE query_url = ? ORDER BY candidate",
                (query_url,),
            )
        ]

    def set_first_seen(self, article_id: int, when: str) -> None:
        """Move an article's first-seen time (an earlier sighting, e.g. by a search provider)."""
        with self.transaction():
            self.conn.execute("UPDATE articles SET first_seen = ? WHERE id = ?", (when, article_id))


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.conn.in_transaction
        if self.outer:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise StoreError(_write_error(error)) from error
        return self.conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.outer:
            return
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise StoreError(_write_error(error)) from error
            return
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            raise StoreError(_write_error(exc)) from exc

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def _write_error(error: sqlite3.Error) -> str:
    text = str(error)
    if "readonly" in text:
        return "the store is read-only (check the file's permissions)"
    if "disk is full" in text or "disk I/O" in text:
        return f"could not write the store: {text} (is the disk full?)"
    if "locked" in text or "busy" in text:
        return f"the store is locked by another process: {text}"
    return f"could not write the store: {text}"
