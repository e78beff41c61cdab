"""Run every benchmark, one after another, and print one table of figures against targets.

    python benchmarks/run_all.py            # full: all pages, 10k/100k/1M stores (1M: ~10 min to build once)
    python benchmarks/run_all.py --quick    # small sizes, under ~3 minutes
    python benchmarks/run_all.py --only lookup fetch
    python benchmarks/run_all.py --only engines statements   # need PostgreSQL; not in the default run

Each script also runs alone and writes ``benchmarks/results/<name>.json``;
this writes ``benchmarks/results/summary.json`` and exits 1 if any target was missed.
Scripts run sequentially: on a 2-core machine, two benchmarks at once measure each other.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import RESULTS, ROOT, corpora, machine  # noqa: E402

SCRIPTS = {
    "fingerprint": "bench_fingerprint.py",
    "recall": "bench_recall.py",
    "fetch": "bench_fetch.py",
    "ingest": "bench_ingest.py",
    "lookup": "bench_lookup.py",
}
# old store vs new on both engines, and single statements: need a PostgreSQL server
OPTIONAL = {"engines": "bench_engines.py", "statements": "bench_statements.py"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="+", choices=sorted(SCRIPTS | OPTIONAL), default=None)
    args = parser.parse_args()
    if not corpora().exists():
        sys.exit(f"the corpora folder {corpora()} is absent; set PROVENANCE_CORPORA")
    names = args.only or list(SCRIPTS)
    started = time.perf_counter()
    status = {}
    for name in names:
        argv = [sys.executable, str(ROOT / "benchmarks" / (SCRIPTS | OPTIONAL)[name])]
        if args.quick:
            argv.append("--quick")
        print(f"\n### {name}: {' '.join(argv[1:])}", flush=True)
        t = time.perf_counter()
        rc = subprocess.call(argv, cwd=ROOT)
        status[name] = {"exit": rc, "seconds": round(time.perf_counter() - t, 1)}
    rows = []
    for name in names:
        path = RESULTS / f"{name}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text())
        for row in data["rows"]:
            if row["verdict"]:
                rows.append((name, row))
    print(f"\n==== summary ({time.perf_counter() - started:.0f}s) ====")
    for name, row in rows:
        value = row["value"]
        shown = f"{value:,.3g}" if isinstance(value, float) else str(value)
        print(
            f"{row['verdict']:4}  {name:11}  {row['figure']:52}  {shown:>10} {row['unit']:6} "
            f"target {row['target']}"
        )
    misses = [r for _, r in rows if r["verdict"] == "MISS"]
    void = [r for _, r in rows if r["verdict"] == "VOID"]
    failed = [n for n, s in status.items() if s["exit"] != 0]
    print(
        f"{len(rows) - len(misses) - len(void)} PASS, {len(misses)} MISS, {len(void)} VOID"
        + (f"; scripts failed: {', '.join(failed)}" if failed else "")
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary.json").write_text(
        json.dumps(
            {
                "quick": args.quick,
                "machine": machine(),
                "scripts": status,
                "rows": [{"bench": n, **r} for n, r in rows],
            },
            indent=2,
        )
    )
    sys.exit(1 if misses or failed else 0)


if __name__ == "__main__":
    main()
