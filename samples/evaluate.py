#!/usr/bin/env python3
"""Score `provenance lookup` on the scenarios of the sample web (samples/scenarios.json).

For each scenario it looks up the query page and compares the answer with the key:

* origin: right if the reported origin URL is the expected one; for an origin that is only
  named (a wire agency), right if no URL is reported and the outlet is the expected name (or
  one of its "origin_aliases"), compared case-insensitively;
* edges: the "edges" of the JSON answer (source → target) against the key's copies
  (parent → copy); precision and recall per scenario and pooled over all scenarios;
* not_copies: URLs of the key's "not_copies" that show up among the answer's nodes.

Usage:
    python samples/evaluate.py                      # ingest into a temporary store, then score
    python samples/evaluate.py --store /tmp/s.db    # reuse (or fill) this store
    python samples/evaluate.py --only chain-named --only meta-og-url -v
    python samples/evaluate.py --all-members        # also look up the origin and every copy
                                                    # (except pages that answer 404)
    python samples/evaluate.py --json results.json  # machine-readable results too
    python samples/evaluate.py --strict             # exit 1 unless every scenario is perfect

The program under test is run as `python -m provenance` with the current interpreter
(override with --provenance "CMD ..."). This script only reads samples/; it never changes the
pages to suit the tool.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_WARC = HERE / "sample-web.warc.gz"
DEFAULT_SCENARIOS = HERE / "scenarios.json"
UNFETCHABLE: set[str] = set()


def unfetchable(scenarios: Path) -> set[str]:
    """URLs whose response is not a 200 in the manifest beside the scenarios (a lookup of them
    fails by contract; --all-members does not query them)."""
    manifest = scenarios.parent / "manifest.json"
    if not manifest.exists():
        return set()
    records = json.loads(manifest.read_text(encoding="utf-8"))["records"]
    return {r["url"] for r in records if r.get("status") != 200}


@dataclass
class Result:
    id: str
    query: str
    origin_expected: str | None
    origin_found: str | None
    outlet_found: str | None
    origin_ok: bool
    tp: int
    fp: int
    fn: int
    violations: list[str]
    missing: list[list[str]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    queries: int = 1
    origins_right: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def perfect(self) -> bool:
        return (
            self.error is None
            and self.origins_right == self.queries
            and self.fp == 0
            and self.fn == 0
            and not self.violations
        )


def norm_name(name: str | None) -> str:
    name = (name or "").strip().casefold()
    return name[4:] if name.startswith("the ") else name


def origin_ok(scenario: dict[str, Any], data: dict[str, Any]) -> bool:
    origin = data.get("origin") or {}
    if scenario["origin"] is not None:
        return origin.get("url") == scenario["origin"]
    aliases = scenario.get("origin_aliases", [])
    names = {norm_name(scenario["origin_outlet"]), *map(norm_name, aliases)}
    return origin.get("url") is None and norm_name(origin.get("outlet")) in names


def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def lookup(prog: list[str], store: Path, warc: Path, url: str) -> tuple[dict | None, str | None]:
    proc = run([*prog, "lookup", "--store", str(store), "--archive", str(warc), "--json", url])
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:] or ''}"
    try:
        return json.loads(proc.stdout), None
    except json.JSONDecodeError as exc:
        return None, f"bad JSON: {exc}"


def evaluate_scenario(
    scenario: dict[str, Any], prog: list[str], store: Path, warc: Path, all_members: bool
) -> tuple[Result, list[dict]]:
    truth = {(parent, copy) for copy, parent in scenario["copies"].items()}
    queries = [scenario["query"]]
    if all_members:
        members = [scenario["origin"], *scenario["copies"]]
        queries += [u for u in members if u and u not in queries and u not in UNFETCHABLE]
    found: set[tuple[str, str]] = set()
    evidence: dict[tuple[str, str], dict[str, Any]] = {}
    nodes: set[str] = set()
    answers = []
    first: dict[str, Any] | None = None
    origins_right = 0
    error = None
    for q in queries:
        data, err = lookup(prog, store, warc, q)
        if data is None:
            error = error or f"{q}: {err}"
            continue
        answers.append(data)
        if first is None and q == scenario["query"]:
            first = data
        origins_right += origin_ok(scenario, data)
        for e in data.get("edges", []):
            pair = (e["source"], e["target"])
            found.add(pair)
            evidence.setdefault(pair, e)
        nodes |= {n.get("url") or n.get("id") for n in data.get("nodes", [])}
    first = first or {}
    origin = first.get("origin") or {}
    extra = []
    for pair in sorted(found - truth):
        e = evidence[pair]
        extra.append(
            {
                "source": pair[0],
                "target": pair[1],
                "kinds": [x.get("kind") for x in e.get("evidence", [])],
                "similarity": e.get("similarity"),
                "confidence": e.get("confidence"),
                "explanation": e.get("explanation"),
            }
        )
    result = Result(
        id=scenario["id"],
        query=scenario["query"],
        origin_expected=scenario["origin"] or f"outlet:{scenario['origin_outlet']}",
        origin_found=origin.get("url"),
        outlet_found=origin.get("outlet"),
        origin_ok=bool(first) and origin_ok(scenario, first),
        tp=len(found & truth),
        fp=len(found - truth),
        fn=len(truth - found),
        violations=sorted(nodes & set(scenario.get("not_copies", []))),
        missing=[list(p) for p in sorted(truth - found)],
        extra=extra,
        error=error,
        queries=len(queries),
        origins_right=origins_right,
    )
    return result, answers


def fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def short(url: str | None, width: int = 46) -> str:
    if url is None:
        return "None"
    url = url.replace("http://", "")
    return url if len(url) <= width else url[: width - 1] + "…"


def print_table(results: list[Result], all_members: bool, verbose: bool) -> dict[str, Any]:
    head = (
        f"{'scenario':30} {'origin':6} {'P':>4} {'R':>4} {'tp':>3} {'fp':>3} {'fn':>3} "
        f"{'neg':>3}"
    )
    if all_members:
        head += f" {'orig/q':>6}"
    print(head)
    print("-" * len(head))
    for r in results:
        mark = "ok" if r.origin_ok else ("ERR" if r.error and not r.origin_found else "WRONG")
        line = (
            f"{r.id:30} {mark:6} {fmt(r.precision)} {fmt(r.recall)} {r.tp:3d} {r.fp:3d} "
            f"{r.fn:3d} {len(r.violations):3d}"
        )
        if all_members:
            line += f" {r.origins_right:>3d}/{r.queries:<2d}"
        print(line)
    tp = sum(r.tp for r in results)
    fp = sum(r.fp for r in results)
    fn = sum(r.fn for r in results)
    queries = sum(r.queries for r in results)
    summary = {
        "scenarios": len(results),
        "perfect_scenarios": sum(r.perfect for r in results),
        "origin_accuracy": sum(r.origin_ok for r in results) / len(results) if results else 0.0,
        "edge_precision": tp / (tp + fp) if tp + fp else 1.0,
        "edge_recall": tp / (tp + fn) if tp + fn else 1.0,
        "edge_tp": tp,
        "edge_fp": fp,
        "edge_fn": fn,
        "not_copy_violations": sum(len(r.violations) for r in results),
        "errors": sum(r.error is not None for r in results),
    }
    if all_members:
        summary["origin_accuracy_all_queries"] = (
            sum(r.origins_right for r in results) / queries if queries else 0.0
        )
    print("-" * len(head))
    print(
        f"{'overall':30} {summary['origin_accuracy']:6.2f} {summary['edge_precision']:4.2f} "
        f"{summary['edge_recall']:4.2f} {tp:3d} {fp:3d} {fn:3d} {summary['not_copy_violations']:3d}"
    )
    print(
        f"\norigin accuracy {summary['origin_accuracy']:.3f} "
        f"({sum(r.origin_ok for r in results)}/{len(results)} queries); "
        f"edge precision {summary['edge_precision']:.3f}, recall {summary['edge_recall']:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn}); not-copy violations {summary['not_copy_violations']}; "
        f"perfect scenarios {summary['perfect_scenarios']}/{len(results)}"
    )
    if all_members:
        print(f"origin accuracy over all {queries} member queries: "
              f"{summary['origin_accuracy_all_queries']:.3f}")
    failures = [r for r in results if not r.perfect]
    if failures:
        print("\nFailures:")
    for r in failures:
        print(f"\n* {r.id}  (query {short(r.query, 90)})")
        if r.error:
            print(f"    error: {r.error}")
        if not r.origin_ok:
            print(f"    origin: expected {short(r.origin_expected, 80)}")
            print(f"            found    {short(r.origin_found, 80)} (outlet {r.outlet_found!r})")
        for s, t in r.missing:
            print(f"    missing edge: {short(s)} -> {short(t)}")
        for e in r.extra:
            print(f"    extra edge:   {short(e['source'])} -> {short(e['target'])}  "
                  f"[{','.join(k or '?' for k in e['kinds'])}] sim {e['similarity']}")
            if verbose and e.get("explanation"):
                print(f"                  {e['explanation']}")
        for v in r.violations:
            print(f"    not-copy in cluster: {short(v, 90)}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warc", type=Path, default=DEFAULT_WARC)
    parser.add_argument("--scenarios", type=Path, default=DEFAULT_SCENARIOS)
    parser.add_argument("--store", type=Path, help="store to use; default: a fresh temporary one")
    parser.add_argument("--no-ingest", action="store_true", help="use --store as it is")
    parser.add_argument("--only", action="append", default=[], metavar="ID")
    parser.add_argument("--all-members", action="store_true",
                        help="also look up the origin and every copy of each scenario")
    parser.add_argument("--provenance", default=f"{shlex.quote(sys.executable)} -m provenance",
                        help="command that runs provenance (default: %(default)s)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless all are perfect")
    parser.add_argument("-v", "--verbose", action="store_true", help="print edge explanations")
    args = parser.parse_args(argv)
    UNFETCHABLE.update(unfetchable(args.scenarios))

    scenarios = json.loads(args.scenarios.read_text(encoding="utf-8"))
    if args.only:
        unknown = set(args.only) - {s["id"] for s in scenarios}
        if unknown:
            parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
        scenarios = [s for s in scenarios if s["id"] in args.only]
    prog = shlex.split(args.provenance)

    with tempfile.TemporaryDirectory(prefix="provenance-eval-") as tmp:
        store = args.store or Path(tmp) / "store.db"
        if not args.no_ingest:
            started = time.monotonic()
            proc = run([*prog, "ingest", "--store", str(store), "--warc", str(args.warc)])
            if proc.returncode not in (0, 3):
                print(proc.stdout, proc.stderr, sep="\n", file=sys.stderr)
                print(f"ingest failed with exit code {proc.returncode}", file=sys.stderr)
                return 2
            tail = (proc.stdout.strip() or proc.stderr.strip()).splitlines()[-1:]
            print(f"ingest: {tail[0] if tail else 'done'} ({time.monotonic() - started:.1f}s)\n")
        results = []
        answers = {}
        for sc in scenarios:
            result, data = evaluate_scenario(sc, prog, store, args.warc, args.all_members)
            results.append(result)
            answers[sc["id"]] = data
        summary = print_table(results, args.all_members, args.verbose)

    if args.json:
        out = {
            "summary": summary,
            "scenarios": [
                {**asdict(r), "precision": r.precision, "recall": r.recall, "perfect": r.perfect}
                for r in results
            ],
        }
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.strict and not all(r.perfect for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
