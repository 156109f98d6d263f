"""Zones, companies, parks and people: names from suffixes, legal forms and posts."""

from __future__ import annotations

import pytest

from kg.extract import companies, parks, people, zones
from kg.extract.document import describe
from kg.types import Sentence
from tests.conftest import shared_sentence


def sentence(text: str) -> Sentence:
    return Sentence(0, text, 0, len(text))


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("8月1日，在郑州高新区2022年上半年经济运行暨下半年重点工作推进会上", ["郑州高新区"]),
        ("2022年，溧阳经开区多项经济指标增速均居前列", ["溧阳经开区"]),
        ("首次在全省166家先进制造业开发区年度高质量发展考评中排名一档第六", []),
        ("以创建国家级开发区为目标，完善开发区基础设施配套", []),
        ("今年以来，**高新区坚持以习近平新时代中国特色社会主义思想为指导", []),
        ("实施创新驱动战略高新区上半年经济强势突破", []),
    ],
)
def test_zones(text_in: str, expected: list[str]) -> None:
    assert [m.label for m in zones.find(sentence(text_in))] == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("河南金源氢化化工股份有限公司成功在港交所上市", ["河南金源氢化化工股份有限公司"]),
        ("在江苏友发钢管有限公司车间内，工人全员上岗", ["江苏友发钢管有限公司"]),
        ("格力、汉威、思维、机械所等4家企业认定为2022年河南省制造业头雁企业",
         ["格力", "汉威", "思维", "机械所"]),
        ("新增高新技术企业10家、科技中小企业16家", []),
        ("**电子获批****年制造业单项冠军培育企业", []),
        # a kind of group is no firm; a verb of policy text is no part of a firm's name
        ("组建紧密型城市医疗集团39个，做强省纺织集团", ["省纺织集团"]),
        # a kind of firm is no firm's legal name
        ("科创板、北交所上市公司数量居全国第一", []),
        ("办好跨国公司领导人峰会等活动", []),
        # places after 支持 are no firms
        ("统筹省级财力14.24亿元，支持甲市、乙丙两市实施地质灾害避险搬迁项目一期。", []),
        ("其中，主导产业龙头企业华阳比克汽车完成总产值124.6亿元，同比增长19.5%。", ["华阳比克汽车"]),
        # a country word before a firm stays out of its name (中德… fuses it and keeps it)
        ("德国甲乙传动技术(杭州)有限公司便是其中之一", ["甲乙传动技术(杭州)有限公司"]),
        # a list of regions, not firms
        ("瞄准京津冀等重点区域龙头企业，实行产业链招商。", []),
    ],
)
def test_companies(text_in: str, expected: list[str]) -> None:
    assert [m.label for m in companies.find(sentence(text_in))] == expected


