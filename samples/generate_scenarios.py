#!/usr/bin/env python3
# The HTML templates below are easier to read with their long lines intact.
# ruff: noqa: E501
"""Generate the scenario pages of the sample web, the manifest entries and scenarios.json.

Everything here is fictional and written for this project: the outlets
(``scenario_outlets.py``), the stories (``scenario_stories.py`` and
``scenario_stories_intl.py``) and the scenarios that say who copies whom
(``scenario_defs.py``). This script only assembles them into realistic HTML
pages with site chrome, so that a boilerplate remover has something to remove.

Scenario 1 (the Port Essly inquiry) was written by hand before this script
existed. Its files under ``site/`` and its manifest records are never touched:
they are read from ``manifest.json`` and kept first, byte for byte, in the same
order. Every other record is regenerated on each run.

The output is deterministic (no clock, no unseeded randomness): running the
script twice gives identical files. After generating, rebuild the WARC::

    python samples/generate_scenarios.py        # pages, manifest.json, scenarios.json
    python samples/build_samples.py             # sample-web.warc.gz
    python samples/generate_scenarios.py --check  # exit 1 if anything is stale

``--check`` also verifies the text rules of the sample web: article bodies of at
least 350 words (excerpts at least 120), and word-5-shingle Jaccard below 0.05
between the article texts of any two different scenarios.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import itertools
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scenario_defs import SCENARIO_1, SCENARIOS  # noqa: E402
from scenario_outlets import LABELS, OUTLETS, sidebar_headlines  # noqa: E402

MANIFEST = HERE / "manifest.json"
SCENARIOS_JSON = HERE / "scenarios.json"
SITE = HERE / "site"

MIN_WORDS = 350
MIN_EXCERPT_WORDS = 120
MAX_CROSS_JACCARD = 0.05
#: an article of another scenario that shares this many 5-shingles with a member of a
#: scenario (boilerplate such as an aggregator's disclaimer) is listed in its not_copies
SHARED_BOILERPLATE_SHINGLES = 20
#: kinds of block that belong to the outlet (site-wide boilerplate), not to the story
BOILER_KINDS = {"disclaimer", "plea", "related", "boiler"}


# --------------------------------------------------------------------------- dates

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "ru": "понедельник вторник среда четверг пятница суббота воскресенье",
}


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def utc_z(value: str) -> str:
    return parse_iso(value).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def human_date(value: str, lang: str, style: str = "long") -> str:
    dt = parse_iso(value)
    month = MONTHS[lang].split()[dt.month - 1]
    day = WEEKDAYS[lang].split()[dt.weekday()]
    if lang == "en":
        if style == "us":
            return f"{month} {dt.day}, {dt.year}"
        if style == "short":
            return f"{dt.day} {month} {dt.year}"
        return f"{day} {dt.day} {month} {dt.year}"
    if lang == "fr":
        return f"{day} {dt.day} {month} {dt.year}" if style == "long" else f"{dt.day} {month} {dt.year}"
    if lang == "de":
        return f"{day}, {dt.day}. {month} {dt.year}" if style == "long" else f"{dt.day}. {month} {dt.year}"
    if lang in ("es", "pt"):
        return (
            f"{day}, {dt.day} de {month} de {dt.year}"
            if style == "long"
            else f"{dt.day} de {month} de {dt.year}"
        )
    if lang == "it":
        return f"{day} {dt.day} {month} {dt.year}" if style == "long" else f"{dt.day} {month} {dt.year}"
    if lang == "ru":
        return f"{dt.day} {month} {dt.year} г."
    raise ValueError(lang)


def clock(value: str) -> str:
    return parse_iso(value).strftime("%H:%M")


# --------------------------------------------------------------------------- text helpers


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", text)


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + k]) for i in range(len(w) - k + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


# --------------------------------------------------------------------------- blocks
#
# A page body is a list of blocks, dicts with a "kind":
#   p           a paragraph of the story
#   lead        an italic standfirst written by a republisher
#   dateline    "<Outlet>, <date>" lines (an aggregator's), may link
#   credit      an attribution line; "anchor" is the part that is linked to "href"
#   note        a copyright or other short note
#   disclaimer  a site-wide disclaimer (outlet boilerplate)
#   plea        a newsletter or donation plea (outlet boilerplate)
#   related     a list of related links inside the article (outlet boilerplate)
#   boiler      any other outlet boilerplate paragraph
#   intro       a short line of a roundup or blog that introduces an excerpt


def render_block(b: dict[str, Any], prefix: str) -> str:
    kind = b["kind"]
    if kind == "p":
        return f"<p>{esc(b['text'])}</p>"
    if kind == "subhead":
        return f"<h2 class=\"{prefix}-subhead\">{esc(b['text'])}</h2>"
    if kind == "lead":
        return f"<p class=\"{prefix}-lead\"><em>{esc(b['text'])}</em></p>"
    if kind == "intro":
        return f"<p class=\"{prefix}-intro\"><strong>{esc(b['text'])}</strong></p>"
    if kind in ("credit", "note", "dateline"):
        lines = []
        for line in b.get("lines") or [b]:
            text = esc(line["text"])
            if line.get("href") and line.get("anchor"):
                anchor = esc(line["anchor"])
                link = f"<a href=\"{attr(line['href'])}\">{anchor}</a>"
                text = text.replace(anchor, link, 1)
            lines.append(text)
        css = {"credit": "source-note", "note": "copyright-note", "dateline": "date-line"}[kind]
        return f"<p class=\"{prefix}-{css}\">" + "<br>\n".join(lines) + "</p>"
    if kind in ("disclaimer", "boiler"):
        paras = "".join(f"<p>{esc(t)}</p>" for t in b["text"].split("\n\n"))
        css = "disclaimer" if kind == "disclaimer" else "boilerplate"
        title = f"<h3>{esc(b['title'])}</h3>" if b.get("title") else ""
        return f"<div class=\"{prefix}-{css}\">{title}{paras}</div>"
    if kind == "plea":
        paras = "".join(f"<p>{esc(t)}</p>" for t in b["text"].split("\n\n"))
        title = f"<h3>{esc(b['title'])}</h3>" if b.get("title") else ""
        form = (
            f"<form class=\"{prefix}-signup\" action=\"/newsletter\" method=\"post\">"
            f"<input type=\"email\" name=\"email\" placeholder=\"{attr(b.get('placeholder', 'Email address'))}\">"
            f"<button type=\"submit\">{esc(b.get('button', 'Sign up'))}</button></form>"
        )
        return f"<div class=\"{prefix}-plea\">{title}{paras}{form}</div>"
    if kind == "related":
        items = "".join(
            f"<li><a href=\"{attr(href)}\">{esc(title)}</a></li>" for title, href in b["links"]
        )
        return (
            f"<div class=\"{prefix}-related-inline\"><h3>{esc(b.get('title', 'Related'))}</h3>"
            f"<ul>{items}</ul></div>"
        )
    raise ValueError(kind)


def block_text(b: dict[str, Any]) -> str:
    if b["kind"] == "related":
        return " ".join(t for t, _ in b["links"])
    if b.get("lines"):
        return " ".join(line["text"] for line in b["lines"])
    return b["text"]


# --------------------------------------------------------------------------- pages


@dataclass
class Page:
    key: str
    scenario: str
    outlet: dict[str, Any]
    url: str
    path: str
    headline: str
    standfirst: str
    author: str | None
    date: str | None
    blocks: list[dict[str, Any]]
    spec: dict[str, Any]
    story: dict[str, Any]
    status: int = 200
    html: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def url_to_file(url: str) -> str:
    rest = url.split("://", 1)[1]
    host, _, path = rest.partition("/")
    path = path.split("?", 1)[0]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return f"site/{host}/{path}"


def resolve_ref(value: str | None, pages: dict[str, Page], self_url: str) -> str | None:
    """'self' -> own URL, a page key -> that page's URL, a URL -> itself, None -> None."""
    if value is None:
        return None
    if value == "self":
        return self_url
    if value in pages:
        return pages[value].url
    if value.startswith(("http://", "https://")):
        return value
    raise KeyError(value)


