"""fingerprint: word normalisation, shingles, pinned MinHash signatures, datasketch
compatibility, the accuracy of the Jaccard estimate, and LSH band keys."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import xxhash
from datasketch import MinHash

from provenance.config import Settings
from provenance.fingerprint import (
    Fingerprint,
    anchors,
    band_keys,
    containment,
    estimate_jaccard,
    fingerprint,
    jaccard,
    shingles,
    words,
)

#: Explicit parameters, so pinned values do not move when the defaults do.
PINNED = Settings(num_perm=128, seed=1, shingle_size=5, lsh_bands=64, lsh_rows=2)

TEXT = (
    "The harbour bridge reopened to traffic on Saturday morning after a two-year repair "
    "programme that replaced most of its steel deck and all of its suspension cables."
)


# -- words and shingles -------------------------------------------------------------------


def test_words_ignore_case_and_punctuation() -> None:
    assert words("Hello, WORLD!  It's -- 2026...") == ["hello", "world", "it", "s", "2026"]


def test_words_apply_nfkc_and_casefold() -> None:
    # full-width letters, the "fi" ligature and a superscript two are compatibility forms
    assert words("\uff26\uff55\uff4c\uff4c-width \ufb01ne x\u00b2") == [
        "full",
        "width",
        "fine",
        "x2",
    ]
    assert words("STRASSE Stra\u00dfe") == ["strasse", "strasse"]


def test_words_compose_decomposed_accents() -> None:
    assert words("cafe\u0301") == words("caf\u00e9") == ["caf\u00e9"]
    assert words("caf\u00e9") != words("cafe")  # accents are kept, not stripped


def test_words_keep_non_latin_scripts() -> None:
    assert words(
        "\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430: \u0422\u0410\u0421\u0421"
    ) == [
        "\u043c\u044d\u0440",
        "\u0433\u043e\u0440\u043e\u0434\u0430",
        "\u0442\u0430\u0441\u0441",
    ]


def test_shingles_are_overlapping_word_windows() -> None:
    assert shingles("a b c d e", 3) == frozenset({"a b c", "b c d", "c d e"})
    assert shingles("One two, THREE!", 1) == frozenset({"one", "two", "three"})


def test_shingles_do_not_depend_on_case_punctuation_or_spacing() -> None:
    messy = "THE harbour-bridge   reopened; to traffic, on \u201cSaturday\u201d morning!"
    clean = "the harbour bridge reopened to traffic on saturday morning"
    assert shingles(messy, 5) == shingles(clean, 5)


def test_shingles_of_short_and_empty_texts() -> None:
    assert shingles("just three words", 5) == frozenset({"just three words"})
    assert shingles("exactly five words right here", 5) == frozenset(
        {"exactly five words right here"}
    )
    assert shingles("", 5) == frozenset()
    assert shingles("!!! ... ???", 3) == frozenset()


def test_shingle_count() -> None:
    assert len(words(TEXT)) == 28
    assert len(shingles(TEXT, 5)) == 24


def test_exact_jaccard_and_containment() -> None:
    a = frozenset({"1", "2", "3", "4"})
    b = frozenset({"3", "4", "5", "6", "7", "8"})
    assert jaccard(a, b) == pytest.approx(2 / 8)
    assert containment(a, b) == pytest.approx(2 / 4)
    assert containment(b, a) == pytest.approx(2 / 6)
    assert jaccard(a, a) == 1.0
    assert jaccard(a, frozenset()) == 0.0
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert containment(frozenset(), a) == 0.0


# -- signatures ---------------------------------------------------------------------------


def test_signature_is_pinned() -> None:
    settings = PINNED
    fp = fingerprint(shingles(TEXT, 5), settings)
    assert fp.size == 24
    assert len(fp.signature) == 128 * 4
    assert fp.array().dtype == np.uint32
    assert fp.array()[:4].tolist() == [258773150, 81051811, 30803487, 183139559]
    keys = band_keys(fp.signature, settings)
    assert keys[:4] == [-2084654929, -860613942, 1598991353, -1691224819]
    assert keys[-1] == -232353601
    wider = Settings(num_perm=128, seed=1, lsh_bands=32, lsh_rows=4)
    keys = band_keys(fingerprint(shingles(TEXT, 5), wider).signature, wider)
    assert keys[:4] == [149432641, 75769595, -1568334067, -604170491]
    assert keys[-1] == -18209509


def test_signature_is_pinned_for_other_parameters() -> None:
    settings = Settings(num_perm=64, seed=42, lsh_bands=16, lsh_rows=4)
    fp = fingerprint(shingles(TEXT, 5), settings)
    assert len(fp.signature) == 64 * 4
    assert fp.array()[:4].tolist() == [180949618, 153463895, 802499084, 446306]
    assert band_keys(fp.signature, settings)[:2] == [1815991827, 21571630]


def test_signature_is_deterministic_and_order_free() -> None:
    settings = PINNED
    set_a = shingles(TEXT, 5)
    reordered = frozenset(sorted(set_a, reverse=True))
    assert fingerprint(set_a, settings) == fingerprint(reordered, settings)


def test_seed_changes_the_signature() -> None:
    set_a = shingles(TEXT, 5)
    assert fingerprint(set_a, Settings(seed=1)) != fingerprint(set_a, Settings(seed=2))


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 42), (256, 7), (16, 0)], ids=str)
def test_signature_equals_datasketch_minhash_updated_one_by_one(num_perm: int, seed: int) -> None:
    settings = Settings(num_perm=num_perm, seed=seed, lsh_bands=8, lsh_rows=2)
    shingle_set = shingles(TEXT * 3 + " and then some other words about the ferry", 5)
    reference = MinHash(
        num_perm=num_perm, seed=seed, hashfunc=xxhash.xxh32_intdigest, scheme="affine32"
    )
    for shingle in shingle_set:
        reference.update(shingle.encode("utf-8"))
    ours = fingerprint(shingle_set, settings)
    assert np.array_equal(ours.array(), np.asarray(reference.hashvalues, dtype=np.uint32))
    assert ours.array().tolist() == [int(v) for v in reference.hashvalues]


def test_estimate_agrees_with_datasketch_jaccard() -> None:
    settings = PINNED
    a = shingles(TEXT, 3)
    b = shingles(TEXT.replace("Saturday", "Sunday").replace("steel", "iron"), 3)
    minhashes = []
    for shingle_set in (a, b):
        m = MinHash(num_perm=128, seed=1, hashfunc=xxhash.xxh32_intdigest, scheme="affine32")
        for shingle in shingle_set:
            m.update(shingle.encode("utf-8"))
        minhashes.append(m)
    ours = estimate_jaccard(fingerprint(a, settings).signature, fingerprint(b, settings).signature)
    assert ours == pytest.approx(minhashes[0].jaccard(minhashes[1]))


def _pair_with_jaccard(rnd: random.Random, size: int, j: float) -> tuple[frozenset[str], ...]:
    """Two sets of ``size`` shingles each whose exact Jaccard is ``j``."""
    shared = round(2 * size * j / (1 + j))
    tag = rnd.randrange(1 << 30)
    common = [f"shared {tag} {i}" for i in range(shared)]
    a = frozenset(common + [f"only-a {tag} {i}" for i in range(size - shared)])
    b = frozenset(common + [f"only-b {tag} {i}" for i in range(size - shared)])
    return a, b


@pytest.mark.parametrize("num_perm", [128, 256])
def test_estimate_is_within_three_standard_errors(num_perm: int) -> None:
    settings = Settings(num_perm=num_perm)
    rnd = random.Random(20260516)
    errors = []
    for target in (0.1, 0.2, 0.33, 0.5, 0.66, 0.8, 0.9, 0.95):
        for size in (300, 1200):
            a, b = _pair_with_jaccard(rnd, size, target)
            exact = jaccard(a, b)
            estimate = estimate_jaccard(
                fingerprint(a, settings).signature, fingerprint(b, settings).signature
            )
            standard_error = math.sqrt(exact * (1 - exact) / num_perm)
            assert abs(estimate - exact) <= 3 * standard_error, (target, size, estimate, exact)
            errors.append(estimate - exact)
    # and the estimate is unbiased: the mean error is small
    assert abs(sum(errors) / len(errors)) < 0.03


def test_estimate_of_identical_and_disjoint_texts() -> None:
    settings = PINNED
    rnd = random.Random(1)
    a, b = _pair_with_jaccard(rnd, 500, 0.0)
    fa, fb = fingerprint(a, settings), fingerprint(b, settings)
    assert estimate_jaccard(fa.signature, fa.signature) == 1.0
    assert estimate_jaccard(fa.signature, fb.signature) <= 0.03


def test_fingerprint_round_trips_through_bytes() -> None:
    fp = fingerprint(shingles(TEXT, 5), PINNED)
    again = Fingerprint(bytes(fp.signature), fp.size)
    assert again == fp and hash(again) == hash(fp)
    assert np.array_equal(again.array(), fp.array())


# -- band keys ----------------------------------------------------------------------------


@pytest.mark.parametrize(("bands", "rows"), [(64, 2), (32, 4), (16, 8), (20, 5), (128, 1)], ids=str)
def test_band_keys_count_and_range(bands: int, rows: int) -> None:
    settings = Settings(lsh_bands=bands, lsh_rows=rows)
    for text in (TEXT, TEXT.upper() + " again", "different words " * 30):
        keys = band_keys(fingerprint(shingles(text, 5), settings).signature, settings)
        assert len(keys) == bands
        assert all(isinstance(k, int) and -(2**31) <= k < 2**31 for k in keys)
    assert any(k < 0 for k in keys) and any(k >= 0 for k in keys)


def test_band_keys_are_seeded_by_band_number() -> None:
    settings = PINNED
    flat = np.full(128, 12345, dtype=np.uint32).tobytes()  # every band holds the same rows
    keys = band_keys(flat, settings)
    assert len(set(keys)) == 64


def test_band_keys_change_only_where_the_signature_changes() -> None:
    settings = PINNED  # 64 bands x 2 rows
    values = fingerprint(shingles(TEXT, 5), settings).array().copy()
    before = band_keys(values.tobytes(), settings)
    values[9] ^= 1  # row 9 is in band 4
    after = band_keys(values.tobytes(), settings)
    assert [i for i, (x, y) in enumerate(zip(before, after, strict=True)) if x != y] == [4]


def test_band_keys_use_only_the_first_bands_times_rows_values() -> None:
    settings = Settings(lsh_bands=32, lsh_rows=2)  # 64 of 128 values
    values = fingerprint(shingles(TEXT, 5), settings).array().copy()
    before = band_keys(values.tobytes(), settings)
    values[64:] = 0
    assert band_keys(values.tobytes(), settings) == before


# -- anchors (the containment index) ------------------------------------------------------


def test_anchors_sample_about_one_shingle_in_modulus() -> None:
    rnd = random.Random(7)
    vocabulary = [f"word{i}" for i in range(500)]
    shingle_set = shingles(" ".join(rnd.choice(vocabulary) for _ in range(4000)), 5)
    sampled = anchors(shingle_set, 8)
    assert len(sampled) == pytest.approx(len(shingle_set) / 8, rel=0.15)
    assert sampled == sorted(sampled)
    assert all(-(2**31) <= k < 2**31 for k in sampled)
    assert len(anchors(shingle_set, 1)) == len(shingle_set)


def test_anchors_of_an_excerpt_are_inside_the_anchors_of_the_whole() -> None:
    rnd = random.Random(8)
    tokens = [f"word{rnd.randrange(800)}" for _ in range(3000)]
    whole = set(anchors(shingles(" ".join(tokens), 5), 8))
    excerpt = set(anchors(shingles(" ".join(tokens[1000:1600]), 5), 8))
    assert excerpt and excerpt <= whole
    other = set(anchors(shingles(" ".join(f"term{rnd.randrange(800)}" for _ in range(600)), 5), 8))
    assert len(other & whole) <= 2
