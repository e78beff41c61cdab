"""index + evidence: near-duplicate search over a real store, and who-copied-whom verdicts."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from provenance.config import Settings
from provenance.evidence import PairSimilarity, credits, decide, names_outlet, parse_date
from provenance.index import Query, find_matches, similarity, verified
from provenance.models import Article, Evidence
from provenance.pipeline import Prepared, commit, prepare_article
from provenance.store import Store
from provenance.urls import outlet_of

SETTINGS = Settings()

# A vocabulary large enough that unrelated texts share no 5-word shingle by chance.
_VOCABULARY = [
    a + b
    for a in ("har", "bri", "cou", "may", "fer", "tra", "cab", "ste", "dec", "rep", "off", "eng")
    for b in ("bour", "dge", "ncil", "or", "ry", "m", "le", "el", "k", "air", "icial", "ineer")
]


def text(seed: int, length: int) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(_VOCABULARY) for _ in range(length))


ORIGINAL = text(1, 500)
DISCLAIMER = text(2, 700)  # longer than the article itself


def art(url: str, body: str, **fields: object) -> Article:
    return Article(url=url, outlet=outlet_of(url), text=body, **fields)


@pytest.fixture()
def store(store_path: Path | str) -> Iterator[Store]:
    with Store.open(store_path, SETTINGS) as opened:
        yield opened


def query_for(body: str) -> Query:
    prepared = prepare_article(art("https://query.example/q", body), SETTINGS)
    assert prepared.fingerprint is not None
    return Query(prepared.shingles, prepared.fingerprint, prepared.keys, prepared.anchors)


def matched_urls(store: Store, body: str) -> dict[str, PairSimilarity]:
    return {s.article.url: pair for s, pair in find_matches(store, query_for(body), SETTINGS)}


def stored(store: Store, url: str, body: str, **fields: object) -> Prepared:
    prepared = prepare_article(art(url, body, **fields), SETTINGS)
    commit(store, prepared, SETTINGS)
    return prepared


# -- find_matches ---------------------------------------------------------------------------


def test_an_identical_copy_is_found(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    found = matched_urls(store, ORIGINAL)
    assert list(found) == ["https://origin.example/a"]
    assert found["https://origin.example/a"].jaccard == 1.0


def test_a_copy_with_a_long_added_disclaimer_is_found(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    found = matched_urls(store, ORIGINAL + " " + DISCLAIMER)
    pair = found["https://origin.example/a"]
    assert pair.jaccard < SETTINGS.jaccard_threshold  # too diluted for Jaccard alone ...
    assert pair.b_in_a == 1.0  # ... but the whole original is inside the copy


def test_an_excerpt_is_found(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    words = ORIGINAL.split()
    excerpt = " ".join(words[150 : 150 + len(words) * 2 // 5])  # 40% of the text
    pair = matched_urls(store, excerpt)["https://origin.example/a"]
    assert pair.a_in_b == 1.0
    assert pair.jaccard == pytest.approx(0.4, abs=0.03)


def test_a_lightly_edited_copy_is_found(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    words = ORIGINAL.split()
    for i in range(0, len(words), 40):  # one word in 40 changed
        words[i] = "edited"
    assert "https://origin.example/a" in matched_urls(store, " ".join(words))


def test_an_unrelated_text_is_not_found(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    stored(store, "https://other.example/b", text(3, 500))
    assert matched_urls(store, text(4, 500)) == {}
    assert list(matched_urls(store, text(3, 500))) == ["https://other.example/b"]


def test_a_text_sharing_only_a_paragraph_is_not_a_copy(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    quote = " ".join(ORIGINAL.split()[:60])  # a quoted paragraph inside a longer, new story
    assert matched_urls(store, text(5, 300) + " " + quote + " " + text(6, 300)) == {}


def test_a_text_shorter_than_min_shingles_is_never_fingerprinted(store: Store) -> None:
    short = " ".join(ORIGINAL.split()[: SETTINGS.min_shingles + SETTINGS.shingle_size - 2])
    prepared = prepare_article(art("https://brief.example/s", short), SETTINGS)
    assert len(prepared.shingles) == SETTINGS.min_shingles - 1
    assert prepared.fingerprint is None and prepared.keys == () and prepared.anchors == ()
    outcome = commit(store, prepared, SETTINGS)
    assert outcome.status == "too-short"
    assert outcome.article_id is not None
    assert store.load(outcome.article_id).signature is None
    # a long article that contains the short one word for word does not match it
    stored(store, "https://origin.example/a", ORIGINAL)
    assert "https://brief.example/s" not in matched_urls(store, ORIGINAL)
    assert store.edges_of("https://brief.example/s") == []


def test_exactly_min_shingles_is_fingerprinted() -> None:
    body = " ".join(ORIGINAL.split()[: SETTINGS.min_shingles + SETTINGS.shingle_size - 1])
    prepared = prepare_article(art("https://brief.example/s", body), SETTINGS)
    assert len(prepared.shingles) == SETTINGS.min_shingles
    assert prepared.fingerprint is not None


def test_find_matches_excludes_the_query_itself(store: Store) -> None:
    prepared = stored(store, "https://origin.example/a", ORIGINAL)
    article_id = store.article_id("https://origin.example/a")
    query = Query(prepared.shingles, prepared.fingerprint, prepared.keys, prepared.anchors)
    assert find_matches(store, query, SETTINGS, exclude=article_id) == []


def test_commit_links_a_copy_to_the_original(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL, published="2026-05-16")
    copy = prepare_article(
        art("https://copycat.example/b", ORIGINAL + " " + DISCLAIMER, published="2026-05-18"),
        SETTINGS,
    )
    outcome = commit(store, copy, SETTINGS)
    assert (outcome.status, outcome.matches) == ("new", 1)
    [edge] = list(store.iter_edges())
    assert (edge.source, edge.target) == ("https://origin.example/a", "https://copycat.example/b")
    assert edge.containment == 1.0


def test_updating_an_article_drops_edges_that_no_longer_hold(store: Store) -> None:
    stored(store, "https://origin.example/a", ORIGINAL)
    stored(store, "https://copycat.example/b", ORIGINAL)
    assert len(list(store.iter_edges())) == 1
    outcome = commit(
        store, prepare_article(art("https://copycat.example/b", text(9, 500)), SETTINGS), SETTINGS
    )
    assert (outcome.status, outcome.matches) == ("updated", 0)
    assert list(store.iter_edges()) == []


def test_similarity_and_verified() -> None:
    a = frozenset(str(i) for i in range(100))
    b = frozenset(str(i) for i in range(50, 300))
    pair = similarity(a, b)
    assert pair == PairSimilarity(jaccard=50 / 300, a_in_b=0.5, b_in_a=0.2)
    assert not verified(pair, len(a), len(b), SETTINGS)
    inside = frozenset(str(i) for i in range(10, 95))
    assert verified(similarity(inside, b | a), len(inside), len(a | b), SETTINGS)
    assert similarity(frozenset(), a) == PairSimilarity(0.0, 0.0, 0.0)


# -- evidence -------------------------------------------------------------------------------

ORIGIN = "https://northwind-dispatch.example/2026/05/16/bridge"
COPY = "https://copycat.example/news/bridge"
SAME = PairSimilarity(jaccard=0.9, a_in_b=0.95, b_in_a=0.95)


def test_names_outlet() -> None:
    northwind = art(ORIGIN, "x")
    assert names_outlet("Northwind Dispatch", northwind)
    assert names_outlet("northwind-dispatch.example", northwind)
    assert names_outlet("NORTHWIND DISPATCH", northwind)
    assert not names_outlet("Northwind", northwind)
    assert not names_outlet("Southwind Dispatch", northwind)
    assert not names_outlet("", northwind)
    assert not names_outlet("NW", art("https://nw.example/a", "x"))
    assert names_outlet("The Globe", art("https://tg.example/a", "x", site_name="The Globe"))


@pytest.mark.parametrize(
    "url", ["https://www.northwind-dispatch.co.uk/a", "https://news.northwind-dispatch.example/a"]
)
def test_names_outlet_under_a_public_suffix_or_subdomain(url: str) -> None:
    assert names_outlet("Northwind Dispatch", art(url, "x"))


def test_parse_date() -> None:
    assert parse_date("2026-05-16") == datetime(2026, 5, 16, tzinfo=UTC)
    assert parse_date("2026-05-16T10:00:00Z") == datetime(2026, 5, 16, 10, tzinfo=UTC)
    assert parse_date("2026-05-16T10:00:00+02:00") == datetime(2026, 5, 16, 8, tzinfo=UTC)
    assert parse_date("16 May 2026") is None
    assert parse_date(None) is None and parse_date("") is None


def test_credits_follow_url_canonical_and_outlet() -> None:
    source = art(ORIGIN, "x", canonical=ORIGIN + "?canonical")
    signals = (
        Evidence("attribution", "Source: Northwind Dispatch", "Northwind Dispatch"),
        Evidence("canonical", "<link rel=canonical>", ORIGIN + "?canonical"),
        Evidence("og_url", "<meta og:url>", "https://northwind-dispatch.example/other"),
        Evidence("wire", "(AP) —", "Associated Press"),  # not a credit of this source
    )
    copy = art(COPY, "x", signals=signals, links=(ORIGIN,))
    found = {e.kind: w for e, w in credits(copy, source)}
    assert found == {
        "attribution": pytest.approx(0.9 * 0.9),  # names the outlet, not the article
        "canonical": pytest.approx(0.9),  # the source's own canonical URL
        "og_url": pytest.approx(0.8 * 0.9),  # another page of the same outlet
        "link": pytest.approx(0.6),
    }
    assert credits(source, copy) == []


def test_decide_attribution_beats_dates() -> None:
    origin = art(ORIGIN, "x", published="2026-05-18")
    # the copy carries an earlier date, but credits the origin by URL
    copy = art(
        COPY,
        "x",
        published="2026-05-16",
        signals=(Evidence("attribution", "The original source of this article is X", ORIGIN),),
    )
    for a, b in ((origin, copy), (copy, origin)):
        edge = decide(a, b, SAME)
        assert (edge.source, edge.target) == (ORIGIN, COPY)
        assert edge.evidence[0].kind == "attribution"
        assert "copycat.example copied northwind-dispatch.example" in edge.explanation


def test_decide_dates_alone_decide_direction() -> None:
    earlier = art(ORIGIN, "x", published="2026-05-16T08:00:00+00:00")
    later = art(COPY, "x", published="2026-05-18T08:00:00+00:00")
    for a, b in ((earlier, later), (later, earlier)):
        edge = decide(a, b, SAME)
        assert (edge.source, edge.target) == (ORIGIN, COPY)
        assert edge.evidence[0].kind == "published"
        assert edge.confidence == pytest.approx(0.55)


def test_decide_same_day_dates_weigh_less() -> None:
    earlier = art(ORIGIN, "x", published="2026-05-16T08:00:00+00:00")
    later = art(COPY, "x", published="2026-05-16T14:00:00+00:00")
    edge = decide(later, earlier, SAME)
    assert (edge.source, edge.target) == (ORIGIN, COPY)
    assert edge.confidence == pytest.approx(0.35)
    assert "6 hours" in edge.evidence[0].detail


def test_decide_conflicting_evidence_lowers_confidence() -> None:
    credit = (Evidence("attribution", "Source: X", ORIGIN),)
    clean = decide(
        art(ORIGIN, "x", published="2026-05-16"),
        art(COPY, "x", published="2026-05-18", signals=credit),
        SAME,
    )
    contested = decide(
        art(ORIGIN, "x", published="2026-05-18"),
        art(COPY, "x", published="2026-05-16", signals=credit),
        SAME,
    )
    assert (clean.source, contested.source) == (ORIGIN, ORIGIN)
    assert 0.0 < contested.confidence < clean.confidence
    assert contested.explanation != clean.explanation


def test_decide_without_evidence_keeps_the_first_as_source() -> None:
    edge = decide(art(ORIGIN, "x"), art(COPY, "x"), SAME)
    assert (edge.source, edge.target, edge.confidence) == (ORIGIN, COPY, 0.0)


def test_decide_reports_similarity_from_the_sources_side() -> None:
    # a is an excerpt of b: 100% of a is in b, 40% of b is in a
    pair = PairSimilarity(jaccard=0.4, a_in_b=1.0, b_in_a=0.4)
    excerpt = art(COPY, "x", signals=(Evidence("attribution", "Source: X", ORIGIN),))
    edge = decide(excerpt, art(ORIGIN, "x"), pair)
    assert (edge.source, edge.target) == (ORIGIN, COPY)
    assert (edge.similarity, edge.containment) == (0.4, 1.0)
    containment = next(e for e in edge.evidence if e.kind == "containment")
    assert containment.detail.startswith("40% of the original's text is in the copy; 100%")
