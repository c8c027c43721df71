"""The build checks what it publishes, with the codes ``python -m checks`` uses.

* When the first language's build starts, ``python -m checks`` starts beside
  it, in a process of its own (on a second core it costs the build no wall
  time). When every language is built, each of its findings becomes a
  warning (``path:line:col: CODE message``), so ``mkdocs build --strict``
  fails exactly when ``python -m checks`` does, naming the same places: a
  memorandum page the model rejects (STR004) does not build.
* Then every built page is read with an HTML parser and compared with the
  document model, ``/memorandum.json`` and the signed source; active content
  is judged by an allowlist (``checks.verify.built``).

An unusable metadata file stops the build earlier, in the facts hook.
"""

from __future__ import annotations

import json
from pathlib import Path

from checks import Finding
from checks.engine import get_plugin_logger

log = get_plugin_logger("hooks/verify")
TIMEOUT = 600  # seconds the checks may take (they take well under one)


def findings_of(stdout: str, returncode: int, stderr: str) -> list[str]:
    """The warnings to log for a finished ``python -m checks --format json``."""
    if returncode not in (0, 1):
        return [f"python -m checks failed (exit {returncode}): {stderr.strip()[-2000:]}"]
    try:
        return [str(Finding(**f)) for f in json.loads(stdout or "[]")]
    except (ValueError, TypeError) as exc:
        return [f"python -m checks printed no findings list: {exc}"]


def root_of(config) -> Path:
    """The project the configuration belongs to (where ``python -m checks`` runs)."""
    return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
