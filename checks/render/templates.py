"""The theme's templates compiled once, not once per language and build.

Jinja compiles each template a build renders into Python code, in each
language's build: about a third of a rebuild that keeps its results, and
half of a build without hooks. Jinja's own bytecode cache
(``jinja2.FileSystemBytecodeCache``) keeps the compiled code in the kept
folder (``checks.model.kept``), a file per template: each file holds the
checksum of the template's source and Jinja's and Python's versions, and one
that does not match them is compiled again, so the code loaded is the code a
compile gives. ``MEMORANDUM_KEPT=off`` compiles every time. A folder that
cannot be written, or a file that cannot be read, keeps nothing and fails
nothing.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from checks.model import kept

KIND = "templates"  # about 50 compiled templates a build; kept.LIMIT of them, the ones used longest ago go first


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, where an error reading or writing a file only means compiling again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError, pickle.UnpicklingError):
            bucket.reset()
        if bucket.code is not None:  # used now: kept.trim removes the files used longest ago
            try:
                os.utime(self._get_cache_filename(bucket))
            except OSError:
                pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def folder() -> Path:
    return kept.folder() / KIND


def cache() -> jinja2.BytecodeCache | None:
    """The bytecode cache a build's templates use, or None when nothing is kept (or can be)."""
    if not kept.enabled():
        return None
    where = folder()
    try:
        where.mkdir(parents=True, exist_ok=True)
        kept.trim(where, "__jinja2_*.cache")
    except OSError:
        return None
    return _Cache(str(where))


def use(env: jinja2.Environment) -> jinja2.Environment:
    """``env`` compiling through the kept cache (``cache``); as it was when nothing is kept."""
    env.bytecode_cache = cache() or env.bytecode_cache
    return env
