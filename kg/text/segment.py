"""Split normalised text into sentences and clauses; tokenise with jieba.

jieba is imported lazily, on the first call to :func:`tokens`, so commands that
only read an existing graph (``kg query``) never pay for loading it.

>>> [s.text for s in sentences("今年上半年，实现营业收入9亿元。新增企业3家！")]
['今年上半年，实现营业收入9亿元。', '新增企业3家！']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import NamedTuple, TypeVar

from kg.types import Sentence

SENTENCE_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")
CLAUSE_SEP = re.compile(r"[，；,;：:]")
OPENING = re.compile(r"[“‘《（(”’》）)]")


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


_START = attrgetter("start")
T = TypeVar("T")


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


#: The current document's runs, texts and sentences, analysed: cleared by :func:`new_document`.
_RUNS: dict[str, tuple[tuple[str, str], ...]] = {}
_TOKENS: dict[str, tuple[Token, ...]] = {}
_CLAUSES: dict[str, tuple[tuple[int, str], ...]] = {}
_BOUNDARIES: dict[str, tuple[int, ...]] = {}
#: A bound on the texts remembered when nothing calls :func:`new_document`.
MAX_MEMO = 200_000


def _keep(memo: dict[str, T], key: str, value: T) -> T:
    """Remember ``value`` for the current document (up to :data:`MAX_MEMO` entries); return it."""
    if len(memo) < MAX_MEMO:
        memo[key] = value
    return value


def new_document() -> None:
    """Forget the previous document's segmentation (memory stays bounded by one document).

    Work is shared between the sentences, clauses and names of one report, never across
    reports: a corpus whose reports repeat each other is not segmented faster than any other.
    """
    _RUNS.clear()
    _TOKENS.clear()
    _CLAUSES.clear()
    _BOUNDARIES.clear()


def clauses(text: str) -> tuple[tuple[int, str], ...]:
    """Split a sentence at ，；： into ``(offset, clause)`` pairs, quotes kept intact."""
    done = _CLAUSES.get(text)
    return done if done is not None else _keep(_CLAUSES, text, _clauses(text))


def _clauses(text: str) -> tuple[tuple[int, str], ...]:
    if not OPENING.search(text):
        return _plain_clauses(text)
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


def _plain_clauses(text: str) -> tuple[tuple[int, str], ...]:
    """:func:`clauses` of a sentence without quotes or brackets."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in CLAUSE_SEP.finditer(text):
        if match.start() > start:
            out.append((start, text[start : match.start()]))
        start = match.end()
    if start < len(text):
        out.append((start, text[start:]))
    return tuple(out)


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


#: jieba cuts only runs of these characters (its ``re_han_default``); every other character
#: is a word of its own, and whitespace runs are kept whole.  Each run is segmented on its
#: own, so a run's words are the same in a sentence, in one of its clauses, or in a window.
HAN_RUN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
SPACE = re.compile(r"(\r\n|\s)")


def _run_parts(run: str) -> tuple[tuple[str, str], ...]:
    """``(word, flag)`` pairs of one run of Han, Latin or digit characters."""
    done = _RUNS.get(run)
    if done is not None:
        return done
    return _keep(_RUNS, run, tuple(pair for word in _jieba()[0].cut(run) for pair in _parts(word)))


def _other_parts(text: str) -> tuple[tuple[str, str], ...]:
    """``(word, flag)`` pairs of text between runs, split as jieba does: whitespace whole, others one by one."""
    done = _RUNS.get(text)  # never a run's text: runs and the text between them share no character
    if done is not None:
        return done
    out: list[tuple[str, str]] = []
    for piece in SPACE.split(text):
        if SPACE.fullmatch(piece):
            out.extend(_parts(piece))
        else:
            for ch in piece:
                out.extend(_parts(ch))
    return _keep(_RUNS, text, tuple(out))


_new_token = tuple.__new__  # Token(word, flag, start) without NamedTuple's Python-level __new__


