"""People: names next to a post (管委会副主任赵毅, 楼阳生书记) or a reporting verb (据王德敏介绍).

Only words jieba tags as personal names (``nr``) of two or three characters count,
so slogans and titles alone never become people.

>>> [(m.label, role) for m, role in people_in("党工委委员、管委会副主任赵毅就分管领域工作进行了通报")]
[('赵毅', '管委会副主任')]
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.text.segment import cued_tokens, tokens
from kg.types import Fact, Kind, Mention, Sentence

TITLES = tuple(sorted(p.PERSON_TITLES, key=len, reverse=True))
HAS_CUE = re.compile("|".join(map(re.escape, (*p.PERSON_TITLES, *p.PERSON_VERBS, *p.BYLINE_WORDS, "据"))))
NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
MAX_ROLE = 12
MAX_BYLINE = 30


def people_in(text: str) -> list[tuple[Mention, str | None]]:
    """``(person, role)`` pairs: names right after or before a post, or before a reporting verb."""
    if not HAS_CUE.search(text):
        return []
    byline = text.startswith(p.BYLINE_WORDS) and len(text) <= MAX_BYLINE
    # A cue stands in the same run as the name it marks: only those runs need words.
    toks = tokens(text) if byline else cued_tokens(text, HAS_CUE)
    out: list[tuple[Mention, str | None]] = []
    for k, tok in enumerate(toks):
        if tok.word not in p.SURNAMES and not tok.flag.startswith("nr"):
            continue  # what _name_at needs: a personal-name word, or a surname
        name, last = _name_at(toks, k)
        if not name:
            continue
        role = _role_before(text, tok.start) or _role_after(toks, last)
        verb = last + 1 < len(toks) and toks[last + 1].word in p.PERSON_VERBS
        cued = role or verb or (k and toks[k - 1].word == "据") or (byline and tok.flag.startswith("nr"))
        if cued and name not in [m.label for m, _ in out]:
            out.append((Mention(Kind.PERSON, name, 0), role))
    return out


def _name_at(toks: tuple, k: int) -> tuple[str | None, int]:  # type: ignore[type-arg]
    """A personal name at token ``k`` and the index of its last token.

    A jieba ``nr`` word of two or three characters, or a common surname that jieba split
    off its given name (张 + 良才), when a post stands right before it.
    """
    tok = toks[k]
    if tok.flag.startswith("nr") and NAME.match(tok.word):
        return tok.word, k
    if tok.word in p.SURNAMES and k + 1 < len(toks) and k > 0 and toks[k - 1].word in p.PERSON_TITLES:
        given = toks[k + 1].word
        if 1 <= len(given) <= 2 and NAME.match(tok.word + given):
            return tok.word + given, k + 1
    return None, k


def _role_before(text: str, start: int) -> str | None:
    head = text[:start]
    for title in TITLES:
        if head.endswith(title):
            chunk = re.split(r"[，。；、,;\s(（)）]", head)[-1]
            return chunk if 0 < len(chunk) <= MAX_ROLE else title
    return None


def _role_after(toks: tuple, k: int) -> str | None:  # type: ignore[type-arg]
    nxt = toks[k + 1].word if k + 1 < len(toks) else ""
    return nxt if nxt in p.PERSON_TITLES else None


CJK_NAME = r"[\u4e00-\u9fff]{2,3}"
SPEECH = "说|表示|介绍|感慨|指出|强调|认为|坦言|告诉记者"
#: Names that a pattern of the genre marks: after a post and before a verb of speech, in a
#: byline ((潘睿 报道), 【作者:陈静】, □郭文丹, (王经纬摄)), or in a list of leaders.
POSTS = "|".join(sorted(p.PERSON_TITLES, key=len, reverse=True))
#: Names a post and a verb of speech (or a preposition opening what the person did) enclose: the
#: name needs no common surname ("党工委书记丙丁戊介绍说", "管委会主任甲乙丙在仪式上说").
ENCLOSED = (
    re.compile(rf"(?:{POSTS})({CJK_NAME})(?={SPEECH})"),
    re.compile(rf"(?:{POSTS})([\u4e00-\u9fff]{{2}}(?:(?![在就对向和与])[\u4e00-\u9fff])?)(?=在|就|对|向)"),
)
#: Names in a credit line: "(责编:甲乙、丙丁)", "(首席记者 甲乙 实习生 丙丁)", "甲乙丙/摄".
CREDIT_WORDS = ("首席记者", "责编", "编辑", "记者", "通讯员", "实习生", "摄影")
CREDIT = re.compile(rf"(?:{'|'.join(CREDIT_WORDS)})[:：\s]*((?:[\u4e00-\u9fff]{{2,3}}[、\s]+)*[\u4e00-\u9fff]{{2,3}})"
                    r"(?=[)）】]|$)")
PHOTO_CREDIT = re.compile(rf"(?<![\u4e00-\u9fff])({CJK_NAME})/摄")
NAME_PATTERNS = (
    re.compile(rf"(?:记者|通讯员|作者|编辑|摄影)[:：]?({CJK_NAME})(?=[】\])）]|$|记者|通讯员|编辑|摄影)"),
    re.compile(rf"^[（(]({CJK_NAME})[）)]"),
    re.compile(rf"[（(]({CJK_NAME})报道[）)]"),
    re.compile(rf"□({CJK_NAME})"),
    re.compile(rf"[（(]({CJK_NAME})摄[）)]"),
)
LEADER_LIST = re.compile(rf"领导((?:{CJK_NAME}、)+{CJK_NAME})(?=等|参加|出席|陪同|一同)")


def marked_names(text: str) -> list[str]:
    """Names marked by the genre's patterns, in order."""
    names = [m.group(1) for pattern in NAME_PATTERNS for m in pattern.finditer(text)]
    for match in LEADER_LIST.finditer(text):
        names += match.group(1).split("、")
    surnamed = [n for n in names if n[0] in p.SURNAMES or len(n) == 2]
    enclosed = [m.group(1) for pattern in ENCLOSED for m in pattern.finditer(text)]
    credited = [n for m in [*CREDIT.finditer(text), *PHOTO_CREDIT.finditer(text)]
                for n in re.split(r"[、\s]+", m.group(1)) if n not in CREDIT_WORDS]
    return list(dict.fromkeys(surnamed + enclosed + credited))


def find(sentence: Sentence) -> list[Mention | Fact]:
    """Person mentions, with their post as a ``role`` fact."""
    out: list[Mention | Fact] = []
    marked = marked_names(sentence.text)
    for name in marked:
        out.append(Mention(Kind.PERSON, name, sentence.index))
    for person, role in people_in(sentence.text):
        if any(person.label != m and (person.label in m or person.label.startswith(m)) for m in marked):
            continue  # jieba cut the name short (陈立 of 陈立韬) or too long (苏凌说)
        mention = Mention(Kind.PERSON, person.label, sentence.index)
        out.append(mention)
        if role:
            out.append(Fact(mention, "role", role, sentence.index))
    return out
