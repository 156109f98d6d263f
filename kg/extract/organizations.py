"""Organizations: government bodies named with their place (甲市棚改办, 乙省统计局).

>>> [m.label for m in find(Sentence(0, "根据许昌市棚改办下达的2022年度棚户区改造任务分解", 0, 0))]
['许昌市棚改办']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import patterns as p
from kg.extract.names import is_masked
from kg.extract.places import places
from kg.types import Kind, Mention, Sentence

SUFFIX = "|".join(map(re.escape, p.ORGANIZATION_SUFFIXES))
#: A post after the body (局长, 办主任) means a person is meant, not the body.
NOT_AFTER = r"(?![\u4e00-\u9fff]*(?:长|主任|书记))"


@lru_cache(maxsize=1)
def _body() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, places()), key=len, reverse=True))
    return re.compile(rf"(?:{names})(?:省|市)[\u4e00-\u9fff]{{1,5}}?(?:{SUFFIX}){NOT_AFTER}")


def find(sentence: Sentence) -> list[Mention]:
    """Government bodies named as <province or city>省/市<body>."""
    if "市" not in sentence.text and "省" not in sentence.text:
        return []  # the one word every such name has: no need to scan for every place name
    return [Mention(Kind.ORGANIZATION, match.group(), sentence.index)
            for match in _body().finditer(sentence.text) if not is_masked(match.group())]
