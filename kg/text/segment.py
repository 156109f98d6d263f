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


def clauses(text: str) -> list[tuple[int, str]]:
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
    return [(off, c) for off, c in out if c]


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    """Load jieba once, quietly, with ZoneGraph's domain dictionary."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    userdict = resources.files("kg") / "resources" / "userdict.txt"
    with resources.as_file(userdict) as path:
        jieba.load_userdict(str(path))
    return jieba.posseg


def add_words(words: list[str], flag: str = "nz") -> None:
    """Teach jieba names found by strong patterns, so weak contexts segment them whole."""
    posseg = _jieba()
    for word in words:
        posseg.jieba.add_word(word, freq=1000, tag=flag)
    tokens.cache_clear()


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Segment ``text`` with jieba (with part-of-speech flags and offsets)."""
    out: list[Token] = []
    pos = 0
    for pair in _jieba().cut(text):
        out.append(Token(pair.word, pair.flag, pos))
        pos += len(pair.word)
    return tuple(out)
