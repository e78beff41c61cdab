#!/usr/bin/env python3
"""Build samples/sample-web.warc.gz from samples/site/ and samples/manifest.json.

The output is deterministic: every record gets a fixed WARC-Date taken from the
manifest and a WARC-Record-ID derived from its URL with uuid5, and the HTTP
headers are generated only from the manifest and the file contents. Running
the script twice gives byte-identical files.

Usage:
    python samples/build_samples.py            # (re)write samples/sample-web.warc.gz
    python samples/build_samples.py --check    # exit 1 if the committed WARC is stale
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
OUTPUT = HERE / "sample-web.warc.gz"

# Namespace for record ids; any fixed UUID works, this one is itself derived
# from a fixed name so it never changes.
RECORD_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "http://provenance.example/sample-web")

REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    403: "Forbidden",
    404: "Not Found",
    410: "Gone",
    500: "Internal Server Error",
}

SERVER_HEADER = "nginx"


def _parse_iso(value: str) -> datetime:
    """Parse '2026-05-21T08:00:00Z' (or with an explicit offset) to an aware datetime."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def http_date(value: str) -> str:
    """ISO 8601 -> RFC 7231 IMF-fixdate, e.g. 'Thu, 21 May 2026 08:00:00 GMT'."""
    return format_datetime(_parse_iso(value), usegmt=True)


def warc_date(value: str) -> str:
    """ISO 8601 -> WARC-Date (UTC, second precision, trailing Z)."""
    return _parse_iso(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def record_id(url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(RECORD_ID_NAMESPACE, url)}>"


def load_manifest(path: Path = MANIFEST) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)["records"]


def build(records: list[dict], base: Path = HERE) -> bytes:
    """Return the gzipped WARC bytes for the given manifest records."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.0")
    for entry in records:
        url = entry["url"]
        status = int(entry["status"])
        body = (base / entry["file"]).read_bytes() if entry.get("file") else b""

        headers = [
            ("Date", http_date(entry["warc_date"])),
            ("Server", SERVER_HEADER),
            ("Content-Type", entry["content_type"]),
            ("Content-Length", str(len(body))),
        ]
        if entry.get("last_modified"):
            headers.append(("Last-Modified", http_date(entry["last_modified"])))
        if entry.get("location"):
            headers.append(("Location", entry["location"]))
        headers.append(("Connection", "close"))

        reason = REASONS.get(status, "Unknown")
        http_headers = StatusAndHeaders(f"{status} {reason}", headers, protocol="HTTP/1.1")

        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Record-ID": record_id(url),
                "WARC-Date": warc_date(entry["warc_date"]),
            },
        )
        writer.write_record(record)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the existing WARC differs from a fresh build")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"where to write the WARC "
                        f"(default: {OUTPUT.relative_to(HERE.parent)})")
    args = parser.parse_args(argv)

    data = build(load_manifest())

    if args.check:
        try:
            current = args.output.read_bytes()
        except FileNotFoundError:
            print(f"{args.output}: missing; run python samples/build_samples.py", file=sys.stderr)
            return 1
        if current != data:
            print(f"{args.output}: out of date; run python samples/build_samples.py",
                  file=sys.stderr)
            return 1
        print(f"{args.output}: up to date")
        return 0

    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes, {len(load_manifest())} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
