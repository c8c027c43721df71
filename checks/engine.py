"""The build engine's plugin API, for the hooks.

ProperDocs builds the site (``properdocs build``, ``properdocs serve``): the
hooks import its plugin API as ProperDocs documents (``properdocs.plugins``).
MkDocs 1.6.1 is the checked fallback (``make build-mkdocs``): when the
``mkdocs`` executable runs, its own API is used, so that its strict mode counts
the hooks' warnings. ProperDocs' executable maps ``mkdocs`` onto
``properdocs`` (its module is then named ``properdocs``), which is how the two
are told apart. Outside a build (tests, the checks' CLI) ProperDocs' API is used.
"""

from __future__ import annotations

import sys

_running = sys.modules.get("mkdocs")
NAME = "mkdocs" if getattr(_running, "__name__", "") == "mkdocs" else "properdocs"

if NAME == "mkdocs":
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import event_priority, get_plugin_logger
    from mkdocs.utils import get_relative_url
else:
    from properdocs.exceptions import PluginError
    from properdocs.plugins import event_priority, get_plugin_logger
    from properdocs.utils import get_relative_url

__all__ = ["NAME", "PluginError", "event_priority", "get_plugin_logger", "get_relative_url"]
