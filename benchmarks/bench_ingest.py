"""Ingest throughput on real pages against the extraction-only ceiling, one worker and all workers.

Real HTML pages (scrapinghub's benchmark pages, then trafilatura's evaluation
pages; read from the corpora by path) are written as WARC response records to
a temporary directory with warcio, then ingested with
``provenance.bulk.ingest_warcs(paths, store, settings, workers=N)`` into a
fresh temporary store. The ceiling, measured in the same run, is
``provenance.extract.extract`` alone on the same (decoded) pages in a process
pool of the same size. Runs alternate (ceiling, ingest) and the best of
``--repeat`` rounds is kept for each, which cancels most of a shared machine's noise.

``--engine postgresql`` ingests into a fresh PostgreSQL database
(``prov_bench_ingest`` on ``--pg-server``, dropped at the end) instead of a
temporary SQLite file. Old store vs new on both engines: ``bench_engines.py``.

    python benchmarks/bench_ingest.py [--quick] [--pages N] [--repeat R]
    python benchmarks/bench_ingest.py --engine postgresql
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_store  # noqa: E402
from _common import Report, real_pages  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from provenance.bulk import ingest_warcs  # noqa: E402
from provenance.config import Settings  # noqa: E402
from provenance.errors import ProvenanceError  # noqa: E402
from provenance.extract import extract  # noqa: E402
from provenance.fetch import decode_html  # noqa: E402
from provenance.store import Store  # noqa: E402


def write_warc(pages: list[tuple[str, bytes]], path: Path) -> None:
    """One gzipped WARC of HTTP 200 text/html response records."""
    date = datetime(2026, 5, 1, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            import io

            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def _extract_one(item: tuple[str, str]) -> int:
    html, url = item
    try:
        return len(extract(html, url).text)
    except ProvenanceError:
        return 0
    except Exception:  # noqa: BLE001 - ingest counts these as failed pages too; so must the ceiling
        return -1


def ceiling(items: list[tuple[str, str]], workers: int) -> float:
    """Seconds for extract() alone on every page, in a process pool of ``workers``."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(_extract_one, items, chunksize=4):
            pass
    return time.perf_counter() - start


def ingest(
    warc: Path, workers: int, settings: Settings, tmp: Path, tag: str, pg_server: str | None = None
) -> tuple[float, dict]:
    """Seconds to ingest the WARC into a new store (a temporary file, or a fresh PG database)."""
    if pg_server:
        db: Path | str = f"{pg_server.rstrip('/')}/prov_bench_ingest"
        synth_store.pg_drop(db)
        synth_store.pg_create(db)
    else:
        db = tmp / f"ingest-{tag}.db"
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
    start = time.perf_counter()
    with Store.open(db, settings) as store:
        report = ingest_warcs([warc], store, settings, workers=workers)
    seconds = time.perf_counter() - start
    return seconds, dict(report.counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 pages")
    parser.add_argument("--pages", type=int, default=None, help="how many pages (default: all)")
    parser.add_argument("--repeat", type=int, default=None, help="rounds (best kept); default 2")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--pg-server",
        default=os.environ.get("PROVENANCE_BENCH_PG", synth_store.PG_DEFAULT),
        help="PostgreSQL server URL, without a database (env PROVENANCE_BENCH_PG)",
    )
    args = parser.parse_args()
    pg_server = args.pg_server if args.engine == "postgresql" else None
    limit = args.pages or (100 if args.quick else None)
    repeat = args.repeat or 2
    settings = Settings()
    pages = real_pages(limit)
    items = []
    for url, body in pages:
        text, _ = decode_html(body, "text/html")
        items.append((text, url))
    report = Report("ingest" if args.engine == "sqlite" else f"ingest-{args.engine}")
    mb = sum(len(b) for _, b in pages) / 1e6
    report.add(
        "pages", len(pages), note=f"{mb:.1f} MB of real HTML (scrapinghub + trafilatura-eval)"
    )
    all_workers = max(1, args.workers)
    counts: dict = {}
    best: dict[str, float] = {}
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="prov-bench-ingest-") as tmpdir:
        tmp = Path(tmpdir)
        warc = tmp / "pages.warc.gz"
        write_warc(pages, warc)
        # warm-up: page cache, imports, one tiny pool
        ceiling(items[:4], 1)
        for rnd in range(repeat):
            for w in sorted({1, all_workers}):
                c = ceiling(items, w)
                try:
                    i, counts = ingest(warc, w, settings, tmp, f"{w}-{rnd}", pg_server)
                finally:
                    if pg_server:
                        synth_store.pg_drop(f"{pg_server.rstrip('/')}/prov_bench_ingest")
                runs.append({"round": rnd, "workers": w, "ceiling_s": c, "ingest_s": i})
                best[f"ceil{w}"] = min(best.get(f"ceil{w}", float("inf")), c)
                best[f"ing{w}"] = min(best.get(f"ing{w}", float("inf")), i)
                print(
                    f"  round {rnd} workers={w}: ceiling {len(items) / c:.1f} pages/s, "
                    f"ingest {len(items) / i:.1f} pages/s",
                    file=sys.stderr,
                    flush=True,
                )
    n = len(items)
    for w in sorted({1, all_workers}):
        report.add(
            f"extract-only ceiling, {w} worker(s)",
            n / best[f"ceil{w}"],
            "pages/s",
            note="provenance.extract.extract in a process pool",
        )
        report.add(
            f"ingest_warcs, {w} worker(s)",
            n / best[f"ing{w}"],
            "pages/s",
            note="WARC -> store, all stages",
        )
    for w in sorted({1, all_workers}):
        report.check(
            f"ingest / ceiling, {w} worker(s)", best[f"ceil{w}"] / best[f"ing{w}"], "", ">=", 0.8
        )
    if all_workers > 1:
        machine_scaling = best["ceil1"] / best[f"ceil{all_workers}"]
        row = report.check(
            f"ingest {all_workers} workers / 1 worker",
            best["ing1"] / best[f"ing{all_workers}"],
            "x",
            ">=",
            1.7,
        )
        if machine_scaling < 1.5:  # the machine itself did not scale: other load on the cores
            row.ok = None
            row.note = (
                f"VOID: extraction alone scaled only {machine_scaling:.2f}x in this run "
                "(other load on the machine); rerun"
            )
        report.add(
            f"ceiling {all_workers} workers / 1 worker",
            machine_scaling,
            "x",
            note="what the machine itself scales (informational)",
        )
    report.add("ingest outcomes", ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    report.data = {
        "engine": args.engine,
        "pages": n,
        "runs": runs,
        "best_seconds": best,
        "outcomes": counts,
    }
    report.print()
    report.write()


if __name__ == "__main__":
    main()
