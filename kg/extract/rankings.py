"""Rankings: "在<assessment>中…排名/居<rank>" — a zone's place in an assessment.

>>> [(r.assessment, r.rank, r.position, r.field_size) for r in
...  find(Sentence(0, "在全省45家经开区中居第三位。", 0, 0), 2023)]
[('全省45家经开区', '第三位', 3, 45)]
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.names import is_masked, to_decimal
from kg.types import Ranking, Sentence

SCOPE = re.compile(r"在([^，。；,;在]{2,60}?)中")
RANK = re.compile(
    r"(?:综合)?(?:排名|排)?(?:位居|居于|居|位列|列)?"
    r"(第[一二三]方阵|(?:一档|二档|三档)?第([一二三四五六七八九十百\d]+)(?:位|名)?)"
)
FIELD = re.compile(r"(\d+)(?:家|个)")
YEAR = re.compile(r"((?:19|20)\d{2})年")


def find(sentence: Sentence, year: int | None) -> list[Ranking]:
    """Rankings stated in a sentence, each tied to the assessment scope before it."""
    out: list[Ranking] = []
    scopes = list(SCOPE.finditer(sentence.text))
    for n, scope in enumerate(scopes):
        end = scopes[n + 1].start() if n + 1 < len(scopes) else len(sentence.text)
        rank = RANK.search(sentence.text, scope.end(), end)
        if not rank or not _is_assessment(scope.group(1)) or _between_is_other(sentence.text, scope.end(), rank):
            continue
        out.append(_ranking(scope.group(1), rank, sentence.index, year))
    return out


def _is_assessment(text: str) -> bool:
    return not is_masked(text) and (any(w in text for w in p.ASSESSMENT_WORDS) or bool(FIELD.search(text)))


def _between_is_other(text: str, start: int, rank: re.Match[str]) -> bool:
    """A rank far from its scope, past a full stop or a new subject, is about something else."""
    between = text[start : rank.start()]
    return len(between) > 20 or "。" in between


def _ranking(assessment: str, rank: re.Match[str], index: int, year: int | None) -> Ranking:
    field = FIELD.search(assessment)
    stated_year = YEAR.search(assessment)
    position = to_decimal(rank.group(2)) if rank.group(2) else None
    return Ranking(
        assessment=assessment,
        rank=rank.group(1),
        sentence=index,
        position=int(position) if position is not None else None,
        field_size=int(field.group(1)) if field else None,
        year=int(stated_year.group(1)) if stated_year else year,
    )
