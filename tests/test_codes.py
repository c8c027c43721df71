"""The registry of finding codes (checks/codes.py) against the modules that report them and the guides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import codes
from conftest import ROOT

CODE = re.compile(r'"([A-Z]{3}\d{3})"')


def written(root: Path = ROOT / "checks") -> dict[str, set[str]]:
    """Each code written as a string in the package, and the modules that write it (the registry aside)."""
    out: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        if path.name == "codes.py":
            continue
        module = "checks." + ".".join(path.relative_to(root).with_suffix("").parts)
        for code in CODE.findall(path.read_text("utf-8")):
            out.setdefault(code, set()).add(module)
    return out


def problems(registry: dict[str, codes.Code], found: dict[str, set[str]], guide: str) -> list[str]:
    out = [f"{c} is reported by {sorted(m)} but not in the registry" for c, m in sorted(found.items())
           if c not in registry]
    out += [f"{c} is in the registry but no module reports it" for c in sorted(registry) if c not in found]
    out += [f"{c} is written in {sorted(found[c] - {entry.module})}: expected {entry.module} only"
            for c, entry in sorted(registry.items()) if found.get(c, set()) - {entry.module}]
    modules: dict[str, set[str]] = {}
    for c, entry in registry.items():
        modules.setdefault(c[:3], set()).add(entry.module)
    out += [f"prefix {p} is reported by {sorted(m)}: expected one module" for p, m in sorted(modules.items()) if len(m) > 1]
    rows = dict(re.findall(r"^\| ([A-Z]{3}\d{3}) \| (.*?) \| ", guide, re.MULTILINE))
    out += [f"{c}: the guide says {rows.get(c)!r}, the registry {entry.meaning!r}" for c, entry in sorted(registry.items())
            if rows.get(c) != entry.meaning]
    out += [f"{c} is in the guide's tables but not in the registry" for c in sorted(rows) if c not in registry]
    return out


def test_the_registry_the_modules_and_the_guide_agree() -> None:
    assert problems(codes.CODES, written(), (ROOT / "CONTRIBUTING.md").read_text("utf-8")) == []


def test_every_code_is_explained_in_the_japanese_guide() -> None:
    guide = (ROOT / "CONTRIBUTING.ja.md").read_text("utf-8")
    assert [c for c in codes.CODES if c not in guide] == []


GUIDE = "| DAT001 | a date | x |\n| DAT002 | dates differ | x |\n"
REGISTRY = {"DAT001": codes.Code("checks.rules.dates", "a date"), "DAT002": codes.Code("checks.rules.dates", "dates differ")}


@pytest.mark.parametrize("registry, found, guide, expected", [
    (REGISTRY, {"DAT001": {"checks.rules.dates"}, "DAT002": {"checks.rules.dates"}}, GUIDE, []),
    (REGISTRY, {"DAT001": {"checks.rules.dates", "checks.facts"}, "DAT002": {"checks.rules.dates"}}, GUIDE,
     ["DAT001 is written in ['checks.facts']: expected checks.rules.dates only"]),
    (REGISTRY, {"DAT001": {"checks.rules.dates"}, "DAT002": {"checks.rules.dates"}, "DAT003": {"checks.rules.dates"}}, GUIDE,
     ["DAT003 is reported by ['checks.rules.dates'] but not in the registry"]),
    (REGISTRY, {"DAT001": {"checks.rules.dates"}}, GUIDE, ["DAT002 is in the registry but no module reports it"]),
    ({**REGISTRY, "DAT002": codes.Code("checks.other", "dates differ")},
     {"DAT001": {"checks.rules.dates"}, "DAT002": {"checks.other"}}, GUIDE,
     ["prefix DAT is reported by ['checks.other', 'checks.rules.dates']: expected one module"]),
    (REGISTRY, {"DAT001": {"checks.rules.dates"}, "DAT002": {"checks.rules.dates"}}, GUIDE.replace("dates differ", "differ"),
     ["DAT002: the guide says 'differ', the registry 'dates differ'"]),
    (REGISTRY, {"DAT001": {"checks.rules.dates"}, "DAT002": {"checks.rules.dates"}}, GUIDE + "| DAT009 | x | y |\n",
     ["DAT009 is in the guide's tables but not in the registry"]),
])
def test_each_disagreement_is_named(registry, found, guide, expected) -> None:
    assert problems(registry, found, guide) == expected
