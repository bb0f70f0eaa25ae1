"""The Nu HTML Checker finds no error on any generated page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.browser.serve import missing

VNU = (
    Path(__file__).resolve().parents[2]
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


def test_every_page_is_valid_html(archive_site):
    java = shutil.which("java")
    if not java or not VNU.is_file():
        missing("Java or vnu-jar missing (make test installs them)")
    out = archive_site.directory
    pages = sorted(str(p) for p in out.rglob("*.html"))
    assert len(pages) > 100
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [
        (m.get("url", "").split(str(out))[-1], m.get("lastLine"), m["message"])
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
