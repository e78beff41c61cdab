"""attribution: credit lines, datelines and wire credits in the page text; canonical,
og:url, source metas, JSON-LD and noindex in the head."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from provenance.attribution import find_line_signals, find_meta_signals
from provenance.models import Evidence

HERE = "https://copycat.example/news/bridge"
ORIGIN = "https://northwind-dispatch.example/2026/05/16/bridge"


def lines(body: str, url: str = HERE) -> list[tuple[str, str | None]]:
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    return [(e.kind, e.target) for e in find_line_signals(tree, url)]


def meta(head: str, url: str = HERE) -> tuple[list[tuple[str, str | None]], bool]:
    tree = lxml_html.document_fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")
    signals, noindex = find_meta_signals(tree, url)
    return [(e.kind, e.target) for e in signals], noindex


# -- attribution statements -----------------------------------------------------------------


def test_a_linked_original_source_points_at_the_link() -> None:
    tree = lxml_html.document_fromstring(
        f'<html><body><p>The original source of this article is <a href="{ORIGIN}">'
        "Northwind Dispatch</a>.</p></body></html>"
    )
    assert find_line_signals(tree, HERE) == [
        Evidence(
            "attribution", "The original source of this article is Northwind Dispatch.", ORIGIN
        )
    ]


def test_a_relative_link_is_resolved_against_the_page() -> None:
    found = lines('<p>Republished from <a href="//northwind-dispatch.example/x">Northwind</a></p>')
    assert found == [("attribution", "https://northwind-dispatch.example/x")]


def test_a_link_to_the_same_outlet_is_not_the_target() -> None:
    found = lines(
        '<p>Source: <a href="https://www.copycat.example/about">Northwind Dispatch</a></p>'
    )
    assert found == [("attribution", "Northwind Dispatch")]


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("The original source of this article is Northwind Dispatch", "Northwind Dispatch"),
        ("This article was originally published on Northwind Dispatch.", "Northwind Dispatch"),
        ("This story first appeared in The Harbour Gazette", "The Harbour Gazette"),
        ("Republished with permission from Northwind Dispatch.", "Northwind Dispatch"),
        ("Courtesy of Northwind Dispatch", "Northwind Dispatch"),
        ("Source: Northwind Dispatch", "Northwind Dispatch"),
        ("Via northwind-dispatch.example", "northwind-dispatch.example"),
        ("Read the original article at northwind-dispatch.example", "northwind-dispatch.example"),
        # French
        ("Source : Le Courrier du Nord", "Le Courrier du Nord"),
        (
            "Cet article a \u00e9t\u00e9 initialement publi\u00e9 sur Le Courrier du Nord",
            "Le Courrier du Nord",
        ),
        ("Initialement publi\u00e9 par Le Courrier du Nord.", "Le Courrier du Nord"),
        # German
        ("Quelle: Nordwind Kurier", "Nordwind Kurier"),
        ("Dieser Artikel erschien zuerst bei Nordwind Kurier", "Nordwind Kurier"),
        ("Zuerst erschienen auf nordwind-kurier.example", "nordwind-kurier.example"),
        # Spanish
        ("Fuente: El Diario del Norte", "El Diario del Norte"),
        (
            "Este art\u00edculo fue publicado originalmente en El Diario del Norte",
            "El Diario del Norte",
        ),
        # Italian
        ("Fonte: Il Corriere del Nord", "Il Corriere del Nord"),
        (
            "Questo articolo \u00e8 stato pubblicato originariamente su Il Corriere del Nord",
            "Il Corriere del Nord",
        ),
        # Portuguese
        ("Fonte: Jornal do Norte", "Jornal do Norte"),
        ("Este artigo foi publicado originalmente em Jornal do Norte", "Jornal do Norte"),
        # Russian
        (
            "\u0418\u0441\u0442\u043e\u0447\u043d\u0438\u043a: \u0421\u0435\u0432\u0435\u0440"
            "\u043d\u044b\u0439 \u0432\u0435\u0441\u0442\u043d\u0438\u043a",
            "\u0421\u0435\u0432\u0435\u0440\u043d\u044b\u0439 \u0432\u0435\u0441\u0442\u043d"
            "\u0438\u043a",
        ),
        (
            "\u0421\u0442\u0430\u0442\u044c\u044f \u0432\u043f\u0435\u0440\u0432\u044b\u0435 "
            "\u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\u043d\u0430 \u043d\u0430 "
            "\u0421\u0435\u0432\u0435\u0440\u043d\u044b\u0439 \u0432\u0435\u0441\u0442\u043d\u0438"
            "\u043a",
            "\u0421\u0435\u0432\u0435\u0440\u043d\u044b\u0439 \u0432\u0435\u0441\u0442\u043d\u0438"
            "\u043a",
        ),
    ],
)
def test_an_unlinked_statement_names_the_outlet(line: str, target: str) -> None:
    assert lines(f"<p>{line}</p>") == [("attribution", target)]


def test_a_statement_after_a_line_break_is_found() -> None:
    found = lines("<p>The bridge reopened on Saturday.<br>Source: Northwind Dispatch</p>")
    assert found == [("attribution", "Northwind Dispatch")]


def test_a_statement_in_a_list_or_table_is_found() -> None:
    assert lines("<ul><li>Source: Northwind Dispatch</li></ul>") == [
        ("attribution", "Northwind Dispatch")
    ]
    assert lines("<table><tr><td>Quelle: Nordwind Kurier</td></tr></table>") == [
        ("attribution", "Nordwind Kurier")
    ]


def test_the_same_credit_twice_is_one_signal() -> None:
    found = lines("<p>Source: Northwind Dispatch</p><footer>Source: Northwind Dispatch</footer>")
    assert found == [("attribution", "Northwind Dispatch")]


# -- datelines and wire credits ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        (
            "WASHINGTON (AP) \u2014 The Senate voted on Tuesday to approve the measure.",
            "Associated Press",
        ),
        ("MOSCOW, May 16 (Reuters) - Officials said the talks would resume.", "Reuters"),
        ("PARIS (AFP) \u2013 Le gouvernement a annonc\u00e9 mardi", "Agence France-Presse"),
        (
            "\u041c\u041e\u0421\u041a\u0412\u0410 (\u0422\u0410\u0421\u0421) \u2014 \u0421\u043e"
            "\u043e\u0431\u0449\u0438\u043b\u0438",
            "TASS",
        ),
    ],
)
def test_a_wire_dateline_credits_the_agency(line: str, agency: str) -> None:
    assert lines(f"<p>{line}</p>") == [("wire", agency)]


def test_a_wire_credit_keeps_its_exact_text() -> None:
    tree = lxml_html.document_fromstring(
        "<html><body><p>WASHINGTON (AP) \u2014 The Senate voted.</p></body></html>"
    )
    assert find_line_signals(tree, HERE) == [Evidence("wire", "(AP) \u2014", "Associated Press")]


@pytest.mark.parametrize(
    "line",
    [
        "Northwind Dispatch 16 May 2026",
        "Northwind Dispatch, May 16, 2026",
        "Northwind Dispatch, 16 May, 2026",
    ],
)
def test_a_dateline_names_the_outlet(line: str) -> None:
    assert lines(f"<p>{line}</p>") == [("dateline", "Northwind Dispatch")]


def test_a_linked_dateline_points_at_the_link() -> None:
    found = lines(f'<p><a href="{ORIGIN}">Northwind Dispatch</a> 16 May 2026</p>')
    assert found == [("dateline", ORIGIN)]


@pytest.mark.parametrize(
    "line",
    ["Published 16 May 2026", "Updated May 16, 2026", "By Jane Smith 16 May 2026", "16 May 2026"],
)
def test_a_date_line_without_an_outlet_is_not_a_dateline(line: str) -> None:
    assert lines(f"<p>{line}</p>") == []


# -- negatives --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Sources close to the minister said the plan would be announced next week after a "
        "final round of talks with the unions.",
        "Source: Is this the end of the road?",
        "Source of the trouble, engineers say, was corrosion in the cables.",
        "Via the ferry, the crossing takes twenty minutes longer than by bridge.",
        "The original plan was to reopen the bridge in March, officials said on Tuesday.",
        "The council said the bridge would carry trams again by the end of the year.",
    ],
)
def test_an_ordinary_paragraph_is_not_an_attribution(line: str) -> None:
    assert [kind for kind, _ in lines(f"<p>{line}</p>")] == []


def test_a_very_long_line_is_never_an_attribution() -> None:
    assert lines("<p>Source: " + "Northwind Dispatch " * 20 + "</p>") == []


@pytest.mark.parametrize(
    "line",
    [
        "Originally from Lyon, she moved here.",
        "Sources say the talks collapsed.",
        "Viadukt repairs continue.",
        "Fontes oficiais confirmaram.",
    ],
)
def test_a_statement_word_inside_a_longer_word_is_not_an_attribution(line: str) -> None:
    assert lines(f"<p>{line}</p>") == []


def test_a_plural_credit_keeps_a_clean_target() -> None:
    assert lines("<p>Quellen: Nordwind Kurier</p>") == [("attribution", "Nordwind Kurier")]


def test_a_footer_credit_does_not_run_into_the_next_paragraph() -> None:
    found = lines(
        "<footer><p>The original source of this article is Northwind Dispatch.</p>"
        "<p>\u00a9 2026 Globe Review. All rights reserved.</p></footer>"
    )
    assert found == [("attribution", "Northwind Dispatch")]


# -- meta signals -----------------------------------------------------------------------------


def test_a_cross_domain_canonical_counts() -> None:
    assert meta(f'<link rel="canonical" href="{ORIGIN}">') == ([("canonical", ORIGIN)], False)
    assert meta(f'<link rel="Canonical" href="{ORIGIN}">') == ([("canonical", ORIGIN)], False)


@pytest.mark.parametrize(
    "href", ["/news/bridge", HERE, "https://www.copycat.example/news/bridge?amp=1", ""]
)
def test_a_same_domain_canonical_does_not_count(href: str) -> None:
    assert meta(f'<link rel="canonical" href="{href}">') == ([], False)


def test_a_cross_domain_og_url_counts() -> None:
    assert meta(f'<meta property="og:url" content="{ORIGIN}">') == ([("og_url", ORIGIN)], False)


@pytest.mark.parametrize("content", [HERE, "/news/bridge", "https://www.copycat.example/x"])
def test_a_same_domain_og_url_does_not_count(content: str) -> None:
    assert meta(f'<meta property="og:url" content="{content}">') == ([], False)


@pytest.mark.parametrize("name", ["original-source", "syndication-source"])
def test_source_metas(name: str) -> None:
    kind = name.replace("-", "_")
    assert meta(f'<meta name="{name}" content="{ORIGIN}">') == ([(kind, ORIGIN)], False)
    assert meta(f'<meta name="{name}" content="Northwind Dispatch">') == (
        [(kind, "Northwind Dispatch")],
        False,
    )
    assert meta(f'<meta name="{name}" content="  ">') == ([], False)


@pytest.mark.parametrize("name", ["original-source", "syndication-source"])
@pytest.mark.parametrize("content", [HERE, "/news/bridge"])
def test_a_same_outlet_source_meta_does_not_count(name: str, content: str) -> None:
    assert meta(f'<meta name="{name}" content="{content}">') == ([], False)


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "data",
    [
        {"@type": "NewsArticle", "isBasedOn": ORIGIN},
        {"@type": "NewsArticle", "isBasedOn": {"@type": "NewsArticle", "url": ORIGIN}},
        {"@type": "NewsArticle", "isBasedOn": {"@id": ORIGIN}},
        {"@type": "NewsArticle", "isBasedOn": [ORIGIN]},
        [{"@type": "WebSite"}, {"@type": "NewsArticle", "isBasedOn": ORIGIN}],
        {
            "@context": "https://schema.org",
            "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "isBasedOn": ORIGIN}],
        },
        {"@graph": {"@type": "NewsArticle", "isBasedOn": ORIGIN}},
    ],
    ids=["string", "object-url", "object-id", "list", "top-list", "graph", "graph-object"],
)
def test_jsonld_is_based_on(data: object) -> None:
    assert meta(ld(data)) == ([("is_based_on", ORIGIN)], False)


def test_jsonld_is_based_on_a_named_work() -> None:
    data = {"@type": "NewsArticle", "isBasedOn": {"@type": "NewsArticle", "name": "Bridge story"}}
    assert meta(ld(data)) == ([("is_based_on", "Bridge story")], False)


def test_jsonld_source_organization_and_copyright_holder() -> None:
    data = {
        "@type": "NewsArticle",
        "sourceOrganization": {"@type": "Organization", "name": "Northwind Dispatch"},
        "copyrightHolder": {"@type": "Organization", "url": "https://northwind-dispatch.example/"},
    }
    assert meta(ld(data))[0] == [
        ("source_organization", "Northwind Dispatch"),
        ("copyright_holder", "https://northwind-dispatch.example/"),
    ]


@pytest.mark.parametrize(
    "script",
    [
        ld({"@type": "NewsArticle", "isBasedOn": "https://copycat.example/older-version"}),
        ld({"@type": "NewsArticle", "isBasedOn": None}),
        ld({"@type": "NewsArticle", "isBasedOn": ""}),
        ld({"@type": "NewsArticle", "isBasedOn": 42}),
        '<script type="application/ld+json">{not json</script>',
        '<script type="application/ld+json"></script>',
        f'<script type="text/javascript">var x = {{"isBasedOn": "{ORIGIN}"}};</script>',
    ],
    ids=["own-outlet", "null", "empty", "number", "invalid", "blank", "not-ld"],
)
def test_jsonld_without_a_usable_source(script: str) -> None:
    assert meta(script) == ([], False)


@pytest.mark.parametrize(
    ("head", "noindex"),
    [
        ('<meta name="robots" content="noindex, follow">', True),
        ('<meta name="ROBOTS" content="NOINDEX">', True),
        ('<meta name="robots" content="index, follow">', False),
        ("", False),
    ],
)
def test_noindex(head: str, noindex: bool) -> None:
    assert meta(head) == ([], noindex)


def test_meta_signals_keep_their_exact_tag() -> None:
    tree = lxml_html.document_fromstring(
        f'<html><head><link rel="canonical" href="{ORIGIN}">'
        f'<meta name="original-source" content="{ORIGIN}"></head><body><p>x</p></body></html>'
    )
    signals, _ = find_meta_signals(tree, HERE)
    assert signals == [
        Evidence("canonical", f'<link rel="canonical" href="{ORIGIN}">', ORIGIN),
        Evidence("original_source", f'<meta name="original-source" content="{ORIGIN}">', ORIGIN),
    ]


def test_a_republication_counter_pixel_credits_the_original_outlet() -> None:
    from lxml import html as lxml_html

    from provenance.attribution import find_meta_signals

    page = (
        '<html><body><article><p>text</p><img id="republication-tracker-tool-source" '
        'src="https://northwind-dispatch.example/?republication-pixel=true&amp;post=42" '
        'width="1" height="1"></article><img src="https://cdn.copycat.example/logo.png"></body></html>'
    )
    signals, _ = find_meta_signals(lxml_html.document_fromstring(page), "https://copycat.example/a")
    assert [(s.kind, s.target) for s in signals] == [
        ("republish_pixel", "https://northwind-dispatch.example/?republication-pixel=true&post=42")
    ]


def test_a_pixel_makes_the_copy_point_at_the_original() -> None:
    from provenance.evidence import PairSimilarity, decide
    from provenance.models import Article, Evidence

    origin = Article(
        url="https://northwind-dispatch.example/a", outlet="northwind-dispatch.example", text="x"
    )
    pixel = Evidence(
        "republish_pixel", "pixel", "https://northwind-dispatch.example/?republication-pixel=true"
    )
    copy = Article(
        url="https://copycat.example/a", outlet="copycat.example", text="x", signals=(pixel,)
    )
    edge = decide(copy, origin, PairSimilarity(0.95, 0.97, 0.97))  # the copy was stored first
    assert (edge.source, edge.target) == (origin.url, copy.url)
    assert edge.evidence[0].kind == "republish_pixel" and edge.confidence > 0.7