def expand_refs(obj: Any, pages: dict[str, Page]) -> Any:
    """Replace "@key" strings (anywhere inside blocks) by the URL of page key."""
    if isinstance(obj, str) and obj.startswith("@"):
        return pages[obj[1:]].url
    if isinstance(obj, list):
        return [expand_refs(x, pages) for x in obj]
    if isinstance(obj, tuple):
        return tuple(expand_refs(x, pages) for x in obj)
    if isinstance(obj, dict):
        return {k: expand_refs(v, pages) for k, v in obj.items()}
    return obj


def apply_edits(blocks: list[dict[str, Any]], edits: list[tuple[str, str]], where: str) -> None:
    for old, new in edits:
        for b in blocks:
            if b["kind"] in ("p", "lead", "intro") and old in b["text"]:
                b["text"] = b["text"].replace(old, new, 1)
                break
        else:
            raise ValueError(f"{where}: edit target not found: {old!r}")


def build_blocks(spec: dict[str, Any], story: dict[str, Any], pages: dict[str, Page]) -> list:
    """The body of a page: the story's paragraphs, or a transformation of another page's body."""
    source = spec.get("copy_of")
    if source is None:
        body = [{"kind": "p", "text": t} for t in story["paragraphs"]]
    else:
        src = pages[source]
        take = spec.get("take", "paras")
        if take == "paras":
            body = [dict(b) for b in src.blocks if b["kind"] == "p"]
        elif take == "all":
            drop = set(spec.get("drop", []))
            body = [dict(b) for b in src.blocks if b["kind"] not in drop]
        else:
            raise ValueError(take)
    if "slice" in spec:
        a, b = spec["slice"]
        paras = [i for i, blk in enumerate(body) if blk["kind"] == "p"]
        keep = set(paras[a:b])
        body = [blk for i, blk in enumerate(body) if blk["kind"] != "p" or i in keep]
    if spec.get("edits"):
        apply_edits(body, spec["edits"], spec["key"])
    prepend = expand_refs(spec.get("prepend", []), pages)
    append = expand_refs(spec.get("append", []), pages)
    insert = expand_refs(spec.get("insert_before_boiler", []), pages)
    if insert:
        # before the first block of outlet boilerplate copied from the source
        for i, blk in enumerate(body):
            if blk["kind"] in BOILER_KINDS:
                body[i:i] = insert
                break
        else:
            body.extend(insert)
    return [dict(b) for b in prepend] + body + [dict(b) for b in append]


