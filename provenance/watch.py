"""Watching outlets from cron: discover, ingest, and report the copies that are new.

A run on a SQLite store takes a lock (so overlapping cron runs do not collide;
runs on a PostgreSQL store share the queue out instead), discovers article
URLs from the watched outlets' feeds, sitemaps and home pages (conditional GETs:
an unchanged feed costs one 304), queues the URLs it has not stored, fetches and
ingests the queue until done or until ``max_runtime``, and reports every
republication edge first detected in this run. The queue lives in the store, so
a run killed half way loses nothing: the next run takes up the pending URLs (and
a dead run's claimed ones once their lease runs out).
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from .config import Settings
from .database import locate
from .discover import Discovered, feed_links, parse_feed, parse_sitemap, robots_sitemaps
from .errors import FetchError, LockHeldError, ProvenanceError, StoreError
from .fetch import Fetcher
from .models import Edge
from .pipeline import ingest_urls
from .robots import robots_url as robots_txt_url
from .store import Store
from .urls import normalize_url
from .watchlist import WatchedOutlet, Watchlist

__all__ = ["EXIT", "RunReport", "edge_record", "lock", "run_watch"]

logger = logging.getLogger(__name__)

#: Exit codes of ``provenance watch`` (also in the README).
EXIT = {
    "nothing_new": 0,
    "failed": 1,
    "usage": 2,
    "partial": 3,  # nothing new, but some URLs or feeds failed
    "locked": 4,  # another run holds the lock
    "new": 5,  # new copies found
    "new_partial": 6,  # new copies found, and some URLs or feeds failed
}
MAX_SITEMAP_DEPTH = 2  # sitemap index -> sitemap -> urls
MAX_CHILD_SITEMAPS = 50  # per index: the newest are listed first by most publishers


@dataclass
class RunReport:
    """What a watch run did."""

    run_id: int
    discovered: int = 0
    queued: int = 0
    ingested: int = 0
    unchanged_sources: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    new_edges: list[tuple[Edge, str]] = field(default_factory=list)
    stopped_early: bool = False
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        if self.new_edges:
            return EXIT["new_partial"] if self.failures else EXIT["new"]
        return EXIT["partial"] if self.failures else EXIT["nothing_new"]

    def summary(self) -> str:
        parts = [
            f"run {self.run_id}: {len(self.new_edges)} new republication(s)",
            f"{self.discovered} URL(s) discovered, {self.queued} new",
            f"{self.ingested} ingested",
        ]
        if self.unchanged_sources:
            parts.append(f"{self.unchanged_sources} feed(s)/sitemap(s) unchanged")
        if self.failures:
            parts.append(f"{len(self.failures)} failure(s)")
        if self.stopped_early:
            parts.append("stopped at --max-runtime; the rest is queued for the next run")
        return "; ".join(parts) + f" ({self.seconds:.1f}s)"


@contextmanager
def lock(store_path: str) -> Iterator[None]:
    """An exclusive, non-blocking lock beside a SQLite store; LockHeldError if another run has it.

    A PostgreSQL store takes no lock: concurrent runs share its queue out between them.
    """
    where = locate(store_path)
    if where.path is None:
        yield
        return
    path = Path(where.path + ".lock")
    try:
        handle = path.open("a+")
    except OSError as exc:
        raise StoreError(f"cannot create lock file {path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockHeldError(f"another watch run holds {path} ({holder})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def edge_record(edge: Edge, detected_at: str, run_id: int | None) -> dict[str, object]:
    """One JSON Lines record: the lookup JSON edge plus run id and detection time."""
    return {
        "source": edge.source,
        "target": edge.target,
        "confidence": edge.confidence,
        "similarity": edge.similarity,
        "containment": edge.containment,
        "evidence": [
            {"kind": e.kind, "detail": e.detail, "target": e.target} for e in edge.evidence
        ],
        "explanation": edge.explanation,
        "run_id": run_id,
        "detected_at": detected_at,
    }


class _Deadline:
    def __init__(self, seconds: float | None) -> None:
        self.end = None if seconds is None else time.monotonic() + seconds

    def passed(self) -> bool:
        return self.end is not None and time.monotonic() >= self.end

    def remaining(self) -> float | None:
        return None if self.end is None else self.end - time.monotonic()


Validators = list[tuple[str, str | None, str | None]]


async def _fetch_source(
    fetcher: Fetcher, store: Store, url: str, kinds: tuple[str, ...]
) -> tuple[bytes | None, tuple[str, str | None, str | None]]:
    """A feed or sitemap by conditional GET: (None when unchanged, its new validators).

    The caller keeps the validators only with the URLs the content gave (one
    transaction): a run killed in between must not leave a 304 hiding them.
    """
    etag, modified = store.validators(url)
    resource = await fetcher.fetch_resource(url, kinds=kinds, etag=etag, last_modified=modified)
    seen = (url, resource.header("etag"), resource.header("last-modified"))
    return (None if resource.not_modified else resource.content), seen


async def _discover_outlet(
    outlet: WatchedOutlet,
    fetcher: Fetcher,
    store: Store,
    settings: Settings,
    report: RunReport,
    deadline: _Deadline,
    validators: Validators,
) -> list[Discovered]:
    found: list[Discovered] = []
    feeds = list(outlet.feeds)
    sitemaps = list(outlet.sitemaps)
    if outlet.home:
        try:
            page = await fetcher.fetch(outlet.home)
            feeds += [f for f in feed_links(page.text, page.final_url) if f not in feeds]
        except FetchError as exc:
            report.failures.append((outlet.home, str(exc)))
    if outlet.robots and outlet.home:
        robots_url = robots_txt_url(outlet.home)
        try:  # always read in full: an unchanged robots.txt still names the sitemaps
            robots = await fetcher.fetch_resource(robots_url, kinds=("text",))
            text = robots.content.decode("utf-8", "replace")
            sitemaps += [s for s in robots_sitemaps(text, robots_url) if s not in sitemaps]
        except ProvenanceError as exc:
            report.failures.append((robots_url, str(exc)))
    for feed in feeds:
        if deadline.passed():
            report.stopped_early = True
            return found
        try:
            content, seen = await _fetch_source(fetcher, store, feed, ("xml", "json"))
        except ProvenanceError as exc:
            report.failures.append((feed, str(exc)))
            continue
        if content is None:
            report.unchanged_sources += 1
            continue
        try:
            found += parse_feed(content, feed)
        except ProvenanceError as exc:
            report.failures.append((feed, str(exc)))
            continue
        validators.append(seen)
    pending = [(s, 0) for s in sitemaps]
    while pending:
        if deadline.passed():
            report.stopped_early = True
            return found
        sitemap, depth = pending.pop(0)
        try:
            content, seen = await _fetch_source(fetcher, store, sitemap, ("xml", "gzip"))
            if content is None:
                report.unchanged_sources += 1
                continue
            urls, children = parse_sitemap(content, sitemap, limit=settings.max_bytes)
        except ProvenanceError as exc:
            report.failures.append((sitemap, str(exc)))
            continue
        found += urls
        if not children:  # an index is read in full each run: its sitemaps change, not it
            validators.append(seen)
        if depth < MAX_SITEMAP_DEPTH:
            pending += [(child, depth + 1) for child in children[:MAX_CHILD_SITEMAPS]]
    return found


async def run_watch(
    watchlist: Watchlist,
    store: Store,
    settings: Settings,
    *,
    max_runtime: float | None = None,
    fetcher: Fetcher,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> RunReport:
    """One watch run (the caller holds the lock). Every new edge is in the report."""
    started = time.monotonic()
    deadline = _Deadline(max_runtime)
    with store.working(settings.claim_lease):  # a run of its own, seen by other workers
        run_id = store.start_run()
        report = RunReport(run_id)
        status = "failed"
        try:
            for index, outlet in enumerate(watchlist.outlets):
                if on_progress is not None:
                    on_progress("discovering", index, len(watchlist.outlets))
                validators: Validators = []
                found = await _discover_outlet(
                    outlet, fetcher, store, settings, report, deadline, validators
                )
                report.discovered += len(found)
                # the URLs, then what lets the next run skip them: together or not at all (no
                # writer lock: queue rows are not what an article is matched against)
                with store.transaction(exclusive=False):
                    report.queued += store.enqueue((d.url, d.source) for d in found)
                    for url, etag, modified in validators:
                        store.set_validators(url, etag, modified)
                if deadline.passed():
                    report.stopped_early = True
                    break
            report.queued += store.enqueue((url, "monitor") for url in watchlist.monitors)
            batch = max(4, settings.concurrency)
            while True:
                remaining = deadline.remaining()
                if remaining is not None and remaining <= 0:
                    report.stopped_early = bool(store.pending(1))
                    break
                # claimed, not just read: concurrent runs on a shared store split the queue
                urls = store.claim(store.worker, batch, lease=settings.claim_lease)
                if not urls:
                    break
                if on_progress is not None:
                    on_progress("ingesting", report.ingested, report.ingested + len(urls))
                try:
                    # a batch cut off by the deadline gives its URLs back for the next run
                    async with asyncio.timeout(remaining):
                        outcomes = await ingest_urls(urls, store, settings, fetcher=fetcher)
                except TimeoutError:
                    report.stopped_early = True
                    break
                for outcome in outcomes:
                    if outcome.status == "failed":
                        report.failures.append((outcome.url, outcome.reason))
                    else:
                        report.ingested += 1
                _finish_claims(store, urls)
            report.new_edges = [(e, at) for e, at, _ in store.edges_detected(run_id=run_id)]
            status = "partial" if report.stopped_early or report.failures else "done"
        finally:
            report.seconds = time.monotonic() - started
            store.finish_run(
                run_id,
                status,
                {
                    "new_edges": len(report.new_edges),
                    "discovered": report.discovered,
                    "ingested": report.ingested,
                    "failures": len(report.failures),
                    "stopped_early": report.stopped_early,
                },
            )
            store.run_id = None
            store.release(store.worker)
        return report


def _finish_claims(store: Store, claimed: list[str]) -> None:
    """Close the claimed rows ingest_urls did not: those queued under another spelling."""
    for url in claimed:
        try:
            key = normalize_url(url)
        except FetchError:
            store.finish(store.worker, url, "failed")
            continue
        if key != url:  # ingested as ``key``: this row ends as that one did
            state = store.queue_states([key]).get(key, ("failed", None))[0]
            store.finish(store.worker, url, state if state in ("done", "failed") else "failed")


def write_report(records: list[dict[str, object]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
