"""``make upgrade-test``: the suite with every lock upgraded, reported and never committed.

The weekly workflow runs it. ``uv lock --upgrade`` moves every Python package
to the newest version ``pyproject.toml`` allows and ``npm update
--package-lock-only`` does the same for the Node tools; then ``make test``
runs on the upgraded locks in the work tree. The report (the versions that
moved, and what broke) is printed and added to the GitHub job summary. The
exit status is the suite's, so a scheduled run that breaks shows red.

The commands are read from the environment (UV, NPM, TEST), so that the
tests can stand in for them.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def versions(requirements: str) -> dict[str, str]:
    """``name==version`` lines of a requirements export, as a mapping."""
    out = {}
    for line in requirements.splitlines():
        line = line.split(";", 1)[0].split("\\", 1)[0].strip()
        if "==" in line and not line.startswith(("#", "-")):
            name, version = line.split("==", 1)
            out[name.strip().lower()] = version.strip()
    return out


def moved(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """What an upgrade changed, one line a package: ``name: old → new`` (added and removed too)."""
    lines = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old != new:
            lines.append(f"{name}: {old or '(new)'} → {new or '(removed)'}")
    return lines


def _export(uv: list[str]) -> dict[str, str]:
    run = subprocess.run(uv + ["export", "--frozen", "--all-groups", "--no-hashes", "--no-emit-project",
                               "--format", "requirements-txt"], cwd=ROOT, capture_output=True, text=True)
    return versions(run.stdout)


def report(python: list[str], node_changed: bool, status: int, tail: str) -> str:
    out = ["## The suite on upgraded locks", "",
           f"**make test: {'passed' if status == 0 else f'failed (exit {status})'}** — nothing is committed.", "",
           f"### Python packages that moved ({len(python)})", ""]
    out += [f"- {line}" for line in python] or ["- none"]
    out += ["", f"### Node tools: package-lock.json {'changed' if node_changed else 'unchanged'}", ""]
    if status:
        out += ["### What broke (the suite's last lines)", "", "```", tail.strip(), "```"]
    return "\n".join(out) + "\n"


def main() -> int:
    uv = shlex.split(os.environ.get("UV", "uv"))
    npm = shlex.split(os.environ.get("NPM", "npm"))
    test = shlex.split(os.environ.get("TEST", "make test"))
    before = _export(uv)
    lock = subprocess.run(uv + ["lock", "--upgrade"], cwd=ROOT, capture_output=True, text=True)
    if lock.returncode:
        text = report([], False, lock.returncode, "uv lock --upgrade failed:\n" + lock.stderr)
        print(text, end="")
        _summary(text)
        return lock.returncode
    after = _export(uv)
    node_before = (ROOT / "package-lock.json").read_bytes()
    subprocess.run(npm + ["update", "--package-lock-only", "--no-audit", "--no-fund"], cwd=ROOT)
    node_changed = (ROOT / "package-lock.json").read_bytes() != node_before
    run = subprocess.run(test, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(run.stdout)
    text = report(moved(before, after), node_changed, run.returncode, "\n".join(run.stdout.splitlines()[-40:]))
    print(text, end="")
    _summary(text)
    return run.returncode


def _summary(text: str) -> None:
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    raise SystemExit(main())