def make_pages(scenario: dict[str, Any]) -> list[Page]:
    pages: dict[str, Page] = {}
    out: list[Page] = []
    for spec in scenario["pages"]:
        outlet = OUTLETS[spec["outlet"]]
        story = spec["story"]
        url = f"http://{outlet['host']}{spec['path']}"
        # a copy keeps the headline and summary of the page it copies unless it sets its own
        src = pages.get(spec.get("copy_of", ""))
        headline = spec.get("headline", src.headline if src else story["headline"])
        standfirst = spec.get("standfirst", src.standfirst if src else story.get("standfirst", ""))
        author = spec.get("author", story.get("author"))
        status = spec.get("status", 200)
        page = Page(
            key=spec["key"],
            scenario=scenario["id"],
            outlet=outlet,
            url=url,
            path=spec["path"],
            headline=headline,
            standfirst=standfirst,
            author=author,
            date=spec.get("date"),
            blocks=[],
            spec=spec,
            story=story,
            status=status,
        )
        pages[spec["key"]] = page
        # a 404 page keeps the body it had before it was taken down: its copies are made from it
        page.blocks = build_blocks(spec, story, pages)
        out.append(page)
    return out


# --------------------------------------------------------------------------- chrome


def jsonld(page: Page, pages_by_key: dict[str, Page]) -> str:
    o = page.outlet
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": page.spec.get("ld_type", "NewsArticle"),
        "headline": page.headline,
    }
    if page.standfirst:
        data["description"] = page.standfirst
    if page.date:
        data["datePublished"] = page.date
        data["dateModified"] = page.spec.get("modified", page.date)
    canonical = resolve_ref(page.spec.get("canonical", "self"), pages_by_key, page.url)
    data["mainEntityOfPage"] = canonical or page.url
    if page.author:
        kind = "Organization" if page.spec.get("author_is_org") else "Person"
        data["author"] = {"@type": kind, "name": page.author}
    data["publisher"] = {
        "@type": "Organization",
        "name": o["name"],
        "logo": {"@type": "ImageObject", "url": f"http://{o['host']}/static/logo.png"},
    }
    data["inLanguage"] = o["lang"]
    for k, v in page.spec.get("jsonld_extra", {}).items():
        data[k] = expand_refs(v, pages_by_key)
    return json.dumps(data, ensure_ascii=False, indent=2)


def head(page: Page, pages_by_key: dict[str, Page], title_sep: str = " | ") -> str:
    o = page.outlet
    lines = [
        "<head>",
        '  <meta charset="utf-8">',
        '  <meta name="viewport" content="width=device-width, initial-scale=1">',
        f"  <title>{esc(page.headline)}{esc(title_sep)}{esc(o['name'])}</title>",
    ]
    if page.standfirst:
        lines.append(f'  <meta name="description" content="{attr(page.standfirst)}">')
    if page.author:
        lines.append(f'  <meta name="author" content="{attr(page.author)}">')
    lines.append('  <meta name="robots" content="index, follow">')
    canonical = resolve_ref(page.spec.get("canonical", "self"), pages_by_key, page.url)
    if canonical:
        lines.append(f'  <link rel="canonical" href="{attr(canonical)}">')
    for name, ref in page.spec.get("meta", {}).items():
        lines.append(
            f'  <meta name="{attr(name)}" content="{attr(resolve_ref(ref, pages_by_key, page.url) or "")}">'
        )
    lines += [
        '  <meta property="og:type" content="article">',
        f'  <meta property="og:site_name" content="{attr(o["name"])}">',
        f'  <meta property="og:locale" content="{attr(o["locale"])}">',
        f'  <meta property="og:title" content="{attr(page.spec.get("og_title", page.headline))}">',
    ]
    if page.standfirst:
        lines.append(f'  <meta property="og:description" content="{attr(page.standfirst)}">')
    og_url = resolve_ref(page.spec.get("og_url", "self"), pages_by_key, page.url)
    if og_url:
        lines.append(f'  <meta property="og:url" content="{attr(og_url)}">')
    lines.append(
        f'  <meta property="og:image" content="http://{o["host"]}/static/img/{o["prefix"]}-share.jpg">'
    )
    if page.date:
        lines.append(f'  <meta property="article:published_time" content="{attr(page.date)}">')
        lines.append(
            f'  <meta property="article:modified_time" content="{attr(page.spec.get("modified", page.date))}">'
        )
    section = page.spec.get("section", page.story.get("section"))
    if section:
        lines.append(f'  <meta property="article:section" content="{attr(section)}">')
    if o.get("twitter"):
        lines.append('  <meta name="twitter:card" content="summary_large_image">')
        lines.append(f'  <meta name="twitter:site" content="{attr(o["twitter"])}">')
    lines.append(f'  <link rel="stylesheet" href="/assets/{o["prefix"]}/site.css">')
    lines.append('  <link rel="icon" href="/favicon.ico">')
    if not page.spec.get("no_jsonld"):
        lines.append('  <script type="application/ld+json">')
        lines.append(jsonld(page, pages_by_key))
        lines.append("  </script>")
    lines.append("</head>")
    return "\n".join(lines)


def nav(o: dict[str, Any], css: str) -> str:
    L = LABELS[o["lang"]]
    items = [f'<li><a href="/">{esc(L["home"])}</a></li>'] + [
        f'<li><a href="/{slug(s)}/">{esc(s)}</a></li>' for s in o["sections"]
    ]
    return f'<nav class="{css}" aria-label="{attr(L["sections"])}"><ul>' + "".join(items) + "</ul></nav>"


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


