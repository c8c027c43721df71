"""The build checks what it publishes, with the codes ``python -m checks`` uses.

* When the first language's build starts, ``python -m checks`` starts beside
  it, in a process of its own (on a second core it costs the build no wall
  time). When every language is built, each of its findings becomes a
  warning (``path:line:col: CODE message``), so ``mkdocs build --strict``
  fails exactly when ``python -m checks`` does, naming the same places: a
  memorandum page the model rejects (STR004) does not build.
* Then every built page is read with an HTML parser and compared with the
  document model, ``/memorandum.json`` and the signed source; active content
  is judged by an allowlist (``checks.built``).

An unusable metadata file stops the build earlier, in the facts hook.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from checks.engine import event_priority, get_plugin_logger
from checks import Finding, built, site

log = get_plugin_logger(__name__)
# This run's state. mkdocs-static-i18n builds the default language, then the
# others from inside its on_post_build, changing ``config`` as it goes: the
# site is complete after the last language's build, which is when it is read.
_state: dict[str, Any] = {"started": set(), "read": False, "checks": None}
TIMEOUT = 600  # seconds the checks may take (they take well under one)


def findings_of(stdout: str, returncode: int, stderr: str) -> list[str]:
    """The warnings to log for a finished ``python -m checks --format json``."""
    if returncode not in (0, 1):
        return [f"python -m checks failed (exit {returncode}): {stderr.strip()[-2000:]}"]
    try:
        return [str(Finding(**f)) for f in json.loads(stdout or "[]")]
    except (ValueError, TypeError) as exc:
        return [f"python -m checks printed no findings list: {exc}"]


# MkDocs events: thin wiring of the functions above, run by the build tests.
# pragma: no mutate block
def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()


def on_pre_build(*, config):
    lang = config["theme"]["language"]
    if lang == site.DEFAULT_LANG:  # a new run (mkdocs serve rebuilds too)
        if _state["checks"] is not None:
            _state["checks"].kill()
        _state.update(started=set(), read=False, checks=subprocess.Popen(
            [sys.executable, "-m", "checks", "--format", "json", str(Path(config["docs_dir"]).resolve())],
            cwd=_root(config), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    _state["started"].add(lang)


@event_priority(-120)  # after mkdocs-static-i18n (-100) and the search index (-110)
def on_post_build(*, config):
    # mkdocs-static-i18n builds the other languages inside the default language's
    # on_post_build (-100): their own post_build comes before the default build's
    # search hook (-110) has written the final indexes. The site is complete only
    # at the end of the default language's post_build.
    if _state["read"] or not set(site.LANGS) <= _state["started"] \
            or config["theme"]["language"] != site.DEFAULT_LANG:
        return  # some language is not built yet, or its index is not the final one
    _state["read"] = True
    if _state["checks"] is not None:
        stdout, stderr = _state["checks"].communicate(timeout=TIMEOUT)
        for message in findings_of(stdout, _state["checks"].returncode, stderr):
            log.warning("%s", message)
        _state["checks"] = None
    for finding in built.check_site(Path(config["site_dir"]), Path(config["docs_dir"]), _root(config)):
        log.warning("%s", finding)
