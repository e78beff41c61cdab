"""Search providers end to end: real local servers speak GDELT, CDX, SerpAPI and Copyscape.

One server on 127.0.0.1 plays the whole web through --proxy: the outlets (an original,
two copies nobody links to, a near-miss on the same event, a dead link) and the
providers' APIs under their own host names, answering in each provider's documented
format (see the docstrings in provenance/search.py for the references).
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Settings
from provenance.errors import ConfigError
from provenance.fetch import Fetcher
from provenance.models import Article
from provenance.pipeline import lookup
from provenance.search import (
    Copyscape,
    Gdelt,
    SerpApi,
    Wayback,
    choose_queries,
    search_providers,
)
from provenance.store import Store
from tests import databases
from tests.servers import OutletServer, Route, running

runner = CliRunner()

ORIGIN = "http://origin.example/2026/05/16/essly-quay.html"
MIRROR_A = "http://mirror-a.example/news/essly-quay-copy.html"
MIRROR_B = "http://mirror-b.example/world/port-essly-4471.html"
NEAR_MISS = "http://nearmiss.example/essly-harbour-report.html"
GONE = "http://gone.example/deleted-story.html"
SERPAPI_KEY = "serp-SECRET-0123"
COPYSCAPE_USER, COPYSCAPE_KEY = "cs-user-SECRET", "cs-key-SECRET-99"
PROVIDER_HOSTS = {"gdelt.test", "wayback.test", "serpapi.test", "copyscape.test"}
TITLE = "Port Essly inquiry hears harbour board shelved quay wall repairs"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def story(seed: int, sentences: int = 28) -> list[str]:
    """Deterministic news-like sentences with names and figures (distinctive shingles)."""
    rng = random.Random(seed)
    names = [
        "Marta Vell",
        "Osric Penn",
        "the Essly Harbour Board",
        "Kaldria's transport ministry",
        "the Northgate dockers' union",
        "engineer Tova Lind",
        "auditor Brann Hale",
    ]
    verbs = ["reported", "confirmed", "disputed", "reviewed", "recorded", "estimated", "published"]
    objects = [
        "cracks along berth {n}",
        "a repair bill of {n} million crowns",
        "{n} inspections since 2019",
        "subsidence of {n} centimetres at the northern quay",
        "a backlog of {n} maintenance orders",
        "{n} vessels diverted to Carrow",
    ]
    tails = [
        "before the spring storms",
        "in a memo dated March {d}",
        "during the second hearing",
        "according to minutes seen by reporters",
        "despite warnings from insurers",
        "while the ferry timetable was cut",
        "after divers surveyed pier {d}",
    ]
    out = []
    for _ in range(sentences):
        obj = rng.choice(objects).format(n=rng.randint(3, 480))
        tail = rng.choice(tails).format(d=rng.randint(2, 28))
        out.append(
            f"{rng.choice(names).capitalize() if rng.random() < 0.2 else rng.choice(names)}"
            f" {rng.choice(verbs)} {obj} {tail}."
        )
    return out


BODY = story(7)
QUOTE = '"We were never told the wall was failing," said harbourmaster Ida Roan on Tuesday evening.'


def page(
    title: str, paragraphs: list[str], *, published: str | None = None, extra: str = ""
) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f"{body}{extra}</article></body></html>"
    ).encode()


def paragraphs(sentences: list[str]) -> list[str]:
    return [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]


def outlet_routes() -> dict[tuple[str, str], Route]:
    original = paragraphs(BODY[:14]) + [QUOTE] + paragraphs(BODY[14:])
    return {
        ("origin.example", urlsplit(ORIGIN).path): Route(
            200,
            page(TITLE + " | Origin News", original, published="2026-05-16T09:10:00+01:00"),
            HTML,
        ),
        ("mirror-a.example", urlsplit(MIRROR_A).path): Route(
            200, page(TITLE, original[1:], extra="<p>Shared with readers in Carrow.</p>"), HTML
        ),
        ("mirror-b.example", urlsplit(MIRROR_B).path): Route(
            200, page(TITLE, original[:-1], published="2026-05-18T07:00:00+00:00"), HTML
        ),
        ("nearmiss.example", urlsplit(NEAR_MISS).path): Route(
            200, page(TITLE, paragraphs(story(99)), published="2026-05-17T10:00:00+00:00"), HTML
        ),
    }


class Web(dict):  # type: ignore[type-arg]
    """Routes for the outlets, plus provider APIs answered from their query strings."""

    def __init__(self, routes: dict[tuple[str, str], Route]) -> None:
        super().__init__(routes)
        self.api: dict[str, Callable[[dict[str, list[str]]], Route]] = {
            "gdelt.test": gdelt_answer,
            "wayback.test": cdx_answer,
            "serpapi.test": serpapi_answer,
            "copyscape.test": copyscape_answer,
        }

    def get(self, key, default=None):  # noqa: D401 - the server's lookup
        host, path = key
        if host in self.api:
            return self.api[host](parse_qs(urlsplit(path).query))
        return super().get(key, default)


def json_route(data: object) -> Route:
    return Route(200, json.dumps(data).encode(), {"Content-Type": "application/json"})


def gdelt_answer(params: dict[str, list[str]]) -> Route:
    # GDELT DOC 2.0, mode=artlist&format=json
    assert params["mode"] == ["artlist"] and params["format"] == ["json"]
    return json_route(
        {
            "articles": [
                {
                    "url": MIRROR_A,
                    "url_mobile": "",
                    "title": TITLE,
                    "seendate": "20260517T081500Z",
                    "socialimage": "",
                    "domain": "mirror-a.example",
                    "language": "English",
                    "sourcecountry": "Kaldria",
                },
                {
                    "url": NEAR_MISS,
                    "url_mobile": "",
                    "title": TITLE,
                    "seendate": "20260517T100000Z",
                    "socialimage": "",
                    "domain": "nearmiss.example",
                    "language": "English",
                    "sourcecountry": "Kaldria",
                },
                {
                    "url": GONE,
                    "title": "gone",
                    "seendate": "20260517T110000Z",
                    "domain": "gone.example",
                },
            ]
        }
    )


def cdx_answer(params: dict[str, list[str]]) -> Route:
    # CDX JSON: the first row names the fields; one row per URL (collapse=urlkey)
    assert params["output"] == ["json"]
    return json_route(
        [
            ["original", "timestamp", "statuscode", "mimetype"],
            [
                "https://www.origin.example/2026/05/16/essly-quay.html",
                "20260516083000",
                "200",
                "text/html",
            ],
        ]
    )


def serpapi_answer(params: dict[str, list[str]]) -> Route:
    if params.get("api_key") != [SERPAPI_KEY]:
        return json_route({"error": "Invalid API key."})
    return json_route(
        {
            "search_metadata": {"status": "Success"},
            "organic_results": [
                {"position": 1, "title": TITLE, "link": MIRROR_B, "date": "May 18, 2026"},
                {"position": 2, "title": TITLE, "link": MIRROR_A},
            ],
        }
    )


def copyscape_answer(params: dict[str, list[str]]) -> Route:
    if params.get("k") != [COPYSCAPE_KEY] or params.get("u") != [COPYSCAPE_USER]:
        return Route(
            200, b"<response><error>bad key</error></response>", {"Content-Type": "text/xml"}
        )
    xml = (
        f"<response><query>{ORIGIN}</query><querywords>400</querywords><count>1</count>"
        f"<result><index>1</index><url>{MIRROR_B}</url><title>{TITLE}</title>"
        "<textsnippet>...</textsnippet><minwordsmatched>300</minwordsmatched>"
        "<viewurl>http://view.copyscape.com/x</viewurl></result></response>"
    )
    return Route(200, xml.encode(), {"Content-Type": "text/xml"})


@pytest.fixture()
def web() -> Iterator[OutletServer]:
    with running(Web(outlet_routes())) as server:
        yield server


@pytest.fixture()
def keys(monkeypatch):
    monkeypatch.setenv("SERPAPI_KEY", SERPAPI_KEY)
    monkeypatch.setenv("COPYSCAPE_USER", COPYSCAPE_USER)
    monkeypatch.setenv("COPYSCAPE_KEY", COPYSCAPE_KEY)
    for name in ("PROVENANCE_SEARCH", "PROVENANCE_GDELT_URL", "PROVENANCE_SEARCH_DELAY"):
        monkeypatch.delenv(name, raising=False)


def provider_requests(server: OutletServer) -> list[tuple[str, str]]:
    return [(h, p) for h, p, _ in server.requests if h in PROVIDER_HOSTS]


def cli_lookup(server: OutletServer, store: Path, *more: str):
    return runner.invoke(
        app,
        [
            "lookup",
            "--store",
            str(store),
            "--proxy",
            server.url,
            "--json",
            "--delay",
            "0",
            "--search-delay",
            "0",
            "--retries",
            "0",
            "--gdelt-url",
            "http://gdelt.test/api/v2/doc/doc",
            "--wayback-url",
            "http://wayback.test",
            "--serpapi-url",
            "http://serpapi.test/search.json",
            "--copyscape-url",
            "http://copyscape.test/api/",
            *more,
            ORIGIN,
        ],
    )


ALL = "gdelt,wayback,serpapi,copyscape"


def test_lookup_finds_verifies_and_dates_the_copies_only_providers_know(
    web, store_path, keys, caplog
):
    caplog.set_level(logging.DEBUG)
    result = cli_lookup(web, store_path, "--search", "--providers", ALL, "-vv")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    search = data["search"]
    # the copies: verified, in the tree under the original, dated by the provider
    assert sorted(search["verified"]) == sorted([MIRROR_A, MIRROR_B])
    assert {(e["source"], e["target"]) for e in data["edges"]} == {
        (ORIGIN, MIRROR_A),
        (ORIGIN, MIRROR_B),
    }
    nodes = {n["url"]: n for n in data["nodes"]}
    assert set(nodes) == {ORIGIN, MIRROR_A, MIRROR_B}
    assert nodes[MIRROR_A]["first_seen"] == "2026-05-17T08:15:00+00:00"  # GDELT's seendate
    assert nodes[ORIGIN]["first_seen"] == "2026-05-16T08:30:00+00:00"  # Wayback's first capture
    # the near-miss and the dead link: rejected with the reason, never drawn
    rejected = {r["url"]: r["reason"] for r in search["rejected"]}
    assert set(rejected) == {NEAR_MISS, GONE}
    assert rejected[NEAR_MISS].startswith("did not verify: Jaccard 0.")
    assert "404" in rejected[GONE]
    # what was asked: 2 passages + the title, each provider within its kind of query
    assert [q["kind"] for q in search["queries"]] == ["phrase", "phrase", "title"]
    assert all('"' not in q["text"] and "Ida Roan" not in q["text"] for q in search["queries"])
    asked = search["providers"]
    assert (asked["gdelt"]["requests"], asked["serpapi"]["requests"]) == (3, 3)
    assert (asked["wayback"]["requests"], asked["copyscape"]["requests"]) == (1, 1)
    assert len(provider_requests(web)) == search["requests"] == 8
    assert "search: 3 queries" in result.stderr and "2 verified, 2 rejected" in result.stderr
    # the keys: sent to the providers, but never logged, printed or stored
    assert any("api_key=" + SERPAPI_KEY in p for _, p in provider_requests(web))
    stored = databases.stored_bytes(store_path)
    for secret in (SERPAPI_KEY, COPYSCAPE_USER, COPYSCAPE_KEY):
        assert secret not in caplog.text and secret not in result.output
        assert secret.encode() not in stored
    with Store.open(store_path, Settings()) as db:
        verdicts = {c: (s, r) for c, _, s, r in db.candidates(ORIGIN)}
    assert verdicts[MIRROR_A][0] == "verified" and verdicts[NEAR_MISS][0] == "rejected"


def test_a_second_lookup_is_answered_from_the_cache(web, store_path, keys):
    first = cli_lookup(web, store_path, "--search", "--providers", "gdelt,serpapi")
    assert first.exit_code == 0, first.output
    spent = len(provider_requests(web))
    assert spent == 6
    started = time.perf_counter()
    second = cli_lookup(web, store_path, "--search", "--providers", "gdelt,serpapi")
    elapsed = time.perf_counter() - started
    assert second.exit_code == 0, second.output
    assert len(provider_requests(web)) == spent  # not one more provider request
    search = json.loads(second.stdout)["search"]
    assert search["requests"] == 0
    assert search["providers"]["gdelt"]["cached"] == 3
    assert search["known"] == 4 and search["candidates"] == 0  # stored or judged before
    assert {e["target"] for e in json.loads(second.stdout)["edges"]} == {MIRROR_A, MIRROR_B}
    assert elapsed < 5


def test_the_budget_caps_provider_requests(web, store_path, keys):
    result = cli_lookup(web, store_path, "--search", "--providers", ALL, "--search-budget", "3")
    assert result.exit_code == 0, result.output
    search = json.loads(result.stdout)["search"]
    assert len(provider_requests(web)) == search["requests"] == 3
    assert sum(p["skipped"] for p in search["providers"].values()) == 8 - 3


def test_search_is_off_unless_asked(web, store_path, monkeypatch):
    for name in ("SERPAPI_KEY", "COPYSCAPE_USER", "COPYSCAPE_KEY", "PROVENANCE_SEARCH"):
        monkeypatch.delenv(name, raising=False)
    result = cli_lookup(web, store_path)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["search"] is None
    assert provider_requests(web) == []
    monkeypatch.setenv("PROVENANCE_SEARCH", "1")
    monkeypatch.setenv("SERPAPI_KEY", SERPAPI_KEY)
    result = cli_lookup(web, store_path, "--no-search", "--refresh")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["search"] is None
    assert provider_requests(web) == []


def test_which_providers_a_lookup_asks():
    assert search_providers(None, None, offline=False, environ={}) == ()
    assert search_providers(True, None, offline=False, environ={}) == ("gdelt", "wayback")
    assert search_providers(None, None, offline=False, environ={"PROVENANCE_SEARCH": "1"}) == (
        "gdelt",
        "wayback",
    )
    env = {"SERPAPI_KEY": "k", "COPYSCAPE_USER": "u", "COPYSCAPE_KEY": "k"}
    assert search_providers(None, None, offline=False, environ=env) == (
        "gdelt",
        "wayback",
        "serpapi",
        "copyscape",
    )
    assert search_providers(True, None, offline=True, environ=env) == ()  # --archive: offline
    assert search_providers(False, "gdelt", offline=False, environ=env) == ()
    assert search_providers(None, "wayback, gdelt", offline=False, environ={}) == (
        "wayback",
        "gdelt",
    )
    with pytest.raises(ConfigError, match="unknown search provider"):
        search_providers(True, "bing", offline=False, environ={})
    with pytest.raises(ConfigError, match=r"needs \$SERPAPI_KEY"):
        search_providers(True, "serpapi", offline=False, environ={})


def test_unknown_provider_is_a_usage_error(web, store_path, keys):
    result = cli_lookup(web, store_path, "--providers", "altavista")
    assert result.exit_code == 2
    assert "unknown search provider" in result.output


FAILURES = {
    "429": Route(
        429, b"Please limit requests to one every 5 seconds", {"Content-Type": "text/plain"}
    ),
    "500": Route(500, b"oops", {"Content-Type": "text/plain"}),
    "malformed JSON": Route(200, b'{"articles": [{"url": ', {"Content-Type": "application/json"}),
    "plain-text error": Route(
        200, b"Your search contained a phrase that was too short.", {"Content-Type": "text/plain"}
    ),
    "timeout": Route(200, b"{}", {"Content-Type": "application/json"}, delay=2.5),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failing_provider_does_not_fail_the_lookup(web, store_path, keys, failure):
    web.routes.api["gdelt.test"] = lambda params: FAILURES[failure]
    settings = Settings(
        proxy=web.url,
        host_delay=0,
        search_delay=0,
        retries=0,
        search_timeout=1.0,
        search_providers=("gdelt", "serpapi"),
        gdelt_url="http://gdelt.test/api",
        serpapi_url="http://serpapi.test/search.json",
    )

    async def job():
        with Store.open(store_path, settings) as db:
            async with Fetcher(settings) as fetcher:
                answer = await lookup(ORIGIN, db, settings, fetcher=fetcher)
            cached = databases.query(store_path, "SELECT provider FROM search_cache")
        return answer, cached

    answer, cached = asyncio.run(job())
    search = answer.search
    gdelt = search["providers"]["gdelt"]
    assert len(gdelt["errors"]) == 1 and gdelt["requests"] == 1 and gdelt["skipped"] == 2
    expected = {
        "429": "HTTP 429",
        "500": "HTTP 500",
        "malformed JSON": "malformed JSON",
        "plain-text error": "phrase that was too short",
        "timeout": "within 1s",
    }[failure]
    assert expected in gdelt["errors"][0]
    assert {p for (p,) in cached} == {"serpapi"}  # a failure is never cached
    assert sorted(search["verified"]) == [MIRROR_A, MIRROR_B]  # SerpAPI still found them


# -- units: parsers on the documented formats, query choice ---------------------------------


def test_parsers_read_the_documented_formats():
    assert Gdelt().parse(b"{}") == []
    [hit] = Gdelt().parse(
        b'{"articles":[{"url":"http://a.example/x","title":"T","seendate":"20260517T081500Z"}]}'
    )
    assert (hit.url, hit.title, hit.seen) == (
        "http://a.example/x",
        "T",
        "2026-05-17T08:15:00+00:00",
    )
    assert Wayback().parse(b"[]") == []
    [hit] = Wayback().parse(b'[["original","timestamp"],["http://a.example/x","20260516083000"]]')
    assert hit.seen == "2026-05-16T08:30:00+00:00"
    with pytest.raises(Exception, match="Invalid API key"):
        SerpApi("k").parse(b'{"error": "Invalid API key."}')
    with pytest.raises(Exception, match="bad key"):
        Copyscape("u", "k").parse(b"<response><error>bad key</error></response>")
    with pytest.raises(Exception, match="malformed XML"):
        Copyscape("u", "k").parse(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><response>&a;</response>')


def test_queries_are_distinctive_passages_then_the_title():
    text = "\n".join(
        [
            QUOTE,
            "This article first appeared on Origin News and is republished with permission here today.",
            "Port Essly inquiry hears harbour board shelved quay wall repairs again on Monday.",
            *BODY[:6],
        ]
    )
    article = Article(ORIGIN, "origin.example", text, title=TITLE + " | Origin News")
    queries = choose_queries(article, Settings(search_queries=4))
    assert [q.kind for q in queries] == ["phrase", "phrase", "phrase", "title"]
    assert queries[-1].text == TITLE
    for q in queries[:-1]:
        assert len(q.text.split()) == 12
        assert "Roan" not in q.text and "appeared" not in q.text and "Monday" not in q.text
        assert any(q.text in " ".join(re.findall(r"\w+(?:'\w+)*", s)) for s in BODY[:6])
    assert len(choose_queries(article, Settings(search_queries=1))) == 1
    assert choose_queries(article, Settings(search_queries=0)) == []
