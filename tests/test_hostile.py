"""The hostile web: real misbehaving servers on 127.0.0.1, each with its documented outcome.

Servers here speak raw sockets, so they can do what no well-behaved HTTP library
would: reset connections, drip bytes, send endless or malformed bodies, absurd
headers and compression bombs. Every one is reached as an HTTP proxy (the
request line carries the fictional host), except where the address guard itself
is under test.

| server                        | outcome                                               |
|-------------------------------|-------------------------------------------------------|
| slow drip (a byte at a time)  | FetchError "no complete response within Ns", at N s   |
| endless body                  | TooLargeError "body exceeds the cap", memory flat     |
| gzip bomb (stacked, one chunk)| TooLargeError "decompresses to more than", memory flat|
| redirect loop / long chain    | TooManyRedirects                                      |
| redirect to 127.0.0.1 / 169.254.169.254 | BlockedAddressError, no request made        |
| wrong content type            | NotHTMLError                                          |
| wrong charset                 | decoded by detection                                  |
| 429 + Retry-After             | waited for, then fetched; too long: fails at once     |
| flapping 503                  | retried with backoff, fetched                         |
| connection reset              | retried; FetchError "(gave up after N attempts)"      |
| invalid chunked encoding      | BadResponseError, not retried                         |
| absurd headers                | BadResponseError, not retried                         |
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Settings
from provenance.errors import (
    BadResponseError,
    BlockedAddressError,
    FetchError,
    InvalidURLError,
    NotHTMLError,
    TooLargeError,
    TooManyRedirects,
)
from provenance.fetch import Fetcher
from provenance.models import FetchResult
from provenance.pipeline import ingest_urls
from provenance.store import Store

MB = 1024 * 1024
ARTICLE = (
    "<!doctype html><html><head><title>Quay wall inquiry</title></head><body><article>"
    "<h1>Quay wall inquiry</h1><p>"
    + " ".join(f"word{i % 97} filler{i % 89} text{i}" for i in range(300))
    + "</p></article></body></html>"
).encode()

# -- a raw-socket server -----------------------------------------------------------------


@dataclass
class Request:
    host: str
    path: str
    headers: dict[str, str]


Handler = Callable[[socket.socket, Request], None]


def head(status: int, headers: list[tuple[str, str]] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} Whatever"]
    lines += [f"{k}: {v}" for k, v in headers or []]
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(
    status: int = 200, body: bytes = b"", headers: list[tuple[str, str]] | None = None
) -> Handler:
    """A plain response with a Content-Length."""
    headers = list(headers or [])
    if not any(k.lower() == "content-length" for k, _ in headers):
        headers.insert(0, ("Content-Length", str(len(body))))

    def handle(conn: socket.socket, request: Request) -> None:
        conn.sendall(head(status, headers) + body)

    return handle


def page(body: bytes = ARTICLE, content_type: str = "text/html; charset=utf-8") -> Handler:
    return respond(200, body, [("Content-Type", content_type)])


def redirect(location: str, status: int = 302) -> Handler:
    return respond(status, b"", [("Location", location)])


def reset(conn: socket.socket, request: Request) -> None:
    """Hang up with a TCP reset, before any byte of response."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class Sequence:
    """A different handler for each successive request (the last one repeats)."""

    def __init__(self, *handlers: Handler) -> None:
        self.handlers = list(handlers)
        self.lock = threading.Lock()
        self.calls = 0

    def __call__(self, conn: socket.socket, request: Request) -> None:
        with self.lock:
            handler = self.handlers[min(self.calls, len(self.handlers) - 1)]
            self.calls += 1
        handler(conn, request)


@dataclass
class RawServer:
    """A threaded server on 127.0.0.1: one request per connection, answered by raw bytes."""

    handlers: dict[tuple[str, str], Handler]
    requests: list[Request] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def paths(self, host: str | None = None) -> list[str]:
        return [r.path for r in self.requests if host is None or r.host == host]

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        from urllib.parse import urlsplit

        with conn:
            conn.settimeout(10)
            data = b""
            try:
                while b"\r\n\r\n" not in data and len(data) < 65536:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                    if data.startswith(b"\x16"):  # a TLS hello: answer in plain HTTP
                        conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
                        return
                lines = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
                target = lines[0].split(" ")[1]
                headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
                parts = urlsplit(target)
                host = (parts.hostname or headers.get("Host", "").split(":")[0]).lower()
                path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                request = Request(host, path, headers)
                self.requests.append(request)
                handler = self.handlers.get((host, path), respond(404, b"not found"))
                handler(conn, request)
            except OSError:
                pass  # the client hung up, as it should when it gives up

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join(timeout=5)


