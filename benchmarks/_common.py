"""Shared helpers of the benchmark scripts: corpora, results, tables, targets, machine facts.

Every benchmark measures a baseline in the same run and reports a ratio, so its
verdict holds on a noisy shared machine. Results go to ``benchmarks/results/<name>.json``
(git-ignored). Corpora are read by path only, never copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.config import default_corpora

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def corpora() -> Path:
    """The corpora folder (``$PROVENANCE_CORPORA`` or ``../shared/corpora`` from the repo root)."""
    path = default_corpora()
    if not path.is_absolute():
        path = (ROOT / path).resolve()
    return path


def need_corpus(*parts: str) -> Path:
    """A corpus path, or exit with a clear message when the corpora are absent."""
    path = corpora().joinpath(*parts)
    if not path.exists():
        sys.exit(
            f"benchmark needs the corpus {path}, which is absent. Set PROVENANCE_CORPORA to the "
            "folder of shared corpora (default: ../shared/corpora beside the repository)."
        )
    return path


def read_maybe_gz(path: Path) -> bytes:
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as f:
            return f.read()
    return path.read_bytes()


def real_pages(limit: int | None = None) -> list[tuple[str, bytes]]:
    """(url, raw HTML bytes) of real news pages: scrapinghub's benchmark, then trafilatura's eval set."""
    pages: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    sh = need_corpus("scrapinghub-article-extraction-benchmark")
    truth = json.loads((sh / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        url = truth[key]["url"]
        file = sh / "html" / f"{key}.html.gz"
        if url in seen or not file.exists():
            continue
        seen.add(url)
        pages.append((url, read_maybe_gz(file)))
    tr = corpora() / "trafilatura-eval"
    if tr.exists():
        evaldata = json.loads((tr / "evaldata.json").read_text(encoding="utf-8"))
        for url in sorted(evaldata):
            name = evaldata[url]["file"]
            for folder in ("eval", "cache"):
                file = tr / folder / f"{name}.gz"
                if file.exists():
                    break
            else:
                continue
            if url in seen or not url.startswith(("http://", "https://")):
                continue
            seen.add(url)
            pages.append((url, read_maybe_gz(file)))
    if limit is not None:
        pages = pages[:limit]
    return pages


def english_texts() -> list[str]:
    """Plain article texts: scrapinghub's ground-truth bodies and the ArticleComparisons CSVs."""
    texts: list[str] = []
    sh = need_corpus("scrapinghub-article-extraction-benchmark", "ground-truth.json")
    for entry in json.loads(sh.read_text(encoding="utf-8")).values():
        if entry.get("articleBody"):
            texts.append(entry["articleBody"])
    ac = corpora() / "articlecomparisons-us-news-same-day"
    for name in ("helsinki_articles.csv.gz", "census_articles.csv", "spotify_articles.csv"):
        if (ac / name).exists():
            texts.extend(text for _, _, _, text in read_articlecomparisons(ac / name))
    return texts


def read_articlecomparisons(path: Path) -> list[tuple[str, str, str, str]]:
    """(id, publisher, scrape_time, text) rows; paragraphs (joined by ' ### ') become lines."""
    import csv
    import io

    csv.field_size_limit(1 << 30)
    raw = read_maybe_gz(path).decode("utf-8", "replace")
    reader = csv.reader(io.StringIO(raw))
    header = next(reader)
    cols = {name.strip().lower(): i for i, name in enumerate(header)}
    rows = []
    for row in reader:
        if len(row) < len(header):
            continue
        text = row[cols["text"]].replace(" ### ", "\n\n").replace("###", "\n\n")
        rows.append((row[cols["id"]], row[cols["publisher"]], row[cols["scrape_time"]], text))
    return rows


# -- timing ----------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear interpolation."""
    if not values:
        return float("nan")
    data = sorted(values)
    k = (len(data) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def summary_ms(seconds: Iterable[float]) -> dict[str, float]:
    values = [s * 1000 for s in seconds]
    return {
        "n": len(values),
        "p50_ms": percentile(values, 50),
        "p99_ms": percentile(values, 99),
        "mean_ms": statistics.fmean(values) if values else float("nan"),
        "max_ms": max(values) if values else float("nan"),
    }


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_child(argv: list[str], **kwargs: Any) -> tuple[float, float, int, bytes, bytes]:
    """Run a process; (wall seconds, its own peak RSS in MB, exit code, stdout, stderr)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    out, err = b"", b""
    # read pipes fully before reaping, then wait4 for this child's own rusage
    assert proc.stdout is not None and proc.stderr is not None
    import threading

    chunks: dict[str, bytes] = {}

    def drain(name: str, stream: Any) -> None:
        chunks[name] = stream.read()

    threads = [
        threading.Thread(target=drain, args=("out", proc.stdout)),
        threading.Thread(target=drain, args=("err", proc.stderr)),
    ]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    for t in threads:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = chunks.get("out", b""), chunks.get("err", b"")
    return wall, usage.ru_maxrss / 1024.0, proc.returncode, out, err


# -- reporting -------------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    value: float | str
    unit: str = ""
    target: str = ""  # human-readable, e.g. ">= 0.8"
    ok: bool | None = None  # None: informational
    note: str = ""

    def verdict(self) -> str:
        if self.ok is None:
            return "VOID" if self.note.startswith("VOID") else ""
        return "PASS" if self.ok else "MISS"


@dataclass
class Report:
    name: str
    rows: list[Row] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.time)

    def add(
        self,
        figure: str,
        value: float | str,
        unit: str = "",
        *,
        target: str = "",
        ok: bool | None = None,
        note: str = "",
    ) -> Row:
        row = Row(figure, value, unit, target, ok, note)
        self.rows.append(row)
        return row

    def check(
        self, figure: str, value: float, unit: str, op: str, bound: float, note: str = ""
    ) -> Row:
        ok = {"<": value < bound, "<=": value <= bound, ">": value > bound, ">=": value >= bound}[
            op
        ]
        return self.add(figure, value, unit, target=f"{op} {_fmt(bound)}", ok=ok, note=note)

    def print(self) -> None:
        header = ("figure", "value", "target", "verdict", "note")
        table = [
            (r.figure, f"{_fmt(r.value)} {r.unit}".strip(), r.target, r.verdict(), r.note)
            for r in self.rows
        ]
        widths = [max(len(str(x)) for x in col) for col in zip(header, *table, strict=False)]
        widths[-1] = min(widths[-1], 60)
        line = "  ".join("-" * w for w in widths)
        print(f"\n== {self.name} ==")
        print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        print(line)
        for row in table:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        misses = [r for r in self.rows if r.ok is False]
        print(f"-- {len([r for r in self.rows if r.ok])} PASS, {len(misses)} MISS")

    def write(self) -> Path:
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / f"{self.name}.json"
        payload = {
            "name": self.name,
            "machine": machine(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started)),
            "seconds": round(time.time() - self.started, 1),
            "argv": sys.argv,
            "rows": [r.__dict__ | {"verdict": r.verdict()} for r in self.rows],
            "data": self.data,
        }
        path.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
        print(f"results: {path.relative_to(ROOT)}")
        return path


def _fmt(value: float | str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if value != value:  # NaN
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for dist in ("datasketch", "trafilatura", "httpx", "httpcore", "numpy", "warcio", "lxml"):
        try:
            versions[dist] = version(dist)
        except PackageNotFoundError:
            versions[dist] = "?"
    import sqlite3

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "mem_gb": mem_gb,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "versions": versions,
    }


def chunked(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
