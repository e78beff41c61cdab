"""Quality gates: origin and edge accuracy on samples/, and match recall on real wire copy.

Floors, not exact scores: a change to a threshold or a weight that lowers them fails here.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance import Settings, Store
from provenance.cli import app
from provenance.config import default_corpora
from provenance.fingerprint import shingles
from provenance.index import similarity, verified
from provenance.models import Article
from provenance.pipeline import commit, prepare_article

SAMPLE_FLOORS = {"origin_accuracy": 1.0, "edge_precision": 1.0, "edge_recall": 1.0}
WIRE_RECALL_FLOOR = 0.98


def test_samples_origin_and_edges(sample_warc, store_path, answer_key):
    runner = CliRunner()
    assert (
        runner.invoke(
            app,
            ["ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"],
        ).exit_code
        == 0
    )
    truth = {(parent, copy) for copy, parent in answer_key["copies"].items()}
    right_origins = 0
    found: set[tuple[str, str]] = set()
    queries = [answer_key["origin"], *answer_key["copies"]]
    for query in queries:
        result = runner.invoke(
            app,
            ["lookup", "--store", str(store_path), "--archive", str(sample_warc), "--json", query],
        )
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        right_origins += data["origin"]["url"] == answer_key["origin"]
        found |= {(e["source"], e["target"]) for e in data["edges"]}
        assert not {n["url"] for n in data["nodes"]} & set(answer_key["not_copies"])
    scores = {
        "origin_accuracy": right_origins / len(queries),
        "edge_precision": len(found & truth) / len(found),
        "edge_recall": len(found & truth) / len(truth),
    }
    for name, floor in SAMPLE_FLOORS.items():
        assert scores[name] >= floor, scores

    for unrelated in answer_key["not_copies"]:
        result = runner.invoke(
            app,
            [
                "lookup",
                "--store",
                str(store_path),
                "--archive",
                str(sample_warc),
                "--json",
                unrelated,
            ],
        )
        data = json.loads(result.stdout)
        assert data["edges"] == [] and data["origin"]["url"] == unrelated


def _wire_texts() -> list[tuple[str, str]]:
    path = default_corpora() / "articlecomparisons-us-news-same-day" / "helsinki_articles.csv.gz"
    if not path.exists():
        pytest.skip(f"corpus not found at {path} (set PROVENANCE_CORPORA)")
    csv.field_size_limit(10**8)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return [
            (row["publisher"], row["text"].replace(" ### ", "\n")) for row in csv.DictReader(handle)
        ]


@pytest.mark.corpora
def test_match_recall_on_real_wire_copy(store_path: Path | str):
    """Every pair that verifies by exact all-pairs comparison is found through the LSH index.

    Boilerplate learning is off here: it changes what verifies, and this measures the index.
    """
    settings = Settings(boilerplate_min_articles=10**9)
    texts = _wire_texts()
    sets = [shingles(text, settings.shingle_size) for _, text in texts]
    usable = [i for i, s in enumerate(sets) if len(s) >= settings.min_shingles]
    exact = {
        (i, j)
        for i, j in itertools.combinations(usable, 2)
        if verified(similarity(sets[i], sets[j]), len(sets[i]), len(sets[j]), settings)
    }
    assert len(exact) > 100  # the set really holds wire copies
    with Store.open(store_path, settings) as store:
        ids: dict[int, int] = {}
        with store.transaction():
            for i in usable:
                publisher, text = texts[i]
                article = Article(
                    url=f"http://{publisher}/article/{i}", outlet=publisher, text=text
                )
                outcome = commit(store, prepare_article(article, settings), settings)
                assert outcome.article_id is not None
                ids[outcome.article_id] = i
        found = set()
        for edge in store.iter_edges():
            a = int(edge.source.rsplit("/", 1)[1])
            b = int(edge.target.rsplit("/", 1)[1])
            found.add((min(a, b), max(a, b)))
    recall = len(found & exact) / len(exact)
    assert not found - exact  # nothing drawn that does not verify
    print(f"recall {recall:.4f} on {len(exact)} exact pairs")
    assert recall >= WIRE_RECALL_FLOOR, f"recall {recall:.3f} on {len(exact)} pairs"


SCENARIO_FLOORS = {"origin_accuracy": 0.95, "edge_f1": 0.95}


def test_scenarios_origin_accuracy_and_edge_f1(sample_warc, store_path):
    """Every scenario of samples/scenarios.json, looked up from its query page."""
    import sys

    from tests.servers import SAMPLES

    sys.path.insert(0, str(SAMPLES))
    try:
        from evaluate import origin_ok  # the scorer samples/evaluate.py uses
    finally:
        sys.path.remove(str(SAMPLES))
    scenarios = json.loads((SAMPLES / "scenarios.json").read_text(encoding="utf-8"))
    assert len(scenarios) >= 30
    runner = CliRunner()
    assert (
        runner.invoke(
            app,
            ["ingest", "--store", str(store_path), "--warc", str(sample_warc), "--workers", "1"],
        ).exit_code
        == 0
    )
    right = tp = fp = fn = 0
    wrong: list[str] = []
    for scenario in scenarios:
        result = runner.invoke(
            app,
            [
                "lookup",
                "--store",
                str(store_path),
                "--archive",
                str(sample_warc),
                "--json",
                scenario["query"],
            ],
        )
        assert result.exit_code == 0, (scenario["id"], result.output)
        data = json.loads(result.stdout)
        right += origin_ok(scenario, data)
        found = {(e["source"], e["target"]) for e in data["edges"]}
        truth = {(parent, copy) for copy, parent in scenario["copies"].items()}
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
        if found != truth or not origin_ok(scenario, data):
            wrong.append(scenario["id"])
        assert not {n["url"] for n in data["nodes"]} & set(scenario["not_copies"]), scenario["id"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    scores = {
        "origin_accuracy": right / len(scenarios),
        "edge_f1": 2 * precision * recall / (precision + recall),
    }
    for name, floor in SCENARIO_FLOORS.items():
        assert scores[name] >= floor, (scores, wrong)
