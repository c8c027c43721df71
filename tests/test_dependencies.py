"""Keeping the pins fresh: Dependabot's configuration, the weekly upgrade run and the audit."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, shell_command

DEPENDABOT = ROOT / ".github/dependabot.yml"
# What the project locks, and where: each must have its updates.
ECOSYSTEMS = {("uv", "/"), ("npm", "/"), ("github-actions", "/"), ("pip", "/.ci")}


def _ci_module(name: str):
    spec = importlib.util.spec_from_file_location(f"ci_{name}", ROOT / ".ci" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def schema_errors(config: object) -> list[str]:
    """What Dependabot's schema (as check-jsonschema vendors it) says of a configuration."""
    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("dependabot.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    # One place can break a rule more than once (through the schema's alternatives): named once.
    return sorted({f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.validator}" for e in validator.iter_errors(config)})


def project_problems(config: dict) -> list[str]:
    """The project's own rules: every locked ecosystem updated weekly, grouped into one pull request."""
    out = []
    updates = config.get("updates") or []
    found = {(u.get("package-ecosystem"), u.get("directory")) for u in updates}
    out += [f"no updates for {eco} in {where}" for eco, where in sorted(ECOSYSTEMS - found)]
    for u in updates:
        name = f"{u.get('package-ecosystem')} in {u.get('directory')}"
        if (u.get("schedule") or {}).get("interval") != "weekly":
            out.append(f"{name}: expected a weekly schedule, found {(u.get('schedule') or {}).get('interval')!r}")
        catch_all = any("*" in (g.get("patterns") or []) for g in (u.get("groups") or {}).values())
        if u.get("package-ecosystem") != "pip" and not catch_all:
            out.append(f"{name}: expected a group that takes every package ('*'), so one pull request carries an update")
    return out


def load() -> dict:
    return yaml.safe_load(DEPENDABOT.read_text("utf-8"))


def test_the_configuration_is_valid_and_keeps_the_projects_rules() -> None:
    config = load()
    assert schema_errors(config) == []
    assert project_problems(config) == []


def _edit(change) -> dict:
    config = copy.deepcopy(load())
    change(config)
    return config


# (case, the configuration as changed, schema errors, project problems)
FAULTS = [
    ("an unknown ecosystem", lambda c: c["updates"][0].update({"package-ecosystem": "pipenv2"}),
     ["updates/0/package-ecosystem: enum"], ["no updates for uv in /"]),
    ("no schedule", lambda c: c["updates"][2].pop("schedule"),
     ["updates/2: required"], ["npm in /: expected a weekly schedule, found None"]),
    ("an interval Dependabot lacks", lambda c: c["updates"][3]["schedule"].update({"interval": "hourly"}),
     ["updates/3/schedule/interval: enum"], ["github-actions in /: expected a weekly schedule, found 'hourly'"]),
    ("no version", lambda c: c.pop("version"), ["(top): required"], []),
    ("the npm tools ungrouped", lambda c: c["updates"][2].pop("groups"), [],
     ["npm in /: expected a group that takes every package ('*'), so one pull request carries an update"]),
    ("the actions dropped", lambda c: c["updates"].pop(3), [], ["no updates for github-actions in /"]),
    ("daily instead of weekly", lambda c: c["updates"][1]["schedule"].update({"interval": "daily"}), [],
     ["pip in /.ci: expected a weekly schedule, found 'daily'"]),
]


@pytest.mark.parametrize("case, change, schema, project", FAULTS, ids=[f[0] for f in FAULTS])
def test_a_broken_configuration_is_named(case: str, change, schema: list[str], project: list[str]) -> None:
    config = _edit(change)
    assert schema_errors(config) == schema
    assert project_problems(config) == project


# --- the audit (.ci/audit.py) -------------------------------------------------

PIP_AUDIT_CLEAN = {"dependencies": [{"name": "jinja2", "version": "3.1.6", "vulns": []},
                                    {"name": "pyyaml", "version": "6.0.4", "vulns": []}]}
PIP_AUDIT_VULNERABLE = {"dependencies": [
    {"name": "jinja2", "version": "3.1.2", "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"]}]},
    {"name": "zopfli", "version": "0.4.3", "skip_reason": "Dependency not found on PyPI"}]}
PIP_AUDIT_UNANSWERED = {"dependencies": [
    {"name": "anyio", "version": "4.16.0", "skip_reason": "Dependency not found on PyPI and could not be audited: anyio (4.16.0)"}]}
