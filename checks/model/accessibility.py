"""The accessibility report (JIS X 8341-3:2016): its claim, its table, and whether axe contradicts it.

``docs/_data/accessibility.yml`` lists every WCAG 2.0 success criterion of
levels A and AA (38) with how it was tested and the result. The claim uses
WAIC's wording: 準拠 only when every applicable criterion passed, else 一部準拠.
``contradictions`` compares the report with an axe-core run: a criterion the
report says axe passed must have no axe violation tagged with it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

import yaml

from checks.model import languages, metadata

FILE = "accessibility.yml"
# WCAG 2.0's success criteria of levels A and AA, by number: the table must have each once.
WCAG20_A_AA = (
    "1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.4.1 1.4.2 1.4.3 1.4.4 1.4.5 "
    "2.1.1 2.1.2 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.4.6 2.4.7 "
    "3.1.1 3.1.2 3.2.1 3.2.2 3.2.3 3.2.4 3.3.1 3.3.2 3.3.3 3.3.4 4.1.1 4.1.2").split()
def path_in(docs: str | Path) -> Path:
    return Path(docs) / "_data" / FILE


def read(path: Path) -> tuple[dict[str, Any], list[tuple[int, int, str]]]:
    """The report's data, and each problem with its place (line, column, message): YAML the
    site refuses, a mapping missing, or what ``problems`` finds, at the criterion concerned."""
    try:
        data, node = metadata.read_yaml(path.read_text("utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return {}, [((mark.line + 1, mark.column + 1) if mark else (1, 1)) + (f"invalid YAML: {exc.problem or exc.context}",)]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:
        return {}, [(1, 1, f"cannot read the accessibility report: {exc}")]
    if not isinstance(data, dict):
        return {}, [(1, 1, f"expected a mapping at the top level, found {type(data).__name__}")]
    criteria = _value_node(node, "criteria")
    at = (criteria.start_mark.line + 1, criteria.start_mark.column + 1) if criteria is not None else (1, 1)
    rows = criteria.value if isinstance(criteria, yaml.SequenceNode) else []
    out = []
    for index, message in _problems(data):
        row = rows[index] if index is not None and index < len(rows) else None
        out.append(((row.start_mark.line + 1, row.start_mark.column + 1) if row is not None else at) + (message,))
    return data, out


def _value_node(node: Any, key: str) -> Any:
    for k, v in getattr(node, "value", []) if isinstance(node, yaml.MappingNode) else []:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def load(path: Path) -> dict[str, Any]:
    """The report's data, or an empty one when the file is missing, broken or not a mapping."""
    return read(path)[0]


def problems(report: dict[str, Any]) -> list[str]:
    """What keeps the table from being the 38 criteria, each once, with a method and a result."""
    return [message for _, message in _problems(report)]


def _problems(report: dict[str, Any]) -> list[tuple[int | None, str]]:
    """``problems``, each with the index of the criterion concerned (None: the table as a whole)."""
    listed = report.get("criteria") if isinstance(report.get("criteria"), list) else []
    rows = [(i, c) for i, c in enumerate(listed) if isinstance(c, dict)]
    ids = [str(c.get("id")) for _, c in rows]
    out: list[tuple[int | None, str]] = [(None, f"criterion {i} is missing") for i in WCAG20_A_AA if i not in ids]
    out += [(None, f"criterion {i} is listed {ids.count(i)} times") for i in sorted(set(ids)) if ids.count(i) > 1]
    out += [(None, f"{i} is not a WCAG 2.0 A or AA criterion") for i in sorted(set(ids) - set(WCAG20_A_AA))]
    for i, c in rows:
        if c.get("method") not in (report.get("methods") or {}):
            out.append((i, f"criterion {c.get('id')}: unknown method {c.get('method')!r}"))
        if c.get("result") not in ("pass", "fail", "na"):
            out.append((i, f"criterion {c.get('id')}: result {c.get('result')!r}, expected pass, fail or na"))
    return out


def conforms(report: dict[str, Any]) -> bool:
    """Every criterion passed or does not apply, and the table is complete."""
    return not problems(report) and all(c["result"] in ("pass", "na") for c in report["criteria"])


def claim(report: dict[str, Any], lang: str) -> str:
    if not report:
        return ""
    return languages.profile(lang).ui["accessibility"]["claim"][conforms(report)].format(standard=report.get("standard", ""),
                                                         target=report.get("target", ""))


def table(report: dict[str, Any], lang: str) -> str:
    """The Markdown table of every criterion."""
    w = languages.profile(lang).ui["accessibility"]
    out = ["| " + " | ".join(w["head"]) + " |", "|---|---|---|---|---|"]
    methods, tests = report.get("methods") or {}, report.get("tests") or {}
    for c in report.get("criteria") or []:
        method = (methods.get(c.get("method")) or {}).get(lang, "")
        detail = (tests.get(str(c.get("id"))) or {}).get(lang)
        if detail:
            method = f"{method}{languages.profile(lang).detail_sep}{detail}"
        cells = [f"{c.get('id')} {c.get(lang, '')}", str(c.get("level", "")),
                 w["no" if c.get("result") == "na" else "yes"], w.get(str(c.get("result")), "?"), method]
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(out)


def criteria_of(tags: Iterable[str]) -> set[str]:
    """WCAG criteria named by axe tags: ``wcag143`` -> ``1.4.3``."""
    out = set()
    for tag in tags:
        if m := re.fullmatch(r"wcag(\d)(\d)(\d+)", tag):
            out.add(".".join(m.groups()))
    return out


def contradictions(report: dict[str, Any], axe: dict[str, Any], where: str = "") -> list[str]:
    """Each criterion the report says axe passed, against which this axe run found a violation."""
    claimed = {str(c["id"]) for c in report.get("criteria") or []
               if isinstance(c, dict) and c.get("method") == "axe" and c.get("result") == "pass"}
    out = []
    for v in axe.get("violations") or []:
        for sc in sorted(criteria_of(v.get("tags") or []) & claimed):
            out.append(f"{where}: axe rule '{v.get('id')}' fails {sc}, which the accessibility report says passed")
    return out