def tokens(text: str) -> tuple[Token, ...]:
    """Segment ``text`` with jieba, with part-of-speech flags and offsets.

    jieba's fast segmenter (with its HMM for new words) plus its dictionary's tags: the
    part-of-speech HMM of jieba.posseg would cost several times the segmentation itself.
    The words are those of ``jieba.cut(text)``.
    """
    done = _TOKENS.get(text)
    if done is not None:
        return done
    out: list[Token] = []
    pos = 0
    append = out.append
    for n, piece in enumerate(HAN_RUN.split(text)):
        if not piece:
            continue
        for word, flag in _run_parts(piece) if n % 2 else _other_parts(piece):
            append(_new_token(Token, (word, flag, pos)))
            pos += len(word)
    return _keep(_TOKENS, text, tuple(out))


def boundaries(text: str) -> tuple[int, ...]:
    """The offsets where a jieba word of ``text`` starts, and ``len(text)``, in order."""
    done = _BOUNDARIES.get(text)
    if done is None:
        done = _keep(_BOUNDARIES, text, (*(t.start for t in tokens(text)), len(text)))
    return done


def span_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The words of the whole text that overlap ``text[start:end]`` (the first and last may reach
    outside it), at their offsets in ``text``: no new segmentation for a span of a segmented text.

    >>> [t.word for t in span_tokens("新建光伏发电项目", 2, 6)]
    ['光伏', '发电']
    >>> [t.word for t in span_tokens("新建光伏发电项目", 3, 5)]
    ['光伏', '发电']
    """
    toks = tokens(text)
    i = max(0, bisect_right(toks, start, key=_START) - 1)
    j = bisect_left(toks, end, key=_START)
    return toks[i:j]


def cued_tokens(text: str, cue: re.Pattern[str]) -> list[Token]:
    """The words of only those runs of ``text`` in which ``cue`` finds something, at their offsets.

    jieba cuts each run of Han, Latin and digit characters on its own, so these are the words
    the runs have in the whole text; a rule that reads a word and its neighbours in one run
    needs nothing else.  Each kept run is followed by an empty ``x`` token, so no rule reads
    across two runs that are not adjacent.

    >>> [t.word for t in cued_tokens("会议强调，王娜说要加快建设", re.compile("说"))]
    ['王娜', '说', '要', '加快', '建设', '']
    """
    out: list[Token] = []
    for run in HAN_RUN.finditer(text):
        if cue.search(run.group()):
            start = run.start()
            out.extend(_new_token(Token, (t.word, t.flag, t.start + start)) for t in tokens(run.group()))
            out.append(_new_token(Token, ("", "x", run.end())))
    return out


def tokens_before(text: str, end: int, since: int = 0) -> tuple[Token, ...] | None:
    """The words of ``text[since:end]`` at their offsets in ``text``, when a word ends right at
    ``end``; else None.  ``since`` must fall on a character jieba never joins to a word
    (punctuation): then only the runs from there to ``end`` are segmented.

    >>> [t.word for t in tokens_before("新建光伏发电项目", 6)]
    ['新建', '光伏', '发电']
    >>> [(t.word, t.start) for t in tokens_before("引进华信、恒达电子项目", 9, since=4)]
    [('、', 4), ('恒达', 5), ('电子', 7)]
    """
    run = HAN_RUN.match(text, end) if 0 < end < len(text) and HAN_RUN.match(text, end - 1) else None
    stop = run.end() if run else end  # the whole run that ``end`` falls in
    toks = tokens(text[since:stop])
    k = bisect_left(toks, end - since, key=_START)
    if k < len(toks) and toks[k].start != end - since:
        return None
    if k == len(toks) and end != stop:
        return None
    if not since:
        return toks[:k]
    return tuple(_new_token(Token, (t.word, t.flag, t.start + since)) for t in toks[:k])


def _split_function_word(word: str, tags: _Tags) -> tuple[str, ...]:
    """A new word that opens with a preposition or particle (以钢…) is two words: 以 + 钢…."""
    if len(word) > 1 and word not in tags and tags.get(word[0]) in FUNCTION_TAGS:
        return (word[0], word[1:])
    return (word,)
