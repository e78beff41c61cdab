"""fetch -> extract -> fingerprint -> store -> match -> weigh: the calls the CLI makes.

``prepare`` is the CPU-bound part (extraction and fingerprinting) and is a pure
function of a fetched page, so bulk ingest can run it in worker processes;
``commit`` is the single writer that stores the article, finds its verified
near-duplicates and records the edges.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import networkx as nx

from .boilerplate import carries, maybe_learn, strip
from .config import Settings
from .errors import ExtractError, FetchError, ProvenanceError
from .evidence import WEIGHTS, PairSimilarity, decide
from .extract import extract
from .fetch import Fetcher
from .fingerprint import Fingerprint, anchors, band_keys, fingerprint, shingles
from .graph import Node, build_graph, root_of
from .index import Query, find_matches
from .lineage import FOLLOWED_KINDS, credited, lineage_tree
from .models import Article, Edge, Evidence, FetchResult
from .registry import Registry
from .store import Store, StoredArticle
from .urls import normalize_url, outlet_of
from .wayback import archived_copy, first_capture, is_gone

__all__ = [
    "IngestOutcome",
    "LookupResult",
    "Prepared",
    "article_for",
    "article_node",
    "commit",
    "component",
    "fingerprinted",
    "ingest_urls",
    "judge_pair",
    "lookup",
    "lookup_text",
    "prepare",
    "prepare_article",
]

logger = logging.getLogger(__name__)

_MAX_CAPTURE_QUERIES = 20  # Wayback first-capture queries per lookup


@dataclass(frozen=True)
class Prepared:
    """A page made ready for the store: its article, shingles and fingerprint."""

    article: Article
    shingles: frozenset[str]
    fingerprint: Fingerprint | None  # None when the text is too short to match safely
    keys: tuple[int, ...]
    anchors: tuple[int, ...] = ()
    result: FetchResult | None = None


@dataclass(frozen=True)
class IngestOutcome:
    """What ingesting one page did."""

    url: str
    article_id: int | None
    status: str  # new | updated | unchanged | too-short | failed | elsewhere (another worker)
    matches: int = 0
    reason: str = ""


def prepare_article(
    article: Article, settings: Settings, result: FetchResult | None = None
) -> Prepared:
    """Shingle and fingerprint an article (no store needed)."""
    return fingerprinted(article, shingles(article.text, settings.shingle_size), settings, result)


def fingerprinted(
    article: Article,
    shingle_set: frozenset[str],
    settings: Settings,
    result: FetchResult | None = None,
) -> Prepared:
    if len(shingle_set) < settings.min_shingles:
        return Prepared(article, shingle_set, None, (), (), result)
    fp = fingerprint(shingle_set, settings)
    return Prepared(
        article,
        shingle_set,
        fp,
        tuple(band_keys(fp.signature, settings)),
        tuple(anchors(shingle_set, settings.anchor_modulus)),
        result,
    )


def prepare(result: FetchResult, settings: Settings) -> Prepared:
    """Extract and fingerprint a fetched page (CPU only; safe in a worker process)."""
    return prepare_article(
        extract(result.text, result.final_url, now=result.fetched_at), settings, result
    )


def _first_seen(result: FetchResult | None) -> str:
    when = (result.fetched_at if result is not None else None) or datetime.now(UTC)
    return when.isoformat(timespec="seconds")


def commit(store: Store, prepared: Prepared, settings: Settings) -> IngestOutcome:
    """Store a prepared page, match it against the index, and record its edges (one transaction).

    The outlet's learned boilerplate is left out of the fingerprint first.
    """
    article, result = prepared.article, prepared.result
    full_shingles = prepared.shingles
    kept = strip(full_shingles, store.boilerplate(article.outlet))
    if kept != full_shingles:
        prepared = fingerprinted(article, kept, settings, result)
    with store.transaction():
        existing = store.article_id(article.url)
        response_id = None
        if result is not None:
            response_id, new_response = store.add_response(result)
            if not new_response and existing is not None:
                if result.url != article.url:
                    store.add_alias(result.url, existing)
                return IngestOutcome(article.url, existing, "unchanged")
        if existing is not None:  # its text changed: earlier verdicts on it no longer hold
            store.delete_edges_of(article.url)
        article_id = store.add_article(
            article,
            size=len(prepared.shingles),
            signature=prepared.fingerprint.signature if prepared.fingerprint else None,
            keys=list(prepared.keys),
            anchors=prepared.anchors,
            response_id=response_id,
            first_seen=_first_seen(result),
        )
        if result is not None:
            for alias in {result.url, *(r.url for r in result.redirects)} - {article.url}:
                store.add_alias(alias, article_id)
        store.learn_outlet(article.outlet, article.site_name)
        if prepared.fingerprint is None:
            return IngestOutcome(
                article.url, article_id, "too-short", reason="text too short to match"
            )
        query = Query(prepared.shingles, prepared.fingerprint, prepared.keys, prepared.anchors)
        matches = find_matches(store, query, settings, exclude=article_id)
        if matches:
            me = store.load(article_id)
            for other, pair in matches:
                # `other` was stored first: it is side a, so ties in evidence favour it
                flipped = pair.swapped()
                store.put_edge(judge_pair(store, other, me, flipped, full_shingles, settings))
        maybe_learn(store, article.outlet, settings)
    status = "new" if existing is None else "updated"
    return IngestOutcome(article.url, article_id, status, matches=len(matches))


def judge_pair(
    store: Store,
    a: StoredArticle,
    b: StoredArticle,
    pair: PairSimilarity,
    b_shingles: frozenset[str],
    settings: Settings,
) -> Edge:
    """The edge between two stored, verified copies; ``a`` was stored first (ties favour it)."""
    return decide(
        a.article,
        b.article,
        pair,
        a_first_seen=a.first_seen,
        b_first_seen=b.first_seen,
        registry=store.registry(),
        extra=_shared_boilerplate(store, a.article, b.article, b_shingles, settings),
    )


def _shared_boilerplate(
    store: Store,
    earlier: Article,
    later: Article,
    later_shingles: frozenset[str],
    settings: Settings,
) -> tuple[list[tuple[Evidence, float]], list[tuple[Evidence, float]]] | None:
    """Evidence from site-wide text one page carries of the other's outlet (one way only)."""
    if earlier.outlet == later.outlet:
        return None
    later_carries = carries(later_shingles, store.boilerplate(earlier.outlet), earlier.outlet)
    earlier_carries = carries(
        shingles(earlier.text, settings.shingle_size), store.boilerplate(later.outlet), later.outlet
    )
    weight = WEIGHTS["carries_boilerplate"]
    if later_carries and not earlier_carries:
        return [(later_carries, weight)], []
    if earlier_carries and not later_carries:
        return [], [(earlier_carries, weight)]
    return None  # both or neither: mirrors of each other's site-wide text say nothing


