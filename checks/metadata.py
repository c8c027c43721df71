"""The metadata file (docs/_data/memorandum.yml): loading and formatting.

The file is the one source of the facts the site repeats. Loading never
raises a traceback at the user: a broken file is a ``MetadataError`` that
names the file, line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path("docs/_data/memorandum.yml")
# libyaml's loader when PyYAML was built with it (the wheels are): same
# results as yaml.SafeLoader, several times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# An ISO date of year, year-month or year-month-day precision.
ISO_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
# Keys every metadata file must have, with the type of their value.
REQUIRED: dict[str, type] = {
    "title": dict,
    "short_title": dict,
    "citation": dict,
    "signed": dict,
    "notice_period": dict,
    "parties": list,
    "signatories": list,
    "instruments": list,
    "defined_terms": list,
}


class MetadataError(Exception):
    """A metadata file that cannot be used; str() is 'path:line:col: message'."""

    def __init__(self, path: Path, line: int, col: int, message: str):
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


def path_in(docs_dir: str | Path) -> Path:
    """Where the metadata file of a docs directory lives."""
    return Path(docs_dir) / "_data" / "memorandum.yml"


def iso(value: Any) -> str | None:
    """A YAML date (parsed or not) as an ISO string."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def format_date(value: Any, lang: str) -> str:
    """'2025-04-28' -> '2025 年 4 月 28 日' / '28 April 2025'; '1994-06' -> month precision."""
    m = ISO_DATE.match(iso(value) or "")
    if not m:
        raise ValueError(f"not an ISO date: {value!r}")
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    if lang == "ja":
        out = f"{y} 年"
        if mo:
            out += f" {int(mo)} 月"
        if d:
            out += f" {int(d)} 日"
        return out
    if d:
        return f"{int(d)} {MONTHS_EN[int(mo) - 1]} {y}"
    if mo:
        return f"{MONTHS_EN[int(mo) - 1]} {y}"
    return y


def load(path: Path = DEFAULT_PATH) -> dict[str, Any]:
    """Load and shape-check the metadata file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MetadataError(path, 1, 1, "metadata file not found") from None
    except UnicodeDecodeError as exc:
        raise MetadataError(path, 1, exc.start + 1, "not valid UTF-8") from None
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise MetadataError(path, line, col, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise MetadataError(path, 1, 1, f"invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise MetadataError(path, 1, 1, "expected a mapping of facts at the top level")
    for key, kind in REQUIRED.items():
        if not isinstance(data.get(key), kind):
            found = type(data.get(key)).__name__ if key in data else "nothing"
            raise MetadataError(path, _line_of(text, key), 1,
                                f"expected '{key}' to be a {kind.__name__}, found {found}")
    try:
        format_date(data["signed"].get("date"), "en")
    except ValueError:
        raise MetadataError(path, _line_of(text, "signed"), 1,
                            f"expected signed.date as YYYY-MM-DD, found {data['signed'].get('date')!r}") from None
    return data


def _line_of(text: str, key: str) -> int:
    """The line where a top-level key is written (1 when absent)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


_CACHE: dict[tuple[str, int, int], dict[str, Any]] = {}


def load_cached(path: Path = DEFAULT_PATH) -> dict[str, Any]:
    """``load`` memoised on the file's path, mtime and size: every hook of
    every language build reads the same file once. Callers must not mutate it."""
    try:
        stat = path.stat()
    except OSError:
        return load(path)  # raises MetadataError naming the file
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load(path)
    return _CACHE[key]
