"""fetch: the Fetcher against real HTTP servers on 127.0.0.1, plus decompress and decode_html.

Every request goes through a local server acting as an HTTP proxy (tests/servers.py),
so the outlets keep fictional host names and only loopback is ever contacted.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from provenance.config import Settings
from provenance.errors import (
    FetchError,
    NotHTMLError,
    TooLargeError,
    TooManyRedirects,
)
from provenance.fetch import Fetcher, decode_html, decompress
from provenance.models import FetchResult, Redirect
from tests.servers import OutletServer, Route, serve

HOST = "daily-bugle.example"
HTML = "text/html; charset=utf-8"
PAGE = (
    "<!doctype html><html><head><title>Bridge reopens</title></head>"
    "<body><p>The harbour bridge reopened on Saturday, caf\u00e9 owners said.</p></body></html>"
)

GERMAN = (
    "<html><body><p>Der B\u00fcrgermeister \u00e4u\u00dferte sich am Dienstag \u00fcber die "
    "Stra\u00dfenbahn. Die Gr\u00fcnen fordern gr\u00f6\u00dfere \u00c4nderungen f\u00fcr "
    "M\u00fcnchen und N\u00fcrnberg, w\u00e4hrend die B\u00fcrger sich \u00fcber "
    "Verz\u00f6gerungen beschweren.</p></body></html>"
)
FRENCH = (
    "<html><head><title>Actualit\u00e9</title></head><body><p>Le ministre a d\u00e9clar\u00e9 "
    "\u00e0 la presse que l'\u00e9t\u00e9 serait chaud et que les \u00e9l\u00e8ves fran\u00e7ais "
    "\u00e9taient pr\u00eats pour la rentr\u00e9e. \u00c7a va \u00eatre tr\u00e8s "
    "int\u00e9ressant, a-t-il ajout\u00e9 apr\u00e8s la r\u00e9union.</p></body></html>"
)
SPANISH = (
    "<html><body><p>El ni\u00f1o peque\u00f1o de Espa\u00f1a comi\u00f3 una pi\u00f1a en la "
    "monta\u00f1a ma\u00f1ana, se\u00f1or. La canci\u00f3n del a\u00f1o fue muy peque\u00f1a y "
    "extra\u00f1a para el se\u00f1or N\u00fa\u00f1ez.</p></body></html>"
)
PORTUGUESE = (
    "<html><body><p>A informa\u00e7\u00e3o sobre a elei\u00e7\u00e3o foi divulgada pelo governo "
    "portugu\u00eas na sexta-feira. As negocia\u00e7\u00f5es continuam e a popula\u00e7\u00e3o "
    "aguarda uma solu\u00e7\u00e3o.</p></body></html>"
)
RUSSIAN = (
    "<html><body><p>\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 "
    "\u0437\u0430\u044f\u0432\u0438\u043b \u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441"
    "\u0442\u0430\u043c, \u0447\u0442\u043e \u0441\u0442\u0440\u043e\u0438\u0442\u0435"
    "\u043b\u044c\u0441\u0442\u0432\u043e \u043d\u043e\u0432\u043e\u0433\u043e \u043c"
    "\u043e\u0441\u0442\u0430 \u043d\u0430\u0447\u043d\u0451\u0442\u0441\u044f "
    "\u0432\u0435\u0441\u043d\u043e\u0439 \u0431\u0443\u0434\u0443\u0449\u0435\u0433"
    "\u043e \u0433\u043e\u0434\u0430.</p></body></html>"
)
RUSSIAN_META = RUSSIAN.replace("<html>", '<html><head><meta charset="windows-1251"></head>')

MB = 1024 * 1024


def _redirect(status: int, location: str) -> Route:
    return Route(status, b"", {"Location": location, "Content-Type": "text/html"})


def _routes() -> dict[tuple[str, str], Route]:
    routes = {
        (HOST, "/ok"): Route(body=PAGE.encode("utf-8"), headers={"Content-Type": HTML}),
        (HOST, "/ok?ua"): Route(body=PAGE.encode("utf-8"), headers={"Content-Type": HTML}),
        (HOST, "/no-type"): Route(body=PAGE.encode("utf-8")),
        (HOST, "/de-undeclared"): Route(
            body=GERMAN.encode("latin-1"), headers={"Content-Type": "text/html"}
        ),
        (HOST, "/fr-mislabelled"): Route(
            body=FRENCH.encode("latin-1"), headers={"Content-Type": HTML}
        ),
        (HOST, "/es-mislabelled"): Route(
            body=SPANISH.encode("latin-1"), headers={"Content-Type": HTML}
        ),
        (HOST, "/pt-mislabelled"): Route(
            body=PORTUGUESE.encode("latin-1"), headers={"Content-Type": HTML}
        ),
        (HOST, "/ru-mislabelled"): Route(
            body=RUSSIAN.encode("cp1251"), headers={"Content-Type": HTML}
        ),
        (HOST, "/ru-meta"): Route(
            body=RUSSIAN_META.encode("cp1251"), headers={"Content-Type": "text/html"}
        ),
        (HOST, "/ru-declared"): Route(
            body=RUSSIAN.encode("koi8-r"), headers={"Content-Type": "text/html; charset=KOI8-R"}
        ),
        # a redirect chain: relative, absolute and cross-host locations, several statuses
        (HOST, "/moved"): _redirect(301, "/moved-again"),
        (HOST, "/moved-again"): _redirect(302, "http://mirror.example/landing"),
        ("mirror.example", "/landing"): _redirect(307, "/final?from=bugle"),
        ("mirror.example", "/final?from=bugle"): Route(
            body=PAGE.encode("utf-8"), headers={"Content-Type": HTML}
        ),
        (HOST, "/loop-a"): _redirect(302, "/loop-b"),
        (HOST, "/loop-b"): _redirect(302, f"http://{HOST}/loop-a#again"),
        (HOST, "/to-ftp"): _redirect(301, "ftp://files.example/a"),
        (HOST, "/pdf"): Route(body=b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}),
        (HOST, "/json"): Route(body=b'{"a": 1}', headers={"Content-Type": "application/json"}),
        (HOST, "/empty"): Route(body=b"", headers={"Content-Type": HTML}),
        (HOST, "/broken"): Route(500, b"<p>oops</p>", {"Content-Type": HTML}),
        (HOST, "/gone"): Route(410, b"", {"Content-Type": HTML}),
        (HOST, "/big"): Route(body=b"<html>" + b"x" * 2000, headers={"Content-Type": HTML}),
        (HOST, "/exact"): Route(body=b"<html>" + b"x" * 994, headers={"Content-Type": HTML}),
        (HOST, "/bomb"): Route(
            body=gzip.compress(b"\0" * (50 * MB), 9),
            headers={"Content-Type": HTML, "Content-Encoding": "gzip"},
        ),
        (HOST, "/gzip-gzip"): Route(
            body=gzip.compress(gzip.compress(PAGE.encode("utf-8"))),
            headers={"Content-Type": HTML, "Content-Encoding": "gzip, gzip"},
        ),
        (HOST, "/deflate-gzip"): Route(
            body=gzip.compress(zlib.compress(PAGE.encode("utf-8"))),
            headers={"Content-Type": HTML, "Content-Encoding": "deflate, gzip"},
        ),
        (HOST, "/slow"): Route(
            body=PAGE.encode("utf-8") * 3, headers={"Content-Type": HTML}, trickle=0.02
        ),
    }
    for i in range(12):  # /hop/0 -> /hop/1 -> ... -> /hop/12 (a page)
        routes[(HOST, f"/hop/{i}")] = _redirect(301, f"/hop/{i + 1}")
    routes[(HOST, "/hop/12")] = Route(body=PAGE.encode("utf-8"), headers={"Content-Type": HTML})
    return routes


@pytest.fixture(scope="module")
def outlet() -> Iterator[OutletServer]:
    server, thread = serve(_routes())
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _settings(server: OutletServer | str, **changes: Any) -> Settings:
    proxy = server if isinstance(server, str) else server.url
    base = {"host_delay": 0.0, "backoff_base": 0.05}
    return Settings(proxy=proxy, trust_env=False, **{**base, **changes})


def fetch(server: OutletServer | str, path: str, **changes: Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(_settings(server, **changes)) as fetcher:
            return await fetcher.fetch(f"http://{HOST}{path}")

    return asyncio.run(go())


# -- success, charsets ------------------------------------------------------------------


def test_fetch_returns_the_page(outlet: OutletServer) -> None:
    page = fetch(outlet, "/ok")
    assert page.url == page.final_url == f"http://{HOST}/ok"
    assert page.status == 200
    assert page.text == PAGE
    assert page.content == PAGE.encode("utf-8")
    assert page.encoding == "utf-8"
    assert page.redirects == ()
    assert page.header("content-type") == HTML
    assert page.fetched_at is not None and page.fetched_at.tzinfo is not None
    assert page.from_archive is False


def test_fetch_sniffs_html_without_a_content_type(outlet: OutletServer) -> None:
    assert fetch(outlet, "/no-type").text == PAGE


def test_fetch_detects_an_undeclared_latin1_body(outlet: OutletServer) -> None:
    assert fetch(outlet, "/de-undeclared").text == GERMAN


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/fr-mislabelled", FRENCH), ("/ru-mislabelled", RUSSIAN)],
)
def test_fetch_detects_bodies_mislabelled_as_utf8(
    outlet: OutletServer, path: str, expected: str
) -> None:
    page = fetch(outlet, path)
    assert page.text == expected
    assert page.encoding != "utf-8"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/es-mislabelled", SPANISH), ("/pt-mislabelled", PORTUGUESE)],
)
def test_fetch_detects_iberian_latin1_bodies(
    outlet: OutletServer, path: str, expected: str
) -> None:
    assert fetch(outlet, path).text == expected


def test_fetch_honours_a_meta_charset(outlet: OutletServer) -> None:
    page = fetch(outlet, "/ru-meta")
    assert page.text == RUSSIAN_META
    assert page.encoding == "windows-1251"


def test_fetch_honours_a_declared_charset(outlet: OutletServer) -> None:
    page = fetch(outlet, "/ru-declared")
    assert page.text == RUSSIAN
    assert page.encoding == "koi8-r"


def test_fetch_sends_the_configured_user_agent(outlet: OutletServer) -> None:
    agent = "provenance-test/9.9 (+mailto:qa@example.org)"
    fetch(outlet, "/ok?ua", user_agent=agent)
    sent = [h for host, path, h in outlet.requests if (host, path) == (HOST, "/ok?ua")]
    assert sent and sent[-1]["User-Agent"] == agent
    assert "gzip" in sent[-1]["Accept-Encoding"]


# -- redirects ----------------------------------------------------------------------------


def test_fetch_records_the_redirect_chain(outlet: OutletServer) -> None:
    page = fetch(outlet, "/moved")
    assert page.url == f"http://{HOST}/moved"
    assert page.final_url == "http://mirror.example/final?from=bugle"
    assert page.redirects == (
        Redirect(f"http://{HOST}/moved", 301, f"http://{HOST}/moved-again"),
        Redirect(f"http://{HOST}/moved-again", 302, "http://mirror.example/landing"),
        Redirect("http://mirror.example/landing", 307, "http://mirror.example/final?from=bugle"),
    )
    assert page.text == PAGE


def test_fetch_follows_exactly_max_redirects(outlet: OutletServer) -> None:
    page = fetch(outlet, "/hop/2")  # 10 hops to /hop/12
    assert len(page.redirects) == 10
    assert page.final_url == f"http://{HOST}/hop/12"


def test_fetch_refuses_more_than_ten_redirects(outlet: OutletServer) -> None:
    with pytest.raises(TooManyRedirects, match="more than 10 redirects") as info:
        fetch(outlet, "/hop/1")  # 11 hops
    assert info.value.url == f"http://{HOST}/hop/1"


def test_fetch_honours_a_lower_redirect_limit(outlet: OutletServer) -> None:
    with pytest.raises(TooManyRedirects, match="more than 2 redirects"):
        fetch(outlet, "/hop/9", max_redirects=2)


def test_fetch_detects_a_redirect_loop(outlet: OutletServer) -> None:
    with pytest.raises(TooManyRedirects, match="loop"):
        fetch(outlet, "/loop-a")


def test_fetch_refuses_a_redirect_to_a_non_http_url(outlet: OutletServer) -> None:
    with pytest.raises(FetchError, match="invalid URL") as info:
        fetch(outlet, "/to-ftp")
    assert not isinstance(info.value, TooManyRedirects)


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "shown"), [("/pdf", "application/pdf"), ("/json", "json")])
def test_fetch_refuses_non_html(outlet: OutletServer, path: str, shown: str) -> None:
    with pytest.raises(NotHTMLError, match=shown):
        fetch(outlet, path)


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/broken", 500), ("/gone", 410)])
def test_fetch_reports_http_errors_with_their_status(
    outlet: OutletServer, path: str, status: int
) -> None:
    with pytest.raises(FetchError, match=str(status)) as info:
        fetch(outlet, path)
    assert type(info.value) is FetchError
    assert info.value.url == f"http://{HOST}{path}"


def test_fetch_refuses_an_empty_page(outlet: OutletServer) -> None:
    with pytest.raises(FetchError, match="empty"):
        fetch(outlet, "/empty")


def test_fetch_refuses_a_body_over_max_bytes_by_content_length(outlet: OutletServer) -> None:
    with pytest.raises(TooLargeError, match="2006 bytes exceeds the cap of 1000"):
        fetch(outlet, "/big", max_bytes=1000)


def test_fetch_accepts_a_body_of_exactly_max_bytes(outlet: OutletServer) -> None:
    assert len(fetch(outlet, "/exact", max_bytes=1000).content) == 1000


@contextmanager
def raw_server(head: bytes, body_chunk: bytes, repeat: int) -> Iterator[str]:
    """A one-connection HTTP server that sends ``head`` then ``body_chunk`` x ``repeat``
    with no Content-Length (the body ends when the connection closes)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)

    def run() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            try:
                conn.sendall(head)
                for _ in range(repeat):
                    conn.sendall(body_chunk)
            except OSError:
                pass  # the client hung up, as it should

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        host, port = listener.getsockname()[:2]
        yield f"http://{host}:{port}"
    finally:
        listener.close()
        thread.join(timeout=5)