def headline_list(o: dict[str, Any], which: str, n: int, own: list[Page]) -> str:
    """A list of links for sidebars: the outlet's own real pages first, then invented ones."""
    items = []
    for p in own[:2] if which == "related" else []:
        items.append(f'<li><a href="{attr(p.url)}">{esc(p.headline)}</a></li>')
    for title in sidebar_headlines(o, which, n - len(items)):
        items.append(f'<li><a href="/{which}/{slug(title)[:60]}">{esc(title)}</a></li>')
    tag = "ol" if which == "popular" else "ul"
    return f"<{tag}>" + "".join(items) + f"</{tag}>"


def body_html(page: Page) -> str:
    prefix = page.outlet["prefix"]
    return "\n".join("          " + render_block(b, prefix) for b in page.blocks)


def visible_date(page: Page, style: str = "long") -> str:
    if not page.date:
        return ""
    return f'<time datetime="{attr(page.date)}">{esc(human_date(page.date, page.outlet["lang"], style))}</time>'


def byline_text(page: Page) -> str:
    L = LABELS[page.outlet["lang"]]
    if not page.author:
        return ""
    text = page.spec.get("byline") or f"{L['by']} {page.author}"
    return esc(text)


def theme_newspaper(page: Page, ctx: dict[str, Any]) -> str:
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    own = ctx["own"]
    plea = ""
    if o.get("plea"):
        plea = (
            f'      <section class="{p}-support">\n        <h2>{esc(o["plea_title"])}</h2>\n'
            f'        <p>{esc(o["plea"])}</p>\n        <a href="/support" class="btn">{esc(L["support"])}</a>\n'
            "      </section>\n"
        )
    role = page.spec.get("author_role", page.story.get("author_role", ""))
    byline = byline_text(page)
    if byline and role:
        byline += f", {esc(role)}"
    date_html = visible_date(page)
    sep = ' <span class="sep">|</span> ' if byline and date_html else ""
    figure = ""
    if page.story.get("image_alt"):
        figure = (
            f'        <figure class="{p}-lead-image">\n'
            f'          <img src="/media/{slug(page.headline)[:40]}.jpg" alt="{attr(page.story["image_alt"])}" width="960" height="540">\n'
            f'          <figcaption>{esc(page.story["image_alt"])}. {esc(L["photo"])}: {esc(o["name"])}</figcaption>\n'
            "        </figure>\n"
        )
    standfirst = (
        f'          <p class="{p}-standfirst">{esc(page.standfirst)}</p>\n' if page.standfirst else ""
    )
    section = page.spec.get("section", page.story.get("section", o["sections"][0]))
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
{head(page, ctx['pages'])}
<body class="article-page {p}-site">
  <div id="cookie-notice" class="{p}-cookies" role="dialog">
    <p>{esc(L['cookies'])}</p>
    <button type="button">{esc(L['accept'])}</button> <button type="button">{esc(L['settings'])}</button>
  </div>
  <header class="{p}-header">
    <div class="{p}-topbar">
      <a href="/subscribe">{esc(L['subscribe'])}</a>
      <a href="/account/login">{esc(L['signin'])}</a>
    </div>
    <div class="{p}-masthead">
      <a href="/" class="{p}-logo"><img src="/static/logo.png" alt="{attr(o['name'])}"></a>
      <p class="{p}-tagline">{esc(o['tagline'])}</p>
    </div>
    {nav(o, p + '-nav')}
  </header>
  <div class="{p}-wrap">
    <main id="content" class="{p}-main">
      <nav class="{p}-breadcrumbs"><a href="/">{esc(L['home'])}</a> &rsaquo; <a href="/{slug(section)}/">{esc(section)}</a></nav>
      <article class="{p}-story">
        <header class="{p}-story-header">
          <h1 class="{p}-headline">{esc(page.headline)}</h1>
{standfirst}          <div class="{p}-byline">{byline}{sep}{date_html}</div>
          <ul class="{p}-share"><li><a href="/share?m=mail">{esc(L['email'])}</a></li><li><a href="/share?m=social">{esc(L['share'])}</a></li></ul>
        </header>
{figure}        <div class="{p}-body">
{body_html(page)}
        </div>
        <footer class="{p}-story-footer">
          <p class="{p}-topics">{esc(L['topics'])}: <a href="/{slug(section)}/">{esc(section)}</a></p>
        </footer>
      </article>
{plea}      <section id="comments" class="{p}-comments">
        <h2>{esc(L['comments'])}</h2>
        <p>{esc(L['comments_text'])}</p>
      </section>
    </main>
    <aside class="{p}-sidebar">
      <section class="{p}-related"><h2>{esc(L['related'])}</h2>
        {headline_list(o, 'related', 4, own)}
      </section>
      <section class="{p}-popular"><h2>{esc(L['most_read'])}</h2>
        {headline_list(o, 'popular', 5, own)}
      </section>
      <section class="{p}-newsletter"><h2>{esc(o.get('newsletter', L['newsletter']))}</h2>
        <p>{esc(L['newsletter_text'])}</p>
        <form action="/newsletter" method="post"><input type="email" name="email" placeholder="{attr(L['email_placeholder'])}"><button type="submit">{esc(L['signup'])}</button></form>
      </section>
    </aside>
  </div>
  <footer class="{p}-footer">
    <ul class="{p}-footer-links">
      <li><a href="/about">{esc(L['about'])}</a></li>
      <li><a href="/contact">{esc(L['contact'])}</a></li>
      <li><a href="/corrections">{esc(L['corrections'])}</a></li>
      <li><a href="/privacy">{esc(L['privacy'])}</a></li>
      <li><a href="/terms">{esc(L['terms'])}</a></li>
    </ul>
    <p class="{p}-legal">{esc(o['footer'])}</p>
  </footer>
  <script src="/static/js/{p}.js" defer></script>
