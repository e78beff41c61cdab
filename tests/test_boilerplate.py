"""Boilerplate that lies: an outlet's recurring text is learned and left out of matching."""

from __future__ import annotations

import random

from provenance import Settings, Store
from provenance.boilerplate import distinct, learn, shingle_key
from provenance.fingerprint import shingles
from provenance.models import Article, Evidence
from provenance.pipeline import commit, prepare_article

WORDS = (
    "harbour quay inquiry council minister engineer report warning budget vote river "
    "bridge school court ruling strike union port tender audit police station market "
    "festival storm flood road rail airport hospital"
).split()


def text(seed: int, n: int) -> str:
    rng = random.Random(seed)
    return " ".join(f"{rng.choice(WORDS)}{rng.randint(0, 999)}" for _ in range(n))


DISCLAIMER = text(10_000, 300)  # longer than the bodies: it alone would make them "match"


def outlet_article(i: int) -> Article:
    return Article(
        url=f"http://aggregator.example/{i}",
        outlet="aggregator.example",
        text=text(i, 120) + "\n" + DISCLAIMER,
        published=f"2026-04-{i + 1:02d}",
    )


def edges_touching(store: Store, url: str) -> list:
    return store.edges_of(url)


def test_learned_boilerplate_stops_false_matches_and_keeps_real_copies(store_path):
    settings = Settings()
    with Store.open(store_path, settings) as store:
        for i in range(8):
            commit(store, prepare_article(outlet_article(i), settings), settings)
        learned = store.boilerplate("aggregator.example")
        disclaimer_keys = {shingle_key(s) for s in shingles(DISCLAIMER, 5)}
        assert len(learned & disclaimer_keys) >= 0.9 * len(disclaimer_keys)
        # before learning, the disclaimer made unrelated stories of the outlet "copies" ...
        assert edges_touching(store, "http://aggregator.example/1")
        # ... after it, new stories of the outlet match nothing
        for i in (5, 6, 7):
            assert edges_touching(store, f"http://aggregator.example/{i}") == []

        # a real copy of story 7 on another outlet, carrying the aggregator's disclaimer, undated
        copy = Article(
            url="http://mirror.example/7",
            outlet="mirror.example",
            text=text(7, 120) + "\n" + DISCLAIMER + "\n" + text(555, 20),
            signals=(
                Evidence(
                    "attribution", "The original source of this article is Nowhere", "Nowhere"
                ),
            ),
        )
        commit(store, prepare_article(copy, settings), settings)
        edges = edges_touching(store, "http://mirror.example/7")
        sources = {e.source for e in edges}
        assert "http://aggregator.example/7" in sources
        edge = next(e for e in edges if e.source == "http://aggregator.example/7")
        kinds = [e.kind for e in edge.evidence]
        assert "carries_boilerplate" in kinds
        assert edge.confidence >= 0.7
        # it matched the right story, not every story of the outlet that shares the disclaimer
        assert sources == {"http://aggregator.example/7"}
        stored = store.article_by_url("http://mirror.example/7")
        assert stored is not None and stored.article.signals[0].kind == "attribution"


def test_repeats_of_one_story_are_not_boilerplate():
    settings = Settings()
    story = text(1, 300)
    texts = [story + " " + text(100 + i, 10) for i in range(6)]  # one wire story, six updates
    assert learn(texts, settings)  # taken naively, the story itself looks like boilerplate
    from provenance.fingerprint import fingerprint

    signed = [(t, fingerprint(shingles(t, 5), settings).signature) for t in texts]
    assert learn(distinct(signed), settings) == frozenset()
