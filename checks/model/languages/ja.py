"""Japanese: the language of the signed original."""

from __future__ import annotations

import re

from checks.model.languages.profile import Profile

_D = r"[0-9０-９]"
_NUM = r"[0-9０-９]+|[一二三四五六七八九十]+"  # Arabic, full-width, kanji (一 … 九十九)
_SCRIPT = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"


def _date(y: str, mo: str, d: str) -> str:
    """'2025', '4', '28' -> '2025 年 4 月 28 日' (month and day optional)."""
    return f"{y} 年" + (f" {int(mo)} 月" if mo else "") + (f" {int(d)} 日" if d else "")


PROFILE = Profile(
    code="ja",
    name="日本語",
    lang3="jpn",
    spaced=False,
    joiner="",
    quote="「{}」",
    list_sep="、",
    names_join="、",
    detail_sep="：",
    title_end="：",
    heading_form="第 N 条：…",
    # 第 1 条：協力分野
    article_heading=re.compile(r"^第\s*(?P<num>\d+)\s*条\s*[：:]\s*(?P<title>.*)$"),
    labels={"title": "題名", "preamble": "序文", "recital": "序文 第 {n} 段", "article": "第 {a} 条",
            "intro": "第 {a} 条 柱書", "item": "第 {a} 条 分野 {n}", "paragraph": "第 {a} 条 {a}.{n}",
            "signing-clause": "署名", "signatory": "署名者 {n}"},
    format_date=_date,
    eras={"令和": 2019, "平成": 1989, "R": 2019, "H": 1989},
    # Each date pattern opens with a lookahead for a character a date can start
    # with: the engine then skips every other position at once.
    date=re.compile(
        r"(?=[0-9０-９令平RH])(?:"
        # 2025 年 4 月 28 日, 2025年4月28日, 1994 年 6 月, ２０２５年４月２８日
        rf"(?P<y>{_D}{{4}})\s*年\s*(?P<m>{_D}{{1,2}})\s*月(?:\s*(?P<d>{_D}{{1,2}})\s*日)?"
        # 令和 7 年 4 月 28 日, 令和元年, R7.4.28
        rf"|(?P<era>令和|平成)\s*(?P<ey>{_D}{{1,2}}|元)\s*年\s*(?P<em>{_D}{{1,2}})\s*月(?:\s*(?P<ed>{_D}{{1,2}})\s*日)?"
        rf"|(?<![A-Za-z0-9])(?P<era2>[RH])(?P<ry>\d{{1,2}})\.(?P<rm>\d{{1,2}})\.(?P<rd>\d{{1,2}})(?!\d)"
        # 2025/4/28, 2025-04-28
        r"|(?<![\d/.-])(?P<iy>\d{4})[/-](?P<im>\d{1,2})[/-](?P<id>\d{1,2})(?![\d/.-])"
        r")"
    ),
    # 3 か月, 3ヶ月, ３カ月
    duration=re.compile(r"(?P<n>\d+)\s*(?:か|ヶ|ケ|カ|ヵ|箇)月"),
    digits=re.compile(r"[0-9０-９]+"),
    reference=re.compile(
        rf"第[ \t]*(?P<art>{_NUM})[ \t]*条"  # 第 2 条, 第二条, 第２条
        r"(?:[ \t\u3000]*(?:(?P<art2>[0-9０-９]+)[.．](?P<par>[0-9０-９]+)(?![\d.．０-９])"  # then 2.3
        rf"|第[ \t]*(?P<par2>{_NUM})[ \t]*項))?"  # or 第 3 項
        r"|(?<![\w.．\-/])(?<![A-Za-z] )(?P<bart>[1-9１-９][0-9０-９]?)[.．](?P<bpar>[1-9１-９][0-9０-９]?)(?![\d.．%\w])"  # bare 2.3
    ),
    # "1994 年協定の第 4 条": an article of another instrument.
    other_instrument_before=re.compile(r"(?:協定|アコード|条約|憲章)の?[ \t]*$"),
    negation=re.compile(r"(?:[^\s、。]ない|ず[、。]|ものではない|ません)"),
    may=re.compile(r"ことができる|ことができます"),
    originals=re.compile(r"原本[ \t]*(?:を|は|が)?[ \t]*(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)[ \t]*通"),
    binding=re.compile(r"法的拘束力(?:を|が|は)[ \t]*(?P<verb>持たず|持たない|有しない|ない|なく|ありません|持つ|有する|ある|あります)"),
    binding_negative=frozenset({"持たず", "持たない", "有しない", "ない", "なく", "ありません"}),
    signed_at=re.compile(r"(?P<place>[\u30a1-\u30f6ー\u4e00-\u9fff]{2,12})[ \t]*で署名"),
    department=re.compile(r"[\u30a1-\u30f6ー\u4e00-\u9fff・]+省"),
    notices={
        "no official English text found": re.compile(r"公式の英語[^。]*(?:見つかりませんでした|見当たりませんでした)"),
        "the Japanese governs": re.compile(r"日本語(?:の本文)?を優先"),
        "the English is a reference translation": re.compile(r"参考訳"),
        "the source is the PDF of the signed memorandum": re.compile(r"PDF から取り出した"),
    },
    # English on a Japanese page: Latin words (with digits, spaces and ASCII
    # punctuation between them) that hold a word of three letters or more.
    other_script=re.compile(r"[A-Za-z0-9][A-Za-z0-9 '’.,:;/\-]*[A-Za-z0-9.]|[A-Za-z]{3,}"),
    run_needs=re.compile(r"[A-Za-z]{3,}"),
    unmarked_tags=frozenset({"code", "pre", "kbd", "samp"}),
    guard_titles=False,  # Japanese titles and Sides' names share too many characters with ordinary words
    font='"Noto Sans CJK JP", "Noto Sans JP", sans-serif',
    search_pipeline=(),  # the English trimmer would empty Japanese words
    search_lunr=("en",),  # the index is segmented by the site's separator, not by lunr's Japanese support
    ui={
        "headings": {"permalink": "この見出しへのリンク"},  # the title of a heading's permalink (Python-Markdown's toc)
        "not_found": {"title": "ページが見つかりません", "text": "このアドレスにページはありません。",
                      "home": "ホーム", "memorandum": "覚書の本文（署名原本）"},  # the 404 page, in every language
        "languages": {"ja": "日本語（署名原本）", "en": "英語（参考訳）"},
        "accessibility": {"pass": "適合", "fail": "不適合", "na": "適合（該当するコンテンツなし）", "yes": "はい",
                          "no": "いいえ", "head": ["達成基準", "レベル", "適用", "結果", "検証方法"],
                          "claim": {True: "{standard} のレベル {target} に準拠",
                                    False: "{standard} のレベル {target} に一部準拠"}},
        "placeholders": {"on_behalf": "代表", "name": "署名者", "title": "役職",
                         "instrument": "文書・機関", "date": "日付", "event": "経緯", "note": "注記",
                         "term": "用語", "other": "英語参考訳での訳語", "defined_in": "定義箇所", "definition": "意味",
                         "file": "ファイル", "sha256": "SHA-256", "none": "—",
                         "signed": "本協力覚書に署名（{place}）", "timeline": "「{name}」{event}"},
        "provisions": {"history": "変更履歴", "cite": "引用をコピー", "link": "{label}へのリンク", "from": "参照元", "sep": "、",
                       "citation": "{name} {label}（{url}）", "whole": "{name}（{url}）",
                       "suggest": "訂正を提案", "suggest_page": "このページの訂正を提案", "issue": "訂正の提案：{label}",
                       "form_language": "日本語 (ja)"},
        "glossary": {"terms": "定義された用語", "instruments": "覚書が言及する文書と機関", "other": "英語参考訳",
                     "defined": "定義箇所", "used": "使用箇所", "mentioned": "言及箇所", "date": "日付",
                     "none": "なし（題名・本文で用いる呼称）", "sep": "、", "sentence": "{event}。{note}"},
        "terms": {"tip": "{event}（{date}）"},
        "exports": {"legal_value": "https://schema.org/OfficialLegalValue",
                    "nature": "署名された原本の日本語本文を一字一句再現したもの。",
                    "binding": {False: "本覚書は法的拘束力を持たない（{label}）。", True: "本覚書は法的拘束力を持つ（{label}）。"},
                    "legislation_type": "覚書"},
        "akn": {"publisher": "本サイト（参照用公開）"},
        "cite": {"style": "japanese", "genre": "{date}時点の版", "langid": "japanese",
                 "provision": "{name} {label}（{date}時点の版）（{url}）", "whole": "{name}（{date}時点の版）（{url}）"},
        "dated": {"title": "{title}（{date}時点）", "heading": "{date}時点の本文",
                  "earlier": "これは {date}時点の本文で、現在の本文ではありません。現在の本文は{current}にあります。{changes}で各版の違いを確認できます。",
                  "current": "これは {date}時点の本文で、現在もこの本文のままです。{current}は常に現在の本文を示します。{changes}で各版の違いを確認できます。",
                  "current_link": "本文のページ", "changes_link": "変更履歴",
                  "citation": "{name} {label}（{date}時点の版）（{url}）"},
        "versions": {"imported": "翻訳ツールで訳した英語の取り込み（{file}）"},
        "changes": {"texts": {"ja": "日本語の本文（署名原本）", "en": "英語参考訳"}, "in_text": {"ja": "日本語の本文", "en": "英語参考訳"}, "caption": "{text}の版",
                    "date": "日付", "provisions": "変更した規定", "reason": "理由", "first": "（最初の版）",
                    "version": "{date}の版", "compared": "{date}の版で変更した規定（変更前と変更後）",
                    "provision": "規定", "before": "変更前", "after": "変更後", "source": "出典",
                    "deleted": "削除：", "inserted": "挿入：",
                    "feed": "{title}：変更履歴", "feed_about": "本サイトが公開した日本語の本文と英語参考訳の版",
                    "entry": "{text}：{date}の版", "feed_link": "変更履歴（Atom フィード）", "empty": "（なし）", "none": "記録された版はありません。"},
        # What the PDF says it is (its first paragraph and its metadata's subject).
        "printed": {"notice": "この PDF は、{date}に{place}で署名された協力覚書の日本語の本文です。署名された覚書の PDF から"
                              "取り出したテキストを、本サイトが一字一句再現したもので、公式の文書ではありません。署名の条項は"
                              "原本を {originals} 通と示すものの、その言語は示していません。公式の英語の本文は見つかりません"
                              "でした。英語のページは本サイト独自の参考訳であり、参考訳と日本語の本文が異なる場合、本サイトでは"
                              "日本語の本文を優先します。"},
    },
)
