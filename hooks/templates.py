"""Compile the theme's templates once: Jinja's bytecode cache in the kept folder.

The event MkDocs calls; what it does is ``checks.render.templates``.
"""

from __future__ import annotations

from checks.render.templates import use


# MkDocs event: thin wiring of checks.render.templates, run by the build tests.
# pragma: no mutate block
def on_env(env, /, *, config, files):
    return use(env)
