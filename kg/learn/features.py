"""Features of a candidate name: the rules that proposed it, its characters, words and context.

Features are strings (present or absent), so the model is a table of weights per feature
and class.  They come from the genre's tables (suffixes, legal forms, trigger verbs, list
counters), jieba's words and tags, and the characters around the span.

>>> from kg.learn.candidates import Candidate
>>> text = "引进甲乙科技、丙丁电子等13家企业"
>>> feats = features(text, Candidate(0, 2, 6, "甲乙科技", frozenset({"list:Company:first"})))
>>> "h=list:Company:first" in feats and "l2=科技" in feats and "p1=进" in feats
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract import patterns as p
from kg.extract.companies import legal_names, short_name_prefix
from kg.extract.places import places
from kg.learn.candidates import Candidate
from kg.learn.pretrained import Words, span_features
from kg.text.segment import span_tokens

LENGTHS = (2, 3, 4, 5, 6, 8, 10, 13, 17, 22)
MAX_WORD_FEATURE = 3
PROPER = frozenset(("nr", "nrt", "nrfg", "nz", "nt", "ns", "j", "eng", "x"))
CLAUSE_START = re.compile(r"[，。；：！？,;:!?\n]")
LAST_PUNCT = re.compile(r"[，。；：！？,;:!?\n](?=[^，。；：！？,;:!?\n]*$)")
DIGIT = re.compile(r"\d")
LATIN = re.compile(r"[A-Za-z]")
#: Words whose presence right before a name says what follows (a trigger, a cue, a determiner).
BEFORE_WORDS = tuple(sorted({*p.HONOR_TRIGGERS, *p.NAME_CUES_BEFORE, "的", "为", "对", "在", "由", "和", "与",
                             "及", "等", "是", "了", "推进", "建设", "打造", "深化", "支持", "实施"},
                            key=len, reverse=True))
AFTER_WORDS = tuple(sorted({"等", "签约", "落户", "开工", "竣工", "投产", "项目", "公司", "集团", "企业", "获评",
                            "荣获", "入选", "的", "和", "与", "及", "已", "正式", "成功", "实现", "完成", "建设",
                            "总投资", "投资", "有限公司"}, key=len, reverse=True))


def _bucket(n: int) -> str:
    for limit in LENGTHS:
        if n <= limit:
            return str(limit)
    return "long"


BEFORE = re.compile("(?:" + "|".join(map(re.escape, BEFORE_WORDS)) + ")$")
AFTER = re.compile("|".join(map(re.escape, AFTER_WORDS)))


def _word_before(text: str, start: int) -> str:
    match = BEFORE.search(text, max(0, start - 4), start)
    return match.group() if match else ""


def _word_after(text: str, end: int) -> str:
    match = AFTER.match(text, end)
    return match.group() if match else ""


def _common(word: str, flag: str) -> bool:
    """A common word of the language (its identity may be a feature), not a name: the model
    learns what names look like, never the names of the reports it was trained on."""
    return len(word) <= MAX_WORD_FEATURE and not flag.endswith("?") and flag not in PROPER and word not in places()


def _clause_before(text: str, start: int) -> str:
    match = LAST_PUNCT.search(text, 0, start)
    return text[match.end() if match else 0 : start]


def _clause_after(text: str, end: int) -> str:
    match = CLAUSE_START.search(text, end)
    return text[end : match.start() if match else len(text)]


def _ends_with(span: str, table: frozenset[str], lengths: tuple[int, ...]) -> str | None:
    """The longest word of ``table`` that ``span`` ends with (look-ups by length, not a scan)."""
    return next((span[-n:] for n in lengths if span[-n:] in table), None)


def _table(words: Iterable[str]) -> tuple[frozenset[str], tuple[int, ...]]:
    table = frozenset(words)
    return table, tuple(sorted({len(w) for w in table}, reverse=True))


INDUSTRY, INDUSTRY_LENGTHS = _table(p.INDUSTRY_WORDS)
GENERIC, GENERIC_LENGTHS = _table((*p.GENERIC_FIRMS, *p.GENERIC_PARK_WORDS, *p.GENERIC_PROJECT_WORDS))
LEGAL, LEGAL_LENGTHS = _table(p.LEGAL_FORMS)
TRIGGER = re.compile("|".join(map(re.escape, p.HONOR_TRIGGERS)))
TITLE_TAIL = re.compile("|".join(map(re.escape, ("称号", "荣誉", "奖项", "获得者", "表彰", "授牌"))))
STAGE = re.compile("|".join(map(re.escape, ("开工", "竣工", "投产", "签约", "落户", "建成", "入驻", "试产", "运营"))))
MAX_FORM = 12
MAX_COINED = 4


def _form(span: str) -> list[str]:
    """What the genre's rules say of the span's form: a legal name, brand + industry word, coined."""
    out = []
    if len(span) > MAX_FORM:
        return out
    if _ends_with(span, LEGAL, LEGAL_LENGTHS) and legal_names(span) == [span]:
        out.append("form=legal")
    if short_name_prefix(span) == span:
        out.append("form=brand+industry")
    if _ends_with(span, INDUSTRY, INDUSTRY_LENGTHS):
        out.append("form=industry_end")
    if span in INDUSTRY or span in p.NOT_BRAND:
        out.append("form=industry_only")
    return out


class Context:
    """What candidates of one sentence share: the features of each start and each end, the
    features of each span's form (many candidates start, end or read alike)."""

    def __init__(self, text: str, shared: Context | None = None, tagged: Words | None = None) -> None:
        self.text = text
        self.tagged = tagged
        self.starts: dict[int, list[str]] = {}
        self.ends: dict[int, list[str]] = {}
        self.forms: dict[str, list[str]] = shared.forms if shared else {}  # a span's form is the same in any sentence
        self.hints: dict[frozenset[str], list[str]] = shared.hints if shared else {}

    def hinted(self, hints: frozenset[str]) -> list[str]:
        done = self.hints.get(hints)
        if done is None:
            done = self.hints[hints] = _hints(hints)
        return done

    def at_start(self, start: int) -> list[str]:
        done = self.starts.get(start)
        if done is None:
            text = self.text
            done = self.starts[start] = [
                f"p1={text[start - 1] if start else '^'}", f"p2={text[max(0, start - 2):start] or '^'}",
                f"wb={_word_before(text, start)}", *(["clause_trigger"] if TRIGGER.search(_clause_before(text, start))
                                                     else [])]
        return done

    def at_end(self, end: int) -> list[str]:
        done = self.ends.get(end)
        if done is None:
            text = self.text
            right = _clause_after(text, end)
            verb = STAGE.search(right, 0, 12)
            done = self.ends[end] = [
                f"n1={text[end] if end < len(text) else '$'}", f"n2={text[end:end + 2] or '$'}",
                f"wa={_word_after(text, end)}", *(["clause_title_tail"] if TITLE_TAIL.search(right) else []),
                *([f"clause_stage={verb.group()}"] if verb else [])]
        return done

    def form(self, span: str) -> list[str]:
        done = self.forms.get(span)
        if done is None:
            done = self.forms[span] = _form(span) + _shape(span)
        return done


