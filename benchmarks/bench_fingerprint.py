"""Fingerprint stage: ``provenance.fingerprint.fingerprint`` vs datasketch's per-shingle ``update()``.

Both run on the same shingle sets of real article texts (scrapinghub bodies,
ArticleComparisons news), in the same run; the figure is the speed ratio.
Signature quality: for pairs of texts spread over Jaccard 0.05-0.95 (real
wire copies plus controlled edits of real texts), the Jaccard estimated from
two signatures against the exact Jaccard of the shingle sets, compared with
MinHash's theoretical standard error sqrt(J(1-J)/num_perm).

    python benchmarks/bench_fingerprint.py [--quick]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Report, english_texts  # noqa: E402
from datasketch import MinHash  # noqa: E402

from provenance.config import Settings  # noqa: E402
from provenance.fingerprint import (  # noqa: E402
    estimate_jaccard,
    fingerprint,
    jaccard,
    shingles,
    words,
)


def baseline_signature(shingle_set: frozenset[str], settings: Settings) -> bytes:
    """datasketch used plainly: default hash (SHA1), one update() per shingle."""
    m = MinHash(num_perm=settings.num_perm, seed=settings.seed)
    for s in shingle_set:
        m.update(s.encode("utf-8"))
    return bytes(m.hashvalues.astype("uint32").tobytes())


def best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def edited(tokens: list[str], rate: float, rng: random.Random, vocab: list[str]) -> list[str]:
    """Replace a share of the words, and drop or add a few sentences' worth at the end."""
    out = [vocab[rng.randrange(len(vocab))] if rng.random() < rate else t for t in tokens]
    if rng.random() < 0.5:
        cut = int(len(out) * rng.uniform(0.0, rate))
        out = out[: len(out) - cut]
    return out


