"""``python -m checks [DOCS ...]``: report findings like flake8."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence

from checks import Finding
from checks.model import corpus as corpus_mod
from checks.verify import built
from checks.rules import (dates, durations, facts as facts_stated, fidelity, numbering, parity, references, safety,
                          segments, signatories, structure, terms, translation, twins, unicode, versions)

RULES = (structure, numbering, parity, dates, durations, signatories, terms, fidelity, references, safety,
         translation, facts_stated, segments, twins, unicode, versions)


def run(docs: Path, source: Path | None = None, root: Path | None = None) -> list[Finding]:
    """Every finding for one docs directory, sorted by place."""
    corpus = corpus_mod.load(docs, root=root, source=source)
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule.check(corpus))
    return sorted(set(findings))


def _github(f: Finding) -> str:
    msg = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={f.path},line={f.line},col={f.col},title={f.code}::{f.code} {msg}"


def _format(findings: Sequence[Finding], fmt: str) -> Iterator[str]:
    if fmt == "json":
        yield json.dumps([f._asdict() for f in findings], ensure_ascii=False, indent=2)
    elif fmt == "github":
        yield from (_github(f) for f in findings)
    else:
        yield from (str(f) for f in findings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks", description=(
        "Check the docs (and, with --site, a built site) and report each finding as path:line:col: CODE message."))
    parser.add_argument("docs", nargs="*", type=Path, default=[Path("docs")],
                        help="docs directories to check (default: docs)")
    parser.add_argument("--source", type=Path, help="signed source text to compare against "
                        "(default: the copy under docs/_data)")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument("--site", type=Path, help="also check a site built from the (first) docs directory: "
                        "provision texts, exports and active content as readers get them")
    args = parser.parse_args(argv)
    findings: list[Finding] = []
    for docs in args.docs:
        if not docs.is_dir():
            parser.error(f"{docs}: not a directory")
        findings.extend(run(docs, args.source, root=Path.cwd()))
    if args.site is not None:
        if not args.site.is_dir():
            parser.error(f"{args.site}: not a directory")
        findings.extend(built.check_site(args.site, args.docs[0], root=Path.cwd()))
    for line in _format(findings, args.format):
        print(line)
    if args.format == "text":
        n = len(findings)
        print(f"{n} finding{'s' if n != 1 else ''} in {', '.join(map(str, args.docs))}"
              if n else f"ok: no findings in {', '.join(map(str, args.docs))}",
              file=sys.stderr if n else sys.stdout)
    return 1 if findings else 0
