"""The benchmark report: Markdown, one table per measure."""

from __future__ import annotations

from typing import Any

from bench import linearity

# build_baseline_s: the strict build's median before the Akoma Ntoso and
# checksum exports (make bench, 2026-11-26); the budget is 3x that.
GOALS = {"tbt_ms": 150, "recall": 0.95, "build_baseline_s": 1.178, "build_budget": 3.0, "hooks": 1.15, "checks_s": 0.5, "weight_kb": 120, "performance": 95, "linear": 3.0, "mutation": 0.85, "engines": 1.05}


# The hooks by the kind of work they do, for a budget per kind.
KINDS = {"verify.py": "the built-site verification (`verify.py`)",
         "facts.py": "`facts.py` (metadata validation, placeholders)",
         "exports.py": "`exports.py` (the downloads written, after the wait for the PDFs)"}


def split_sentence(hooks_ms: dict[str, float], base_s: float, events_ms: dict[str, float] | None = None) -> str:
    """Each kind's time and share of the hook-less build: ``KINDS``, then the page hooks (every other file),
    and of those (given ``events_ms``, by file and event) what their page events take and what their
    post-build outputs take (the version pages, the search indexes, the sitemaps)."""
    def share(ms: float) -> str:
        return f"{ms:.0f} ms ({ms / 10 / base_s:.1f} %)"
    page = sum(ms for name, ms in hooks_ms.items() if name not in KINDS)
    parts = [f"{label} {share(hooks_ms[name])}" for name, label in KINDS.items() if name in hooks_ms]
    out = ("By kind, with each one's share of the hook-less build: " + "; ".join(parts)
           + f"; the page hooks (every other file) {share(page)}")
    if events_ms:
        mine = {key: ms for key, ms in events_ms.items() if key.split(":", 1)[0] not in KINDS}
        after = sum(ms for key, ms in mine.items() if key.endswith(":post_build"))
        out += (f": their events up to each page's output {share(sum(mine.values()) - after)}, "
                f"their post-build outputs {share(after)}")
    return out + "."


def _s(x: dict[str, float], scale: float = 1.0, fmt: str = "{:.3f}") -> str:
    return f"{fmt.format(x['median'] * scale)} ({fmt.format(x['min'] * scale)}–{fmt.format(x['max'] * scale)})"


def _pct(ratio: float) -> str:
    return f"{(ratio - 1) * 100:+.1f} %"


def changes(now: dict[str, Any], before: dict[str, Any] | None) -> str:
    """One sentence on what moved since the previous report."""
    if not before:
        return "First report: there is no previous one to compare with."
    try:
        pairs = [
            ("strict build", before["builds"]["site"]["wall"]["median"], now["builds"]["site"]["wall"]["median"], "s"),
            ("hook overhead", before["builds"]["ratios"]["hooks"], now["builds"]["ratios"]["hooks"], "×"),
            ("python -m checks", before["checks"]["checks"]["median"], now["checks"]["checks"]["median"], "s"),
            ("largest first load", max(r["total"] for r in before["weight"]) / 1000,
             max(r["total"] for r in now["weight"]) / 1000, "KB"),
            ("lowest Lighthouse performance", min(r["performance"]["median"] for r in before["lighthouse"]),
             min(r["performance"]["median"] for r in now["lighthouse"]), ""),
        ]
    except (KeyError, ValueError, TypeError):
        return "The previous report has another shape; no comparison."
    parts = [f"{name} {a:.3f} → {b:.3f} {unit} ({_pct(b / a) if a else 'n/a'})" for name, a, b, unit in pairs]
    return f"Since the previous report ({before.get('date', '?')}): " + "; ".join(parts) + "."


def _sizes(r: dict[str, Any]) -> list[int]:
    return list(linearity.QUICK_SIZES_KB if r.get("quick") else linearity.SIZES_KB)


