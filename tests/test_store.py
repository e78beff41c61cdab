"""store: opening and refusing stores, articles and their index rows, responses,
transactions and edges, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from provenance.config import Settings
from provenance.errors import ConfigError, StoreError, StoreVersionError
from provenance.models import Article, Edge, Evidence, FetchResult, Redirect
from provenance.pipeline import Prepared, _renewing, prepare_article
from provenance.store import APPLICATION_ID, SCHEMA_VERSION, Store, _dead_here, _process_space
from tests import databases

SETTINGS = Settings()
WORDS = (
    "harbour bridge council mayor ferry tram cable steel deck repair traffic morning city "
    "officials engineers corrosion inspection crossing commuters service residents patience "
    "ceremony approach traders river closure takings relief works budget plan vote week"
).split()


def story(seed: int, length: int = 300) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) for _ in range(length))


def article(
    url: str = "https://globe.example/news/bridge", seed: int = 1, **fields: object
) -> Article:
    values: dict[str, object] = {
        "url": url,
        "outlet": url.split("/")[2],
        "text": story(seed),
        "title": "Harbour bridge reopens",
        "authors": ("Jane Smith", "Omar Diaz"),
        "published": "2026-05-16T08:30:00+00:00",
        "site_name": "Globe Review",
        "language": "en",
        "canonical": url,
        "og_url": url,
        "links": ("https://transit.example/plan",),
        "signals": (
            Evidence("attribution", "Source: Northwind Dispatch", "Northwind Dispatch"),
            Evidence("wire", "(AP) —", None),
        ),
        "noindex": True,
    }
    values.update(fields)
    return Article(**values)


def add(store: Store, prepared: Prepared, *, response_id: int | None = None) -> int:
    with store.transaction():
        return store.add_article(
            prepared.article,
            size=len(prepared.shingles),
            signature=prepared.fingerprint.signature if prepared.fingerprint else None,
            keys=list(prepared.keys),
            anchors=prepared.anchors,
            response_id=response_id,
            first_seen="2026-05-16T09:00:00+00:00",
        )


def result(
    url: str = "https://globe.example/news/bridge", body: bytes = b"<p>hi</p>"
) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=url + "?amp",
        status=200,
        headers=(("content-type", "text/html"),),
        content=body,
        text=body.decode("utf-8"),
        encoding="utf-8",
        redirects=(Redirect(url, 301, url + "?amp"),),
        fetched_at=datetime(2026, 5, 16, 9, 0, tzinfo=UTC),
    )


@pytest.fixture()
def store(store_path: Path | str) -> Iterator[Store]:
    with Store.open(store_path, SETTINGS) as opened:
        yield opened


# -- opening ------------------------------------------------------------------------------


def test_open_creates_the_schema(store_path: Path | str) -> None:
    with Store.open(store_path, SETTINGS) as store:
        tables = databases.table_names(store_path)
        assert {"meta", "responses", "articles", "aliases", "lsh", "edges", "failures"} <= tables
        meta = store.meta()
        assert meta["schema_version"] == str(SCHEMA_VERSION)
        assert {k: meta[k] for k in SETTINGS.index_params()} == SETTINGS.index_params()
        assert store.count_articles() == 0
        assert store.check() == []


def test_a_new_sqlite_store_is_marked_in_the_file_header(sqlite_store_path: Path) -> None:
    with Store.open(sqlite_store_path, SETTINGS):
        pass
    assert sqlite_store_path.is_file()
    with sqlite3.connect(sqlite_store_path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_reopen_keeps_what_was_written(store_path: Path | str) -> None:
    path = store_path
    with Store.open(path, SETTINGS) as store:
        article_id = add(store, prepare_article(article(), SETTINGS))
    with Store.open(path, SETTINGS, create=False) as store:
        assert store.count_articles() == 1
        assert store.load(article_id).article == article()


def test_reopen_refuses_different_index_parameters(store_path: Path | str) -> None:
    path = store_path
    Store.open(path, SETTINGS).close()
    other = SETTINGS.replace(num_perm=256)
    with pytest.raises(ConfigError, match=r"num_perm=128 \(asked 256\)"):
        Store.open(path, other)
    with pytest.raises(ConfigError, match=r"seed=1 \(asked 2\)"):
        Store.open(path, SETTINGS.replace(seed=2))
    with pytest.raises(ConfigError, match="shingle_size"):
        Store.open(path, SETTINGS.replace(shingle_size=4))
    Store.open(path, SETTINGS).close()  # the refusals changed nothing


def test_a_newer_schema_is_refused(store_path: Path | str) -> None:
    path = store_path
    Store.open(path, SETTINGS).close()
    databases.execute(
        path,
        "UPDATE meta SET value = :version WHERE key = 'schema_version'",
        {"version": str(SCHEMA_VERSION + 1)},
    )
    with pytest.raises(StoreVersionError, match=f"newer provenance \\(schema {SCHEMA_VERSION + 1}"):
        Store.open(path, SETTINGS)


def test_an_unknown_old_schema_is_refused(store_path: Path | str) -> None:
    path = store_path
    Store.open(path, SETTINGS).close()
    databases.execute(path, "UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreVersionError):
        Store.open(path, SETTINGS)


# -- SQLite only: what lies at a path that is not a store --------------------------------


def test_a_random_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "noise.db"
    path.write_bytes(random.Random(5).randbytes(8192))
    with pytest.raises(StoreVersionError, match="not a provenance store"):
        Store.open(path, SETTINGS)


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are not the droids\n" * 200, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreVersionError, match="not a provenance store"):
        Store.open(path, SETTINGS)
    assert path.read_bytes() == before


def test_an_unrelated_sqlite_database_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('bread')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreVersionError, match="SQLite file but not a provenance store"):
        Store.open(path, SETTINGS)
    assert path.read_bytes() == before  # nothing written into someone else's database
    assert not (tmp_path / "other.sqlite-wal").exists()


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory") as info:
        Store.open(tmp_path, SETTINGS)
    assert not isinstance(info.value, StoreVersionError)


def test_a_store_in_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such directory"):
        Store.open(tmp_path / "missing" / "store.db", SETTINGS)
    assert not (tmp_path / "missing").exists()


def test_an_empty_file_becomes_a_store(sqlite_store_path: Path) -> None:
    path = sqlite_store_path
    path.touch()
    with Store.open(path, SETTINGS) as store:
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)


def test_an_in_memory_store() -> None:
    with Store.open(":memory:", SETTINGS) as store:
        add(store, prepare_article(article(), SETTINGS))
        assert store.count_articles() == 1


# -- every engine --------------------------------------------------------------------------


def test_a_database_with_tables_of_its_own_is_not_a_store(store_path: Path | str) -> None:
    databases.execute(store_path, "CREATE TABLE articles (name TEXT)")
    databases.execute(store_path, "INSERT INTO articles VALUES ('bread')")
    with pytest.raises(StoreVersionError, match="not a provenance store"):
        Store.open(store_path, SETTINGS)
    assert databases.table_names(store_path) == {"articles"}  # nothing written into it
    assert databases.query(store_path, "SELECT name FROM articles") == [("bread",)]


def test_open_without_create_needs_an_existing_store(store_path: Path | str) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store.open(store_path, SETTINGS, create=False)
    if databases.is_sqlite(store_path):
        assert not Path(store_path).exists()
    else:
        assert databases.table_names(store_path) == set()  # the empty database stays empty


# -- articles and the index ---------------------------------------------------------------


def test_add_article_index_and_load_round_trip(store: Store) -> None:
    prepared = prepare_article(article(), SETTINGS)
    assert prepared.fingerprint is not None and prepared.keys and prepared.anchors
    article_id = add(store, prepared)

    assert store.band_hits(prepared.keys) == {article_id: len(set(prepared.keys))}
    assert store.anchor_hits(prepared.anchors, max_postings=10) == {
        article_id: len(prepared.anchors)
    }
    entries = store.index_entries([article_id])
    assert entries == {
        article_id: (prepared.fingerprint.signature, len(prepared.shingles), len(prepared.anchors))
    }

    stored = store.load(article_id)
    assert stored.id == article_id
    assert stored.article == article()
    assert stored.size == len(prepared.shingles)
    assert stored.signature == prepared.fingerprint.signature
    assert stored.first_seen == "2026-05-16T09:00:00+00:00"
    assert store.load_many([article_id]) == [stored]
    assert store.article_by_url(article().url) == stored
    assert list(store.iter_articles()) == [stored]


def test_unrelated_keys_find_nothing(store: Store) -> None:
    add(store, prepare_article(article(), SETTINGS))
    other = prepare_article(article("https://other.example/x", seed=99), SETTINGS)
    assert all(hits < 3 for hits in store.band_hits(other.keys).values())
    assert store.band_hits([]) == {}
    assert store.anchor_hits([], max_postings=10) == {}


def test_a_short_article_is_stored_without_index_rows(store: Store) -> None:
    short = article(text="Too short to fingerprint.")
    prepared = prepare_article(short, SETTINGS)
    assert prepared.fingerprint is None
    article_id = add(store, prepared)
    assert store.load(article_id).signature is None
    assert store.index_entries([article_id]) == {}
    assert store.counts()["lsh"] == 0


def test_updating_an_article_replaces_its_index_rows(store: Store, store_path: Path | str) -> None:
    first = prepare_article(article(seed=1), SETTINGS)
    article_id = add(store, first)
    second = prepare_article(article(seed=2), SETTINGS)
    assert add(store, second) == article_id
    assert store.count_articles() == 1
    assert store.load(article_id).article.text == story(2)
    rows = {
        k
        for (k,) in databases.query(
            store_path, "SELECT key FROM lsh WHERE article_id = :id", {"id": article_id}
        )
    }
    assert rows == set(second.keys)
    assert store.counts()["lsh"] == len(set(second.keys))


def test_aliases_resolve_to_the_article(store: Store) -> None:
    article_id = add(store, prepare_article(article(), SETTINGS))
    with store.transaction():
        store.add_alias("https://globe.example/amp/bridge", article_id)
    assert store.article_id("https://globe.example/amp/bridge") == article_id
    assert store.article_id("https://globe.example/elsewhere") is None
    assert store.article_by_url("https://globe.example/elsewhere") is None


def test_loading_a_missing_article(store: Store) -> None:
    with pytest.raises(StoreError, match="no article 42"):
        store.load(42)


# -- responses ----------------------------------------------------------------------------


def test_add_response_twice_with_the_same_body(store: Store) -> None:
    first_id, first_new = store.add_response(result())
    again_id, again_new = store.add_response(result())
    assert (again_id, again_new) == (first_id, False)
    assert first_new is True
    changed_id, changed_new = store.add_response(result(body=b"<p>updated</p>"))
    assert changed_new is True and changed_id != first_id
    assert store.response_body(first_id) == b"<p>hi</p>"
    assert store.response_body(changed_id) == b"<p>updated</p>"
    assert store.counts()["responses"] == 2


def test_response_body_of_a_missing_response(store: Store) -> None:
    with pytest.raises(StoreError, match="no response 7"):
        store.response_body(7)


def test_failures_are_recorded_in_order(store: Store) -> None:
    store.record_failure("https://a.example/1", "HTTP 404")
    store.record_failure("https://a.example/2", "timed out")
    assert [(u, r) for u, r, _ in store.failures()] == [
        ("https://a.example/1", "HTTP 404"),
        ("https://a.example/2", "timed out"),
    ]


# -- transactions -------------------------------------------------------------------------


class Boom(Exception):
    pass


def test_a_transaction_that_raises_leaves_nothing_written(store_path: Path | str) -> None:
    path = store_path
    prepared = prepare_article(article(), SETTINGS)
    with Store.open(path, SETTINGS) as store:
        with pytest.raises(Boom):
            with store.transaction():
                store.add_response(result())
                store.add_article(
                    prepared.article,
                    size=len(prepared.shingles),
                    signature=prepared.fingerprint.signature if prepared.fingerprint else None,
                    keys=list(prepared.keys),
                    anchors=prepared.anchors,
                    response_id=None,
                    first_seen="2026-05-16T09:00:00+00:00",
                )
                store.put_edge(Edge("https://a.example/1", prepared.article.url, 0.9, 0.8, 0.9))
                raise Boom
        assert store.count_articles() == 0
        assert not databases.transaction_left_open(path)
    with Store.open(path, SETTINGS) as store:  # and from a fresh connection
        counts = store.counts()
        for table in ("articles", "responses", "lsh", "anchors", "edges", "aliases"):
            assert counts[table] == 0, table
            assert databases.count(path, table) == 0, table
        add(store, prepared)  # the store is still usable
        assert store.count_articles() == 1


def test_nested_transactions_commit_once(store: Store, store_path: Path | str) -> None:
    with store.transaction():
        with store.transaction():
            store.record_failure("https://a.example/1", "x")
        # the inner block did not commit: another connection does not see the row yet
        assert databases.count(store_path, "failures") == 0
        assert len(store.failures()) == 1  # though the transaction itself does
    assert not databases.transaction_left_open(store_path)
    assert databases.count(store_path, "failures") == 1
    assert len(store.failures()) == 1


# -- edges --------------------------------------------------------------------------------

A, B, C = "https://a.example/1", "https://b.example/2", "https://c.example/3"


def test_put_edge_round_trips(store: Store) -> None:
    edge = Edge(
        A,
        B,
        confidence=0.875,
        similarity=0.61,
        containment=0.97,
        evidence=(
            Evidence("attribution", "Source: A", A),
            Evidence("similarity", "Jaccard 0.61 on word shingles"),
        ),
        explanation="b.example copied a.example",
    )
    store.put_edge(edge)
    assert list(store.iter_edges()) == [edge]
    assert store.edges_of(A) == [edge] == store.edges_of(B)
    assert store.edges_of(C) == []


def test_put_edge_replaces_the_reverse_edge(store: Store) -> None:
    store.put_edge(Edge(A, B, 0.4, 0.8, 0.9))
    store.put_edge(Edge(B, C, 0.5, 0.8, 0.9))
    store.put_edge(Edge(B, A, 0.7, 0.8, 0.9))
    assert [(e.source, e.target, e.confidence) for e in store.iter_edges()] == [
        (B, A, 0.7),
        (B, C, 0.5),
    ]


def test_put_edge_replaces_the_same_edge(store: Store) -> None:
    store.put_edge(Edge(A, B, 0.4, 0.8, 0.9))
    store.put_edge(Edge(A, B, 0.9, 0.8, 0.9, explanation="new verdict"))
    assert [(e.confidence, e.explanation) for e in store.iter_edges()] == [(0.9, "new verdict")]


def test_an_anchor_on_too_many_articles_says_nothing(store: Store) -> None:
    """Postings are read up to the limit per anchor, and an anchor past it is left out."""
    with store.transaction():
        for n in range(5):
            prepared = prepare_article(article(f"https://many.example/{n}", seed=n), SETTINGS)
            # anchor 7 is on every article, anchor 100 + n on one each; 200 more to batch
            store.add_article(
                prepared.article,
                size=100,
                signature=None,
                keys=[],
                anchors=[7, 100 + n, *range(1000, 1200)] if n == 0 else [7, 100 + n],
                response_id=None,
                first_seen="2026-05-16T09:00:00+00:00",
            )
    first = store.article_id("https://many.example/0")
    query = [7, 100, 101, *range(1000, 1200), 7]
    hits = store.anchor_hits(query, max_postings=4)
    assert hits[first] == 1 + 200  # 100 and the 200 others; 7 (on 5 articles) left out
    assert hits[store.article_id("https://many.example/1")] == 1  # only 101
    assert len(hits) == 2
    assert store.anchor_hits(query, max_postings=5)[first] == 1 + 1 + 200  # 7 now counts once


def test_a_claim_is_taken_back_only_from_a_dead_process_of_the_same_process_space() -> None:
    """Same hostname is not enough: another container's pids are not ours to check."""
    here = _process_space()
    assert here.startswith(socket.gethostname())
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert _dead_here(f"{here}:{gone.pid}:abcd", here)
    assert not _dead_here(f"{here}:{os.getpid()}:abcd", here)  # alive
    if "/" in here:  # Linux: a twin container with our hostname but its own pid namespace
        twin = f"{socket.gethostname()}/00000000"
        assert not _dead_here(f"{twin}:{gone.pid}:abcd", here)


