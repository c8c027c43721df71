"""``python -m bench.mutation``: the mutation score of the last ``mutmut run`` (``make mutation``).

mutmut mutates ``checks/`` and the hooks' pure functions (the MkDocs event
wiring is left to the build tests) and runs the fast, browser-free tests
against each mutant (``[tool.mutmut]`` in pyproject.toml). This reads its
results and writes ``bench/mutation.json``, which ``make bench`` reports.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "mutation.json"
LINE = re.compile(r"^\s*(?P<name>[\w.]+?)\.x[_ǁ]\S*__mutmut_\d+: (?P<status>[\w ]+)$")


def parse(text: str) -> dict[str, Any]:
    """Counts by status, overall and per module, from ``mutmut results --all true``."""
    overall: Counter[str] = Counter()
    per_module: dict[str, Counter[str]] = defaultdict(Counter)
    for line in text.splitlines():
        m = LINE.match(line)
        if m is None:
            continue
        status = m.group("status").strip()
        overall[status] += 1
        per_module[m.group("name")][status] += 1

    def score(c: Counter[str]) -> dict[str, Any]:
        # Only mutants tested count; a timeout is not counted as killed (on a loaded
        # machine a slow test run times out without the mutant being caught).
        total = sum(c.values())
        tested = total - c["not checked"]
        killed = c["killed"]
        return {"total": total, "tested": tested, "killed": killed, "survived": c["survived"],
                "no_tests": c["no tests"], "timeout": c["timeout"], "not_checked": c["not checked"],
                "score": killed / tested if tested else 0.0}

    return {"overall": score(overall), "modules": {name: score(c) for name, c in sorted(per_module.items())}}


def main() -> int:
    result = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=ROOT,
                            capture_output=True, text=True)
    data = parse(result.stdout)
    if not data["overall"]["total"]:
        print("bench.mutation: no mutmut results (run `make mutation`)", file=sys.stderr)
        return 1
    data["date"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    o = data["overall"]
    print(f"mutation score {o['score']:.1%}: {o['killed']} of {o['tested']} mutants tested killed "
          f"({o['total']} made, {o['not_checked']} not yet tested), {o['survived']} survived, "
          f"{o['no_tests']} not reached by a fast test, {o['timeout']} timed out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
