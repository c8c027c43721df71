"""``python -m bench``: what a build, a check and a page load cost, and how that grows.

Every figure is the median of repeated runs, with its spread (min–max).
Runs of the variants being compared are interleaved, so drift on the
machine falls on all of them alike. The report goes to bench/RESULTS.md
(and bench/results.json, which the next report compares against).

``--quick`` is the small mode the test suite runs: one repetition, sizes 1×
and 2×, one page weighed and one Lighthouse run, the PDFs and results cached.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import corpus, exports, linearity, review, search, spread, versions
from checks.model.site import CONFIG

ROOT = Path(__file__).resolve().parent.parent
# Builds render their PDFs every time and keep no results (checks.model.kept): the build
# time is the real one; so are the times measured in this process.
os.environ["MEMORANDUM_KEPT"] = "off"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MEMORANDUM_PDF_CACHE": "off"}


def build(project: Path, site: Path, strict: bool = True, env: dict[str, str] | None = None,
          engine: str = "properdocs") -> dict[str, float]:
    """One build as its own process: wall time and peak memory."""
    cmd = [sys.executable, "-m", "bench.build_once", str(project / CONFIG), str(site), "--engine", engine]
    result = subprocess.run(cmd + (["--strict"] if strict else []), cwd=ROOT, env=env or ENV,
                            capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise SystemExit(f"bench: build of {project} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed(cmd: list[str], cwd: Path) -> float:
    """Wall time of a whole process (exit status ignored: findings are not failures here)."""
    import time
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, timeout=600)
    return time.perf_counter() - start


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each name's median over the runs (0 in a run that lacks it)."""
    return {name: statistics.median(run.get(name, 0.0) for run in runs) for name in sorted({n for run in runs for n in run})}


def measure_builds(work: Path, runs: int, kept: bool = True) -> dict[str, Any]:
    """The real site (rendering its PDFs, and with ``kept`` taking them from the cache too),
    the same built by the MkDocs fallback, the same with hooks: [], and the bare Material build."""
    projects = {kind: corpus.variant(ROOT, work / kind, kind) for kind in ("site", "no-hooks", "bare")}
    # The same site as a rebuild whose memorandum did not change: the PDFs come from the
    # per-user cache (its own directory here, filled by one build first).
    kept_env = {**ENV, "XDG_CACHE_HOME": str(work / "cache")}
    kept_env.pop("MEMORANDUM_PDF_CACHE", None)
    kept_env.pop("MEMORANDUM_KEPT", None)  # the rebuild keeps the page readings, version pages and validation too
    projects["site-mkdocs"] = projects["site"]
    if kept:
        projects["site-kept"] = projects["site"]
        build(projects["site"], work / "out-site-kept", env=kept_env)
    samples: dict[str, dict[str, list[float]]] = {k: {"wall": [], "peak_mib": []} for k in projects}
    per_hook: list[dict[str, float]] = []
    per_event: list[dict[str, float]] = []
    for _ in range(runs):
        for kind, project in projects.items():
            # Without hooks, placeholders such as {{repo_url}} stay unresolved
            # links, which --strict rejects: only the real site is strict.
            # The engines are compared on the rebuild with the PDFs kept: the render in the
            # second process would otherwise add its own spread to both.
            out = build(project, work / f"out-{kind}", strict=kind.startswith("site"),
                        env=kept_env if kind == "site-kept" or (kept and kind == "site-mkdocs") else None,
                        engine="mkdocs" if kind == "site-mkdocs" else "properdocs")
            for key in ("wall", "peak_mib"):
                samples[kind][key].append(out[key])
            if kind == "site":
                per_hook.append(out.get("hooks_ms", {}))
                per_event.append(out.get("hook_events_ms", {}))
    result: dict[str, Any] = {k: {key: spread(v) for key, v in s.items()} for k, s in samples.items()}
    result["hooks_ms"], result["hook_events_ms"] = _medians(per_hook), _medians(per_event)
    site, bare = result["site"]["wall"]["median"], result["no-hooks"]["wall"]["median"]
    # ProperDocs against MkDocs on the same kind of build (the rebuild with the PDFs kept, when measured).
    result["ratios"] = {"hooks": site / bare, "vs_bare": site / result["bare"]["wall"]["median"],
                        "properdocs_vs_mkdocs": result["site-kept" if kept else "site"]["wall"]["median"]
                        / result["site-mkdocs"]["wall"]["median"]}
    if kept:
        result["ratios"]["hooks_kept"] = result["site-kept"]["wall"]["median"] / bare
    return result


