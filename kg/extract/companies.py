"""Companies: full legal names (…有限公司, …集团) and short names (brand + industry word).

>>> legal_names("河南宏源氢能化工股份有限公司成功在港交所上市")
['河南宏源氢能化工股份有限公司']
>>> short_name_prefix("华信科技5G终端精密制造")
'华信科技'
>>> short_name_prefix("智能制造基地") is None
True
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.names import clean, is_masked, list_before, name_before, trim_leading
from kg.extract.places import places
from kg.text.segment import Token, tokens
from kg.types import Kind, Mention, Sentence

LEGAL = re.compile("|".join(map(re.escape, p.LEGAL_FORMS)))
#: "A、B等N家…企业", "A、B等世界500强企业", and a list counted without 等: "A、B2家上市公司".
FIRM_COUNT = rf"{p.COUNT_NUMBER}[余多]?家"
LIST_OF_FIRMS = re.compile(
    rf"(?:等(?:{FIRM_COUNT})?|(?<=[\u4e00-\u9fff])(?P<bare>{FIRM_COUNT}))"
    r"(?!重点区域|重点地区|地区|区域|城市|国家)"
    r"(?:[\u4e00-\u9fff“”\dA-Za-z]{0,12}?)?(?:企业|(?<=上市)公司)(?!家|投资项目|项目)"
)
#: "主导产业龙头企业<firm>完成总产值…": a firm in apposition to its role, before what it did.
APPOSITIVE_FIRM = re.compile(
    rf"(?:{'|'.join(p.FIRM_ROLES)})([\u4e00-\u9fff]{{2,12}}?)(?={'|'.join(p.FIRM_ROLE_VERBS)})"
)
#: Where a listed firm is, before its name: "园区内甲乙科技", "辖区内丙丁电子".
INSIDE_AREA = re.compile(r"^[\u4e00-\u9fff]{0,4}?区内")
#: Words saying that a listed item is an industry, not a firm.
INDUSTRY_ITEMS = re.compile(rf"(?:产业|行业|领域)(?:{FIRM_COUNT})?企业$")
#: Endings of a place or of places counted (乙丙两市), never of a firm.
PLACE_ENDINGS = ("省", "市", "县", "区", "州", "镇", "乡", "村")
MAX_COINED = 4
#: jieba flags of proper nouns: other proper names, organisations, personal names.
PROPER_FLAGS = ("nz", "nt", "nr", "nrt")
#: After an industry word these characters mean a compound noun, not a company name.
COMPOUND_AFTER = ("制造", "装备", "化", "产业", "信息", "技术", "终端", "领域", "企业", "行业", "电池")
MIN_BRAND, MAX_BRAND = 2, 4
#: Industry words longest first (the longest match wins); words a brand may not open with.
INDUSTRY_LONGEST_FIRST = tuple(sorted(p.INDUSTRY_WORDS, key=len, reverse=True))
NOT_BRAND_OPENINGS = tuple(w for w in p.NOT_BRAND if len(w) >= 2)
#: Industry words by their first character, longest first (one dictionary look-up per position).
INDUSTRY_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _word in INDUSTRY_LONGEST_FIRST:
    INDUSTRY_BY_FIRST[_word[0]] = (*INDUSTRY_BY_FIRST.get(_word[0], ()), _word)
CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
MIN_PROPER = 3
MIN_BARE_COMPANY = 4
MAX_LISTED = 6


def legal_names(text: str) -> list[str]:
    """Full company names ending in a legal form, in order of appearance."""
    out: list[str] = []
    for match in LEGAL.finditer(text):
        name = LEADING_VERB.sub("", clean(name_before(text, match.start()) + match.group()).lstrip("了的"))
        core = name[: -len(match.group())]
        if len(core) < 2 or is_masked(name) or core in p.GENERIC_FIRMS or name.endswith(p.FIRM_CATEGORY_ENDINGS):
            continue
        if match.group() == "集团" and core.endswith(p.GROUP_CATEGORY_CORES):
            continue  # "控股集团", "城市医疗集团", "中小学集团": a kind of group, no firm's name
        if match.group() == "集团" and len(core) > 6:
            continue
        if match.group() == "公司" and (len(core) < MIN_BARE_COMPANY or core.endswith(("子", "分", "该", "本"))
                                        or any(w in core for w in p.GENERIC_FIRM_WORDS)):
            continue
        if name not in out:
            out.append(name)
    return [n for n in out if not any(n != m and n in m for m in out)]  # 四川…集团 inside 四川…集团…有限公司


#: Verbs of policy text before a firm's name ("做强省纺织集团", "组建省物流集团"): not its words.
LEADING_VERB = re.compile("^(?:" + "|".join(p.FIRM_LEADING_VERBS) + ")")
COUNTRY = re.compile("^(?:" + "|".join(sorted(p.COUNTRIES, key=len, reverse=True)) + ")")


def without_country(name: str) -> str:
    """A firm's name without the country word before it: 德国甲乙传动 → 甲乙传动 (中德甲乙 stays).

    >>> without_country("韩国晓丰化学"), without_country("中德甲乙"), without_country("德国")
    ('晓丰化学', '中德甲乙', '德国')
    """
    match = COUNTRY.match(name)
    return name[match.end() :] if match and len(name) - match.end() >= MIN_BRAND else name


def short_name_prefix(name: str) -> str | None:
    """The company short name a project name starts with (brand + industry word), if any.

    When the industry word opens a compound (新开普智能制造基地), the company is the brand
    alone, provided the brand is a proper name (not one dictionary word such as 新一代).
    """
    for brand_len in range(MIN_BRAND, MAX_BRAND + 1):
        brand = name[:brand_len]
        if brand in p.NOT_BRAND or not CJK_ONLY.fullmatch(brand) or brand.startswith(NOT_BRAND_OPENINGS):
            continue
        for word in INDUSTRY_BY_FIRST.get(name[brand_len : brand_len + 1], ()):
            if name.startswith(word, brand_len):
                rest = name[brand_len + len(word) :]
                if not rest.startswith(COMPOUND_AFTER):
                    return name[: brand_len + len(word)]
                return brand if brand_len >= MIN_PROPER and _proper(brand) else None
    return None


def _proper(word: str) -> bool:
    """Not a single dictionary word: a coined name that jieba splits (新开普 → 新/开/普)."""
    toks = tokens(word)
    return len(toks) > 1 or toks[0].flag.rstrip("?") in ("nr", "nz", "nrt", "x")


def place_prefix(name: str) -> str | None:
    """The company before a place in a project name: 上汽河南总部基地 → 上汽, 华夏长风（郑州）… → 华夏长风."""
    for tok in tokens(name):
        if tok.start < MIN_BRAND:
            continue
        word = tok.word.strip("（）()").removesuffix("市")
        in_parens = tok.word == "（" and name[tok.start + 1 : tok.start + 3] in places()
        if (tok.flag == "ns" and word in places()) or in_parens:
            head = name[: tok.start]
            if MIN_BRAND <= len(head) <= MAX_BRAND and head not in p.NOT_BRAND and not _generic(head):
                return head if not any(w in head for w in p.GENERIC_PROJECT_WORDS if len(w) >= 2) else None
            return None
    return None


FIRM_LIST = re.compile(
    rf"(?:{'|'.join(p.FIRM_LIST_BEFORE)})((?:[\u4e00-\u9fff]{{2,8}}、)*[\u4e00-\u9fff]{{2,8}}?)"
    rf"(?={'|'.join(p.FIRM_LIST_AFTER)})"
)


def supported_firms(text: str) -> list[str]:
    """Firms in "支持济钢、北方特钢实施…": two or more named items, or one that looks like a firm."""
    out: list[str] = []
    for match in FIRM_LIST.finditer(text):
        items = match.group(1).split("、")
        names = [i for i in items if _firm_like(i)]
        if len(names) != len(items):
            continue
        if len(names) >= 2 or short_name_prefix(names[0]) == names[0]:
            out += names
    return out


def _firm_like(item: str) -> bool:
    if len(item) > MAX_LISTED or _generic(item) or is_masked(item) or item in p.NOT_BRAND:
        return False
    if item.endswith(PLACE_ENDINGS):  # "支持甲市、乙丙两市实施…": places
        return False
    if any(item.startswith(w) for w in p.NOT_BRAND if len(w) >= 2):
        return False
    return not any(tok.flag in ("v", "vn", "d", "a", "ad", "m") for tok in tokens(item))


def listed_firms(text: str) -> list[str]:
    """Items of "A、B、C等N家企业": each item that is not a category is a company."""
    out: list[str] = []
    for match in LIST_OF_FIRMS.finditer(text):
        counted = bool(re.search(r"家", match.group()))
        items = list_before(text, match.start())
        if (match.group("bare") and len(items) < 2) or INDUSTRY_ITEMS.search(match.group()):
            continue  # "引进3家企业" names no firm; "钢铁、石化等上下游产业700多家企业" lists industries
        for item, _ in items:
            item = clean(trim_leading(INSIDE_AREA.sub("", item)))
            if 2 <= len(item) <= 15 and not is_masked(item) and not _generic(item) and (counted or _coined(item)):
                out.append(item)
    return out


def _coined(item: str) -> bool:
    """A coined name, not a dictionary word (大数据, 人工智能) or a place: firms without a count."""
    toks = tokens(item)
    if any(tok.flag == "ns" or tok.word in places() for tok in toks):
        return False
    return any(_proper_word(tok) for tok in toks)


def _proper_word(tok: Token) -> bool:
    """A word jieba guessed (a new word) or knows as a proper noun."""
    return tok.flag.endswith("?") or tok.flag in PROPER_FLAGS


def coined_firm(item: str) -> bool:
    """A short coined name standing for a firm (坤泰, 欣盛 in "A、B等一批重点项目"): two to four
    characters that jieba knows no common word in, or splits into single characters."""
    if not 2 <= len(item) <= MAX_COINED or _generic(item) or not re.fullmatch(r"[\u4e00-\u9fff]+", item):
        return False
    toks = tokens(item)
    if any(len(tok.word) >= 2 and (tok.flag in ("ns", "m") or tok.word in places()) for tok in toks):
        return False
    return all(len(tok.word) == 1 for tok in toks) or toks[0].flag.endswith("?")


def appositive_firms(text: str) -> list[str]:
    """Firms named after 龙头企业/领军企业 and before what they did: "龙头企业某某汽车完成产值…"."""
    out = []
    for match in APPOSITIVE_FIRM.finditer(text):
        name = match.group(1)
        if any(_proper_word(tok) for tok in tokens(name)):
            out.append(name)
    return out


def is_infrastructure(item: str) -> bool:
    """A piece of infrastructure (甲乙铁路, 丙丁铁路某段, 戊己水库): a project, never a firm."""
    return any(head in item for head in p.INFRASTRUCTURE_HEADS)


def _generic(item: str) -> bool:
    """A category of firms (龙头企业), a word no brand is, or a piece of infrastructure."""
    return item.endswith(p.GENERIC_FIRMS) or item in p.NOT_BRAND or is_infrastructure(item)


def find(sentence: Sentence) -> list[Mention]:
    """Company mentions in a sentence: legal names and listed firms."""
    text = sentence.text
    names = legal_names(text) + listed_firms(text) + supported_firms(text) + appositive_firms(text)
    seen: list[str] = []
    for name in map(without_country, names):
        if name not in seen:
            seen.append(name)
    return [Mention(Kind.COMPANY, name, sentence.index) for name in seen]