def quality_pairs(
    texts: list[str], settings: Settings, n_pairs: int, seed: int = 5
) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Pairs with Jaccard spread over (0.05, 0.95): real near-copies and edited real texts."""
    rng = random.Random(seed)
    k = settings.shingle_size
    sets = [shingles(t, k) for t in texts]
    pairs: list[tuple[frozenset[str], frozenset[str]]] = []
    # real pairs (wire copies among the news texts) with Jaccard > 0.05
    idx = [i for i, s in enumerate(sets) if len(s) >= settings.min_shingles]
    real = []
    for a_pos, i in enumerate(idx):
        for j in idx[a_pos + 1 :]:
            jac = jaccard(sets[i], sets[j])
            if 0.05 <= jac < 1.0:
                real.append((sets[i], sets[j]))
    rng.shuffle(real)
    pairs.extend(real[: n_pairs // 2])
    # edited copies: word replacement rates chosen to spread Jaccard over the range
    vocab = sorted({w for t in texts[:200] for w in words(t)})
    while len(pairs) < n_pairs:
        tokens = words(texts[rng.randrange(len(texts))])
        if len(tokens) < 100:
            continue
        rate = rng.choice([0.005, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.25])
        other = edited(tokens, rate, rng, vocab)
        a = shingles(" ".join(tokens), k)
        b = shingles(" ".join(other), k)
        if 0.0 < jaccard(a, b) < 1.0:
            pairs.append((a, b))
    return pairs


def error_stats(pairs_j: list[float], estimates: list[float], num_perm: int) -> dict[str, float]:
    errors = [e - j for e, j in zip(estimates, pairs_j, strict=True)]
    theory = [math.sqrt(j * (1 - j) / num_perm) for j in pairs_j]
    z = [err / se for err, se in zip(errors, theory, strict=True) if se > 0]
    rmse = math.sqrt(statistics.fmean(e * e for e in errors))
    rms_theory = math.sqrt(statistics.fmean(s * s for s in theory))
    return {
        "pairs": len(errors),
        "rmse": rmse,
        "rms_theory_se": rms_theory,
        "rmse_over_theory": rmse / rms_theory,
        "bias": statistics.fmean(errors),
        "share_within_1.96se": sum(abs(x) <= 1.96 for x in z) / len(z),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 texts, 400 pairs")
    args = parser.parse_args()
    settings = Settings()
    report = Report("fingerprint")
    texts = english_texts()
    n_texts = 100 if args.quick else len(texts)
    sample = random.Random(1).sample(texts, min(n_texts, len(texts)))
    t = time.perf_counter()
    sets = [
        s
        for s in (shingles(x, settings.shingle_size) for x in sample)
        if len(s) >= settings.min_shingles
    ]
    shingle_s = time.perf_counter() - t
    mean_shingles = statistics.fmean(len(s) for s in sets)

    ours = best_of(lambda: [fingerprint(s, settings) for s in sets], 3 if args.quick else 5)
    base = best_of(lambda: [baseline_signature(s, settings) for s in sets], 1 if args.quick else 2)
    per_ours = ours / len(sets) * 1000
    per_base = base / len(sets) * 1000
    report.add("texts (real articles)", len(sets), note=f"mean {mean_shingles:.0f} shingles")
    report.add("shingling per text", shingle_s / len(sets) * 1000, "ms", note="informational")
    report.add(
        "fingerprint() per text",
        per_ours,
        "ms",
        note=f"update_batch, xxh32 + affine32, {settings.num_perm} perms",
    )
    report.add("baseline update() loop per text", per_base, "ms", note="datasketch default (SHA1)")
    report.check("speed-up vs update() loop", base / ours, "x", ">=", 10.0)
    # evidence for a fix: the same signatures without importing datasketch (and scipy)
    import np_minhash

    perms = np_minhash.permutations(settings.num_perm, settings.seed)
    same = all(np_minhash.signature(s, perms) == fingerprint(s, settings).signature for s in sets)
    numpy_s = best_of(
        lambda: [np_minhash.signature(s, perms) for s in sets], 3 if args.quick else 5
    )
    report.add(
        "numpy-only signature (np_minhash.py) per text",
        numpy_s / len(sets) * 1000,
        "ms",
        note=f"byte-identical to fingerprint(): {'yes' if same else 'NO'} on {len(sets)} texts",
    )

    # quality
    n_pairs = 400 if args.quick else 2000
    pairs = quality_pairs(sample if args.quick else texts, settings, n_pairs)
    exact = [jaccard(a, b) for a, b in pairs]
    est_ours = [
        estimate_jaccard(fingerprint(a, settings).signature, fingerprint(b, settings).signature)
        for a, b in pairs
    ]
    est_base = [
        estimate_jaccard(baseline_signature(a, settings), baseline_signature(b, settings))
        for a, b in pairs
    ]
    q_ours = error_stats(exact, est_ours, settings.num_perm)
    q_base = error_stats(exact, est_base, settings.num_perm)
    report.add(
        "quality pairs",
        q_ours["pairs"],
        note=f"Jaccard {min(exact):.2f}-{max(exact):.2f}, median {statistics.median(exact):.2f}",
    )
    report.add(
        "estimation RMSE (ours)",
        q_ours["rmse"],
        note=f"theory sqrt(J(1-J)/{settings.num_perm}) RMS = {q_ours['rms_theory_se']:.4f}",
    )
    report.check(
        "RMSE / theoretical std error (ours)",
        q_ours["rmse_over_theory"],
        "",
        "<=",
        1.15,
        note="1.0 = exactly as theory predicts",
    )
    report.check(
        "share of estimates within 1.96 SE (ours)",
        q_ours["share_within_1.96se"],
        "",
        ">=",
        0.93,
        note="theory: 0.95",
    )
    report.add("bias (ours)", q_ours["bias"], note="mean(estimate - exact)")
    report.add(
        "RMSE / theoretical std error (baseline)",
        q_base["rmse_over_theory"],
        note="datasketch default, same pairs",
    )
    buckets = {}
    for lo, hi in ((0.05, 0.2), (0.2, 0.5), (0.5, 0.8), (0.8, 1.0)):
        sel = [i for i, j in enumerate(exact) if lo <= j < hi]
        if len(sel) >= 10:
            st = error_stats([exact[i] for i in sel], [est_ours[i] for i in sel], settings.num_perm)
            buckets[f"{lo}-{hi}"] = st
            report.add(
                f"  J in [{lo}, {hi}): RMSE / theory",
                st["rmse_over_theory"],
                note=f"{st['pairs']} pairs, RMSE {st['rmse']:.4f}",
            )
    report.data = {
        "texts": len(sets),
        "mean_shingles": mean_shingles,
        "fingerprint_ms_per_text": per_ours,
        "baseline_ms_per_text": per_base,
        "speedup": base / ours,
        "numpy_ms_per_text": numpy_s / len(sets) * 1000,
        "numpy_identical": same,
        "quality_ours": q_ours,
        "quality_baseline": q_base,
        "quality_buckets": buckets,
    }
    report.print()
    report.write()


if __name__ == "__main__":
    main()
