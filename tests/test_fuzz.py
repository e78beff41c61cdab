"""Fuzzing the parsers with hypothesis: no input crashes the tool.

Each parser either succeeds or raises its documented ProvenanceError subclass:
HTML decoding and extraction, Content-Encoding decoding, URLs, robots.txt,
Retry-After, the address classifier, WARC files (random bytes, and real WARCs
cut, flipped and spliced), and the command line on a saved page.
"""

from __future__ import annotations

import gzip
import io
import ipaddress
import os
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance.archive import WarcIndex, iter_responses
from provenance.cli import app
from provenance.codings import BodyDecoder, decompress
from provenance.errors import ArchiveError, ExtractError, FetchError, InvalidURLError
from provenance.extract import extract
from provenance.fetch import decode_html
from provenance.guard import classify
from provenance.retry import parse_retry_after
from provenance.robots import rules_from_response
from provenance.urls import normalize_url, redact_url

EXAMPLES = int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "150"))  # more for a deep run
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # leave no .hypothesis/ folder behind
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SLOW = settings(FUZZ, max_examples=max(10, EXAMPLES // 4))

CHARSETS = st.sampled_from(
    [None, "text/html", "text/html; charset=utf-8", "text/html; charset=latin-1",
     "text/html; charset=x-bogus", "text/html; charset=utf-16", "text/html; charset=punycode",
     "text/html; charset=unicode_escape", "text/html; charset=base64", "text/html; charset=idna",
     "text/html; charset=\"\"", "text/html; charset=koi8-r", "text/html;;;charset"]
)  # fmt: skip


# -- HTML -------------------------------------------------------------------------------------

TAGS = st.sampled_from(
    ["p", "div", "article", "h1", "span", "a", "script", "style", "meta", "title", "head",
     "body", "html", "table", "td", "br", "svg", "template", "noscript", "iframe", "!--"]
)  # fmt: skip
ATTRS = st.sampled_from(
    ['', ' class="x"', ' href="http://a.example/"', ' href="javascript:alert(1)"',
     ' charset="utf-8"', ' name="description" content="x"', ' rel="canonical" href="//[::1"',
     ' property="og:url" content="ftp://x"', ' content="\x00"', ' href="http://user:pw@b/"']
)  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        tag = draw(TAGS)
        if kind == 0:
            parts.append(f"<{tag}{draw(ATTRS)}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


HTML_BYTES = st.one_of(
    st.binary(max_size=2000),
    tag_soup().map(lambda s: s.encode("utf-8", "surrogatepass")),
    tag_soup().map(lambda s: s.encode("utf-16", "surrogatepass")),
)


@FUZZ
@given(body=HTML_BYTES, content_type=CHARSETS)
def test_decode_html_never_raises(body: bytes, content_type: str | None) -> None:
    text, encoding = decode_html(body, content_type)
    assert isinstance(text, str) and encoding


@SLOW
@given(body=HTML_BYTES, content_type=CHARSETS)
def test_extract_only_raises_extract_error(body: bytes, content_type: str | None) -> None:
    html, _ = decode_html(body, content_type)  # as every page reaches extraction
    try:
        article = extract(html, "http://fuzz.example/page")
    except ExtractError:
        return
    assert isinstance(article.text, str)


# -- Content-Encoding --------------------------------------------------------------------------

CODINGS = st.sampled_from(
    ["gzip", "deflate", "x-gzip", "gzip, gzip", "deflate, gzip", "identity", "", "br", "zstd",
     "gzip,,", " , identity", "GZIP", "compress"]
)  # fmt: skip


@FUZZ
@given(body=st.binary(max_size=3000), header=st.one_of(CODINGS, TEXT))
def test_decompress_only_raises_fetch_errors(body: bytes, header: str) -> None:
    try:
        out = decompress(body, header, limit=5000, url="http://fuzz.example/")
    except FetchError:
        return
    assert len(out) <= 5000


@st.composite
def compressed(draw: st.DrawFn) -> tuple[bytes, str, bytes]:
    data = draw(st.binary(max_size=4000))
    layers = draw(
        st.lists(st.sampled_from(["gzip", "deflate", "raw-deflate"]), min_size=1, max_size=3)
    )
    body = data
    for layer in layers:
        if layer == "gzip":
            body = gzip.compress(body, draw(st.integers(0, 9)))
        elif layer == "deflate":
            body = zlib.compress(body)
        else:
            body = zlib.compress(body)[2:-4]
    header = ", ".join("deflate" if layer != "gzip" else "gzip" for layer in layers)
    return data, header, body


@FUZZ
@given(case=compressed(), cuts=st.lists(st.integers(0, 10_000), max_size=8))
def test_the_streaming_decoder_gives_the_same_bytes_however_the_body_is_chunked(
    case: tuple[bytes, str, bytes], cuts: list[int]
) -> None:
    data, header, body = case
    points = sorted({0, len(body), *(c % (len(body) + 1) for c in cuts)})
    decoder = BodyDecoder(header, limit=len(data), url="u")
    for start, end in zip(points, points[1:], strict=False):
        decoder.feed(body[start:end])
    assert decoder.finish() == data


@FUZZ
@given(case=compressed(), cut=st.integers(1, 50))
def test_a_cut_compressed_body_is_refused_or_complete(
    case: tuple[bytes, str, bytes], cut: int
) -> None:
    data, header, body = case
    assume(cut < len(body))
    try:
        out = decompress(body[:-cut], header, limit=len(data) + 10, url="u")
    except FetchError:
        return
    assert data.startswith(out)  # never garbage, at worst (for raw deflate) a prefix


# -- URLs, robots.txt, Retry-After, addresses -------------------------------------------------

URLISH = st.one_of(
    TEXT,
    st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}{rest}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "", "javascript"]),
        st.one_of(TEXT, st.from_regex(r"[a-z0-9.\-\[\]:@%]{0,40}", fullmatch=True)),
        TEXT,
    ),
)


