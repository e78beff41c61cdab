"""Answering requests from WARC files (``--archive``), for offline, reproducible work.

:class:`WarcIndex` scans WARC files once and maps each response record's target
URI to its place in the file; :class:`ArchiveTransport` is an httpx transport
that serves those records, so the fetcher's redirect, size and content checks
apply to archived responses exactly as to live ones.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord as ArcRecord

from .errors import ArchiveError, InvalidURLError, NotInArchiveError
from .urls import normalize_url

__all__ = ["ArchiveTransport", "ArchivedResponse", "WarcIndex", "iter_responses", "read_at"]

logger = logging.getLogger(__name__)

_DROP_HEADERS = frozenset({"transfer-encoding", "content-encoding", "content-length"})


@dataclass(frozen=True)
class ArchivedResponse:
    """An HTTP response as a WARC file keeps it."""

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    date: str | None  # WARC-Date


def _response(record: ArcRecord) -> ArchivedResponse | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return None
    headers = tuple(
        (k, v) for k, v in record.http_headers.headers if k.lower() not in _DROP_HEADERS
    )
    return ArchivedResponse(
        url=uri.strip("<>"),
        status=int(record.http_headers.get_statuscode() or 0),
        headers=headers,
        body=record.content_stream().read(),
        date=record.rec_headers.get_header("WARC-Date"),
    )


def _scan(path: Path) -> Iterator[tuple[int, ArchivedResponse]]:
    """(offset, response) for every response record, streamed."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc.strerror or exc}") from exc
    with stream:
        try:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                response = _response(record)  # read the body before asking for the offset,
                if response is not None:  # which skips to the record's end
                    yield iterator.get_record_offset(), response
        except ArchiveLoadFailed as exc:
            raise ArchiveError(f"{path} is not a readable WARC file: {exc}") from exc
        except (EOFError, OSError, ValueError) as exc:
            raise ArchiveError(f"{path} is truncated or corrupt: {exc}") from exc


def iter_responses(path: Path) -> Iterator[ArchivedResponse]:
    """Every HTTP response record of a WARC file, streamed (memory stays flat)."""
    for _, response in _scan(path):
        yield response


def read_at(path: Path, offset: int) -> ArchivedResponse:
    """The response record that starts at ``offset`` in ``path``."""
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            response = _response(record)
    except (ArchiveLoadFailed, StopIteration, EOFError, OSError, ValueError) as exc:
        raise ArchiveError(f"{path} changed or is corrupt at offset {offset}: {exc}") from exc
    if response is None:
        raise ArchiveError(f"{path}: no response record at offset {offset}")
    return response


class WarcIndex:
    """Which record answers which URL, over several WARC files (offsets only, no bodies)."""

    def __init__(self, paths: tuple[Path, ...] | list[Path]) -> None:
        self._where: dict[str, tuple[Path, int]] = {}
        for path in map(Path, paths):
            count = 0
            for offset, response in _scan(path):
                try:
                    key = normalize_url(response.url)
                except InvalidURLError:
                    continue
                self._where.setdefault(key, (path, offset))
                count += 1
            logger.info("archive %s: %d responses", path, count)

    def __len__(self) -> int:
        return len(self._where)

    def get(self, url: str) -> ArchivedResponse | None:
        where = self._where.get(url)
        return None if where is None else read_at(*where)


class ArchiveTransport(httpx.AsyncBaseTransport):
    """An httpx transport that answers from WARC files and never touches the network."""

    is_archive = True

    def __init__(self, paths: tuple[Path, ...] | list[Path]) -> None:
        self.index = WarcIndex(paths)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = normalize_url(str(request.url))
        found = self.index.get(url)
        if found is None:
            raise NotInArchiveError("not in the archive", url=url)
        headers = list(found.headers)
        if found.date:
            headers.append(("X-Archive-Date", found.date))
        return httpx.Response(
            found.status, headers=headers, stream=httpx.ByteStream(found.body), request=request
        )