@pytest.fixture()
def raw() -> Iterator[Callable[[dict[tuple[str, str], Handler]], RawServer]]:
    servers: list[RawServer] = []

    def make(handlers: dict[tuple[str, str], Handler]) -> RawServer:
        servers.append(RawServer(handlers))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


def quick(proxy: str | None, **changes: Any) -> Settings:
    """Settings for tests: no politeness delay, fast backoff, through ``proxy``."""
    base: dict[str, Any] = {
        "proxy": proxy,
        "trust_env": False,
        "host_delay": 0.0,
        "backoff_base": 0.02,
        "retries": 2,
    }
    return Settings(**{**base, **changes})


def fetch(settings: Settings, url: str) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


# -- hostile bodies ----------------------------------------------------------------------


def drip(interval: float, size: int = 10_000) -> Handler:
    def handle(conn: socket.socket, request: Request) -> None:
        conn.sendall(head(200, [("Content-Type", "text/html"), ("Content-Length", str(size))]))
        for _ in range(size):
            conn.sendall(b"x")
            time.sleep(interval)

    return handle


def endless(chunked: bool = False) -> Handler:
    block = b"<p>" + b"x" * (64 * 1024 - 3)

    def handle(conn: socket.socket, request: Request) -> None:
        extra = [("Transfer-Encoding", "chunked")] if chunked else []
        conn.sendall(head(200, [("Content-Type", "text/html"), *extra]))
        frame = b"%x\r\n%s\r\n" % (len(block), block) if chunked else block
        for _ in range(100_000):  # ~6 GB: ends when the client hangs up
            conn.sendall(frame)

    return handle


def test_a_trickling_server_is_cut_off_at_the_deadline(raw) -> None:
    server = raw({("drip.example", "/"): drip(0.05)})
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete response within 1s"):
        fetch(quick(server.url, total_timeout=1.0, read_timeout=5.0), "http://drip.example/")
    elapsed = time.monotonic() - started
    assert 0.9 < elapsed < 2.5  # cut off at the deadline, not at read_timeout x retries (15 s)
    assert server.paths("drip.example") == ["/robots.txt", "/"]  # a deadline is not retried


def test_headers_that_trickle_are_cut_off_too(raw) -> None:
    def slow_head(conn: socket.socket, request: Request) -> None:
        for byte in head(200, [("Content-Type", "text/html")] + [("X-Pad", "y" * 50)] * 50):
            conn.sendall(bytes([byte]))
            time.sleep(0.01)

    server = raw({("slowhead.example", "/"): slow_head})
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 1s"):
        fetch(quick(server.url, total_timeout=1.0), "http://slowhead.example/")
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("chunked", [False, True], ids=["close-delimited", "chunked"])
def test_an_endless_body_is_cut_at_the_cap_while_streaming(raw, chunked: bool) -> None:
    server = raw({("endless.example", "/"): endless(chunked)})
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(TooLargeError, match=f"^body exceeds the cap of {MB} bytes$"):
            fetch(quick(server.url, max_bytes=MB), "http://endless.example/")
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB
    assert elapsed < 3.0
    assert server.paths("endless.example").count("/") == 1  # too large is not retried


def test_an_absurd_content_length_is_refused_before_reading(raw) -> None:
    server = raw({("huge.example", "/"): respond(200, b"", [("Content-Length", str(10**15))])})
    with pytest.raises(TooLargeError, match=f"body of {10**15} bytes exceeds the cap"):
        fetch(quick(server.url), "http://huge.example/")