async def ingest_urls(
    urls: Iterable[str], store: Store, settings: Settings, *, fetcher: Fetcher
) -> list[IngestOutcome]:
    """Fetch, extract and store pages; failures are recorded and reported, never raised.

    URLs are fetched in windows, so a list of any length is handled in flat memory,
    and each page is committed as soon as its window is in. The work is shared
    through the store's queue: several processes (on several hosts, with a
    PostgreSQL store) given overlapping lists fetch each URL once between them, and
    the URLs of a worker that dies are claimed again when its lease runs out.
    Outcomes come in the order of ``urls`` (one per distinct URL).
    """
    order: list[IngestOutcome | str] = []
    done: dict[str, IngestOutcome] = {}
    window: list[str] = []
    seen: set[str] = set()
    size = max(32, settings.concurrency * 4)
    since = store.queue_time()
    with store.working(settings.claim_lease):
        for raw in urls:
            try:
                url = normalize_url(raw)
            except FetchError as exc:
                shown = exc.url  # redacted: a URL with credentials is never echoed or stored
                store.record_failure(shown, str(exc))
                order.append(IngestOutcome(shown, None, "failed", reason=str(exc)))
                continue
            if url in seen:
                continue
            seen.add(url)
            order.append(url)
            window.append(url)
            if len(window) >= size:
                await _ingest_window(window, store, settings, fetcher, since, done)
                window = []
        if window:
            await _ingest_window(window, store, settings, fetcher, since, done)
    return [done[item] if isinstance(item, str) else item for item in order]


CLAIM_POLL_SECONDS = 0.5  # how often to look again at URLs another worker is fetching


