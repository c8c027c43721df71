"""``python -m checks.review BASE [HEAD]`` (``make review``): a review of a change's two texts, in Markdown.

For a reviewer of a pull request, what a raw diff of Markdown lines does not
show, in this order:

1. a warning when the signed Japanese text or its source changes;
2. the findings of ``python -m checks`` on the changed docs (or that there
   are none);
3. each provision whose Japanese or English changed: both languages before
   and after, side by side, the changes marked (English by word, Japanese by
   character) with ``<del>`` and ``<ins>``, which a browser shows struck
   through and underlined and a screen reader announces as deleted and
   inserted, and the provision's translation-lock state after the change;
4. the editorial pages added, deleted, renamed or changed, with their lock
   state;
5. each metadata value that changed, before and after.

BASE and HEAD are git revisions; without HEAD the working tree is read. The
report is the job summary of the review workflow and the one pull-request
comment it keeps up to date (``.github/workflows/review.yml`` and
``review-comment.yml``). The work is one pass over the changed files:
linear in the size of the change.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Sequence

from checks import Finding
from checks.model import document, languages, lock, metadata, site
from checks.render import changes

MARKER = "<!-- memorandum-review -->"  # the comment the workflow updates in place carries it
DOCS = "docs"
LOCK_STATE = {"ok": "checked against the current Japanese", "edited": "English edited since its check: run `make relock`",
              "stale": "the Japanese changed since the check: update the English, then `make relock`",
              "missing": "not in the lock: run `make relock`"}


class ReviewError(Exception):
    """A revision or repository that cannot be read."""


def _git(root: Path, *args: str) -> bytes:
    run = subprocess.run(["git", *args], cwd=root, capture_output=True, timeout=120)
    if run.returncode != 0:
        raise ReviewError(f"git {' '.join(args)}: {run.stderr.decode('utf-8', 'replace').strip()}")
    return run.stdout


def extract(root: Path, rev: str | None, dest: Path) -> Path:
    """The docs folder at a revision (``git archive``), or the working tree's when ``rev`` is None."""
    if rev is None:
        return root / DOCS
    _git(root, "rev-parse", "--verify", f"{rev}^{{commit}}")
    data = _git(root, "archive", "--format=tar", rev, "--", DOCS) if _has_docs(root, rev) else b""
    out = dest / "docs"
    out.mkdir(parents=True, exist_ok=True)
    if data:
        with tarfile.open(fileobj=BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
    return out


def _has_docs(root: Path, rev: str) -> bool:
    return bool(_git(root, "ls-tree", "--name-only", rev, "--", DOCS).strip())


# --- marking ----------------------------------------------------------------

tokens, marked = changes.tokens, changes.marked  # the changes page's marking: one way to show a change


def _cell(text: str) -> str:
    return text.replace("|", "&#124;").replace("\n", "<br>") or "—"


# --- what changed -----------------------------------------------------------

class Side(NamedTuple):
    docs: Path
    memoranda: dict[str, document.Document]
    lock: dict[str, dict[str, dict[str, str]]]
    facts: Any


def read_side(docs: Path) -> Side:
    memoranda = {}
    for lang in site.LANGS:
        path = site.memorandum_path(docs, lang)
        if path.is_file():
            memoranda[lang] = document.parse(path.read_text("utf-8", errors="replace"), path, lang)
    try:
        facts, _ = metadata.read_yaml(metadata.path_in(docs).read_text("utf-8"))
    except Exception:  # noqa: BLE001 - an unreadable metadata file is a finding of the checks; here it has no values
        facts = None
    return Side(docs, memoranda, lock.load(lock.path_in(docs)), facts)


def flatten(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Each scalar of the metadata with its path (``signed.place.en``)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from flatten(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value, 1):
            yield from flatten(v, f"{path}.{i}")
    else:
        yield path, "" if value is None else str(value)


def changed_provisions(base: Side, head: Side) -> list[str]:
    """The ids of the provisions whose text changed in either language, added or removed, in the text's order."""
    order: dict[str, None] = {}
    for side in (head, base):
        for lang in site.LANGS:
            if lang in side.memoranda:
                order.update((pid, None) for pid in side.memoranda[lang].ids())
    out = []
    for pid in order:
        texts = [tuple(_text(side, lang, pid) for lang in site.LANGS) for side in (base, head)]
        if texts[0] != texts[1]:
            out.append(pid)
    return out


def _text(side: Side, lang: str, pid: str) -> str | None:
    doc = side.memoranda.get(lang)
    prov = doc.get(pid) if doc else None
    return None if prov is None else prov.text


def lock_state(head: Side, base: Side, pid: str) -> str:
    ja, en = _text(head, site.ORIGINAL, pid), _text(head, site.TRANSLATION, pid)
    if ja is None or en is None:
        return "not in both texts"
    item = lock.Item("provisions", pid, ja, en, head.docs, 1)
    entry = head.lock["provisions"].get(pid)
    state = LOCK_STATE[lock.status(item, entry)]
    if entry and entry != base.lock["provisions"].get(pid):
        state += f"; re-stamped in this change ({entry.get('checked')})"
    return state


class PageChange(NamedTuple):
    status: str  # added, deleted, renamed, changed
    path: str
    old_path: str = ""


def changed_pages(root: Path, base: str, head: str | None) -> list[PageChange]:
    """The editorial pages (Markdown under docs/, the memorandum pages aside) a change touches."""
    args = ["diff", "--name-status", "-M", base] + ([head] if head else []) + ["--", DOCS]
    out = []
    for line in _git(root, *args).decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        code, paths = parts[0], parts[1:]
        if not paths or not all(p.endswith(".md") for p in paths):
            continue
        if any(Path(p).name.startswith(f"{site.MEMORANDUM}.") for p in paths):
            continue
        status = {"A": "added", "D": "deleted", "M": "changed", "R": "renamed", "C": "copied"}.get(code[0], "changed")
        out.append(PageChange(status, paths[-1], paths[0] if len(paths) > 1 else ""))
    return out


def page_lock_state(head: Side, path: str) -> str:
    name = site.stem(Path(path).name)
    ja, en = (head.docs / f"{name}.{lang}.md" for lang in (site.DEFAULT_LANG, site.TRANSLATION))
    if not (ja.is_file() and en.is_file()):
        return "no twin page" if (ja.is_file() or en.is_file()) else "removed"
    item = lock.Item("pages", name, ja.read_text("utf-8", errors="replace"), en.read_text("utf-8", errors="replace"),
                     en, 1)
    return LOCK_STATE[lock.status(item, head.lock["pages"].get(name))]


def signed_text_changes(base: Side, head: Side, pids: list[str]) -> list[str]:
    """What changed in the signed Japanese: its provisions and its source file."""
    out = [f"`#{pid}`" for pid in pids if _text(base, site.DEFAULT_LANG, pid) != _text(head, site.DEFAULT_LANG, pid)]
    sources = []
    for side in (base, head):
        try:
            path = side.docs / "_data" / str(side.facts["source"]["path"])
            sources.append(path.read_bytes() if path.is_file() else None)
        except (TypeError, KeyError, OSError):
            sources.append(None)
    if sources[0] != sources[1]:
        out.append("its source file (`docs/_data/signed-original.txt`)")
    return out


# --- the report -------------------------------------------------------------

def report(root: Path, base_rev: str, head_rev: str | None, findings: list[Finding], base: Side, head: Side) -> str:
    pids = changed_provisions(base, head)
    pages = changed_pages(root, base_rev, head_rev)
    values = _changed_values(base, head)
    signed = signed_text_changes(base, head, pids)
    head_name = head_rev or "the working tree"
    lines = [MARKER, "# Review of the two texts", "",
             f"`{base_rev}` → `{head_name}`: {_count(len(pids), 'provision')} changed, "
             f"{_count(len(pages), 'editorial page')}, {_count(len(values), 'metadata value')}.", ""]
    if signed:
        lines += ["> [!CAUTION]", "> **The signed Japanese text changed**: " + ", ".join(signed) + ". "
                  "It must stay character for character the text of the signed memorandum's PDF; a change needs the "
                  "source, `signed-original.txt` and its SHA-256 in the metadata to change together, and a maintainer's "
                  "review.", ""]
    lines += [f"## Findings ({len(findings)})", ""]
    if findings:
        lines += ["```text", *(str(f) for f in findings), "```", ""]
    else:
        lines += ["None: `python -m checks` passes on this change.", ""]
    if not (pids or pages or values):
        lines += ["No change to the memorandum's texts, the editorial pages or the metadata.", ""]
        return "\n".join(lines)
    if pids:
        lines += ["## Provisions", "",
                  "Deleted text is <del>struck through</del> and inserted text <ins>underlined</ins>: English by word, "
                  "Japanese by character.", ""]
        for pid in pids:
            lines += [f"### {_label(pid)} (`#{pid}`)", "", f"Translation lock: {lock_state(head, base, pid)}.", "",
                      "| | Before | After |", "|---|---|---|"]
            for lang, name in ((code, languages.profile(code).name) for code in site.LANGS):
                before, after = _text(base, lang, pid), _text(head, lang, pid)
                if before == after:
                    same = _cell(html.escape(before or ""))
                    lines.append(f"| {name} | {same} | (unchanged) |")
                    continue
                left, right = marked(before or "", after or "", lang)
                lines.append(f"| {name} | {_cell(left) if before is not None else '(none)'} | "
                             f"{_cell(right) if after is not None else '(removed)'} |")
            lines.append("")
    if pages:
        lines += ["## Editorial pages", ""]
        for page in pages:
            what = f"`{page.old_path}` → `{page.path}`" if page.old_path else f"`{page.path}`"
            lines.append(f"- {what}: {page.status}; translation lock: {page_lock_state(head, page.path)}")
        lines.append("")
    if values:
        lines += ["## Metadata (`docs/_data/memorandum.yml`)", "", "| Value | Before | After |", "|---|---|---|"]
        for key, before, after in values:
            lines.append(f"| `{key}` | {_cell(html.escape(before)) if before is not None else '(none)'} | "
                         f"{_cell(html.escape(after)) if after is not None else '(removed)'} |")
        lines.append("")
    return "\n".join(lines)


def _label(pid: str) -> str:
    try:
        return document.label(pid, site.TRANSLATION)  # the review is written in English
    except (KeyError, ValueError, TypeError):
        return pid


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _changed_values(base: Side, head: Side) -> list[tuple[str, str | None, str | None]]:
    before, after = dict(flatten(base.facts or {})), dict(flatten(head.facts or {}))
    keys = list(dict.fromkeys([*after, *before]))
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def review(root: Path, base_rev: str, head_rev: str | None = None) -> str:
    """The report for the change from ``base_rev`` to ``head_rev`` (or the working tree)."""
    from checks import cli
    tmp = Path(tempfile.mkdtemp(prefix="review-"))
    try:
        base_docs = extract(root, base_rev, tmp / "base")
        head_docs = extract(root, head_rev, tmp / "head")
        head_root = head_docs.parent
        findings = cli.run(head_docs, root=head_root) if head_docs.is_dir() else []
        return report(root, base_rev, head_rev, findings, read_side(base_docs), read_side(head_docs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.review", description=(
        "A review of a change's two texts in Markdown: findings, changed provisions side by side, pages, metadata."))
    parser.add_argument("base", help="the revision the change starts from (e.g. origin/main)")
    parser.add_argument("head", nargs="?", help="the revision it ends at (default: the working tree)")
    parser.add_argument("--repo", type=Path, default=Path("."), help="the repository (default: .)")
    parser.add_argument("--out", type=Path, help="write the report here (default: standard output)")
    args = parser.parse_args(argv)
    try:
        text = review(args.repo.resolve(), args.base, args.head)
    except ReviewError as exc:
        print(f"review: {exc}", file=sys.stderr)
        return 2
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
