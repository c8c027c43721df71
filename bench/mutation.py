"""``python -m bench.mutation``: the mutation score of the last ``mutmut run`` (``make mutation``).

``python -m bench.mutation --sample N [--seed S]`` first makes every mutant,
then runs a seeded random sample of N of them (the whole set takes hours on
two cores) and reports the score of the sample with its 95 % margin.

mutmut mutates ``checks/`` and the hooks' pure functions (the MkDocs event
wiring is left to the build tests) and runs the fast, browser-free tests
against each mutant (``[tool.mutmut]`` in pyproject.toml). This reads its
results and writes ``bench/mutation.json``, which ``make bench`` reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
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


def result_lines(text: str) -> list[tuple[str, str]]:
    """(mutant name, line) for every mutant in ``mutmut results --all true``."""
    return [(line.strip().rsplit(": ", 1)[0], line) for line in text.splitlines() if LINE.match(line)]


def mutant_names(text: str) -> list[str]:
    """Every mutant's name in ``mutmut results --all true``."""
    return [name for name, _ in result_lines(text)]


def sample(names: list[str], size: int, seed: int) -> list[str]:
    """``size`` of ``names``, the same ones for the same seed and set of mutants."""
    return sorted(random.Random(seed).sample(sorted(names), min(size, len(names))))


def margin(score: float, n: int) -> float:
    """Half the width of the normal-approximation 95 % interval of a score measured on n mutants."""
    return 1.96 * math.sqrt(score * (1 - score) / n) if n else 0.0


def results() -> str:
    return subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=ROOT,
                          capture_output=True, text=True).stdout


def run_sample(size: int, seed: int, children: int) -> dict[str, Any]:
    """Make the mutants (a name that matches none runs no mutant), then run the sample."""
    # mutmut's own script (``python -m mutmut`` re-imports its main module); the venv's tools
    # (zizmor) on the PATH of the tests it runs.
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    mutmut = [str(bin_dir / "mutmut"), "run", "--max-children", str(children)]
    # Exits non-zero, as nothing matches, once it has made the mutants and mapped the tests.
    subprocess.run([*mutmut, "none.x_none__mutmut_0"], cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    everything = mutant_names(results())
    if not everything:
        raise SystemExit("bench.mutation: mutmut made no mutants (run `mutmut run` to see why)")
    chosen = sample(everything, size, seed)
    subprocess.run([*mutmut, *chosen], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
    keep = set(chosen)
    text = "\n".join(line for name, line in result_lines(results()) if name in keep)
    data = parse(text)
    data["sample"] = {"size": len(chosen), "of": len(everything), "seed": seed,
                      "margin": margin(data["overall"]["score"], data["overall"]["tested"])}
    return data


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--sample", type=int, default=0, help="run this many mutants, chosen at random")
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--children", type=int, default=2)
    opts = args.parse_args(argv)
    data = run_sample(opts.sample, opts.seed, opts.children) if opts.sample else parse(results())
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
