"""Aliases in text: "A（以下简称B）" gives B as another name of A, for every class a full name can have."""

from __future__ import annotations

import hashlib

import pytest

from kg.extract.aliases import find
from kg.pipeline import build_documents
from kg.types import Document, Fact, Kind, Sentence


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a zone's short name, unquoted, in ASCII brackets (a real sentence of the corpus)
        ("作为嘉兴经济发展的“特区”、接轨上海的前沿阵地,嘉兴经济技术开发区(以下简称嘉兴经开区)的轨迹折射着",
         [(Kind.ZONE, "嘉兴经济技术开发区", "嘉兴经开区")]),
        # a generic word is no name: the bare 开发区 already means the report's own zone
        ("记者从云南曲靖经济技术开发区(简称“开发区”)获悉,近年来开发区树立全球思维", []),
        ("河南宏源氢能化工股份有限公司（以下简称“宏源氢能”）成功上市",
         [(Kind.COMPANY, "河南宏源氢能化工股份有限公司", "宏源氢能")]),
        ("许昌互联网+孵化园（以下简称“孵化园”）获评", []),
    ],
)
def test_aliases(text_in: str, expected: list[tuple[Kind, str, str]]) -> None:
    facts = [x for x in find(Sentence(0, text_in, 0, len(text_in))) if isinstance(x, Fact)]
    assert [(f.subject.kind, f.subject.label, f.obj.label) for f in facts] == expected  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "2017年,嘉兴经济技术开发区(以下简称嘉兴经开区)实现地区生产总值300亿元。嘉兴经开区新增高新技术企业20家。",
        "记者从云南曲靖经济技术开发区(简称“开发区”)获悉,近年来开发区树立全球思维,引进项目30个。",
        "河南宏源氢能化工股份有限公司（以下简称“宏源氢能”）成功上市，宏源氢能总投资10亿元的氢能项目开工。",
    ],
)
def test_reports_with_aliases_build(text: str) -> None:
    document = Document(name="a.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    result = build_documents([document])
    assert result.failed == ()
    labels = {str(o) for o in result.graph.objects(None, None)}
    assert not {label for label in labels if label in ("开发区", "园区")}
