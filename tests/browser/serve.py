"""Serve a built site over HTTP under a sub-path, and launch Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args) -> None:  # quiet
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return self._not_found()
        if path + "/" == self.prefix:
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return None
        rel = path[len(self.prefix) :]
        target = Path(self.directory, *[p for p in rel.split("/") if p])
        if target.is_dir() and not path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return None
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or ".." in rel.split("/"):
            return self._not_found()
        f = target.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(target.stat().st_size))
        self.end_headers()
        return f

    def _not_found(self):
        page = Path(self.directory, "404.html")
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class SiteServer:
    """`directory` served at http://127.0.0.1:PORT{prefix}; port chosen at once."""

    def __init__(self, directory: Path, prefix: str = "/"):
        self.directory = Path(directory)
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler = type("Handler", (_Handler,), {"prefix": prefix})
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(handler, directory=str(directory))
        )
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + prefix  # ends in "/"
        self.siteurl = self.url.rstrip("/")
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() or shutil.which(CHROMIUM) is not None


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def missing(reason: str) -> None:
    """Skip a browser check whose tool is absent; in CI, fail instead."""
    import os

    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run every browser check")
    pytest.skip(reason)