# (case, pip-audit's JSON, its stderr, status, lines)
PYTHON_CASES = [
    ("clean", PIP_AUDIT_CLEAN, "", "clean", ["2 packages, no known vulnerability"]),
    ("vulnerable", PIP_AUDIT_VULNERABLE, "", "vulnerable",
     ["jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)", "1 of 2 packages could not be audited"]),
    ("the service answers for none", PIP_AUDIT_UNANSWERED, "", "skipped",
     ["the vulnerability service answered for none of the 1 locked packages (first: Dependency not found on PyPI "
      "and could not be audited: anyio (4.16.0))"]),
    ("no network", None, "requests.exceptions.ConnectionError: Max retries exceeded\n", "skipped",
     ["pip-audit gave no report (requests.exceptions.ConnectionError: Max retries exceeded)"]),
]


@pytest.mark.parametrize("case, report, stderr, status, lines", PYTHON_CASES, ids=[c[0] for c in PYTHON_CASES])
def test_the_python_audit_is_read(case: str, report, stderr: str, status: str, lines: list[str]) -> None:
    verdict = _ci_module("audit").python_verdict(report, stderr)
    assert (verdict.status, verdict.lines) == (status, lines)


NPM_CASES = [
    ("clean", {"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {"dependencies": {"total": 412}}},
     "clean", ["412 packages, no known vulnerability"]),
    ("vulnerable", {"auditReportVersion": 2, "vulnerabilities": {
        "semver": {"severity": "high", "via": [{"title": "Regular Expression Denial of Service"}]},
        "ws": {"severity": "moderate", "via": ["semver"]}}},
     "vulnerable", ["semver: high (via Regular Expression Denial of Service)", "ws: moderate (via semver)"]),
    ("the endpoint refuses", {"message": "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk"},
     "skipped", ["npm audit gave no report (405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk)"]),
    ("no answer", None, "skipped", ["npm audit gave no report (no answer)"]),
]


@pytest.mark.parametrize("case, report, status, lines", NPM_CASES, ids=[c[0] for c in NPM_CASES])
def test_the_npm_audit_is_read(case: str, report, status: str, lines: list[str]) -> None:
    verdict = _ci_module("audit").npm_verdict(report)
    assert (verdict.status, verdict.lines) == (status, lines)


def test_the_audit_fails_only_on_a_known_vulnerability() -> None:
    audit = _ci_module("audit")
    skipped = audit.Verdict("npm", "skipped", ["npm audit gave no report (no answer)"])
    text, status = audit.report([audit.python_verdict(PIP_AUDIT_CLEAN), skipped])
    assert status == 0 and text == (
        "## Known vulnerabilities in the locks\n\n- **Python**: clean\n  - 2 packages, no known vulnerability\n"
        "- **npm**: skipped\n  - npm audit gave no report (no answer)\n")
    assert audit.report([audit.python_verdict(PIP_AUDIT_VULNERABLE), skipped])[1] == 1


# --- the weekly upgrade run (.ci/upgrade.py) ----------------------------------

def test_the_versions_an_upgrade_moved_are_listed() -> None:
    upgrade = _ci_module("upgrade")
    before = upgrade.versions("# via x\njinja2==3.1.5 \\\n    # via mkdocs\npyyaml==6.0.3 ; python_version >= '3'\nold==1.0\n")
    after = upgrade.versions("jinja2==3.1.6\npyyaml==6.0.3\nnew==0.1\n")
    assert before == {"jinja2": "3.1.5", "pyyaml": "6.0.3", "old": "1.0"}
    assert upgrade.moved(before, after) == ["jinja2: 3.1.5 → 3.1.6", "new: (new) → 0.1", "old: 1.0 → (removed)"]


@pytest.mark.parametrize("test_status, heading", [(0, "**make test: passed**"), (3, "**make test: failed (exit 3)**")])
def test_the_upgrade_run_reports_and_returns_the_suites_status(tmp_path: Path, test_status: int, heading: str) -> None:
    # Stand-ins: uv exports one version before `lock --upgrade` and another after; npm changes nothing.
    state = tmp_path / "upgraded"
    uv = shell_command(tmp_path / "uv", f'case "$1" in lock) touch {state};; export) '
                                        f'if [ -e {state} ]; then echo "jinja2==3.1.6"; else echo "jinja2==3.1.5"; fi;; esac')
    npm = shell_command(tmp_path / "npm", "exit 0")
    suite = shell_command(tmp_path / "suite", f"echo 'FAILED tests/test_x.py::test_y'; exit {test_status}")
    summary = tmp_path / "summary.md"
    import subprocess
    import sys
    run = subprocess.run([sys.executable, str(ROOT / ".ci/upgrade.py")], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "UV": uv, "NPM": npm, "TEST": suite, "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.returncode == test_status
    text = summary.read_text("utf-8")
    assert heading in text and "- jinja2: 3.1.5 → 3.1.6" in text and "package-lock.json unchanged" in text
    assert ("FAILED tests/test_x.py::test_y" in text) == bool(test_status)