</body>
</html>
"""


def theme_wordpress(page: Page, ctx: dict[str, Any]) -> str:
    """Aggregators and reposting blogs: everything they add lives inside the post container."""
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    pid = page.spec.get("post_id", int(hashlib.sha1(page.url.encode()).hexdigest()[:6], 16))
    author = ""
    if page.author:
        author = f'<p class="{p}-author-line">{byline_text(page)}</p>'
    date_line = ""
    if page.date and not any(b["kind"] == "dateline" for b in page.blocks):
        date_line = f'<p class="{p}-posted">{esc(L["posted"])} {visible_date(page, "us" if o["lang"] == "en" else "short")}</p>'
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
{head(page, ctx['pages'], ' - ')}
<body class="post-template-default single single-post postid-{pid}">
<div id="{p}-topbar">{esc(o['topbar'])} <a href="/donate">{esc(L['donate'])}</a></div>
<header id="site-header" class="{p}-header">
  <div class="branding">
    <a href="/" class="site-logo"><img src="/wp-content/themes/{p}/logo.png" alt="{attr(o['name'])}"></a>
    <span class="site-description">{esc(o['tagline'])}</span>
  </div>
  <form class="search-form" action="/" method="get"><input type="search" name="s" placeholder="{attr(L['search'])}"><button>{esc(L['search_button'])}</button></form>
  {nav(o, 'main-menu')}
</header>
<div id="wrapper">
  <div id="primary">
    <main id="main" class="site-main">
      <article class="post-{pid} post type-post status-publish">
        <div class="entry-content {p}-content" id="post-{pid}">
          <h1 class="entry-title">{esc(page.headline)}</h1>
          {author}
          {date_line}
{body_html(page)}
        </div>
      </article>
      <div class="share-box"><span>{esc(L['share'])}:</span> <a href="/share/mail?p={pid}">{esc(L['email'])}</a> <a href="/share/print?p={pid}">{esc(L['print'])}</a></div>
      <nav class="post-navigation"><a href="/?p={pid - 7}" rel="prev">&larr; {esc(L['previous'])}</a> <a href="/?p={pid + 5}" rel="next">{esc(L['next'])} &rarr;</a></nav>
    </main>
  </div>
  <aside id="secondary" class="widget-area">
    <section class="widget widget-related"><h3 class="widget-title">{esc(L['related'])}</h3>
      {headline_list(o, 'related', 4, ctx['own'])}
    </section>
    <section class="widget widget-popular"><h3 class="widget-title">{esc(L['most_read'])}</h3>
      {headline_list(o, 'popular', 4, ctx['own'])}
    </section>
    <section class="widget widget-newsletter"><h3 class="widget-title">{esc(o.get('newsletter', L['newsletter']))}</h3>
      <form action="/newsletter" method="post"><input type="email" name="email" placeholder="{attr(L['email_placeholder'])}"><button>{esc(L['signup'])}</button></form>
    </section>
  </aside>
</div>
<footer id="colophon" class="{p}-footer">
  <ul class="footer-menu"><li><a href="/about">{esc(L['about'])}</a></li><li><a href="/contact">{esc(L['contact'])}</a></li><li><a href="/privacy-policy">{esc(L['privacy'])}</a></li></ul>
  <p>{esc(o['footer'])}</p>
</footer>
<script src="/wp-includes/js/jquery/jquery.min.js"></script>
</body>
</html>
"""


def theme_scraper(page: Page, ctx: dict[str, Any]) -> str:
    """Content farms and mirrors: ads, trending boxes, a thin post container."""
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    date_html = visible_date(page, "us" if o["lang"] == "en" else "short")
    meta_line = ""
    bits = []
    if page.author and not page.spec.get("hide_author"):
        bits.append(byline_text(page))
    if date_html:
        bits.append(date_html)
    if bits:
        meta_line = f'<div class="{p}-meta">' + " &middot; ".join(bits) + "</div>"
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
{head(page, ctx['pages'], ' :: ')}
<body class="{p}-page">
<div class="{p}-ad {p}-ad-top"><span>{esc(L['advert'])}</span></div>
<header class="{p}-header">
  <a class="{p}-brand" href="/">{esc(o['name'])}</a>
  <span class="{p}-claim">{esc(o['tagline'])}</span>
  {nav(o, p + '-menu')}
