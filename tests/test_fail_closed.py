"""After any one edit a user can make, an incremental build gives, byte for
byte, what a clean build gives: each build runs `pelican` in a process of
its own, as `make html` does, so that edited code is loaded afresh."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from news_build import inputs
from tests.conftest import ROOT
from tests.test_incremental import HEADER, raw, row, tree

PELICAN = Path(sys.executable).parent / "pelican"

FILTERS = """\
def shout(value):
    return str(value).upper()
"""

OUTSIDE_PLUGIN = """\
from pelican import signals


def mark(content):
    if type(content).__name__ == "Article":
        content.title = content.title + " (v1)"


def register():
    signals.content_object_init.connect(mark)
"""


def wheel(folder: Path, name: str, code: str) -> Path:
    """A wheel of a one-module plugin, as a package index would serve it."""
    files = {
        f"{name}/__init__.py": code.encode(),
        f"{name}-1.0.dist-info/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
        ).encode(),
        f"{name}-1.0.dist-info/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n"
        ),
    }
    record = "".join(
        f"{path},sha256="
        + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        + f",{len(data)}\n"
        for path, data in files.items()
    )
    record += f"{name}-1.0.dist-info/RECORD,,\n"
    path = folder / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as whl:
        for name_in, data in files.items():
            whl.writestr(name_in, data)
        whl.writestr(f"{name}-1.0.dist-info/RECORD", record)
    return path


def pip_install(package: Path, target: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index",
         "--no-deps", "--target", str(target), str(package)],
        check=True,
    )  # fmt: skip


def project(tmp: Path) -> Path:
    """A copy of the project (settings, plugins, theme, pages) with a few
    raw files, and a Jinja filter from a module beside the settings."""
    site = tmp / "project"
    site.mkdir()
    for name in ("plugins", "theme", "content"):
        shutil.copytree(
            ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pelicanconf.py", site)
    (site / "sitefilters.py").write_text(FILTERS)
    with (site / "pelicanconf.py").open("a") as fh:
        fh.write(
            "\nsys.path.insert(0, ROOT)\n"
            "from sitefilters import shout  # noqa: E402\n"
            'JINJA_FILTERS = {"shout": shout}\n'
        )
    base = site / "theme" / "templates" / "base.html"
    text = base.read_text()
    assert "</body>" in text
    base.write_text(text.replace("</body>", "<p>{{ SITENAME|shout }}</p></body>", 1))
    seeds = site / "seeds"
    seeds.mkdir()
    for n in range(4):
        (seeds / f"a{n}.txt").write_text(
            raw(f"Talks resume in round {n}", f"Envoys met on day {n}.")
        )
    (seeds / "manifest.csv").write_text(
        HEADER + "".join(row(f"a{n}.txt", f"2019-0{n + 1}-1{n}") for n in range(4))
    )
    return site


def build(site: Path, out: Path, cache: Path | None) -> None:
    """`pelican` as `make html` runs it; without a cache: a clean build."""
    cmd = [str(PELICAN), "-s", str(site / "pelicanconf.py"), "-o", str(out), "-q"]
    cmd += ["-e", f'NEWS_REPORT="{out}.json"', "NEWS_WORKERS=1"]
    cmd += ["-e", f'NEWS_CACHE="{cache}"' if cache else 'NEWS_CACHE=""']
    subprocess.run(cmd, cwd=site, check=True, env={"CI": "true", "PATH": "/usr/bin"})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_incremental_equals_clean_after_each_edit(tmp_path):
    site = project(tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(site, out, cache)
    conf = site / "pelicanconf.py"
    plugins = site / "plugins"
    outside = tmp_path / "outside"
    (outside / "marker").mkdir(parents=True)
    installed = tmp_path / "site-packages"  # pip's target: not the project's
    steps = {
        "setting": lambda: edit(conf, 'SITESUBTITLE = "', 'SITESUBTITLE = "Edited: '),
        "filter": lambda: edit(site / "sitefilters.py", "upper()", "lower()"),
        "template": lambda: edit(
            site / "theme/templates/article.html",
            "{% block content %}",
            "{% block content %}<!-- edited -->",
        ),
        "local plugin": lambda: edit(
            plugins / "news_pages/jsonld.py",
            '"https://schema.org"',
            '"http://schema.org"',
        ),
        "cleaning profile": lambda: edit(
            plugins / "newsarchive/profiles/joongang.toml",
            "'print dictionary print'",
            "'print dictionary never'",
        ),
        "manifest": lambda: edit(
            site / "seeds/manifest.csv", "2019-02-11", "2020-12-24"
        ),
        "raw file": lambda: edit(site / "seeds/a2.txt", "Envoys met", "Envoys argued"),
        "outside plugin added": lambda: (
            (outside / "marker" / "__init__.py").write_text(OUTSIDE_PLUGIN),
            conf.write_text(
                conf.read_text()
                + f"\nPLUGIN_PATHS = [*PLUGIN_PATHS, {str(outside)!r}]\n"
                + 'PLUGINS = [*PLUGINS, "marker"]\n'
            ),
        ),
        "outside plugin": lambda: edit(outside / "marker/__init__.py", "v1", "v2"),
        "pip-installed plugin added": lambda: (
            pip_install(
                wheel(tmp_path, "stamped", OUTSIDE_PLUGIN.replace("(v1)", "[p1]")),
                installed,
            ),
            conf.write_text(
                conf.read_text()
                + f"\nsys.path.insert(0, {str(installed)!r})\n"
                + 'PLUGINS = [*PLUGINS, "stamped"]\n'
            ),
        ),
        "pip-installed plugin": lambda: edit(
            installed / "stamped/__init__.py", "[p1]", "[p2]"
        ),
    }
    for step, change in steps.items():
        before = tree(out)
        change()
        build(site, out, cache)
        clean = tmp_path / f"clean-{step.replace(' ', '-')}"
        build(site, clean, None)
        got, want = tree(out), tree(clean)
        assert got != before, f"{step}: the edit shows nowhere"
        assert sorted(got) == sorted(want), step
        for name, data in want.items():
            assert got[name] == data, f"{step}: {name} differs from a clean build"
        shutil.rmtree(clean)
    page = (out / "2019/01/talks-resume-in-round-0/index.html").read_bytes()
    assert b"(v2)" in page
    assert b"[p2]" in page


class Opaque:
    """A value that shows only its address."""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (lambda s: str(s).upper(), lambda s: str(s).lower()),
        (lambda s, n=1: s * n, lambda s, n=2: s * n),
        ({"x": [1, 2]}, {"x": [1, 3]}),
        ({1, 2}, {1, 3}),
        ("a-b".split, "a_b".split),
        (re.compile("a", re.I), re.compile("a")),
    ],
)
def test_settings_differing_in_value_or_code_differ(a, b):
    assert inputs.fingerprint(a) != inputs.fingerprint(b)
    assert inputs.settings_digest({"X": a}) != inputs.settings_digest({"X": b})


def test_a_function_is_known_by_its_closure():
    def make(suffix):
        return lambda s: s + suffix

    assert inputs.fingerprint(make("!")) != inputs.fingerprint(make("?"))
    assert inputs.fingerprint(make("!")) == inputs.fingerprint(make("!"))


def test_a_value_that_cannot_be_fingerprinted_gives_no_digest():
    assert inputs.settings_digest({"X": [Opaque()]}) is None
    assert inputs.unknown_settings({"X": [Opaque()], "Y": 1}) == ["X"]
    assert inputs.build_digest({"X": Opaque()}, []) is None
