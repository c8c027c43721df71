"""Compliance checks for the memorandum site: ``python -m checks``.

Each rule is a module with ``check(corpus) -> Iterator[Finding]``. Findings
print like flake8: ``path:line:col: CODE message``.
"""

from __future__ import annotations

from typing import NamedTuple


class Finding(NamedTuple):
    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"
