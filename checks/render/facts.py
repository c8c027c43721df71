"""Fill ``{{ name }}`` placeholders in pages from docs/_data/memorandum.yml.

The placeholders and their rendering are ``checks.render.placeholders``. An
unknown placeholder stays as written: the checks (``STR005``, run by
``verify.py``) name it once, with the page and the line in the source file.
"""

from __future__ import annotations