@FUZZ
@given(url=URLISH)
def test_urls_are_normalised_or_refused_and_redaction_never_fails(url: str) -> None:
    assert isinstance(redact_url(url), str)
    try:
        normal = normalize_url(url)
    except InvalidURLError:
        return
    assert normalize_url(normal) == normal
    assert normal.startswith(("http://", "https://"))


@FUZZ
@given(body=st.one_of(st.binary(max_size=3000), TEXT.map(str.encode)), path=TEXT)
def test_robots_parsing_never_raises(body: bytes, path: str) -> None:
    rules = rules_from_response(200, b"User-agent: *\n" + body)
    rules.allows("http://fuzz.example/" + path, "provenance/0.1")
    rules.crawl_delay("provenance/0.1")


@FUZZ
@given(value=st.one_of(st.none(), TEXT, st.integers().map(str)))
def test_retry_after_parsing_never_raises(value: str | None) -> None:
    seconds = parse_retry_after(value)
    assert seconds is None or seconds >= 0


@FUZZ
@given(ip=st.ip_addresses())
def test_every_address_is_classified(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    kind = classify(ip)
    assert kind in (
        None,
        "loopback",
        "private",
        "link-local",
        "multicast",
        "reserved",
        "unspecified",
    )
    if isinstance(ip, ipaddress.IPv4Address):
        assert classify(ipaddress.IPv6Address(f"::ffff:{ip}")) == kind  # mapped: same verdict


# -- WARC files --------------------------------------------------------------------------------


def _warc(compress: bool) -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=compress)
    for i in range(3):
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
            if i == 1
            else [("Content-Type", "text/html")],
            protocol="HTTP/1.1",
        )
        body = f"<html><body><p>page {i}</p></body></html>".encode() * 20
        payload = gzip.compress(body) if i == 1 else body
        writer.write_record(
            writer.create_warc_record(
                f"http://a.example/{i}", "response", payload=io.BytesIO(payload), http_headers=http
            )
        )
    return stream.getvalue()


WARCS = {True: _warc(True), False: _warc(False)}


def _read(path: Path) -> None:
    WarcIndex([path])
    for response in iter_responses(path):
        assert isinstance(response.body, bytes)


@st.composite
def damaged_warc(draw: st.DrawFn) -> bytes:
    data = bytearray(WARCS[draw(st.booleans())])
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if how == "cut":
            del data[at:]
        elif how == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        else:
            del data[at : at + draw(st.integers(1, 40))]
    return bytes(data)


@FUZZ
@given(data=st.one_of(damaged_warc(), st.binary(max_size=2000)))
def test_a_damaged_or_foreign_warc_is_read_or_refused_never_crashes(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "fuzz.warc"
    path.write_bytes(data)
    try:
        _read(path)
    except ArchiveError as exc:
        assert str(path) in str(exc)


def test_the_undamaged_warcs_read_whole(tmp_path: Path) -> None:
    for compress, data in WARCS.items():
        path = tmp_path / f"whole-{compress}.warc"
        path.write_bytes(data)
        assert [r.url for r in iter_responses(path)] == [f"http://a.example/{i}" for i in range(3)]
        assert b"page 1" in list(iter_responses(path))[1].body  # Content-Encoding undone


# -- the command line ---------------------------------------------------------------------------


@settings(FUZZ, max_examples=max(6, EXAMPLES // 12))
@given(page=HTML_BYTES)
def test_lookup_of_any_saved_page_ends_with_a_one_line_error_or_an_answer(
    tmp_path: Path, store_path: Path | str, page: bytes
) -> None:
    saved = tmp_path / "page.html"
    saved.write_bytes(page)
    result = CliRunner().invoke(
        app, ["lookup", "--store", str(store_path), "--depth", "0", str(saved)]
    )
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code:
        assert result.output.count("\n") == 1, result.output


@pytest.mark.parametrize("control", ["\x00", "\x08", "\x0b", "\x1b", "\ufffe"])
def test_control_characters_never_reach_the_parsers(
    tmp_path: Path, store_path: Path | str, control: str
) -> None:
    """lxml refuses them (ValueError in extract.py and attribution.py): decode_html replaces them."""
    page = f"<html><head><title>A{control}B</title></head><body><p>x{control}y</p></body></html>"
    text, _ = decode_html(page.encode("utf-8"), "text/html; charset=utf-8")
    assert control not in text and "A\ufffdB" in text
    saved = tmp_path / "copy.txt"
    saved.write_bytes(f"A copied paragraph{control} with a control character.\n".encode() * 30)
    result = CliRunner().invoke(app, ["lookup", "--store", str(store_path), str(saved)])
    assert "internal error" not in result.output, result.output


@pytest.mark.parametrize("name", ["empty", "text", "html"])
def test_not_a_warc_via_the_cli_is_one_line_and_exit_1(
    tmp_path: Path, store_path: Path | str, name: str
) -> None:
    content = {"empty": b"", "text": b"my notes about the crawl\n" * 5, "html": b"<html></html>"}[
        name
    ]
    path = tmp_path / f"{name}.warc"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["ingest", "--store", str(store_path), "--warc", str(path)])
    assert result.exit_code == 1, result.output
    assert "is not a readable WARC file" in result.output
    assert "Traceback" not in result.output
