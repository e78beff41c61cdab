"""The store: raw responses, articles, signatures, the persistent LSH index, edges.

One code base for SQLite and PostgreSQL (SQLAlchemy Core; tables in schema.py).

Design for speed at millions of articles: the LSH index is a table of (band key,
article id) (``WITHOUT ROWID`` on SQLite) so a query reads only the rows of its own
band keys; signatures are 512-byte blobs read only for candidates; texts are
zlib-compressed and read only to verify a candidate.

Every write of one article (response, record, keys, edges) is one transaction, so a
killed process leaves the store as it was before that article. Writers take turns:
``BEGIN IMMEDIATE`` on SQLite, a row lock on PostgreSQL, so an article committed by
one worker is always matched against every article another worker committed before
it (two concurrent transactions would each miss the other's copy: a lost edge).
Work is shared out through the ``queue`` table: a worker claims URLs with
``FOR UPDATE SKIP LOCKED`` and a lease; a dead worker's lease runs out and its URLs
are claimed again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import secrets
import socket
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
    Integer,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    inspect,
    literal,
    or_,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from . import schema as s
from .config import Settings
from .database import Location, dispose_engines, engine_for, locate, store_error
from .errors import ConfigError, StoreError, StoreVersionError
from .models import Article, Edge, Evidence, FetchResult
from .registry import Outlet, Registry, load_outlets_file
from .schema import SCHEMA_VERSION, pair_key

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Store", "StoredArticle", "dispose_engines"]

logger = logging.getLogger(__name__)

APPLICATION_ID = 0x50524F56  # "PROV", in the SQLite header
_INIT_LOCK = 0x50524F56  # PostgreSQL advisory lock taken while creating or migrating
T = TypeVar("T")
_CHUNK = 500  # ids per IN (...) query
_UNCLAIMED = {"state": "pending", "claimed_by": None, "claimed_until": None}  # back in the queue
WORKER_ROWS_KEPT_DAYS = 7  # how long an ended run still tells later runs what it did

_ARTICLE_COLUMNS = (
    s.articles.c.id,
    s.articles.c.url,
    s.articles.c.outlet,
    s.articles.c.title,
    s.articles.c.published,
    s.articles.c.first_seen,
    s.articles.c.data,
    s.articles.c.text,
    s.articles.c.size,
    s.articles.c.signature,
)
_EDGE_COLUMNS = (
    s.edges.c.source,
    s.edges.c.target,
    s.edges.c.confidence,
    s.edges.c.similarity,
    s.edges.c.containment,
    s.edges.c.evidence,
    s.edges.c.explanation,
)
_BAND_HITS = (
    select(s.lsh.c.article_id, func.count())
    .where(s.lsh.c.key.in_(bindparam("keys", expanding=True)))
    .group_by(s.lsh.c.article_id)
)
_ANCHORS_PER_QUERY = 64


@functools.cache
def _anchor_postings(count: int) -> Any:
    """The postings of ``count`` anchors (k0, k1, ...), at most ``limit`` rows each."""
    parts = [
        select(s.anchors.c.key, s.anchors.c.article_id)
        .where(s.anchors.c.key == bindparam(f"k{i}"))
        .limit(bindparam("limit"))
        .subquery()
        for i in range(count)
    ]
    return union_all(*(select(part.c.key, part.c.article_id) for part in parts))


# PostgreSQL: each anchor's postings up to the limit, all anchors in one short statement
# (the union above grows with the anchor count, which psycopg can neither cache nor prepare)
_PG_KEYS = func.unnest(bindparam("keys", type_=postgresql.ARRAY(Integer)))
_PG_ANCHOR_KEYS = _PG_KEYS.table_valued("key").render_derived(name="k")
_PG_ANCHOR_POSTINGS = (
    select(s.anchors.c.article_id)
    .where(s.anchors.c.key == _PG_ANCHOR_KEYS.c.key)
    .limit(bindparam("limit"))
    .lateral("p")
)
_PG_ANCHOR_HITS = select(_PG_ANCHOR_KEYS.c.key, _PG_ANCHOR_POSTINGS.c.article_id).select_from(
    _PG_ANCHOR_KEYS.join(_PG_ANCHOR_POSTINGS, true())
)


@functools.cache
def _pg_postings_insert(table: Table) -> Any:
    """PostgreSQL: an article's keys as one array parameter, one statement, not a row each."""
    article_id = bindparam("article_id", type_=table.c.article_id.type)
    return insert(table).from_select(["key", "article_id"], select(_PG_KEYS, article_id))


