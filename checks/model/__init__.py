"""The model: the site's identity and languages (site), a Markdown page and its regions (page), the
memorandum's provisions (document), the metadata and its schemas, the translation lock, the accessibility
report, what the checks read (corpus), one build's state, and the HTML allowlist (active).
"""
