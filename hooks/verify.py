"""The build checks what it publishes, with the codes ``python -m checks`` uses.

The events MkDocs calls; what they do is ``checks.render.verify``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checks.engine import event_priority
from checks.model import build_state, kept, site
from checks.verify import built, exported
from checks.render.verify import TIMEOUT, findings_of, log, root_of


# MkDocs events: thin wiring of checks.render.verify, run by the build tests.
# pragma: no mutate block
def on_pre_build(*, config):
    # mkdocs-static-i18n builds the default language, then the others from inside its
    # on_post_build, changing ``config`` as it goes: the site is complete after the last
    # language's build, which is when it is read. The run's state is on its config.
    state = build_state.of(config)
    if not state.started:  # the run's first build starts the checks and the PDFs' reader beside it
        state.checks = subprocess.Popen(
            [sys.executable, "-m", "checks", "--format", "json", str(Path(config["docs_dir"]).resolve())],
            cwd=root_of(config), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # The PDFs' reader starts now when new PDFs render (hooks/facts.py's on_config, run before
        # this), else when a PDF's metadata was not kept by an earlier build.
        state.pdf_reader = exported.MetadataReader(eager=state.rendering or not kept.enabled())
    state.started.add(config["theme"]["language"])


@event_priority(-120)  # after mkdocs-static-i18n (-100) and the search index (-110)
def on_post_build(*, config):
    # mkdocs-static-i18n builds the other languages inside the default language's
    # on_post_build (-100): their post_build comes first, before the default build's
    # search hook (-110) has written the final indexes, and a strict abort at the end
    # of such a nested build ends the run there. So the checks' findings (they read
    # docs/) are logged as soon as every language is built, and the built site is read
    # at the last post_build of the run, the default language's (its config may still
    # name the last language built: the post_builds are counted).
    state = build_state.of(config)
    seen = state.count_post_build("verify")
    if not set(site.LANGS) <= state.started:
        return  # some language is not built yet
    if state.checks is not None:
        stdout, stderr = state.checks.communicate(timeout=TIMEOUT)
        for message in findings_of(stdout, state.checks.returncode, stderr):
            log.warning("%s", message)
        state.checks = None
    if state.read or seen < len(site.LANGS):
        return  # the indexes are not the final ones yet
    state.read = True
    reader, state.pdf_reader = state.pdf_reader, None
    try:
        for finding in built.check_site(Path(config["site_dir"]), Path(config["docs_dir"]), root_of(config),
                                        reader.read if reader else None):
            log.warning("%s", finding)
    finally:
        if reader:
            reader.close()
