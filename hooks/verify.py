"""The build checks what it publishes, with the codes ``python -m checks`` uses.

* Before the first language is built, every Markdown-level check runs on
  docs/ and each finding is a warning (``path:line:col: CODE message``), so
  ``mkdocs build --strict`` fails exactly when ``python -m checks`` does,
  naming the same places: a memorandum page the model rejects (STR004)
  does not build.
* After the last language is built, every built page is read with an HTML
  parser and compared with the document model, ``/memorandum.json`` and the
  signed source; active content is judged by an allowlist (``checks.built``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from checks import built, cli, site

log = get_plugin_logger(__name__)
# Languages whose build has started, and whether the built site was read, in
# this run. mkdocs-static-i18n builds the default language, then the others
# from inside its on_post_build, changing ``config`` as it goes: the site is
# complete after the last language's build, which is when it is read.
_state: dict[str, object] = {"started": set(), "read": False}
# Findings after which pages cannot be built as they are (a page, its front
# matter or the metadata is unusable): the build stops with a message
# instead of failing later with a traceback. Every other finding is a
# warning, which fails the strict build.
FATAL = frozenset({"STR001", "STR002", "STR003"})


# MkDocs events: thin wiring of the functions above, run by the build tests.
# pragma: no mutate block
def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()


def on_pre_build(*, config):
    lang = config["theme"]["language"]
    if lang == site.DEFAULT_LANG:  # a new run (mkdocs serve rebuilds too)
        _state["started"], _state["read"] = set(), False
    _state["started"].add(lang)
    if lang != site.DEFAULT_LANG:
        return  # the docs are checked once per run
    findings = cli.run(Path(config["docs_dir"]), root=_root(config))
    for finding in findings:
        log.warning("%s", finding)
    fatal = sorted({f.path for f in findings if f.code in FATAL})
    if fatal:
        raise PluginError(f"cannot build: fix the findings above in {', '.join(fatal)} (python -m checks shows them)")


@event_priority(-120)  # after mkdocs-static-i18n (-100) and the search index (-110)
def on_post_build(*, config):
    if _state["read"] or not set(site.LANGS) <= _state["started"]:
        return  # some language is not built yet
    _state["read"] = True
    for finding in built.check_site(Path(config["site_dir"]), Path(config["docs_dir"]), _root(config)):
        log.warning("%s", finding)
