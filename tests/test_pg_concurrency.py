"""Many workers, one PostgreSQL store: the work is shared out and nothing is lost or doubled.

Four ``provenance ingest`` processes are given overlapping URL lists of the sample
web and write into one PostgreSQL store at once; the result must equal a single
worker's ingest of the same URLs, table by table and edge by edge, and no page may
be fetched more often than the single worker fetched it. A worker killed with
URLs claimed leaves them to the others: at once on the same host (its process is
gone), after its lease on another host.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from provenance.config import Settings
from provenance.store import Store
from tests import databases
from tests.servers import SAMPLES, OutletServer, running, sample_routes

WORKERS = 4
FETCH_TIME = re.compile(r"first seen \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")


def article_urls() -> list[str]:
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return [
        r["url"]
        for r in manifest["records"]
        if r["status"] == 200 and r["content_type"].startswith("text/html")
    ]


def ingest_command(server: OutletServer, url_file: Path, store: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "provenance",
        "ingest",
        "--from-file",
        str(url_file),
        "--store",
        store,
        "--proxy",
        server.url,
        "--delay",
        "0",
        *extra,
    ]


def snapshot(store_url: str) -> tuple[dict[str, int], list[tuple[object, ...]], list[str]]:
    """Counts per table, every edge with its verdict, every stored URL."""
    with Store.open(store_url, Settings(), create=False) as store:
        assert store.check() == []
        edges = [
            (
                e.source,
                e.target,
                e.confidence,
                e.similarity,
                e.containment,
                # when a page was fetched is the one thing two runs cannot share
                tuple(
                    (v.kind, FETCH_TIME.sub("<fetched>", v.detail), v.target) for v in e.evidence
                ),
                FETCH_TIME.sub("<fetched>", e.explanation),
            )
            for e in store.iter_edges()
        ]
        urls = sorted(a.article.url for a in store.iter_articles())
        return store.counts(), edges, urls


def page_requests(server: OutletServer) -> Counter[tuple[str, str]]:
    return Counter((host, path) for host, path, _ in server.requests if path != "/robots.txt")


def test_four_workers_with_overlapping_lists_equal_one_worker(tmp_path, new_pg_store):
    urls = article_urls()
    assert len(urls) > 50
    lists = []
    for seed in range(WORKERS):
        chosen = random.Random(seed).sample(urls, k=int(len(urls) * 0.6))
        lists.append(chosen)
    union = sorted({u for chosen in lists for u in chosen} | set(urls[:1]))
    lists[0].append(urls[0])
    assert sum(len(chosen) for chosen in lists) > len(union) * 2  # heavy overlap

    single_store = new_pg_store()
    with running(sample_routes()) as server:
        single_file = tmp_path / "all.txt"
        single_file.write_text("\n".join(union), encoding="utf-8")
        done = subprocess.run(
            ingest_command(server, single_file, single_store),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        single_requests = page_requests(server)

    shared_store = new_pg_store()
    with running(sample_routes()) as server:
        processes = []
        for index, chosen in enumerate(lists):
            url_file = tmp_path / f"worker-{index}.txt"
            url_file.write_text("\n".join(chosen), encoding="utf-8")
            processes.append(
                subprocess.Popen(
                    ingest_command(server, url_file, shared_store),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        outputs = [p.communicate(timeout=300) for p in processes]
        for process, (_, err) in zip(processes, outputs, strict=True):
            assert process.returncode == 0, err
        shared_requests = page_requests(server)

    # the work was shared: some worker reports pages another one ingested
    assert any("elsewhere" in err for _, err in outputs), [err for _, err in outputs]
    # ... and no page was fetched more often than by a single worker
    assert shared_requests == single_requests
    single, shared = snapshot(single_store), snapshot(shared_store)
    assert shared[0] == single[0]  # every table's count
    assert shared[2] == single[2]  # the same articles
    assert shared[1] == single[1]  # the same edges, the same verdicts
    assert single[0]["edges"] > 20


def test_a_worker_started_later_does_not_fetch_again_what_a_running_one_did(tmp_path, new_pg_store):
    """Cron hosts do not start on the same second: the second worker joins a run under
    way and leaves alone what the first one has done; a run after both fetches again."""
    urls = article_urls()[:48]
    store = new_pg_store()
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(urls), encoding="utf-8")
    # 16 claimed at a time: 3 rounds of 1.5 s after robots.txt (1.5 s too), time enough for
    # the second to start meanwhile
    with running(slow_routes(1.5)) as server:
        first = subprocess.Popen(
            ingest_command(server, url_file, store),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                done = [u for u, (state, _) in queue_rows(store).items() if state == "done"]
            except Exception:  # noqa: BLE001 - the store is still being created
                continue
            if len(done) >= 4:
                break
        else:
            pytest.fail("the first worker finished nothing")
        second = subprocess.run(
            ingest_command(server, url_file, store), capture_output=True, text=True, timeout=300
        )
        first_out, first_err = first.communicate(timeout=300)
        assert first.returncode == 0 and second.returncode == 0, first_err + second.stderr
        assert set(page_requests(server).values()) == {1}  # every page fetched once in all
        assert "elsewhere" in second.stderr, second.stderr  # what the first one had done
        # once both have ended, a new run fetches every page again (to see what changed)
        third = subprocess.run(
            ingest_command(server, url_file, store), capture_output=True, text=True, timeout=300
        )
        assert third.returncode == 0, third.stderr
        assert set(page_requests(server).values()) == {2}
    with Store.open(store, Settings(), create=False) as opened:
        now = opened.queue_time()
    ends = [row[0] for row in databases.query(store, "SELECT alive_until FROM workers")]
    assert len(ends) == 3 and max(ends) <= now  # a row per run, each marked ended


def slow_routes(delay: float) -> dict[tuple[str, str], object]:
    routes = sample_routes()
    for route in routes.values():
        route.delay = delay
    return routes


def queue_rows(store_url: str) -> dict[str, tuple[str, str | None]]:
    rows = databases.query(store_url, "SELECT url, state, claimed_by FROM queue")
    return {str(url): (str(state), claimed_by) for url, state, claimed_by in rows}


@pytest.mark.parametrize("where", ["same host", "other host"])
def test_a_killed_workers_claims_are_taken_over(tmp_path, new_pg_store, where):
    urls = article_urls()[:24]
    store = new_pg_store()
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(urls), encoding="utf-8")
    # same host: taken back at once, long before the lease ends; other host: only by lease
    lease = 90 if where == "same host" else 15
    with running(slow_routes(0.4)) as server:
        command = ingest_command(server, url_file, store, "--claim-lease", str(lease))
        if where == "other host":  # a worker on another machine: only its lease frees its URLs
            command[1:3] = [
                "-c",
                "import socket, sys; socket.gethostname = lambda: 'elsewhere.example';"
                " sys.argv[0] = 'provenance'; from provenance.cli import main; main()",
            ]
        victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                states = queue_rows(store)
            except Exception:  # noqa: BLE001 - the store is still being created
                continue
            if any(state == "claimed" for state, _ in states.values()):
                break
        else:
            pytest.fail("the first worker never claimed anything")
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        orphaned = [u for u, (state, _) in queue_rows(store).items() if state == "claimed"]
        assert orphaned  # the dead worker's claims are still in the queue
        if where == "other host":  # its process cannot be seen from here: the lease holds
            with Store.open(store, Settings(), create=False) as probe:
                assert probe.claim(probe.worker, 100, lease=1, among=orphaned) == []
        started = time.monotonic()
        survivor = subprocess.run(
            ingest_command(server, url_file, store), capture_output=True, text=True, timeout=300
        )
        took = time.monotonic() - started
    assert survivor.returncode == 0, survivor.stderr
    states = queue_rows(store)
    assert {state for state, _ in states.values()} == {"done"}, states
    with Store.open(store, Settings(), create=False) as opened:
        assert opened.count_articles() == len(urls)
        assert opened.check() == []
    if where == "same host":
        assert took < lease * 2 / 3  # it did not wait for the lease to run out


def test_two_watch_runs_at_once_split_the_queue(tmp_path, new_pg_store):
    from tests.test_watch import Web, watch_process, write_watchlist

    web = Web()
    for n in range(30):
        web.add_story(n, copied=n % 2 == 0)
    web.publish()
    for key, route in web.routes.items():
        if "/story/" in key[1] or "/copy/" in key[1]:
            route.delay = 0.1
    store = new_pg_store()
    config = write_watchlist(tmp_path, store)
    with running(web.routes) as server:
        runs = [
            subprocess.Popen(
                watch_process(config, server.url, "--report", str(tmp_path / f"run-{index}.jsonl")),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for index in range(2)
        ]
        outputs = [run.communicate(timeout=300) for run in runs]
        pages = Counter(
            path for _, path, _ in server.requests if "/story/" in path or "/copy/" in path
        )
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode in (0, 5), err  # no lock on PostgreSQL: neither run exits 4
    assert set(pages.values()) == {1} and len(pages) == 45  # every page fetched once in all
    reported = [
        json.loads(line)["target"]
        for index in range(2)
        if (tmp_path / f"run-{index}.jsonl").exists()
        for line in (tmp_path / f"run-{index}.jsonl").read_text().splitlines()
    ]
    assert sorted(reported) == sorted(f"http://copier.example/copy/{n}" for n in range(0, 30, 2))
    ingested = [int(re.search(r"(\d+) ingested", err).group(1)) for _, err in outputs]
    assert sum(ingested) == 45 and min(ingested) > 0, ingested  # the work was shared


def test_watch_queues_what_it_found_while_another_writer_holds_the_lock(tmp_path, new_pg_store):
    """Queueing a feed's URLs (with the feed's validators) does not take the writer lock:
    it never waits behind another worker's commit, nor holds up the others' commits."""
    import psycopg

    from tests.test_watch import Web, watch_process, write_watchlist

    web = Web()
    for n in range(40):
        web.add_story(n, copied=n % 2 == 0)
    web.publish()
    url = new_pg_store()
    Store.open(url, Settings()).close()
    quick = url + "?options=-c%20lock_timeout%3D2s"  # a commit gives up after 2 s
    config = write_watchlist(tmp_path, quick)
    with running(web.routes) as server, psycopg.connect(url) as holder:
        # another worker in the middle of a commit, all along
        holder.execute("SELECT value FROM meta WHERE key = 'schema_version' FOR UPDATE")
        done = subprocess.run(
            watch_process(config, server.url), capture_output=True, text=True, timeout=120
        )
    assert done.returncode == 1 and "locked by another process" in done.stderr, done.stderr
    assert databases.count(url, "queue") == 60  # but every URL found was queued
    assert databases.count(url, "fetch_state") == 2  # with its feed's or sitemap's validators
    assert databases.count(url, "articles") == 0
