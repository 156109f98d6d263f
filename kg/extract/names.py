"""Shared helpers for finding the extent of a name and reading numbers.

>>> name_before("推动恒达智能规划建设新项目", 11)
'新'
>>> to_decimal("5200"), to_decimal("十三"), to_decimal("两百")
(Decimal('5200'), Decimal('13'), Decimal('200'))
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from kg.extract import patterns as p
from kg.text.segment import Token, tokens, tokens_before

LIST_SEPARATORS = ("、", "及", "和", "与")
PUNCT = set("，。；：、！？,.;:!?“”‘’\"'《》〈〉「」『』【】—…\n ")
#: Punctuation a name never spans (brackets may stand inside one): no word before it matters.
STOPS = tuple(sorted(PUNCT - set("（）() .\n")))
MAX_NAME = 30
#: How much text before a name's end is segmented to find its start.
WINDOW = MAX_NAME + 10


def is_masked(text: str) -> bool:
    """True when ``text`` contains a placeholder such as ``**`` or ``xx``."""
    return bool(p.MASK.search(text))


def clean(label: str) -> str:
    """A label as written, without whitespace and without quotes wrapping the whole of it."""
    label = re.sub(r"\s+", "", label)
    while len(label) > 2 and label[0] in "“\"‘" and label[-1] in "”\"’" and _balanced(label[1:-1]):
        label = label[1:-1]
    return label


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and "”" not in text[: text.find("“") + 1 or None]


def to_decimal(text: str) -> Decimal | None:
    """Parse an Arabic or small Chinese number; ``None`` when it is masked or not a number."""
    text = unicodedata.normalize("NFKC", text)
    if is_masked(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return _chinese_number(text)


def _chinese_number(text: str) -> Decimal | None:
    """Parse Chinese numerals below 10,000: 三, 十三, 二十五, 百, 两百, 一千二百."""
    if not text or any(ch not in p.CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        elif digit is not None:
            return None  # two digits in a row (一二) is not a number
        else:
            digit = p.CN_DIGITS[ch]
    return Decimal(total + (digit or 0))


CN_UNITS = {"十": 10, "百": 100, "千": 1000}


JOINERS = ("及", "与", "和")


def name_before(text: str, end: int, join: bool = False) -> str:
    """The name that ends at ``text[end]``: walk jieba tokens left until a boundary.

    A boundary is punctuation, a verb or function word of the genre
    (:data:`patterns.NAME_BOUNDARY_WORDS`), a count ("5个") or a masked token.
    Short parenthesised parts such as "（郑州）" stay inside the name.
    """
    head = text[:end]
    if head.endswith("”") and "“" in head:
        quoted = head[head.rindex("“") + 1 : -1]
        return quoted if quoted and len(quoted) <= MAX_NAME else ""
    toks = tokens_before(text, end, since=max(0, *map(head.rfind, STOPS))) or _tail_tokens(head)
    start = end
    i = len(toks) - 1
    while i >= 0:
        tok = toks[i]
        if tok.word in ("）", ")"):
            j = _matching_open(toks, i)
            if j is None:
                break
            start, i = toks[j].start, j - 1
            continue
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        if is_masked(tok.word):
            return ""
        if join and tok.word in JOINERS and i > 0 and "项目" not in head[: tok.start][-12:] and not _is_boundary(
            toks[i - 1].word, tok.word
        ) and not toks[i - 1].word.endswith(p.FACILITY_ENDINGS):
            start = tok.start  # "储能电池材料及配套项目": a conjunction inside one name
            i -= 1
            continue
        if _is_boundary(tok.word, nxt) or tok.flag in BOUNDARY_FLAGS or end - tok.start > MAX_NAME:
            if nxt in COUNTERS and start == toks[i + 1].start:
                start += len(nxt)
            break
        start = tok.start
        i -= 1
    phrase_start = max((head.rfind(ch, 0, start) for ch in "，。；、,;：:"), default=-1)
    if is_masked(head[phrase_start + 1 : start].rpartition("的")[2]):
        return ""  # the name is the tail of a masked phrase ("**云盾服务全球中心")
    return head[start:]


def _tail_tokens(head: str) -> tuple[Token, ...]:
    """Tokens of the last :data:`WINDOW` characters of ``head``, at their offsets in ``head``.

    A name is at most :data:`MAX_NAME` long, so the words before the window never matter,
    and segmenting only the tail keeps the cost per name constant in long sentences.
    """
    k = max(0, len(head) - WINDOW)
    if not k:
        return tokens(head)
    return tuple(Token(t.word, t.flag, t.start + k) for t in tokens(head[k:]))


#: An item's own amount written before it in a list: "投资70亿元的…".
ITEM_ATTRIBUTE = re.compile(r"(?:总)?投资(?:额)?(?:约|达)?[\d.]+(?:亿元|万元)的$")


def list_before(clause: str, end: int) -> list[tuple[str, int]]:
    """Names of a "A、B、C" list that ends at ``end`` with their start offsets."""
    last = name_before(clause, end)
    start = end - len(last)
    items = [(last, start)]
    while start > 0:
        own = ITEM_ATTRIBUTE.search(clause, 0, start)  # "投资70亿元的甲乙信息港、投资50亿元的丙丁汽车"
        at = own.start() if own else start
        if at == 0 or clause[at - 1] not in LIST_SEPARATORS:
            break
        start = at
        prev = name_before(clause, start - 1)
        if not prev:
            break
        start = start - 1 - len(prev)
        items.insert(0, (prev, start))
    return [(clean(name), s) for name, s in items if name]


def _matching_open(toks: tuple, i: int) -> int | None:  # type: ignore[type-arg]
    """Index of the "（" that opens the short parenthesis closed at ``toks[i]``."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if toks[j].word in ("（", "("):
            return j if j > 0 else None
        if toks[j].word in PUNCT:
            return None
    return None


#: jieba flags that never occur inside a name: conjunctions, particles,
#: adverbs, time words, pronouns.
BOUNDARY_FLAGS = frozenset(("u", "d", "t", "uj", "ul", "uz", "ud", "ug", "uv"))
#: jieba flags of words that say what is done, not what it is done to.
ACTION_FLAGS = frozenset(("v", "vn", "vd", "d", "ad", "a"))
COUNTERS = ("个", "家", "项", "批", "期", "亿元", "万元", "亿美元", "万美元", "%", "年", "月", "日")


def _is_boundary(word: str, nxt: str) -> bool:
    """True when ``word`` (followed by ``nxt``) cannot be part of a name."""
    if word in p.NAME_BOUNDARY_WORDS or is_masked(word):
        return True
    if all(ch in PUNCT for ch in word):
        return True
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return nxt.startswith(COUNTERS)
    return bool(re.fullmatch(r"\d+(?:\.\d+)?(?:个|家|项|批|期|%|亿元|万元)", word))


def is_action_only(name: str) -> bool:
    """True when every word of ``name`` is a verb, adverb or adjective (坚持, 牢牢抓住)."""
    toks = tokens(name)
    return bool(toks) and all(t.flag in ACTION_FLAGS for t in toks)


def without_actions(name: str) -> str:
    """``name`` without its verbs and adverbs (申报专项债 → 专项债)."""
    return "".join(t.word for t in tokens(name) if t.flag not in ACTION_FLAGS)


LEADING_FLAGS = frozenset(("v", "vn", "d", "p", "m", "q", "r", "t", "f", "c", "u", "ad"))


APPOSITIVE = re.compile(rf"^[\u4e00-\u9fff]{{2,10}}?(?:{'|'.join(p.APPOSITIVE_HEADS)})(?=[\u4e00-\u9fff]{{4}})")
ENUMERATION = re.compile(r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]是|这是|那是|这|那)")


