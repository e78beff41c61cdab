"""Shared fixtures: the sample web served on 127.0.0.1, its answer key, a fresh store path."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers import SAMPLES, OutletServer, running, sample_routes

for _proxy_var in (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    # a search switch or key in the developer's environment would make lookups call providers
    "PROVENANCE_SEARCH",
    "SERPAPI_KEY",
    "COPYSCAPE_USER",
    "COPYSCAPE_KEY",
):
    os.environ.pop(_proxy_var, None)  # tests only ever talk to 127.0.0.1


@pytest.fixture(scope="session")
def answer_key() -> dict[str, Any]:
    return json.loads((SAMPLES / "answer-key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_warc() -> Path:
    return SAMPLES / "sample-web.warc.gz"


@pytest.fixture()
def outlet_web() -> Iterator[OutletServer]:
    """The sample web as a real HTTP server, reached as an HTTP proxy (outlets keep their hosts)."""
    with running(sample_routes()) as server:
        yield server


@pytest.fixture(scope="session")
def sample_articles() -> int:
    """How many HTML articles the sample WARC holds."""
    records = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["records"]
    return sum(
        1 for r in records if r["status"] == 200 and r["content_type"].startswith("text/html")
    )


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"
