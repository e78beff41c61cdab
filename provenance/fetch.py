"""Fetching pages with httpx: politely, with retries, and safe against hostile servers.

The :class:`Fetcher` owns one :class:`httpx.AsyncClient` (connection reuse) and
follows redirects itself so that every hop is checked and recorded. For each URL:

* the address guard (:mod:`provenance.guard`) refuses internal addresses, at every
  hop, for every address a name resolves to, and pins the connection to the
  checked address;
* robots.txt (:mod:`provenance.robots`) is fetched once per site and obeyed;
* each host gets at most ``per_host`` requests in flight, spaced by ``host_delay``
  seconds, and ``concurrency`` in all (:mod:`provenance.politeness`);
* transient failures are retried with jittered exponential backoff, honouring
  ``Retry-After`` up to a cap (:mod:`provenance.retry`);
* ``total_timeout`` bounds the whole fetch of a URL (redirects, retries and waits),
  counted from its first request, so a server trickling a byte a second is cut off;
* bodies are read raw, capped while streaming, and decoded with a bounded decoder
  (:mod:`provenance.codings`); absurd headers are refused;
* cookies live only for one URL's redirect chain, and go only where they came from.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.cookiejar import DefaultCookiePolicy
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import httpx

from .codings import ACCEPT_ENCODING, BodyDecoder, decompress
from .config import Settings
from .errors import (
    BadResponseError,
    BlockedAddressError,
    ConfigError,
    FetchError,
    InvalidURLError,
    NotHTMLError,
    NotInArchiveError,
    RobotsDisallowed,
    TooLargeError,
    TooManyRedirects,
)
from .guard import AddressRefused, ResolutionFailed, check, guarded_transport, literal_address
from .models import FetchResult, Redirect
from .politeness import Politeness
from .retry import RETRY_STATUSES, RetryPolicy, Transient, parse_retry_after, transport_failure
from .robots import ALLOW_ALL, RobotsCache, RobotsRules, rules_from_response, unreachable
from .urls import normalize_url, redact_url

__all__ = ["Fetcher", "Resource", "decode_html", "decompress"]

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_HEADERS = 100  # a response with more header lines is refused (h11 caps their size: 100 KiB)
ROBOTS_REDIRECTS = 5  # RFC 9309: follow at least five
# never kept in a FetchResult: cookies are secrets, and the content is already decoded
_DROPPED_HEADERS = frozenset({"set-cookie", "set-cookie2", "content-encoding"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


class _RedactURLs(logging.Filter):
    """Redact the URLs httpx logs ("HTTP Request: GET <url> ..." at INFO): tokens stay out."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_url(str(arg)) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


if not any(isinstance(f, _RedactURLs) for f in logging.getLogger("httpx").filters):
    logging.getLogger("httpx").addFilter(_RedactURLs())


