"""Indicators: metric, value, unit, growth, period and estimate; masked figures give nothing."""

from __future__ import annotations

import pytest

from kg.extract.indicators import find
from kg.types import Observation, Sentence


def observe(text: str, year: int = 2022, period: str = "2022") -> list[tuple]:  # type: ignore[type-arg]
    """Figures as (change + metric, value, unit, growth, period, kind)."""
    found = [o for o in find(Sentence(0, text, 0, len(text)), year, period) if isinstance(o, Observation)]
    return [((o.change or "") + o.metric, str(o.value), o.unit, None if o.growth is None else str(o.growth),
             o.period, o.kind) for o in found]


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("今年元至9月，高新区规模以上工业企业完成工业总产值716.85亿元，同比增长27.2%；实现工业增加值182.5亿元，同比增长15.5%。",
         [("工业总产值", "716.85", "亿元", "27.2", "2022-01/2022-09", "actual"),
          ("工业增加值", "182.5", "亿元", "15.5", "2022-01/2022-09", "actual")]),
        ("预计全年可完成工业总产值900亿元，同比增长25%；完成一般公共预算收入2.8亿元、新增“四上”企业13家。",
         [("工业总产值", "900", "亿元", "25", "2022", "estimate"),
          ("一般公共预算收入", "2.8", "亿元", None, "2022", "estimate"),
          ("新增“四上”企业", "13", "家", None, "2022", "estimate")]),
        ("实际利用外资5077.76万美元，在全省45家经开区中居第三位。",
         [("实际利用外资", "5077.76", "万美元", None, "2022", "actual")]),
        ("全年新增高新技术企业13家，同比增长25.8%，达历年新高。",
         [("新增高新技术企业", "13", "家", "25.8", "2022", "actual")]),
        ("上半年GDP同比下降0.7%，完成营业收入57.3亿元，同比下降1.4%。",
         [("营业收入", "57.3", "亿元", "-1.4", "2022-H1", "actual")]),
        # a month that does not exist gives no period of its own
        ("1-14月，完成工业总产值716.85亿元。", [("工业总产值", "716.85", "亿元", None, "2022", "actual")]),
        # masked figures, targets and shares are not observations
        ("今年*至**月，**高新区规上工业增加值增长**.*%、进出口总额增长**.*%。", []),
        ("确保全年新引进项目25个、合同金额不低于140亿元。",
         [("新引进项目", "25", "个", None, "2022", "target"), ("合同金额", "140", "亿元", None, "2022", "target")]),
        ("战略性新兴产业占规模以上工业增加值比重58.5%；", [("战略性新兴产业占规模以上工业增加值比重", "58.5", "%", None, "2022", "share")]),
        ("争取20-30亿元的项目落地，签约项目百余个。", [("签约项目", "100", "个", None, "2022", "target")]),
        ("完成市定目标任务的80.5%，全市占比37.4%。", []),
        ("全区新注册各类企业1400余家，企业总数超6000家。",
         [("新注册各类企业", "1400", "家", None, "2022", "actual"), ("企业总数", "6000", "家", None, "2022", "actual")]),
        # a range of months with its dash lost in copying ("1—10月份" → "110月份")
        ("110月份，新签约项目29个，总投资171.85亿元。",
         [("新签约项目", "29", "个", None, "2022-01/2022-10", "actual"),
          ("总投资", "171.85", "亿元", None, "2022-01/2022-10", "actual")]),
    ],
)
def test_indicators(text_in: str, expected: list[tuple]) -> None:  # type: ignore[type-arg]
    assert observe(text_in) == expected


def test_approximate_figure() -> None:
    found = [o for o in find(Sentence(0, "累计开展活动20余场，完成投资5200余万元。", 0, 0), 2023, "2023")
             if isinstance(o, Observation)]
    assert [(o.unit, o.approximate, o.qualifier) for o in found][-1] == ("万元", True, "moreThan")


@pytest.mark.parametrize(
    "text_in",
    [
        # a sentence about the project named before it: its figures are the project's
        "该项目由甲乙集团投资成立，将集团大中华区总部移至本区，项目总投资20亿元，用地200亩。",
        # a sentence that opens with one project's name as its own clause
        "其中，甲乙锂电科技有限公司正极材料研发生产项目，占地约350亩，一期投资6亿元。",
    ],
)
def test_a_sentence_about_one_project_gives_the_zone_no_figure(text_in: str) -> None:
    assert observe(text_in) == []


def test_a_list_of_projects_still_gives_the_zones_figures() -> None:
    assert observe("全年新开工项目35个，总投资超100亿元。")[0][:3] == ("新开工项目", "35", "个")


@pytest.mark.parametrize(
    ("text_in", "metric"),
    [
        # a time word or an adverb before the counted thing is not the metric's
        ("三季度签约重点项目30个。", "签约重点项目"),
        ("初步谋划重大项目420个。", "重大项目"),
    ],
)
def test_time_words_and_adverbs_open_no_metric(text_in: str, metric: str) -> None:
    assert observe(text_in)[0][0] == metric