def trim_leading(name: str) -> str:
    """Drop leading verbs, adverbs, numerals and function words (释放化工园区 → 化工园区)."""
    name = APPOSITIVE.sub("", ENUMERATION.sub("", name))
    toks = tokens(name)
    k = 0
    while k < len(toks) - 1 and toks[k].flag in LEADING_FLAGS:
        k += 1
    return name[toks[k].start :] if toks else name


def strip_generic(name: str, words: tuple[str, ...]) -> str:
    """What remains of ``name`` after removing the generic words of ``words`` (longest first)."""
    rest = name
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(word, "")
    return rest


CLAUSE_VERB = re.compile("|".join(p.VERBS_NEVER_IN_NAMES))
#: A list cut into a name: "甲乙等标志性项目", "丙丁等高铁" (中等, 高等, 一等 are words of names).
LISTED_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![中高平同均对一二三特])等(?=[\u4e00-\u9fff])")
COUNTED_PROJECTS = re.compile(r"(?:[两二三四五六七八九十]+|\d+)(?:大|个)[\u4e00-\u9fff]{0,6}项目$")


def is_entity_name(label: str) -> bool:
    """Whether a label can name a firm, project, park or zone: no verb that says what happened
    to it (荣获, 列入, 来自…; a clause, not a name) and no count of projects (甲乙两大项目).

    >>> names = ("甲乙纺机发力碳纤维装备荣获一等奖", "甲乙集团两大高科技项目", "甲乙汽车项目", "乙)丙新区",
    ...          "丙丁等高铁")
    >>> [is_entity_name(x) for x in names]
    [False, False, True, False, False]
    """
    return (not CLAUSE_VERB.search(label) and not COUNTED_PROJECTS.search(label) and _balanced(label)
            and not LISTED_INSIDE.search(label))


def _balanced(label: str) -> bool:
    """Every bracket a name opens it closes, and none it closes is opened before it (甲乙)丙)."""
    depth = 0
    for ch in label:
        depth += (ch in "(（") - (ch in ")）")
        if depth < 0:
            return False
    return depth == 0
