"""Candidate names: generous, genre-wide rules that over-generate spans for the model to decide.

A candidate is a span of one sentence with the names of the rules that proposed it.  The
rules of :mod:`kg.extract` propose their mentions; the tables here add the spans they leave
out: the items of a list ("A、B、C等13家…"), names ending in a class suffix with every word
boundary as a possible start, quoted titles, awards ("…奖"), and names after a cue verb
(引进/签约/落户…).  Most candidates are wrong; the model keeps the right ones.

>>> spans = {c.text for c in candidates(Sentence(0, "甲乙科技、丙丁电子等13家企业签约入园。", 0, 0), [])}
>>> {"甲乙科技", "丙丁电子"} <= spans
True
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.extract import patterns as p
from kg.extract.names import is_masked
from kg.learn import pretrained
from kg.learn.pretrained import Words
from kg.text.segment import boundaries, span_tokens
from kg.types import Kind, Mention, Sentence

#: The classes the model decides; the others (Person, Organization, Cluster) stay with the rules.
DECIDED = (Kind.ZONE, Kind.COMPANY, Kind.PROJECT, Kind.PARK, Kind.HONOR)
MAX_SPAN = 30
MIN_SPAN = 2
#: How far back from a suffix a name may start.
WINDOW = 22
#: At most this many starts per suffix, the nearest ones (a name is seldom more than six words).
MAX_STARTS = 4
#: Characters a name never contains.
NEVER_INSIDE = frozenset("，。；：！？,;:!?、\n“”\"《》")
#: Suffixes that end a name of some class, with the class they suggest (longest first).
SUFFIXES: tuple[tuple[str, str], ...] = tuple(sorted(
    [(s, "Zone") for s in (*p.ZONE_SUFFIXES, *p.MORE_ZONE_SUFFIXES)]
    + [(s, "Park") for s in (*p.PARK_SUFFIXES, *p.MORE_PARK_SUFFIXES)]
    + [(s, "Company") for s in p.LEGAL_FORMS]
    + [(p.PROJECT_SUFFIX, "Project")] + [(s, "Project") for s in p.FACILITY_SUFFIXES]
    + [(s, "Honor") for s in p.AWARD_SUFFIXES],
    key=lambda pair: -len(pair[0]),
))
SUFFIX = re.compile("|".join(dict.fromkeys(re.escape(s) for s, _ in SUFFIXES)))
SUFFIX_CLASS = dict(reversed(SUFFIXES))
#: "A、B、C": a run of at least two items separated by 、.
LIST_RUN = re.compile(r"[^，。；：！？,;:!?、\n“”《》]{1,30}(?:、[^，。；：！？,;:!?、\n“”《》]{1,30})+")
#: Where the last item of a list stops, and the counter after it: "…、丙丁生物等13家企业".
LIST_STOP = re.compile(r"等|以及|及|和|与")
COUNTER = re.compile(r"^[^，。；,;]{0,6}?(?:\d+|[一二三四五六七八九十两百]+)[余多]?([家个项座所])")
COUNTER_CLASS = {"家": "Company", "个": "Project", "项": "Project", "座": "Project", "所": "Project"}
QUOTED = re.compile(r"“([^”]{2,40})”")
#: A clause: the text between two punctuation marks.
CLAUSE = re.compile(r"[^，。；：！？,;:!?、\n“”]+")
MAX_SUBJECT_WORDS = 4
MAX_SUBJECT = 16
SUBJECT_VERB = re.compile("|".join(map(re.escape, p.SUBJECT_VERBS)))
PROPER = frozenset(("nz", "nt", "nr", "nrt"))

#: jieba flags of words that neither open a name (prepositions, adverbs, particles, verbs,
#: numerals, time words, pronouns) nor close one (and verbs, measure words, adjectives…).
NOT_FIRST = frozenset(("p", "d", "uj", "x", "r", "c", "u", "l", "ad", "ul", "vd", "mq", "z", "t", "q", "f", "v",
                       "vn", "a", "m"))
NOT_LAST = frozenset(("v", "vn", "m", "a", "q", "d", "uj", "l", "p", "t", "u", "c", "r", "i", "ad", "mq", "zg",
                      "ul", "vd", "uv", "an", "f", "b"))
CUE_AFTER = re.compile("|".join(map(re.escape, sorted({*p.NAME_CUES_BEFORE, *p.HONOR_TRIGGERS, "荣膺", "上榜"},
                                                         key=len, reverse=True))))
#: How long a name after a cue may be: titles after 获评 run longer than firms after 引进.
CUE_REACH = {**dict.fromkeys(p.NAME_CUES_BEFORE, 14), **dict.fromkeys((*p.HONOR_TRIGGERS, "荣膺", "上榜"), 32)}
#: Hints of candidates whose first words may name a firm (总投资X亿元的甲乙汽车项目 → 甲乙).
PREFIXED = ("suffix:Project", "rule:Project", "list:Project", "suffix:Park", "rule:Park")
MAX_PREFIX_WORDS = 3


@dataclass(frozen=True)
class Candidate:
    """A span ``[start, end)`` of one sentence, with the rules that proposed it."""

    sentence: int
    start: int
    end: int
    text: str
    hints: frozenset[str]


def candidates(sentence: Sentence, mentions: list[Mention], tagged: Words | None = None) -> list[Candidate]:
    """Every candidate name of a sentence: the rules' mentions plus the generous proposals
    (and the named entities of a pretrained tagger, when its words ``tagged`` are given)."""
    found: dict[tuple[int, int], set[str]] = {}
    text = sentence.text
    for mention in mentions:
        if mention.kind in DECIDED:
            at = text.find(mention.label)
            if at >= 0:
                found.setdefault((at, at + len(mention.label)), set()).add(f"rule:{mention.kind.value}")
    for (start, end), hint in [*_proposals(text), *(pretrained.spans(tagged) if tagged else [])]:
        found.setdefault((start, end), set()).add(hint)
    for (start, end), hints in list(found.items()):
        if any(h.startswith(PREFIXED) for h in hints):
            for cut in _ends(text, start, end)[:MAX_PREFIX_WORDS]:
                if cut < end:
                    found.setdefault((start, cut), set()).add("prefix")
    out = []
    for (start, end), hints in sorted(found.items()):
        span = text[start:end]
        if not MIN_SPAN <= len(span) <= MAX_SPAN or is_masked(span):
            continue
        if not any(h.startswith("rule:") for h in hints) and not _word_like(text, start, end):
            continue
        out.append(Candidate(sentence.index, start, end, span, frozenset(hints)))
    return out


def _word_like(text: str, start: int, end: int) -> bool:
    """A span whose first and last words may open and close a name (not 在…, not …的, not 建设…)."""
    toks = span_tokens(text, start, end)
    return bool(toks) and toks[0].flag not in NOT_FIRST and toks[-1].flag not in NOT_LAST


def _proposals(text: str) -> list[tuple[tuple[int, int], str]]:
    return [*_suffixed(text), *_listed(text), *_quoted(text), *_cued(text), *_subjects(text)]


def _subjects(text: str) -> list[tuple[tuple[int, int], str]]:
    """The opening words of a clause, before its first verb: "甲乙纺机荣获…", "丙丁机械发力…"."""
    out = []
    for clause in CLAUSE.finditer(text):
        start = clause.start()
        if not SUBJECT_VERB.search(text, start + MIN_SPAN, min(clause.end(), start + MAX_SUBJECT)):
            continue  # no predicate of the genre near the clause's start: no subject to read
        toks = span_tokens(text, start, clause.end())
        for k in range(1, min(len(toks), MAX_SUBJECT_WORDS + 1)):
            if toks[k].flag.startswith("v") or toks[k].word in p.SUBJECT_VERBS:
                end = toks[k].start
                if toks[0].start == start and MIN_SPAN <= end - start <= MAX_SPAN:
                    out.append(((start, end), f"subject:{min(k, 3)}"))
                break
    return out


def _starts(text: str, end: int, lo: int) -> list[int]:
    """Word boundaries in ``text[lo:end]`` where a name ending at ``end`` may start."""
    marks = boundaries(text)
    return [b for b in marks[bisect_left(marks, lo) : bisect_left(marks, end - 1)] if not text[b].isspace()]


def _left_limit(text: str, end: int) -> int:
    """The first character after the last one a name cannot contain, at most WINDOW back."""
    lo = max(0, end - WINDOW)
    for k in range(end - 1, lo - 1, -1):
        if text[k] in NEVER_INSIDE:
            return k + 1
    return lo


def _suffixed(text: str) -> list[tuple[tuple[int, int], str]]:
    """Spans that end in a class suffix, one per possible start."""
    out = []
    for match in SUFFIX.finditer(text):
        end = match.end()
        hint = f"suffix:{SUFFIX_CLASS[match.group()]}"
        lo = _left_limit(text, match.start())
        out += [((start, end), hint) for start in _starts(text, match.start(), lo)[-MAX_STARTS:]]
    return out


def _listed(text: str) -> list[tuple[tuple[int, int], str]]:
    """Items of "A、B、C…": the middle items whole; the first from each word boundary; the last
    up to each word boundary (its end is where the list stops)."""
    out = []
    for run in LIST_RUN.finditer(text):
        items, pos = run.group().split("、"), run.start()
        last_start = run.end() - len(items[-1])
        stop = LIST_STOP.search(text, last_start, run.end())
        last_end = stop.start() if stop else run.end()
        counted = COUNTER.match(text[last_end:])
        hint = f"list:{COUNTER_CLASS.get(counted.group(1), 'none') if counted else 'none'}"
        named, pos = 0, run.start()
        for item in items[:-1]:
            named += _proper(text, pos, pos + len(item)) if pos > run.start() else 0
            pos += len(item) + 1
        named += _proper(text, last_start, last_end)
        pos = run.start()
        proper = f"listproper:{min(named, 3)}/{min(len(items), 3)}"
        spans: list[tuple[tuple[int, int], str]] = []
        for n, item in enumerate(items):
            start, end = pos, pos + len(item)
            pos = end + 1
            if n == 0:
                spans += [((s, end), hint + ":first") for s in _starts(text, end, start)]
            elif n == len(items) - 1:
                ends = _ends(text, start, last_end)
                spans += [((start, e), hint + (":last" if e < last_end else ":whole")) for e in ends]
            else:
                spans.append(((start, end), hint))
        out += spans + [(span, proper) for span, _ in spans]
    return out


def _proper(text: str, start: int, end: int) -> bool:
    """An item with a word jieba does not know or knows as a proper name (a firm, a brand)."""
    return any(t.flag.endswith("?") or t.flag in PROPER for t in span_tokens(text, start, end))


def _ends(text: str, start: int, end: int) -> list[int]:
    """Word boundaries in ``text[start:end]`` where a name starting at ``start`` may end."""
    marks = boundaries(text)
    return list(marks[bisect_left(marks, start + MIN_SPAN) : bisect_right(marks, end)])


def _quoted(text: str) -> list[tuple[tuple[int, int], str]]:
    return [((m.start(1), m.end(1)), "quote") for m in QUOTED.finditer(text)]


def _cued(text: str) -> list[tuple[tuple[int, int], str]]:
    """Names right after a cue verb (引进…, 签约…, 落户…), up to each word boundary."""
    out = []
    for match in CUE_AFTER.finditer(text):
        start = match.end() + (1 if text[match.end() : match.end() + 1] == "了" else 0)
        stop = start
        while stop < len(text) and stop - start < CUE_REACH[match.group()] and text[stop] not in NEVER_INSIDE:
            stop += 1
        ends = _ends(text, start, stop)
        out += [((start, e), f"cue:{match.group()}") for e in (ends[:4] + ends[-1:] if ends else [])]
    return out