def _member_of_zeros(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    return b"".join([compressor.compress(block) for _ in range(size // MB)] + [compressor.flush()])


@pytest.fixture(scope="module")
def stacked_bomb() -> bytes:
    """``gzip, gzip``: 6.5 KB that expand to 4 GiB (256 gzip members of 16 MiB of zeros)."""
    inner = _member_of_zeros(16 * MB) * 256
    return gzip.compress(inner, 9)


def test_a_stacked_gzip_bomb_in_one_small_chunk_is_stopped(raw, stacked_bomb: bytes) -> None:
    assert len(stacked_bomb) < 16 * 1024  # one small read, a millionfold expansion
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip, gzip")]
    server = raw({("bomb.example", "/"): respond(200, stacked_bomb, headers)})
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(TooLargeError, match=f"decompresses to more than {MB} bytes"):
            fetch(quick(server.url, max_bytes=MB), "http://bomb.example/")
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB
    assert elapsed < 2.0


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        ("deflate", zlib.compress(bytes(50 * MB), 9)),
        ("gzip", gzip.compress(bytes(50 * MB), 9)),
        ("deflate, gzip", gzip.compress(zlib.compress(bytes(50 * MB), 9), 9)),
    ],
    ids=["deflate", "gzip", "deflate-gzip"],
)
def test_compression_bombs_of_every_supported_coding(raw, coding: str, body: bytes) -> None:
    headers = [("Content-Type", "text/html"), ("Content-Encoding", coding)]
    server = raw({("bomb.example", "/"): respond(200, body, headers)})
    with pytest.raises(TooLargeError, match="decompresses to more than"):
        fetch(quick(server.url, max_bytes=MB), "http://bomb.example/")


def test_an_unadvertised_coding_is_refused_clearly(raw) -> None:
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "br")]
    server = raw({("br.example", "/"): respond(200, b"\x0b\x02\x80hello\x03", headers)})
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
        fetch(quick(server.url), "http://br.example/")
    assert server.requests[-1].headers["Accept-Encoding"] == "gzip, deflate"


def test_a_truncated_gzip_body_is_refused(raw) -> None:
    body = gzip.compress(ARTICLE)[:-20]
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    server = raw({("cut.example", "/"): respond(200, body, headers)})
    with pytest.raises(BadResponseError, match="truncated"):
        fetch(quick(server.url), "http://cut.example/")


# -- malformed responses: refused, never retried ------------------------------------------


def raw_response(data: bytes) -> Handler:
    def handle(conn: socket.socket, request: Request) -> None:
        conn.sendall(data)

    return handle


MALFORMED = {
    "bad-chunks": raw_response(
        head(200, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])
        + b"ZZZ\r\n<p>hello</p>\r\n0\r\n\r\n"
    ),
    "bad-length": raw_response(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ten\r\n\r\n<p>x</p>"
    ),
    "huge-headers": raw_response(
        head(200, [("Content-Type", "text/html")] + [("X-Pad", "y" * 8000)] * 20) + b"<p>x</p>"
    ),
    "many-headers": raw_response(
        head(200, [("Content-Type", "text/html"), ("Content-Length", "8")]).replace(
            b"Connection", b"".join(b"X-H%d: 1\r\n" % i for i in range(150)) + b"Connection"
        )
        + b"<p>x</p>"
    ),
    "not-http": raw_response(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"),
}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad-chunks", "malformed response"),
        ("bad-length", "malformed response"),
        ("huge-headers", "headers larger than 100 KiB"),
        ("many-headers", "153 header lines \\(at most 100 accepted\\)"),
        ("not-http", "malformed response"),
    ],
)
def test_malformed_responses_are_refused_and_not_retried(raw, name: str, message: str) -> None:
    server = raw({("bad.example", f"/{name}"): MALFORMED[name]})
    with pytest.raises(BadResponseError, match=message):
        fetch(quick(server.url, retries=3), f"http://bad.example/{name}")
    assert server.paths("bad.example").count(f"/{name}") == 1


# -- transient failures: retried ---------------------------------------------------------


def test_connection_resets_are_retried_then_reported_with_attempts(raw) -> None:
    server = raw({("reset.example", "/"): reset})
    with pytest.raises(FetchError, match=r"\(gave up after 3 attempts\)$") as info:
        fetch(quick(server.url, retries=2), "http://reset.example/")
    assert type(info.value) is FetchError
    assert server.paths("reset.example").count("/") == 3


def test_a_server_that_resets_twice_then_answers_is_fetched(raw) -> None:
    server = raw({("flaky.example", "/"): Sequence(reset, reset, page())})
    assert fetch(quick(server.url, retries=2), "http://flaky.example/").content == ARTICLE


