"""Bulk ingest: stream pages from WARC files, prepare them on every core, write from one process.

Extraction and fingerprinting (about 97% of ingest's CPU) run in a process
pool; the parent is the only writer to the store and commits in batches. Memory
stays flat: at most ``workers x 16`` pages are in flight whatever the input size.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from .archive import ArchivedResponse, iter_responses
from .config import Settings
from .errors import ProvenanceError
from .fetch import REDIRECT_STATUSES, decode_html, is_html
from .models import FetchResult
from .pipeline import IngestOutcome, Prepared, commit, prepare
from .store import Store
from .urls import normalize_url

__all__ = ["BulkReport", "ingest_warcs", "prepare_safely", "to_fetch_result"]

logger = logging.getLogger(__name__)

BATCH = 50  # articles per store transaction


@dataclass
class BulkReport:
    """What a bulk ingest did."""

    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0  # records that are not HTML pages (images, redirects, errors)

    def add(self, outcome: IngestOutcome) -> None:
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        if outcome.status == "failed":
            self.failures.append((outcome.url, outcome.reason))

    @property
    def articles(self) -> int:
        return sum(n for status, n in self.counts.items() if status != "failed")

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def to_fetch_result(response: ArchivedResponse, settings: Settings) -> FetchResult | None:
    """An archived 200 HTML response as a FetchResult; None for anything else."""
    headers = dict((k.lower(), v) for k, v in response.headers)
    if response.status != 200 or len(response.body) > settings.max_bytes:
        return None
    if not is_html(headers.get("content-type"), response.body):
        return None
    try:
        url = normalize_url(response.url)
    except ProvenanceError:
        return None
    fetched = None
    if response.date:
        try:
            fetched = datetime.fromisoformat(response.date.replace("Z", "+00:00"))
        except ValueError:
            fetched = None
    return FetchResult(
        url=url,
        final_url=url,
        status=200,
        headers=tuple(response.headers),
        content=response.body,
        text="",  # decoded in the worker
        encoding="",
        fetched_at=fetched or datetime.now(UTC),
        from_archive=True,
    )


def prepare_safely(result: FetchResult, settings: Settings) -> Prepared | tuple[str, str]:
    """``prepare`` for a worker process: errors come back as (url, reason), never raised."""
    try:
        if not result.text:
            text, encoding = decode_html(result.content, result.header("content-type"))
            result = dataclasses.replace(result, text=text, encoding=encoding)
        return prepare(result, settings)
    except ProvenanceError as exc:
        return result.url, str(exc)
    except Exception as exc:  # a page must never stop a bulk run
        return result.url, f"{type(exc).__name__}: {exc}"


def _pages(
    paths: Iterable[Path], settings: Settings, report: BulkReport, redirects: list[tuple[str, str]]
) -> Iterator[FetchResult]:
    for path in paths:
        for response in iter_responses(Path(path), max_bytes=settings.max_bytes):
            result = to_fetch_result(response, settings)
            if result is not None:
                yield result
                continue
            report.skipped += 1
            location = dict((k.lower(), v) for k, v in response.headers).get("location")
            if response.status in REDIRECT_STATUSES and location:
                redirects.append((response.url, location))


def ingest_warcs(
    paths: Iterable[Path],
    store: Store,
    settings: Settings,
    *,
    workers: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BulkReport:
    """Ingest every HTML response of the WARC files, ``workers`` processes preparing pages."""
    workers = workers or os.cpu_count() or 1
    report = BulkReport()
    redirects: list[tuple[str, str]] = []
    started = time.perf_counter()
    pages = _pages(paths, settings, report, redirects)
    done = 0

    def write(item: Prepared | tuple[str, str]) -> None:
        nonlocal done
        if isinstance(item, tuple):
            store.record_failure(*item)
            report.add(IngestOutcome(item[0], None, "failed", reason=item[1]))
        else:
            report.add(commit(store, item, settings))
        done += 1
        if on_progress is not None:
            on_progress(done)

    if workers == 1:
        for batch in _batches((prepare_safely(page, settings) for page in pages), BATCH):
            with store.transaction():
                for item in batch:
                    write(item)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            window: deque[Future[Prepared | tuple[str, str]]] = deque()
            results = _drain(pool, pages, settings, window, workers * 16)
            for batch in _batches(results, BATCH):
                with store.transaction():
                    for item in batch:
                        write(item)
    _apply_redirects(store, redirects)
    report.seconds = time.perf_counter() - started
    return report


def _drain(
    pool: ProcessPoolExecutor,
    pages: Iterator[FetchResult],
    settings: Settings,
    window: deque[Future[Prepared | tuple[str, str]]],
    depth: int,
) -> Iterator[Prepared | tuple[str, str]]:
    """Results in input order, keeping at most ``depth`` pages in flight."""
    for page in pages:
        window.append(pool.submit(prepare_safely, page, settings))
        if len(window) >= depth:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def _batches(
    items: Iterable[Prepared | tuple[str, str]], size: int
) -> Iterator[list[Prepared | tuple[str, str]]]:
    batch: list[Prepared | tuple[str, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _apply_redirects(store: Store, redirects: list[tuple[str, str]]) -> None:
    """Archived redirects become aliases of the articles they lead to."""
    with store.transaction():
        for source, location in redirects:
            try:
                target = normalize_url(urljoin(source, location))
                source = normalize_url(source)
            except ProvenanceError:
                continue
            article_id = store.article_id(target)
            if article_id is not None:
                store.add_alias(source, article_id)
