"""Normalisation of PDF-extracted text: joined lines, removed layout spaces, kept offsets."""

from __future__ import annotations

import pytest

from kg.text.formats import decode_text
from kg.text.normalize import normalize
from kg.text.segment import clauses, sentences


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a double-spaced PDF dump that breaks a name across lines
        ("项目 38 个，总投资 254.4 亿元，其中 20 个省市重点项目完成投\n\n资 88.7 亿元，占年度计划投资的 117%。总投资 40 亿元的富联\n\n科技 5G 终端精密制造项目从签约到投产仅用 150 天，再次刷新\n\n富士康建设“济源速度”。",
         "项目38个，总投资254.4亿元，其中20个省市重点项目完成投资88.7亿元，占年度计划投资的117%。总投资40亿元的富联科技5G终端精密制造项目从签约到投产仅用150天，再次刷新富士康建设“济源速度”。"),
        # a section heading stays its own paragraph
        ("二、聚力经济运行，高质高效发展\n\n今年元至 9 月，高新区规模以上工业企业完成工业总产值\n 716.85 亿元，同比增长 27.2%；",
         "二、聚力经济运行，高质高效发展\n今年元至9月，高新区规模以上工业企业完成工业总产值716.85亿元，同比增长27.2%；"),
        # narrow newspaper columns, one line per row
        ("郑州高新区上半年项目建设稳\n步推进，共谋划申报专项债项目 24\n个，总投资323亿元。",
         "郑州高新区上半年项目建设稳步推进，共谋划申报专项债项目24个，总投资323亿元。"),
        # spaces between Latin words survive, spaces next to Chinese do not
        ("建立安全隐患“PDCA 闭环管理”机制，推广 Open Source 模式", "建立安全隐患“PDCA闭环管理”机制，推广Open Source模式"),
        # a metadata header is not text
        ("# source: http://example.org/a\n# zone: 某区\n\n高新区2022年工作总结", "高新区2022年工作总结"),
    ],
)
def test_normalize(text_in: str, expected: str) -> None:
    assert normalize(text_in).text == expected


def test_offsets_point_into_the_raw_text() -> None:
    raw = ("资 88.7 亿元，占年度计划投资的 117%。总投资 40 亿元的富联\n\n"
           "科技 5G 终端精密制造项目从签约到投产仅用 150 天，再次刷新\n\n富士康建设速度。")
    text = normalize(raw)
    start = text.text.index("富联科技")
    a, b = text.raw_span(start, start + 4)
    assert raw[a:b] == "富联\n\n科技"
    assert all(raw[text.offsets[i]] == ch for i, ch in enumerate(text.text) if ch != "\n")


def test_sentences_and_clauses() -> None:
    found = sentences("今年上半年，实现营业收入9亿元。新增企业3家！\n一、标题")
    assert [s.text for s in found] == ["今年上半年，实现营业收入9亿元。", "新增企业3家！", "一、标题"]
    assert [c for _, c in clauses("荣获“A，B”称号，同比增长5%")] == ["荣获“A，B”称号", "同比增长5%"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_decode(encoding: str) -> None:
    assert decode_text("济源高新区2023年工作总结".encode(encoding)) == "济源高新区2023年工作总结"