def _declared_charset(content_type: str | None, body: bytes) -> str | None:
    if content_type:
        for param in content_type.split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
    found = _META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii", "replace").lower() if found else None


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode an HTML body: declared charset if it decodes cleanly, else detection.

    The text is fit for lxml: control characters that HTML never uses and XML refuses
    (NUL, C0 controls other than tab and line breaks, U+FFFE/U+FFFF) become U+FFFD.
    """
    text, encoding = _decode(body, content_type)
    if _UNPARSEABLE.search(text):
        text = _UNPARSEABLE.sub(_replacement, text)
    return text, encoding


_UNPARSEABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: Python codecs that are not web encodings: a page declaring one is decoded by detection.
_NOT_WEB_ENCODINGS = frozenset(
    {"unicode_escape", "raw_unicode_escape", "punycode", "idna", "undefined", "mbcs", "oem"}
)


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group() == "\x0c" else "\ufffd"  # a form feed is only whitespace


def _web_codec(label: str) -> str | None:
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name.replace("-", "_")
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_WEB_ENCODINGS:
        return None
    return name


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace"), "utf-8"
    declared = _declared_charset(content_type, body)
    if declared and _web_codec(declared):
        try:
            return body.decode(declared), declared
        except (LookupError, UnicodeError, ValueError, TypeError):
            logger.debug("declared charset %s does not decode the body; detecting", declared)
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect(body[:200_000])
    return body.decode(encoding, "replace"), encoding


#: Among encodings that fit a body equally well, the one a browser would pick (WHATWG's
#: default for the Western web), then the other common ones.
_PREFERRED = ("cp1252", "utf_8", "cp1251", "cp1250", "iso8859_15", "latin_1")


def _detect(body: bytes) -> str:
    """The encoding charset-normalizer finds, with ties broken towards windows-1252.

    Latin-1 Spanish or Portuguese fits cp1250, cp1252 and cp1257 equally well (no
    chaos, same coherence); charset-normalizer's first pick among equals is cp1250,
    which turns "ñ" into "ń" and "ã" into "ă".
    """
    matches = list(charset_normalizer.from_bytes(body))
    if not matches:
        return "cp1252"
    best = matches[0]
    tied = {
        m.encoding
        for m in matches
        if m.percent_chaos == best.percent_chaos and m.percent_coherence == best.percent_coherence
    }
    tied.update(best.could_be_from_charset)
    return next((name for name in _PREFERRED if name in tied), best.encoding)


def is_html(content_type: str | None, body: bytes) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


@dataclass
class _Trip:
    """One URL's journey: its deadline, cookies, redirect chain and attempts so far."""

    url: str
    seconds: float
    timer: asyncio.Timeout | None = None
    cookies: httpx.Cookies = field(default_factory=httpx.Cookies)
    attempts: int = 0
    headers: dict[str, str] = field(default_factory=dict)  # sent with every hop
    left: float | None = None  # seconds left while the clock is stopped

    def pause(self) -> None:
        """Stop the clock while the URL queues for a slot (before each attempt)."""
        if self.timer is not None and self.timer.when() is not None:
            self.left = self.remaining()
            self.timer.reschedule(None)

    def resume(self) -> None:
        """Run the clock again once the URL has its slot; the first time, start it."""
        if self.timer is not None and self.timer.when() is None:
            left = self.seconds if self.left is None else self.left
            self.timer.reschedule(asyncio.get_running_loop().time() + left)
            self.left = None

    def remaining(self) -> float:
        when = self.timer.when() if self.timer is not None else None
        if when is None:
            return self.seconds if self.left is None else self.left
        return when - asyncio.get_running_loop().time()


