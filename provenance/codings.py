"""Undoing Content-Encoding with a bounded, streaming decoder.

A compressed body is decoded chunk by chunk as it arrives, and no decoder is
ever asked for more than :data:`STEP` bytes at a time or more than the cap in
total: a gzip bomb (a few kilobytes that inflate to gigabytes, even inside one
small chunk, even stacked ``gzip, gzip``) is stopped once it has produced
``limit + 1`` bytes, without holding more than the cap in memory.

Only gzip and deflate are supported (and advertised in ``Accept-Encoding``);
any other coding (``br``, ``zstd``, ``compress``) is refused with a clear
error rather than decoded without a bound.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from .errors import BadResponseError, FetchError, TooLargeError

__all__ = ["ACCEPT_ENCODING", "BodyDecoder", "decompress"]

ACCEPT_ENCODING = "gzip, deflate"
STEP = 64 * 1024  # most bytes one decoder call may produce
_GZIP_MAGIC = b"\x1f\x8b"


def _zlib_header(head: bytes) -> bool:
    """Do these two bytes start a zlib stream (RFC 1950), rather than raw deflate?"""
    cmf, flg = head[0], head[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and ((cmf << 8) | flg) % 31 == 0


class _Inflater:
    """One gzip or deflate layer, decoded incrementally with bounded output per call.

    gzip may hold several members (RFC 1952), decoded one after the other; "deflate"
    is zlib-wrapped (RFC 1950) as the standard says, or raw, as some servers send it:
    the first two bytes tell which.
    """

    def __init__(self, coding: str, *, url: str) -> None:
        self.gzip = coding in ("gzip", "x-gzip")
        self.url = url
        self.started = False  # has any input been seen?
        self.ended = False  # has the (last) stream ended?
        self._head = b""  # deflate: input kept until its first two bytes are known
        self._decoder: zlib._Decompress | None = (
            zlib.decompressobj(16 + zlib.MAX_WBITS) if self.gzip else None
        )

    def feed(self, data: bytes, budget: int) -> Iterator[bytes]:
        """Decode ``data``: pieces of at most STEP bytes, at most ``budget + 1`` in all."""
        if not data:
            return
        self.started = True
        if self._decoder is None:  # deflate, wrapper not known yet
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            wbits = zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS
            self._decoder = zlib.decompressobj(wbits)
        decoder = self._decoder
        if self.ended:
            data = self._after_end(data)
            decoder = self._decoder
        produced = 0
        while data:
            want = max(1, min(STEP, budget + 1 - produced))
            try:
                out = decoder.decompress(data, want)
            except zlib.error as exc:
                raise BadResponseError(f"corrupt compressed body: {exc}", url=self.url) from exc
            produced += len(out)
            if out:
                yield out
            if produced > budget:
                return  # the caller raises TooLargeError
            if decoder.eof:
                self.ended = True
                data = self._after_end(decoder.unused_data)
                decoder = self._decoder
                continue
            data = decoder.unconsumed_tail
            if data and not out:  # cannot happen with want >= 1; never spin regardless
                raise BadResponseError("corrupt compressed body: decoder stalled", url=self.url)

    def _after_end(self, rest: bytes) -> bytes:
        """Input after a finished stream: another gzip member, or ignorable trailing bytes."""
        rest = rest.lstrip(b"\0")
        if self.gzip and rest[:2] == _GZIP_MAGIC:
            self.ended = False
            self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return rest
        return b""  # padding or trailing garbage after the end: ignored, as browsers do

    def finish(self) -> None:
        if self.started and not self.ended:
            raise BadResponseError("compressed body is truncated", url=self.url)


class BodyDecoder:
    """Decode a body as it streams in: ``feed`` raw chunks, then ``finish``.

    ``encoding_header`` is the Content-Encoding value (codings listed in the order they
    were applied, so they are undone in reverse). Raises :class:`TooLargeError` as soon
    as the decoded body passes ``limit`` bytes, :class:`BadResponseError` for a corrupt
    or truncated body, and :class:`FetchError` for an unsupported coding.
    """

    def __init__(self, encoding_header: str | None, *, limit: int, url: str) -> None:
        self.limit = limit
        self.url = url
        self.size = 0
        self._chunks: list[bytes] = []
        codings = [c.strip().lower() for c in (encoding_header or "").split(",")]
        self._layers: list[_Inflater] = []
        for coding in reversed([c for c in codings if c not in ("", "identity")]):
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"unsupported Content-Encoding {coding!r}", url=url)
            self._layers.append(_Inflater(coding, url=url))
        self._produced = [0] * len(self._layers)
        self._inner_limit = limit + limit // 100 + 64 * 1024

    def feed(self, chunk: bytes) -> None:
        self._push(0, chunk)

    def _push(self, layer: int, data: bytes) -> None:
        if layer == len(self._layers):
            self.size += len(data)
            self._chunks.append(data)  # at most STEP past the limit: see partial()
            if self.size > self.limit:
                raise self._too_large()
            return
        # every layer, not only the last, is bounded: an outer layer that inflates to
        # gigabytes of padding after the inner stream ends is stopped as early (an inner
        # compressed stream may be a little larger than what it decodes to: some slack)
        bound = self.limit if layer == len(self._layers) - 1 else self._inner_limit
        for piece in self._layers[layer].feed(data, bound - self._produced[layer]):
            self._produced[layer] += len(piece)
            if self._produced[layer] > bound:
                raise self._too_large()
            self._push(layer + 1, piece)

    def _too_large(self) -> TooLargeError:
        if self._layers:
            return TooLargeError(f"body decompresses to more than {self.limit} bytes", url=self.url)
        return TooLargeError(f"body exceeds the cap of {self.limit} bytes", url=self.url)

    def partial(self) -> bytes:
        """What was decoded so far, cut at ``limit + 1`` bytes (after a TooLargeError)."""
        return b"".join(self._chunks)[: self.limit + 1]

    def finish(self) -> bytes:
        """The whole decoded body; raises if a compressed layer ended early."""
        for layer in self._layers:
            layer.finish()
        body = b"".join(self._chunks)
        self._chunks = [body]
        return body


def decompress(body: bytes, encoding_header: str | None, *, limit: int, url: str) -> bytes:
    """Undo Content-Encoding (gzip/deflate, stacked in any order), never producing > ``limit``."""
    decoder = BodyDecoder(encoding_header, limit=limit, url=url)
    for start in range(0, len(body), STEP):
        decoder.feed(body[start : start + STEP])
    return decoder.finish()