def render(r: dict[str, Any], previous: dict[str, Any] | None) -> str:
    m, b, c = r["machine"], r["builds"], r["checks"]
    out = ["# Benchmarks", "",
           f"Run {r['date']}{' (quick mode: one run, small sizes, the PDFs and results cached)' if r['quick'] else ''} by `make bench`. "
           "Figures are medians with the range (min–max) of the runs; runs of compared variants are interleaved.", "",
           f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['os']}; Python {m['python']}, "
           f"ProperDocs {m.get('properdocs', '?')} (MkDocs {m['mkdocs']} as the fallback), Material {m['material']}.", "",
           changes(r, previous), "",
           "## 1. Build (`properdocs build --strict`, whole site, both languages)", "",
           "| variant | wall time, s | peak memory, MiB | runs |", "|---|---|---|---|"]
    names = {"site": "this site (`--strict`; both PDFs rendered, as on a fresh machine)",
             "site-kept": "this site (`--strict`), PDFs kept from an earlier build (a rebuild whose memorandum did not change)",
             "site-mkdocs": "this site built by the MkDocs 1.6.1 fallback (`--strict`), PDFs kept from an earlier build",
             "no-hooks": "same site, `hooks: []` (not strict: its placeholders stay unresolved)",
             "bare": "same Markdown, bare Material (no i18n, no hooks)"}
    for kind, name in names.items():
        if kind in b:
            out.append(f"| {name} | {_s(b[kind]['wall'])} | {_s(b[kind]['peak_mib'], fmt='{:.1f}')} | {b[kind]['wall']['n']} |")
    hooks, kept = b["ratios"]["hooks"], b["ratios"].get("hooks_kept")
    out += ["", f"Hooks add {_pct(hooks)} to the strict build's wall time (goal: at most +15 %: "
            f"{'met' if hooks <= GOALS['hooks'] else 'NOT met'})"
            + (f"; {_pct(kept)} when the PDFs are kept from an earlier build" if kept else "")
            + f". The site takes {b['ratios']['vs_bare']:.2f}× "
            "the bare Material build (which builds one language and runs no hooks).", ""]
    if "properdocs_vs_mkdocs" in b["ratios"]:
        engines = b["ratios"]["properdocs_vs_mkdocs"]
        out += [f"ProperDocs builds the site in {engines:.3f}× the MkDocs fallback's time, both rebuilding with the "
                f"PDFs kept (goal: at most "
                f"{GOALS['engines']}×: {'met' if engines <= GOALS['engines'] else 'NOT met'}).", ""]
    if b.get("hooks_ms"):
        out += ["Where the hooks' time goes in the strict build (each file's event functions, both languages, "
                "median ms). `facts.py` starts the PDFs' render in a second process in `on_config`; the pages "
                "show stand-ins for their SHA-256, and `exports.py` takes the PDFs after every language is built, "
                "writes the downloads and fills the digests in: the wait for the render is counted there.", "", "| hook | ms |", "|---|---|"]
        out += [f"| `hooks/{name}` | {ms:.1f} |" for name, ms in sorted(b["hooks_ms"].items(), key=lambda x: -x[1])]
        out += ["", split_sentence(b["hooks_ms"], b["no-hooks"]["wall"]["median"], b.get("hook_events_ms")), ""]
    out += [
            "## 2. Checks (`python -m checks`, whole process, real docs)", "",
            "| command | wall time, s |", "|---|---|",
            f"| `python -m checks` | {_s(c['checks'])} |",
            f"| `python -c pass` (interpreter start, baseline) | {_s(c['python'])} |", "",
            f"The checks take {c['ratio']:.1f}× a bare interpreter start (goal: under {GOALS['checks_s']} s: "
            f"{'met' if c['checks']['median'] < GOALS['checks_s'] else 'NOT met'}).", "",
            "## 2b. Linearity (one page, every per-page check: ms per KB at each size)", "",
            "| input | " + " | ".join(f"{kb} KB" for kb in _sizes(r)) + " | last / first |",
            "|---|" + "---|" * (len(_sizes(r)) + 1)]
    for row in r.get("linearity", []):
        out.append(f"| {row['input']} | " + " | ".join(f"{x:.3f}" for x in row["ms_per_kb"]) + f" | {row['ratio']:.2f} |")
    worst = max((row["ratio"] for row in r.get("linearity", [])), default=0.0)
    out += ["", f"Largest growth of the per-KB time from the smallest to the largest page: {worst:.2f}× "
            f"(flat is about 1; goal: at most {GOALS['linear']}×: {'met' if worst <= GOALS['linear'] else 'NOT met'}).", "",
            "## 3. Growth (synthetic corpora: the memorandum's structure repeated, both languages, cross-referenced)", "",
            "| size | pages | provisions | build, s | build per page, ms | vs 1× | check, s | check per page, ms | vs 1× |",
            "|---|---|---|---|---|---|---|---|---|"]
    for g in r["growth"]:
        out.append(f"| {g['factor']}× | {g['pages']} | {g['provisions']} | {_s(g['build'])} | "
                   f"{g['build_per_page_ms']:.1f} | {g['build_per_page_vs_1x']:.2f} | {_s(g['check'])} | "
                   f"{g['check_per_page_ms']:.2f} | {g['check_per_page_vs_1x']:.2f} |")
    last = r["growth"][-1]
    out += ["", f"At {last['factor']}× the size, a page costs {last['build_per_page_vs_1x']:.2f}× as much to build "
            f"and {last['check_per_page_vs_1x']:.2f}× as much to check as at 1× (flat is 1.00 or below; fixed "
            "start-up costs spread over more pages push it below 1).", "",
            "## 4. Page weight (first load, gzip -6 of every file requested, search index included)", "",
            "| page | html | css | js | search index | fonts | other | total, KB |", "|---|---|---|---|---|---|---|---|"]
    for w in r["weight"]:
        k = w["bytes"]
        cells = [f"{k.get(x, 0) / 1000:.1f}" for x in ("html", "css", "js", "search index", "fonts")]
        other = sum(v for key, v in k.items() if key not in ("html", "css", "js", "search index", "fonts"))
        out.append(f"| `{w['page']}` | " + " | ".join(cells) + f" | {other / 1000:.1f} | **{w['total'] / 1000:.1f}** |")
    heaviest = max(w["total"] for w in r["weight"]) / 1000
    out += ["", f"Heaviest first load {heaviest:.1f} KB (goal: under {GOALS['weight_kb']} KB: "
            f"{'met' if heaviest < GOALS['weight_kb'] else 'NOT met'}). No fonts are loaded (`theme.font: false`).", "",
            "## 5. Lighthouse performance (default mobile profile, Lighthouse 12.2.3, Debian Chromium; "
            "the site served gzip-compressed, as a static host serves it)", "",
            "| page | score | total blocking time, ms | runs |", "|---|---|---|---|"]
    for row in r["lighthouse"]:
        tbt = _s(row["tbt_ms"], fmt="{:.0f}") if "tbt_ms" in row else "—"
        out.append(f"| `{row['page']}` | {_s(row['performance'], fmt='{:.0f}')} | {tbt} | {row['performance']['n']} |")
    worst = min(row["performance"]["median"] for row in r["lighthouse"])
    memo = [row["tbt_ms"]["median"] for row in r["lighthouse"] if "memorandum" in row["page"] and "tbt_ms" in row]
    out += ["", f"Lowest median {worst:.0f} (goal: at least {GOALS['performance']}: "
            f"{'met' if worst >= GOALS['performance'] else 'NOT met'})."
            + (f" Memorandum pages' total blocking time, median: at most {max(memo):.0f} ms (goal: at most "
               f"{GOALS['tbt_ms']} ms: {'met' if max(memo) <= GOALS['tbt_ms'] else 'NOT met'})." if memo else "")
            + " A benchmark figure: no test times it.", ""]
    out += mutation(r.get("mutation"))
    out += exported(r)
    out += searching(r.get("search"))
    out += reviewed(r.get("review"))
    out += versioned(r.get("versions"), r.get("builds"))
    out += suite(r.get("suite"))
    return "\n".join(out)


