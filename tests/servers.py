"""Real HTTP servers on 127.0.0.1 for the tests: an "outlet web" reached through --proxy.

The server accepts absolute-form request lines (``GET http://host/path HTTP/1.1``),
as an HTTP proxy receives them, and answers from a table of routes keyed by
(host, path), so every fictional outlet keeps its own host name. Routes can
misbehave: slow bodies, huge bodies, compressed bombs, redirect loops.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between body bytes (a slow-loris server)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: OutletServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        host = (parts.hostname or self.headers.get("Host", "").split(":")[0]).lower()
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        self.server.requests.append((host, path, dict(self.headers)))
        route = self.server.routes.get((host, path))
        if route is None:
            route = Route(404, b"not found", {"Content-Type": "text/plain"})
        if route.delay:
            time.sleep(route.delay)
        etag = route.headers.get("ETag")
        if etag and self.headers.get("If-None-Match") == etag:
            self.server.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(route.status)
        headers = {"Content-Length": str(len(route.body)), **route.headers}
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            if route.trickle:
                for i in range(len(route.body)):
                    self.wfile.write(route.body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(route.trickle)
            else:
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class OutletServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[tuple[str, str], Route]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.not_modified = 0  # 304 answers to conditional GETs

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


def sample_routes() -> dict[tuple[str, str], Route]:
    """The sample web of samples/manifest.json as routes."""
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    entries = (
        manifest["records"] if isinstance(manifest, dict) and "records" in manifest else manifest
    )
    routes: dict[tuple[str, str], Route] = {}
    for entry in entries:
        parts = urlsplit(entry["url"])
        path = parts.path or "/"
        headers = {"Content-Type": entry.get("content_type", "text/html; charset=utf-8")}
        if entry.get("location"):
            headers["Location"] = entry["location"]
        if entry.get("last_modified"):
            headers["Last-Modified"] = entry["last_modified"]
        body = (SAMPLES / entry["file"]).read_bytes() if entry.get("file") else b""
        routes[(parts.hostname or "", path)] = Route(int(entry.get("status", 200)), body, headers)
    return routes


@contextmanager
def running(routes: dict[tuple[str, str], Route]) -> Iterator[OutletServer]:
    """A server for the length of a ``with`` block (or a pytest fixture's ``yield``)."""
    server, thread = serve(routes)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve(routes: dict[tuple[str, str], Route]) -> tuple[OutletServer, threading.Thread]:
    server = OutletServer(routes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
