"""HTML to :class:`Article`: main text (trafilatura), metadata and attribution signals."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

from lxml import etree
from lxml import html as lxml_html

from .attribution import find_line_signals, find_meta_signals
from .errors import ExtractError
from .evidence import names_outlet
from .models import Article
from .urls import outlet_of, resolve

__all__ = ["extract", "extract_text_document"]

logger = logging.getLogger(__name__)

_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")


def _plain(text: str) -> str:
    """Text without the [label](url) markup trafilatura adds for links: labels only."""
    return _MARKDOWN_LINK.sub(r"\1", text)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _parse(html: str, url: str) -> lxml_html.HtmlElement:
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str with an encoding declaration
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"not parseable as HTML: {exc}", url=url) from exc
    return tree


def _meta(tree: lxml_html.HtmlElement, *keys: str) -> str | None:
    wanted = {k.lower() for k in keys}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and (meta.get("content") or "").strip():
            return (meta.get("content") or "").strip()
    return None


def _canonical(tree: lxml_html.HtmlElement, url: str) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return resolve(url, link.get("href") or "")
    return None


def _iso_date(value: str) -> str | None:
    """A stated date as ISO-8601, keeping its precision (a bare date stays a bare date)."""
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value[:10] if len(value) <= 10 else parsed.isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()  # RFC 2822, as in feeds
    except (TypeError, ValueError, IndexError):
        pass
    day = _DOTTED_DATE.match(value)
    if day:
        d, m, y = (int(x) for x in day.groups())
        try:
            return date(y, m, d).isoformat()
        except ValueError:
            return None
    return None


_DOTTED_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "pubdate",
    "publish-date",
    "date",
)


def _stated_date(tree: lxml_html.HtmlElement) -> str | None:
    """The publication date the page states in its markup, with its time when it gives one."""
    for key in _DATE_META:
        value = _meta(tree, key)
        if value and (found := _iso_date(value)):
            return found
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                value = node.get("datePublished")
                if isinstance(value, str) and (found := _iso_date(value)):
                    return found
                stack.extend(v for v in node.values() if isinstance(v, list | dict))
    for element in tree.iter("time"):
        marked = element.get("itemprop") == "datePublished" or "publish" in (
            element.get("class") or ""
        )
        if (
            marked
            and element.get("datetime")
            and (found := _iso_date(element.get("datetime") or ""))
        ):
            return found
    return None


def extract(html: str, url: str, *, now: datetime | None = None) -> Article:
    """Extract the article of an HTML page fetched from ``url``.

    Raises :class:`ExtractError` when the page holds no article text.
    """
    import trafilatura  # imported when first needed: a stored lookup never extracts
    from trafilatura.settings import Document

    tree = _parse(html, url)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_links=True,
            include_comments=False,
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                # a page cannot be newer than its fetch (archives replay the past)
                "max_date": ((now or datetime.now(UTC)) + timedelta(days=1)).strftime("%Y-%m-%d"),
            },
        )
    except Exception as exc:  # trafilatura raises bare exceptions on odd markup
        raise ExtractError(f"extraction failed: {type(exc).__name__}: {exc}", url=url) from exc
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        raise ExtractError("no article text found on the page", url=url)
    links: list[str] = []
    if doc.body is not None:
        for ref in doc.body.iter("ref"):
            target = resolve(url, ref.get("target") or "")
            if target and target not in links:
                links.append(target)
    signals = find_line_signals(tree, url)
    meta_signals, noindex = find_meta_signals(tree, url)
    published = _stated_date(tree) or doc.date or None
    language = (tree.get("lang") or "").split("-")[0].lower() or doc.language or None
    authors = tuple(a.strip() for a in re.split(r";|,| and ", doc.author or "") if a.strip())
    article = Article(
        url=url,
        outlet=outlet_of(url),
        text=_plain(str(doc.text)).strip(),
        title=doc.title or _meta(tree, "og:title"),
        authors=authors,
        published=published,
        site_name=_meta(tree, "og:site_name") or doc.sitename or None,
        language=language,
        canonical=_canonical(tree, url),
        og_url=resolve(url, _meta(tree, "og:url") or ""),
        links=tuple(links),
        signals=tuple(signals + meta_signals),
        noindex=noindex,
    )
    own = [
        s
        for s in article.signals
        if s.target and not s.target.startswith("http") and names_outlet(s.target, article)
    ]
    return dataclasses.replace(article, signals=tuple(s for s in article.signals if s not in own))


def extract_text_document(text: str, name: str) -> Article:
    """An :class:`Article` for plain text a user holds only as a copy (no URL, no metadata)."""
    text = text.strip()
    if not text:
        raise ExtractError("the text is empty", url=name)
    tree = lxml_html.fragment_fromstring("<div></div>")
    for line in text.splitlines():
        p = etree.SubElement(tree, "p")
        p.text = line
    return Article(
        url=name,
        outlet="(local copy)",
        text=text,
        signals=tuple(find_line_signals(tree, "file:///local")),
    )