def reviewed(rows: list[dict[str, Any]] | None) -> list[str]:
    """Section 8b: ``make review`` of a change of every English provision, by memorandum size."""
    if not rows:
        return []
    out = ["## 8b. Review of a change (`make review`: every English provision changed, the checks included)", "",
           "| memorandum size (factor) | provisions | reviewed | s, median | ms per provision |", "|---|---|---|---|---|"]
    for row in rows:
        out.append(f"| {row['factor']} | {row['provisions']} | {row['reviewed']} | {_s(row['s'])} | "
                   f"{row['ms_per_provision']:.2f} |")
    worst = max(row["s"]["median"] for row in rows if row["factor"] == min(x["factor"] for x in rows))
    per = [row["ms_per_provision"] for row in rows]
    out += ["", f"A change of every provision of a memorandum this size is reviewed in {worst:.3f} s (goal: under 2 s: "
            f"{'met' if worst < 2 else 'NOT met'}); the time per provision falls from {per[0]:.2f} to {per[-1]:.2f} ms "
            f"as the change grows {rows[-1]['reviewed'] / max(rows[0]['reviewed'], 1):.0f}×: linear or better.", ""]
    return out


def versioned(rows: list[dict[str, Any]] | None, builds: dict[str, Any] | None) -> list[str]:
    """Section 8c: the strict build against the number of recorded English versions."""
    if not rows:
        return []
    out = ["## 8c. Versions (strict build with synthetic English versions: a page, a comparison, a feed entry and "
           "a JSON file each)", "", "| versions | version pages | s, median | ms per version over one version |",
           "|---|---|---|---|"]
    base = rows[0]["wall"]["median"]
    for row in rows:
        extra = (row["wall"]["median"] - base) * 1000 / max(row["versions"] - rows[0]["versions"], 1)
        out.append(f"| {row['versions']} | {row['pages']} | {_s(row['wall'])} | "
                   f"{'—' if row is rows[0] else f'{extra:.1f}'} |")
    today = (builds or {}).get("site", {}).get("wall", {}).get("median")
    if today:
        out += ["", f"With {rows[-1]['versions']} versions the build takes {rows[-1]['wall']['median'] / today:.2f}× "
                "the strict build of §1 (the site with the versions it records); each further version adds about "
                "the same milliseconds at every count: linear.", ""]
    return out


