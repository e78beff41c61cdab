"""extract: article text without boilerplate, metadata, links and attribution signals;
refusals for pages with no text; and token F1 on real pages from ../shared/corpora."""

from __future__ import annotations

import gzip
import json
import os
import random
from collections import Counter
from pathlib import Path

import pytest

from provenance.errors import ExtractError
from provenance.extract import extract, extract_text_document
from provenance.fetch import decode_html
from provenance.fingerprint import words

URL = "https://globereview.example/news/harbour-bridge"
ORIGIN = "https://northwind-dispatch.example/2026/05/16/bridge"
PARAGRAPHS = [
    "The harbour bridge reopened to traffic on Saturday morning after a two-year repair "
    "programme that replaced most of its steel deck and all of its suspension cables, city "
    "officials said.",
    "Engineers found corrosion in the cables during a routine inspection in 2024 and closed "
    "the crossing within a week, forcing commuters onto a ferry service that ran every twenty "
    "minutes.",
    "The mayor, speaking at a ceremony on the eastern approach, thanked residents for their "
    "patience and said the bridge would carry trams again by the end of the year, according to "
    '<a href="https://transit.example/plans/tram-return">the transit authority\'s published '
    "plan</a>.",
    "Traders on both sides of the river said the closure had cut their takings by as much as a "
    "third, and several asked the council to extend the business rates relief it offered "
    "during the works.",
]
PAGE = f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after two-year repair | Globe Review</title>
<meta property="og:title" content="Harbour bridge reopens after two-year repair">
<meta property="og:site_name" content="Globe Review">
<meta property="og:url" content="{URL}">
<meta property="article:published_time" content="2026-05-16T08:30:00+00:00">
<meta name="author" content="Jane Smith">
<meta name="robots" content="noindex">
<link rel="canonical" href="/news/harbour-bridge">
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe today for unlimited access</a></li>
</ul></nav></header>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/x">Celebrity chef opens floating restaurant in the bay</a></li>
<li><a href="/y">Ten tips for a cheaper summer holiday abroad</a></li>
</ul></aside>
<main><article>
<h1>Harbour bridge reopens after two-year repair</h1>
<p class="byline">By Jane Smith</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article></main>
<footer>
<p>The original source of this article is <a href="{ORIGIN}">Northwind Dispatch</a>.</p>
<p>Source: Globe Review</p>
<p>&copy; 2026 Globe Review. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> &middot; <a href="/terms">Terms of use</a></p>
</footer>
</body></html>"""

BOILERPLATE = [
    "Home",
    "Subscribe today",
    "Most read",
    "Celebrity chef",
    "cheaper summer holiday",
    "All rights reserved",
    "Privacy policy",
    "Terms of use",
    "original source",
]


@pytest.fixture(scope="module")
def article():
    return extract(PAGE, URL)


def test_text_keeps_the_article(article) -> None:
    for sentence in (
        "reopened to traffic on Saturday morning",
        "forcing commuters onto a ferry service",
        "several asked the council to extend the business rates relief",
    ):
        assert sentence in article.text


@pytest.mark.parametrize("boilerplate", BOILERPLATE)
def test_text_excludes_boilerplate(article, boilerplate: str) -> None:
    assert boilerplate not in article.text


def test_text_is_plain_text_without_link_markup(article) -> None:
    assert "](" not in article.text
    assert "https://" not in article.text
    assert "according to the transit authority's published plan." in article.text


def test_metadata(article) -> None:
    assert article.url == URL
    assert article.outlet == "globereview.example"
    assert article.title == "Harbour bridge reopens after two-year repair"
    assert article.authors == ("Jane Smith",)
    assert article.published == "2026-05-16T08:30:00+00:00"
    assert article.site_name == "Globe Review"
    assert article.language == "en"
    assert article.canonical == URL  # resolved against the page
    assert article.og_url == URL
    assert article.noindex is True


def test_links_come_from_the_article_body_only(article) -> None:
    assert "https://transit.example/plans/tram-return" in article.links
    for nav in ("/", "/world", "/subscribe", "/x", "/privacy"):
        assert f"https://globereview.example{nav}" not in article.links


def test_a_footer_credit_is_a_signal_though_the_text_drops_it(article) -> None:
    assert "Northwind" not in article.text
    assert [s.target for s in article.signals if s.kind == "attribution"] == [ORIGIN]


def test_a_credit_naming_the_page_s_own_outlet_is_dropped(article) -> None:
    assert not any(s.target == "Globe Review" for s in article.signals)


def test_a_cross_domain_canonical_becomes_a_signal() -> None:
    page = PAGE.replace('href="/news/harbour-bridge"', f'href="{ORIGIN}"')
    found = extract(page, URL)
    assert found.canonical == ORIGIN
    assert ("canonical", ORIGIN) in [(s.kind, s.target) for s in found.signals]


def test_a_malformed_published_meta_falls_back() -> None:
    page = PAGE.replace("2026-05-16T08:30:00+00:00", "yesterday afternoon")
    published = extract(page, URL).published
    assert published is None or published[:4].isdigit()


def test_an_xhtml_page_with_an_xml_declaration() -> None:
    page = PAGE.replace(
        "<!doctype html>",
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC '
        '"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    ).replace('<html lang="en-GB">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">')
    assert "reopened to traffic" in extract(page, URL).text


# -- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n\t ",
        "<html></html>",
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><head><script>var a = 1;</script><style>p {color: red}</style></head>"
        "<body><script>document.write('x')</script></body></html>",
    ],
    ids=["empty", "whitespace", "bare", "empty-body", "scripts-only"],
)
def test_a_page_with_no_text(page: str) -> None:
    with pytest.raises(ExtractError) as info:
        extract(page, URL)
    assert info.value.url == URL


@pytest.mark.parametrize(
    "garbage",
    [
        random.Random(1).randbytes(6000).decode("latin-1"),
        random.Random(2).randbytes(6000).decode("utf-8", "replace"),
        "\x00\x01\x02 garbage \x00" * 50,
        (b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(3000)).decode("latin-1"),
        "<p>\ud800 lone surrogate</p>",
    ],
    ids=["latin1-noise", "utf8-replacement", "nul-bytes", "png", "surrogate"],
)
def test_garbage_is_an_extract_error_not_a_crash(garbage: str) -> None:
    with pytest.raises(ExtractError):
        extract(garbage, URL)


def test_extract_text_document() -> None:
    doc = extract_text_document(
        "\n  The bridge reopened on Saturday.\nSource: Northwind Dispatch\n", "copy.txt"
    )
    assert doc.url == "copy.txt"
    assert doc.outlet == "(local copy)"
    assert doc.text == "The bridge reopened on Saturday.\nSource: Northwind Dispatch"
    assert [(s.kind, s.target) for s in doc.signals] == [("attribution", "Northwind Dispatch")]
    with pytest.raises(ExtractError, match="empty"):
        extract_text_document(" \n ", "blank.txt")


# -- real pages -------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("PROVENANCE_CORPORA") or REPO.parent / "shared" / "corpora")
BENCHMARK = CORPORA / "scrapinghub-article-extraction-benchmark"
PAGES = 20
F1_FLOOR = 0.80


def token_f1(found: str, truth: str) -> float:
    got, want = Counter(words(found)), Counter(words(truth))
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.corpora
def test_body_f1_on_the_scrapinghub_benchmark() -> None:
    if not (BENCHMARK / "ground-truth.json").is_file():
        pytest.skip(f"corpus not found: {BENCHMARK} (set PROVENANCE_CORPORA)")
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for key in sorted(truth)[:PAGES]:
        raw = gzip.decompress((BENCHMARK / "html" / f"{key}.html.gz").read_bytes())
        page, _ = decode_html(raw, None)
        try:
            text = extract(page, truth[key]["url"]).text
        except ExtractError:
            text = ""
        scores.append(token_f1(text, truth[key]["articleBody"]))
    assert len(scores) == PAGES
    assert sum(scores) / len(scores) >= F1_FLOOR, scores