# -- the work queue ---------------------------------------------------------------------------


def test_enqueue_adds_each_new_url_once_and_skips_stored_ones(store: Store) -> None:
    stored = add(store, prepare_article(article("https://globe.example/kept", seed=3), SETTINGS))
    store.add_alias("https://globe.example/kept?amp", stored)
    urls = [f"https://feed.example/{n}" for n in range(1200)]  # more than one chunk
    pairs = [(url, "feed") for url in urls] + [(urls[0], "sitemap")]
    pairs += [("https://globe.example/kept", "feed"), ("https://globe.example/kept?amp", "feed")]
    assert store.enqueue(pairs) == 1200  # stored URLs and aliases are not queued
    assert store.enqueue(pairs) == 0  # nor queued ones twice
    states = store.queue_states([*urls, "https://globe.example/kept"])
    assert len(states) == 1200 and {state for state, _ in states.values()} == {"pending"}


def test_claims_are_finished_and_released_only_by_their_worker(store: Store) -> None:
    urls = [f"https://feed.example/{n}" for n in range(6)]
    store.enqueue((url, "feed") for url in urls)
    mine = store.claim("me", 4, lease=60)
    theirs = store.claim("them", 4, lease=60)
    assert len(mine) == 4 and len(theirs) == 2 and not set(mine) & set(theirs)
    assert not store.finish("me", theirs[0], "done")  # not my claim: left as it is
    assert store.finish("me", mine[0], "done")
    assert store.release("me", [mine[1], theirs[1]]) == 1  # only mine, only those named
    states = store.queue_states(urls)
    assert states[mine[0]][0] == "done"
    assert states[mine[1]][0] == "pending"
    assert [states[u][0] for u in (mine[2], mine[3], *theirs)] == ["claimed"] * 4
    assert store.release("me") == 2  # the rest of mine
    assert store.renew("them", 60) == 2


