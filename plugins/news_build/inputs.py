"""What a build's output depends on besides its content, as one digest.

The caches key what they keep on `build_digest(...)`: every setting's value
(a function by its code, constants, defaults, closure and the globals it
names), the code of every plugin and of every local module loaded (the
settings files among them: Pelican loads them as modules), all files under
PLUGIN_PATHS and the theme, and the versions of Python and of every
installed package. A setting whose value cannot be reduced to stable text
(an object that shows only its address) gives no digest: then nothing is
reused in that build.

Plugins from outside the project (`foreign_receivers`) can change articles
and write into the output folder at any point: with one loaded, articles
are all built again and the output folder is emptied first (see
news_build.session).
"""

from __future__ import annotations

import enum
import functools
import hashlib
import re
import site
import sys
import sysconfig
import types
import weakref
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePath
from typing import Any

from newsarchive.store import versions

VERSION = "1"
PROJECT_PLUGINS = Path(__file__).resolve().parent.parent  # plugins/
SESSION_KEY = "_news_build_session"  # see session.py: not an input
# The metadata by which an article (or page) can tell render keys and kept
# articles everything it was made from, in place of its HTML and metadata
# (news_reader gives raw articles one).
CONTENT_DIGEST = "extraction"


class Unknown(Exception):
    """A value that cannot be reduced to stable text."""


def _installed_roots() -> tuple[Path, ...]:
    paths = sysconfig.get_paths()
    roots = {paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots.update(site.getsitepackages())
    roots.add(site.getusersitepackages())
    roots.update(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))
    return tuple(Path(r).resolve() for r in roots if r)


def _code(code: types.CodeType, seen: set[int]) -> str:
    consts = [
        _code(c, seen) if isinstance(c, types.CodeType) else fingerprint(c, seen)
        for c in code.co_consts
    ]
    return "|".join(
        [
            code.co_code.hex(),
            *consts,
            ",".join(code.co_names),
            ",".join(code.co_varnames),
            ",".join(code.co_freevars),
        ]
    )


def _names(code: types.CodeType) -> set[str]:
    """The global names a function's code (and the code inside it) use."""
    names = set(code.co_names)
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            names |= _names(c)
    return names


def _function(fn: types.FunctionType, seen: set[int]) -> str:
    parts = [fn.__module__ or "", fn.__qualname__, _code(fn.__code__, seen)]
    parts.append(fingerprint(fn.__defaults__, seen))
    parts.append(fingerprint(fn.__kwdefaults__, seen))
    for cell in fn.__closure__ or ():
        try:
            parts.append(fingerprint(cell.cell_contents, seen))
        except ValueError:  # an empty cell
            parts.append("<empty>")
    for name in sorted(_names(fn.__code__)):
        if name in fn.__globals__:
            parts.append(f"{name}={fingerprint(fn.__globals__[name], seen)}")
    return "function(" + ";".join(parts) + ")"


def fingerprint(value: Any, seen: set[int] | None = None) -> str:
    """Stable text for a value: equal for equal values from one run to the
    next. Raises Unknown for a value that cannot be told apart from another
    of its type but by its address."""
    if value is None or isinstance(value, bool | int | float | complex | str | bytes):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, date | datetime | time | timedelta | PurePath | enum.Enum):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, re.Pattern):
        return f"re:{value.pattern!r}:{value.flags}"
    if isinstance(value, types.ModuleType):  # its code: see build_digest
        return f"module:{value.__name__}"
    if isinstance(value, type):  # likewise
        return f"class:{value.__module__}.{value.__qualname__}"
    seen = set() if seen is None else seen
    if isinstance(value, types.BuiltinFunctionType | types.MethodDescriptorType):
        owner = getattr(value, "__self__", None)  # "a b".split: "a b"
        bound = (
            ""
            if owner is None or isinstance(owner, types.ModuleType)
            else (";" + fingerprint(owner, seen))
        )
        return f"builtin:{getattr(value, '__module__', '')}.{value.__qualname__}{bound}"
    if id(value) in seen:  # a function that refers to itself, say
        return "<again>"
    seen.add(id(value))
    try:
        if isinstance(value, list | tuple):
            items = ",".join(fingerprint(v, seen) for v in value)
            return f"{type(value).__name__}[{items}]"
        if isinstance(value, set | frozenset):
            return "set[" + ",".join(sorted(fingerprint(v, seen) for v in value)) + "]"
        if isinstance(value, dict):
            items = sorted(
                f"{fingerprint(k, seen)}:{fingerprint(v, seen)}"
                for k, v in value.items()
            )
            return f"{type(value).__name__}{{{','.join(items)}}}"
        if isinstance(value, types.FunctionType):
            return _function(value, seen)
        if isinstance(value, types.MethodType):
            return f"method({_function(value.__func__, seen)};{fingerprint(value.__self__, seen)})"
        if isinstance(value, functools.partial):
            return (
                "partial("
                + ";".join(
                    fingerprint(v, seen)
                    for v in (value.func, value.args, value.keywords)
                )
                + ")"
            )
    finally:
        seen.discard(id(value))
    text = repr(value)
    if type(value).__repr__ is object.__repr__ or " at 0x" in text:
        raise Unknown(f"{type(value).__module__}.{type(value).__qualname__}")
    return f"{type(value).__module__}.{type(value).__qualname__}:{text}"