</header>
<section class="{p}-trending"><strong>{esc(L['trending'])}:</strong> {headline_list(o, 'trending', 4, [])}</section>
<div class="{p}-container">
  <div class="{p}-post">
    <h1 class="{p}-title">{esc(page.headline)}</h1>
    {meta_line}
    <div class="{p}-post-body">
{body_html(page)}
    </div>
    <div class="{p}-ad {p}-ad-inline"><span>{esc(L['advert'])}</span></div>
    <div class="{p}-tags">{esc(L['tags'])}: <a href="/tag/news">news</a> <a href="/tag/{slug(page.spec.get('section', page.story.get('section', 'world')))}">{esc(page.spec.get('section', page.story.get('section', 'world')).lower())}</a></div>
  </div>
  <aside class="{p}-side">
    <h3>{esc(L['latest'])}</h3>
    {headline_list(o, 'latest', 6, [])}
    <div class="{p}-ad {p}-ad-side"><span>{esc(L['advert'])}</span></div>
  </aside>
</div>
<footer class="{p}-footer">
  <p>{esc(o['footer'])}</p>
  <p><a href="/dmca">DMCA</a> &middot; <a href="/privacy">{esc(L['privacy'])}</a> &middot; <a href="/contact">{esc(L['contact'])}</a></p>
</footer>
</body>
</html>
"""


def theme_portal(page: Page, ctx: dict[str, Any]) -> str:
    """Regional news portals and syndication partners."""
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    byline = byline_text(page)
    date_html = visible_date(page, "short")
    time_html = f" {esc(clock(page.date))}" if page.date else ""
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
{head(page, ctx['pages'], ' — ')}
<body class="{p}-portal">
  <div class="{p}-util"><a href="/weather">{esc(L['weather'])}</a> <a href="/traffic">{esc(L['traffic'])}</a> <a href="/account">{esc(L['signin'])}</a></div>
  <header class="{p}-head">
    <div class="{p}-logo"><a href="/">{esc(o['name'])}</a></div>
    {nav(o, p + '-tabs')}
  </header>
  <div class="{p}-grid">
    <main class="{p}-col-main">
      <article class="{p}-article">
        <p class="{p}-kicker">{esc(page.spec.get('section', page.story.get('section', o['sections'][0])))}</p>
        <h1>{esc(page.headline)}</h1>
        <p class="{p}-summary">{esc(page.standfirst)}</p>
        <p class="{p}-info"><span class="{p}-author">{byline}</span> <span class="{p}-when">{date_html}{time_html}</span></p>
        <div class="{p}-text">
{body_html(page)}
        </div>
      </article>
      <section class="{p}-more"><h2>{esc(L['more_from'])} {esc(o['name'])}</h2>
        {headline_list(o, 'related', 5, ctx['own'])}
      </section>
    </main>
    <aside class="{p}-col-side">
      <section><h2>{esc(L['most_read'])}</h2>{headline_list(o, 'popular', 5, [])}</section>
      <section class="{p}-promo"><h2>{esc(o.get('newsletter', L['newsletter']))}</h2><p>{esc(L['newsletter_text'])}</p></section>
    </aside>
  </div>
  <footer class="{p}-foot">
    <div class="{p}-foot-cols">
      <ul><li><a href="/about">{esc(L['about'])}</a></li><li><a href="/contact">{esc(L['contact'])}</a></li><li><a href="/advertise">{esc(L['advertise'])}</a></li></ul>
      <ul><li><a href="/privacy">{esc(L['privacy'])}</a></li><li><a href="/terms">{esc(L['terms'])}</a></li><li><a href="/cookies">{esc(L['cookie_policy'])}</a></li></ul>
    </div>
    <p>{esc(o['footer'])}</p>
  </footer>
</body>
</html>
"""


def theme_brief(page: Page, ctx: dict[str, Any]) -> str:
    """Morning roundups that quote a part of a story."""
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
{head(page, ctx['pages'], ' — ')}
<body class="{p}-brief">
  <header class="{p}-header">
    <a class="{p}-logo" href="/">{esc(o['name'])}</a>
    <p class="{p}-strap">{esc(o['tagline'])}</p>
    {nav(o, p + '-nav')}
  </header>
  <main class="{p}-main">
    <article class="{p}-item">
      <p class="{p}-kicker">{esc(page.spec.get('kicker', L['from_press']))}</p>
      <h1>{esc(page.headline)}</h1>
      <p class="{p}-when">{visible_date(page, 'short')}</p>
      <div class="{p}-text">
{body_html(page)}
      </div>
    </article>
    <section class="{p}-also"><h2>{esc(L['also_today'])}</h2>
      {headline_list(o, 'related', 3, ctx['own'])}
    </section>
  </main>
  <footer class="{p}-footer">
    <p>{esc(o['footer'])}</p>
    <p><a href="/about">{esc(L['about'])}</a> &middot; <a href="/privacy">{esc(L['privacy'])}</a></p>
  </footer>
</body>
</html>
"""


def theme_blog(page: Page, ctx: dict[str, Any]) -> str:
    """A one-person blog or newsletter site."""
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
{head(page, ctx['pages'], ' · ')}
<body class="{p}-blog">
  <header class="{p}-header">
    <h2 class="{p}-site-title"><a href="/">{esc(o['name'])}</a></h2>
    <p class="{p}-site-sub">{esc(o['tagline'])}</p>
    {nav(o, p + '-nav')}
  </header>
  <main class="{p}-main">
    <article class="{p}-post">
      <h1 class="{p}-post-title">{esc(page.headline)}</h1>
      <p class="{p}-post-meta">{byline_text(page)} {visible_date(page, 'short')}</p>
      <div class="{p}-post-content">
{body_html(page)}
      </div>
      <p class="{p}-post-tags">{esc(L['tags'])}: <a href="/tag/{slug(page.story.get('section', 'notes'))}">{esc(page.story.get('section', 'notes'))}</a></p>
    </article>
    <section class="{p}-comments"><h3>{esc(L['comments'])}</h3><p>{esc(L['blog_comments'])}</p></section>
  </main>
  <aside class="{p}-aside">
    <h3>{esc(L['recent'])}</h3>
    {headline_list(o, 'recent', 5, ctx['own'])}
    <h3>{esc(L['about_blog'])}</h3>
    <p>{esc(o['about'])}</p>
  </aside>
  <footer class="{p}-footer"><p>{esc(o['footer'])}</p></footer>
</body>
</html>
"""


