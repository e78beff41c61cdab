"""The catalogue of attribution signals: lines, datelines, wire credits and meta tags.

Signals are looked for in the whole page, not only in the extracted text, so a
footer such as "The original source of this article is X" counts even where the
boilerplate remover drops it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from lxml import html as lxml_html

from .models import Evidence
from .urls import outlet_of, resolve

__all__ = ["WIRE_AGENCIES", "find_line_signals", "find_meta_signals"]

# "<statement> X" in several languages; X is what follows, up to the end of the line.
_STATEMENTS = [
    # English
    r"the original source of this article is",
    r"this article was originally published (?:by|on|at|in)",
    r"(?:this (?:article|story|piece|report) )?(?:was )?(?:originally|first) "
    r"(?:published|appeared|posted|ran|printed|aired) (?:by|on|at|in)",
    r"(?:this (?:article|story|piece|report) )?(?:ran|appeared) "
    r"(?:originally |first )?(?:on|in|at)",
    r"continue reading (?:at|on)",
    r"(?:h/t|hat tip(?: to)?)",
    r"republished (?:with permission )?(?:from|by)",
    r"reprinted (?:with permission )?(?:from|by)",
    r"(?:this (?:article|story) )?(?:is )?(?:re)?posted (?:with permission )?from",
    r"courtesy of",
    r"via",
    r"source",
    r"original(?: article| source)?",
    r"read (?:the )?(?:original|more) (?:article )?(?:at|on)",
    # French
    r"cet article (?:a été|est) (?:initialement|d'abord|originellement) "
    r"(?:publié|paru) (?:par|sur|dans)",
    r"(?:initialement|d'abord) (?:publié|paru) (?:par|sur|dans)",
    r"source(?:s)? ?",
    # German
    r"quellen?",
    r"(?:dieser (?:artikel|beitrag|text)|der (?:artikel|beitrag)) (?:erschien|ist|wurde) "
    r"(?:zuerst|ursprünglich|erstmals) (?:erschienen |veröffentlicht )?"
    r"(?:bei|beim|auf|in|im|in der|von|vom)",
    r"(?:zuerst|ursprünglich|erstmals) (?:erschienen|veröffentlicht) "
    r"(?:bei|beim|auf|in|im|in der|von|vom)",
    # Dutch, Polish, Scandinavian, Finnish
    r"bron",
    r"oorspronkelijk gepubliceerd (?:door|op|in|bij)",
    r"źródło",
    r"(?:kilde|källa|lähde)",
    # Spanish
    r"fuentes?",
    r"(?:este artículo )?(?:fue )?publicado (?:originalmente|originariamente) (?:en|por)",
    # Italian
    r"fontes?",
    r"(?:questo articolo )?(?:è stato )?pubblicato "
    r"(?:originariamente|originalmente|per la prima volta) (?:su|da|in)",
    # Portuguese
    r"fontes?",
    r"(?:este artigo )?(?:foi )?publicado originalmente (?:em|por|no|na)",
    # Russian
    r"источник(?:и)?",
    r"первоисточник",
    r"(?:статья )?(?:впервые|первоначально) опубликована (?:на|в)",
]
_ATTRIBUTION = re.compile(
    r"^\W{0,3}(?P<statement>"
    + "|".join(f"(?:{s})" for s in _STATEMENTS)
    + r")(?!\w)\s*(?P<separator>[:\-–—]?)\s*"
    r"(?P<target>\S.{0,120}?)[\s.!]*$",
    re.IGNORECASE | re.UNICODE,
)
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)
_WEAK = re.compile(
    r"^(?:via|sources?\s?|original(?: article| source)?|fontes?|fuentes?|quellen?|"
    r"источник(?:и)?|bron|źródło|kilde|källa|lähde|h/t|hat tip(?: to)?)$",
    re.I,
)

#: Wire and syndication agencies, as credited in bylines and datelines.
WIRE_AGENCIES = {
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "Agence France-Presse": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "TASS": "TASS",
    "ТАСС": "TASS",
    "RIA Novosti": "RIA Novosti",
    "РИА Новости": "RIA Novosti",
    "Xinhua": "Xinhua",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "UPI": "United Press International",
    "Bloomberg": "Bloomberg",
    "PA": "PA Media",
}
_WIRE = re.compile(
    r"\((?P<agency>" + "|".join(re.escape(a) for a in WIRE_AGENCIES) + r")\)\s*[—–-]",
)
# "HALVERSUND, Osterland (NPA) —": an agency we do not know, in a dateline
_WIRE_DATELINE = re.compile(
    r"^[A-ZÀ-ÞА-Я][\w'.-]*(?:[ ,]+[\w'.-]+){0,4}\s*\((?P<agency>[A-ZА-Я]{2,6})\)\s*[—–-]"
)
_AGENCY_WORDS = (
    r"(?:Agency|Wire|Press|News Service|Newswire|Wire Service|Press Association|News Agency|"
    r"Agence|Agentur|Agencia|Agenzia|Agência)"
)
_AGENCY_NAME = (
    r"(?P<name>(?:[A-ZÀ-Þ][\w&.'-]*\s+){0,4}" + _AGENCY_WORDS + r"(?:\s+[A-ZÀ-Þ][\w&.'-]*){0,2})"
)
# "By Osprey Wire Agency", "Reporting by Nordpress Agency; additional reporting by ..."
_WIRE_BYLINE = re.compile(
    r"^(?:by|reporting by|written by|von|par|por|di|de)\s+" + _AGENCY_NAME + r"\s*(?:[;,.]|$)",
    re.IGNORECASE,
)
# "© 2026 Nordpress Agency", "Copyright 2026 Osprey Wire Agency. All rights reserved."
_WIRE_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s+)?" + _AGENCY_NAME + r"\b", re.IGNORECASE
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    r"^(?P<name>[^\W\d][\w .'&-]{1,60}?)[\s,]+(?P<date>\d{1,2} "
    + _MONTHS
    + r",? \d{4}|"
    + _MONTHS
    + r" \d{1,2},? \d{4})$",
    re.IGNORECASE,
)
_NOT_OUTLET = re.compile(
    r"^(?:posted|published|updated|last updated|modified|by|on|date|dated|am|le|el|il|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b",
    re.I,
)
# The pixel a republished copy loads from the original site to count its readers
# (WordPress "Republication Tracker Tool", ProPublica's and others' republishing pixels).
_REPUBLISH_PIXEL = re.compile(
    r"republication[-_](?:tracker|pixel)|republish[-_]?pixel|pixel\.propublica"
)
_SEPARATORS = re.compile(r"\s[|·•—]\s")
_MAX_LINE = 240  # longer lines are prose, not credits
_BLOCK_BREAKS = (
    "p",
    "div",
    "li",
    "td",
    "footer",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "tr",
    "ul",
    "ol",
    "table",
)


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _label(anchor: lxml_html.HtmlElement) -> str:
    """A link's label: its text, else its title, aria-label or the alt text of its image."""
    text = _clean(anchor.text_content())
    if text:
        return text
    for value in (anchor.get("title"), anchor.get("aria-label")):
        if value and value.strip():
            return _clean(value)
    for image in anchor.iter("img"):
        if (image.get("alt") or "").strip():
            return _clean(image.get("alt") or "")
    return ""


