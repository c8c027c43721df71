"""One build's state: what a hook learns in one event and uses in a later one.

mkdocs-static-i18n builds every language with the same configuration object,
changed in place between the languages, and ``mkdocs serve`` loads a new
configuration for each rebuild. So the state lives on the configuration,
under ``KEY``: one object per run, shared by every language's build and gone
with the run. No hook keeps anything in its module (a test reads them), so
a rebuild never starts from what the last one left. What belongs to one
language's build is kept by language.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Any, MutableMapping

from checks.model.site import LANGS

KEY = "memorandum_build_state"


@dataclass
class BuildState:
    facts: dict[str, Any] = field(default_factory=dict)  # the placeholders' values (hooks/facts.py)
    ids: dict[str, set[str]] = field(default_factory=dict)  # provision ids, by language (hooks/crossrefs.py)
    targets: dict[str, list] = field(default_factory=dict)  # terms to link, by language (hooks/terms.py)
    # what each page refers to, by language and page: (title, address, provision ids) (hooks/crossrefs.py, for
    # hooks/provisions.py)
    references: dict[str, dict[str, tuple[str, str, list[str]]]] = field(default_factory=dict)
    # pages whose body is generated as an index of the memorandum (the glossary: where each term is defined and
    # used); not listed as referring to the provisions they index (hooks/glossary.py, for hooks/crossrefs.py)
    indexes: set[str] = field(default_factory=set)
    sitemap: dict[str, list] = field(default_factory=dict)  # hreflang entries, by language (hooks/alternates.py)
    checks: subprocess.Popen[str] | None = None  # python -m checks, running beside the build (hooks/verify.py)
    pdf_reader: Any = None  # the PDFs' metadata reader, started beside the build (checks.verify.exported)
    rendering: bool = False  # whether the run renders new PDFs, whose metadata no build kept (hooks/facts.py)
    started: set[str] = field(default_factory=set)  # languages whose build started
    read: bool = False  # whether the built site was read
    stand_ins: set[str] = field(default_factory=set)  # pages showing a download's stand-in (hooks/facts.py)
    post_builds: dict[str, int] = field(default_factory=dict)  # post_build events seen, by hook

    def count_post_build(self, hook: str) -> int:
        """Count one post_build event of ``hook``: how many it has seen in this run, this one included."""
        self.post_builds[hook] = self.post_builds.get(hook, 0) + 1
        return self.post_builds[hook]

    def last_post_build(self, hook: str) -> bool:
        """Count one post_build event of ``hook``: whether it is the run's last, when every language is built.

        mkdocs-static-i18n builds the other languages inside the default language's post_build
        (-100): their post_builds come first, and the default language's, at the same priority, last."""
        return self.count_post_build(hook) == len(LANGS) and set(LANGS) <= self.started


def of(config: MutableMapping[str, Any]) -> BuildState:
    """The state of the run ``config`` belongs to (made on first use)."""
    state = config.get(KEY)
    if not isinstance(state, BuildState):
        state = BuildState()
        config[KEY] = state
    return state