def exported(r: dict[str, Any]) -> list[str]:
    """Section 7: what each download adds to the build, and the build against its budget."""
    rows = r.get("exports") or []
    if not rows:
        return []
    out = ["## 7. Downloads (generation time in the build's process, median of the runs)", "",
           "| export | ms | size, bytes |", "|---|---|---|"]
    for row in rows:
        size = f"{row['bytes']:,}" if row.get("bytes") is not None else "—"
        out.append(f"| {row['export']} | {_s(row['ms'], fmt='{:.2f}')} | {size} |")
    site = r["builds"]["site"]["wall"]["median"]
    ratio = site / GOALS["build_baseline_s"]
    out += ["", f"The strict build takes {site:.3f} s, {ratio:.2f}× the {GOALS['build_baseline_s']:.3f} s measured "
            f"before these exports (budget: at most {GOALS['build_budget']:.0f}×: "
            f"{'met' if ratio <= GOALS['build_budget'] else 'NOT met'}).", ""]
    return out


def mutation(m: dict[str, Any] | None) -> list[str]:
    """The last ``make mutation`` run (bench/mutation.json), if there is one."""
    if not m:
        return ["## 6. Mutation testing", "", "No mutation run recorded: run `make mutation`.", ""]
    o, sample = m["overall"], m.get("sample")
    drawn = (f" A seeded random sample of {sample['size']} of the {sample['of']} mutants mutmut makes was run "
             f"(`python -m bench.mutation --sample {sample['size']} --seed {sample['seed']}`); the score of the "
             f"whole set lies within ±{sample['margin']:.1%} of the sample's (95 % interval)." if sample else "")
    out = ["## 6. Mutation testing (mutmut over checks/ and the hooks' pure functions; fast, browser-free tests)", "",
           f"Run {m['date']}.{drawn} {o['killed']} of {o['tested']} mutants tested were killed: score **{o['score']:.1%}** "
           f"(goal: at least {GOALS['mutation']:.0%}: {'met' if o['score'] >= GOALS['mutation'] else 'NOT met'}); "
           f"{o['survived']} survived, {o['no_tests']} reached by no fast test, {o['timeout']} timed out "
           f"(not counted as killed); {o['not_checked']} of the {o['total']} mutants made were not tested"
           f"{' (the run was stopped)' if o['not_checked'] else ''}.", "",
           "| module | mutants | tested | killed | survived | no test | score |", "|---|---|---|---|---|---|---|"]
    for name, c in m["modules"].items():
        out.append(f"| `{name}` | {c['total']} | {c['tested']} | {c['killed']} | {c['survived']} | {c['no_tests']} | "
                   f"{c['score']:.0%} |")
    return out + [""]


def searching(s: dict[str, Any] | None) -> list[str]:
    """Section 8: recall of the reader queries, and each language's index."""
    if not s:
        return []
    out = ["## 8. Search (reader queries in tests/fixtures/search/queries.yml, typed into the search box)", "",
           "| language | found in the first three results | recall | index, KB raw | index, KB gzip |",
           "|---|---|---|---|---|"]
    for lang, r in s["recall"].items():
        size = s["indexes"][lang]
        out.append(f"| {lang} | {r['found']} / {r['queries']} | {r['share']:.3f} | {size['raw'] / 1000:.1f} | "
                   f"{size['gzip'] / 1000:.1f} |")
    worst = min(r["share"] for r in s["recall"].values())
    out += ["", f"Lowest recall {worst:.3f} (goal: at least {GOALS['recall']:.2f} in each language: "
            f"{'met' if worst >= GOALS['recall'] else 'NOT met'}). Every result is in the language searched from."]
    misses = [(lang, m) for lang, r in s["recall"].items() for m in r["missed"]]
    if misses:
        out += ["", "Missed:", ""]
        out += [f"- {lang} `{m['query']}` ({m['kind']}), expected `#{m['expect']}`; the first results were "
                f"{', '.join(f'`{x}`' for x in m['results'][:3]) or 'none'}" for lang, m in misses]
    return out + [""]


def suite(s: dict[str, Any] | None) -> list[str]:
    """Section 9: the wall time of ``make test`` (measured runs, recorded in bench/suite.json)."""
    if not s:
        return []
    out = ["## 9. Test suite (`make test` wall time on this machine, recorded in bench/suite.json)", "",
           "| run | tests | wall time, s | note |", "|---|---|---|---|"]
    for row in s.get("runs", []):
        out.append(f"| {row['run']} | {row['tests']} | {row['seconds']:.0f} | {row.get('note', '')} |")
    goal = s.get("goal_s", 240)
    installed = [row["seconds"] for row in s.get("runs", []) if row.get("kind") == "installed"]
    if installed:
        out += ["", f"With dependencies installed: {installed[-1]:.0f} s (goal: at most {goal} s: "
                f"{'met' if installed[-1] <= goal else 'NOT met'})."]
    return out + [""]
