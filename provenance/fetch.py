"""Fetching pages with httpx: redirects, timeouts, size caps, charsets, concurrency.

The :class:`Fetcher` owns one :class:`httpx.AsyncClient` (connection reuse) and
follows redirects itself so that every hop is checked and recorded. Bodies are
read raw and decompressed here with a bounded decoder, so a small compressed
body cannot expand past ``Settings.max_bytes``.
"""

from __future__ import annotations

import asyncio
import logging
import re
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import httpx

from .config import Settings
from .errors import (
    FetchError,
    InvalidURLError,
    NotHTMLError,
    NotInArchiveError,
    TooLargeError,
    TooManyRedirects,
)
from .models import FetchResult, Redirect
from .urls import normalize_url

__all__ = ["Fetcher", "decode_html", "decompress"]

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def decompress(body: bytes, encoding_header: str | None, *, limit: int, url: str) -> bytes:
    """Undo Content-Encoding (gzip/deflate, stacked in any order), never producing > ``limit``."""
    if not encoding_header:
        return body
    codings = [c.strip().lower() for c in encoding_header.split(",") if c.strip()]
    for coding in reversed(codings):  # the last applied coding is listed last
        if coding in ("identity", ""):
            continue
        if coding in ("gzip", "x-gzip"):
            body = _inflate(body, 16 + zlib.MAX_WBITS, limit=limit, url=url)
        elif coding == "deflate":
            try:
                body = _inflate(body, zlib.MAX_WBITS, limit=limit, url=url)
            except FetchError:
                body = _inflate(body, -zlib.MAX_WBITS, limit=limit, url=url)  # raw deflate
        else:
            raise FetchError(f"unsupported Content-Encoding {coding!r}", url=url)
    return body


def _inflate(data: bytes, wbits: int, *, limit: int, url: str) -> bytes:
    decoder = zlib.decompressobj(wbits)
    try:
        out = decoder.decompress(data, limit + 1)
    except zlib.error as exc:
        raise FetchError(f"corrupt compressed body: {exc}", url=url) from exc
    if len(out) > limit:
        raise TooLargeError(f"body decompresses to more than {limit} bytes", url=url)
    return out


def _declared_charset(content_type: str | None, body: bytes) -> str | None:
    if content_type:
        for param in content_type.split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
    found = _META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii", "replace").lower() if found else None


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode an HTML body: declared charset if it decodes cleanly, else detection."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace"), "utf-8"
    declared = _declared_charset(content_type, body)
    if declared:
        try:
            return body.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            logger.debug("declared charset %s does not decode the body; detecting", declared)
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    encoding = best.encoding if best is not None else "windows-1252"
    return body.decode(encoding, "replace"), encoding


def is_html(content_type: str | None, body: bytes) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


class Fetcher:
    """Fetch HTML pages concurrently, with a per-host limit.

    Use as an async context manager::

        async with Fetcher(settings) as fetcher:
            page = await fetcher.fetch("https://example.org/article")

    ``transport`` replaces the network (tests, WARC replay).
    """

    def __init__(
        self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        if transport is None and settings.archives:
            from .archive import ArchiveTransport

            transport = ArchiveTransport(settings.archives)
        self._from_archive = transport is not None and getattr(transport, "is_archive", False)
        timeout = httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        )
        self._client = httpx.AsyncClient(
            transport=transport,
            proxy=None if transport is not None else settings.proxy,
            trust_env=settings.trust_env and transport is None,
            timeout=timeout,
            follow_redirects=False,
            headers={
                "User-Agent": settings.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
            limits=httpx.Limits(
                max_connections=settings.concurrency,
                max_keepalive_connections=settings.concurrency,
            ),
        )
        self._all = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}

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
        await self._client.aclose()

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        return self._hosts[host]

    async def fetch(self, url: str) -> FetchResult:
        """Fetch one HTML page, following up to ``max_redirects`` redirects.

        Raises a :class:`FetchError` subclass with a one-line reason.
        """
        url = normalize_url(url)
        try:
            async with asyncio.timeout(self.settings.total_timeout):
                return await self._fetch(url)
        except TimeoutError as exc:
            raise FetchError(
                f"no complete response within {self.settings.total_timeout:g}s", url=url
            ) from exc

    async def fetch_many(self, urls: Iterable[str]) -> list[FetchResult | FetchError]:
        """Fetch several pages concurrently; failures are returned, not raised."""

        async def one(u: str) -> FetchResult | FetchError:
            try:
                return await self.fetch(u)
            except FetchError as exc:
                return exc

        return list(await asyncio.gather(*(one(u) for u in urls)))

    async def _fetch(self, url: str) -> FetchResult:
        chain: list[Redirect] = []
        seen = {url}
        current = url
        while True:
            status, headers, body = await self._get(current)
            if status in REDIRECT_STATUSES and headers.get("location"):
                location = headers["location"]
                try:
                    target = normalize_url(urljoin(current, location))
                except InvalidURLError as exc:
                    raise FetchError(f"redirect to an invalid URL: {exc}", url=url) from exc
                chain.append(Redirect(url=current, status=status, location=target))
                if target in seen:
                    raise TooManyRedirects(f"redirect loop at {target}", url=url)
                if len(chain) > self.settings.max_redirects:
                    raise TooManyRedirects(
                        f"more than {self.settings.max_redirects} redirects", url=url
                    )
                seen.add(target)
                current = target
                continue
            break
        if status >= 400:
            raise FetchError(f"HTTP {status}", url=url)
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
            except (TypeError, ValueError):
                pass
        return FetchResult(
            url=url,
            final_url=current,
            status=status,
            headers=tuple(headers.items()),
            content=body,
            text=text,
            encoding=encoding,
            redirects=tuple(chain),
            fetched_at=fetched_at,
            from_archive=self._from_archive,
        )

    async def _get(self, url: str) -> tuple[int, dict[str, str], bytes]:
        limit = self.settings.max_bytes
        async with self._all, self._host_slot(url):
            try:
                request = self._client.build_request("GET", url)
                response = await self._client.send(request, stream=True)
            except NotInArchiveError:
                raise
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out ({type(exc).__name__})", url=url) from exc
            except httpx.ProxyError as exc:
                raise FetchError(f"proxy refused the request: {exc}", url=url) from exc
            except httpx.ConnectError as exc:
                raise FetchError(
                    f"could not connect: {exc or 'connection failed'}", url=url
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}", url=url) from exc
            try:
                headers = {k.lower(): v for k, v in response.headers.items()}
                logger.info('HTTP Request: GET %s "%d"', url, response.status_code)
                if response.status_code in REDIRECT_STATUSES or response.status_code >= 400:
                    return response.status_code, headers, b""
                declared = headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise TooLargeError(
                        f"body of {int(declared)} bytes exceeds the cap of {limit}", url=url
                    )
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_raw():
                    size += len(chunk)
                    if size > limit:
                        raise TooLargeError(f"body exceeds the cap of {limit} bytes", url=url)
                    chunks.append(chunk)
            except httpx.TimeoutException as exc:
                raise FetchError(
                    f"timed out reading the body ({type(exc).__name__})", url=url
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(
                    f"body could not be read: {type(exc).__name__}: {exc}", url=url
                ) from exc
            finally:
                await response.aclose()
        body = decompress(b"".join(chunks), headers.get("content-encoding"), limit=limit, url=url)
        return response.status_code, headers, body