def test_a_flapping_503_is_retried_with_backoff(raw) -> None:
    server = raw({("flap.example", "/"): Sequence(respond(503), respond(503), page())})
    started = time.monotonic()
    result = fetch(quick(server.url, retries=3, backoff_base=0.2), "http://flap.example/")
    assert result.content == ARTICLE
    # two backoffs: 0.1-0.2 s then 0.2-0.4 s (equal jitter around 0.2 x 2^n)
    assert 0.3 <= time.monotonic() - started < 2.0
    assert server.paths("flap.example").count("/") == 3


def test_a_503_that_never_ends_fails_with_its_status_and_attempts(raw) -> None:
    server = raw({("down.example", "/"): respond(503)})
    with pytest.raises(
        FetchError, match=r"^HTTP 503 Service Unavailable \(gave up after 2 attempts\)$"
    ):
        fetch(quick(server.url, retries=1), "http://down.example/")


def test_429_retry_after_is_honoured(raw) -> None:
    server = raw(
        {("busy.example", "/"): Sequence(respond(429, b"", [("Retry-After", "1")]), page())}
    )
    started = time.monotonic()
    assert fetch(quick(server.url), "http://busy.example/").content == ARTICLE
    assert time.monotonic() - started >= 0.95


def test_a_retry_after_past_the_cap_fails_at_once(raw) -> None:
    server = raw({("busy.example", "/"): respond(429, b"", [("Retry-After", "86400")])})
    started = time.monotonic()
    with pytest.raises(FetchError, match="HTTP 429 Too Many Requests: Retry-After asks for 86400s"):
        fetch(quick(server.url), "http://busy.example/")
    assert time.monotonic() - started < 1.0
    assert server.paths("busy.example").count("/") == 1


def test_a_retry_that_would_pass_the_deadline_is_not_attempted(raw) -> None:
    server = raw({("busy.example", "/"): respond(503, b"", [("Retry-After", "5")])})
    started = time.monotonic()
    with pytest.raises(FetchError, match="no time left to retry within 2s"):
        fetch(quick(server.url, total_timeout=2.0), "http://busy.example/")
    assert time.monotonic() - started < 1.5  # refused at once, not after waiting


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 451])
def test_client_errors_are_not_retried(raw, status: int) -> None:
    server = raw({("gone.example", "/"): respond(status)})
    with pytest.raises(FetchError, match=f"^HTTP {status}"):
        fetch(quick(server.url, retries=3), "http://gone.example/")
    assert server.paths("gone.example").count("/") == 1


def test_a_tls_failure_is_permanent(raw) -> None:
    """A plain-HTTP server on a port we reach with https: the handshake fails."""
    server = raw({})
    port = server.url.rsplit(":", 1)[1]
    settings = quick(None, allow_private=True, retries=3, ignore_robots=True)
    with pytest.raises(FetchError, match="TLS failure"):
        fetch(settings, f"https://127.0.0.1:{port}/")
    assert len(server.requests) <= 1  # the TLS hello is not an HTTP request; never retried


def test_a_dns_failure_is_permanent(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system resolver answers "no such name" (stood in for here: a test sends no DNS
    query off the machine); the failure is said once, never retried."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "no-such-host.invalid":
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    settings = quick(None, retries=3)
    with pytest.raises(FetchError, match="DNS lookup of no-such-host.invalid failed"):
        fetch(settings, "http://no-such-host.invalid/")
    assert asked == ["no-such-host.invalid"]  # asked once: not retried


# -- redirects ----------------------------------------------------------------------------


def test_redirect_loops_and_long_chains_are_stopped(raw) -> None:
    hops = {("hops.example", f"/{i}"): redirect(f"/{i + 1}") for i in range(20)}
    server = raw(
        {
            ("loop.example", "/a"): redirect("/b"),
            ("loop.example", "/b"): redirect("http://loop.example/a"),
            **hops,
        }
    )
    with pytest.raises(TooManyRedirects, match="loop"):
        fetch(quick(server.url), "http://loop.example/a")
    with pytest.raises(TooManyRedirects, match="more than 10 redirects"):
        fetch(quick(server.url), "http://hops.example/0")
    assert len(server.paths("hops.example")) == 1 + 11  # robots.txt, then 11 hops


def test_a_redirect_with_credentials_is_refused(raw) -> None:
    server = raw({("a.example", "/"): redirect("http://user:secret@b.example/")})
    with pytest.raises(FetchError, match="credentials") as info:
        fetch(quick(server.url), "http://a.example/")
    assert "secret" not in str(info.value)


# -- the address guard -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://127.0.0.1:{port}/admin", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::ffff:127.0.0.1]:{port}/", "loopback"),
        ("http://[::1]:{port}/", "loopback"),
        ("http://2130706433:{port}/", "loopback"),  # 127.0.0.1 as one decimal number
        ("http://10.0.0.7/", "private"),
        ("http://0.0.0.0:{port}/", "unspecified"),
        ("http://[fd00:ec2::254]/", "private"),
    ],
)
def test_a_redirect_into_the_internal_network_is_refused(raw, target: str, kind: str) -> None:
    server = raw({})
    port = server.url.rsplit(":", 1)[1]
    location = target.format(port=port)
    server.handlers[("evil.example", "/")] = redirect(location)
    with pytest.raises(BlockedAddressError, match=f" {kind} address") as info:
        fetch(quick(server.url), "http://evil.example/")
    assert info.value.url == "http://evil.example/"
    assert "redirected to" in str(info.value)
    assert server.paths("evil.example") == ["/robots.txt", "/"]  # nothing more was asked