def settings_digest(settings: dict) -> str | None:
    """A digest of every setting's value; None if one cannot be fingerprinted
    (it is logged by the caller)."""
    h = hashlib.sha1()
    for key in sorted(settings, key=str):
        if key == SESSION_KEY:
            continue
        try:
            h.update(
                f"{key}={fingerprint(settings[key])}\n".encode("utf-8", "surrogatepass")
            )
        except Unknown:
            return None
    return h.hexdigest()


def unknown_settings(settings: dict) -> list[str]:
    """The names of the settings settings_digest cannot fingerprint."""
    bad = []
    for key in sorted(settings, key=str):
        try:
            if key != SESSION_KEY:
                fingerprint(settings[key])
        except Unknown:
            bad.append(str(key))
    return bad


def _add_file(h: Any, path: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        data = b"<unreadable>"
    h.update(path.as_posix().encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")


def _add_folder(h: Any, folder: Path) -> None:
    if folder.is_file():
        _add_file(h, folder)
        return
    for path in sorted(folder.glob("**/*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            _add_file(h, path)


def _local_module_files(hashed: list[Path]) -> list[Path]:
    """The files of loaded modules that are neither in the standard library
    nor installed packages (whose versions stand for them) nor in the
    `hashed` folders: the settings files, modules next to them."""
    installed = (*_installed_roots(), *hashed)
    found = set()
    for module in list(sys.modules.values()):
        name = getattr(module, "__file__", None)
        if not name or not name.endswith(".py"):
            continue
        path = Path(name).resolve()
        if not any(path.is_relative_to(root) for root in installed):
            found.add(path)
    return sorted(found)


def _plugin_folders(plugins: list[types.ModuleType]) -> list[Path]:
    """Each loaded plugin's package folder (or its one file), wherever it is
    installed."""
    folders = []
    for module in plugins:
        name = getattr(module, "__file__", None)
        if name:
            path = Path(name).resolve()
            folders.append(path.parent if path.name == "__init__.py" else path)
    return folders


def build_digest(settings: dict, plugins: list[types.ModuleType]) -> str | None:
    """Everything the output depends on besides the content (see above);
    None when a setting cannot be fingerprinted."""
    values = settings_digest(settings)
    if values is None:
        return None
    h = hashlib.sha1(f"{VERSION}\0{values}\0{versions()}\0".encode())
    folders = [Path(p) for p in settings.get("PLUGIN_PATHS") or []]
    folders += _plugin_folders(plugins)
    for key in ("THEME",):
        if settings.get(key):
            folders.append(Path(settings[key]))
    folders += [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or []]
    folders = [folder.resolve() for folder in folders]
    for folder in folders:
        h.update(b"folder\0" + str(folder).encode("utf-8", "surrogateescape"))
        _add_folder(h, folder)
    for path in _local_module_files(folders):
        _add_file(h, path)
    return h.hexdigest()


def foreign_receivers() -> list[str]:
    """The modules outside the project's plugins folder whose functions
    receive any of Pelican's signals."""
    from pelican.plugins import signals

    found = set()
    for value in vars(signals).values():
        receivers = getattr(value, "receivers", None)
        if not isinstance(receivers, dict):
            continue
        for ref in list(receivers.values()):
            receiver = ref() if isinstance(ref, weakref.ref) else ref
            if receiver is None:
                continue
            module = sys.modules.get(getattr(receiver, "__module__", "") or "")
            name = getattr(module, "__file__", None)
            if not name or not Path(name).resolve().is_relative_to(PROJECT_PLUGINS):
                found.add(getattr(receiver, "__module__", None) or repr(receiver))
    return sorted(found)
