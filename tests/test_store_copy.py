"""``provenance store copy``: SQLite <-> PostgreSQL without loss, verified by counts and checksums.

Real stores (the sample web ingested), real SQLite files and the real PostgreSQL server on
127.0.0.1:5432, where each test makes databases of its own (``prov_copytest_<pid>_<n>``) and
drops them after. Without the server the PostgreSQL tests skip, saying why; with
PROVENANCE_REQUIRE_POSTGRESQL=1 they fail instead.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance import schema, storecopy
from provenance.bulk import ingest_warcs
from provenance.cli import app
from provenance.config import Settings
from provenance.errors import ConfigError, StoreError
from provenance.store import Store
from provenance.storecopy import (
    CopyMismatchError,
    compare_stores,
    copy_store,
    store_checksums,
    table_checksum,
)
from tests import databases
from tests.servers import SAMPLES

runner = CliRunner()
WARC = SAMPLES / "sample-web.warc.gz"

Target = str | Path
NewDatabase = Callable[..., str]


def run(*args: str) -> Any:
    return runner.invoke(app, [str(a) for a in args])


# -- databases of our own -------------------------------------------------------------------


@pytest.fixture()
def new_database(new_pg_store: NewDatabase) -> NewDatabase:
    """Makes empty databases (``icu_locale=`` for a server-side collation that is not byte order)."""
    import psycopg

    def make(icu_locale: str | None = None) -> str:
        if icu_locale is None:
            return new_pg_store()
        try:
            return new_pg_store(icu_locale=icu_locale)
        except psycopg.errors.FeatureNotSupported as exc:  # a server built without ICU
            pytest.skip(f"cannot create an ICU database: {exc}")

    return make


@pytest.fixture(params=["sqlite", "postgresql"])
def destination(request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    """A place for a new store, on each engine."""
    if request.param == "sqlite":
        return tmp_path / "copy.db"
    return request.getfixturevalue("new_database")()


# -- stores to copy ---------------------------------------------------------------------------


def _sample_urls() -> list[str]:
    records = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["records"]
    return [
        r["url"]
        for r in records
        if r["status"] == 200 and r["content_type"].startswith("text/html")
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """SQLite stores built once: the whole sample web, and its first 40 articles."""
    folder = tmp_path_factory.mktemp("copy-sources")
    full, half = folder / "full.db", folder / "half.db"
    result = run("ingest", "--warc", WARC, "--store", full, "--quiet")
    assert result.exit_code == 0, result.output
    result = run("ingest", *_sample_urls()[:40], "--archive", WARC, "--delay", "0", "--store", half)
    assert result.exit_code == 0, result.output
    return {"full": full, "half": half}


def _clone(store: Path, folder: Path, name: str = "source.db") -> Path:
    """A private copy of a SQLite store file (a test may write to its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    for part in store.parent.glob(store.name + "*"):
        shutil.copyfile(part, folder / (name + part.name.removeprefix(store.name)))
    return target


@pytest.fixture()
def sample(built: dict[str, Path], tmp_path: Path) -> Path:
    """The sample web's store (a file of this test's own)."""
    return _clone(built["full"], tmp_path / "src")


# -- reading stores beside the code under test --------------------------------------------------


def _normal(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview | bytearray) else value


def rows(target: Target, table: schema.Table) -> list[tuple[Any, ...]]:
    """Every row of a table, all columns, in primary-key order as Python sorts it."""
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    found = [
        tuple(_normal(v) for v in row)
        for row in databases.query(target, f'SELECT {names} FROM "{table.name}"')
    ]
    key = [list(table.columns).index(c) for c in table.primary_key.columns]
    return sorted(found, key=lambda row: tuple(row[i] for i in key))


def all_rows(target: Target) -> dict[str, list[tuple[Any, ...]]]:
    return {t.name: rows(target, t) for t in schema.TABLES}


def counts(target: Target) -> dict[str, int]:
    return {t.name: databases.count(target, t.name) for t in schema.TABLES}


def assert_same_rows(a: Target, b: Target) -> None:
    first, second = all_rows(a), all_rows(b)
    for table in first:
        assert first[table] == second[table], f"table {table} differs between {a} and {b}"


def lookup_json(target: Target, url: str) -> dict[str, Any]:
    result = run("lookup", url, "--json", "--store", target, "--archive", WARC)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def store_check(target: Target) -> None:
    result = run("store", "check", "--store", target)
    assert result.exit_code == 0, result.output


# -- the round trip ----------------------------------------------------------------------------


def test_sqlite_to_postgresql_and_back_loses_nothing(sample, new_database, answer_key, tmp_path):
    before = all_rows(sample)
    assert len(before["articles"]) == 88 and len(before["edges"]) > 50  # a real store
    assert before["responses"] and before["lsh"] and before["anchors"] and before["outlets"]
    pg = new_database()
    back = tmp_path / "back.db"

    there = copy_store(sample, pg, batch=7)  # many batches per table
    again = copy_store(pg, back)

    # the verifier's sums agree on all three, table by table
    assert [(t.table, t.rows, t.sha256) for t in there.tables] == [
        (t.table, t.rows, t.sha256) for t in again.tables
    ]
    assert {t.table for t in there.tables} == {t.name for t in schema.TABLES}
    assert there.rows == sum(len(r) for r in before.values())
    # and, read independently of the checksum code: every row of every table, ids included
    assert all_rows(sample) == before  # the source is untouched
    assert_same_rows(sample, pg)
    assert_same_rows(sample, back)
    # spelled out for the tables that matter most
    assert rows(pg, schema.articles) == before["articles"]
    assert rows(back, schema.edges) == before["edges"]
    assert all(isinstance(r[7], bytes) for r in rows(pg, schema.articles))  # texts stay blobs
    assert compare_stores(sample, pg) == [] and compare_stores(pg, back) == []

    for target in (sample, pg, back):
        store_check(target)
    original = lookup_json(sample, answer_key["query"])
    assert original["origin"]["url"] == answer_key["origin"]
    assert lookup_json(pg, answer_key["query"]) == original
    assert lookup_json(back, answer_key["query"]) == original


def test_sqlite_to_sqlite_and_postgresql_to_postgresql(sample, new_database, tmp_path):
    copied = tmp_path / "copied.db"
    report = copy_store(sample, copied)
    assert report.rows > 8000 and report.seconds > 0
    assert_same_rows(sample, copied)

    first, second = new_database(), new_database()
    copy_store(sample, first)
    copy_store(first, second)
    assert_same_rows(sample, second)
    store_check(second)


def test_floats_survive_exactly(sample, new_database, tmp_path):
    awkward = (0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308)  # sums, thirds, extremes
    databases.execute(
        sample,
        "UPDATE edges SET confidence = :a, similarity = :b, containment = :c "
        "WHERE pair = (SELECT min(pair) FROM edges)",
        {"a": awkward[0], "b": awkward[1], "c": awkward[2]},
    )
    databases.execute(
        sample,
        "UPDATE edges SET similarity = :d WHERE pair = (SELECT max(pair) FROM edges)",
        {"d": awkward[3]},
    )
    pg, back = new_database(), tmp_path / "back.db"
    copy_store(sample, pg)
    copy_store(pg, back)
    for target in (pg, back):
        [(a, b, c)] = databases.query(
            target,
            "SELECT confidence, similarity, containment FROM edges "
            "WHERE pair = (SELECT min(pair) FROM edges)",
        )
        assert (a, b, c) == awkward[:3]
        [(d,)] = databases.query(
            target, "SELECT similarity FROM edges WHERE pair = (SELECT max(pair) FROM edges)"
        )
        assert d == awkward[3]
    assert_same_rows(sample, back)


def test_text_keys_are_summed_in_byte_order_whatever_the_server_collation(tmp_path, new_database):
    """PostgreSQL would sort 'B' after 'a' under an English collation; SQLite never does."""
    source = tmp_path / "keys.db"
    keys = ["http://B.example/1", "http://a.example/2", "http://_x.example/3", "http://é.example/4"]
    with Store.open(source, Settings()) as db:
        db.enqueue([(url, "test") for url in keys])
        for url in keys:
            db.set_validators(url, f'"{url}"', None)
            db.record_failure(url, "because")
    pg = new_database(icu_locale="en")
    assert [
        k for (k,) in databases.query(pg, "SELECT x FROM (VALUES ('B'), ('a')) v(x) ORDER BY x")
    ] == ["a", "B"]
    copy_store(source, pg)  # verification orders both sides byte by byte: it matches
    back = tmp_path / "back.db"
    copy_store(pg, back)
    assert_same_rows(source, back)
    assert [
        url for (url,) in databases.query(back, "SELECT url FROM queue ORDER BY url")
    ] == sorted(keys)


# -- after the copy -------------------------------------------------------------------------------


def test_ingest_into_a_postgresql_copy_continues_the_ids(built, new_database, tmp_path):
    half = _clone(built["half"], tmp_path / "half")
    pg = new_database()
    copy_store(half, pg)
    copied = {
        t: databases.query(pg, f"SELECT max(id) FROM {t}")[0][0] for t in ("responses", "articles")
    }
    assert copied["articles"] == 40

    result = run("ingest", "--warc", WARC, "--store", pg)
    assert result.exit_code == 0, result.output
    assert "48 new" in result.output
    assert databases.count(pg, "articles") == 88
    assert databases.query(pg, "SELECT min(id) FROM articles WHERE id > 40")[0][0] == 41
    store_check(pg)

    # the same history on SQLite ends in the same articles and edges (ids and times aside)
    sqlite_copy = tmp_path / "copy.db"
    copy_store(half, sqlite_copy)
    result = run("ingest", "--warc", WARC, "--store", sqlite_copy)
    assert result.exit_code == 0, result.output
    assert (
        compare_stores(
            pg,
            sqlite_copy,
            tables=["articles", "edges"],
            columns={
                "articles": ["url", "outlet", "title", "published", "text", "size", "signature"],
                "edges": ["pair", "source", "target", "confidence", "similarity", "containment"],
            },
        )
        == []
    )


def test_without_moving_the_sequences_an_ingest_would_collide(
    built, new_database, tmp_path, monkeypatch
):
    """The check above can fail: skip the sequence step and the next ingest reuses id 1."""
    half = _clone(built["half"], tmp_path / "half")
    pg = new_database()
    monkeypatch.setattr(storecopy, "_reset_sequences", lambda conn: None)
    copy_store(half, pg)
    result = run("ingest", "--warc", WARC, "--store", pg)
    assert result.exit_code == 1
    assert 'duplicate key value violates unique constraint "responses_pkey"' in result.stderr


def test_index_parameters_come_from_the_source(tmp_path, destination):
    settings = Settings(num_perm=64, lsh_bands=16, lsh_rows=4, shingle_size=4)
    source = tmp_path / "custom.db"
    with Store.open(source, settings) as db:
        report = ingest_warcs([WARC], db, settings, workers=2)
    assert report.counts == {"new": 88}
    copy_store(source, destination)  # no settings passed: read from the source's meta
    assert rows(destination, schema.meta) == rows(source, schema.meta)
    assert ("num_perm", "64") in rows(destination, schema.meta)
    with pytest.raises(ConfigError, match="different index parameters"):
        Store.open(destination, Settings(), create=False)
    with Store.open(destination, settings, create=False) as db:
        assert db.check() == []
        assert db.count_articles() == 88
    assert compare_stores(source, destination) == []


def test_an_old_sqlite_store_is_migrated_then_copied(tmp_path, destination):
    old = _clone(Path(__file__).parent / "fixtures" / "store-v4.db", tmp_path / "old")
    before = {t: databases.count(old, t) for t in ("articles", "responses", "lsh", "failures")}
    assert before["articles"] > 0
    report = copy_store(old, destination)
    assert dict(rows(destination, schema.meta))["schema_version"] == str(schema.SCHEMA_VERSION)
    assert {t: databases.count(destination, t) for t in before} == before
    assert {t.table: t.rows for t in report.tables}["articles"] == before["articles"]


# -- refusals ---------------------------------------------------------------------------------------


def test_a_destination_with_rows_is_refused(sample, destination):
    copy_store(sample, destination)
    sums = store_checksums_of(destination)
    with pytest.raises(StoreError, match="not empty"):
        copy_store(sample, destination)
    result = run("store", "copy", sample, destination)
    assert result.exit_code == 1
    assert "not empty" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert store_checksums_of(destination) == sums  # untouched


def test_one_row_anywhere_makes_a_destination_non_empty(sample, destination):
    with Store.open(destination, Settings()) as db:
        db.record_failure("http://x.example/", "test")
    with pytest.raises(StoreError, match=r"not empty \(it has rows in failures\)"):
        copy_store(sample, destination)
    assert counts(destination)["articles"] == 0


def store_checksums_of(target: Target) -> dict[str, Any]:
    with Store.open(target, Settings(), create=False) as db:
        return store_checksums(db)


def test_the_source_itself_is_refused(sample, monkeypatch):
    monkeypatch.chdir(sample.parent)
    for same in (sample, f"sqlite:///{sample}", sample.name, f"./{sample.name}"):
        with pytest.raises(ConfigError, match="same store"):
            copy_store(sample, same)
    link = sample.parent / "link.db"
    os.link(sample, link)
    with pytest.raises(ConfigError, match="same store"):
        copy_store(sample, link)
    result = run("store", "copy", sample, sample)
    assert result.exit_code == 2 and "same store" in result.stderr


def test_the_same_database_under_another_name_is_refused(sample, new_database):
    pg = new_database()
    copy_store(sample, pg)
    alias = pg.replace("127.0.0.1", "localhost")
    assert alias != pg
    with pytest.raises(ConfigError, match="same database"):
        copy_store(pg, alias)
    result = run("store", "copy", pg, pg)
    assert result.exit_code == 2 and "same database" in result.stderr


def test_an_empty_source_is_not_created(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        copy_store(tmp_path / "missing.db", tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://postgres@127.0.0.1:1/x", "cannot reach the database server"),
        (f"postgresql://{databases.SERVER}/prov_never_created", "does not exist"),
        ("postgresql://no_such_role_here@127.0.0.1:5432/postgres", "refused our credentials"),
    ],
)
def test_database_errors_are_one_line(sample, url, message, postgresql_available):
    for args in ((sample, url), (url, sample.parent / "copy.db")):
        result = run("store", "copy", *args)
        assert result.exit_code == 1, result.output
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


# -- verification -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "tamper"),
    [
        (
            "edges",
            "UPDATE edges SET confidence = confidence + 1e-12 WHERE pair = (SELECT min(pair) FROM edges)",
        ),
        ("articles", "UPDATE articles SET title = title || ' ' WHERE id = 3"),
        (
            "lsh",
            "DELETE FROM lsh WHERE article_id = 5 AND key = (SELECT min(key) FROM lsh WHERE article_id = 5)",
        ),
        ("meta", "UPDATE meta SET value = '0.5000001' WHERE key = 'jaccard_threshold'"),
    ],
)
def test_an_altered_copy_is_caught(sample, destination, table, tamper):
    copy_store(sample, destination)
    assert compare_stores(sample, destination) == []
    databases.execute(destination, tamper)
    found = compare_stores(sample, destination)  # each store opened with its own meta
    assert len(found) == 1 and found[0].startswith(f"{table}:"), found