_LOAD_MANY = select(*_ARTICLE_COLUMNS).where(s.articles.c.id.in_(bindparam("ids", expanding=True)))
# the article stored at a URL, else the one the URL is an alias of: one statement
_ARTICLE_BY_URL = select(
    func.coalesce(
        select(s.articles.c.id).where(s.articles.c.url == bindparam("url")).scalar_subquery(),
        select(s.aliases.c.article_id).where(s.aliases.c.url == bindparam("url")).scalar_subquery(),
    )
)


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
    """A provenance store in a SQLite file or a PostgreSQL database.

    Open with :meth:`open`; close or use ``with``.
    """

    def __init__(self, location: Location, engine: Engine, settings: Settings) -> None:
        self.location = location
        self.engine = engine
        self.dialect = location.dialect
        self.path = location.shown  # for messages (a URL's password hidden)
        self.settings = settings
        self._conn: Connection | None = None  # writes, and reads inside a transaction
        self._reader: Connection | None = None  # PostgreSQL: reads outside one, in autocommit
        self._read_conn: Connection | None = None  # the connection of the read under way
        self._depth = 0  # nesting of transaction()
        self._working = 0  # nesting of working()
        self._registry: Registry | None = None
        self._boilerplate: dict[str, frozenset[int]] = {}
        self.run_id: int | None = None  # the watch run writing now, if any
        # who claims queued URLs through this store: unique across hosts and processes
        self.worker = _new_worker()
        self._insert: Any = postgresql.insert if self.dialect == "postgresql" else sqlite.insert

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | Path, settings: Settings, *, create: bool = True) -> Store:
        """Open (or create) a store, checking its schema version and index parameters.

        ``target`` is a SQLite path, ``sqlite:///path`` or ``postgresql://user@host/db``.
        """
        location = locate(target)
        if location.path is not None and location.path != ":memory:":
            path = Path(location.path)
            if path.is_dir():
                raise StoreError(f"{path} is a directory, not a store file")
            if not path.exists() and not create:
                raise StoreError(f"no store at {path}")
            if not path.exists() and not path.parent.exists():
                raise StoreError(f"cannot create a store in {path.parent}: no such directory")
        store = cls(location, engine_for(location), settings)
        try:
            store._conn = store.engine.connect()
            store._initialise(create)
        except StoreError:
            store.close()
            raise
        except DBAPIError as exc:
            store.close()
            text = str(exc.orig)
            if "not a database" in text or "malformed" in text:
                raise StoreVersionError(f"{store.path} is not a provenance store ({text})") from (
                    None
                )
            raise store_error(exc, store.path, "open") from None
        except BaseException:
            store.close()
            raise
        return store

    @property
    def writer(self) -> Connection:
        """The connection that writes (and reads inside a transaction)."""
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._conn

    @property
    def conn(self) -> Connection:
        if self._depth == 0 and self._read_conn is not None:
            return self._read_conn
        return self.writer

    def _initialise(self, create: bool) -> None:
        with self._reading():
            found = self._inspect()
        if self.dialect == "sqlite" and self.location.path != ":memory:":
            with self._reading() as conn:  # only once we know the file is ours
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        if found is None:
            if not create:
                raise StoreError(f"no store at {self.path}")
            with self.transaction(exclusive=False):
                if self.dialect == "postgresql":  # two processes creating one store take turns
                    self.conn.execute(select(func.pg_advisory_xact_lock(_INIT_LOCK)))
                found = self._inspect()
                if found is None:
                    self._create()
                    return
        meta = found
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
            shown = ", ".join(f"{k}={v} (asked {a})" for k, (v, a) in sorted(wrong.items()))
            raise ConfigError(f"{self.path} was built with different index parameters: {shown}")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _inspect(self) -> dict[str, str] | None:
        """The store's meta table, None for an empty database; refuses foreign ones."""
        tables = set(inspect(self.conn).get_table_names())
        if self.dialect == "sqlite":
            app_id = self.conn.exec_driver_sql("PRAGMA application_id").scalar()
            if tables and app_id != APPLICATION_ID:
                raise StoreVersionError(f"{self.path} is an SQLite file but not a provenance store")
        elif "meta" not in tables and tables & {t.name for t in s.TABLES}:
            raise StoreVersionError(
                f"{self.path} has tables named like a store's but is not a provenance store"
            )
        return self._meta() if "meta" in tables else None

    def _create(self) -> None:
        if self.dialect == "sqlite":
            self.conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        s.METADATA.create_all(self.conn)
        rows = {"schema_version": str(SCHEMA_VERSION), **self.settings.index_params()}
        self.conn.execute(insert(s.meta), [{"key": k, "value": v} for k, v in rows.items()])

    def _migrate(self, version: int) -> None:
        """Bring an older store up to SCHEMA_VERSION, one version per transaction."""
        if version < 1 or version not in s.MIGRATIONS:
            raise StoreVersionError(f"{self.path}: unknown schema version {version}")
        while version < SCHEMA_VERSION:
            with self.transaction():
                if self.dialect == "postgresql":
                    self.conn.execute(select(func.pg_advisory_xact_lock(_INIT_LOCK)))
                current = int(self._meta().get("schema_version", "0"))
                if current != version:  # another process migrated it meanwhile
                    version = current
                    continue
                logger.warning("migrating %s from schema %d to %d", self.path, version, version + 1)
                s.MIGRATIONS[version](self.conn)
                version += 1
                self.conn.execute(
                    update(s.meta)
                    .where(s.meta.c.key == "schema_version")
                    .values(value=str(version))
                )

    def check(self) -> list[str]:
        """Problems found by the engine's own check and our invariants (empty: healthy)."""
        problems: list[str] = []
        with self._reading() as conn:
            if self.dialect == "sqlite":
                problems += [
                    f"sqlite: {row[0]}"
                    for row in conn.exec_driver_sql("PRAGMA integrity_check")
                    if row[0] != "ok"
                ]
                problems += [
                    f"foreign key: {tuple(row)}"
                    for row in conn.exec_driver_sql("PRAGMA foreign_key_check")
                ]
            a, lsh, anchors = s.articles, s.lsh, s.anchors
            lsh_count = func.count(lsh.c.key)
            anchor_count = func.count(anchors.c.key)
            queries = {
                "articles whose LSH keys are missing or extra": select(a.c.id)
                .select_from(a.outerjoin(lsh, lsh.c.article_id == a.c.id))
                .where(a.c.signature.is_not(None))
                .group_by(a.c.id)
                .having(or_(lsh_count < 1, lsh_count > self.settings.lsh_bands)),
                "articles whose anchor count is wrong": select(a.c.id)
                .select_from(a.outerjoin(anchors, anchors.c.article_id == a.c.id))
                .group_by(a.c.id, a.c.anchors)
                .having(anchor_count != a.c.anchors),
                "index rows of articles that do not exist": union_all(
                    select(lsh.c.key).where(~exists().where(a.c.id == lsh.c.article_id)),
                    select(anchors.c.key).where(~exists().where(a.c.id == anchors.c.article_id)),
                ),
                "signatures of the wrong length": select(a.c.id).where(
                    a.c.signature.is_not(None),
                    func.length(a.c.signature) != 4 * self.settings.num_perm,
                ),
                "edges whose copy is not stored": select(s.edges.c.pair).where(
                    ~exists().where(a.c.url == s.edges.c.target)
                ),
                "aliases pointing nowhere": select(s.aliases.c.url).where(
                    ~exists().where(a.c.id == s.aliases.c.article_id)
                ),
            }
            for label, query in queries.items():
                count = conn.execute(select(func.count()).select_from(query.subquery())).scalar()
                if count:
                    problems.append(f"{count} {label}")
        return problems

    # -- connections and transactions --------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """The connection for reads; outside a transaction, nothing is left open after.

        Inside a transaction: its connection (a read sees the writes before it).
        Outside, every statement runs in autocommit and sees the latest committed
        state: SQLite's own connection (the driver's autocommit), and on PostgreSQL a
        second connection in AUTOCOMMIT, which spares each read a BEGIN and a ROLLBACK
        (three round trips become one).
        """
        if self._depth or self._read_conn is not None:
            yield self.conn
            return
        try:
            conn = self._read_connection()
            self._read_conn = conn
            yield conn
        except SQLAlchemyError as exc:  # DBAPIError, or a connection still to be rolled back
            self._drop_reader()  # the next read takes a fresh (pre-pinged) connection
            raise store_error(exc, self.path, "read") from None
        finally:
            self._read_conn = None

    def _drop_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            try:
                reader.invalidate()
                reader.close()
            except DBAPIError:
                logger.debug("dropping the read connection of %s", self.path, exc_info=True)

    def _read_connection(self) -> Connection:
        if self.dialect == "sqlite":
            return self.writer  # reads in the driver's autocommit; nothing is left open
        if self._reader is None:
            self._reader = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return self._reader

    def transaction(self, *, exclusive: bool = True) -> _Transaction:
        """``with store.transaction():`` groups writes; all or nothing.

        ``exclusive`` (the default) makes writers take turns, on every engine: what an
        article is matched against (articles, index rows, edges) is written in turns.
        Bookkeeping (the queue, runs, validators, failures, the search cache) is not
        exclusive on PostgreSQL, so it neither waits for a commit nor holds one up.
        """
        return _Transaction(self, exclusive)

    def close(self) -> None:
        for conn in (self._reader, self._conn):
            if conn is None:
                continue
            try:
                conn.close()
            except DBAPIError:  # a connection the server already dropped
                logger.debug("closing %s", self.path, exc_info=True)
        self._conn = self._reader = None
        if self.dialect == "sqlite":
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _meta(self) -> dict[str, str]:
        rows = self.conn.execute(select(s.meta.c.key, s.meta.c.value))
        return {str(k): str(v) for k, v in rows}

    def meta(self) -> dict[str, str]:
        with self._reading():
            return self._meta()

    def database_now(self) -> datetime:
        """The database server's clock (one clock for every worker of a shared store)."""
        if self.dialect == "sqlite":
            return datetime.now(UTC)
        with self._reading() as conn:
            value = conn.execute(select(func.statement_timestamp())).scalar_one()
        assert isinstance(value, datetime)
        return value.astimezone(UTC)

    def queue_time(self) -> str:
        """The server's time as queue rows keep it: to the microsecond, so that a run that
        starts in the second another one finished still tells the two apart."""
        return _stamp(self.database_now())

    # -- outlets ---------------------------------------------------------------------

    def registry(self) -> Registry:
        """Built-in agencies, outlets learned from pages, then the user's outlets file."""
        if self._registry is None:
            o = s.outlets
            with self._reading() as conn:
                rows = conn.execute(
                    select(o.c.domain, o.c.name, o.c.aliases, o.c.networks).where(
                        o.c.name.is_not(None)
                    )
                ).all()
            learned = [
                Outlet(
                    str(name),
                    (str(domain),),
                    tuple(json.loads(aliases)),
                    tuple(json.loads(networks)),
                )
                for domain, name, aliases, networks in rows
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
        name = name.strip()[:200]
        with self.transaction():
            result = self.conn.execute(
                self._insert(s.outlets)
                .values(domain=domain, name=name, source="page")
                .on_conflict_do_nothing(index_elements=["domain"])
            )
        if result.rowcount and self._registry is not None:
            if self._registry.lookup(domain) is None:
                self._registry.add(Outlet(name, (domain,)))

    # -- boilerplate -----------------------------------------------------------------

    def outlet_article_count(self, outlet: str) -> int:
        with self._reading() as conn:
            query = select(func.count()).select_from(s.articles)
            return int(conn.execute(query.where(s.articles.c.outlet == outlet)).scalar_one())

    def boilerplate_learned_at(self, outlet: str) -> int:
        state = s.boilerplate_state
        with self._reading() as conn:
            value = conn.execute(select(state.c.articles).where(state.c.outlet == outlet)).scalar()
        return int(value) if value is not None else 0

    def recent_texts(self, outlet: str, limit: int) -> list[tuple[str, bytes | None]]:
        """The outlet's latest texts with their signatures."""
        a = s.articles
        with self._reading() as conn:
            rows = conn.execute(
                select(a.c.text, a.c.signature)
                .where(a.c.outlet == outlet)
                .order_by(a.c.id.desc())
                .limit(limit)
            ).all()
        return [(zlib.decompress(text).decode("utf-8"), signature) for text, signature in rows]

    def set_boilerplate(self, outlet: str, keys: frozenset[int], count: int) -> None:
        with self.transaction():
            conn = self.conn
            conn.execute(delete(s.boilerplate).where(s.boilerplate.c.outlet == outlet))
            if keys:
                conn.execute(
                    insert(s.boilerplate), [{"outlet": outlet, "shingle": k} for k in keys]
                )
            values = {"outlet": outlet, "articles": count, "learned_at": _now()}
            conn.execute(self._upsert(s.boilerplate_state, values, ["outlet"]))
        self._boilerplate.pop(outlet, None)

    def boilerplate(self, outlet: str) -> frozenset[int]:
        """The outlet's learned boilerplate shingle keys (cached)."""
        if outlet not in self._boilerplate:
            b = s.boilerplate
            with self._reading() as conn:
                rows = conn.execute(select(b.c.shingle).where(b.c.outlet == outlet))
                self._boilerplate[outlet] = frozenset(int(row[0]) for row in rows)
        return self._boilerplate[outlet]

    # -- watch runs --------------------------------------------------------------------

    def start_run(self) -> int:
        with self.transaction(exclusive=False):
            result = self.conn.execute(insert(s.runs).values(started_at=_now(), status="running"))
        self.run_id = _new_id(result)
        return self.run_id

    def finish_run(self, run_id: int, status: str, summary: dict[str, object]) -> None:
        with self.transaction(exclusive=False):
            self.conn.execute(
                update(s.runs)
                .where(s.runs.c.id == run_id)
                .values(finished_at=_now(), status=status, summary=json.dumps(summary))
            )

    def edges_detected(
        self, *, run_id: int | None = None, since: str | None = None, until: str | None = None
    ) -> list[tuple[Edge, str, int | None]]:
        """Edges first detected in a run or a time window, with when and in which run."""
        e = s.edges
        query = select(*_EDGE_COLUMNS, e.c.detected_at, e.c.run_id)
        if run_id is not None:
            query = query.where(e.c.run_id == run_id)
        if since is not None:
            query = query.where(e.c.detected_at >= since)
        if until is not None:
            query = query.where(e.c.detected_at <= until)
        with self._reading() as conn:
            found = conn.execute(query).all()
        rows = sorted(found, key=lambda r: (r[7] or "", r[0], r[1]))  # by code point, everywhere
        return [
            (self._row_to_edge(r[:7]), str(r[7]), None if r[8] is None else int(r[8])) for r in rows
        ]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last seen for a URL, for a conditional GET."""
        f = s.fetch_state
        with self._reading() as conn:
            row = conn.execute(select(f.c.etag, f.c.last_modified).where(f.c.url == url)).first()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        values = {"url": url, "etag": etag, "last_modified": last_modified, "checked_at": _now()}
        with self.transaction(exclusive=False):
            self.conn.execute(self._upsert(s.fetch_state, values, ["url"]))

    # -- the work queue ----------------------------------------------------------------

    def enqueue(self, urls: Iterable[tuple[str, str]]) -> int:
        """Queue (url, source) pairs not yet stored nor queued; returns how many are new.

        Set-based and without the writer lock: a feed of thousands of URLs is a few
        statements, and no writer waits for it.
        """
        first: dict[str, str] = {}
        for url, source in urls:
            first.setdefault(url, source)
        wanted = sorted(first)  # one lock order for every worker
        insert_new = (
            self._insert(s.queue)
            .on_conflict_do_nothing(index_elements=["url"])
            .returning(s.queue.c.url)
        )
        added = 0
        now = _now()
        with self.transaction(exclusive=False):
            for chunk in _chunks(wanted):
                stored = self._stored_among(chunk)
                rows = [
                    {"url": url, "source": first[url], "discovered_at": now}
                    for url in chunk
                    if url not in stored
                ]
                if rows:
                    added += len(self.conn.execute(insert_new, rows).fetchall())
        return added

    def _stored_among(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` stored as an article or as an alias of one."""
        a, al = s.articles, s.aliases
        query = union_all(
            select(a.c.url).where(a.c.url.in_(urls)), select(al.c.url).where(al.c.url.in_(urls))
        )
        with self._reading() as conn:
            return {str(url) for url in conn.execute(query).scalars()}

    def enqueue_again(self, urls: Iterable[str], source: str, before: str) -> None:
        """Queue URLs to be fetched (again), unless this run (started at ``before``)
        already has them: finished since ``before``, or by another run that was still
        alive at ``before`` or later.

        Two ``ingest`` processes with overlapping lists fetch each shared URL once
        between them, however far apart they started; a URL done by a run that had
        ended before this one started is fetched again.
        """
        q, w = s.queue, s.workers
        wanted = sorted(set(urls))  # one lock order for every worker: no deadlocks
        overlapping = (  # finished by another run that was alive after this one started
            select(w.c.worker)
            .where(
                w.c.worker == q.c.finished_by,
                w.c.worker != self.worker,
                w.c.alive_until > before,
            )
            .exists()
        )
        with self.transaction(exclusive=False):
            insert_new = self._insert(q).on_conflict_do_nothing(index_elements=["url"])
            if wanted:
                now = _now()
                self.conn.execute(
                    insert_new,
                    [{"url": u, "source": source, "discovered_at": now} for u in wanted],
                )
            for chunk in _chunks(wanted):
                self.conn.execute(
                    update(q)
                    .where(
                        q.c.url.in_(chunk),
                        q.c.state.in_(("done", "failed")),
                        func.coalesce(q.c.finished_at, "") < before,
                        ~overlapping,
                    )
                    .values(_UNCLAIMED)
                )

    def claim(
        self, worker: str, limit: int, *, lease: float, among: list[str] | None = None
    ) -> list[str]:
        """Claim up to ``limit`` URLs for ``worker``: pending ones, its own, or ones whose
        lease ran out (a dead worker's).

        Concurrent claimers skip each other's locked rows (``SKIP LOCKED``), so no URL
        goes to two workers. ``among`` limits the claim to those URLs.
        """
        q = s.queue
        self._reap_dead_claims()
        now = self.database_now()
        stamp, until = _stamp(now), _stamp(now + timedelta(seconds=lease))
        claimable = or_(
            q.c.state == "pending",
            and_(q.c.state == "claimed", or_(q.c.claimed_until < stamp, q.c.claimed_by == worker)),
        )
        query = select(q.c.url).where(claimable)
        if among is not None:
            query = query.where(q.c.url.in_(among))
        query = (
            query.order_by(q.c.discovered_at, q.c.url)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        with self.transaction(exclusive=False):
            urls = [str(u) for u in self.conn.execute(query).scalars()]
            if urls:
                self.conn.execute(
                    update(q)
                    .where(q.c.url.in_(urls))
                    .values(state="claimed", claimed_by=worker, claimed_until=until)
                )
        return urls

    def _reap_dead_claims(self) -> None:
        """Give back at once the claims of dead processes on this host (others: by lease)."""
        q, w = s.queue, s.workers
        host = _process_space()
        with self._reading() as conn:
            holders = set(
                conn.execute(select(q.c.claimed_by).where(q.c.state == "claimed")).scalars()
            )
            running = w.c.alive_until > self.queue_time()
            holders |= set(conn.execute(select(w.c.worker).where(running)).scalars())
        dead = sorted(h for h in holders if h and h != self.worker and _dead_here(h, host))
        for holder in dead:
            logger.info("taking back the queued URLs of %s (no longer running)", holder)
            self.release(holder)
            self._end_run(holder)

    def renew(self, worker: str, lease: float) -> int:
        """Extend a live worker's claims by ``lease`` seconds; returns how many it holds."""
        q = s.queue
        until = _stamp(self.database_now() + timedelta(seconds=lease))
        with self.transaction(exclusive=False):
            result = self.conn.execute(
                update(q)
                .where(q.c.state == "claimed", q.c.claimed_by == worker)
                .values(claimed_until=until)
            )
            if worker == self.worker and self._working:
                self._heartbeat(lease)
        return int(result.rowcount)

    def _heartbeat(self, lease: float) -> None:
        """This worker's row, made or kept alive for ``lease`` seconds more."""
        w, now = s.workers, self.database_now()
        statement = self._insert(w).values(
            worker=self.worker,
            started_at=_stamp(now),
            alive_until=_stamp(now + timedelta(seconds=lease)),
        )
        self.conn.execute(
            statement.on_conflict_do_update(
                index_elements=["worker"], set_={"alive_until": statement.excluded.alive_until}
            )
        )

    @contextmanager
    def working(self, lease: float) -> Iterator[None]:
        """A run of this process as a worker: the block (nested blocks: the outermost).

        Each run has a worker name of its own (:attr:`worker`) and a ``workers`` row kept
        alive like a claim (:meth:`renew`), marked ended when the block is left (or when
        its lease runs out unrenewed). What a run finished counts as done for every run
        that started while it was alive (:meth:`enqueue_again`).
        """
        w = s.workers
        self._working += 1
        try:
            if self._working == 1:
                self.worker = _new_worker()
                forgotten = _stamp(self.database_now() - timedelta(days=WORKER_ROWS_KEPT_DAYS))
                with self.transaction(exclusive=False):
                    self.conn.execute(delete(w).where(w.c.alive_until < forgotten))
                    self._heartbeat(lease)
            yield
        finally:
            self._working -= 1
            if self._working == 0:
                try:
                    self._end_run(self.worker)
                except StoreError as exc:  # its lease will end it
                    logger.warning("could not mark this worker's run as ended: %s", exc)

    def _end_run(self, worker: str) -> None:
        """``worker``'s run ends now (if it has not ended already)."""
        w = s.workers
        now = self.queue_time()
        with self.transaction(exclusive=False):
            self.conn.execute(
                update(w).where(w.c.worker == worker, w.c.alive_until > now).values(alive_until=now)
            )

    def finish(self, worker: str, url: str, state: str) -> bool:
        """``worker``'s claimed URL is ``done`` or ``failed`` (at the server's time, as claims
        are); False if the claim was no longer its own (its lease ran out and another took it)."""
        q = s.queue
        finished = self.queue_time()
        with self.transaction(exclusive=False):
            result = self.conn.execute(
                update(q)
                .where(q.c.url == url, q.c.state == "claimed", q.c.claimed_by == worker)
                .values(
                    state=state,
                    claimed_by=None,
                    claimed_until=None,
                    finished_at=finished,
                    finished_by=worker,
                )
            )
        return bool(result.rowcount)

    def release(self, worker: str, urls: Iterable[str] | None = None) -> int:
        """Give back a worker's unfinished claims (a run cut short), for others to take:
        all of them, or those among ``urls``."""
        q = s.queue
        back = update(q).where(q.c.state == "claimed", q.c.claimed_by == worker).values(_UNCLAIMED)
        with self.transaction(exclusive=False):
            if urls is None:
                return int(self.conn.execute(back).rowcount)
            chunks = _chunks(sorted(set(urls)))
            return sum(int(self.conn.execute(back.where(q.c.url.in_(c))).rowcount) for c in chunks)

    def queue_states(self, urls: list[str]) -> dict[str, tuple[str, str | None]]:
        """URL -> (state, claimed until) for those of ``urls`` in the queue."""
        q = s.queue
        out: dict[str, tuple[str, str | None]] = {}
        with self._reading() as conn:
            for chunk in _chunks(urls):
                rows = conn.execute(
                    select(q.c.url, q.c.state, q.c.claimed_until).where(q.c.url.in_(chunk))
                )
                out.update({str(u): (str(st), until) for u, st, until in rows})
        return out

    def pending(self, limit: int) -> list[str]:
        q = s.queue
        with self._reading() as conn:
            rows = conn.execute(
                select(q.c.url)
                .where(q.c.state == "pending")
                .order_by(q.c.discovered_at, q.c.url)
                .limit(limit)
            )
            return [str(u) for u in rows.scalars()]

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and for checking a copy."""
        tables = (s.responses, s.articles, s.aliases, s.lsh, s.anchors, s.edges, s.failures)
        with self._reading() as conn:
            return {
                table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for table in tables
            }

    # -- responses -------------------------------------------------------------------

    def add_response(self, result: FetchResult) -> tuple[int, bool]:
        """Keep a raw response, compressed; returns (id, is_new). Unchanged: not re-added."""
        r = s.responses
        digest = hashlib.sha256(result.content).hexdigest()
        with self.transaction():
            existing = self.conn.execute(
                select(r.c.id).where(r.c.url == result.url, r.c.sha256 == digest)
            ).scalar()
            if existing is not None:
                return int(existing), False
            inserted = self.conn.execute(
                insert(r).values(
                    url=result.url,
                    final_url=result.final_url,
                    status=result.status,
                    headers=json.dumps(list(result.headers)),
                    redirects=json.dumps([[h.url, h.status, h.location] for h in result.redirects]),
                    # level 1: a third of the cost of 6, 18% larger
                    body=zlib.compress(result.content, 1),
                    sha256=digest,
                    fetched_at=(result.fetched_at or datetime.now(UTC)).isoformat(
                        timespec="seconds"
                    ),
                )
            )
        return _new_id(inserted), True

    def response_body(self, response_id: int) -> bytes:
        with self._reading() as conn:
            body = conn.execute(
                select(s.responses.c.body).where(s.responses.c.id == response_id)
            ).scalar()
        if body is None:
            raise StoreError(f"no response {response_id}")
        return zlib.decompress(body)

    def record_failure(self, url: str, reason: str) -> None:
        with self.transaction(exclusive=False):
            self.conn.execute(insert(s.failures).values(url=url, reason=reason, at=_now()))

    def failures_of(self, url: str) -> list[tuple[str, str, str]]:
        """The failures recorded for one URL, oldest first."""
        f = s.failures
        with self._reading() as conn:
            rows = conn.execute(
                select(f.c.url, f.c.reason, f.c.at).where(f.c.url == url).order_by(f.c.id)
            ).all()
        return [(str(u), str(r), str(a)) for u, r, a in rows]

    def failures(self) -> list[tuple[str, str, str]]:
        f = s.failures
        with self._reading() as conn:
            rows = conn.execute(select(f.c.url, f.c.reason, f.c.at).order_by(f.c.id)).all()
        return [(str(u), str(r), str(a)) for u, r, a in rows]

    # -- articles --------------------------------------------------------------------

    def article_id(self, url: str) -> int | None:
        """The article stored for ``url``, directly or through an alias (redirect, canonical)."""
        with self._reading() as conn:
            found = conn.execute(_ARTICLE_BY_URL, {"url": url}).scalar()
        return int(found) if found is not None else None

    def add_alias(self, url: str, article_id: int) -> None:
        with self.transaction():
            self.conn.execute(
                self._insert(s.aliases)
                .values(url=url, article_id=article_id)
                .on_conflict_do_nothing(index_elements=["url"])
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
        """Insert or update an article, its LSH keys and anchors (one transaction)."""
        a = s.articles
        values: dict[str, Any] = {
            "outlet": article.outlet,
            "title": article.title,
            "published": article.published,
            "data": _article_data(article),
            "text": zlib.compress(article.text.encode("utf-8"), 6),
            "size": size,
            "anchors": len(anchors),
            "signature": signature,
            "response_id": response_id,
        }
        with self.transaction():
            conn = self.conn
            existing = self.article_id(article.url)
            if existing is None:
                result = conn.execute(
                    insert(a).values(url=article.url, first_seen=first_seen, **values)
                )
                article_id = _new_id(result)
            else:
                article_id = existing
                conn.execute(update(a).where(a.c.id == article_id).values(**values))
                conn.execute(delete(s.lsh).where(s.lsh.c.article_id == article_id))
                conn.execute(delete(s.anchors).where(s.anchors.c.article_id == article_id))
            for table, table_keys in ((s.lsh, keys), (s.anchors, anchors)):
                unique = sorted(set(table_keys))
                if not unique:
                    continue
                if self.dialect == "postgresql":
                    statement = _pg_postings_insert(table)
                    conn.execute(statement, {"keys": unique, "article_id": article_id})
                else:
                    rows = [{"key": key, "article_id": article_id} for key in unique]
                    conn.execute(insert(table), rows)
        return article_id

    def load(self, article_id: int) -> StoredArticle:
        loaded = self.load_many([article_id])
        if not loaded:
            raise StoreError(f"no article {article_id}")
        return loaded[0]

    def load_many(self, ids: Iterable[int]) -> list[StoredArticle]:
        ids = list(ids)
        out: list[StoredArticle] = []
        with self._reading() as conn:
            for chunk in _chunks(ids):
                rows = conn.execute(_LOAD_MANY, {"ids": chunk})
                out.extend(self._row_to_article(row) for row in rows)
        return out

    @staticmethod
    def _row_to_article(row: Any) -> StoredArticle:
        (article_id, url, outlet, title, published, first_seen, data, text, size, sig) = row
        extra = json.loads(str(data))
        article = Article(
            url=str(url),
            outlet=str(outlet),
            text=zlib.decompress(bytes(text)).decode("utf-8"),
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
            id=int(article_id),
            article=article,
            first_seen=str(first_seen),
            size=int(size),
            signature=bytes(sig) if sig is not None else None,
        )

    def band_hits(self, keys: list[int] | tuple[int, ...]) -> dict[int, int]:
        """Article id -> number of LSH band keys it shares with ``keys``."""
        if not keys:
            return {}
        with self._reading() as conn:
            rows = conn.execute(_BAND_HITS, {"keys": list(keys)})
            return {int(article_id): int(hits) for article_id, hits in rows}

    def anchor_hits(
        self, anchors: list[int] | tuple[int, ...], *, max_postings: int
    ) -> dict[int, int]:
        """Article id -> number of anchors it shares; anchors on too many articles are skipped.

        One statement per ``_ANCHORS_PER_QUERY`` anchors, each anchor's postings read
        up to the limit only (a boilerplate anchor can have millions).
        """
        postings: dict[int, set[int]] = {}
        keys = list(dict.fromkeys(anchors))
        with self._reading() as conn:
            if self.dialect == "postgresql" and keys:
                rows = conn.execute(_PG_ANCHOR_HITS, {"keys": keys, "limit": max_postings + 1})
                for key, article_id in rows:
                    postings.setdefault(int(key), set()).add(int(article_id))
                keys = []  # all read
            for chunk in _chunks(keys, _ANCHORS_PER_QUERY):
                # a few statement sizes, each compiled once: the last key fills the rest
                size = next(n for n in (8, 16, 32, _ANCHORS_PER_QUERY) if n >= len(chunk))
                params = {f"k{i}": chunk[min(i, len(chunk) - 1)] for i in range(size)}
                params["limit"] = max_postings + 1
                for key, article_id in conn.execute(_anchor_postings(size), params):
                    postings.setdefault(int(key), set()).add(int(article_id))
        hits: dict[int, int] = {}
        for found in postings.values():
            if len(found) > max_postings:
                continue  # boilerplate shared by many articles says nothing
            for article_id in found:
                hits[article_id] = hits.get(article_id, 0) + 1
        return hits

    def index_entries(self, ids: list[int]) -> dict[int, tuple[bytes, int, int]]:
        """Article id -> (signature, shingle count, anchor count), for fingerprinted articles."""
        a = s.articles
        out: dict[int, tuple[bytes, int, int]] = {}
        with self._reading() as conn:
            for chunk in _chunks(ids):
                rows = conn.execute(
                    select(a.c.id, a.c.signature, a.c.size, a.c.anchors).where(
                        a.c.id.in_(chunk), a.c.signature.is_not(None)
                    )
                )
                for article_id, signature, size, anchors in rows:
                    out[int(article_id)] = (bytes(signature), int(size), int(anchors))
        return out

    def count_articles(self) -> int:
        with self._reading() as conn:
            return int(conn.execute(select(func.count()).select_from(s.articles)).scalar_one())

    def iter_articles(self) -> Iterator[StoredArticle]:
        """Every article, by id, read a chunk at a time (the connection is free in between)."""
        last = 0
        query = (
            select(*_ARTICLE_COLUMNS)
            .where(s.articles.c.id > bindparam("last"))
            .order_by(s.articles.c.id)
            .limit(_CHUNK)
        )
        while True:
            with self._reading() as conn:
                rows = conn.execute(query, {"last": last}).all()
            if not rows:
                return
            for row in rows:
                yield self._row_to_article(row)
            last = int(rows[-1][0])

    # -- edges -----------------------------------------------------------------------

    def put_edge(self, edge: Edge) -> None:
        """Store an edge, replacing any earlier verdict on the same pair (either direction).

        A pair keeps the time and run it was first detected in.
        """
        now = _now()
        values = {
            "pair": pair_key(edge.source, edge.target),
            "source": edge.source,
            "target": edge.target,
            "confidence": edge.confidence,
            "similarity": edge.similarity,
            "containment": edge.containment,
            "evidence": _evidence_json(edge.evidence),
            "explanation": edge.explanation,
            "updated_at": now,
            "detected_at": now,
            "run_id": self.run_id,
        }
        statement = self._insert(s.edges).values(**values)
        kept = {"pair", "detected_at", "run_id"}
        with self.transaction():
            self.conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["pair"],
                    set_={k: statement.excluded[k] for k in values if k not in kept},
                )
            )

    def delete_edges_of(self, node: str) -> None:
        e = s.edges
        with self.transaction():
            self.conn.execute(delete(e).where(or_(e.c.source == node, e.c.target == node)))

    def edges_of(self, node: str) -> list[Edge]:
        e = s.edges
        query = union_all(
            select(*_EDGE_COLUMNS).where(e.c.source == node),
            select(*_EDGE_COLUMNS).where(e.c.target == node),
        )
        with self._reading() as conn:
            rows = conn.execute(query).all()
        # sorted here, by code point: a database's collation would differ between engines
        return [self._row_to_edge(r) for r in sorted(rows, key=lambda r: (r[0], r[1]))]

    def iter_edges(self) -> Iterator[Edge]:
        with self._reading() as conn:
            rows = conn.execute(select(*_EDGE_COLUMNS)).all()
        for row in sorted(rows, key=lambda r: (r[0], r[1])):  # by code point, on every engine
            yield self._row_to_edge(row)

    @staticmethod
    def _row_to_edge(row: Any) -> Edge:
        source, target, confidence, similarity, contained, evidence, explanation = row
        return Edge(
            source=str(source),
            target=str(target),
            confidence=float(confidence),
            similarity=float(similarity),
            containment=float(contained),
            evidence=_evidence_from(str(evidence)),
            explanation=str(explanation),
        )

    def article_by_url(self, url: str) -> StoredArticle | None:
        article_id = self.article_id(url)
        return None if article_id is None else self.load(article_id)

    # -- search providers (provenance/search.py) ---------------------------------------

    def cached_search(self, provider: str, query: str) -> tuple[str, str] | None:
        """(response, fetched_at) cached for a provider's query, or None."""
        c = s.search_cache
        with self._reading() as conn:
            row = conn.execute(
                select(c.c.response, c.c.fetched_at).where(
                    c.c.provider == provider, c.c.query == query
                )
            ).first()
        return (str(row[0]), str(row[1])) if row else None

    def cache_search(self, provider: str, query: str, response: str) -> None:
        values = {"provider": provider, "query": query, "response": response, "fetched_at": _now()}
        with self.transaction(exclusive=False):
            self.conn.execute(self._upsert(s.search_cache, values, ["provider", "query"]))

    def record_candidate(
        self, query_url: str, candidate: str, provider: str, status: str, reason: str
    ) -> None:
        """Remember a provider's candidate for a queried article: verified or rejected, and why."""
        values = {
            "query_url": query_url,
            "candidate": candidate,
            "provider": provider,
            "status": status,
            "reason": reason,
            "seen_at": _now(),
        }
        with self.transaction(exclusive=False):
            self.conn.execute(self._upsert(s.search_candidates, values, ["query_url", "candidate"]))

    def candidates(self, query_url: str) -> list[tuple[str, str, str, str]]:
        """(candidate, provider, status, reason) recorded for a queried article."""
        c = s.search_candidates
        with self._reading() as conn:
            rows = conn.execute(
                select(c.c.candidate, c.c.provider, c.c.status, c.c.reason).where(
                    c.c.query_url == query_url
                )
            ).all()
        return sorted((str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows)

    def set_first_seen(self, article_id: int, when: str) -> None:
        """Move an article's first-seen time (an earlier sighting, e.g. by a search provider)."""
        with self.transaction():
            self.conn.execute(
                update(s.articles).where(s.articles.c.id == article_id).values(first_seen=when)
            )

    # -- helpers -----------------------------------------------------------------------

    def _upsert(self, table: Table, values: dict[str, Any], keys: list[str]) -> Any:
        """INSERT, or UPDATE the row with the same ``keys`` (both engines' ON CONFLICT)."""
        statement = self._insert(table).values(**values)
        return statement.on_conflict_do_update(
            index_elements=keys,
            set_={k: statement.excluded[k] for k in values if k not in keys},
        )


def _chunks(items: list[T], size: int = _CHUNK) -> Iterator[list[T]]:
    """``items`` in slices of ``size`` (for IN (...) lists of bounded length)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _stamp(when: datetime) -> str:
    """A server time as queue and worker rows keep it: to the microsecond (fixed width, so
    text order is time order)."""
    return when.isoformat(timespec="microseconds")


def _new_worker() -> str:
    """A worker's name: where it runs, its pid, and a token of its own (host:pid:token)."""
    return f"{_process_space()}:{os.getpid()}:{secrets.token_hex(4)}"


def _process_space() -> str:
    """Where a pid means one process: the hostname, then the kernel's boot and pid namespace.

    Two containers may share a hostname without sharing process ids; the boot id and the
    pid namespace tell them apart, so one never takes back the other's live claims.
    """
    host = socket.gethostname()
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:  # not Linux: the hostname alone
        return host
    digest = hashlib.sha1(f"{boot} {namespace}".encode(), usedforsecurity=False).hexdigest()
    return f"{host}/{digest[:8]}"


def _dead_here(worker: str, host: str) -> bool:
    """Is ``worker`` (host:pid:token) a process of this host that is no longer running?"""
    parts = worker.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != host or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, someone else's
        return False
    return False


def _new_id(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


class _Transaction:
    """One all-or-nothing unit of writes; nested blocks join the outer one."""

    def __init__(self, store: Store, exclusive: bool) -> None:
        self.store = store
        self.exclusive = exclusive
        self.outer = False

    def __enter__(self) -> Connection:
        store = self.store
        conn = store.writer
        self.outer = store._depth == 0
        store._depth += 1
        if not self.outer:
            return conn
        try:
            if conn.in_transaction():
                conn.rollback()  # a read left open: start clean
            conn.info["write"] = True
            try:
                conn.begin()
            finally:
                conn.info["write"] = False
            if self.exclusive and store.dialect == "postgresql":
                # writers take turns, as SQLite's BEGIN IMMEDIATE makes them
                conn.execute(
                    select(s.meta.c.value)
                    .where(s.meta.c.key == literal("schema_version"))
                    .with_for_update()
                )
        except SQLAlchemyError as exc:
            store._depth -= 1
            self._rollback()
            raise store_error(exc, store.path) from None
        except BaseException:
            store._depth -= 1
            self._rollback()
            raise
        return conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        store = self.store
        store._depth -= 1
        if not self.outer:
            return
        if exc_type is None:
            try:
                store.writer.commit()
            except SQLAlchemyError as error:
                self._rollback()
                raise store_error(error, store.path) from None
            return
        self._rollback()
        if isinstance(exc, SQLAlchemyError):
            raise store_error(exc, store.path) from None

    def _rollback(self) -> None:
        conn = self.store._conn
        if conn is None:
            return
        try:
            if conn.in_transaction():
                conn.rollback()
        except SQLAlchemyError:  # the connection is gone; the server rolled back for us
            logger.debug("rollback failed on %s", self.store.path, exc_info=True)