@pytest.mark.parametrize(
    ("path", "anchor", "expected"),
    [
        # "A、B等世界500强企业": a descriptor with digits before 企业
        ("corpus/215_lanzhou_xq_2021.txt", "等世界500强企业入驻", ["宝武", "海亮"]),
        # a list counted without 等: "A、B2家上市公司"
        ("corpus/152_zibo_gxq_2023.txt", "2家上市公司", ["亚华电子"]),
        # industries listed before "产业700多家企业" are no firms
        ("corpus/221_daqing_gxq_2012.txt", "上下游产业700多家企业", []),
        # "…等行业头部企业投资项目": the items are projects, not firms
        ("corpus/105_ningbo_kfq_2021.txt", "行业头部企业投资项目", []),
    ],
)
def test_listed_firms_in_real_sentences(path: str, anchor: str, expected: list[str]) -> None:
    found = companies.listed_firms(shared_sentence(path, anchor))
    assert set(expected) <= set(found) if expected else found == []


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("以钢产品深加工产业园、化工产业园、数字经济产业园等特色园区为依托",
         ["钢产品深加工产业园", "化工产业园", "数字经济产业园"]),
        ("二是辖区济源颐高互联网＋孵化园成功挂牌“河南省小型微型企业创业创新示范基地”",
         ["济源颐高互联网＋孵化园"]),
        ("完成小王庄第六居民组搬迁，释放化工园区土地570亩", ["化工园区"]),
        ("五是获评示范区“清廉园区”示范点特色样板单位", []),
        ("先后引进**软件信息与制造产业园", []),
        ("提升小微园区、互联网等新兴领域党建水平", []),
        # a national designation or category with no place of its own is no park
        ("新增国家现代农业产业园2个，推动航空港国家级零碳园区建设", ["航空港国家级零碳园区"]),
        # a ranking's title is an honor
        ("甲乙电商产业园获评市十佳电商产业园", ["甲乙电商产业园"]),
        # the longest suffix: 科技园区, not 科技园
        ("其中甲乙科技园区3宗", ["甲乙科技园区"]),
        # two industries joined in one park's name; two places joined are two parks
        ("规划建设20平方公里城市矿产与表面处理产业园区", ["城市矿产与表面处理产业园区"]),
        ("统筹建设甲乙科技产业园、循环经济示范园和冶金建材产业园", ["甲乙科技产业园", "冶金建材产业园"]),
        # the items of a list counted in parks
        ("围绕甲城、乙丙子2个工业园区，调优产业布局", ["甲城", "乙丙子"]),
        # policy text is no park's name; a park to be made (把…建成…) is a goal
        ("深化园区体制机制改革，做强丙丁科技园。", []),
        ("把甲乙园区建成国际高端生物制剂产业园区", ["甲乙园区"]),
    ],
)
def test_parks(text_in: str, expected: list[str]) -> None:
    assert [m.label for m in parks.find(sentence(text_in))] == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("党工委委员、管委会副主任赵毅就分管领域工作进行了通报", [("赵毅", "管委会副主任")]),
        ("据王德敏介绍，面对超出预期的困难挑战", [("王德敏", None)]),
        ("聚焦省委“十大战略”和楼阳生书记“七个方面作示范”要求", [("楼阳生", "书记")]),
        ("坚持以习近平新时代中国特色社会主义思想为指导", []),
    ],
)
def test_people(text_in: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.label, role) for m, role in people.people_in(text_in)] == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("济源高新区2023年工作总结\n2023年，在示范区党工委领导下", ("济源高新区", 2023, "2023")),
        ("高新区2023年上半年工作总结\n一、上半年工作开展情况", (None, 2023, "2023-H1")),
        ("本报讯8月1日，在郑州高新区2022年上半年经济运行暨下半年重点工作推进会上，副主任赵毅通报。",
         ("郑州高新区", 2022, "2022-H1")),
    ],
)
def test_document_info(text_in: str, expected: tuple[str | None, int, str]) -> None:
    info = describe(text_in)
    assert (info.zone, info.year, info.period) == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a post and a verb of speech enclose a name, whatever its surname
        ("甲市开发区党工委书记丙丁戊介绍说。", ["丙丁戊"]),
        # a post and a preposition opening what the person did
        ("管委会主任甲乙丙在揭牌仪式上说。", ["甲乙丙"]),
        # credit lines: editors, reporters, interns, photographers
        ("(责编:甲乙丙、丁戊己)", ["甲乙丙", "丁戊己"]),
        ("(首席记者 甲乙丙 实习生 丁戊己)昨日", ["甲乙丙", "丁戊己"]),
        ("甲乙丙/摄", ["甲乙丙"]),
        # a list of leaders before what they did
        ("市领导王甲乙、李丙丁参加调研活动。", ["王甲乙", "李丙丁"]),
        # no name where the credit word opens a clause
        ("记者从园区获悉，", []),
    ],
)
def test_names_the_genre_marks(text_in: str, expected: list[str]) -> None:
    assert people.marked_names(text_in) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("甲州综保区", True), ("甲州申建综保区", False), ("美丽甲省示范区", False), ("甲省首个国家级新区", False)],
)
def test_zone_names_hold_no_verb_ordinal_or_slogan(label: str, expected: bool) -> None:
    assert zones.is_zone_name(label) is expected
