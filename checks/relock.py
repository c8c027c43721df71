"""``python -m checks.relock`` (``make relock``): re-stamp the translation lock.

For each English provision or page whose Japanese text changed, it shows
the Japanese before (from git history, where the old text can be found)
and after, as a diff. It re-stamps an item only once its English text has
changed too (the contributor updated the translation), or when the
contributor names it with ``--keep ID`` (the English needs no change).
Items whose only change is an English edit are re-stamped: the contributor
checked them against the current Japanese. Exit 1 when an item was left
stale, so scripts notice.
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import difflib
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from checks.model import document, languages, lock, site, versions


def japanese_before(docs: Path, item: lock.Item, digest: str) -> str | None:
    """The Japanese text whose SHA-256 the lock holds, from the git history of its file."""
    name = f"{site.MEMORANDUM if item.kind == 'provisions' else item.key}.{site.DEFAULT_LANG}.md"
    path = docs / name
    try:
        revs = subprocess.run(["git", "log", "--format=%H", "-n", "50", "--", name], cwd=docs, capture_output=True,
                              text=True, timeout=30).stdout.split()
        top = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=docs, capture_output=True, text=True,
                             timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    for rev in revs:
        shown = subprocess.run(["git", "show", f"{rev}:{top}{name}"], cwd=docs, capture_output=True, text=True)
        if shown.returncode != 0:
            continue
        if item.kind == "pages":
            if document.sha256_nfc(shown.stdout) == digest:
                return shown.stdout
            continue
        old = document.parse(shown.stdout, path, site.DEFAULT_LANG).get(item.key)
        if old is not None and document.sha256_nfc(old.text) == digest:
            return old.text
    return None


def diff(before: str | None, after: str, label: str) -> str:
    if before is None:
        return f"  (the Japanese text it was checked against is not in the git history)\n  now: {after}\n"
    lines = difflib.unified_diff(before.splitlines() or [before], after.splitlines() or [after],
                                 f"{label} (checked)", f"{label} (now)", lineterm="", n=1)
    return "".join(f"  {line}\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.relock", description=(
        "Re-stamp the translation lock after the English of a stale provision was updated (make relock)."))
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs directory (default: docs)")
    parser.add_argument("--keep", action="append", default=[], metavar="ID",
                        help="re-stamp this stale item although its English is unchanged (the English needs no change)")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="the date to record (default: today)")
    for lang in site.LANGS:
        parser.add_argument(f"--reason-{lang}", default=os.environ.get(f"REASON_{lang.upper()}", ""),
                            help=f"why the English changed, in {languages.profile(lang).name}, for the version this "
                                 f"change publishes (default: $REASON_{lang.upper()})")
    args = parser.parse_args(argv)
    docs = args.docs
    try:
        ja = document.load(site.memorandum_path(docs, site.ORIGINAL))
        en = document.load(site.memorandum_path(docs, site.TRANSLATION))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"relock: cannot read the memorandum pages: {exc}", file=sys.stderr)
        return 2
    path = lock.path_in(docs)
    recorded = lock.load(path)
    new: dict[str, dict[str, dict[str, str]]] = {"provisions": {}, "pages": {}}
    left = 0
    for item in lock.items(docs, ja, en):
        entry = recorded[item.kind].get(item.key)
        state = lock.status(item, entry)
        name = f"#{item.key}" if item.kind == "provisions" else f"{item.key} page"
        if state == "ok":
            new[item.kind][item.key] = entry
        elif state in ("missing", "edited"):
            new[item.kind][item.key] = lock.stamp(item, args.date)
            print(f"stamped {name} ({'new' if state == 'missing' else 'English updated'})")
        else:  # the Japanese changed
            english_changed = entry.get(site.TRANSLATION) != document.sha256_nfc(item.en)
            print(f"{name}: the Japanese changed since {entry.get('checked') or 'the last check'}:")
            print(diff(japanese_before(docs, item, entry.get(site.ORIGINAL, "")), item.ja, name), end="")
            if english_changed or item.key in args.keep:
                new[item.kind][item.key] = lock.stamp(item, args.date)
                print(f"stamped {name} ({'English updated' if english_changed else 'kept: --keep'})")
            else:
                new[item.kind][item.key] = entry
                left += 1
                print(f"left {name} stale: update its English first, or pass --keep {item.key} "
                      "if the English needs no change")
    # All or nothing: a change of the English is stamped only with the version it publishes.
    recorded_version = record_version(docs, en, args.date, {lang: getattr(args, f"reason_{lang}") for lang in site.LANGS})
    if recorded_version:
        print(f"relock: {path} left as it was", file=sys.stderr)
        return recorded_version
    path.write_text(lock.dump(new), encoding="utf-8")
    print(f"relock: wrote {path}" + (f"; {left} item(s) still stale" if left else ""))
    return 1 if left else 0


def record_version(docs: Path, en: document.Document, date: str, reason: dict[str, str]) -> int:
    """Record the English provisions that differ from their latest version as the version of ``date``
    (docs/_data/versions.yml); 2 when a change has no reason in every language."""
    path = versions.path_in(docs)
    history = versions.read(path)
    if history.problems:
        line, col, message = history.problems[0]
        print(f"relock: {path}:{line}:{col}: {message}: fix it, then run relock again", file=sys.stderr)
        return 2
    current = {p.id: p.text for p in en.provisions}
    known = versions.texts_at(history, site.TRANSLATION, current) if history.of(site.TRANSLATION) else {}
    changed = {pid: text for pid, text in current.items() if known.get(pid) != text}
    if not changed:
        return 0
    missing = [lang for lang in site.LANGS if not reason.get(lang, "").strip()]
    if missing:
        names = ", ".join(f"#{pid}" for pid in changed)
        print(f"relock: the English of {names} changed: a new version needs its reason, give "
              + " and ".join(f"REASON_{lang.upper()}='…'" for lang in missing), file=sys.stderr)
        return 2
    header = versions.header_of(path.read_text("utf-8")) if path.is_file() else versions.HEADER
    path.write_text(versions.dump(versions.record(history, site.TRANSLATION, date, reason, changed), header), "utf-8")
    print(f"relock: recorded version {date} of the English ({len(changed)} provision(s)) in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
