"""The published versions of each language's text (``docs/_data/versions.yml``).

A version is the state of a language's provisions from its date on. The file
gives, per language and oldest first, each version's date, its reason (in both
languages) and, in ``text``, the text from that date of each provision it
changed. The first English version gives every provision. The first Japanese
version is the signed original: its text is the memorandum page's, which FID
holds to the signed source. A later Japanese version is a modification the
Sides agree under Article 2.3: it names its ``source`` and gives, in ``was``,
the text each changed provision had before, so the signed text can still be
read back from the page.

``read`` never raises: a file it cannot use gives problems with their line,
and the rule (``checks.rules.versions``, VER) reports them. Everything else
here is pure: ``texts_at`` folds the versions into a text as of a date, and
``changes`` lists what each version changed, before and after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from checks.model import languages, metadata

FILE = "versions.yml"


def path_in(docs: str | Path) -> Path:
    return Path(docs) / "_data" / FILE


@dataclass(frozen=True)
class Version:
    lang: str
    date: str  # ISO
    reason: Mapping[str, str]  # by language
    text: Mapping[str, str]  # provision id -> its text from this date
    was: Mapping[str, str] = field(default_factory=dict)  # provision id -> the text it replaced (a modification)
    source: Mapping[str, str] | None = None  # where a modification was published
    line: int = 1  # the record's line in versions.yml
    lines: Mapping[str, int] = field(default_factory=dict)  # provision id (in text or was) -> its line


@dataclass
class History:
    versions: dict[str, list[Version]] = field(default_factory=dict)  # by language, oldest first
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, message)

    def of(self, lang: str) -> list[Version]:
        return self.versions.get(lang, [])

    def latest(self, lang: str) -> Version | None:
        found = self.of(lang)
        return found[-1] if found else None


def _walk(node: yaml.Node | None, path: tuple[Any, ...]) -> tuple[yaml.Node | None, int]:
    """The node at ``path`` in a composed YAML tree (None if absent), and the 1-based line of the deepest part
    of the path found: a mapping entry is where its key is."""
    line = node.start_mark.line + 1 if node is not None else 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(key)), None)
            if pair is None:
                return None, line
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return None, line
    return node, line


def _line(node: yaml.Node | None, *path: Any) -> int:
    """The 1-based line of the value at ``path`` (its nearest ancestor's if absent)."""
    return _walk(node, path)[1]


def _key_lines(node: yaml.Node | None, *path: Any) -> dict[str, int]:
    """The line of each key of the mapping at ``path``."""
    found = _walk(node, path)[0]
    if not isinstance(found, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in found.value if isinstance(k, yaml.ScalarNode)}


def _strings(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return dict(value)


def read(path: Path) -> History:
    """The versions file as a History; what cannot be used is a problem with its line, never an exception."""
    out = History()
    try:
        data, node = metadata.read_yaml(path.read_text("utf-8"))
    except FileNotFoundError:
        return out  # no file: no versions recorded (the rule says what a site needs)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        out.problems.append(((mark.line + 1, mark.column + 1) if mark else (1, 1)) + (
            f"invalid YAML: {exc.problem or exc.context}",))
        return out
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:
        out.problems.append((1, 1, f"cannot read {FILE}: {exc}"))
        return out
    if data is None:
        return out
    if not isinstance(data, dict):
        out.problems.append((1, 1, f"expected a mapping of language codes to lists of versions, found {type(data).__name__}"))
        return out
    for lang, records in data.items():
        where = _line(node, lang)
        if lang not in languages.PROFILES:
            out.problems.append((where, 1, f"unknown language {lang!r}: expected one of {', '.join(languages.CODES)}"))
            continue
        if not isinstance(records, list):
            out.problems.append((where, 1, f"'{lang}' should be a list of versions, found {type(records).__name__}"))
            continue
        found = []
        for i, record in enumerate(records):
            line = _line(node, lang, i)
            if not isinstance(record, dict):
                out.problems.append((line, 1, f"a version should be a mapping (date, reason, text), found {type(record).__name__}"))
                continue
            unknown = set(record) - {"date", "reason", "text", "was", "source"}
            if unknown:
                out.problems.append((line, 1, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}: expected "
                                              "date, reason, text, was, source"))
            date = metadata.iso(record.get("date"))
            if not date or not metadata.real_date(date) or len(date) != 10:
                out.problems.append((_line(node, lang, i, "date"), 1, f"date {record.get('date')!r}: expected a real "
                                                                      "date, YYYY-MM-DD"))
                continue
            reason = _strings(record.get("reason"))
            if reason is None or set(reason) != set(languages.CODES) or not all(v.strip() for v in reason.values()):
                out.problems.append((_line(node, lang, i, "reason"), 1, f"version {date}: expected a reason in "
                                                                        f"{' and '.join(languages.CODES)}"))
                continue
            fields: dict[str, dict[str, str]] = {}
            bad = False
            for name in ("text", "was", "source"):
                value = record.get(name, {})
                strings = _strings(value if value is not None else {})
                if strings is None:
                    out.problems.append((_line(node, lang, i, name), 1, f"version {date}: '{name}' should map "
                                                                        "provision ids (or languages) to strings"))
                    bad = True
                fields[name] = strings or {}
            if bad:
                continue
            lines = {**_key_lines(node, lang, i, "was"), **_key_lines(node, lang, i, "text")}
            found.append(Version(lang, date, reason, fields["text"], fields["was"], fields["source"] or None, line, lines))
        out.versions[lang] = found
    return out