def features(text: str, cand: Candidate, context: Context | None = None) -> list[str]:
    """The features of candidate ``cand`` in sentence ``text`` (``context``: shared work of its sentence)."""
    return [name for _, names in parts(text, cand, context or Context(text)) for name in names]


Part = tuple[tuple[object, ...], list[str]]


def parts(text: str, cand: Candidate, context: Context) -> list[Part]:
    """The features in groups, each with a key: candidates that share a key share its features
    (the same hints or form anywhere in a report, the same start or end in a sentence), so a
    model can sum each group's weights once per report.  With a pretrained tagger's words in
    ``context``, a last group says how the span agrees with them."""
    n = cand.sentence
    groups: list[Part] = [
        (("h", cand.hints), context.hinted(cand.hints)), (("s", n, cand.start), context.at_start(cand.start)),
        (("e", n, cand.end), context.at_end(cand.end)), (("f", cand.text), context.form(cand.text)),
        (("w", n, cand.start, cand.end), _words(text, cand.start, cand.end))]
    if context.tagged is not None:
        groups.append((("L", n, cand.start, cand.end), span_features(context.tagged, cand.start, cand.end)))
    return groups


def _hints(hints: frozenset[str]) -> list[str]:
    out = [f"h={h}" for h in sorted(hints)]
    kinds = sorted({":".join(h.split(":")[:2]) for h in hints})
    out += [f"hk={k}" for k in kinds]
    return out + [f"hh={a}&{b}" for i, a in enumerate(kinds) for b in kinds[i + 1 :]]


def _words(text: str, start: int, end: int) -> list[str]:
    """Features of the jieba words the span covers, and of quotes around it."""
    out = ["quoted"] if start and text[start - 1] == "“" and text[end : end + 1] == "”" else []
    toks = span_tokens(text, start, end)
    if toks:
        out += [f"t0={toks[0].flag}", f"tn={toks[-1].flag}", f"nt={min(len(toks), 6)}"]
        out += [f"{key}={tok.word}" for key, tok in (("w0", toks[0]), ("wn", toks[-1])) if _common(tok.word, tok.flag)]
        flags = {t.flag for t in toks}
        out += [f"has={f}" for f in sorted(flags & {"v", "vn", "d", "a", "m", "ns", "nr", "nz", "nt", "eng", "x"})]
        if any(f.endswith("?") for f in flags):
            out.append("has=new")
        if len(toks) == 1:
            out.append("oneword")
        elif end - start <= MAX_COINED and all(len(tok.word) == 1 for tok in toks):
            out.append("form=coined")  # a coined name jieba cuts into characters (坤泰 → 坤/泰)
    return out


def _shape(span: str) -> list[str]:
    """Features of the span's own characters."""
    out = ["bias", f"len={_bucket(len(span))}", f"l1={span[-1]}", f"l2={span[-2:]}", f"l3={span[-3:]}",
           f"f1={span[0]}", f"f2={span[:2]}"]
    if DIGIT.search(span):
        out.append("digit")
    if LATIN.search(span):
        out.append("latin")
    if "的" in span:
        out.append("has_de")
    if any(ch in span for ch in "和与及"):
        out.append("has_conj")
    if any(span[:n] in places() for n in (2, 3, 4)):
        out.append("place_start")
    head = _ends_with(span, GENERIC, GENERIC_LENGTHS)
    if head is not None:
        out.append("generic_end")
        if len(span) - len(head) < 2:
            out.append("generic_only")
    return out