def test_claims_are_renewed_between_commits_that_block_the_loop(store: Store) -> None:
    """Commits run on the event loop: the renewal task cannot run while they do, so the
    function it yields renews when a third of the lease has gone."""
    url = "https://feed.example/1"
    store.enqueue([(url, "feed")])
    store.claim(store.worker, 1, lease=3)
    leases: list[str | None] = []

    async def busy() -> None:
        async with _renewing(store, 3) as keep_alive:
            leases.append(store.queue_states([url])[url][1])  # renewed on entry
            time.sleep(1.5)  # a long commit: the loop is blocked
            keep_alive()
            leases.append(store.queue_states([url])[url][1])

    asyncio.run(busy())
    before, after = leases
    assert before is not None and after is not None and after > before


def test_a_cancellation_while_the_renewal_stops_is_not_swallowed(store: Store) -> None:
    """A watch deadline (or Ctrl-C) landing as the renewal task is stopped still stops the
    run: the ``async with`` must not end normally."""
    reached: list[str] = []

    async def window() -> None:
        me = asyncio.current_task()
        assert me is not None
        async with _renewing(store, 60):
            asyncio.get_running_loop().call_soon(me.cancel)  # arrives during the clean-up
        reached.append("after")  # what a swallowed cancellation would let run

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(window())
    assert reached == []