async def _ingest_window(
    window: list[str],
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    since: str,
    done: dict[str, IngestOutcome],
) -> None:
    """Ingest the URLs of ``window`` this worker claims; wait for those others claimed."""
    store.enqueue_again(window, "ingest", before=since)
    lease = settings.claim_lease
    batch = max(8, settings.concurrency)
    claimed_here: list[str] = []
    try:
        async with _renewing(store, lease) as keep_alive:
            while True:
                # a few at a time, so that concurrent workers share a window out
                claimed = store.claim(store.worker, batch, lease=lease, among=window)
                claimed_here += claimed
                if claimed:
                    results = await fetcher.fetch_many(claimed)
                    for url, result in zip(claimed, results, strict=True):
                        outcome = _ingest_one(store, settings, url, result)
                        state = "failed" if outcome.status == "failed" else "done"
                        if not store.finish(store.worker, url, state):
                            logger.warning("%s: our claim had run out; another worker has it", url)
                        done[url] = outcome
                        keep_alive()  # commits block the loop: the renewal task cannot run
                    continue
                rest = [u for u in window if u not in done]
                states = store.queue_states(rest)
                if not any(state in ("pending", "claimed") for state, _ in states.values()):
                    break
                await asyncio.sleep(CLAIM_POLL_SECONDS)  # another worker has them
    finally:
        # cut short: what this window claimed goes back (not the caller's own claims)
        store.release(store.worker, claimed_here)
    for url in window:
        if url not in done:
            done[url] = _done_elsewhere(store, url)


def _done_elsewhere(store: Store, url: str) -> IngestOutcome:
    article_id = store.article_id(url)
    if article_id is not None:
        return IngestOutcome(url, article_id, "elsewhere", reason="ingested by another worker")
    reasons = [reason for failed, reason, _ in store.failures_of(url)]
    reason = reasons[-1] if reasons else "failed in another worker"
    return IngestOutcome(url, None, "failed", reason=reason)


@asynccontextmanager
async def _renewing(store: Store, lease: float) -> AsyncIterator[Callable[[], None]]:
    """Keep this worker's claims alive while it works: renewed every third of the lease
    by a task while it fetches, and by the function yielded, called between commits."""
    last = -lease  # due at once: a watch run's discovery may have outlasted its lease

    def renew_if_due() -> None:
        nonlocal last
        if time.monotonic() - last < lease / 3:
            return
        last = time.monotonic()
        try:
            store.renew(store.worker, lease)
        except ProvenanceError as exc:
            logger.warning("could not renew claims on queued URLs: %s", exc)

    async def renew() -> None:
        while True:
            await asyncio.sleep(lease / 6)
            renew_if_due()

    renew_if_due()
    task = asyncio.create_task(renew())
    try:
        yield renew_if_due
    finally:
        task.cancel()
        # gather, not ``suppress(CancelledError)``: a cancellation of *this* task (a
        # deadline, Ctrl-C) arriving meanwhile must still propagate
        await asyncio.gather(task, return_exceptions=True)


def _ingest_one(
    store: Store, settings: Settings, url: str, result: FetchResult | FetchError
) -> IngestOutcome:
    if isinstance(result, FetchError):
        store.record_failure(url, str(result))
        return IngestOutcome(url, None, "failed", reason=str(result))
    try:
        return commit(store, prepare(result, settings), settings)
    except ExtractError as exc:
        store.record_failure(url, str(exc))
        return IngestOutcome(url, None, "failed", reason=str(exc))


# -- lookup ----------------------------------------------------------------------------


@dataclass
class LookupResult:
    """The answer to a lookup: the graph, the tree, the origin, and what failed on the way."""

    query: str
    graph: nx.DiGraph
    tree: nx.DiGraph
    origin: str
    origin_confidence: float
    failures: list[tuple[str, str]] = field(default_factory=list)
    search: dict[str, object] | None = None  # what the search providers were asked (search.py)

    def to_json(self) -> dict[str, object]:
        origin = self.graph.nodes[self.origin]
        tree_edges = set(self.tree.edges)

        def edge_json(source: str, target: str, data: dict[str, object]) -> dict[str, object]:
            return {
                "source": source,
                "target": target,
                "confidence": data["confidence"],
                "similarity": data["similarity"],
                "containment": data["containment"],
                "evidence": [
                    {"kind": e["kind"], "detail": e["detail"], "target": e["target"]}
                    for e in json.loads(str(data["evidence"]))
                ],
                "explanation": data["explanation"],
            }

        return {
            "query": self.query,
            "origin": {
                "url": origin["url"] or None,
                "outlet": origin["outlet"],
                "published": origin["published"] or None,
                "confidence": self.origin_confidence,
            },
            "nodes": [
                {
                    "url": data["url"] or None,
                    "id": node,
                    "outlet": data["outlet"],
                    "title": data["title"] or None,
                    "published": data["published"] or None,
                    "first_seen": data["first_seen"] or None,
                    "kind": data["kind"],
                }
                for node, data in self.graph.nodes(data=True)
            ],
            "edges": [edge_json(s, t, d) for s, t, d in self.tree.edges(data=True)],
            "other_edges": [
                edge_json(s, t, d)
                for s, t, d in self.graph.edges(data=True)
                if (s, t) not in tree_edges
            ],
            "failures": [{"url": u, "reason": r} for u, r in self.failures],
            "search": self.search,
        }


