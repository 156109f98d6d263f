"""Companies: full legal names (…有限公司, …集团) and short names (brand + industry word).

>>> legal_names("河南金源氢化化工股份有限公司成功在港交所上市")
['河南金源氢化化工股份有限公司']
>>> short_name_prefix("富联科技5G终端精密制造")
'富联科技'
>>> short_name_prefix("智能制造基地") is None
True
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.names import clean, is_masked, list_before, name_before, trim_leading
from kg.types import Kind, Mention, Sentence

LEGAL = re.compile("|".join(map(re.escape, p.LEGAL_FORMS)))
LIST_OF_FIRMS = re.compile(r"等(?:\d+|[一二三四五六七八九十两]+)家(?:[\u4e00-\u9fff“”]{0,12}?)?企业")
#: After an industry word these characters mean a compound noun, not a company name.
COMPOUND_AFTER = ("制造", "装备", "化", "产业", "信息", "技术", "终端", "领域", "企业", "行业")
MIN_BRAND, MAX_BRAND = 2, 4


def legal_names(text: str) -> list[str]:
    """Full company names ending in a legal form, in order of appearance."""
    out: list[str] = []
    for match in LEGAL.finditer(text):
        name = clean(name_before(text, match.start()) + match.group()).lstrip("了的")
        core = name[: -len(match.group())]
        if len(core) < 2 or is_masked(name) or core in p.GENERIC_FIRMS:
            continue
        if match.group() == "集团" and len(core) > 6:
            continue
        if name not in out:
            out.append(name)
    return out


def short_name_prefix(name: str) -> str | None:
    """The company short name a project name starts with (brand + industry word), if any."""
    for brand_len in range(MIN_BRAND, MAX_BRAND + 1):
        brand = name[:brand_len]
        if brand in p.NOT_BRAND or not re.fullmatch(r"[\u4e00-\u9fff]+", brand):
            continue
        if any(brand.startswith(w) for w in p.NOT_BRAND if len(w) >= 2):
            continue
        for word in sorted(p.INDUSTRY_WORDS, key=len, reverse=True):
            if name.startswith(word, brand_len):
                rest = name[brand_len + len(word) :]
                if rest.startswith(COMPOUND_AFTER):
                    return None
                return name[: brand_len + len(word)]
    return None


def listed_firms(text: str) -> list[str]:
    """Items of "A、B、C等N家企业": each item that is not a category is a company."""
    out: list[str] = []
    for match in LIST_OF_FIRMS.finditer(text):
        for item, _ in list_before(text, match.start()):
            item = clean(trim_leading(item))
            if 2 <= len(item) <= 15 and not is_masked(item) and not _generic(item):
                out.append(item)
    return out


def _generic(item: str) -> bool:
    return any(item.endswith(g) for g in p.GENERIC_FIRMS) or item in p.NOT_BRAND


def find(sentence: Sentence) -> list[Mention]:
    """Company mentions in a sentence: legal names and listed firms."""
    names = legal_names(sentence.text) + listed_firms(sentence.text)
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return [Mention(Kind.COMPANY, name, sentence.index) for name in seen]
