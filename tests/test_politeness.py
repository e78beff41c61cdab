"""Politeness: robots.txt, per-host limits and delays, Retry-After, backoff; and hygiene.

Real HTTP servers on 127.0.0.1 (tests/servers.py), reached as a proxy so every
fictional host keeps its name. Delays are scaled down (tenths of a second); the
defaults they stand for are in provenance/config.py and the README.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Settings
from provenance.errors import ConfigError, FetchError, RobotsDisallowed
from provenance.fetch import Fetcher
from provenance.models import FetchResult
from provenance.retry import RetryPolicy, parse_retry_after
from provenance.robots import rules_from_response
from provenance.urls import redact_url
from tests.servers import OutletServer, Route

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = b"<html><body><p>The harbour bridge reopened on Saturday.</p></body></html>"
UA = "provenance/0.1 (+https://github.com/provenance-tool/provenance)"


class Recorded(dict[tuple[str, str], Any]):
    """Routes that record when each request arrived and how many overlap, per host.

    A value may be a Route or a callable returning one (for answers that change).
    """

    def __init__(self, routes: dict[tuple[str, str], Any], hold: float = 0.0) -> None:
        super().__init__(routes)
        self.hold = hold
        self.lock = threading.Lock()
        self.log: list[tuple[float, str, str]] = []
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.total_now = 0
        self.total_peak = 0

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        host = key[0]
        with self.lock:
            self.log.append((time.monotonic(), *key))
            self.now[host] = self.now.get(host, 0) + 1
            self.total_now += 1
            self.peak[host] = max(self.peak.get(host, 0), self.now[host])
            self.total_peak = max(self.total_peak, self.total_now)
        if self.hold and key[1] != "/robots.txt":
            time.sleep(self.hold)
        with self.lock:
            self.now[host] -= 1
            self.total_now -= 1
        value = super().get(key, default)
        return value() if callable(value) else value

    def times(self, host: str, path: str | None = None) -> list[float]:
        return [t for t, h, p in self.log if h == host and (path is None or p == path)]

    def paths(self, host: str) -> list[str]:
        return [p for _, h, p in self.log if h == host]


@pytest.fixture()
def web() -> Iterator[Callable[..., tuple[OutletServer, Recorded]]]:
    servers: list[tuple[OutletServer, Any]] = []

    def make(
        routes: dict[tuple[str, str], Any], hold: float = 0.0
    ) -> tuple[OutletServer, Recorded]:
        recorded = Recorded(routes, hold)
        server = OutletServer(recorded)
        thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
        thread.start()  # a short poll interval: shutdown takes 20 ms, not 500
        servers.append((server, thread))
        return server, recorded

    yield make
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def settings(server: OutletServer, **changes: Any) -> Settings:
    base: dict[str, Any] = {
        "proxy": server.url,
        "trust_env": False,
        "host_delay": 0.0,
        "backoff_base": 0.02,
    }
    return Settings(**{**base, **changes})


def fetch_all(config: Settings, urls: list[str]) -> list[FetchResult | FetchError]:
    async def go() -> list[FetchResult | FetchError]:
        async with Fetcher(config) as fetcher:
            return await fetcher.fetch_many(urls)

    return asyncio.run(go())


def fetch(config: Settings, url: str) -> FetchResult:
    result = fetch_all(config, [url])[0]
    if isinstance(result, FetchError):
        raise result
    return result


def robots(text: str, status: int = 200) -> Route:
    return Route(status, text.encode(), {"Content-Type": "text/plain"})


def pages(host: str, *paths: str) -> dict[tuple[str, str], Any]:
    return {(host, path): Route(body=PAGE, headers=HTML) for path in paths}


# -- robots.txt ----------------------------------------------------------------------------


def test_robots_txt_is_obeyed_for_our_user_agent(web) -> None:
    rules = "User-agent: provenance\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n"
    server, log = web(
        {
            ("site.example", "/robots.txt"): robots(rules),
            **pages("site.example", "/news/1", "/private/2"),
        }
    )
    results = fetch_all(
        settings(server), ["http://site.example/news/1", "http://site.example/private/2"]
    )
    assert isinstance(results[0], FetchResult)
    assert isinstance(results[1], RobotsDisallowed)
    assert "robots.txt disallows it for our User-Agent" in str(results[1])
    assert "/private/2" not in log.paths("site.example")


def test_rules_for_other_agents_do_not_apply(web) -> None:
    server, _ = web(
        {
            ("site.example", "/robots.txt"): robots("User-agent: OtherBot\nDisallow: /\n"),
            **pages("site.example", "/a"),
        }
    )
    assert fetch(settings(server), "http://site.example/a").content == PAGE


def test_robots_txt_is_fetched_once_per_site_however_many_urls_ask_at_once(web) -> None:
    urls = [f"http://site.example/s/{i}" for i in range(20)]
    routes = {("site.example", "/robots.txt"): robots("User-agent: *\nAllow: /\n")}
    routes |= pages("site.example", *(f"/s/{i}" for i in range(20)))
    routes |= pages("other.example", "/x")
    server, log = web(routes)
    results = fetch_all(settings(server, per_host=4), [*urls, "http://other.example/x"])
    assert all(isinstance(r, FetchResult) for r in results)
    assert log.paths("site.example").count("/robots.txt") == 1
    assert log.paths("other.example") == ["/robots.txt", "/x"]


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_a_missing_or_forbidden_robots_txt_allows_everything(web, status: int) -> None:
    server, _ = web(
        {
            ("site.example", "/robots.txt"): robots("Disallow: /", status),
            **pages("site.example", "/a"),
        }
    )
    assert fetch(settings(server), "http://site.example/a").content == PAGE


@pytest.mark.parametrize("status", [500, 503, 429])
def test_an_unreachable_robots_txt_disallows_everything_for_the_run(web, status: int) -> None:
    server, log = web(
        {("site.example", "/robots.txt"): robots("", status), **pages("site.example", "/a", "/b")}
    )
    results = fetch_all(
        settings(server, retries=1), ["http://site.example/a", "http://site.example/b"]
    )
    for result in results:
        assert isinstance(result, RobotsDisallowed)
        assert "robots.txt is unreachable" in str(result) and "RFC 9309" in str(result)
    assert set(log.paths("site.example")) == {"/robots.txt"}
    assert log.paths("site.example").count("/robots.txt") == 2  # one retry, once for both URLs


def test_a_robots_txt_that_never_answers_times_out_as_unreachable(web) -> None:
    server, _ = web(
        {
            ("slow.example", "/robots.txt"): Route(200, b"", HTML, delay=3.0),
            **pages("slow.example", "/a"),
        }
    )
    started = time.monotonic()
    with pytest.raises(RobotsDisallowed, match="no answer within 0.5s"):
        fetch(settings(server, robots_timeout=0.5), "http://slow.example/a")
    assert time.monotonic() - started < 2.0


def test_robots_redirects_are_followed(web) -> None:
    server, _ = web(
        {
            ("site.example", "/robots.txt"): Route(
                301, b"", {"Location": "http://cdn.example/robots.txt"}
            ),
            ("cdn.example", "/robots.txt"): robots("User-agent: *\nDisallow: /secret\n"),
            **pages("site.example", "/secret", "/open"),
        }
    )
    results = fetch_all(
        settings(server), ["http://site.example/secret", "http://site.example/open"]
    )
    assert isinstance(results[0], RobotsDisallowed)
    assert isinstance(results[1], FetchResult)


def test_a_huge_robots_txt_is_read_up_to_its_cap(web) -> None:
    text = "User-agent: *\nDisallow: /early\n" + "# padding\n" * 100_000 + "Disallow: /late\n"
    server, _ = web(
        {("site.example", "/robots.txt"): robots(text), **pages("site.example", "/early", "/late")}
    )
    results = fetch_all(
        settings(server, robots_max_bytes=64 * 1024),
        ["http://site.example/early", "http://site.example/late"],
    )
    assert isinstance(results[0], RobotsDisallowed)
    assert isinstance(results[1], FetchResult)  # past the cap: not read


def test_a_robots_txt_that_is_garbage_allows_everything(web) -> None:
    server, _ = web(
        {
            ("site.example", "/robots.txt"): Route(200, bytes(range(256)) * 50, HTML),
            **pages("site.example", "/a"),
        }
    )
    assert fetch(settings(server), "http://site.example/a").content == PAGE


def test_a_redirect_into_a_disallowed_path_is_refused(web) -> None:
    server, log = web(
        {
            ("short.example", "/r"): Route(302, b"", {"Location": "http://site.example/private/x"}),
            ("site.example", "/robots.txt"): robots("User-agent: *\nDisallow: /private\n"),
            **pages("site.example", "/private/x"),
        }
    )
    with pytest.raises(
        RobotsDisallowed, match="redirected to http://site.example/private/x"
    ) as info:
        fetch(settings(server), "http://short.example/r")
    assert info.value.url == "http://short.example/r"
    assert "/private/x" not in log.paths("site.example")


def test_ignore_robots_never_asks(web) -> None:
    server, log = web(
        {
            ("site.example", "/robots.txt"): robots("User-agent: *\nDisallow: /\n"),
            **pages("site.example", "/a"),
        }
    )
    assert fetch(settings(server, ignore_robots=True), "http://site.example/a").content == PAGE
    assert log.paths("site.example") == ["/a"]


def test_archive_replay_needs_no_robots_txt(tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "a.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "http://site.example/a", "response", payload=io.BytesIO(PAGE), http_headers=http
            )
        )
    assert fetch(Settings(archives=(path,)), "http://site.example/a").content == PAGE


def test_rules_from_response_follow_rfc_9309() -> None:
    assert rules_from_response(200, b"User-agent: *\nDisallow: /x\n").allows(
        "http://a.example/y", UA
    )
    assert not rules_from_response(200, b"User-agent: *\nDisallow: /x\n").allows(
        "http://a.example/x", UA
    )
    assert rules_from_response(404, b"").allows("http://a.example/x", UA)
    assert not rules_from_response(500, b"").allows("http://a.example/x", UA)
    assert not rules_from_response(429, b"").allows("http://a.example/x", UA)
    assert rules_from_response(200, b"").allows("http://a.example/x", UA)


# -- per-host delay, crawl-delay, concurrency --------------------------------------------


def test_requests_to_one_host_are_spaced_by_host_delay(web) -> None:
    paths = [f"/s/{i}" for i in range(4)]
    server, log = web({**pages("one.example", *paths), **pages("two.example", *paths)})
    urls = [f"http://{host}{p}" for p in paths for host in ("one.example", "two.example")]
    started = time.monotonic()
    results = fetch_all(settings(server, host_delay=0.25, per_host=4), urls)
    elapsed = time.monotonic() - started
    assert all(isinstance(r, FetchResult) for r in results)
    for host in ("one.example", "two.example"):
        times = [t for t, h, p in log.log if h == host and p != "/robots.txt"]
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= 0.15, gaps  # spaced (0.25 s, less server-side jitter), despite 4 slots
    assert elapsed < 1.6  # the two hosts ran side by side: 3 gaps of 0.25 s, not 7


def test_crawl_delay_raises_the_delay_up_to_its_cap(web) -> None:
    paths = ("/a", "/b", "/c")
    server, log = web(
        {
            ("slow.example", "/robots.txt"): robots("User-agent: *\nCrawl-delay: 0.3\n"),
            ("greedy.example", "/robots.txt"): robots("User-agent: *\nCrawl-delay: 86400\n"),
            **pages("slow.example", *paths),
            **pages("greedy.example", *paths),
        }
    )
    fetch_all(
        settings(server, max_crawl_delay=0.4),
        [f"http://{h}{p}" for p in paths for h in ("slow.example", "greedy.example")],
    )
    for host, low, high in (("slow.example", 0.2, 1.0), ("greedy.example", 0.3, 1.0)):
        times = [t for t, h, p in log.log if h == host and p != "/robots.txt"]
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert all(low <= g < high for g in gaps), (host, gaps)


def test_never_more_than_the_configured_concurrency_whatever_the_links(web) -> None:
    hosts = [f"h{i}.example" for i in range(6)]
    routes: dict[tuple[str, str], Any] = {}
    for host in hosts:
        routes |= pages(host, *(f"/p/{i}" for i in range(10)))
    server, log = web(routes, hold=0.05)
    urls = [f"http://{h}/p/{i}" for i in range(10) for h in hosts]
    results = fetch_all(settings(server, concurrency=4, per_host=2), urls)
    assert all(isinstance(r, FetchResult) for r in results)
    assert log.total_peak <= 4
    assert max(log.peak.values()) <= 2
    assert log.total_peak == 4  # and the limit is actually used


def test_the_deadline_does_not_count_time_queued_for_a_slot(web) -> None:
    routes = {("q.example", f"/{i}"): Route(body=PAGE, headers=HTML, delay=0.2) for i in range(5)}
    server, _ = web(routes)
    results = fetch_all(
        settings(server, per_host=1, total_timeout=0.6), [f"http://q.example/{i}" for i in range(5)]
    )
    assert [type(r).__name__ for r in results] == ["FetchResult"] * 5


def test_a_retry_queued_behind_the_host_keeps_its_deadline(web) -> None:
    answers = iter([Route(503)])

    def flaky() -> Route:
        return next(answers, Route(body=PAGE, headers=HTML))

    routes: dict[tuple[str, str], Any] = {("q.example", "/flaky"): flaky}
    routes |= {("q.example", f"/{i}"): Route(body=PAGE, headers=HTML, delay=0.2) for i in range(5)}
    server, _ = web(routes)
    urls = ["http://q.example/flaky", *(f"http://q.example/{i}" for i in range(5))]
    results = fetch_all(settings(server, per_host=1, total_timeout=0.6, ignore_robots=True), urls)
    # /flaky's retry waits ~1 s behind the five others: that wait is not held against it
    assert [type(r).__name__ for r in results] == ["FetchResult"] * 6


def test_retry_after_pauses_the_whole_host(web) -> None:
    answers = iter([Route(429, b"", {"Retry-After": "1"})])

    def first_busy() -> Route:
        return next(answers, Route(body=PAGE, headers=HTML))

    server, log = web({("busy.example", "/a"): first_busy, **pages("busy.example", "/b")})

    async def go() -> list[Any]:
        async with Fetcher(settings(server)) as fetcher:
            first = asyncio.ensure_future(fetcher.fetch("http://busy.example/a"))
            await asyncio.sleep(0.3)  # /a has had its 429 by now
            return list(await asyncio.gather(first, fetcher.fetch("http://busy.example/b")))

    results = asyncio.run(go())
    assert all(isinstance(r, FetchResult) for r in results)
    told = log.times("busy.example", "/a")[0]
    assert log.times("busy.example", "/b")[0] - told >= 0.95  # /b waited for the pause too


# -- retries: the policy --------------------------------------------------------------------


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    policy = RetryPolicy(retries=5, backoff_base=1.0, backoff_cap=5.0)
    rng = random.Random(7)
    for retry, (low, high) in enumerate([(0.5, 1), (1, 2), (2, 4), (2.5, 5), (2.5, 5)], 1):
        waits = [policy.backoff(retry, rng) for _ in range(200)]
        assert low <= min(waits) and max(waits) <= high
        assert max(waits) - min(waits) > (high - low) / 2  # really jittered


def test_parse_retry_after() -> None:
    now = datetime(2026, 5, 16, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(" 0 ") == 0.0
    assert (
        parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now=now)
        == 90.0
    )
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True), now=now) == 0.0
    assert parse_retry_after("9" * 400) == float("9" * 12)
    for junk in (None, "", "soon", "-5", "1.5", "Mon, 99 Foo 2026"):
        assert parse_retry_after(junk) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"host_delay": -1.0},
        {"retries": 11},
        {"retries": -1},
        {"backoff_base": -0.1},
        {"robots_timeout": 0},
    ],
)
def test_bad_politeness_settings_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        Fetcher(Settings(**changes))


def test_the_defaults_are_polite() -> None:
    defaults = Settings()
    assert defaults.host_delay == 1.0 and defaults.per_host == 2 and defaults.concurrency == 16
    assert defaults.retries == 3 and defaults.retry_after_cap == 30.0
    assert not defaults.ignore_robots and not defaults.allow_private


# -- hygiene: cookies, logs -------------------------------------------------------------------


def test_cookies_stay_within_one_redirect_chain_and_one_host(web) -> None:
    set_cookie = {"Set-Cookie": "session=s3cr3t; Path=/", **HTML}
    server, _ = web(
        {
            ("a.example", "/login"): Route(302, b"", {"Location": "/home", **set_cookie}),
            ("a.example", "/home"): Route(302, b"", {"Location": "http://b.example/landing"}),
            ("b.example", "/landing"): Route(body=PAGE, headers=HTML),
            ("a.example", "/later"): Route(body=PAGE, headers=set_cookie),
        }
    )
    config = settings(server, ignore_robots=True)

    async def go() -> list[FetchResult]:
        async with Fetcher(config) as fetcher:
            return [
                await fetcher.fetch("http://a.example/login"),
                await fetcher.fetch("http://a.example/later"),
            ]

    first, later = asyncio.run(go())
    sent = {(h, p): headers.get("Cookie") for h, p, headers in server.requests}
    assert sent[("a.example", "/login")] is None
    assert sent[("a.example", "/home")] == "session=s3cr3t"  # same chain, same host: kept
    assert sent[("b.example", "/landing")] is None  # another host: never
    assert sent[("a.example", "/later")] is None  # another fetch: gone
    assert later.header("Set-Cookie") is None and first.header("Set-Cookie") is None


def test_logs_redact_tokens_in_query_strings(web, caplog) -> None:
    url = "http://a.example/story?id=7&access_token=SECRET-TOKEN-1&sig=abcdef"
    server, _ = web(
        {("a.example", "/story?id=7&access_token=SECRET-TOKEN-1&sig=abcdef"): Route(503)}
    )
    caplog.set_level(logging.DEBUG)  # everything: ours, httpx's and httpcore's
    caplog.set_level(logging.DEBUG, logger="httpx")  # the CLI tests turn httpx down
    with pytest.raises(FetchError):
        fetch(settings(server, retries=1), url)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "id=7&access_token=REDACTED&sig=REDACTED" in logged
    assert any(r.name == "httpx" and "REDACTED" in r.getMessage() for r in caplog.records)
    assert "SECRET" not in logged and "abcdef" not in logged


def test_redact_url() -> None:
    assert redact_url("https://u:p@a.example:8443/x?q=news&api_key=123") == (
        "https://a.example:8443/x?q=news&api_key=REDACTED"
    )
    assert (
        redact_url("http://a.example/x?t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0")
        == "http://a.example/x?t=REDACTED"
    )
    assert redact_url("http://a.example/x?page=2&sort=new") == "http://a.example/x?page=2&sort=new"
    assert redact_url("http://[::1") == "<unparseable URL>"


def test_fetching_commands_take_the_politeness_options() -> None:
    for command in ("ingest", "lookup", "compare"):
        text = CliRunner().invoke(app, [command, "--help"], terminal_width=200).output
        for option in ("--allow-private", "--ignore-robots", "--delay", "--retries"):
            assert option in text, (command, option)


# -- resources: feeds, sitemaps, robots.txt by conditional GET ----------------------------------


def test_fetch_resource_sends_validators_and_reports_not_modified(web) -> None:
    def conditional() -> Route:
        return Route(304, b"", {"ETag": '"v1"'})

    feed = b"<?xml version='1.0'?><rss><channel></channel></rss>"
    server, _ = web(
        {
            ("news.example", "/feed.xml"): Route(
                body=feed, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'}
            ),
            ("news.example", "/feed-again.xml"): conditional,
        }
    )

    async def go() -> list[Any]:
        async with Fetcher(settings(server)) as fetcher:
            first = await fetcher.fetch_resource("http://news.example/feed.xml", kinds=("xml",))
            again = await fetcher.fetch_resource(
                "http://news.example/feed-again.xml",
                kinds=("xml",),
                etag='"v1"',
                last_modified="Sat, 16 May 2026 08:00:00 GMT",
            )
            return [first, again]

    first, again = asyncio.run(go())
    assert first.content == feed and first.header("etag") == '"v1"' and not first.not_modified
    assert again.not_modified and again.content == b""
    sent = {p: h for _, p, h in server.requests}
    assert sent["/feed-again.xml"]["If-None-Match"] == '"v1"'
    assert sent["/feed-again.xml"]["If-Modified-Since"] == "Sat, 16 May 2026 08:00:00 GMT"
    assert "If-None-Match" not in sent["/feed.xml"]


def test_fetch_resource_checks_the_kind_and_reads_robots_txt_even_when_all_is_disallowed(
    web,
) -> None:
    text = "User-agent: *\nDisallow: /\nSitemap: http://news.example/sitemap.xml\n"
    server, _ = web(
        {
            ("news.example", "/robots.txt"): robots(text),
            ("news.example", "/feed.xml"): Route(
                body=b"<rss/>", headers={"Content-Type": "application/rss+xml"}
            ),
            ("open.example", "/photo"): Route(
                body=b"\x89PNG", headers={"Content-Type": "image/png"}
            ),
        }
    )

    async def go() -> list[Any]:
        async with Fetcher(settings(server)) as fetcher:
            got = await fetcher.fetch_resource("http://news.example/robots.txt", kinds=("text",))
            refused = []
            for url, kinds in (
                ("http://news.example/feed.xml", ("xml",)),
                ("http://open.example/photo", ("xml", "json")),
            ):
                try:
                    await fetcher.fetch_resource(url, kinds=kinds)
                except FetchError as exc:
                    refused.append(exc)
            return [got, refused]

    got, refused = asyncio.run(go())
    assert got.content.decode() == text
    assert isinstance(refused[0], RobotsDisallowed)
    assert "unexpected Content-Type image/png (wanted xml or json)" in str(refused[1])