def test_a_copy_that_does_not_match_is_rolled_back(sample, destination, monkeypatch):
    """One edge's confidence off by one unit in the last place: caught, and nothing committed."""
    real = storecopy._insertable

    def corrupt(names: list[str], batch: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        out = list(real(names, batch))
        if "confidence" in names and "pair" in names:
            row, at = list(out[0]), names.index("confidence")
            row[at] = math.nextafter(row[at], math.inf)
            out[0] = tuple(row)
        return out

    monkeypatch.setattr(storecopy, "_insertable", corrupt)
    with pytest.raises(CopyMismatchError, match="edges: same 7[0-9] row") as caught:
        copy_store(sample, destination)
    assert "articles" not in str(caught.value)
    left = counts(destination)  # the whole copy rolled back: a new store's meta, no rows
    assert left.pop("meta") > 0 and set(left.values()) == {0}

    result = run("store", "copy", sample, destination)
    assert result.exit_code == 1
    assert "does not match" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    monkeypatch.undo()
    copy_store(sample, destination)  # the empty destination takes a good copy afterwards
    assert compare_stores(sample, destination) == []


KILLER = """
import os, signal, sys
from provenance.storecopy import copy_store

def progress(table, done, total):
    if table == "articles" and done > 0:  # the last table: everything else is in
        os.kill(os.getpid(), signal.SIGKILL)

copy_store(sys.argv[1], sys.argv[2], batch=10, on_progress=progress)
"""


def test_a_killed_copy_leaves_the_destination_empty(sample, destination):
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(sample), str(destination)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    found = counts(destination)
    assert found["meta"] > 0  # the store was created, and is empty: it does not look complete
    assert {n for t, n in found.items() if t != "meta"} == {0}
    store_check(destination)
    copy_store(sample, destination)  # and it takes the copy when asked again
    assert compare_stores(sample, destination) == []


def test_an_interrupted_copy_says_so_without_the_password(sample, new_database, monkeypatch):
    """Ctrl-C in the middle: exit 130, one line naming DST with its password hidden."""
    url = new_database().replace("postgres@", "postgres:hunter2@", 1)  # trust: any password

    def interrupted(src: Target, dst: Target, **options: Any) -> Any:
        def progress(table: str, done: int, total: int) -> None:
            if table == "articles" and done > 0:
                raise KeyboardInterrupt

        return copy_store(src, dst, batch=10, on_progress=progress)

    monkeypatch.setattr(storecopy, "copy_store", interrupted)
    result = run("store", "copy", sample, url)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "***" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    found = counts(url)
    assert {n for t, n in found.items() if t != "meta"} == {0}  # rolled back


# -- the command and the checksum ------------------------------------------------------------------


def test_the_command_prints_each_table(sample, tmp_path):
    target = tmp_path / "copy.db"
    result = run("store", "copy", sample, target, "--batch", "50")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["table", "rows", "sha256"]
    shown = {line.split()[0]: line.split()[1:] for line in lines[1:-1]}
    assert set(shown) == {t.name for t in schema.TABLES}
    assert shown["articles"][0] == "88"
    assert lines[-1].startswith("ok: copied ") and "count and checksum match" in lines[-1]
    with Store.open(target, Settings(), create=False) as db:
        sums = store_checksums(db)
    assert shown["edges"][1] == sums["edges"].short

    quiet = run("store", "copy", sample, tmp_path / "quiet.db", "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_progress_reaches_every_total(sample, tmp_path):
    seen: dict[str, list[tuple[int, int]]] = {}
    copy_store(
        sample,
        tmp_path / "copy.db",
        batch=100,
        on_progress=lambda t, d, n: seen.setdefault(t, []).append((d, n)),
    )
    assert set(seen) == {t.name for t in schema.TABLES}
    for steps in seen.values():
        done = [d for d, _ in steps]
        assert done == sorted(done) and done[-1] == steps[-1][1]


def test_the_checksum_tells_types_apart_and_frames_values():
    """1, 1.0, '1', b'1' and NULL are five values; ('ab', 'c') is not ('a', 'bc')."""
    encoded = {storecopy._encode((value,)) for value in (1, 1.0, "1", b"1", None)}
    assert len(encoded) == 5
    assert storecopy._encode(("ab", "c")) != storecopy._encode(("a", "bc"))
    assert storecopy._encode((b"ab", b"c")) != storecopy._encode((b"a", b"bc"))
    assert storecopy._encode((0.1 + 0.2,)) != storecopy._encode((0.3,))
    # the fast path for rows of integers (the index tables) encodes exactly the same
    for batch in ([(1, 2), (-3, 2**40)], [(1, 2.0), (3, None)], [(True, 1)]):
        assert storecopy._encode_rows(batch) == b"".join(storecopy._encode(r) for r in batch)
    assert storecopy._encode_rows([(1, 2)]) != storecopy._encode_rows([(1, 2.0)])


def test_the_checksum_follows_the_key_not_the_insertion_order(tmp_path):
    kept = {"search_cache": ["provider", "query", "response"]}  # fetched_at is the clock's
    sums = []
    for order in (("a", "b", "B"), ("B", "b", "a")):
        path = tmp_path / f"{''.join(order)}.db"
        with Store.open(path, Settings()) as db:
            for query in order:
                db.cache_search("p", query, "r")
        with Store.open(path, Settings(), create=False) as db:
            sums.append(store_checksums(db, ["search_cache"], columns=kept)["search_cache"])
        with Store.open(path, Settings(), create=False) as db, db.engine.connect() as conn:
            assert (
                table_checksum(conn, schema.search_cache, columns=kept["search_cache"]) == sums[-1]
            )
    assert sums[0] == sums[1] and sums[0].rows == 3
    with pytest.raises(ConfigError, match="no table"):
        table_checksum(None, "nope")  # type: ignore[arg-type]
