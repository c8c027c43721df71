"""One memo for the files every hook of every language build reads (the metadata, the memorandum pages).

Keyed by the file's path and a hash of its bytes, not its modification
time: a file rewritten within the filesystem's timestamp granularity (tests,
editors that save twice) is never served stale.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
_STORE: OrderedDict[tuple[str, str, str], object] = OrderedDict()
LIMIT = 64  # entries kept; past it, the one used longest ago goes


def by_content(path: Path, parse: Callable[[Path], T], kind: str) -> T:
    """``parse(path)``, computed once per (kind, path, content); exceptions are not memoised."""
    digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    return by_key((kind, str(path.resolve()), digest), lambda: parse(path))


def known(key: tuple[str, str, str]) -> bool:
    """Whether ``by_key`` holds a value for ``key``."""
    return key in _STORE


def by_key(key: tuple[str, str, str], compute: Callable[[], T]) -> T:
    """``compute()``, once per key while the key is among the ``LIMIT`` used last; the caller puts a
    hash of every input into the key."""
    if key in _STORE:
        _STORE.move_to_end(key)
        return _STORE[key]  # type: ignore[return-value]
    value = compute()
    _STORE[key] = value
    if len(_STORE) > LIMIT:
        _STORE.popitem(last=False)
    return value
