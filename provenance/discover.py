"""Discovery: article URLs from feeds (RSS, Atom, JSON Feed), sitemaps and home pages.

Every XML document is first parsed with defusedxml, which refuses entity
declarations and external references (billion laughs, XXE) before feedparser or
our sitemap reader sees it. Gzipped sitemaps are inflated with the same bounded
decoder as HTTP bodies.
"""

from __future__ import annotations

import json
import logging
import re
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException
from lxml import etree
from lxml import html as lxml_html

from .codings import decompress
from .errors import DiscoveryError
from .urls import resolve

__all__ = [
    "Discovered",
    "HostileXMLError",
    "feed_links",
    "parse_feed",
    "parse_sitemap",
    "robots_sitemaps",
    "safe_xml",
]

logger = logging.getLogger(__name__)

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)
MAX_ENTRIES = 50_000  # the sitemap protocol's own limit per file


@dataclass(frozen=True)
class Discovered:
    """An article URL found by discovery, with what the feed or sitemap says of it."""

    url: str
    source: str  # the feed or sitemap it came from
    published: str | None = None
    title: str | None = None


class HostileXMLError(DiscoveryError):
    """XML that declares entities or reaches for external resources."""


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY|<!DOCTYPE[^>]*\[", re.I)


def safe_xml(content: bytes, url: str) -> Element:
    """Parse XML, refusing DTD entities and external references."""
    try:
        root: Element = SafeET.fromstring(
            content, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        return root
    except DefusedXmlException as exc:
        raise HostileXMLError(f"{url}: refused hostile XML ({type(exc).__name__})") from exc
    except (ParseError, ValueError) as exc:
        raise DiscoveryError(f"{url}: not well-formed XML: {exc}") from exc


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(timegm(struct), UTC).isoformat(timespec="seconds")
    except (TypeError, ValueError, OverflowError):
        return None


def parse_feed(content: bytes, url: str) -> list[Discovered]:
    """Entries of an RSS, Atom or JSON Feed document."""
    content = content.lstrip(b"\xef\xbb\xbf \t\r\n")
    if content[:1] in (b"{", b"["):
        return _json_feed(content, url)
    # Refuse hostile XML before feedparser's lenient parser sees it; a feed that is merely
    # not well-formed (common) is left to feedparser, once it is known to declare no entity.
    try:
        safe_xml(content, url)
    except HostileXMLError:
        raise
    except DiscoveryError:
        if _ENTITY_DECLARATION.search(content):
            raise HostileXMLError(f"{url}: refused XML that declares entities") from None
    try:
        parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - its lenient parser can trip on malformed markup
        raise DiscoveryError(f"{url}: not a feed (the parser failed: {exc!r})") from None
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS, Atom or RDF root"
        raise DiscoveryError(f"{url}: not a feed ({reason})")
    found: list[Discovered] = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = entry.get("link") or entry.get("id") or ""
        absolute = resolve(url, str(link))
        if absolute is None:
            continue
        published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        found.append(Discovered(absolute, url, published, entry.get("title")))
    return found


def _json_feed(content: bytes, url: str) -> list[Discovered]:
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DiscoveryError(f"{url}: not a JSON Feed: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise DiscoveryError(f"{url}: not a JSON Feed (no 'items' list)")
    found: list[Discovered] = []
    for item in data["items"][:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or item.get("id")
        absolute = resolve(url, link) if isinstance(link, str) else None
        if absolute is None:
            continue
        published = item.get("date_published") or item.get("date_modified")
        title = item.get("title")
        found.append(
            Discovered(
                absolute,
                url,
                published if isinstance(published, str) else None,
                title if isinstance(title, str) else None,
            )
        )
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_sitemap(content: bytes, url: str, *, limit: int) -> tuple[list[Discovered], list[str]]:
    """(article URLs, child sitemaps) of a sitemap or sitemap index, gzipped or not.

    Google News sitemaps give the publication date and title of each article.
    """
    if content[:2] == b"\x1f\x8b":
        content = decompress(content, "gzip", limit=limit, url=url)
    root = safe_xml(content, url)
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise DiscoveryError(f"{url}: not a sitemap (root element <{kind}>)")
    urls: list[Discovered] = []
    children: list[str] = []
    for entry in list(root)[:MAX_ENTRIES]:
        fields: dict[str, str] = {}
        for element in entry.iter():
            name = _local(element.tag)
            if element.text and element.text.strip() and name not in fields:
                fields[name] = element.text.strip()
        loc = resolve(url, fields.get("loc", ""))
        if loc is None:
            continue
        if kind == "sitemapindex":
            children.append(loc)
        else:
            published = fields.get("publication_date") or fields.get("lastmod")
            urls.append(Discovered(loc, url, published, fields.get("title")))
    return urls, children


def feed_links(html: str, url: str) -> list[str]:
    """Feeds a home page announces with <link rel="alternate" type="...">."""
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            absolute = resolve(url, link.get("href") or "")
            if absolute and absolute not in found:
                found.append(absolute)
    return found


def robots_sitemaps(text: str, url: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt."""
    found: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap":
            absolute = resolve(url, value.strip())
            if absolute and absolute not in found:
                found.append(absolute)
    return found
