"""Results kept between builds, by a hash of everything they are computed from.

A rebuild whose inputs did not change (``make serve`` after an edit elsewhere,
a second build of the same commit) need not read the same built page, render
the same version pages or validate the same metadata again. ``kept`` stores a
result as JSON under the user's cache folder, named by a hash of:

* the code that computes it: every module under ``checks/`` and ``hooks/``,
  the Python version, the name and version of every installed library, and
  the variables that choose among the code's variants at run time
  (``SELECTORS``: mutation testing's mutant under test);
* the kind of result and each of its inputs, as the caller gives them.

The same code given the same inputs gives the same result, so a kept result
is the result a computation would give; a changed byte anywhere computes it
afresh. ``MEMORANDUM_KEPT=off`` computes every time. A kept file that cannot
be read is computed again; a folder that cannot be written keeps nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")
SWITCH = "MEMORANDUM_KEPT"
PROJECT = Path(__file__).resolve().parents[2]
CODE = ("checks", "hooks")
LIMIT = 400  # files kept per kind; the oldest go first
# Variables whose value chooses which code runs, with the same files: mutmut writes every mutant of a
# function into its module and runs the one this names.
SELECTORS = ("MUTANT_UNDER_TEST",)


def folder() -> Path:
    """Where kept results live (read at each call: tests point ``XDG_CACHE_HOME`` elsewhere)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "japan-uk-quantum-moc" / "kept"


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the code whose results are kept: its modules, Python's version, every installed
    library's name and version (its ``*.dist-info`` folder: one listing, not a lookup per library)
    and the ``SELECTORS``' values."""
    digest = hashlib.sha256(sys.version.encode())
    for name in SELECTORS:
        digest.update(f"\0{name}={os.environ.get(name, '')}".encode())
    try:
        installed = sorted(n for n in os.listdir(sysconfig.get_paths()["purelib"]) if n.endswith(".dist-info"))
    except OSError:
        installed = []
    digest.update("\0".join(installed).encode())
    for top in CODE:
        for path in sorted((PROJECT / top).rglob("*.py")):
            digest.update(f"\0{path.relative_to(PROJECT).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(kind: str, inputs: Iterable[str | bytes]) -> str:
    """The name of a result: the code's hash, the kind and every input, each with its length."""
    return _fed(hashlib.sha256(f"{code_digest()}\0{kind}".encode()), inputs).hexdigest()


def digest(inputs: Iterable[str | bytes]) -> str:
    """A hash of the inputs alone, each with its length, as ``key`` hashes them: the key of a memo
    within one process, whose code cannot change (the code's hash is not needed, nor read)."""
    return _fed(hashlib.sha256(), inputs).hexdigest()


def _fed(digest: Any, inputs: Iterable[str | bytes]) -> Any:
    """``digest`` updated with every input, each preceded by its length."""
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else bytes(part)
        digest.update(f"\0{len(data)}\0".encode())
        digest.update(data)
    return digest


def enabled() -> bool:
    """Whether results are kept (``MEMORANDUM_KEPT=off`` computes every time)."""
    return os.environ.get(SWITCH, "").lower() != "off"


def kept(kind: str, inputs: Iterable[str | bytes], compute: Callable[[], T],
         dump: Callable[[T], Any] = lambda value: value, load: Callable[[Any], T] = lambda data: data) -> T:
    """``compute()``, or the result kept for the same code, kind and inputs.

    ``dump`` turns the result into JSON data and ``load`` turns that back; the
    caller gives every input the result depends on."""
    if not enabled():
        return compute()
    path = folder() / kind / f"{key(kind, inputs)}.json"
    try:
        return load(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        pass  # not kept yet, or not readable: computed below
    value = compute()
    _keep(path, dump(value))
    return value


def _keep(path: Path, data: Any) -> None:
    """Write ``data`` to ``path`` whole or not at all, then let the kind hold at most ``LIMIT`` files."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
        trim(path.parent, "*.json")
    except (OSError, TypeError, ValueError):
        pass  # a result not kept is computed again next time


def trim(where: Path, pattern: str) -> None:
    """Let ``where`` hold at most ``LIMIT`` files matching ``pattern``: the ones touched longest ago go
    (raises OSError as the file system does)."""
    files = sorted(where.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
    for old in files[:max(0, len(files) - LIMIT)]:
        old.unlink(missing_ok=True)