def test_the_metadata_address_stays_refused_with_allow_private(raw) -> None:
    server = raw({("evil.example", "/"): redirect("http://169.254.169.254/latest/meta-data/")})
    with pytest.raises(BlockedAddressError, match="link-local"):
        fetch(quick(server.url, allow_private=True), "http://evil.example/")


def test_a_direct_fetch_of_loopback_is_refused_by_default(raw) -> None:
    server = raw({("127.0.0.1", "/x"): page()})
    url = f"{server.url}/x"
    with pytest.raises(BlockedAddressError, match=r"^refused: 127\.0\.0\.1 is a loopback address"):
        fetch(quick(None), url)
    assert server.requests == []  # not even robots.txt


def test_a_name_that_resolves_to_loopback_is_refused_at_connect(raw) -> None:
    server = raw({("localhost", "/x"): page()})
    port = server.url.rsplit(":", 1)[1]
    with pytest.raises(BlockedAddressError, match="localhost resolves to .*a loopback address"):
        fetch(quick(None, ignore_robots=True), f"http://localhost:{port}/x")
    assert server.requests == []


def test_allow_private_lets_an_intranet_fetch_through(raw) -> None:
    server = raw({("127.0.0.1", "/x"): page(), ("localhost", "/y"): page()})
    port = server.url.rsplit(":", 1)[1]
    settings = quick(None, allow_private=True)
    assert fetch(settings, f"{server.url}/x").content == ARTICLE
    assert fetch(settings, f"http://localhost:{port}/y").content == ARTICLE
    assert server.paths() == ["/robots.txt", "/x", "/robots.txt", "/y"]