def article_node(stored: StoredArticle) -> Node:
    """The graph node of a stored article."""
    a = stored.article
    return Node(a.url, a.url, a.outlet, a.title, a.published, stored.first_seen)


def component(store: Store, url: str) -> tuple[list[StoredArticle], list[Edge]]:
    """Every stored article linked to ``url`` by edges, and those edges."""
    seen = {url}
    frontier = [url]
    edges: dict[tuple[str, str], Edge] = {}
    while frontier:
        node = frontier.pop()
        for edge in store.edges_of(node):
            edges[(edge.source, edge.target)] = edge
            for other in (edge.source, edge.target):
                if other not in seen:
                    seen.add(other)
                    frontier.append(other)
    ids = [i for i in (store.article_id(u) for u in seen) if i is not None]
    return store.load_many(ids), list(edges.values())


async def _follow_credits(
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    start: Article,
    failures: list[tuple[str, str]],
) -> None:
    """Fetch what ``start`` credits, and what those credit, up to ``follow_depth`` hops."""
    frontier = [start]
    for _ in range(settings.follow_depth):
        targets: list[str] = []
        for article in frontier:
            for signal in credited(article):
                target = signal.target or ""
                if signal.kind not in FOLLOWED_KINDS or not target.startswith(
                    ("http://", "https://")
                ):
                    continue
                if outlet_of(target) == article.outlet or store.article_id(target) is not None:
                    continue
                if target in targets:
                    continue
                targets.append(target)
        if not targets:
            return
        logger.info("following %d credited URL(s)", len(targets))
        outcomes = await ingest_urls(targets, store, settings, fetcher=fetcher)
        frontier = []
        for outcome in outcomes:
            if outcome.status == "failed":
                gone = FetchError(outcome.reason, url=outcome.url)
                archived = await _from_archive(store, settings, fetcher, outcome.url, gone)
                if archived is None:
                    failures.append((outcome.url, outcome.reason))
                    continue
                outcome = archived
            if outcome.article_id is not None:
                frontier.append(store.load(outcome.article_id).article)


async def _from_archive(
    store: Store, settings: Settings, fetcher: Fetcher, url: str, error: FetchError
) -> IngestOutcome | None:
    """With ``--wayback``: a gone page's latest archived copy, stored under its own URL."""
    if not settings.wayback or not is_gone(error):
        return None
    result = await archived_copy(fetcher, settings, url)
    if result is None:
        return None
    prepared = prepare(result, settings)
    when = result.fetched_at.isoformat(timespec="seconds") if result.fetched_at else "?"
    note = Evidence(
        "archived_copy",
        f"the page is gone ({error}); its text is the Wayback Machine's capture of {when}",
        url,
    )
    article = dataclasses.replace(prepared.article, signals=(*prepared.article.signals, note))
    logger.info("%s is gone; using its capture of %s", url, when)
    return commit(store, dataclasses.replace(prepared, article=article), settings)


async def _first_captures(
    store: Store, settings: Settings, fetcher: Fetcher, members: list[StoredArticle]
) -> None:
    """With ``--wayback``: each article's earliest capture bounds when it existed."""
    from .search import move_first_seen

    for member in members[:_MAX_CAPTURE_QUERIES]:
        capture = await first_capture(fetcher, settings, member.article.url)
        if capture is None:
            continue
        with store.transaction():
            if move_first_seen(store, settings, member.id, capture.when):
                logger.info("%s: first captured %s", member.article.url, capture.when)