@dataclass(frozen=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Resource:
    """A fetched non-page resource (feed, sitemap, robots.txt): its bytes, decoded of
    Content-Encoding, or ``not_modified`` when a conditional GET found it unchanged."""

    url: str
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    not_modified: bool = False

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


#: The media types each resource kind accepts (besides any ``+xml`` / ``+json`` type).
RESOURCE_TYPES: dict[str, tuple[str, ...]] = {
    "html": HTML_TYPES,
    "xml": ("application/xml", "text/xml", "text/plain"),
    "json": ("application/json", "text/plain"),
    "text": ("text/plain",),
    "gzip": ("application/gzip", "application/x-gzip", "application/octet-stream"),
}


def _is_kind(content_type: str, kinds: tuple[str, ...]) -> bool:
    media = content_type.split(";")[0].strip().lower()
    if "xml" in kinds and media.endswith("+xml") or "json" in kinds and media.endswith("+json"):
        return True
    return any(media in RESOURCE_TYPES[kind] for kind in kinds)


def _check_settings(settings: Settings) -> None:
    for name in ("host_delay", "backoff_base", "backoff_cap", "retry_after_cap", "max_crawl_delay"):
        if getattr(settings, name) < 0:
            raise ConfigError(f"{name} must not be negative")
    if not 0 <= settings.retries <= 10:
        raise ConfigError("retries must be between 0 and 10")
    if settings.robots_timeout <= 0 or settings.robots_max_bytes < 1:
        raise ConfigError("robots_timeout and robots_max_bytes must be positive")
    if not settings.user_agent.isascii() or not settings.user_agent.isprintable():
        raise ConfigError(f"the user agent must be printable ASCII: {settings.user_agent!r}")


def _proxy_mounts(
    settings: Settings, limits: httpx.Limits
) -> dict[str, httpx.AsyncBaseTransport | None]:
    """Transports for the proxy in use: ``--proxy``, else the environment's (NO_PROXY too)."""
    if settings.proxy:
        proxies: dict[str, str | None] = {"all://": settings.proxy}
    elif settings.trust_env:
        from httpx._utils import get_environment_proxies  # what httpx itself reads

        proxies = get_environment_proxies()
    else:
        return {}
    try:
        return {
            pattern: None  # None: the direct, guarded transport (a NO_PROXY host)
            if proxy is None
            else httpx.AsyncHTTPTransport(proxy=proxy, limits=limits, trust_env=settings.trust_env)
            for pattern, proxy in proxies.items()
        }
    except (ValueError, TypeError, httpx.InvalidURL, ImportError) as exc:
        raise ConfigError(f"invalid proxy URL: {exc}") from None


class Fetcher:
    """Fetch HTML pages concurrently, politely and defensively.

    Use as an async context manager::

        async with Fetcher(settings) as fetcher:
            page = await fetcher.fetch("https://example.org/article")

    ``transport`` replaces the network (tests, WARC replay): the address guard does
    not apply to it, and robots.txt is not asked of an archive.
    """

    def __init__(
        self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        _check_settings(settings)
        self.settings = settings
        if transport is None and settings.archives:
            from .archive import ArchiveTransport

            transport = ArchiveTransport(settings.archives, max_bytes=settings.max_bytes)
        self._from_archive = transport is not None and getattr(transport, "is_archive", False)
        self._live = transport is None  # the network: the address guard applies
        self._allow_private = settings.allow_private
        timeout = httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        )
        limits = httpx.Limits(
            max_connections=settings.concurrency,
            max_keepalive_connections=settings.concurrency,
        )
        self._transport = transport
        self._timeout, self._limits = timeout, limits
        # now, not at the first request: a bad --proxy is a usage error before any work
        self._mounts = _proxy_mounts(settings, limits) if transport is None else {}
        self._client_made: httpx.AsyncClient | None = None  # made at the first request
        self._polite = Politeness(
            concurrency=settings.concurrency, per_host=settings.per_host, delay=settings.host_delay
        )
        self._retry = RetryPolicy(
            settings.retries, settings.backoff_base, settings.backoff_cap, settings.retry_after_cap
        )
        obey_robots = not settings.ignore_robots and not self._from_archive
        self._robots = RobotsCache(self._load_robots) if obey_robots else None

    @property
    def _client(self) -> httpx.AsyncClient:
        """The HTTP client, made at the first request: a lookup answered from the store
        never pays for its TLS contexts (about 50 ms)."""
        if self._client_made is None:
            settings, limits = self.settings, self._limits
            self._client_made = httpx.AsyncClient(
                transport=self._transport
                or guarded_transport(allow_private=settings.allow_private, limits=limits),
                mounts=self._mounts,
                trust_env=False,  # proxies from the environment are in ``mounts`` already
                timeout=self._timeout,
                follow_redirects=False,
                headers={
                    "User-Agent": settings.user_agent,
                    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                    "Accept-Encoding": ACCEPT_ENCODING,
                },
                limits=limits,
            )
            # cookies never outlive one URL's redirect chain (see _Trip): the client keeps none
            self._client_made.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        return self._client_made

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._robots is not None:
            await self._robots.aclose()
        if self._client_made is not None:
            await self._client_made.aclose()

    async def fetch(self, url: str) -> FetchResult:
        """Fetch one HTML page, following up to ``max_redirects`` redirects.

        Raises a :class:`FetchError` subclass with a one-line reason.
        """
        trip = _Trip(normalize_url(url), self.settings.total_timeout)
        final, chain, response = await self._timed(trip)
        return self._page(trip.url, final, chain, response)

    async def fetch_resource(
        self,
        url: str,
        *,
        kinds: tuple[str, ...] = ("xml",),
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Resource:
        """Fetch a feed, sitemap, robots.txt or other non-page resource, by conditional GET.

        ``kinds`` are the content kinds accepted (``xml``, ``json``, ``text``, ``gzip``,
        ``html``); ``etag`` and ``last_modified`` are the validators of the copy held:
        a 304 answer gives ``not_modified=True`` and no content. Everything else is
        as for :meth:`fetch`: guard, robots.txt, politeness, retries, caps, deadline.
        Content-Encoding is undone; a gzip *file* (a ``.xml.gz`` sitemap) is returned
        as it is (undo it with the bounded :func:`decompress`).
        """
        unknown = set(kinds) - set(RESOURCE_TYPES)
        if unknown:
            raise ValueError(f"unknown resource kinds: {sorted(unknown)}")
        trip = _Trip(normalize_url(url), self.settings.total_timeout)
        if etag:
            trip.headers["If-None-Match"] = etag
        if last_modified:
            trip.headers["If-Modified-Since"] = last_modified
        final, _, response = await self._timed(trip)
        headers = tuple((k, v) for k, v in response.headers.items() if k not in _DROPPED_HEADERS)
        if response.status == 304:
            return Resource(trip.url, final, 304, headers, b"", not_modified=True)
        if response.status >= 400:
            phrase = httpx.codes.get_reason_phrase(response.status)
            raise FetchError(f"HTTP {response.status} {phrase}".rstrip(), url=trip.url)
        content_type = response.headers.get("content-type")
        if content_type and not _is_kind(content_type, kinds):
            shown = content_type.split(";")[0].strip()
            raise FetchError(
                f"unexpected Content-Type {shown} (wanted {' or '.join(kinds)})", url=trip.url
            )
        return Resource(trip.url, final, response.status, headers, response.body)

    async def fetch_many(self, urls: Iterable[str]) -> list[FetchResult | FetchError]:
        """Fetch several pages concurrently; failures are returned, not raised."""

        async def one(u: str) -> FetchResult | FetchError:
            try:
                return await self.fetch(u)
            except FetchError as exc:
                return exc
            except Exception as exc:  # a bug must cost one URL, not the batch
                logger.warning("unexpected error fetching %s", redact_url(u), exc_info=True)
                return FetchError(f"unexpected error: {type(exc).__name__}: {exc}", url=u)

        return list(await asyncio.gather(*(one(u) for u in urls)))

    # -- one URL: hops ----------------------------------------------------------------------

    async def _timed(self, trip: _Trip) -> tuple[str, list[Redirect], _Response]:
        """Follow ``trip`` under its deadline, which starts at its first request."""
        timer = asyncio.timeout(None)  # set at the first request: queueing is not counted
        trip.timer = timer
        try:
            async with timer:
                return await self._follow(trip)
        except TimeoutError as exc:
            if not timer.expired():
                raise
            raise FetchError(
                f"no complete response within {trip.seconds:g}s"
                + (f" ({trip.attempts} attempts)" if trip.attempts > 1 else ""),
                url=trip.url,
            ) from exc

    async def _follow(self, trip: _Trip) -> tuple[str, list[Redirect], _Response]:
        """(final URL, redirect chain, final response) of ``trip``, every hop checked."""
        url = trip.url
        chain: list[Redirect] = []
        seen = {url}
        current = url
        while True:
            await self._admit(current, trip)
            response = await self._request(current, trip, limit=self.settings.max_bytes)
            location = response.headers.get("location")
            if response.status in REDIRECT_STATUSES and location:
                try:
                    target = normalize_url(urljoin(current, location))
                except (InvalidURLError, ValueError) as exc:
                    raise FetchError(f"redirect to an invalid URL: {exc}", url=url) from exc
                chain.append(Redirect(url=current, status=response.status, location=target))
                if target in seen:
                    raise TooManyRedirects(f"redirect loop at {redact_url(target)}", url=url)
                if len(chain) > self.settings.max_redirects:
                    raise TooManyRedirects(
                        f"more than {self.settings.max_redirects} redirects", url=url
                    )
                seen.add(target)
                current = target
                continue
            return current, chain, response

    def _page(
        self, url: str, current: str, chain: list[Redirect], response: _Response
    ) -> FetchResult:
        """The HTML page a final response holds, or the reason it holds none."""
        status, headers, body = response.status, response.headers, response.body
        if status >= 400:
            phrase = httpx.codes.get_reason_phrase(status)
            raise FetchError(f"HTTP {status} {phrase}".rstrip(), url=url)
        content_type = headers.get("content-type")
        if not is_html(content_type, body):
            shown = (content_type or "unknown").split(";")[0]
            raise NotHTMLError(f"not an HTML page (Content-Type: {shown})", url=url)
        if not body.strip():
            raise FetchError("empty page", url=url)
        text, encoding = decode_html(body, content_type)
        fetched_at = datetime.now(UTC)
        if self._from_archive and headers.get("x-archive-date"):
            try:
                fetched_at = datetime.fromisoformat(headers["x-archive-date"])
            except ValueError:
                pass
        elif headers.get("date"):
            try:
                fetched_at = parsedate_to_datetime(headers["date"]).astimezone(UTC)
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        return FetchResult(
            url=url,
            final_url=current,
            status=status,
            headers=tuple((k, v) for k, v in headers.items() if k not in _DROPPED_HEADERS),
            content=body,
            text=text,
            encoding=encoding,
            redirects=tuple(chain),
            fetched_at=fetched_at,
            from_archive=self._from_archive,
        )

    async def _admit(self, url: str, trip: _Trip) -> None:
        """Refuse ``url`` (a hop of ``trip``) if the guard or robots.txt forbids it."""
        await self._check_literal(url, trip.url, hop=url)
        if self._robots is None or urlsplit(url).path == "/robots.txt":
            return  # robots.txt itself is always fetchable (RFC 9309)
        rules = await self._robots.rules_for(url)
        hop = "" if url == trip.url else f"redirected to {redact_url(url)}: "
        if not rules.allows(url, self.settings.user_agent):
            reason = rules.disallow_all or "robots.txt disallows it for our User-Agent"
            raise RobotsDisallowed(hop + reason, url=trip.url)
        delay = rules.crawl_delay(self.settings.user_agent)
        if delay:
            self._polite.slow_down(urlsplit(url).netloc, min(delay, self.settings.max_crawl_delay))

    async def _check_literal(self, url: str, reported: str, *, hop: str | None = None) -> None:
        """An IP-literal host is checked here, whatever the route (proxy or not)."""
        if not self._live:
            return
        host = urlsplit(url).hostname or ""
        address = literal_address(host)
        if address is None:
            return  # a name: checked when resolved (direct), or resolved by the proxy
        try:
            check(host, address, allow_private=self._allow_private)
        except AddressRefused as exc:
            raise _blocked(exc, reported, hop=hop) from None

    # -- one hop: attempts ------------------------------------------------------------------

    async def _request(
        self, url: str, trip: _Trip, *, limit: int, robots: bool = False
    ) -> _Response:
        """GET ``url``, retrying transient failures; a final non-retryable answer is returned."""
        policy = self._retry
        attempt = 0
        while True:
            attempt += 1
            trip.attempts += 1
            try:
                return await self._attempt(url, trip, limit=limit, robots=robots)
            except Transient as failure:
                reason = failure.reason
                if attempt > policy.retries:
                    tries = f" (gave up after {attempt} attempts)" if attempt > 1 else ""
                    raise FetchError(reason + tries, url=trip.url) from None
                wait = policy.backoff(attempt)
                if failure.retry_after is not None:
                    if failure.retry_after > policy.retry_after_cap:
                        raise FetchError(
                            f"{reason}: Retry-After asks for {failure.retry_after:g}s, more than "
                            f"the {policy.retry_after_cap:g}s we wait",
                            url=trip.url,
                        ) from None
                    wait = failure.retry_after
                    loop = asyncio.get_running_loop()
                    self._polite.gate(urlsplit(url).netloc).pause(loop.time() + wait)
                if wait >= trip.remaining():
                    raise FetchError(
                        f"{reason}; no time left to retry within {trip.seconds:g}s "
                        f"(after {attempt} attempt{'s' if attempt > 1 else ''})",
                        url=trip.url,
                    ) from None
                logger.info(
                    "retrying %s in %.1fs (attempt %d failed: %s)",
                    redact_url(url),
                    wait,
                    attempt,
                    reason,
                )
                await asyncio.sleep(wait)

    async def _attempt(self, url: str, trip: _Trip, *, limit: int, robots: bool) -> _Response:
        host = urlsplit(url).netloc
        trip.pause()  # time queued for a slot (behind other URLs of the host) is not counted
        async with self._polite.slot(host, spaced=not robots):
            trip.resume()
            try:
                request = self._client.build_request("GET", url, headers=trip.headers)
            except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
                raise InvalidURLError(f"malformed URL: {exc}", url=trip.url) from exc
            trip.cookies.set_cookie_header(request)
            try:
                response = await self._client.send(request, stream=True)
            except NotInArchiveError:
                raise
            except AddressRefused as exc:
                raise _blocked(exc, trip.url, hop=url) from None
            except ResolutionFailed as exc:
                raise FetchError(str(exc), url=trip.url) from exc
            except httpx.HTTPError as exc:
                raise _failure(transport_failure(exc), trip.url) from exc
            try:
                trip.cookies.extract_cookies(response)
                status = response.status_code
                logger.info('HTTP Request: GET %s "%d"', redact_url(url), status)
                headers = _checked_headers(response, trip.url)
                if status in RETRY_STATUSES:
                    phrase = httpx.codes.get_reason_phrase(status)
                    raise Transient(
                        f"HTTP {status} {phrase}".rstrip(),
                        retry_after=parse_retry_after(headers.get("retry-after")),
                    )
                if status in REDIRECT_STATUSES or status >= 300 and robots or status >= 400:
                    return _Response(status, headers, b"")
                body = await _read_body(response, headers, trip.url, limit, truncate=robots)
            except httpx.HTTPError as exc:
                raise _failure(transport_failure(exc, reading_body=True), trip.url) from exc
            finally:
                await response.aclose()
        return _Response(status, headers, body)

    # -- robots.txt -------------------------------------------------------------------------

    async def _load_robots(self, robots_url: str) -> RobotsRules:
        """The rules at ``robots_url``; never raises (a failure is a verdict, per RFC 9309)."""
        trip = _Trip(robots_url, self.settings.robots_timeout)
        try:
            async with asyncio.timeout(self.settings.robots_timeout) as timer:
                trip.timer = timer
                current = robots_url
                for _ in range(ROBOTS_REDIRECTS + 1):
                    await self._check_literal(current, robots_url)
                    response = await self._request(
                        current, trip, limit=self.settings.robots_max_bytes, robots=True
                    )
                    location = response.headers.get("location")
                    if 300 <= response.status < 400:
                        if not location:
                            return rules_from_response(response.status, b"")
                        current = normalize_url(urljoin(current, location))
                        continue
                    rules = rules_from_response(response.status, response.body)
                    logger.debug("robots.txt %s: HTTP %d", robots_url, response.status)
                    return rules
                return ALLOW_ALL  # RFC 9309: past five redirects, robots.txt is "unavailable"
        except TimeoutError:
            rules = unreachable(f"no answer within {self.settings.robots_timeout:g}s")
        except (FetchError, ValueError) as exc:  # ValueError: urljoin on a broken Location
            rules = unreachable(str(exc))
        logger.info("robots.txt %s: %s", robots_url, rules.disallow_all)
        return rules


def _blocked(exc: AddressRefused, url: str, *, hop: str | None = None) -> BlockedAddressError:
    via = f"redirected to {redact_url(hop)}: " if hop and hop != url else ""
    advice = " (--allow-private allows it)" if exc.kind in ("loopback", "private") else ""
    return BlockedAddressError(f"refused: {via}{exc}{advice}", url=url)


def _failure(failure: Transient | str, url: str) -> Exception:
    if isinstance(failure, Transient):
        return failure
    if failure.startswith("malformed response"):
        return BadResponseError(failure, url=url)
    return FetchError(failure, url=url)


def _digits(value: str) -> bool:
    return value.isascii() and value.isdigit()  # str.isdigit alone accepts "²" and "٣"


def _checked_headers(response: httpx.Response, url: str) -> dict[str, str]:
    """The response headers (names lower-cased); absurd ones are refused."""
    raw = response.headers.raw
    if len(raw) > MAX_HEADERS:
        raise BadResponseError(
            f"malformed response: {len(raw)} header lines (at most {MAX_HEADERS} accepted)",
            url=url,
        )
    headers = {k.lower(): v for k, v in response.headers.items()}
    declared = headers.get("content-length")
    if declared is not None and not _digits(declared.strip()):
        raise BadResponseError(f"malformed response: Content-Length {declared[:40]!r}", url=url)
    return headers


async def _read_body(
    response: httpx.Response, headers: dict[str, str], url: str, limit: int, *, truncate: bool
) -> bytes:
    """The body, decoded while it streams in; never more than ``limit`` bytes, raw or decoded.

    ``truncate`` (robots.txt): stop at the limit instead of failing.
    """
    declared = headers.get("content-length", "").strip()
    if not truncate and _digits(declared) and int(declared) > limit:
        raise TooLargeError(f"body of {int(declared)} bytes exceeds the cap of {limit}", url=url)
    decoder = BodyDecoder(headers.get("content-encoding"), limit=limit, url=url)
    size = 0
    try:
        async for chunk in response.aiter_raw():
            size += len(chunk)
            if size > limit:
                if truncate:
                    decoder.feed(chunk[: len(chunk) - (size - limit)])
                    return decoder.partial()[:limit]
                raise TooLargeError(f"body exceeds the cap of {limit} bytes", url=url)
            decoder.feed(chunk)
    except TooLargeError:
        if truncate:
            return decoder.partial()[:limit]
        raise
    if truncate:
        try:
            return decoder.finish()
        except FetchError:
            return decoder.partial()[:limit]
    return decoder.finish()
