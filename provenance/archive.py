"""Answering requests from WARC files (``--archive``), for offline, reproducible work.

:class:`WarcIndex` scans WARC files once and maps each response record's target
URI to its place in the file; :class:`ArchiveTransport` is an httpx transport
that serves those records, so the fetcher's redirect, size and content checks
apply to archived responses exactly as to live ones.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord as ArcRecord

from .codings import BodyDecoder
from .config import Settings
from .errors import ArchiveError, FetchError, InvalidURLError, NotInArchiveError, TooLargeError
from .urls import normalize_url

__all__ = ["ArchiveTransport", "ArchivedResponse", "WarcIndex", "iter_responses", "read_at"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = Settings().max_bytes
_BLOCK = 64 * 1024
_HOP_HEADERS = frozenset({"transfer-encoding", "content-length"})
_MAGIC = (b"WARC/", b"filedesc://")  # a WARC record, or an ARC file's first record


@dataclass(frozen=True)
class ArchivedResponse:
    """An HTTP response as a WARC file keeps it.

    ``body`` holds at most ``max_bytes + 1`` bytes: a longer body is cut there, so
    ``len(body) > max_bytes`` tells the caller it was too large. Decoded responses
    (the default) have Content-Encoding undone, with a bounded decoder, and the
    header dropped; raw ones keep both for the fetcher to decode.
    """

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    date: str | None  # WARC-Date


def _read_bounded(stream: IO[bytes], limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_BLOCK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _response(record: ArcRecord, *, max_bytes: int, raw: bool) -> ArchivedResponse | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return None
    http = record.http_headers
    stream: IO[bytes] = record.raw_stream
    if "chunked" in (http.get_header("Transfer-Encoding") or "").lower():
        stream = ChunkedDataReader(stream, decomp_type=None)  # de-chunk only, never inflate
    body = _read_bounded(stream, max_bytes)
    coding = http.get_header("Content-Encoding")
    drop = _HOP_HEADERS if raw else _HOP_HEADERS | {"content-encoding"}
    if coding and not raw and len(body) <= max_bytes:
        try:
            decoder = BodyDecoder(coding, limit=max_bytes, url=uri)
        except FetchError as exc:  # an unknown coding: the body cannot be read
            logger.debug("%s: archived body not decoded: %s", uri, exc)
            body = b""
        else:
            try:
                decoder.feed(body)
                body = decoder.finish()
            except TooLargeError:
                body = decoder.partial()  # max_bytes + 1 bytes: the caller sees it is too large
            except FetchError as exc:  # corrupt or truncated
                logger.debug("%s: archived body not decoded: %s", uri, exc)
                body = b""
    return ArchivedResponse(
        url=uri.strip("<>"),
        status=int(http.get_statuscode() or 0),
        headers=tuple((k, v) for k, v in http.headers if k.lower() not in drop),
        body=body,
        date=record.rec_headers.get_header("WARC-Date"),
    )


def _check_magic(path: Path, stream: IO[bytes]) -> None:
    """Refuse a file that does not start like a WARC (or ARC) file, gzipped or not.

    warcio alone would read any text whose first line has five words as an ARC file.
    """
    head = stream.read(2)
    stream.seek(0)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
                head = unzipped.read(16)
        else:
            head = stream.read(16)
    except (OSError, EOFError, zlib.error) as exc:
        raise ArchiveError(f"{path} is not a readable WARC file: {exc}") from exc
    finally:
        stream.seek(0)
    if not head:
        raise ArchiveError(f"{path} is not a readable WARC file: it is empty")
    if not head.lstrip(b"\r\n").startswith(_MAGIC):
        raise ArchiveError(f"{path} is not a readable WARC file: it does not start with a record")


def _drain(record: ArcRecord, path: Path) -> None:
    """Read what is left of a record, and refuse it if the file ends inside it."""
    while record.raw_stream.read(_BLOCK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise ArchiveError(f"{path} is truncated: its last record ends early")


def _check_end(path: Path, stream: IO[bytes], end: int) -> None:
    """Refuse a file with bytes after its last complete record (a record cut short).

    warcio stops quietly at a gzip member cut in the middle; only what is left says so.
    """
    stream.seek(end)
    while True:
        rest = stream.read(_BLOCK)
        if not rest:
            return
        if rest.strip(b"\r\n\t \0"):
            raise ArchiveError(
                f"{path} is truncated or corrupt: unreadable bytes after offset {end}"
            )


def _scan(
    path: Path, *, bodies: bool = True, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[int, ArchivedResponse]]:
    """(offset, response) for every response record, streamed; bodies only if asked."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc.strerror or exc}") from exc
    with stream:
        _check_magic(path, stream)
        try:
            iterator = ArchiveIterator(stream)
            end = 0
            for record in iterator:
                response = _response(record, max_bytes=max_bytes if bodies else 0, raw=False)
                _drain(record, path)
                offset = iterator.get_record_offset()  # known once the record is read
                end = offset + iterator.get_record_length()
                if response is not None:
                    yield offset, response
            _check_end(path, stream, end)
        except ArchiveError:
            raise
        except ArchiveLoadFailed as exc:
            raise ArchiveError(f"{path} is not a readable WARC file: {exc}") from exc
        except Exception as exc:  # warcio raises many kinds of error on a cut or corrupt file
            logger.debug("reading %s failed", path, exc_info=True)
            raise ArchiveError(
                f"{path} is truncated or corrupt: {type(exc).__name__}: {exc}"
            ) from exc


def iter_responses(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArchivedResponse]:
    """Every HTTP response record of a WARC file, streamed (memory stays flat).

    Bodies are decoded (Content-Encoding undone, never past ``max_bytes``).
    """
    for _, response in _scan(path, max_bytes=max_bytes):
        yield response


def read_at(
    path: Path, offset: int, *, max_bytes: int = DEFAULT_MAX_BYTES, raw: bool = False
) -> ArchivedResponse:
    """The response record that starts at ``offset`` in ``path`` (``raw``: still encoded)."""
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            response = _response(record, max_bytes=max_bytes, raw=raw)
    except Exception as exc:  # warcio raises many kinds of error on a changed file
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
            for offset, response in _scan(path, bodies=False):
                try:
                    key = normalize_url(response.url)
                except InvalidURLError:
                    continue
                self._where.setdefault(key, (path, offset))
                count += 1
            logger.info("archive %s: %d responses", path, count)

    def __len__(self) -> int:
        return len(self._where)

    def get(
        self, url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, raw: bool = False
    ) -> ArchivedResponse | None:
        where = self._where.get(url)
        return None if where is None else read_at(*where, max_bytes=max_bytes, raw=raw)


class ArchiveTransport(httpx.AsyncBaseTransport):
    """An httpx transport that answers from WARC files and never touches the network."""

    is_archive = True

    def __init__(
        self, paths: tuple[Path, ...] | list[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self.index = WarcIndex(paths)
        self.max_bytes = max_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = normalize_url(str(request.url))
        # raw: the fetcher undoes Content-Encoding itself, with the same bounded decoder as live
        found = self.index.get(url, max_bytes=self.max_bytes, raw=True)
        if found is None:
            raise NotInArchiveError("not in the archive", url=url)
        headers = list(found.headers)
        if found.date:
            headers.append(("X-Archive-Date", found.date))
        return httpx.Response(
            found.status, headers=headers, stream=httpx.ByteStream(found.body), request=request
        )