def _assemble(
    query: str,
    stored: list[StoredArticle],
    edges: list[Edge],
    failures: list[tuple[str, str]],
    extra: tuple[Node, list[Edge], Article] | None = None,
    registry: Registry | None = None,
) -> LookupResult:
    nodes = [article_node(s) for s in stored]
    articles = {s.article.url: s.article for s in stored}
    if extra is not None:
        nodes.append(extra[0])
        edges = edges + extra[1]
        articles[extra[0].id] = extra[2]
    graph = build_graph(nodes, edges)
    tree = lineage_tree(graph, articles, registry or Registry())
    origin = root_of(tree, query)
    for source, target, data in graph.edges(data=True):
        data["in_tree"] = tree.has_edge(source, target)
    return LookupResult(
        query, graph, tree, origin, _origin_confidence(tree, origin, query), failures
    )


def _origin_confidence(tree: nx.DiGraph, origin: str, query: str) -> float:
    """The weakest link on the path origin -> query; or the best edge out of the origin."""
    if origin == query:
        out = [float(d["confidence"]) for _, _, d in tree.out_edges(origin, data=True)]
        return round(max(out), 3) if out else 0.0
    path = nx.shortest_path(tree, origin, query)
    return round(
        min(float(tree.edges[a, b]["confidence"]) for a, b in zip(path, path[1:], strict=False)), 3
    )


async def lookup(
    url: str, store: Store, settings: Settings, *, fetcher: Fetcher, refresh: bool = False
) -> LookupResult:
    """Provenance of the article at ``url``: fetch if needed, follow its credits, build the tree."""
    url = normalize_url(url)
    failures: list[tuple[str, str]] = []
    stored = store.article_by_url(url)
    if stored is None or refresh:
        try:
            result = await fetcher.fetch(url)
            outcome = commit(store, prepare(result, settings), settings)
        except FetchError as exc:
            store.record_failure(exc.url, str(exc))
            archived = await _from_archive(store, settings, fetcher, url, exc)
            if archived is None:
                raise
            outcome = archived
        if outcome.article_id is None:
            raise ProvenanceError(f"{url}: {outcome.reason}")
        stored = store.load(outcome.article_id)
    await _follow_credits(store, settings, fetcher, stored.article, failures)
    search: dict[str, object] | None = None
    if settings.search_providers:  # copies nobody links to: ask the search providers
        from .search import run_search

        summary = await run_search(stored, store, settings, fetcher=fetcher, refresh=refresh)
        search = summary.to_json()
        stored = store.load(stored.id)  # a provider may have moved its first-seen time
    nodes, edges = component(store, stored.article.url)
    if settings.wayback and nodes:
        await _first_captures(store, settings, fetcher, nodes)
        nodes, edges = component(store, stored.article.url)
    if not nodes:
        nodes = [stored]
    answer = _assemble(stored.article.url, nodes, edges, failures, registry=store.registry())
    answer.search = search
    return answer


async def article_for(
    url: str, store: Store, settings: Settings, *, fetcher: Fetcher
) -> tuple[Article, str | None]:
    """The stored article at ``url`` with its first-seen time, or the page fetched now, unstored."""
    url = normalize_url(url)
    stored = store.article_by_url(url)
    if stored is not None:
        return stored.article, stored.first_seen
    result = await fetcher.fetch(url)
    return extract(result.text, result.final_url), _first_seen(result)


async def lookup_text(
    article: Article, store: Store, settings: Settings, *, fetcher: Fetcher
) -> LookupResult:
    """Provenance of a text the user holds only as a copy: matched, never stored."""
    prepared = prepare_article(article, settings)
    if prepared.fingerprint is None:
        raise ExtractError(
            f"the text has {len(prepared.shingles)} shingles; at least {settings.min_shingles}"
            " are needed to match it safely",
            url=article.url,
        )
    failures: list[tuple[str, str]] = []
    await _follow_credits(store, settings, fetcher, article, failures)
    query = Query(prepared.shingles, prepared.fingerprint, prepared.keys, prepared.anchors)
    matches = find_matches(store, query, settings)
    stored: dict[int, StoredArticle] = {}
    edges: dict[tuple[str, str], Edge] = {}
    for other, _ in matches:
        nodes, found = component(store, other.article.url)
        stored.update((n.id, n) for n in nodes)
        stored.setdefault(other.id, other)
        edges.update(((e.source, e.target), e) for e in found)
    own_edges = [
        decide(
            other.article,
            article,
            pair.swapped(),
            a_first_seen=other.first_seen,
            registry=store.registry(),
        )
        for other, pair in matches
    ]
    node = Node(article.url, None, article.outlet, article.title, article.published, kind="query")
    return _assemble(
        article.url,
        list(stored.values()),
        list(edges.values()),
        failures,
        extra=(node, own_edges, article),
        registry=store.registry(),
    )