def test_every_resolved_address_is_checked(monkeypatch) -> None:
    """A name with one public and one private address is refused (no connection is tried)."""
    public = (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))
    private = (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::ffff:10.1.2.3", 80, 0, 0))

    async def fake_getaddrinfo(self: Any, host: str, port: Any, **kwargs: Any) -> list[Any]:
        if kwargs.get("flags"):  # the IP-literal probe
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [public, private]

    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(
        BlockedAddressError, match=r"resolves to ::ffff:10\.1\.2\.3, a private address"
    ):
        fetch(quick(None, ignore_robots=True), "http://rebind.example/")


def test_a_guard_failure_is_not_hidden_by_the_transport_swap() -> None:
    """The guarded pool really is the one httpx uses (it would break on an httpx upgrade)."""
    from provenance.guard import GuardedBackend

    fetcher = Fetcher(quick(None))
    pool = fetcher._client._transport._pool  # type: ignore[attr-defined]
    assert isinstance(pool._network_backend, GuardedBackend)
    asyncio.run(fetcher.aclose())


# -- bad content --------------------------------------------------------------------------


def test_wrong_content_type_and_wrong_charset(raw) -> None:
    french = "<html><body><p>Le ministre a d\u00e9clar\u00e9 \u00e0 la presse que l'\u00e9t\u00e9 serait chaud.</p></body></html>"
    server = raw(
        {
            ("img.example", "/"): page(b"\x89PNG\r\n\x1a\n", "image/png"),
            ("latin.example", "/"): page(french.encode("latin-1"), "text/html; charset=utf-8"),
            ("nonsense.example", "/"): page(ARTICLE, "text/html; charset=x-no-such-charset"),
            ("empty.example", "/"): page(b"  \n "),
        }
    )
    with pytest.raises(NotHTMLError, match="image/png"):
        fetch(quick(server.url), "http://img.example/")
    assert fetch(quick(server.url), "http://latin.example/").text == french
    assert fetch(quick(server.url), "http://nonsense.example/").text == ARTICLE.decode()
    with pytest.raises(FetchError, match="empty page"):
        fetch(quick(server.url), "http://empty.example/")


@pytest.mark.parametrize(
    "url",
    ["ftp://a.example/x", "http://user:pw@a.example/", "not a url", "http://", "javascript:1"],
)
def test_bad_urls_are_refused_before_any_request(raw, url: str) -> None:
    server = raw({})
    with pytest.raises(InvalidURLError):
        fetch(quick(server.url), url)
    assert server.requests == []


# -- the run carries on ------------------------------------------------------------------


def battery() -> dict[tuple[str, str], Handler]:
    return {
        ("good.example", "/story"): page(),
        ("drip.example", "/"): drip(0.05),
        ("endless.example", "/"): endless(),
        ("loop.example", "/a"): redirect("/b"),
        ("loop.example", "/b"): redirect("/a"),
        ("evil.example", "/"): redirect("http://169.254.169.254/latest/meta-data/"),
        ("img.example", "/"): page(b"\x89PNG\r\n\x1a\n", "image/png"),
        ("down.example", "/"): respond(503),
        ("reset.example", "/"): reset,
        ("chunks.example", "/"): MALFORMED["bad-chunks"],
        ("short.example", "/"): page(b"<html><body><p>Too short.</p></body></html>"),
    }


EXPECTED = {
    "http://drip.example/": "no complete response within 1.5s",
    "http://endless.example/": "body exceeds the cap",
    "http://loop.example/a": "redirect loop",
    "http://evil.example/": "link-local address",
    "http://img.example/": "not an HTML page",
    "http://down.example/": "HTTP 503 Service Unavailable (gave up after 2 attempts)",
    "http://reset.example/": "(gave up after 2 attempts)",
    "http://chunks.example/": "malformed response",
    "ftp://bad.example/": "not an http(s) URL",
}


def test_a_batch_carries_on_past_every_hostile_server_and_records_why(raw, store_path) -> None:
    server = raw(battery())
    settings = quick(server.url, total_timeout=1.5, max_bytes=MB, retries=1)
    urls = ["http://good.example/story", *EXPECTED, "http://short.example/"]

    async def go() -> list[Any]:
        with Store.open(store_path, settings) as store:
            async with Fetcher(settings) as fetcher:
                outcomes = await ingest_urls(urls, store, settings, fetcher=fetcher)
            return [outcomes, store.failures()]

    started = time.monotonic()
    outcomes, failures = asyncio.run(go())
    assert time.monotonic() - started < 6.0  # concurrently: the slowest is the 1.5 s drip
    by_url = {o.url: o for o in outcomes}
    assert by_url["http://good.example/story"].status == "new"
    assert by_url["http://short.example/"].status in ("failed", "too-short")
    for url, reason in EXPECTED.items():
        assert by_url[url].status == "failed"
        assert reason in by_url[url].reason, (url, by_url[url].reason)
    recorded = {url: reason for url, reason, _ in failures}
    for url, reason in EXPECTED.items():
        if url.startswith("http"):
            assert reason in recorded[url]


def test_the_cli_batch_lists_failures_and_exits_3(raw, store_path) -> None:
    server = raw(battery())
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            "--store",
            str(store_path),
            "--proxy",
            server.url,
            "--delay",
            "0",
            "--retries",
            "1",
            "http://good.example/story",
            "http://img.example/",
            "http://evil.example/",
            "http://chunks.example/",
            "http://user:pw@good.example/",
        ],
    )
    assert result.exit_code == 3, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(lines) == 4
    assert any("link-local" in line for line in lines)
    assert "Traceback" not in result.output


def test_the_cli_refuses_loopback_unless_allowed(raw, store_path: Path | str) -> None:
    server = raw({("127.0.0.1", "/x"): page()})
    args = ["lookup", "--store", str(store_path), "--delay", "0", f"{server.url}/x"]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1
    assert refused.output.count("\n") == 1 and "loopback address" in refused.output
    allowed = CliRunner().invoke(app, [*args, "--allow-private"])
    assert allowed.exit_code == 0, allowed.output