def _lines(tree: lxml_html.HtmlElement) -> Iterator[tuple[str, Callable[[], list[str]]]]:
    """Each line of text on the page (blocks and <br> end lines), with a function giving the
    hrefs of the links inside it (computed only when a line looks like a credit)."""
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for image in tree.iter("img"):  # a credit given as a logo reads as its alt text
        alt = (image.get("alt") or "").strip()
        if alt:
            image.tail = f" {alt} " + (image.tail or "")
    for block in tree.iter(*_BLOCK_BREAKS):  # a block ends a line of its parent
        block.tail = "\n" + (block.tail or "")
        block.text = "\n" + (block.text or "")
    anchors: list[tuple[str, str]] | None = None

    def hrefs_in(line: str) -> list[str]:
        nonlocal anchors
        if anchors is None:
            anchors = [(_label(a), a.get("href", "")) for a in tree.iter("a") if a.get("href")]
        return [href for label, href in anchors if label and label in line]

    body = tree.find("body")
    seen: set[str] = set()
    for raw in (body if body is not None else tree).text_content().split("\n"):
        text = _clean(raw)
        if text and text not in seen:
            seen.add(text)
            yield text, partial(hrefs_in, text)


def find_line_signals(tree: lxml_html.HtmlElement, base_url: str) -> list[Evidence]:
    """Attribution statements, datelines naming an outlet, and wire credits."""
    found: dict[tuple[str, str], Evidence] = {}
    own = outlet_of(base_url)

    def add(evidence: Evidence) -> None:
        found.setdefault((evidence.kind, evidence.target or evidence.detail), evidence)

    for line, hrefs_of in _lines(tree):
        head = line[:200]  # a wire dateline opens the first paragraph, however long it is
        for wire in _WIRE.finditer(head):
            add(Evidence("wire", _clean(wire.group(0)), WIRE_AGENCIES[wire.group("agency")]))
        unknown = _WIRE_DATELINE.match(head)
        if unknown and unknown.group("agency") not in WIRE_AGENCIES:
            add(Evidence("wire", _clean(unknown.group(0)), unknown.group("agency")))
        if len(line) > _MAX_LINE:
            continue
        text = line
        match = _ATTRIBUTION.match(text)
        dateline = _DATELINE.match(text)
        links: list[str] = []
        if match or dateline:
            links = [
                u for u in (resolve(base_url, h) for h in hrefs_of()) if u and outlet_of(u) != own
            ]
        if match:
            # "Source: X" is a credit; "Sources say ..." is a sentence
            weak = bool(_WEAK.match(match.group("statement").strip()))
            bare_domain = _DOMAIN.match(match.group("target").strip(" .:;,"))
            if weak and not match.group("separator") and not links and not bare_domain:
                match = None
        if match:
            target_text = match.group("target").strip(" .:;,")
            if links:
                add(Evidence("attribution", text, links[0]))
            elif not weak or _looks_like_outlet(target_text):
                add(Evidence("attribution", text, target_text))
        if dateline and not match and not _NOT_OUTLET.match(dateline.group("name")):
            add(Evidence("dateline", text, links[0] if links else dateline.group("name").strip()))
        for part in _SEPARATORS.split(text):
            for pattern in (_WIRE_BYLINE, _WIRE_COPYRIGHT):
                credit = pattern.match(part.strip())
                if credit:
                    add(Evidence("wire", text, credit.group("name").strip()))
    return list(found.values())


