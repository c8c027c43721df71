"""Fill ``{{ name }}`` placeholders in pages from docs/_data/memorandum.yml.

The events MkDocs calls; what they do is ``checks.render.facts``.
"""

from __future__ import annotations

from checks.engine import PluginError, event_priority
from checks.export import publish
from checks.model import accessibility, build_state, lock, metadata, site, versions
from checks.render import placeholders


# MkDocs events: thin wiring of checks.render.facts, run by the build tests.
# pragma: no mutate block
def on_config(config, /):
    # The metadata, the repository URL and the translation lock's latest date, for this language's build.
    facts = build_state.of(config).facts
    facts.clear()
    try:
        facts.update(metadata.load_cached(metadata.path_in(config["docs_dir"])))
    except metadata.MetadataError as exc:
        where = site.display_path(exc.path, config.config_file_path)
        raise PluginError("\n".join(f"{where}:{line}:{col}: STR003 {message}"
                                    for line, col, message in exc.problems)) from None
    facts["repo_url"] = config["repo_url"] or ""
    facts["translation_checked"] = lock.latest(lock.load(lock.path_in(config["docs_dir"])))
    facts["accessibility"] = accessibility.load(accessibility.path_in(config["docs_dir"]))
    history = versions.load_cached(versions.path_in(config["docs_dir"]))  # each text's current version
    facts["current_version"] = {lang: found[-1].date for lang in site.LANGS if (found := history.of(lang))}
    state = build_state.of(config)  # the PDFs render beside the page build; new ones are read by verify.py
    state.rendering = publish.prepare(config["docs_dir"]) or state.rendering
    facts["checksums"] = publish.Checksums(config["docs_dir"])  # the verify page's list, made when shown
    return config


@event_priority(100)  # first: a placeholder's text is the page's text for the hooks that link it
def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    lang, facts = config["theme"]["language"], build_state.of(config).facts
    if lang not in placeholders.LABELS:
        raise PluginError(f"facts hook: no labels for language '{lang}'")
    # An unknown placeholder stays as written; STR005 (the checks, run by verify.py) names it once.
    for key in ("title", "description"):  # front matter the theme renders (the page title, its description)
        if isinstance(page.meta.get(key), str):
            page.meta[key] = placeholders.expand(page.meta[key], facts, lang)
    expanded = placeholders.expand(markdown, facts, lang)
    if site.STAND_IN.search(expanded):  # the digests of the PDFs, filled in when they are made (hooks/exports.py)
        build_state.of(config).stand_ins.add(page.file.dest_uri)
    return expanded
