"""The metadata file (docs/_data/memorandum.yml): loading and formatting.

The file is the one source of the facts the site repeats. Loading never
raises a traceback at the user: a broken file is a ``MetadataError`` that
names the file, line and column.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any

import yaml

from checks.model import cache, kept, languages

DEFAULT_PATH = Path("docs/_data/memorandum.yml")
SCHEMA_PATH = Path(__file__).with_name("metadata.schema.json")
FRONT_MATTER_SCHEMA = Path(__file__).with_name("frontmatter.schema.json")
# An ISO date of year, year-month or year-month-day precision.
ISO_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


class SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (same results as yaml.SafeLoader, faster) that keeps
    dates as the strings written: an impossible date (2025-02-30) is then a
    schema finding with its line, not an exception inside the YAML library."""


SafeLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YAMLRefused(yaml.MarkedYAMLError):
    """YAML that parses but that the site's data refuses: an alias, a duplicate key."""


def read_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Every YAML file of the site, read one way: ``(data, node)``.

    Refused, with the place named (``YAMLRefused``): aliases, which the data
    never needs and which a few lines can nest into gigabytes once the data is
    walked ("billion laughs"); and a key given twice in one mapping, which
    YAML would silently resolve to the last. Composing and the checks here are
    linear in the text: an alias is found as a node reached twice.

    The checked composition is memoised on the text (a file several rules read, such as the
    metadata or the lock, is composed once), in a memo of its own beside the files' (``cache``),
    which it must not crowd out; the data is constructed afresh for each caller.
    """
    node = _composed(text)
    if node is None:
        return None, None
    loader = SafeLoader("")
    try:
        return loader.construct_document(node), node
    finally:
        loader.dispose()


@functools.lru_cache(maxsize=32)
def _composed(text: str) -> yaml.Node | None:
    """``text`` composed, refused (``YAMLRefused``) where it holds an alias or a key given twice."""
    node = yaml.compose(text, Loader=SafeLoader)
    if node is None:
        return None
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            raise _alias(text)
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, _ in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if (key.tag, key.value) in first:
                        raise YAMLRefused(problem=f"duplicate key {key.value!r} (first on line "
                                          f"{first[(key.tag, key.value)] + 1}): expected each key once",
                                          problem_mark=key.start_mark)
                    first[(key.tag, key.value)] = key.start_mark.line
            stack.extend(v for pair in reversed(current.value) for v in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return node


def _alias(text: str) -> YAMLRefused:
    """The refusal of the first alias in ``text``, at its place."""
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return YAMLRefused(problem=f"alias '*{event.anchor}' found: anchors and aliases are not allowed "
                               "in the site's data", problem_mark=event.start_mark)
    return YAMLRefused(problem="a node is used twice: anchors and aliases are not allowed in the site's data")


class MetadataError(Exception):
    """A metadata file that cannot be used; str() is 'path:line:col: message'.

    ``problems`` holds every (line, col, message) found; the first is also
    the error's own line, column and message."""

    def __init__(self, path: Path, line: int, col: int, message: str,
                 problems: list[tuple[int, int, str]] | None = None):
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message
        self.problems = problems or [(line, col, message)]


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


def real_date(value: Any) -> bool:
    """An ISO date of year, month or day precision that exists on the calendar."""
    m = ISO_DATE.match(iso(value) or "")
    if not m:
        return False
    try:
        dt.date(int(m.group("y")), int(m.group("m") or 1), int(m.group("d") or 1))
    except ValueError:
        return False
    return True


def format_date(value: Any, lang: str) -> str:
    """'2025-04-28' -> '2025 年 4 月 28 日' / '28 April 2025'; '1994-06' -> month precision."""
    m = ISO_DATE.match(iso(value) or "")
    if not m:
        raise ValueError(f"not an ISO date: {value!r}")
    return languages.profile(lang).format_date(m.group("y"), m.group("m") or "", m.group("d") or "")


def load(path: Path = DEFAULT_PATH) -> dict[str, Any]:
    """Load the metadata file and validate it against ``metadata.schema.json``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MetadataError(path, 1, 1, "metadata file not found") from None
    except OSError as exc:
        raise MetadataError(path, 1, 1, f"cannot read metadata file: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise MetadataError(path, 1, exc.start + 1, "not valid UTF-8") from None
    try:
        data, node = read_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise MetadataError(path, line, col, f"invalid YAML: {exc.problem or exc.context}") from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise MetadataError(path, 1, 1, f"invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise MetadataError(path, 1, 1, f"expected a mapping of facts at the top level, found {type(data).__name__}")
    problems = kept.kept("metadata-validation", [text, _schema_bytes(SCHEMA_PATH)],
                         lambda: validate(node, data, SCHEMA_PATH),
                         dump=lambda found: [list(p) for p in found],
                         load=lambda rows: [(int(line), int(col), str(message)) for line, col, message in rows])
    if problems:
        raise MetadataError(path, *problems[0], problems=problems)
    return data


def validate(node: Any, data: Any, schema: Path) -> list[tuple[int, int, str]]:
    """(line, col, message) for each way ``data`` (composed as ``node``) breaks ``schema``, in order."""
    return sorted((*position(node, list(err.absolute_path), err.validator == "required"), _describe(err))
                  for err in _validator(schema).iter_errors(data))


def _schema_bytes(schema: Path) -> bytes:
    """The schema's bytes, part of a kept validation's name (empty when unreadable: validating then says why)."""
    try:
        return schema.read_bytes()
    except OSError:
        return b""


@functools.lru_cache(maxsize=4)
def _validator(schema_path: Path) -> Any:
    import jsonschema  # the schema library; only validating needs it
    checker = jsonschema.FormatChecker()
    checker.checks("iso-date-prefix")(real_date)
    checker.checks("date")(real_date)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def _describe(err: Any) -> str:
    """One schema error as a contributor reads it: where, what was expected, what was found."""
    if err.validator in ("oneOf", "anyOf") and err.context:
        # The alternative that accepts the value's type says what is wrong with it.
        err = next((e for e in err.context if e.validator != "type"), err.context[0])
    where = ".".join(str(p) for p in err.absolute_path) or "(top level)"
    found = err.instance if not isinstance(err.instance, (dict, list)) else type(err.instance).__name__
    if err.validator == "format":
        return f"{where}: expected a real date (YYYY, YYYY-MM or YYYY-MM-DD), found {found!r}"
    if err.validator == "pattern":
        return f"{where}: expected {err.schema.get('description') or 'a value matching ' + err.validator_value}, found {found!r}"
    if err.validator == "type":
        return f"{where}: expected {err.validator_value}, found {type(err.instance).__name__} {found!r}"
    return f"{where}: {err.message}"


def position(node: Any, path: list[Any], at_key: bool = False) -> tuple[int, int]:
    """Line and column of the YAML node at ``path`` (its nearest existing ancestor);
    with ``at_key``, of the key that holds it (where a missing property belongs)."""
    mark = node.start_mark if node is not None else None
    for key in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if pair is not None:
                child, mark = pair[1], (pair[0].start_mark if at_key else pair[1].start_mark)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
            mark = child.start_mark
        if child is None:
            break
        node = child
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def load_cached(path: Path = DEFAULT_PATH) -> dict[str, Any]:
    """``load`` memoised on the file's content: every hook of every language build
    and the checks read the same file once. Callers must not mutate it."""
    try:
        return cache.by_content(path, load, "metadata")
    except OSError:
        return load(path)  # raises MetadataError naming the file
