"""Discovery: real feeds and sitemaps, hostile XML, bombs, and fuzzing of the parsers."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.config import default_corpora
from provenance.discover import (
    HostileXMLError,
    feed_links,
    parse_feed,
    parse_sitemap,
    robots_sitemaps,
)
from provenance.errors import DiscoveryError, ProvenanceError, TooLargeError

FEEDS = default_corpora() / "feeds-and-sitemaps"
needs_corpora = pytest.mark.skipif(
    not FEEDS.exists(), reason=f"corpus not found at {FEEDS} (set PROVENANCE_CORPORA)"
)


@needs_corpora
@pytest.mark.corpora
@pytest.mark.parametrize(
    ("name", "count", "first"),
    [
        (
            "feedjira/sample_feeds/TechCrunch.xml",
            20,
            "http://feedproxy.google.com/~r/Techcrunch/~3/kTeeGj4FnwU/",
        ),
        ("feedjira/sample_feeds/HuffPostCanada.xml", 2, None),
        ("feedjira/sample_feeds/google_alerts_atom.xml", 20, None),
        (
            "feedjira/sample_feeds/json_feed.json",
            20,
            "http://inessential.com/2017/06/02/james_dempsey_and_the_breakpoints_benefi",
        ),
        ("trafilatura/resources/feed.json", 25, None),
        ("trafilatura/resources/feed1.atom", 1, "http://example.org/2003/12/13/atom03"),
        ("trafilatura/resources/feed2.rss", 1, "http://www.example.com/blog/post/1"),
    ],
)
def test_real_feeds(name, count, first):
    entries = parse_feed((FEEDS / name).read_bytes(), "http://feeds.example/" + name)
    assert len(entries) == count
    assert all(e.url.startswith(("http://", "https://")) for e in entries)
    if first:
        assert entries[0].url == first
    assert sum(1 for e in entries if e.published) >= count // 2


@needs_corpora
@pytest.mark.corpora
def test_real_sitemaps():
    news, children = parse_sitemap(
        (FEEDS / "advertools/sitemap_testing/news_sitemap.xml").read_bytes(),
        "http://x.example/s.xml",
        limit=10**7,
    )
    assert len(news) == 6 and children == []
    assert news[0].url.startswith("https://www.nytimes.com/") and news[0].published.startswith(
        "2020-05"
    )
    assert news[0].title  # Google News sitemaps carry the title
    urls, _ = parse_sitemap(
        (FEEDS / "trafilatura/resources/sitemap.xml.gz").read_bytes(),
        "http://x.example/s.xml.gz",
        limit=10**7,
    )
    assert len(urls) == 84
    _, children = parse_sitemap(
        (FEEDS / "advertools/sitemap_testing/sitemap_index.xml").read_bytes(),
        "http://x.example/i.xml",
        limit=10**7,
    )
    assert len(children) == 4
    assert robots_sitemaps(
        (FEEDS / "advertools/sitemap_testing/robots.txt").read_text(), "http://x.example/"
    ) == ["https://advertools.readthedocs.io/sitemap.xml"]


@needs_corpora
@pytest.mark.corpora
def test_feed_autodiscovery_on_real_home_pages():
    home = default_corpora() / "newspaper4k-test-data" / "data" / "html" / "cnn_main_site.html.gz"
    if not home.exists():
        pytest.skip(f"{home} not found")
    links = feed_links(gzip.open(home).read().decode("utf-8", "replace"), "https://www.cnn.com/")
    assert links and all(link.startswith("http") for link in links)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title><link>http://a.example/1</link></item></channel></rss>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&x;</loc></url></urlset>"""


def test_hostile_xml_is_refused():
    with pytest.raises(HostileXMLError):
        parse_feed(BILLION_LAUGHS, "http://evil.example/feed")
    with pytest.raises(HostileXMLError):
        parse_sitemap(XXE, "http://evil.example/sitemap.xml", limit=10**6)
    # not well-formed and declaring entities: refused before feedparser's lenient parser sees it
    with pytest.raises(HostileXMLError):
        parse_feed(BILLION_LAUGHS.replace(b"</channel>", b""), "http://evil.example/feed")


def test_a_gzipped_sitemap_bomb_is_stopped():
    bomb = gzip.compress(b"<urlset>" + b" " * (50 * 1024 * 1024) + b"</urlset>")
    assert len(bomb) < 200_000
    with pytest.raises(TooLargeError):
        parse_sitemap(bomb, "http://evil.example/s.xml.gz", limit=1024 * 1024)


@pytest.mark.parametrize(
    "data", [b"", b"not xml", b"<html><body>a page</body></html>", b'{"items": 5}', b"[1, 2]"]
)
def test_junk_is_a_clear_discovery_error(data):
    with pytest.raises(DiscoveryError):
        parse_feed(data, "http://x.example/feed")
    with pytest.raises(DiscoveryError):
        parse_sitemap(data or b" ", "http://x.example/sitemap.xml", limit=10**6)


def test_markup_that_trips_the_feed_parser_is_a_clear_error():
    """Found by the fuzz test below: feedparser's loose parser raised KeyError('links')."""
    with pytest.raises(DiscoveryError, match="not a feed"):
        parse_feed(b"<channel><item><link></item></link>", "http://x.example/feed")


def parse_both(data: bytes) -> None:
    """Feed and sitemap parsing: a clear ProvenanceError or a result, never anything else."""
    for parse in (
        lambda: parse_feed(data, "http://x.example/feed"),
        lambda: parse_sitemap(data, "http://x.example/s.xml", limit=10**6),
    ):
        try:
            parse()
        except ProvenanceError:
            pass


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_fuzz_parsers_never_crash(data):
    parse_both(data)
    feed_links(data.decode("utf-8", "replace"), "http://x.example/")
    robots_sitemaps(data.decode("utf-8", "replace"), "http://x.example/")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<rss>",
                "<channel>",
                "<item>",
                "<link>",
                "http://a.example/x",
                "</link>",
                "</item>",
                "<entry>",
                "<urlset>",
                "<url>",
                "<loc>",
                "</loc>",
                "&amp;",
                "<![CDATA[",
                "]]>",
                "<!--",
                "-->",
                "{",
                '"items"',
                ":",
                "[",
                "]",
                "}",
            ]
        ),
        max_size=40,
    )
)
def test_fuzz_feed_like_documents(parts):
    parse_both("".join(parts).encode())
