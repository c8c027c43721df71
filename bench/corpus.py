"""Synthetic corpora for the growth benchmark: the memorandum's structure
repeated ``factor`` times, in both languages, with cross-referencing pages.

Factor 1 has the real memorandum's shape (7 recitals, 2 articles: 8 areas and
4 paragraphs, 2 signatories) plus 5 extra pages per language; factor k has
k times the recitals, articles and extra pages, in nested sections. Every
reference resolves, so the strict build passes at every size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from checks.model.site import CONFIG

ROOT = Path(__file__).resolve().parent.parent
JA_TEXT = "量子科学技術に関する協力を促進し、双方の専門知の結集を図る。"
EN_TEXT = "Promote cooperation in quantum science and technology and bring together the expertise of the Sides."


def memorandum(factor: int, lang: str) -> str:
    ja = lang == "ja"
    text = JA_TEXT if ja else EN_TEXT
    out = ["---", f"title: {'本文' if ja else 'Text'}", "---", "",
           f"# {'合成覚書' if ja else 'Synthetic memorandum'} {{ #title }}", "",
           f"## {'序文' if ja else 'Preamble'} {{ #preamble }}", ""]
    for r in range(1, 7 * factor + 1):
        out += [f"{text}（{r}）" if ja else f"{text} ({r})", f"{{: #preamble-{r} }}", ""]
    for a in range(1, 2 * factor + 1):
        head = f"第 {a} 条：分野 {a}" if ja else f"Article {a}: Area {a}"
        out += [f"## {head} {{ #article-{a} }}", ""]
        if a % 2:
            out += [text, f"{{: #article-{a}-intro }}", ""]
            for i in range(1, 9):
                out += [f"- {text}", f"  {{: #article-{a}-item-{i} }}"]
            out.append("")
        else:
            for p in range(1, 5):
                out += [f"{a}.{p} {text}", f"{{: #article-{a}-{p} }}", ""]
    out += ["2025 年 4 月 28 日のこの日、英国ロンドンにて原本 2 通とともに署名。" if ja
            else "Signed in two originals in London, United Kingdom, on this day, 28 April 2025.",
            "{: #signatures .signing-clause }", ""]
    for n in (1, 2):
        out += [f"{'署名者' if ja else 'Signatory'} {n}<br>", f"**{n}**", f"{{: #signatory-{n} .signatory }}", ""]
    return "\n".join(out)


def page(n: int, factor: int, lang: str) -> str:
    """An extra page that refers to provisions across the memorandum."""
    arts = 2 * factor
    refs = []
    for k in range(5):
        a = (n * 7 + k * 3) % arts + 1
        if lang == "ja":
            refs.append(f"第 {a} 条" if a % 2 else f"第 {a} 条 {a}.{k % 4 + 1}")
        else:
            refs.append(f"Article {a}" if a % 2 else f"Article {a}.{k % 4 + 1}")
    sep = "、" if lang == "ja" else ", "
    title = f"ページ {n}" if lang == "ja" else f"Page {n}"
    body = (f"{sep.join(refs)} を参照。" if lang == "ja" else f"See {sep.join(refs)}.")
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{body}\n\n{body}\n"


def location(n: int) -> Path:
    """Where extra page n lives: sections of 5 pages, 10 sections to a group,
    as a growing site would be organised (with navigation.prune, a page's
    navigation then lists its group, its section and its siblings only)."""
    s = (n - 1) // 5
    return Path("notes") / f"g{s // 10:02d}" / f"s{s:03d}" / f"p{n:04d}"


def make(dest: Path, factor: int) -> Path:
    """Write a project (properdocs.yml, docs/, hooks/, overrides/) of the given size into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "overrides", "checks"):
        shutil.copytree(ROOT / name, dest / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
    for lang in ("ja", "en"):
        (docs / f"memorandum.{lang}.md").write_text(memorandum(factor, lang), encoding="utf-8")
        for n in range(1, 5 * factor + 1):
            path = docs / location(n)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.with_name(f"{path.name}.{lang}.md").write_text(page(n, factor, lang), encoding="utf-8")
    config = (ROOT / CONFIG).read_text(encoding="utf-8")
    start = config.index("\nnav:")
    end = config.index("\n\n", start + 1)
    (dest / CONFIG).write_text(config[:start] + config[end:], encoding="utf-8")
    return dest


def pages(factor: int) -> int:
    """How many pages a corpus of this factor builds, both languages."""
    return 2 * (5 + 5 * factor)


def provisions(factor: int) -> int:
    return 1 + 7 * factor + sum(1 + (9 if a % 2 else 4) for a in range(1, 2 * factor + 1)) + 3


def variant(src: Path, dest: Path, kind: str) -> Path:
    """The real site as built three ways: 'site', 'no-hooks' (hooks: []), 'bare' (no i18n)."""
    shutil.copytree(src, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site", ".venv", "node_modules", "mutants", "test-results", ".hypothesis"))
    if kind == "no-hooks":
        text = (dest / CONFIG).read_text(encoding="utf-8")
        start = text.index("\nhooks:")
        end = text.find("\n\n", start + 1)
        (dest / CONFIG).write_text(text[:start] + "\nhooks: []" + (text[end:] if end > 0 else "\n"), "utf-8")
    elif kind == "bare":
        (dest / CONFIG).write_text(yaml.safe_dump({
            "site_name": "bare", "docs_dir": "docs", "exclude_docs": "/_data/\n",
            "theme": {"name": "material", "language": "ja", "font": False},
            "markdown_extensions": ["abbr", "admonition", "attr_list", "md_in_html", "def_list", "tables",
                                    {"toc": {"permalink": True}}],
            "plugins": ["search"],
        }, allow_unicode=True), encoding="utf-8")
    return dest
