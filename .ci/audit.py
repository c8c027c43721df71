"""Known vulnerabilities in the locked packages: ``make audit``.

Python: every package of ``uv.lock`` (all groups, with its hash) through
pip-audit against PyPI's vulnerability data. Node: ``package-lock.json``
through ``npm audit``. Each prints what it found; a service that cannot be
reached, or that answers for no package, is skipped with a message saying
so (not a pass, not a failure). Exit 1 when a vulnerability is known, else 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent


class Verdict(NamedTuple):
    """One ecosystem's audit: ``status`` is ``clean``, ``vulnerable`` or ``skipped``."""

    ecosystem: str
    status: str
    lines: list[str]


def python_verdict(report: Any, stderr: str = "") -> Verdict:
    """pip-audit's JSON report (``-f json``) read: the vulnerable packages, or why nothing was audited."""
    deps = report.get("dependencies") if isinstance(report, dict) else None
    if not isinstance(deps, list) or not deps:
        reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no report"
        return Verdict("Python", "skipped", [f"pip-audit gave no report ({reason})"])
    audited = [d for d in deps if not d.get("skip_reason")]
    if not audited:
        return Verdict("Python", "skipped", [
            f"the vulnerability service answered for none of the {len(deps)} locked packages "
            f"(first: {deps[0].get('skip_reason')})"])
    lines = [f"{d['name']} {d['version']}: {v['id']}" + (f" (fixed in {', '.join(v['fix_versions'])})" if v.get("fix_versions") else "")
             for d in audited for v in d.get("vulns") or []]
    unaudited = len(deps) - len(audited)
    tail = [f"{unaudited} of {len(deps)} packages could not be audited"] if unaudited else []
    if lines:
        return Verdict("Python", "vulnerable", lines + tail)
    return Verdict("Python", "clean", [f"{len(audited)} packages, no known vulnerability"] + tail)


def npm_verdict(report: Any) -> Verdict:
    """``npm audit --json`` read: the vulnerable packages, or why nothing was audited."""
    if not isinstance(report, dict) or "auditReportVersion" not in report:
        why = report.get("message") or report.get("error", {}).get("summary") if isinstance(report, dict) else None
        return Verdict("npm", "skipped", [f"npm audit gave no report ({why or 'no answer'})"])
    vulns = report.get("vulnerabilities") or {}
    lines = [f"{name}: {v.get('severity', '?')}" + (f" (via {', '.join(str(x if isinstance(x, str) else x.get('title', '?')) for x in v.get('via', []))})" if v.get("via") else "")
             for name, v in sorted(vulns.items())]
    if lines:
        return Verdict("npm", "vulnerable", lines)
    total = (report.get("metadata") or {}).get("dependencies", {}).get("total", "?")
    return Verdict("npm", "clean", [f"{total} packages, no known vulnerability"])


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def audit_python(uv: str) -> Verdict:
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        export = subprocess.run([uv, "export", "--frozen", "--format", "requirements-txt", "--all-groups",
                                 "--no-emit-project", "-o", str(requirements)],
                                cwd=ROOT, capture_output=True, text=True)
        if export.returncode != 0:
            return Verdict("Python", "skipped", [f"uv export failed: {export.stderr.strip()[-300:]}"])
        run = subprocess.run([sys.executable, "-m", "pip_audit", "--disable-pip", "--require-hashes", "-r",
                              str(requirements), "--progress-spinner", "off", "-f", "json"],
                             cwd=ROOT, capture_output=True, text=True, timeout=900)
    return python_verdict(_json(run.stdout), run.stderr)


def audit_npm() -> Verdict:
    try:
        run = subprocess.run(["npm", "audit", "--package-lock-only", "--json"], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Verdict("npm", "skipped", [f"npm audit could not run ({exc})"])
    return npm_verdict(_json(run.stdout) or {"message": run.stderr.strip()[-300:]})


def report(verdicts: list[Verdict]) -> tuple[str, int]:
    """The Markdown report and the exit status (1 when any package is vulnerable)."""
    out = ["## Known vulnerabilities in the locks", ""]
    for v in verdicts:
        out.append(f"- **{v.ecosystem}**: {v.status}")
        out += [f"  - {line}" for line in v.lines]
    return "\n".join(out) + "\n", int(any(v.status == "vulnerable" for v in verdicts))


def main() -> int:
    text, status = report([audit_python(os.environ.get("UV", "uv")), audit_npm()])
    print(text, end="")
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(text)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
