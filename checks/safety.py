"""SAF: no active content in docs/ (Python-Markdown passes raw HTML through)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from checks import Finding, refs
from checks.corpus import Corpus

RULES = (
    # An element that runs or embeds code, or rebases every link.
    ("SAF001", re.compile(r"<\s*(script|iframe|object|embed|base|frame|frameset)\b", re.IGNORECASE),
     "raw <{0}> element: expected no active or embedded content"),
    # An inline event handler inside an HTML tag: <a onclick=…>
    ("SAF002", re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE),
     "inline event handler '{0}=' in an HTML tag: expected none"),
    # An event handler in a Markdown attribute list: { onclick=… }
    ("SAF002", re.compile(r"\{[:\s][^}\n]*?(?<![\w-])(on[a-zA-Z]+)\s*=", re.IGNORECASE),
     "inline event handler '{0}=' in an attribute list: expected none"),
    # A javascript: (or vbscript:/data:text/html) URL, possibly obfuscated by spaces.
    ("SAF003", re.compile(r"(?:\]\(\s*<?|(?:href|src|action|formaction|xlink:href)\s*=\s*[\"']?\s*)"
                          r"((?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data\s*:\s*text/html)\s*:?)",
                          re.IGNORECASE),
     "'{0}' URL: expected an http(s), relative or mailto link"),
)


def scan(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, code, message) for each unsafe construct outside code."""
    in_code = refs.in_code(text)
    for code, pattern, message in RULES:
        for m in pattern.finditer(text):
            if in_code(m.start()):
                continue
            yield m.start(0 if code == "SAF001" else 1), code, message.format(m.group(1))


def check(corpus: Corpus) -> Iterator[Finding]:
    files: dict[Path, str] = dict(corpus.pages)
    for path in sorted(corpus.docs.rglob("*.html")):
        try:
            files[path] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    for path, text in files.items():
        for offset, code, message in scan(text):
            line, col = refs.line_col(text, offset)
            yield Finding(corpus.rel(path), line, col, code, message)