def page_404(page: Page, ctx: dict[str, Any]) -> str:
    o = page.outlet
    L = LABELS[o["lang"]]
    p = o["prefix"]
    return f"""<!DOCTYPE html>
<html lang="{o['locale'].replace('_', '-')}">
<head>
  <meta charset="utf-8">
  <title>{esc(L['not_found_title'])} | {esc(o['name'])}</title>
  <meta name="robots" content="noindex">
  <link rel="stylesheet" href="/assets/{p}/site.css">
</head>
<body class="{p}-error">
  <header class="{p}-header"><a href="/" class="{p}-logo">{esc(o['name'])}</a>{nav(o, p + '-nav')}</header>
  <main class="{p}-main">
    <h1>{esc(L['not_found_title'])}</h1>
    <p>{esc(L['not_found_text'])}</p>
    <form action="/search" method="get"><input type="search" name="q"><button>{esc(L['search_button'])}</button></form>
  </main>
  <footer class="{p}-footer"><p>{esc(o['footer'])}</p></footer>
</body>
</html>
"""


THEMES = {
    "newspaper": theme_newspaper,
    "wordpress": theme_wordpress,
    "scraper": theme_scraper,
    "portal": theme_portal,
    "brief": theme_brief,
    "blog": theme_blog,
}


# --------------------------------------------------------------------------- assembly


def parent_of(page: Page, pages: dict[str, Page]) -> str | None:
    parent = page.spec.get("parent")
    if parent is None:
        return None
    if parent.startswith("outlet:"):
        return parent
    return pages[parent].url


def generate() -> tuple[list[dict], dict[str, bytes], list[dict], list[Page]]:
    """Return (manifest records, {file: bytes}, scenarios.json entries, all pages)."""
    all_pages: list[Page] = []
    per_scenario: list[tuple[dict, list[Page]]] = []
    for sc in SCENARIOS:
        pages = make_pages(sc)
        per_scenario.append((sc, pages))
        all_pages.extend(pages)
    urls = [p.url for p in all_pages]
    dupes = {u for u in urls if urls.count(u) > 1}
    if dupes:
        raise SystemExit(f"duplicate URLs: {sorted(dupes)}")

    by_host: dict[str, list[Page]] = {}
    for p in all_pages:
        if p.status == 200:
            by_host.setdefault(p.outlet["host"], []).append(p)

    files: dict[str, bytes] = {}
    records: list[dict] = []
    entries: list[dict] = []
    for sc, pages in per_scenario:
        keyed = {p.key: p for p in pages}
        for page in pages:
            own = [q for q in by_host.get(page.outlet["host"], []) if q.url != page.url]
            ctx = {"pages": keyed, "own": own}
            if page.status == 404:
                text = page_404(page, ctx)
            else:
                text = THEMES[page.outlet["theme"]](page, ctx)
            page.html = text
            files[url_to_file(page.url)] = text.encode("utf-8")
        # crawl order and times
        order = sc.get("crawl_order") or [p.key for p in pages]
        base = parse_iso(sc["crawl"])
        for i, key in enumerate(order):
            page = keyed[key]
            lm = page.spec.get("last_modified", page.spec.get("modified", page.date))
            records.append(
                {
                    "url": page.url,
                    "file": url_to_file(page.url),
                    "status": page.status,
                    "content_type": "text/html; charset=utf-8",
                    "location": None,
                    "last_modified": utc_z(lm) if lm and page.status == 200 else None,
                    "warc_date": (base + timedelta(minutes=3 * i)).astimezone(UTC).strftime(
                        "%Y-%m-%dT%H:%M:%SZ"
                    ),
                    "scenario": sc["id"],
                }
            )
        missing = set(keyed) - set(order)
        if missing:
            raise SystemExit(f"{sc['id']}: pages not in crawl_order: {sorted(missing)}")
        origin = keyed[sc["origin"]].url if sc.get("origin") else None
        copies = {}
        for page in pages:
            parent = parent_of(page, keyed)
            if parent is not None:
                copies[page.url] = parent
        entry = {
            "id": sc["id"],
            "description": sc["description"],
            "query": keyed[sc["query"]].url,
            "origin": origin,
            "origin_outlet": sc.get("origin_outlet") or (keyed[sc["origin"]].outlet["host"]),
            "copies": copies,
            "not_copies": [keyed[k].url for k in sc.get("not_copies", [])],
        }
        if sc.get("origin_aliases"):
            entry["origin_aliases"] = sc["origin_aliases"]
        entries.append(entry)

    # hard negatives for free: other scenarios' articles on the same outlets
    host_pages: dict[str, list[tuple[str, str]]] = {}
    for p in all_pages:
        if p.status == 200:
            host_pages.setdefault(p.outlet["host"], []).append((p.scenario, p.url))
    # and articles of other scenarios that share boilerplate (a disclaimer carried by mirrors)
    full = {
        p.url: (p.scenario, shingles(" ".join(block_text(b) for b in p.blocks)))
        for p in all_pages
        if p.status == 200
    }
    for (sc, pages), entry in zip(per_scenario, entries, strict=True):
        hosts = {p.outlet["host"] for p in pages}
        members = {entry["query"], *(entry["copies"]), entry["origin"]}
        same_host = {
            url
            for h in hosts
            for s, url in host_pages.get(h, [])
            if s != sc["id"] and url not in members
        }
        shared = {
            url
            for url, (s, sh) in full.items()
            if s != sc["id"]
            and any(
                len(sh & full[m][1]) >= SHARED_BOILERPLATE_SHINGLES for m in members if m in full
            )
        }
        extra = sorted(same_host | shared)
        entry["not_copies"] = entry["not_copies"] + [u for u in extra if u not in entry["not_copies"]]
    return records, files, entries, all_pages


