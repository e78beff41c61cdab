"""urls: which URLs are fetchable, how they are normalised, and which outlet they belong to."""

from __future__ import annotations

import pytest

from provenance.errors import FetchError, InvalidURLError
from provenance.urls import MAX_URL_LENGTH, normalize_url, outlet_of, resolve


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://example.org/a", "http://example.org/a"),
        ("HTTPS://News.Example.ORG/Path/To?q=1", "https://news.example.org/Path/To?q=1"),
        ("http://example.org", "http://example.org/"),
        ("  https://example.org/a  ", "https://example.org/a"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("https://example.org/caf\u00e9", "https://example.org/caf\u00e9"),
    ],
)
def test_normalize_keeps_fetchable_urls(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a#comments", "https://example.org/a"),
        ("https://example.org/a?page=2#top", "https://example.org/a?page=2"),
        ("https://example.org/#", "https://example.org/"),
    ],
)
def test_normalize_drops_the_fragment(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://[::1]/a", "http://[::1]/a"),
        ("https://[::1]:8080/x", "https://[::1]:8080/x"),
        ("https://[2001:DB8::1]/", "https://[2001:db8::1]/"),
        ("http://[2001:db8::7]:8080/a?b#c", "http://[2001:db8::7]:8080/a?b"),
    ],
)
def test_normalize_ipv6_literals_keep_their_brackets(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("http://[::1/", "malformed"),
        ("http://example.org:99999/", "malformed"),
        ("http://example.org:port/", "malformed"),
        ("http:///path-only", "no host"),
        ("http://:80/", "no host"),
        ("example.org/no-scheme", "scheme: none"),
        ("//example.org/protocol-relative", "scheme: none"),
        ("http://" + "a" * MAX_URL_LENGTH + ".example/", "longer than"),
    ],
)
def test_normalize_refuses_malformed_urls(url: str, reason: str) -> None:
    with pytest.raises(InvalidURLError, match=reason):
        normalize_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:desk@example.org",
        "data:text/html,<p>hi</p>",
        "ws://example.org/socket",
    ],
)
def test_normalize_refuses_non_http_schemes(url: str) -> None:
    with pytest.raises(InvalidURLError, match="not an http"):
        normalize_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://user:secret@example.org/",
        "https://user@example.org/a",
        "https://:secret@example.org/a",
    ],
)
def test_normalize_refuses_credentials(url: str) -> None:
    with pytest.raises(InvalidURLError, match="credentials"):
        normalize_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://exa mple.org/",
        "http://example.org/a\tb",
        "http://example.org/a\nb",
        "http://example.org/\x00",
        "http://example.org/\x1b[31m",
    ],
)
def test_normalize_refuses_whitespace_and_control_characters(url: str) -> None:
    with pytest.raises(InvalidURLError, match="control characters"):
        normalize_url(url)


@pytest.mark.parametrize("url", ["http://example.org/a\x7fb", "http://example.org/a\x85b"])
def test_normalize_refuses_del_and_c1_controls(url: str) -> None:
    with pytest.raises(InvalidURLError):
        normalize_url(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("http://[::1]:80/a", "http://[::1]/a"),
    ],
)
def test_normalize_drops_default_ports(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_invalid_url_error_is_a_fetch_error_carrying_the_url() -> None:
    with pytest.raises(FetchError) as info:
        normalize_url("ftp://example.org/x")
    assert isinstance(info.value, InvalidURLError)
    assert info.value.url == "ftp://example.org/x"
    assert info.value.exit_code == 2


def test_normalize_is_idempotent() -> None:
    once = normalize_url("HTTPS://WWW.Example.org/A?b=1#frag")
    assert normalize_url(once) == once


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.Example.org/a", "example.org"),
        ("https://news.example.org:8080/a", "news.example.org"),
        ("http://northwind-dispatch.example/2026/05/16/x", "northwind-dispatch.example"),
        ("https://wwwx.example.org/", "wwwx.example.org"),
        ("https://[::1]:8080/", "::1"),
        ("not a url", ""),
    ],
)
def test_outlet_of(url: str, outlet: str) -> None:
    assert outlet_of(url) == outlet


@pytest.mark.parametrize(
    ("base", "href", "expected"),
    [
        ("https://a.example/x/y", "../z#frag", "https://a.example/z"),
        ("https://a.example/x/", "  /p  ", "https://a.example/p"),
        ("https://a.example/", "//b.example/q", "https://b.example/q"),
        ("https://a.example/x", "?page=2", "https://a.example/x?page=2"),
        ("https://a.example/x", "https://B.example/Y", "https://b.example/Y"),
    ],
)
def test_resolve_makes_links_absolute(base: str, href: str, expected: str) -> None:
    assert resolve(base, href) == expected


@pytest.mark.parametrize(
    "href",
    ["mailto:desk@a.example", "javascript:void(0)", "http://[::1", "tel:+100", "ftp://a.example/"],
)
def test_resolve_returns_none_for_unfetchable_links(href: str) -> None:
    assert resolve("https://a.example/", href) is None