def measure_checks(runs: int) -> dict[str, Any]:
    """``python -m checks`` on the real docs, against an empty interpreter start."""
    checks, python = [], []
    for _ in range(runs):
        checks.append(timed([sys.executable, "-m", "checks"], ROOT))
        python.append(timed([sys.executable, "-c", "pass"], ROOT))
    return {"checks": spread(checks), "python": spread(python),
            "ratio": statistics.median(checks) / statistics.median(python)}


def measure_growth(work: Path, factors: list[int], runs: int) -> list[dict[str, Any]]:
    rows = []
    for factor in factors:
        project = corpus.make(work / f"corpus-{factor}", factor)
        walls, checks = [], []
        for _ in range(runs):
            # The synthetic text is not the signed one: the build's checks
            # report it (FID, TRM, SIG …), so growth builds are not strict.
            walls.append(build(project, work / f"corpus-{factor}-site", strict=False)["wall"])
            checks.append(timed([sys.executable, "-m", "checks", str(project / "docs")], project))
        pages = corpus.pages(factor)
        rows.append({"factor": factor, "pages": pages, "provisions": corpus.provisions(factor),
                     "build": spread(walls), "check": spread(checks),
                     "build_per_page_ms": 1000 * statistics.median(walls) / pages,
                     "check_per_page_ms": 1000 * statistics.median(checks) / pages})
    first = rows[0]
    for row in rows:
        row["build_per_page_vs_1x"] = row["build_per_page_ms"] / first["build_per_page_ms"]
        row["check_per_page_vs_1x"] = row["check_per_page_ms"] / first["check_per_page_ms"]
    return rows


