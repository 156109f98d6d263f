"""Figures that generalise: each kind of error seen on unseen reports, with a real sentence of its kind.

The sentences are read at test time from ../shared (train and dev reports, and the long
provincial reports; never the test split), found by a short anchor; the tests skip where
../shared is absent.  No third-party sentence is stored here.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.extract.indicators import find, written_in
from kg.pipeline import build
from kg.types import LeftOut, Observation, Sentence
from tests.conftest import ROOT, SHARED, SHARED_LONG, shared_sentence

sentence = shared_sentence


def figures(text: str, year: int = 2025, period: str = "2025") -> list[Observation | LeftOut]:
    return find(Sentence(0, text, 0, len(text)), year, period)


def observations(text: str, year: int = 2025, period: str = "2025") -> list[Observation]:
    return [o for o in figures(text, year, period) if isinstance(o, Observation)]


def test_a_vague_count_never_becomes_a_number() -> None:
    text = sentence("long/2026_山西省_政府工作报告.txt", "投资近千亿元")
    found = figures(text)
    assert not [o for o in found if isinstance(o, Observation) and o.value in (Decimal(100), Decimal(1000))]
    assert any(isinstance(o, LeftOut) and "近千" in o.figure for o in found)


def test_a_total_takes_the_metric_it_refers_back_to() -> None:
    text = sentence("long/2026_广西壮族自治区_政府工作报告.txt", "总量首次突破1900亿元")
    [obs] = [o for o in observations(text) if o.value == Decimal(1900)]
    assert (obs.metric, obs.growth, obs.qualifier, obs.kind) == ("一般公共预算收入", Decimal("4.6"), "over", "actual")


def test_a_group_total_is_the_groups_and_each_total_its_own_clause() -> None:
    text = sentence("corpus/123_nantong_xq_2020.txt", "总投资728.9亿元")
    totals = [(o.metric, o.value) for o in observations(text, 2020, "2020") if o.unit == "亿元"]
    assert ("总投资", Decimal("728.9")) in totals
    assert all(value != Decimal("105") or metric != "总投资" or totals.index((metric, value)) > 0
               for metric, value in totals)


@pytest.mark.parametrize(("path", "anchor"), [
    ("corpus/108_liuzhou_xq_2014.txt", "超额完成"),
    ("corpus/019_changsha_yuhua_jkq_2022.txt", "今年有望成为"),
])
def test_no_metric_is_a_verb_or_an_adverb(path: str, anchor: str) -> None:
    metrics = {o.metric for o in observations(sentence(path, anchor), 2022, "2022")}
    assert not metrics & {"引进", "新增", "超额", "填报", "有望", "受邀企业", "超额完成"}
    assert all(not m.startswith(("有望", "超额")) for m in metrics)


def test_a_change_word_is_kept_apart_from_the_counted_thing() -> None:
    sentence("corpus/146_lianyungang_gxq_2020.txt", "累计培育规模以上工业企业")  # skips without ../shared
    [report] = build([SHARED / "corpus" / "146_lianyungang_gxq_2020.txt"]).extractions
    found = {(o.change, o.metric, str(o.value), o.period) for o in report.observations}
    # the paragraph opens with "“十三五”期间", so its counts span the five years
    assert {("累计培育", "规模以上工业企业", "94", "2016-01/2020-12"),
            ("累计培育", "国家高新技术企业", "102", "2016-01/2020-12")} <= found


def test_every_value_is_written_in_its_sentence() -> None:
    obs = Observation("营业收入", Decimal("57.3"), "亿元", 0)
    assert written_in(obs, "完成营业收入57.3亿元") and not written_in(obs, "完成营业收入57.31亿元")
    assert written_in(Observation("企业", Decimal(3000), "家", 0), "新增企业三千家")


@pytest.fixture(scope="module")
def long_build():  # type: ignore[no-untyped-def]
    if not SHARED_LONG.is_dir():
        pytest.skip(f"{SHARED_LONG} is absent")
    return build([SHARED_LONG])


def test_a_report_given_early_in_a_year_reviews_the_year_before(long_build) -> None:  # type: ignore[no-untyped-def]
    report = next(e for e in long_build.extractions if e.document.name == "2026_广西壮族自治区_政府工作报告.txt")
    assert (report.info.year, report.info.period, report.info.plan_year) == (2026, "2025", 2026)
    actual = [o for o in report.observations if o.kind == "actual"]
    assert actual and not [o for o in actual if o.period and o.period.startswith("2026")], "no actual dated ahead"


def test_no_figure_of_the_long_reports_states_a_value_its_sentence_does_not(long_build) -> None:  # type: ignore[no-untyped-def]
    for report in long_build.extractions:
        for obs in report.observations:
            assert written_in(obs, report.sentences[obs.sentence].text), (report.document.name, obs.metric)


@pytest.mark.parametrize(
    ("path", "anchor", "value", "reason"),
    [
        # a size class of projects, not an amount signed (its count is the figure)
        ("corpus/122_nantong_jkq_2026.txt", "签约注册1亿元及1000万美元以上项目", "1", None),
        ("corpus/247_chengdu_park_2010.txt", "新增入园10亿元以上重大产业化项目", "10", None),
        # one firm's output, not the zone's, and the next firms' said alike
        ("corpus/141_shanghai_xq_2021.txt", "特斯拉完成产值688.6亿元", "688.6", "firm's"),
        ("corpus/141_shanghai_xq_2021.txt", "特斯拉完成产值688.6亿元", "112.9", "firm's"),
        ("corpus/141_shanghai_xq_2021.txt", "特斯拉完成产值688.6亿元", "31.1", "firm's"),
        # a firm's site in the subject; a firm named by its legal name, for the rest of its sentence
        ("corpus/016_xian_gxq_2023.txt", "整车产能达到140万辆", "140", "firm's"),
        ("corpus/020_changsha_wangcheng_jkq_2025.txt", "手机产量近2000万台", "2000", "firm's"),
        ("corpus/019_changsha_yuhua_jkq_2022.txt", "完成总产值524.6亿元", "524.6", "firm's"),
        ("corpus/108_liuzhou_xq_2014.txt", "基地实现产量28.81万辆", "28.81", "firm's"),
        # what one project will do once built, in this clause and the next
        ("corpus/221_daqing_gxq_2012.txt", "项目建成后,年可实现销售收入700亿元", "700", "firm's"),
        ("corpus/221_daqing_gxq_2012.txt", "项目建成后,年可实现销售收入700亿元", "100", "firm's"),
        # a rate per square metre is no amount of yuan
        ("corpus/203_changchun_gxq_2015.txt", "13160元/平方米", "13160", None),
    ],
)
def test_a_figure_that_is_not_the_zones_is_left_out(path: str, anchor: str, value: str, reason: str | None) -> None:
    found = figures(sentence(path, anchor))
    assert not [o for o in found if isinstance(o, Observation) and o.value == Decimal(value)]
    if reason:
        assert any(isinstance(o, LeftOut) and reason in o.reason and o.figure.startswith(value) for o in found)


@pytest.mark.parametrize(
    ("path", "anchor", "value"),
    [
        ("corpus/217_kunming_gxq_2023.txt", "续建项目累计完成投资39.5亿元", "39.5"),  # a counted group
        ("corpus/242_chengdu_gxq_2013.txt", "高新技术企业总数达到538家", "538"),  # a category of firms
        ("corpus/247_chengdu_park_2010.txt", "入园企业投资额达到2748亿元", "2748"),
    ],
)
def test_a_figure_of_a_group_of_projects_or_firms_stays(path: str, anchor: str, value: str) -> None:
    assert [o for o in observations(sentence(path, anchor)) if o.value == Decimal(value)]


def test_a_target_in_a_half_year_report_is_the_years() -> None:
    text = (ROOT / "seeds" / "001_736da97378c749be.txt").read_text(encoding="utf-8")
    line = re.sub(r"\s+", "", text[text.index("科技企业“双倍增”行动") : text.index("专精特新企业 5家") + 10])
    found = {o.metric: (o.kind, o.period) for o in observations(line, 2023, "2023-01/2023-06")}
    assert found["专精特新企业"] == ("target", "2023")


@pytest.mark.parametrize(
    ("path", "anchor", "value", "metric"),
    [
        # the occasion (本次), an adverb (先后) and a scope (全省) open the phrase but are not the metric
        ("corpus/028_zhengzhou_jkq_2022.txt", "本次集中开工项目4个", "4", "集中开工项目"),
        ("corpus/007_guiyang_gxq_2011.txt", "先后投入技改资金2亿元", "2", "技改资金"),
        ("corpus/247_chengdu_park_2010.txt", "省级以上开发区总数达到100家", "100", "省级以上开发区总数"),
    ],
)
def test_the_metric_is_the_noun_phrase_without_what_opens_the_clause(path: str, anchor: str, value: str,
                                                                    metric: str) -> None:
    found = {o.metric for o in observations(sentence(path, anchor)) if o.value == Decimal(value)}
    assert found == {metric}


def test_work_done_on_a_thing_is_no_part_of_its_metric() -> None:
    text = (ROOT / "seeds" / "004_2f6326690d6cd2ec.txt").read_text(encoding="utf-8")
    start = text.index("谋划申报专项债项目")
    clause = re.sub(r"\s+", "", text[start - 1 : start + 16])
    assert {o.metric for o in observations(clause)} == {"专项债项目"}


def test_a_running_total_counts_the_thing_before_it() -> None:
    text = sentence("corpus/152_zibo_gxq_2023.txt", "累计28家")
    found = {(o.metric, o.value, o.change) for o in observations(text)}
    assert {("国家级“小巨人”企业", Decimal(7), "新增"), ("国家级“小巨人”企业", Decimal(28), "累计"),
            ("省级制造业单项冠军", Decimal(8), "新增"), ("省级制造业单项冠军", Decimal(18), "累计")} <= found


def test_a_year_opening_the_metric_is_its_period() -> None:
    text = sentence("corpus/153_zibo_gxq_2022.txt", "地区生产总值实现378.3亿元")
    [obs] = [o for o in observations(text, 2022, "2022") if o.value == Decimal("378.3")]
    assert (obs.metric, obs.growth, obs.period) == ("地区生产总值", Decimal("12.1"), "2022")


def test_a_year_the_sentence_names_dates_it_when_the_report_names_none() -> None:
    text = sentence("corpus/247_chengdu_park_2010.txt", "完成基础设施投资621亿元")
    found = {o.value: o.period for o in find(Sentence(0, text, 0, len(text)), None, None) if isinstance(o, Observation)}
    assert found[Decimal(621)] == "2009"


def test_a_year_a_figure_is_compared_with_is_not_the_reports() -> None:
    from kg.extract.document import describe
    from kg.outputs.gold import report_text

    file = SHARED / "corpus" / "141_shanghai_xq_2021.txt"
    if not file.is_file():
        pytest.skip("the real reports live in ../shared")
    info = describe(report_text(file.read_text(encoding="utf-8")).strip())
    assert info.year != 2019  # "较2019年同期增长…" compares; it does not date the report


def test_a_web_pages_title_stops_at_its_byline_and_gives_its_period() -> None:
    from kg.pipeline import extract_rules
    from kg.text.read import read_document

    file = SHARED / "corpus" / "217_kunming_gxq_2023.txt"
    if not file.is_file():
        pytest.skip("the real reports live in ../shared")
    info = extract_rules(read_document(file)).info
    assert "来源" not in info.title and len(info.title) <= 40
    assert (info.year, info.period) == (2023, "2023-H1")  # "…上半年主要指标…": the first half of its year


@pytest.mark.parametrize(
    ("path", "anchor", "metric", "value"),
    [
        ("corpus/204_tianjin_jkq_2017.txt", "财政总支出162.89亿元", "财政总支出", "162.89"),
        ("corpus/146_lianyungang_gxq_2020.txt", "产业总收入440亿元", "产业总收入", "440"),
    ],
)
def test_a_noun_phrase_with_a_metrics_head_needs_no_verb(path: str, anchor: str, metric: str, value: str) -> None:
    assert (metric, Decimal(value)) in {(o.metric, o.value) for o in observations(sentence(path, anchor))}


@pytest.mark.parametrize(
    ("path", "anchor", "value"),
    [
        ("long/2026_福建省_政府工作报告.txt", "新增7个全国未来产业创新发展优秀典型案例", "7"),  # a change word alone
        ("long/2026_贵州省_政府工作报告.txt", "完成置换63万亩", "63"),  # a verb alone
    ],
)
def test_a_change_word_or_a_verb_alone_is_no_metric(path: str, anchor: str, value: str) -> None:
    assert not [o for o in observations(sentence(path, anchor)) if o.value == Decimal(value)]


def test_five_years_in_a_row_is_the_period_not_the_metric() -> None:
    text = sentence("long/2026_重庆市_政府工作报告.txt", "进出口总值五年累计超过3.8万亿元")
    [obs] = [o for o in observations(text, 2026, "2025") if o.value == Decimal("3.8")]
    assert (obs.metric, obs.period, obs.qualifier) == ("进出口总值", "2021-01/2025-12", "over")


@pytest.mark.parametrize(
    ("path", "anchor", "year", "value", "period"),
    [
        # "截至10月底": the first ten months
        ("corpus/208_baotou_gxq_2022.txt", "已竣工项目26个", 2022, "26", "2022-01/2022-10"),
        # "今年上半年" holds for the sentence; "制定全年项目投资计划" names no figure's period
        ("corpus/217_kunming_gxq_2023.txt", "主导产业规上企业总产值264.7亿元", 2023, "264.7", "2023-H1"),
        # "比2005年提高…" compares; the sentence is about 2010
        ("corpus/128_linyi_jkq_2011.txt", "实际利用市外资金160亿元", 2011, "160", "2010"),
        # "今年前三个季度"
        ("corpus/203_changchun_gxq_2015.txt", "新引进项目50个", 2015, "50", "2015-Q1-Q3"),
        # one month, not a day of it
        ("corpus/123_nantong_xq_2020.txt", "12月示范区共有开工项目19个", 2020, "19", "2020-12/2020-12"),
        # 全年 of a sentence that named its year is that year's
        ("corpus/245_langfang_park_2021.txt", "全年共开工项目326个", 2021, "326", "2020"),
    ],
)
def test_the_period_a_sentence_names(path: str, anchor: str, year: int, value: str, period: str) -> None:
    found = {o.value: o.period for o in observations(sentence(path, anchor), year, str(year))}
    assert found[Decimal(value)] == period


def test_a_period_up_to_a_month_holds_for_its_own_sentence_only() -> None:
    from kg.extract.periods import sentence_period

    text = sentence("corpus/208_baotou_gxq_2022.txt", "已竣工项目26个")
    assert sentence_period(text, 2022, "2022") != "2022-01/2022-10"


@pytest.mark.parametrize(
    ("path", "anchor", "value", "metric"),
    [
        # 签约 is no "about" (约), and a verb that ends the words before a count measures nothing
        ("corpus/250_guiyang_xq_2023.txt", "综合保税区签约10个项目", "10", None),
        # a change word after the counted thing: 企业净增 → 净增企业
        ("corpus/217_kunming_gxq_2023.txt", "企业净增2359户", "2359", "净增企业"),
    ],
)
def test_a_verb_before_a_count_is_no_metric(path: str, anchor: str, value: str, metric: str | None) -> None:
    found = {o.value: ((o.change or "") + o.metric, o.qualifier) for o in observations(sentence(path, anchor))}
    if metric is None:
        assert Decimal(value) not in found
    else:
        assert found[Decimal(value)] == (metric, None)


def test_a_goal_one_works_towards_makes_no_target() -> None:
    text = sentence("corpus/005_nanchang_xinjian_kfq_2018h1.txt", "实现工业总产值147.69亿元")
    found = {o.value: o.kind for o in observations(text, 2018, "2018-H1")}
    assert found[Decimal("147.69")] == "actual"  # "紧扣“国家级工业园”的目标，…今年1-5月份，…实现…"


@pytest.mark.parametrize(
    ("path", "anchor", "value", "metric"),
    [
        # the count of a size class is a figure, its metric written with the threshold
        ("corpus/247_chengdu_park_2010.txt", "新增入园10亿元以上重大产业化项目", "47", "新增10亿元以上重大产业化项目"),
        ("corpus/111_changzhou_gxq_2020.txt", "投资超1亿元或1000万美元制造业项目70个", "70",
         "投资超1亿元或1000万美元制造业项目"),
        ("corpus/251_ordos_kfq_2023.txt", "亿元以上项目有74个", "74", "亿元以上项目"),
        # a sector's value added: 第二产业 is no rank (第N名)
        ("corpus/201_xian_gxq_2023.txt", "第二产业增加值1039.14亿元", "1039.14", "第二产业增加值"),
        # a noun phrase whose head is a measure (产量, 面积) needs no verb
        ("corpus/201_xian_gxq_2023.txt", "汽车产量61.9万辆", "61.9", "汽车产量"),
        # 共 (in all) cuts the area before it, but not the 共 of 公共
        ("corpus/204_tianjin_jkq_2017.txt", "新区口径一般公共预算收入", "286.58", "口径一般公共预算收入"),
        ("corpus/123_nantong_xq_2020.txt", "12月示范区共有开工项目19个", "19", "开工项目"),
        # a metric's head that jieba tags as a verb (支出) is still its head
        ("corpus/204_tianjin_jkq_2017.txt", "一般支出133.55亿元", "133.55", "一般支出"),
        # the total after a clause that counts projects without a figure of its own
        ("corpus/214_yinchuan_park_2022.txt", "共签约2个项目,总投资6.32亿元", "6.32", "总投资"),
    ],
)
def test_the_metric_of_a_figure(path: str, anchor: str, value: str, metric: str) -> None:
    found = {o.value: (o.change or "") + o.metric for o in observations(sentence(path, anchor))}
    assert found[Decimal(value)] == metric


def test_a_threshold_after_over_is_no_figure() -> None:
    text = sentence("corpus/111_changzhou_gxq_2020.txt", "投资超1亿元或1000万美元制造业项目70个")
    assert Decimal(1) not in {o.value for o in observations(text)}


def test_the_years_task_names_no_period() -> None:
    text = sentence("corpus/217_kunming_gxq_2023.txt", "其中企业净增2359户")
    found = {o.value: o.period for o in observations(text, 2023, "2023-H1")}
    assert found[Decimal(2359)] == "2023-H1"  # "完成全年任务的93.7%" is no figure of the year


@pytest.mark.parametrize(
    ("path", "anchor", "value", "metric"),
    [
        # the counted thing after its count, ending in a head of the genre's counted things
        ("corpus/135_qingdao_xq_2022.txt", "106项试点任务全面实施", "106", None),  # a task count: 任务 is no metric
        # one figure a clause: the amount after the count is the clause's figure
        ("corpus/217_kunming_gxq_2023.txt", "75个续建项目累计完成投资39.5亿元", "75", None),
        ("corpus/032_changzhou_jkq.txt", "32个产业项目现场集中签约", "32", "产业项目"),
        # a count after "A等" counts the list's examples: left to the list
        ("corpus/130_maanshan_jkq_2019.txt", "亨利食品等31个重点项目开工建设", "31", None),
    ],
)
def test_a_counted_thing_after_its_count(path: str, anchor: str, value: str, metric: str | None) -> None:
    found = {o.value: (o.change or "") + o.metric for o in observations(sentence(path, anchor))}
    assert found.get(Decimal(value)) == metric


def test_a_level_reached_in_a_five_year_review_is_the_last_years() -> None:
    text = sentence("long/2026_湖南省_政府工作报告.txt", "高铁营运里程达")
    found = {o.metric: o.period for o in observations(text, 2026, "2021-01/2025-12")}  # the review's span
    assert found["高铁营运里程"] == "2025"  # a level; what was added over the five years keeps the span


def test_a_bound_after_a_count_is_its_qualifier_not_its_metric() -> None:
    [obs] = observations("力争新开工100个左右重大项目。", 2026, "2025")
    assert (obs.metric, obs.qualifier) == ("重大项目", "about")


def test_the_whole_year_of_a_reports_review_is_the_year_it_reviews() -> None:
    text = sentence("long/2026_新疆维吾尔自治区_政府工作报告.txt", "全年地区生产总值")
    found = {o.metric: o.period for o in observations(text, 2026, "2025")}
    assert found["地区生产总值"] == "2025"  # a report given early in 2026: 全年 is 2025


def test_a_review_heading_names_the_year_a_report_reviews() -> None:
    from kg.extract.document import describe

    info = describe("政府工作报告\n2018年工作回顾\n2018年是改革开放40周年。")
    assert (info.year, info.period, info.plan_year) == (2019, "2018", 2019)


def test_a_figure_of_coordinated_things_is_not_given_to_the_last_one() -> None:
    text = sentence("long/2026_贵州省_政府工作报告.txt", "高速公路省际通道增至46个")
    assert Decimal(46) not in {o.value for o in observations(text, 2026, "2025")}  # 铁路、高速公路省际通道


def test_a_list_closed_by_deng_leaves_the_figure_after_it() -> None:
    text = re.sub(r"\s+", "", (ROOT / "seeds" / "000_a31e14f1e7f30bc0.txt").read_text(encoding="utf-8"))
    line = text[text.index("围绕“三大改造”") : text.index("总投资222.4亿元") + 10]
    assert {o.value for o in observations(line, 2022, "2022")} >= {Decimal(36), Decimal("222.4")}


def test_a_news_piece_dated_early_in_a_year_reviews_the_year_its_text_names() -> None:
    from kg.extract.document import describe

    info = describe("本报讯 2月21日，甲乙经开区召开动员大会，全面总结园区2020年招商引资工作。\n去年，园区实现工业总产值580亿元。")
    assert (info.year, info.period) == (2021, "2020")  # 去年 is 2020


def test_a_title_about_last_year_reviews_the_year_before() -> None:
    from kg.extract.document import describe

    info = describe("甲乙新区去年地区生产总值超300亿元 增速连续5年领跑国家级新区\n2022-01-13 来源:甲乙日报\n")
    assert (info.year, info.period) == (2022, "2021")


def test_a_year_a_change_starts_from_dates_nothing() -> None:
    from kg.extract.periods import sentence_period

    text = sentence("long/2026_贵州省_政府工作报告.txt", "农产品加工转化率从2020年的51%")
    assert sentence_period(text, 2026, "2025") != "2020"  # "从2020年的51%提升到2025年的70%"


def test_an_item_after_a_list_comma_takes_its_metric_from_the_item_before() -> None:
    text = sentence("long/2026_江西省_政府工作报告.txt", "达1.12万美元")
    found = {o.value: o.metric for o in observations(text, 2026, "2021-01/2025-12")}
    assert found.get(Decimal("1.12")) != "地区生产总值"  # 人均…达1.12万美元: never the GDP's


def test_a_heading_naming_the_coming_five_year_plan_opens_the_plan_part() -> None:
    from kg.extract.periods import opens_plan

    assert opens_plan("三、一鼓作气勇争先，全力推动“十五五”开好局、起好步", 2026)
    assert not opens_plan("一、“十四五”圆满收官，为“十五五”开局奠定基础", 2026)


def test_a_sentence_about_the_reports_own_event_takes_no_carried_period() -> None:
    from kg.extract.periods import on_the_occasion

    assert on_the_occasion(sentence("corpus/028_zhengzhou_jkq_2022.txt", "本次集中开工项目4个"))
    assert not on_the_occasion("其中：省、市重点项目140个，总投资1287亿元。")