def scenario_1_entry(records: list[dict]) -> dict:
    key = json.loads((HERE / "answer-key.json").read_text(encoding="utf-8"))
    return {
        "id": SCENARIO_1["id"],
        "description": SCENARIO_1["description"],
        "query": key["query"],
        "origin": key["origin"],
        "origin_outlet": key["origin_outlet"],
        "copies": key["copies"],
        "not_copies": key["not_copies"],
    }


def load_existing() -> tuple[dict, list[dict], list[dict]]:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    first, generated = [], []
    for rec in manifest["records"]:
        if rec.get("scenario", SCENARIO_1["id"]) == SCENARIO_1["id"]:
            rec = dict(rec)
            rec["scenario"] = SCENARIO_1["id"]
            first.append(rec)
        else:
            generated.append(rec)
    return manifest, first, generated


def article_texts(pages: list[Page]) -> dict[str, tuple[str, str, str]]:
    """url -> (scenario, story text, full body text) of every HTML article page."""
    out = {}
    for p in pages:
        if p.status != 200:
            continue
        story = " ".join(block_text(b) for b in p.blocks if b["kind"] not in BOILER_KINDS)
        full = " ".join(block_text(b) for b in p.blocks)
        out[p.url] = (p.scenario, story, full)
    return out


def check_texts(pages: list[Page], verbose: bool = False) -> list[str]:
    problems = []
    for p in pages:
        if p.status != 200:
            continue
        n = len(words(" ".join(block_text(b) for b in p.blocks if b["kind"] == "p")))
        floor = MIN_EXCERPT_WORDS if p.spec.get("excerpt") else MIN_WORDS
        if n < floor:
            problems.append(f"{p.url}: {n} words of story paragraphs (< {floor})")
    texts = article_texts(pages)
    sets = {u: shingles(t[1]) for u, t in texts.items()}
    worst = (0.0, "", "")
    for a, b in itertools.combinations(texts, 2):
        if texts[a][0] == texts[b][0]:
            continue
        j = jaccard(sets[a], sets[b])
        if j > worst[0]:
            worst = (j, a, b)
        if j >= MAX_CROSS_JACCARD:
            problems.append(f"cross-scenario Jaccard {j:.3f}: {a} ~ {b}")
    if verbose:
        print(f"max cross-scenario story Jaccard: {worst[0]:.4f} ({worst[1]} ~ {worst[2]})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    manifest, first, old_generated = load_existing()
    records, files, entries, pages = generate()
    problems = check_texts(pages, verbose=args.verbose)
    first_files = {r["file"] for r in first if r.get("file")}
    clash = first_files & set(files)
    if clash:
        problems.append(f"would overwrite scenario-1 files: {sorted(clash)}")

    new_manifest = {"description": manifest["description"], "records": first + records}
    manifest_text = json.dumps(new_manifest, ensure_ascii=False, indent=2) + "\n"
    scenarios_text = (
        json.dumps([scenario_1_entry(first), *entries], ensure_ascii=False, indent=2) + "\n"
    )

    if args.check:
        stale = []
        if MANIFEST.read_text(encoding="utf-8") != manifest_text:
            stale.append("manifest.json")
        if not SCENARIOS_JSON.exists() or SCENARIOS_JSON.read_text(encoding="utf-8") != scenarios_text:
            stale.append("scenarios.json")
        for name, data in files.items():
            path = HERE / name
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        for msg in problems:
            print("problem:", msg, file=sys.stderr)
        for name in stale:
            print("stale:", name, file=sys.stderr)
        if stale or problems:
            return 1
        print(f"up to date: {len(entries) + 1} scenarios, {len(records)} generated records")
        return 0

    for msg in problems:
        print("problem:", msg, file=sys.stderr)
    if problems:
        return 1
    # remove files of previously generated records that are gone now
    for rec in old_generated:
        if rec.get("file") and rec["file"] not in files and rec["file"] not in first_files:
            (HERE / rec["file"]).unlink(missing_ok=True)
    for name, data in files.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    MANIFEST.write_text(manifest_text, encoding="utf-8")
    SCENARIOS_JSON.write_text(scenarios_text, encoding="utf-8")
    print(
        f"wrote {len(files)} pages, {len(first) + len(records)} manifest records, "
        f"{len(entries) + 1} scenarios"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
