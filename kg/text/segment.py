"""Split normalised text into sentences and clauses; tokenise with jieba.

jieba is imported lazily, on the first call to :func:`tokens`, so commands that
only read an existing graph (``kg query``) never pay for loading it.

>>> [s.text for s in sentences("今年上半年，实现营业收入9亿元。新增企业3家！")]
['今年上半年，实现营业收入9亿元。', '新增企业3家！']
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from kg.types import Sentence

SENTENCE_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")
CLAUSE_SEP = re.compile(r"[，；,;：:]")


#: Common surnames: a new two- or three-character word opening with one is a personal name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
#: Tags of single characters that never open a name (prepositions, particles, conjunctions).
FUNCTION_TAGS = frozenset(("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv"))


class Token(NamedTuple):
    """A jieba word with its part-of-speech flag and offset in its sentence."""

    word: str
    flag: str
    start: int


def sentences(text: str) -> list[Sentence]:
    """Split normalised text at 。！？ and paragraph breaks into :class:`Sentence` values."""
    out: list[Sentence] = []
    for match in SENTENCE_END.finditer(text):
        chunk = match.group().rstrip("\n")
        stripped = chunk.strip()
        if not stripped:
            continue
        start = match.start() + chunk.index(stripped)
        out.append(Sentence(len(out), stripped, start, start + len(stripped)))
    return out


@lru_cache(maxsize=4096)
def clauses(text: str) -> tuple[tuple[int, str], ...]:
    """Split a sentence at ，；： into ``(offset, clause)`` pairs, quotes kept intact."""
    out: list[tuple[int, str]] = []
    start = 0
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘《（(":
            depth += 1
        elif ch in "”’》）)":
            depth = max(0, depth - 1)
        elif depth == 0 and CLAUSE_SEP.match(ch):
            out.append((start, text[start:i]))
            start = i + 1
    out.append((start, text[start:]))
    return tuple((off, c) for off, c in out if c)


class _Tags:
    """jieba's dictionary tags: the user dictionary's over jieba.posseg's (two plain dicts, no ChainMap)."""

    def __init__(self, user: dict[str, str], base: dict[str, str]) -> None:
        self.user, self.base = user, base

    def get(self, word: str) -> str | None:
        return self.user.get(word) or self.base.get(word)

    def __contains__(self, word: str) -> bool:
        return word in self.user or word in self.base


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    """Load jieba once, quietly, with ZoneGraph's domain dictionary; returns (tokenizer, tags)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    userdict = resources.files("kg") / "resources" / "userdict.txt"
    with resources.as_file(userdict) as path:
        jieba.load_userdict(str(path))
    return jieba.dt, _Tags(jieba.dt.user_word_tag_tab, jieba.posseg.dt.word_tag_tab)


def _flag(word: str, tags: _Tags) -> str:
    """A word's part-of-speech flag from jieba's dictionary, or a guess for a new word.

    Words jieba found with its HMM are new: a two- or three-character one that opens with a
    common surname is taken for a personal name, any other for a proper noun.  Guessed flags
    end in ``?`` ("nr?", "nz?"), so rules can tell them from the dictionary's.
    """
    tag = tags.get(word)
    if tag:
        return tag
    if not word.strip() or not any("\u4e00" <= ch <= "\u9fff" for ch in word):
        return "m" if word.replace(".", "").isdigit() else ("eng" if word.isascii() and word.isalnum() else "x")
    return "nr?" if 2 <= len(word) <= 3 and word[0] in SURNAMES else "nz?"


#: Each word jieba emits, once tagged and split: words repeat, their analysis does not change.
_PARTS: dict[str, tuple[tuple[str, str], ...]] = {}


def _parts(word: str) -> tuple[tuple[str, str], ...]:
    """``(word, flag)`` pairs for one word jieba emitted (two when it opens with a function word)."""
    done = _PARTS.get(word)
    if done is None:
        tags = _jieba()[1]
        done = _PARTS[word] = tuple((part, _flag(part, tags)) for part in _split_function_word(word, tags))
    return done


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[Token, ...]:
    """Segment ``text`` with jieba, with part-of-speech flags and offsets.

    jieba's fast segmenter (with its HMM for new words) plus its dictionary's tags: the
    part-of-speech HMM of jieba.posseg would cost several times the segmentation itself.
    """
    tokenizer = _jieba()[0]
    out: list[Token] = []
    pos = 0
    for word in tokenizer.cut(text):
        for part, flag in _parts(word):
            out.append(Token(part, flag, pos))
            pos += len(part)
    return tuple(out)


def _split_function_word(word: str, tags: _Tags) -> tuple[str, ...]:
    """A new word that opens with a preposition or particle (以钢…) is two words: 以 + 钢…."""
    if len(word) > 1 and word not in tags and tags.get(word[0]) in FUNCTION_TAGS:
        return (word[0], word[1:])
    return (word,)
