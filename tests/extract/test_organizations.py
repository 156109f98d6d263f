"""Organizations: bodies by place, by level, a named zone's own, and the central state's."""

from __future__ import annotations

import pytest

from kg.extract import organizations
from kg.types import Sentence


def bodies(text: str) -> list[str]:
    return [m.label for m in organizations.find(Sentence(0, text, 0, len(text)))]


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("根据许昌市棚改办下达的2022年度棚户区改造任务分解", ["许昌市棚改办"]),
        ("经省政府同意，省统计局和郑州高新区管委会联合发文", ["省政府", "省统计局", "郑州高新区管委会"]),
        # a department with a long name
        ("据许昌市工业和信息化局统计，市工业和信息化局发布", ["许昌市工业和信息化局", "市工业和信息化局"]),
        # the central state's bodies, a closed class
        ("经国务院批准，商务部、科技部火炬中心联合发文", ["国务院", "商务部", "科技部火炬中心"]),
        ("国家发改委、省发改委批复同意", ["国家发改委", "省发改委"]),
        # a named zone's party committee and government
        ("郑州高新区工委、许昌经开区人民政府联合印发", ["郑州高新区工委", "许昌经开区人民政府"]),
        # research institutes and laboratories; not one that names a project's investor
        ("甲乙大学丙丁电子信息技术实验室揭牌", ["甲乙大学丙丁电子信息技术实验室"]),
        ("确保甲乙研究所高端装备产业园项目开工", []),
        # a city's, district's or county's government by its level alone is not annotated
        ("经市政府同意，省政府批复", ["省政府"]),
        # a body named inside a person's post is not annotated
        ("国务院副总理甲乙到园区调研", []),
        ("科技部部长甲乙出席", []),
        # a sentence with no body's ending is not searched
        ("全年完成固定资产投资120亿元", []),
    ],
)
def test_organizations(text_in: str, expected: list[str]) -> None:
    assert bodies(text_in) == expected
