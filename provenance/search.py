"""Search providers: find the copies of an article that nobody has ingested yet.

Mirrors that copied an article do not link to each other, so following credits
finds the origin but not them. ``lookup`` therefore asks search providers:

1. **Queries** (:func:`choose_queries`): a few distinctive passages of the text as
   exact phrases (not boilerplate, not quotations every outlet carries, not the
   headline, not credit lines that differ between copies), then the title; at most
   ``search_queries``. The article's URL is one more query, for the providers that
   take URLs (Wayback, Copyscape).
2. **Providers**: each is a small plug-in with one interface (:class:`Provider`):
   ``request(query, settings)`` gives the URL to GET (or None: not a query it takes)
   and ``parse(body)`` turns the answer into :class:`Hit` s (URL, title, the date the
   provider gives). GDELT DOC 2.0 (free, no key), the Wayback CDX API, SerpAPI
   (``$SERPAPI_KEY``) and Copyscape (``$COPYSCAPE_USER`` + ``$COPYSCAPE_KEY``).
   Keys come from the environment only, never from Settings (which get printed), and
   are scrubbed from every log line and error message while a search runs.
3. **Requests** go through a :class:`~provenance.fetch.Fetcher` (address guard,
   retries, Retry-After, caps, deadline) with ``search_delay`` seconds between two
   requests to one provider and ``search_timeout`` per request; robots.txt is not
   asked of the APIs (they are programmatic endpoints governed by their terms, not
   crawled pages). At most ``search_budget`` requests per lookup; answers are cached
   in the store (``search_cache``) for ``search_cache_days``, so a repeated lookup
   spends nothing. A provider that fails (429, 5xx, bad JSON, timeout) is dropped for
   the rest of the run; the lookup carries on and the summary says why.
4. **Verification**: every candidate goes through :func:`~provenance.pipeline.ingest_urls`
   (the hardened fetcher, extraction, fingerprinting and the same thresholds as any
   other copy). A candidate that ends up outside the queried article's component is
   *rejected* with the reason (fetch failure, too short, or its Jaccard and
   containment against the queried text); every verdict is kept in
   ``search_candidates``. Rejected candidates are never drawn as copies.
5. **Dates**: a provider's date (GDELT's ``seendate``, a Wayback capture time) is a
   sighting by a third party, the same kind of evidence as our own first-seen time,
   only earlier: it becomes the article's ``first_seen`` when it is earlier, and that
   article's edges are weighed again so the evidence says so.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urlencode, urlsplit

from .boilerplate import shingle_key, strip
from .config import Settings
from .errors import ConfigError, FetchError, InvalidURLError
from .evidence import parse_date
from .fetch import Fetcher
from .fingerprint import shingles
from .index import Query, find_matches, similarity
from .models import Article
from .store import Store, StoredArticle
from .urls import normalize_url, outlet_of

__all__ = [
    "Copyscape",
    "Gdelt",
    "Hit",
    "PROVIDERS",
    "Provider",
    "ProviderError",
    "SearchQuery",
    "SearchSummary",
    "SerpApi",
    "Wayback",
    "choose_queries",
    "make_providers",
    "move_first_seen",
    "run_search",
    "search_providers",
    "summary_line",
]

logger = logging.getLogger(__name__)

#: Environment variables holding provider credentials (never logged, never stored).
SERPAPI_KEY, COPYSCAPE_USER, COPYSCAPE_KEY = "SERPAPI_KEY", "COPYSCAPE_USER", "COPYSCAPE_KEY"
PASSAGE_WORDS = 12  # words in an exact-phrase query
MIN_SENTENCE_WORDS = 10  # shorter sentences are not distinctive enough to search for


class ProviderError(Exception):
    """A provider's answer could not be used (an error message, malformed JSON or XML)."""


@dataclass(frozen=True)
class SearchQuery:
    """One query: ``kind`` is ``phrase`` (an exact passage), ``title`` or ``url``."""

    kind: str
    text: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.text}"


@dataclass(frozen=True)
class Hit:
    """A candidate URL from a provider, with what the provider says about it."""

    url: str
    title: str | None = None
    seen: str | None = None  # ISO-8601 UTC: when the provider first saw (or captured) it