def load_cached(path: Path) -> History:
    """``read`` memoised on the file's content."""
    from checks.model import cache
    return cache.by_content(path, read, "versions") if path.is_file() else read(path)


def base(history: History, lang: str, current: Mapping[str, str]) -> dict[str, str]:
    """The first version's text: given in full (the English), or the page's with every later
    modification's ``was`` put back (the signed original)."""
    found = history.of(lang)
    if found and found[0].text and lang != languages.ORIGINAL:
        return dict(found[0].text)
    out = dict(current)
    for version in reversed(found[1:]):
        out.update(version.was)
    return out


def texts_at(history: History, lang: str, current: Mapping[str, str], date: str | None = None) -> dict[str, str]:
    """Each provision's text as of ``date`` (ISO; None: the latest version)."""
    found = history.of(lang)
    out = base(history, lang, current)
    for version in found[1:]:
        if date is not None and version.date > date:
            break
        out.update(version.text)
    return out


def version_at(history: History, lang: str, date: str) -> Version | None:
    """The version in force on ``date``."""
    return next((v for v in reversed(history.of(lang)) if v.date <= date), None)


@dataclass(frozen=True)
class Change:
    pid: str
    before: str | None  # None: the provision is new in this version
    after: str


def changes(history: History, lang: str, current: Mapping[str, str]) -> list[tuple[Version, list[Change]]]:
    """Each version with what it changed, before and after (the first version: nothing)."""
    found = history.of(lang)
    out: list[tuple[Version, list[Change]]] = []
    text = base(history, lang, current)
    for i, version in enumerate(found):
        if i == 0:
            out.append((version, []))
            continue
        listed = [Change(pid, text.get(pid), after) for pid, after in version.text.items()]
        text.update(version.text)
        out.append((version, listed))
    return out


HEADER = """\
# The published versions of each language's text, oldest first (checks/model/versions.py says how
# they are read; `make relock REASON_EN=… REASON_JA=…` records a change of the English).
"""


def header_of(text: str) -> str:
    """The comment lines a versions file opens with (kept when the file is written again)."""
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines) or HEADER


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dump(history: History, header: str = HEADER) -> str:
    """The versions file as ``make relock`` writes it, after ``header`` (``read(dump(h))`` gives ``h`` back)."""
    out = [header]
    for lang in languages.CODES:
        out.append(f"{lang}:")
        for v in history.of(lang):
            out.append(f"  - date: {v.date}")
            out.append("    reason:")
            out += [f"      {code}: {_quoted(v.reason[code])}" for code in languages.CODES]
            for name, values in (("source", v.source or {}), ("was", v.was), ("text", v.text)):
                if values:
                    out.append(f"    {name}:")
                    out += [f"      {key}: {_quoted(value)}" for key, value in values.items()]
        out.append("")
    return "\n".join(out)


def record(history: History, lang: str, date: str, reason: Mapping[str, str], text: Mapping[str, str]) -> History:
    """``history`` with ``text`` recorded as the version of ``date`` (merged into that date's version if there is one)."""
    found = list(history.of(lang))
    if found and found[-1].date == date:
        last = found.pop()
        found.append(Version(lang, date, dict(reason) or last.reason, {**last.text, **text}, last.was, last.source))
    else:
        found.append(Version(lang, date, dict(reason), dict(text)))
    return History({**history.versions, lang: found}, list(history.problems))