def test_what_a_running_worker_finished_counts_as_done_for_a_later_one(
    store_path: Path | str,
) -> None:
    """However late a second worker starts, it does not fetch again what a worker still
    running finished; once that worker has ended (or its lease ran out unrenewed), it does."""
    url = "https://feed.example/1"
    with Store.open(store_path, SETTINGS) as first, Store.open(store_path, SETTINGS) as second:
        assert first.worker != second.worker
        with first.working(60):
            first.enqueue_again([url], "ingest", before=first.queue_time())
            assert first.claim(first.worker, 5, lease=60) == [url]
            assert first.finish(first.worker, url, "done")
            later = second.queue_time()
            second.enqueue_again([url], "ingest", before=later)
            assert second.queue_states([url])[url][0] == "done"  # this run has it
        second.enqueue_again([url], "ingest", before=second.queue_time())
        assert second.queue_states([url])[url][0] == "pending"  # an earlier run's: again
        assert second.claim(second.worker, 5, lease=60) == [url]
        assert second.finish(second.worker, url, "done")
        with second.working(0.5):  # renewed by nobody: it ends with its lease
            time.sleep(0.7)
            first.enqueue_again([url], "ingest", before=first.queue_time())
            assert first.queue_states([url])[url][0] == "pending"


def test_a_run_that_overlapped_counts_even_after_it_ended_and_only_that_run(
    store_path: Path | str,
) -> None:
    """Whether the finishing run overlapped is asked of the later run's start, not of
    now; and a process's next run is not the run that finished the URL."""
    url = "https://feed.example/1"

    def finish_in_a_run(store: Store) -> None:
        with store.working(60):
            store.enqueue_again([url], "ingest", before=store.queue_time())
            assert store.claim(store.worker, 5, lease=60) == [url]
            assert store.finish(store.worker, url, "done")

    with Store.open(store_path, SETTINGS) as first, Store.open(store_path, SETTINGS) as second:
        with first.working(60):
            started = second.queue_time()  # the second run starts while the first runs
            first.enqueue_again([url], "ingest", before=first.queue_time())
            assert first.claim(first.worker, 5, lease=60) == [url]
            assert first.finish(first.worker, url, "done")
        second.enqueue_again([url], "ingest", before=started)  # its later window
        assert second.queue_states([url])[url][0] == "done"  # the first run overlapped it

        finish_in_a_run(first)  # a run that ends ...
        started = second.queue_time()  # ... before the second one starts
        with first.working(60):  # the first process runs again: another run
            second.enqueue_again([url], "ingest", before=started)
            assert second.queue_states([url])[url][0] == "pending"


def test_a_schema_5_store_is_migrated_on_both_engines(store_path: Path | str) -> None:
    """Version 5 (the first with PostgreSQL) to 6: queue rows kept, workers table made."""
    with Store.open(store_path, SETTINGS) as opened:
        opened.enqueue([("https://feed.example/kept", "feed")])
    for statement in (
        "DROP TABLE workers",
        "ALTER TABLE queue DROP COLUMN finished_by",
        "UPDATE meta SET value = '5' WHERE key = 'schema_version'",
    ):
        databases.execute(store_path, statement)
    assert "workers" not in databases.table_names(store_path)
    with Store.open(store_path, SETTINGS) as migrated:
        assert migrated.meta()["schema_version"] == str(SCHEMA_VERSION) == "6"
        assert migrated.pending(5) == ["https://feed.example/kept"]
        assert migrated.check() == []
        with migrated.working(60):
            assert databases.count(store_path, "workers") == 1
    assert databases.query(store_path, "SELECT finished_by FROM queue") == [(None,)]