class Provider(Protocol):
    """A search provider: the request for a query, and the hits in its answer."""

    name: str
    resource_kinds: tuple[str, ...]  # content kinds accepted (see Fetcher.fetch_resource)

    def request(self, query: SearchQuery, settings: Settings) -> str | None:
        """The URL to GET for ``query``, or None when the provider does not take it."""
        ...

    def parse(self, body: bytes) -> list[Hit]:
        """The hits in an answer; raises :class:`ProviderError` when it is unusable."""
        ...

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be logged or stored (keys, user names)."""
        ...


def _json(body: bytes) -> object:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        shown = body[:80].decode("utf-8", "replace").strip() or "empty"
        raise ProviderError(f"malformed JSON: {shown!r}") from None


def _phrase(text: str) -> str:
    return '"' + text.replace('"', " ") + '"'


class Gdelt:
    """GDELT DOC 2.0 API, ``mode=artlist&format=json``: news articles matching a query.

    Answer (https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/)::

        {"articles": [{"url": ..., "url_mobile": ..., "title": ..., "seendate":
        "20260517T081500Z", "socialimage": ..., "domain": ..., "language": ...,
        "sourcecountry": ...}]}

    ``{}`` when nothing matches; errors ("phrase too short", "limit requests to one
    every 5 seconds") come as plain text, not JSON.
    """

    name: str = "gdelt"
    resource_kinds: tuple[str, ...] = ("json", "text")

    def request(self, query: SearchQuery, settings: Settings) -> str | None:
        if query.kind not in ("phrase", "title"):
            return None
        params = {
            "query": _phrase(query.text),
            "mode": "artlist",
            "format": "json",
            "maxrecords": str(max(1, min(settings.search_results, 250))),
            "sort": "datedesc",
        }
        return f"{settings.gdelt_url}?{urlencode(params)}"

    def parse(self, body: bytes) -> list[Hit]:
        data = _json(body)
        if not isinstance(data, dict):
            raise ProviderError("malformed answer: not a JSON object")
        articles = data.get("articles", [])
        if not isinstance(articles, list):
            raise ProviderError("malformed answer: 'articles' is not a list")
        hits = []
        for item in articles:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                seen = _compact_time(str(item.get("seendate") or ""))
                title = item.get("title")
                hits.append(Hit(item["url"], title if isinstance(title, str) else None, seen))
        return hits

    def secrets(self) -> tuple[str, ...]:
        return ()


class Wayback:
    """The Wayback Machine's CDX API: other captures of the article's URL and its variants.

    ``output=json`` answers rows, the first holding the field names
    (https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server)::

        [["original", "timestamp", "statuscode", "mimetype"],
         ["http://x.example/a", "20260517081500", "200", "text/html"], ...]

    ``collapse=urlkey`` keeps one row per distinct URL: its earliest capture.
    """

    name: str = "wayback"
    resource_kinds: tuple[str, ...] = ("json", "text")

    def request(self, query: SearchQuery, settings: Settings) -> str | None:
        if query.kind != "url":
            return None
        parts = urlsplit(query.text)
        target = (parts.netloc + parts.path).rstrip("/")
        params = {
            "url": target,
            "matchType": "prefix",
            "output": "json",
            "fl": "original,timestamp,statuscode,mimetype",
            "filter": "statuscode:200",
            "collapse": "urlkey",
            "limit": str(max(1, settings.search_results)),
        }
        return f"{settings.wayback_url.rstrip('/')}/cdx/search/cdx?{urlencode(params)}"

    def parse(self, body: bytes) -> list[Hit]:
        if not body.strip():
            return []
        rows = _json(body)
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise ProviderError("malformed answer: not a list of CDX rows")
        if not rows:
            return []
        names = [str(n) for n in rows[0]]
        if "original" not in names:
            raise ProviderError("malformed answer: no 'original' field in the CDX header")
        hits = []
        for row in rows[1:]:
            record = dict(zip(names, (str(v) for v in row), strict=False))
            if record.get("original"):
                hits.append(Hit(record["original"], None, _compact_time(record.get("timestamp"))))
        return hits

    def secrets(self) -> tuple[str, ...]:
        return ()


class SerpApi:
    """SerpAPI's Google results (``engine=google``): ``organic_results[].link/title/date``.

    Answer (https://serpapi.com/search-api)::

        {"organic_results": [{"position": 1, "title": ..., "link": ..., "date": "May 17, 2026"}]}

    or ``{"error": "Invalid API key. ..."}``. The key travels as ``api_key``.
    """

    name: str = "serpapi"
    resource_kinds: tuple[str, ...] = ("json",)

    def __init__(self, key: str) -> None:
        self._key = key

    def request(self, query: SearchQuery, settings: Settings) -> str | None:
        if query.kind not in ("phrase", "title"):
            return None
        params = {
            "engine": "google",
            "q": _phrase(query.text),
            "num": str(max(1, min(settings.search_results, 100))),
            "api_key": self._key,
        }
        return f"{settings.serpapi_url}?{urlencode(params)}"

    def parse(self, body: bytes) -> list[Hit]:
        data = _json(body)
        if not isinstance(data, dict):
            raise ProviderError("malformed answer: not a JSON object")
        if data.get("error"):
            raise ProviderError(f"provider error: {str(data['error'])[:200]}")
        results = data.get("organic_results", [])
        if not isinstance(results, list):
            raise ProviderError("malformed answer: 'organic_results' is not a list")
        hits = []
        for item in results:
            if isinstance(item, dict) and isinstance(item.get("link"), str):
                title = item.get("title")
                seen = _loose_date(str(item.get("date") or ""))
                hits.append(Hit(item["link"], title if isinstance(title, str) else None, seen))
        return hits

    def secrets(self) -> tuple[str, ...]:
        return (self._key,)


class Copyscape:
    """Copyscape Premium API, URL search (``o=csearch&q=URL``), XML answers.

    Answer (https://www.copyscape.com/apidocumentation.php)::

        <response><query>URL</query><querywords>412</querywords><count>2</count>
          <result><index>1</index><url>...</url><title>...</title>
            <textsnippet>...</textsnippet><minwordsmatched>120</minwordsmatched>
            <viewurl>...</viewurl></result>...</response>

    or ``<response><error>...</error></response>``. Credentials travel as ``u`` and ``k``.
    """

    name: str = "copyscape"
    resource_kinds: tuple[str, ...] = ("xml", "text")

    def __init__(self, user: str, key: str) -> None:
        self._user, self._key = user, key

    def request(self, query: SearchQuery, settings: Settings) -> str | None:
        if query.kind != "url":
            return None
        params = {
            "u": self._user,
            "k": self._key,
            "o": "csearch",
            "q": query.text,
            "c": str(max(1, min(settings.search_results, 10))),
        }
        return f"{settings.copyscape_url}?{urlencode(params)}"

    def parse(self, body: bytes) -> list[Hit]:
        from defusedxml import ElementTree
        from defusedxml.common import DefusedXmlException

        try:
            root = ElementTree.fromstring(body)
        except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
            raise ProviderError(f"malformed XML: {exc}") from None
        error = root.findtext("error")
        if error:
            raise ProviderError(f"provider error: {error.strip()[:200]}")
        hits = []
        for result in root.findall("result"):
            url = (result.findtext("url") or "").strip()
            if url:
                hits.append(Hit(url, (result.findtext("title") or "").strip() or None))
        return hits

    def secrets(self) -> tuple[str, ...]:
        return (self._user, self._key)


PROVIDERS = ("gdelt", "wayback", "serpapi", "copyscape")
_KEYED = {"serpapi": (SERPAPI_KEY,), "copyscape": (COPYSCAPE_USER, COPYSCAPE_KEY)}


def _compact_time(value: str | None) -> str | None:
    """``20260517T081500Z`` (GDELT) or ``20260517081500`` (CDX) as ISO-8601 UTC."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) < 8:
        return None
    digits = (digits + "000000")[:14]
    try:
        when = datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return when.isoformat(timespec="seconds")


def _loose_date(value: str) -> str | None:
    """A search engine's date ("May 17, 2026", ISO), else None ("3 days ago" is not kept)."""
    value = value.strip()
    for fmt in ("%b %d, %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=UTC).isoformat(timespec="seconds")
        except ValueError:
            continue
    parsed = parse_date(value) if re.match(r"\d{4}-\d\d-\d\d", value) else None
    return parsed.astimezone(UTC).isoformat(timespec="seconds") if parsed else None


# -- which providers ---------------------------------------------------------------------


def search_providers(
    enabled: bool | None,
    names: str | None,
    *,
    offline: bool,
    environ: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """The providers a lookup asks, from ``--search/--no-search`` and ``--providers``.

    Off with ``--archive`` (``offline``: an archive cannot answer a search), and off by
    default: on with ``--search``, ``--providers``, ``PROVENANCE_SEARCH=1`` or a
    provider key in the environment. The default set is GDELT and Wayback, plus every
    keyed provider whose key is set. Raises :class:`ConfigError` for an unknown
    provider or a keyed one without its key.
    """
    env = os.environ if environ is None else environ
    if offline or enabled is False:
        return ()
    keyed = [p for p, keys in _KEYED.items() if all(env.get(k) for k in keys)]
    if names:
        chosen = tuple(dict.fromkeys(n.strip().lower() for n in names.split(",") if n.strip()))
        for name in chosen:
            if name not in PROVIDERS:
                raise ConfigError(
                    f"unknown search provider {name!r} (known: {', '.join(PROVIDERS)})"
                )
            if name in _KEYED and name not in keyed:
                raise ConfigError(f"search provider {name} needs ${' and $'.join(_KEYED[name])}")
        return chosen
    wanted = env.get("PROVENANCE_SEARCH", "").strip().lower() in ("1", "true", "yes", "on")
    if enabled or wanted or keyed:
        return ("gdelt", "wayback", *keyed)
    return ()


def make_providers(
    names: Sequence[str], environ: Mapping[str, str] | None = None
) -> list[Provider]:
    """Provider objects for ``names``, keys read from the environment."""
    env = os.environ if environ is None else environ
    made: list[Provider] = []
    for name in names:
        if name == "gdelt":
            made.append(Gdelt())
        elif name == "wayback":
            made.append(Wayback())
        elif name == "serpapi" and env.get(SERPAPI_KEY):
            made.append(SerpApi(env[SERPAPI_KEY]))
        elif name == "copyscape" and env.get(COPYSCAPE_USER) and env.get(COPYSCAPE_KEY):
            made.append(Copyscape(env[COPYSCAPE_USER], env[COPYSCAPE_KEY]))
        elif name in _KEYED:
            raise ConfigError(f"search provider {name} needs ${' and $'.join(_KEYED[name])}")
        else:
            raise ConfigError(f"unknown search provider {name!r}")
    return made


# -- queries -----------------------------------------------------------------------------

_STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his in into is it its "
    "not of on or said says she that the their there they this to was we were which who "
    "will with would".split()
)
_QUOTES = re.compile('["“”„«»]')
#: Lines that differ between copies: credits, disclaimers, copyright, sharing prompts.
_CREDIT_LINE = re.compile(
    r"original source|first appeared|first published|republish|reprinted|copyright|©|"
    r"all rights reserved|source:|read more|subscribe|follow us|newsletter|\bvia\b",
    re.I,
)
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _sentences(text: str) -> Iterator[str]:
    for paragraph in text.splitlines():
        yield from (s.strip() for s in re.split(r"(?<=[.!?])\s+", paragraph) if s.strip())


def _rarity(tokens: list[str], index: int) -> float:
    word = tokens[index]
    if word.lower() in _STOPWORDS:
        return 0.0
    score = 1.0 if len(word) >= 7 else 0.4
    if any(c.isdigit() for c in word):
        score += 1.5  # figures, dates, amounts: what a different story would not share
    if index > 0 and word[:1].isupper():
        score += 1.0  # names inside a sentence
    return score


def choose_queries(
    article: Article, settings: Settings, *, boilerplate: frozenset[int] = frozenset()
) -> list[SearchQuery]:
    """Up to ``search_queries`` queries: the most distinctive passages, then the title.

    A passage is a window of :data:`PASSAGE_WORDS` words of one sentence that holds no
    quotation (every outlet quotes the same people), no credit or disclaimer line (they
    differ between copies), none of the outlet's learned boilerplate, and is not mostly
    the headline; windows are scored by their rare-looking words (long words, figures,
    names) and one is taken per sentence, the best first.
    """
    limit = settings.search_queries
    if limit <= 0:
        return []
    title = _clean_title(article.title)
    title_words = {w.lower() for w in _WORD.findall(title or "")}
    scored: list[tuple[float, int, str]] = []
    for position, sentence in enumerate(_sentences(article.text)):
        tokens = _WORD.findall(sentence)
        if len(tokens) < MIN_SENTENCE_WORDS or _QUOTES.search(sentence):
            continue
        if _CREDIT_LINE.search(sentence):
            continue
        if title_words and sum(t.lower() in title_words for t in tokens) > 0.6 * len(tokens):
            continue  # the headline again (a lede that repeats it, a standfirst)
        if boilerplate and any(
            shingle_key(s) in boilerplate for s in shingles(sentence, settings.shingle_size)
        ):
            continue
        size = min(PASSAGE_WORDS, len(tokens))
        rarity = [_rarity(tokens, i) for i in range(len(tokens))]
        best = max(range(len(tokens) - size + 1), key=lambda i: sum(rarity[i : i + size]))
        score = sum(rarity[best : best + size])
        scored.append((score, position, " ".join(tokens[best : best + size])))
    scored.sort(key=lambda item: (-item[0], item[1]))
    passages = [text for _, _, text in scored]
    queries = [SearchQuery("phrase", p) for p in passages[: max(0, limit - 1) if title else limit]]
    if title:
        queries.append(SearchQuery("title", title))
    return queries[:limit]


def _clean_title(title: str | None) -> str | None:
    """The headline without a " | Outlet" or " - Outlet" suffix."""
    if not title:
        return None
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", title) if p.strip()]
    best = max(parts, key=len) if parts else title.strip()
    return " ".join(_WORD.findall(best)) or None


# -- the run -----------------------------------------------------------------------------


@dataclass
class _ProviderStats:
    requests: int = 0
    cached: int = 0
    skipped: int = 0  # queries not asked: budget spent, or the provider failed earlier
    hits: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class SearchSummary:
    """What a search asked, what it found, and what verified."""

    queries: list[SearchQuery]
    providers: dict[str, _ProviderStats]
    budget: int
    candidates: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    known: int = 0  # hits already in the store, or judged by an earlier search (not --refresh)
    first_seen: list[tuple[str, str]] = field(default_factory=list)  # (url, earlier time)

    @property
    def requests(self) -> int:
        return sum(p.requests for p in self.providers.values())

    def to_json(self) -> dict[str, object]:
        return {
            "queries": [{"kind": q.kind, "text": q.text} for q in self.queries],
            "providers": {name: asdict(stats) for name, stats in self.providers.items()},
            "budget": self.budget,
            "requests": self.requests,
            "candidates": len(self.candidates),
            "known": self.known,
            "verified": self.verified,
            "rejected": [{"url": u, "reason": r} for u, r in self.rejected],
            "first_seen": [{"url": u, "first_seen": w} for u, w in self.first_seen],
        }


def summary_line(summary: Mapping[str, object]) -> str:
    """One line for stderr from :meth:`SearchSummary.to_json`."""
    providers = summary.get("providers")
    stats = providers if isinstance(providers, dict) else {}
    asked = ", ".join(
        f"{name} {s['requests']} asked/{s['cached']} cached" for name, s in stats.items()
    )
    errors = "; ".join(f"{name}: {e}" for name, s in stats.items() for e in s["errors"])
    queries = summary.get("queries")
    verified, rejected = summary.get("verified"), summary.get("rejected")
    line = (
        f"search: {len(queries) if isinstance(queries, list) else 0} queries ({asked}); "
        f"{summary.get('candidates')} candidate(s): "
        f"{len(verified) if isinstance(verified, list) else 0} verified, "
        f"{len(rejected) if isinstance(rejected, list) else 0} rejected, "
        f"{summary.get('known')} already known"
    )
    return line + (f"; errors: {errors}" if errors else "")


class _Scrub(logging.Filter):
    """Replace provider secrets in log records (URLs with keys, echoed parameters)."""

    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "REDACTED")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        clean = self.scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_SCRUBBED_LOGGERS = ("provenance", "provenance.fetch", "provenance.search", "httpx")


@contextmanager
def _scrubbing(scrub: _Scrub) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _SCRUBBED_LOGGERS]
    for each in loggers:
        each.addFilter(scrub)
    try:
        yield
    finally:
        for each in loggers:
            each.removeFilter(scrub)


def _provider_settings(settings: Settings) -> Settings:
    timeout = settings.search_timeout
    return settings.replace(
        ignore_robots=True,  # programmatic APIs, governed by their terms, not crawled pages
        host_delay=settings.search_delay,
        total_timeout=timeout,
        connect_timeout=min(settings.connect_timeout, timeout),
        read_timeout=min(settings.read_timeout, timeout),
    )


async def _ask(
    provider: Provider,
    queries: list[SearchQuery],
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    stats: _ProviderStats,
    budget: list[int],
    scrub: _Scrub,
    refresh: bool,
) -> list[tuple[SearchQuery, Hit]]:
    """Ask one provider every query it takes: cache first, then the network, within budget."""
    found: list[tuple[SearchQuery, Hit]] = []
    fresh_after = datetime.now(UTC) - timedelta(days=settings.search_cache_days)
    failed = False
    for query in queries:
        url = provider.request(query, settings)
        if url is None:
            continue
        cached = None if refresh else store.cached_search(provider.name, query.key)
        when = parse_date(cached[1]) if cached else None
        if cached is not None and when is not None and when >= fresh_after:
            stats.cached += 1
            hits = [Hit(**h) for h in json.loads(cached[0])]
        elif failed or budget[0] <= 0:
            stats.skipped += 1
            continue
        else:
            budget[0] -= 1
            stats.requests += 1
            try:
                resource = await fetcher.fetch_resource(url, kinds=provider.resource_kinds)
                hits = provider.parse(resource.content)
            except (FetchError, ProviderError) as exc:
                stats.errors.append(scrub.scrub(f"{query.kind} query: {exc}"))
                logger.warning(
                    "search provider %s failed: %s", provider.name, scrub.scrub(str(exc))
                )
                failed = True  # a provider that refuses (429), fails or garbles is left alone
                continue
            store.cache_search(
                provider.name, query.key, json.dumps([asdict(h) for h in hits], ensure_ascii=False)
            )
        stats.hits += len(hits)
        found.extend((query, hit) for hit in hits)
    return found


@dataclass
class _Candidate:
    url: str
    providers: list[str]
    seen: str | None
    votes: int


def _same_page(a: str, b: str) -> bool:
    """Two URLs of one page: scheme, ``www.`` and a trailing slash aside."""
    pa, pb = urlsplit(a), urlsplit(b)
    return (outlet_of(a), pa.path.rstrip("/"), pa.query) == (
        outlet_of(b),
        pb.path.rstrip("/"),
        pb.query,
    )


def _earlier(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    da, db = parse_date(a), parse_date(b)
    if da is None or db is None:
        return a if db is None else b
    return a if da <= db else b


async def run_search(
    stored: StoredArticle,
    store: Store,
    settings: Settings,
    *,
    fetcher: Fetcher,
    providers: Sequence[Provider] | None = None,
    provider_fetcher: Fetcher | None = None,
    refresh: bool = False,
) -> SearchSummary:
    """Search for copies of ``stored``, verify each candidate, and say what was found.

    ``fetcher`` fetches the candidates (as any page); ``provider_fetcher`` asks the
    providers (default: a Fetcher built from ``settings`` with the search delay and
    timeout). ``refresh`` ignores cached provider answers.
    """
    if providers is None:
        providers = make_providers(settings.search_providers)
    article = stored.article
    queries = choose_queries(article, settings, boilerplate=store.boilerplate(article.outlet))
    asked = [SearchQuery("url", article.url), *queries]
    stats = {p.name: _ProviderStats() for p in providers}
    summary = SearchSummary(queries, stats, settings.search_budget)
    scrub = _Scrub([s for p in providers for s in p.secrets()])
    budget = [settings.search_budget]
    with _scrubbing(scrub):
        own = provider_fetcher or Fetcher(_provider_settings(settings))
        try:
            answers = await asyncio.gather(
                *(
                    _ask(p, asked, store, settings, own, stats[p.name], budget, scrub, refresh)
                    for p in providers
                )
            )
        finally:
            if provider_fetcher is None:
                await own.aclose()
    by_url: dict[str, _Candidate] = {}
    query_seen: str | None = None
    for provider, found in zip(providers, answers, strict=True):
        for _, hit in found:
            try:
                url = normalize_url(hit.url)
            except InvalidURLError:
                continue
            if _same_page(url, article.url):  # a capture of the article itself: a sighting
                query_seen = _earlier(query_seen, hit.seen)
                continue
            entry = by_url.setdefault(url, _Candidate(url, [], None, 0))
            entry.votes += 1
            entry.seen = _earlier(entry.seen, hit.seen)
            if provider.name not in entry.providers:
                entry.providers.append(provider.name)
    fresh: list[_Candidate] = []
    judged = set() if refresh else {c for c, _, _, _ in store.candidates(article.url)}
    for entry in sorted(by_url.values(), key=lambda c: -c.votes):  # stable: provider order
        if entry.url in judged or store.article_id(entry.url) is not None:
            summary.known += 1
        else:
            fresh.append(entry)
    fresh = fresh[: settings.search_candidates]
    summary.candidates = [c.url for c in fresh]
    if query_seen is not None and move_first_seen(store, settings, stored.id, query_seen):
        summary.first_seen.append((article.url, query_seen))
    if fresh:
        await _verify(fresh, stored, store, settings, fetcher, summary)
    logger.info("%s", summary_line(summary.to_json()))
    return summary


async def _verify(
    fresh: list[_Candidate],
    stored: StoredArticle,
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    summary: SearchSummary,
) -> None:
    from .pipeline import component, ingest_urls

    logger.info("verifying %d search candidate(s)", len(fresh))
    outcomes = await ingest_urls([c.url for c in fresh], store, settings, fetcher=fetcher)
    linked = {s.article.url for s in component(store, stored.article.url)[0]}
    query_shingles = shingles(stored.article.text, settings.shingle_size)
    for candidate, outcome in zip(fresh, outcomes, strict=True):
        providers = ",".join(candidate.providers)
        reason = ""
        if outcome.article_id is None:
            reason = f"could not fetch: {outcome.reason}"
        else:
            mine = store.load(outcome.article_id)
            if mine.article.url in linked and mine.id != stored.id:
                summary.verified.append(candidate.url)
                store.record_candidate(stored.article.url, candidate.url, providers, "verified", "")
                seen = candidate.seen
                if seen is not None and move_first_seen(store, settings, mine.id, seen):
                    summary.first_seen.append((mine.article.url, seen))
                continue
            if outcome.status == "too-short":
                reason = f"did not verify: {outcome.reason}"
            elif mine.id == stored.id:
                reason = "the queried article itself (through a redirect)"
            else:
                pair = similarity(
                    query_shingles, shingles(mine.article.text, settings.shingle_size)
                )
                reason = (
                    f"did not verify: Jaccard {pair.jaccard:.2f}, {pair.containment:.0%} contained"
                    f" (a copy needs Jaccard >= {settings.jaccard_threshold:g} or"
                    f" {settings.containment_threshold:.0%} contained)"
                )
        summary.rejected.append((candidate.url, reason))
        store.record_candidate(stored.article.url, candidate.url, providers, "rejected", reason)


def move_first_seen(store: Store, settings: Settings, article_id: int, when: str) -> bool:
    """Make ``when`` the article's first-seen time if earlier, and weigh its edges again.

    A provider's date is a sighting by someone else, as good as ours and earlier; the
    edges were decided with our own (later) time, so they are decided again with it.
    """
    me = store.load(article_id)
    new, old = parse_date(when), parse_date(me.first_seen)
    if new is None or (old is not None and new >= old):
        return False
    with store.transaction():  # with a shared store, no copy may land in between
        store.set_first_seen(article_id, when)
        _redecide(store, settings, article_id)
    return True


def _redecide(store: Store, settings: Settings, article_id: int) -> None:
    """Decide again the edges of one article (after its first-seen time moved)."""
    from .pipeline import fingerprinted, judge_pair

    me = store.load(article_id)
    full = shingles(me.article.text, settings.shingle_size)
    prepared = fingerprinted(
        me.article, strip(full, store.boilerplate(me.article.outlet)), settings
    )
    if prepared.fingerprint is None:
        return
    query = Query(prepared.shingles, prepared.fingerprint, prepared.keys, prepared.anchors)
    with store.transaction():  # matched and written while writers wait their turn
        matches = find_matches(store, query, settings, exclude=article_id)
        store.delete_edges_of(me.article.url)
        for other, pair in matches:
            # as at ingest: the article stored first is side a (ties favour it)
            if other.id < me.id:
                a, b, flipped = other, me, pair.swapped()
                later_shingles = full
            else:
                a, b, flipped = me, other, pair
                later_shingles = shingles(other.article.text, settings.shingle_size)
            store.put_edge(judge_pair(store, a, b, flipped, later_shingles, settings))
