"""`provenance compare`: overlap both ways, shared passages, additions, the verdict."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from provenance.cli import app
from provenance.compare import passages

runner = CliRunner()


def test_passages_find_shared_text_and_each_sides_additions():
    body = " ".join(f"w{i}" for i in range(60))
    shared, only_a, only_b = passages(
        body,
        "An added first paragraph of our own here. "
        + body
        + " Disclaimer: views are the author's own and not ours at all.",
    )
    assert shared == [body]
    assert only_a == []
    assert only_b[0].startswith("An added first paragraph") and only_b[1].startswith("Disclaimer:")
    cut_ending = " ".join(body.split()[:30])
    shared, only_a, only_b = passages(body, cut_ending)
    assert shared == [cut_ending] and only_b == [] and len(only_a[0].split()) == 30


def test_compare_origin_and_repost(sample_warc, store_path, answer_key):
    result = runner.invoke(
        app,
        [
            "compare",
            "--store",
            str(store_path),
            "--archive",
            str(sample_warc),
            "--json",
            answer_key["origin"],
            answer_key["query"],
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["copies"] is True
    assert data["a_in_b"] >= 0.95 and data["b_in_a"] < 0.8
    assert data["verdict"]["source"] == answer_key["origin"]
    assert data["verdict"]["target"] == answer_key["query"]
    assert data["verdict"]["evidence"][0]["kind"] == "attribution"
    assert data["a_adds"] == []
    assert any("Copyright" in added for added in data["b_adds"])  # the aggregator's additions
    assert all("](http" not in p for p in data["shared"] + data["b_adds"])  # no link markup in text

    text = runner.invoke(
        app,
        [
            "compare",
            "--store",
            str(store_path),
            "--archive",
            str(sample_warc),
            answer_key["origin"],
            answer_key["query"],
        ],
    )
    assert text.exit_code == 0
    assert "Verdict: globalreview.example copied northwind-dispatch.example" in text.stdout
    assert "Only in B (2)" in text.stdout


def test_compare_same_event_not_copies(sample_warc, store_path, answer_key):
    result = runner.invoke(
        app,
        [
            "compare",
            "--store",
            str(store_path),
            "--archive",
            str(sample_warc),
            "--json",
            answer_key["origin"],
            answer_key["not_copies"][0],
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["copies"] is False and data["jaccard"] < 0.05
    assert data["shared"] == []