def measure_weight(site: Path, pages: list[str]) -> list[dict[str, Any]]:
    """Bytes a first load transfers (gzip -6 of each file the browser asks for)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import ARGS, chromium_path, serving
    from playwright.sync_api import sync_playwright
    rows = []
    with serving(site) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
            for path in pages:
                context = browser.new_context()
                page = context.new_page()
                urls: list[str] = []
                page.on("request", lambda r: urls.append(r.url))
                page.goto(f"{base}/{path}", wait_until="networkidle")
                context.close()
                kinds: dict[str, int] = {}
                index = "en/search/search_index.json" if path.startswith("en/") else "search/search_index.json"
                files = {u[len(base) + 1:].split("?")[0].split("#")[0] for u in urls if u.startswith(base)} | {index}
                for rel in files:
                    target = site / rel
                    if rel == "" or rel.endswith("/") or target.is_dir():
                        target = target / "index.html"
                    if not target.is_file():
                        continue
                    kind = {"html": "html", "css": "css", "js": "js", "json": "search index",
                            "woff2": "fonts", "woff": "fonts", "svg": "images", "png": "images"}.get(
                        target.suffix.lstrip("."), "other")
                    kinds[kind] = kinds.get(kind, 0) + len(gzip.compress(target.read_bytes(), 6))
                rows.append({"page": "/" + path, "bytes": kinds, "total": sum(kinds.values())})
            browser.close()
    return rows


def measure_lighthouse(site: Path, pages: list[str], runs: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import serving
    from test_quality import lighthouse
    rows = []
    with serving(site) as base, tempfile.TemporaryDirectory() as tmp:
        for path in pages:
            # One URL per call: each run starts a cold browser, as a reader's first visit does.
            reports = [lighthouse([f"{base}/{path}"], Path(tmp) / str(run), categories="performance")[0]
                       for run in range(runs)]
            rows.append({"page": "/" + path,
                         "performance": spread([100 * r["categories"]["performance"]["score"] for r in reports]),
                         "tbt_ms": spread([r["audits"]["total-blocking-time"]["numericValue"] for r in reports])})
    return rows


def machine() -> dict[str, str]:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                   if l.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    mem = ""
    try:
        kib = int(next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")))
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    import material
    import mkdocs
    import properdocs
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "properdocs": properdocs.__version__, "mkdocs": mkdocs.__version__,
            "material": getattr(material, "__version__", "?")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run (the test suite's mode)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench", help="where RESULTS.md and results.json go")
    parser.add_argument("--runs", type=int, default=None, help="repetitions per measure (default 5, quick 1)")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    factors = [1, 2] if args.quick else [1, 10, 100]
    from bench import report
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        if args.quick:
            # The test suite's smoke run: its figures are not reported, so its builds take the
            # PDFs from the user's cache and keep their results (checks.model.kept), as the
            # suite's other builds do: a PDF or a result is made once for the same inputs.
            ENV.pop("MEMORANDUM_PDF_CACHE", None)
            ENV["MEMORANDUM_KEPT"] = "on"
        print("bench: builds …", file=sys.stderr)
        builds = measure_builds(work, runs, kept=not args.quick)
        print("bench: checks …", file=sys.stderr)
        checks = measure_checks(max(runs, 3) if not args.quick else 1)
        print("bench: exports …", file=sys.stderr)
        exported = exports.measure(ROOT / "docs", 1 if args.quick else 50)
        print("bench: linearity …", file=sys.stderr)
        linear = linearity.measure(1 if args.quick else 3, linearity.QUICK_SIZES_KB if args.quick else linearity.SIZES_KB)
        print("bench: review …", file=sys.stderr)
        reviewing = review.measure(1 if args.quick else 3, (1, 2) if args.quick else (1, 4, 16))
        counts = (1, 2) if args.quick else (1, 10, 50)
        print(f"bench: versions {counts} …", file=sys.stderr)
        versioned = versions.measure(work, build, 1 if args.quick else 3, counts)
        print(f"bench: growth {factors} …", file=sys.stderr)
        growth = measure_growth(work, factors, max(1, runs // 2) if not args.quick else 1)
        site = work / "out-site"
        pages = ["", "memorandum/", "en/", "en/memorandum/", "en/changes/", "en/memorandum/2026-11-25/"]
        print("bench: page weight …", file=sys.stderr)
        weight = measure_weight(site, pages[1:2] if args.quick else pages)
        print("bench: search recall …", file=sys.stderr)
        searching = search.measure(site, limit=5 if args.quick else None)
        print("bench: Lighthouse …", file=sys.stderr)
        lighthouse = measure_lighthouse(site, pages[1:2] if args.quick else pages, 1 if args.quick else 5)
    suite_path = ROOT / "bench" / "suite.json"
    suite = json.loads(suite_path.read_text("utf-8")) if suite_path.exists() else None
    mutation_path = ROOT / "bench" / "mutation.json"
    mutation = json.loads(mutation_path.read_text("utf-8")) if mutation_path.exists() else None
    results = {"mutation": mutation, "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "quick": args.quick,
               "machine": machine(), "builds": builds, "checks": checks, "linearity": linear, "growth": growth,
               "weight": weight, "lighthouse": lighthouse, "exports": exported,
               "search": searching, "review": reviewing, "versions": versioned, "suite": suite}
    args.out.mkdir(parents=True, exist_ok=True)
    previous_path = args.out / "results.json"
    previous = json.loads(previous_path.read_text("utf-8")) if previous_path.exists() else None
    (args.out / "RESULTS.md").write_text(report.render(results, previous), encoding="utf-8")
    previous_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"bench: wrote {args.out / 'RESULTS.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