def test_fetch_refuses_a_body_over_max_bytes_without_content_length() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
    with raw_server(head, b"<p>" + b"x" * 65533, repeat=48) as proxy:  # 3 MB
        with pytest.raises(TooLargeError, match="^body exceeds the cap of 1048576 bytes$"):
            fetch(proxy, "/endless", max_bytes=MB, ignore_robots=True)


def test_fetch_reads_a_body_without_content_length() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
    with raw_server(head, b"<p>chunk</p>", repeat=100) as proxy:
        assert fetch(proxy, "/closes", ignore_robots=True).text == "<p>chunk</p>" * 100


def test_fetch_refuses_a_gzip_bomb_without_inflating_it(outlet: OutletServer) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError, match="decompresses to more than"):
            fetch(outlet, "/bomb", max_bytes=MB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * MB  # the bomb is 50 MB inflated


@pytest.mark.parametrize("path", ["/gzip-gzip", "/deflate-gzip"])
def test_fetch_undoes_stacked_content_encodings(outlet: OutletServer, path: str) -> None:
    page = fetch(outlet, path)
    assert page.text == PAGE
    assert page.content == PAGE.encode("utf-8")


def test_fetch_gives_up_on_a_trickling_server_within_total_timeout(outlet: OutletServer) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 1s"):
        fetch(outlet, "/slow", total_timeout=1.0)
    assert time.monotonic() - started < 3.0


def test_fetch_reports_a_refused_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # the port is closed now; no proxy, so the fetcher connects to it directly

    async def go() -> FetchResult:
        async with Fetcher(
            Settings(trust_env=False, connect_timeout=5, allow_private=True, retries=0)
        ) as fetcher:
            return await fetcher.fetch(f"http://127.0.0.1:{port}/a")

    with pytest.raises(FetchError, match="could not connect") as info:
        asyncio.run(go())
    assert info.value.url == f"http://127.0.0.1:{port}/a"


def test_fetch_refuses_an_invalid_url_before_any_request(outlet: OutletServer) -> None:
    before = len(outlet.requests)

    async def go() -> FetchResult:
        async with Fetcher(_settings(outlet)) as fetcher:
            return await fetcher.fetch("ftp://daily-bugle.example/file")

    with pytest.raises(FetchError, match="not an http"):
        asyncio.run(go())
    assert len(outlet.requests) == before


# -- concurrency --------------------------------------------------------------------------


class CountingRoutes(dict[tuple[str, str], Route]):
    """Routes that hold each request for ``hold`` seconds and count how many overlap, per host."""

    def __init__(self, routes: dict[tuple[str, str], Route], hold: float) -> None:
        super().__init__(routes)
        self.hold = hold
        self.lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.total_now = 0
        self.total_peak = 0

    def get(self, key: tuple[str, str], default: Route | None = None) -> Route | None:
        host = key[0]
        with self.lock:
            self.now[host] = self.now.get(host, 0) + 1
            self.total_now += 1
            self.peak[host] = max(self.peak.get(host, 0), self.now[host])
            self.total_peak = max(self.total_peak, self.total_now)
        time.sleep(self.hold)
        with self.lock:
            self.now[host] -= 1
            self.total_now -= 1
        return super().get(key, default)


def _fetch_many(proxy: str, urls: list[str], **changes: Any) -> list[FetchResult | FetchError]:
    async def go() -> list[FetchResult | FetchError]:
        async with Fetcher(_settings(proxy, **changes)) as fetcher:
            return await fetcher.fetch_many(urls)

    return asyncio.run(go())


def test_fetch_many_never_exceeds_per_host() -> None:
    pages = {
        (HOST, f"/story/{i}"): Route(body=PAGE.encode(), headers={"Content-Type": HTML})
        for i in range(10)
    }
    routes = CountingRoutes(pages, hold=0.1)
    server, thread = serve(routes)
    try:
        results = _fetch_many(
            server.url, [f"http://{HOST}/story/{i}" for i in range(10)], per_host=2
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert all(isinstance(r, FetchResult) for r in results)
    assert [r.url for r in results if isinstance(r, FetchResult)] == [
        f"http://{HOST}/story/{i}" for i in range(10)
    ]
    assert routes.peak == {HOST: 2}


def test_fetch_many_runs_hosts_in_parallel_but_caps_each() -> None:
    hosts = ("one.example", "two.example")
    pages = {
        (host, f"/s/{i}"): Route(body=PAGE.encode(), headers={"Content-Type": HTML})
        for host in hosts
        for i in range(4)
    }
    routes = CountingRoutes(pages, hold=0.2)
    server, thread = serve(routes)
    try:
        urls = [f"http://{host}/s/{i}" for i in range(4) for host in hosts]
        results = _fetch_many(server.url, urls, per_host=2, concurrency=16)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert all(isinstance(r, FetchResult) for r in results)
    assert routes.peak == {"one.example": 2, "two.example": 2}
    assert routes.total_peak == 4


def test_total_timeout_does_not_count_time_queued_for_a_slot() -> None:
    pages = {
        (HOST, f"/queued/{i}"): Route(body=PAGE.encode(), headers={"Content-Type": HTML}, delay=0.2)
        for i in range(6)
    }
    server, thread = serve(pages)
    try:
        results = _fetch_many(
            server.url,
            [f"http://{HOST}/queued/{i}" for i in range(6)],
            per_host=1,
            total_timeout=0.5,  # each response takes 0.2 s; together they take 1.2 s
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert [type(r).__name__ for r in results] == ["FetchResult"] * 6


def test_fetch_many_returns_failures_in_place(outlet: OutletServer) -> None:
    results = _fetch_many(
        outlet.url, [f"http://{HOST}/ok", f"http://{HOST}/missing", f"http://{HOST}/pdf"]
    )
    assert isinstance(results[0], FetchResult)
    assert isinstance(results[1], FetchError) and "404" in str(results[1])
    assert isinstance(results[2], NotHTMLError)


# -- decompress ---------------------------------------------------------------------------

BODY = b"<p>The harbour bridge reopened on Saturday.</p>" * 20


@pytest.mark.parametrize(
    ("encoded", "header"),
    [
        (BODY, None),
        (BODY, ""),
        (BODY, "identity"),
        (gzip.compress(BODY), "gzip"),
        (gzip.compress(BODY), "x-gzip"),
        (gzip.compress(BODY), "GZIP"),
        (zlib.compress(BODY), "deflate"),
        (zlib.compress(BODY)[2:-4], "deflate"),  # raw deflate, as some servers send it
        (gzip.compress(gzip.compress(BODY)), "gzip, gzip"),
        (gzip.compress(zlib.compress(BODY)), "deflate, gzip"),
        (zlib.compress(gzip.compress(BODY)), "gzip,deflate"),
        (gzip.compress(BODY), "identity, gzip"),
    ],
)
def test_decompress_undoes_content_encodings(encoded: bytes, header: str | None) -> None:
    assert decompress(encoded, header, limit=10_000, url="http://a.example/") == BODY


def test_decompress_allows_exactly_the_limit() -> None:
    assert decompress(gzip.compress(BODY), "gzip", limit=len(BODY), url="u") == BODY


def test_decompress_refuses_output_over_the_limit() -> None:
    with pytest.raises(TooLargeError, match=f"more than {len(BODY) - 1} bytes") as info:
        decompress(gzip.compress(BODY), "gzip", limit=len(BODY) - 1, url="http://a.example/")
    assert info.value.url == "http://a.example/"


def test_decompress_refuses_a_stacked_bomb() -> None:
    bomb = gzip.compress(gzip.compress(b"\0" * (20 * MB)))
    with pytest.raises(TooLargeError):
        decompress(bomb, "gzip, gzip", limit=MB, url="u")


def test_decompress_refuses_a_deflate_bomb_as_too_large() -> None:
    with pytest.raises(TooLargeError):
        decompress(zlib.compress(b"\0" * (10 * MB)), "deflate", limit=MB, url="u")


def test_decompress_reads_every_gzip_member() -> None:
    body = gzip.compress(b"<p>first half</p>") + gzip.compress(b"<p>second half</p>")
    assert decompress(body, "gzip", limit=1000, url="u") == b"<p>first half</p><p>second half</p>"


def test_decompress_refuses_a_truncated_gzip_body() -> None:
    with pytest.raises(FetchError):
        decompress(gzip.compress(BODY)[:-12], "gzip", limit=10_000, url="u")


@pytest.mark.parametrize(
    ("encoded", "header", "message"),
    [
        (b"not gzip at all", "gzip", "corrupt compressed body"),
        (b"not deflate at all", "deflate", "corrupt compressed body"),
        (BODY, "br", "unsupported Content-Encoding 'br'"),
        (BODY, "compress", "unsupported Content-Encoding"),
    ],
)
def test_decompress_refuses_bad_or_unknown_encodings(
    encoded: bytes, header: str, message: str
) -> None:
    with pytest.raises(FetchError, match=message):
        decompress(encoded, header, limit=10_000, url="u")


# -- decode_html ----------------------------------------------------------------------------


def test_decode_html_prefers_the_declared_charset() -> None:
    assert decode_html(RUSSIAN.encode("koi8-r"), "text/html; charset=KOI8-R") == (
        RUSSIAN,
        "koi8-r",
    )


def test_decode_html_accepts_a_quoted_charset() -> None:
    text, encoding = decode_html(FRENCH.encode("latin-1"), 'text/html; charset="ISO-8859-1"')
    assert (text, encoding) == (FRENCH, "iso-8859-1")


def test_decode_html_reads_a_meta_charset() -> None:
    assert decode_html(RUSSIAN_META.encode("cp1251"), None) == (RUSSIAN_META, "windows-1251")


def test_decode_html_reads_an_http_equiv_meta() -> None:
    page = RUSSIAN.replace(
        "<html>",
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>',
    )
    assert decode_html(page.encode("koi8-r"), "text/html") == (page, "koi8-r")


def test_decode_html_strips_a_utf8_bom_whatever_the_declaration() -> None:
    assert decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "text/html; charset=latin-1") == (
        "<p>caf\u00e9</p>",
        "utf-8",
    )


def test_decode_html_defaults_to_utf8() -> None:
    assert decode_html(PAGE.encode("utf-8"), None) == (PAGE, "utf-8")


def test_decode_html_falls_back_when_the_charset_is_unknown() -> None:
    assert decode_html(PAGE.encode("utf-8"), "text/html; charset=x-nonsense") == (PAGE, "utf-8")


@pytest.mark.parametrize(
    ("text", "codec"), [(FRENCH, "latin-1"), (GERMAN, "latin-1"), (RUSSIAN, "cp1251")]
)
def test_decode_html_detects_a_wrong_declaration(text: str, codec: str) -> None:
    decoded, encoding = decode_html(text.encode(codec), "text/html; charset=utf-8")
    assert decoded == text
    assert encoding != "utf-8"


def test_decode_html_never_raises_on_garbage() -> None:
    garbage = bytes(range(256)) * 8
    text, encoding = decode_html(garbage, "text/html; charset=utf-8")
    assert isinstance(text, str) and text
    assert encoding
