"""Segmentation: the words made on demand are the words jieba gives the whole text."""

from __future__ import annotations

import re

import pytest

from kg.text.segment import HAN_RUN, cued_tokens, new_document, tokens, tokens_before

SENTENCES = [
    "党工委委员、管委会副主任赵毅就分管领域工作进行了通报。",
    "据王德敏介绍，济源高新区今年新签约项目12个，总投资86.5亿元。",
    "总投资40亿元的华信科技5G终端精密制造项目从签约到投产仅用150天。",
    "引进恒达电子、华泰新材料（郑州）有限公司等3个项目，其中“专精特新”企业2家。",
    "(记者 潘睿 报道) 1-9月完成规上工业增加值同比增长6.1%。",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_words_are_those_of_jieba_cut(text: str) -> None:
    import jieba

    new_document()
    toks = tokens(text)
    assert "".join(t.word for t in toks) == text
    assert [t.start for t in toks] == [sum(len(u.word) for u in toks[:k]) for k in range(len(toks))]
    pieces = list(jieba.cut(text))  # the same tokenizer, with the domain dictionary loaded
    assert "".join(pieces) == text
    # A function word jieba glued to a new word is split off; otherwise the words are jieba's.
    assert {t.start for t in toks} >= {sum(map(len, pieces[:k])) for k in range(len(pieces))}


@pytest.mark.parametrize("text", SENTENCES)
def test_cued_tokens_are_the_cued_runs_words_of_the_whole(text: str) -> None:
    new_document()
    cue = re.compile("主任|介绍|记者|项目")
    runs = [m for m in HAN_RUN.finditer(text) if cue.search(m.group())]
    whole = [t for t in tokens(text) if any(m.start() <= t.start < m.end() for m in runs)]
    assert [t for t in cued_tokens(text, cue) if t.word] == whole
    assert sum(1 for t in cued_tokens(text, cue) if not t.word) == len(runs)


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_before_from_punctuation_are_the_whole_texts(text: str) -> None:
    new_document()
    whole = tokens(text)
    for end in [t.start for t in whole[1:]] + [len(text)]:
        stops = [i for i, ch in enumerate(text[:end]) if ch in "，、。：；“”"]
        since = stops[-1] if stops else 0
        expected = tuple(t for t in whole if since <= t.start and t.start + len(t.word) <= end)
        assert tokens_before(text, end, since=since) == expected, (text, end)


def test_a_word_cut_by_the_end_gives_none() -> None:
    new_document()
    text = "加快推进项目建设"
    inside = next(t.start + 1 for t in tokens(text) if len(t.word) > 1)
    assert tokens_before(text, inside) is None
