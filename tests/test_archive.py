"""archive: the Fetcher answering from WARC files written here with warcio, never the network."""

from __future__ import annotations

import asyncio
import gzip
import io
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance.archive import WarcIndex, iter_responses
from provenance.config import Settings
from provenance.errors import (
    ArchiveError,
    FetchError,
    NotHTMLError,
    NotInArchiveError,
    TooLargeError,
)
from provenance.fetch import Fetcher
from provenance.models import FetchResult, Redirect

HTML = "text/html; charset=utf-8"
PAGE = (
    "<!doctype html><html><head><title>Archived</title></head>"
    "<body><p>The harbour bridge reopened on Saturday, caf\u00e9 owners said.</p></body></html>"
).encode("utf-8")

Record = tuple[str, int, list[tuple[str, str]], bytes, str | None]


def write_warc(path: Path, records: list[Record], *, compress: bool = True) -> Path:
    """A WARC file of response records: (url, status, http headers, body, WARC-Date)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for url, status, headers, body, date in records:
            http = StatusAndHeaders(f"{status} Status", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date} if date else None,
            )
            writer.write_record(record)
    return path


def sample_records() -> list[Record]:
    return [
        ("http://a.example/old", 301, [("Location", "http://a.example/new")], b"", None),
        ("http://a.example/new", 200, [("Content-Type", HTML)], PAGE, "2026-05-16T10:00:00Z"),
        ("http://a.example/report.pdf", 200, [("Content-Type", "application/pdf")], b"%PDF", None),
        ("http://a.example/deleted", 404, [("Content-Type", HTML)], b"<p>gone</p>", None),
        (
            "http://a.example/zipped",
            200,
            [("Content-Type", HTML), ("Content-Encoding", "gzip")],
            gzip.compress(PAGE),
            None,
        ),
    ]


def fetch(archives: tuple[Path, ...], url: str, **changes: object) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(Settings(archives=archives, **changes)) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_fetcher_answers_from_an_archive(tmp_path: Path, compress: bool) -> None:
    warc = write_warc(tmp_path / "crawl.warc", sample_records(), compress=compress)
    page = fetch((warc,), "http://a.example/new")
    assert page.text == PAGE.decode("utf-8")
    assert page.status == 200
    assert page.from_archive is True
    assert page.fetched_at == datetime(2026, 5, 16, 10, 0, tzinfo=UTC)
    assert page.header("X-Archive-Date") == "2026-05-16T10:00:00Z"


def test_fetcher_follows_an_archived_redirect(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_records())
    page = fetch((warc,), "http://a.example/old")
    assert page.url == "http://a.example/old"
    assert page.final_url == "http://a.example/new"
    assert page.redirects == (Redirect("http://a.example/old", 301, "http://a.example/new"),)
    assert page.text == PAGE.decode("utf-8")


def test_archive_lookup_normalises_the_url(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_records())
    assert fetch((warc,), "HTTP://A.EXAMPLE/new#comments").text == PAGE.decode("utf-8")


def test_archived_content_encoding_is_undone(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_records())
    page = fetch((warc,), "http://a.example/zipped")
    assert page.content == PAGE
    assert page.header("Content-Encoding") is None


def test_archived_responses_pass_the_same_checks(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_records())
    with pytest.raises(NotHTMLError):
        fetch((warc,), "http://a.example/report.pdf")
    with pytest.raises(FetchError, match="404"):
        fetch((warc,), "http://a.example/deleted")
    with pytest.raises(TooLargeError):
        fetch((warc,), "http://a.example/new", max_bytes=100)


def test_url_not_in_the_archive(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_records())
    with pytest.raises(NotInArchiveError, match="not in the archive") as info:
        fetch((warc,), "http://b.example/elsewhere")
    assert isinstance(info.value, FetchError)
    assert info.value.url == "http://b.example/elsewhere"


def test_the_first_archive_holding_a_url_answers(tmp_path: Path) -> None:
    older = write_warc(
        tmp_path / "older.warc.gz",
        [("http://a.example/new", 200, [("Content-Type", HTML)], b"<p>first</p>", None)],
    )
    newer = write_warc(
        tmp_path / "newer.warc.gz",
        [
            ("http://a.example/new", 200, [("Content-Type", HTML)], b"<p>second</p>", None),
            ("http://a.example/only-new", 200, [("Content-Type", HTML)], b"<p>x</p>", None),
        ],
    )
    assert fetch((older, newer), "http://a.example/new").text == "<p>first</p>"
    assert fetch((older, newer), "http://a.example/only-new").text == "<p>x</p>"


def test_index_and_iter_responses(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_records())
    index = WarcIndex([warc])
    assert len(index) == 5
    assert index.get("http://a.example/missing") is None
    found = index.get("http://a.example/new")
    assert found is not None and found.body == PAGE and found.status == 200
    assert [r.url for r in iter_responses(warc)] == [r[0] for r in sample_records()]


# -- broken archives ----------------------------------------------------------------------


def open_fetcher(path: Path) -> None:
    Fetcher(Settings(archives=(path,)))


def test_a_missing_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="cannot open archive"):
        open_fetcher(tmp_path / "nowhere.warc.gz")


def test_a_directory_is_not_an_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="cannot open archive"):
        open_fetcher(tmp_path)


@pytest.mark.parametrize(
    "content",
    [
        b"<!doctype html>\n<html><body><p>a saved page, not a WARC</p></body></html>\n",
        b'{"records": []}\n',
        bytes(range(7, 256)) * 20,
    ],
    ids=["html", "json", "binary"],
)
def test_a_non_warc_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "not-a.warc"
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match=r"not-a\.warc is not a readable WARC file"):
        open_fetcher(path)


def test_a_text_file_is_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes about the crawl\n" * 5, encoding="utf-8")
    with pytest.raises(ArchiveError):
        open_fetcher(path)


def _two_records(tmp_path: Path, compress: bool) -> tuple[bytes, int]:
    """The bytes of a two-record WARC, and the offset where the second record starts."""
    first = tmp_path / "first.warc"
    write_warc(first, sample_records()[1:2], compress=compress)
    both = tmp_path / "both.warc"
    write_warc(
        both,
        [
            *sample_records()[1:2],
            ("http://a.example/second", 200, [("Content-Type", HTML)], PAGE * 20, None),
        ],
        compress=compress,
    )
    return both.read_bytes(), first.stat().st_size


def test_a_warc_truncated_inside_a_header(tmp_path: Path) -> None:
    data, second = _two_records(tmp_path, compress=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: second + 30])
    with pytest.raises(ArchiveError, match="truncated"):
        open_fetcher(path)


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_truncated_inside_a_body(tmp_path: Path, compress: bool) -> None:
    data, _ = _two_records(tmp_path, compress=compress)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-200])
    with pytest.raises(ArchiveError, match="truncated"):
        open_fetcher(path)


def test_an_archived_gzip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    bomb = gzip.compress(b"<html>" + b" " * (50 * 1024 * 1024), 9)
    warc = write_warc(
        tmp_path / "bomb.warc.gz",
        [
            (
                "http://a.example/bomb",
                200,
                [("Content-Type", HTML), ("Content-Encoding", "gzip")],
                bomb,
                None,
            )
        ],
    )
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError):
            fetch((warc,), "http://a.example/bomb", max_bytes=1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024
