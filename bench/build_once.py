"""One build in this process, then print its wall time and peak memory as JSON.

Usage: python -m bench.build_once CONFIG SITE_DIR [--strict] [--engine properdocs|mkdocs]

The engine is ProperDocs (the site's) unless ``--engine mkdocs`` asks for the
MkDocs 1.6 fallback.

With the project's hooks, the JSON also has ``hooks_ms``: the time spent in
each hook file's event functions (both languages' builds), measured by
timing the callables MkDocs registered for them; ``hook_events_ms`` has the
same by file and event.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time


def timed_hooks(cfg) -> dict[str, float]:
    """Wrap every event function registered from a file under ``hooks/`` in a timer; the totals, in ms,
    by file and event (``lang.py:page_content``)."""
    from collections import Counter
    events: Counter[str] = Counter()

    def timer(name, fn):
        def call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                events[name] += (time.perf_counter() - start) * 1000
        return call

    for event, methods in cfg.plugins.events.items():
        for i, fn in enumerate(methods):
            source = getattr(getattr(fn, "__code__", None), "co_filename", "")
            if "/hooks/" in source:
                methods[i] = timer(f"{source.rsplit('/', 1)[-1]}:{event}", fn)
    return events


def by_file(events_ms: dict[str, float]) -> dict[str, float]:
    """The totals of ``timed_hooks`` by file."""
    totals: dict[str, float] = {}
    for key, ms in events_ms.items():
        name = key.split(":", 1)[0]
        totals[name] = totals.get(name, 0.0) + ms
    return totals


def main(argv: list[str]) -> int:
    config, site, strict = argv[0], argv[1], "--strict" in argv
    engine = argv[argv.index("--engine") + 1] if "--engine" in argv else "properdocs"
    if engine == "mkdocs":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
    else:
        import properdocs.replacement  # noqa: F401  (mkdocs.* imports of the theme and plugins resolve to ProperDocs)
        from properdocs.commands.build import build
        from properdocs.config import load_config

    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    logging.getLogger(engine).addHandler(handler)
    start = time.perf_counter()
    cfg = load_config(config_file=config, site_dir=site, strict=strict)
    events_ms = timed_hooks(cfg)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    except Exception as exc:  # a failed build: say why, exit non-zero
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    finally:
        cfg.plugins.on_shutdown()
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "peak_mib": peak_kib / 1024, "hooks_ms": by_file(events_ms),
                      "hook_events_ms": dict(events_ms)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