def _looks_like_outlet(text: str) -> bool:
    """A short name or a domain, not a sentence."""
    return bool(text) and len(text.split()) <= 6 and not text.endswith("?")


def find_meta_signals(tree: lxml_html.HtmlElement, base_url: str) -> tuple[list[Evidence], bool]:
    """Cross-domain canonical/og:url, original-source, syndication-source, JSON-LD, noindex,
    and republication counter pixels."""
    own = outlet_of(base_url)
    signals: list[Evidence] = []
    noindex = False
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = resolve(base_url, link.get("href") or "")
        if href and "canonical" in rel and outlet_of(href) != own:
            signals.append(Evidence("canonical", f'<link rel="canonical" href="{href}">', href))
    for image in tree.iter("img"):
        src = image.get("src") or ""
        marks = f"{image.get('id') or ''} {image.get('class') or ''} {src}".lower()
        pixel = resolve(base_url, src) if _REPUBLISH_PIXEL.search(marks) else None
        if pixel and outlet_of(pixel) != own:
            detail = f'republication counter pixel <img src="{pixel[:160]}">'
            signals.append(Evidence("republish_pixel", detail, pixel))
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        if key == "og:url":
            href = resolve(base_url, content)
            if href and outlet_of(href) != own:
                signals.append(
                    Evidence("og_url", f'<meta property="og:url" content="{href}">', href)
                )
        elif key in ("original-source", "syndication-source"):
            href = resolve(base_url, content)
            if href and outlet_of(href) == own:
                continue  # a page declaring itself the original says nothing of a source
            kind = key.replace("-", "_")
            signals.append(
                Evidence(kind, f'<meta name="{key}" content="{content}">', href or content)
            )
        elif key == "robots" and "noindex" in content.lower():
            noindex = True
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for node in _json_nodes(data):
            signals.extend(_jsonld_signals(node, base_url, own))
    return signals, noindex


def _json_nodes(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_nodes(data["@graph"])


def _jsonld_signals(node: dict[str, Any], base_url: str, own: str) -> Iterator[Evidence]:
    authors = node.get("author")
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict) and author.get("@type") in (
            "Organization",
            "NewsMediaOrganization",
        ):
            name = author.get("name")
            if isinstance(name, str) and name.strip():
                detail = f'JSON-LD author (Organization): "{name.strip()}"'
                yield Evidence("wire", detail, name.strip())
    for key, kind in (
        ("isBasedOn", "is_based_on"),
        ("sourceOrganization", "source_organization"),
        ("copyrightHolder", "copyright_holder"),
    ):
        found = node.get(key)
        for value in found if isinstance(found, list) else [found]:
            target = _jsonld_target(value, base_url)
            if target is None:
                continue
            if target.startswith("http") and outlet_of(target) == own:
                continue
            yield Evidence(kind, f'JSON-LD "{key}": {json.dumps(value)[:200]}', target)


def _jsonld_target(value: Any, base_url: str) -> str | None:
    if isinstance(value, str):
        return resolve(base_url, value) or value.strip() or None
    if isinstance(value, dict):
        for key in ("url", "@id", "sameAs"):
            if isinstance(value.get(key), str):
                url = resolve(base_url, value[key])
                if url:
                    return url
        if isinstance(value.get("name"), str):
            return str(value["name"]).strip() or None
    return None
