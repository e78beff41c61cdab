"""Fetch throughput: ``Fetcher.fetch_many`` vs a bare ``httpx.AsyncClient`` loop, same concurrency.

A local HTTP/1.1 server on 127.0.0.1 (keep-alive, TCP_NODELAY, threaded, a deep
listen backlog) runs in its own process and answers every path with the same
~30 KB real news page (the scrapinghub page closest to 30 KB, read from the
corpora). Politeness is relaxed (``Settings(concurrency=64, per_host=64)``).
The baseline is the plainest correct client: one ``httpx.AsyncClient`` with
the same connection limits, a semaphore of 64, ``await client.get(url)``.
Runs alternate and the best of ``--repeat`` is kept for each; the client's CPU
time per request is reported too (the client, not the server, is the limit).

    python benchmarks/bench_fetch.py [--quick] [--requests N] [--concurrency C]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gzip
import multiprocessing
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from _common import Report, need_corpus  # noqa: E402

from provenance.config import Settings  # noqa: E402
from provenance.fetch import Fetcher  # noqa: E402


def page_of_about(size: int) -> bytes:
    folder = need_corpus("scrapinghub-article-extraction-benchmark", "html")
    best: tuple[int, bytes] | None = None
    for file in sorted(folder.glob("*.html.gz")):
        body = gzip.decompress(file.read_bytes())
        if best is None or abs(len(body) - size) < abs(len(best[1]) - size):
            best = (len(body), body)
    assert best is not None
    return best[1]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        body, kind = self.body, "text/html; charset=utf-8"
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512


def _serve(body: bytes, port_out: multiprocessing.connection.Connection) -> None:  # type: ignore[name-defined]
    _Handler.body = body
    server = _Server(("127.0.0.1", 0), _Handler)
    port_out.send(server.server_address[1])
    server.serve_forever()


async def run_fetcher(
    urls: list[str], settings: Settings, warm: list[str]
) -> tuple[float, float, int]:
    async with Fetcher(settings) as fetcher:
        await fetcher.fetch_many(warm)
        cpu, wall = time.process_time(), time.perf_counter()
        results = await fetcher.fetch_many(urls)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    ok = sum(1 for r in results if not isinstance(r, Exception))
    return wall, cpu, ok


async def run_bare(urls: list[str], concurrency: int, warm: list[str]) -> tuple[float, float, int]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, trust_env=False, timeout=30.0) as client:
        slots = asyncio.Semaphore(concurrency)

        async def one(url: str) -> int:
            async with slots:
                response = await client.get(url)
                return len(response.content) if response.status_code == 200 else -1

        await asyncio.gather(*(one(u) for u in warm))
        cpu, wall = time.process_time(), time.perf_counter()
        sizes = await asyncio.gather(*(one(u) for u in urls))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, sum(1 for s in sizes if s > 0)


def relaxed_settings(conc: int) -> Settings:
    """Politeness relaxed for a local server: no per-host delay, loopback allowed, no proxy env.
    robots.txt stays on (one request per Fetcher, as for any host)."""
    names = {f.name for f in dataclasses.fields(Settings)}
    wanted = {
        "concurrency": conc,
        "per_host": conc,
        "trust_env": False,
        "host_delay": 0.0,
        "allow_private": True,
    }
    return Settings(**{k: v for k, v in wanted.items() if k in names})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="600 requests, 2 rounds")
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=None)
    args = parser.parse_args()
    n = args.requests or (600 if args.quick else 3000)
    repeat = args.repeat or (2 if args.quick else 3)
    conc = args.concurrency
    body = page_of_about(30_000)
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(body, child), daemon=True)
    server.start()
    port = parent.recv()
    base = f"http://127.0.0.1:{port}"
    settings = relaxed_settings(conc)
    report = Report("fetch")
    report.add("page", len(body), "bytes", note="real scrapinghub page, served for every path")
    low = min(8, conc)
    best = {
        "fetcher": (float("inf"), 0.0, 0),
        "bare": (float("inf"), 0.0, 0),
        "bare_low": (float("inf"), 0.0, 0),
    }
    runs = []
    try:
        for rnd in range(repeat):
            kinds = ("bare", "fetcher") if rnd % 2 == 0 else ("fetcher", "bare")
            for kind in (*kinds, "bare_low") if low < conc else kinds:
                urls = [f"{base}/r{rnd}/{kind}/article-{i}.html" for i in range(n)]
                warm = [f"{base}/warm/{kind}/{rnd}/{i}.html" for i in range(conc)]
                if kind == "fetcher":
                    wall, cpu, ok = asyncio.run(run_fetcher(urls, settings, warm))
                elif kind == "bare_low":
                    wall, cpu, ok = asyncio.run(run_bare(urls, low, warm[:low]))
                else:
                    wall, cpu, ok = asyncio.run(run_bare(urls, conc, warm))
                runs.append({"round": rnd, "kind": kind, "wall_s": wall, "cpu_s": cpu, "ok": ok})
                print(
                    f"  round {rnd} {kind}: {n / wall:.0f} req/s, {cpu / n * 1000:.2f} ms CPU/req,"
                    f" {ok}/{n} ok",
                    file=sys.stderr,
                    flush=True,
                )
                if wall < best[kind][0]:
                    best[kind] = (wall, cpu, ok)
    finally:
        server.terminate()
        server.join(5)
    f_wall, f_cpu, f_ok = best["fetcher"]
    b_wall, b_cpu, b_ok = best["bare"]
    report.add("requests per run", n, note=f"concurrency {conc}, distinct paths, keep-alive")
    report.add(
        "bare httpx.AsyncClient",
        n / b_wall,
        "req/s",
        note=f"{b_cpu / n * 1000:.2f} ms client CPU/request, {b_ok}/{n} ok",
    )
    report.add(
        "Fetcher.fetch_many",
        n / f_wall,
        "req/s",
        note=f"{f_cpu / n * 1000:.2f} ms client CPU/request, {f_ok}/{n} ok",
    )
    if low < conc:
        l_wall, l_cpu, l_ok = best["bare_low"]
        report.add(
            f"bare httpx.AsyncClient at concurrency {low}",
            n / l_wall,
            "req/s",
            note=f"{l_cpu / n * 1000:.2f} ms client CPU/request (informational: httpcore's "
            "cost per request grows with requests in flight)",
        )
        report.add(
            f"Fetcher (64) / bare httpx at concurrency {low}",
            l_wall / f_wall,
            "",
            note="informational",
        )
    row = report.check("Fetcher / bare httpx", b_wall / f_wall, "", ">=", 0.7)
    if f_ok != n:
        row.ok = False
        row.note = f"only {f_ok}/{n} fetched: the ratio is void"
    report.add(
        "all responses OK", "yes" if f_ok == n and b_ok == n else "NO", ok=f_ok == n and b_ok == n
    )
    report.data = {
        "requests": n,
        "concurrency": conc,
        "page_bytes": len(body),
        "runs": runs,
        "settings": {k: str(v) for k, v in dataclasses.asdict(settings).items()},
    }
    report.print()
    report.write()


if __name__ == "__main__":
    main()
