"""Honors: quoted and unquoted titles after a trigger, and their recipients."""

from __future__ import annotations

import pytest

from kg.extract.honors import find
from kg.types import Fact, Kind, Mention, Sentence
from tests.conftest import shared_sentence

ZONE = Mention(Kind.ZONE, "济源高新区", 0)


def awards(text: str) -> list[tuple[str, str | None]]:
    """(honor, recipient) pairs; recipient ``None`` when the text gives none."""
    items = find(Sentence(0, text, 0, len(text)), ZONE)
    honors = [m.label for m in items if isinstance(m, Mention) and m.kind is Kind.HONOR]
    given = {(f.subject.label, f.obj.label) for f in items
             if isinstance(f, Fact) and f.predicate == "awardedTo" and isinstance(f.obj, Mention)}
    out: list[tuple[str, str | None]] = sorted(given)
    out += [(h, None) for h in dict.fromkeys(honors) if h not in {g[0] for g in given}]
    return out


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("在元至12月份示范区高质量发展考核中综合排名位居第一，先后荣获“2023年度全省经济技术开发区对外开放工作先进单位”“2023年度河南省数字化转型示范区”等荣誉。",
         [("2023年度全省经济技术开发区对外开放工作先进单位", "济源高新区"),
          ("2023年度河南省数字化转型示范区", "济源高新区")]),
        ("济源互联网+孵化园获评“河南省第九批创业孵化示范基地”，成功挂牌“河南省小型微型企业创业创新示范基地”。",
         [("河南省小型微型企业创业创新示范基地", "济源互联网+孵化园"),
          ("河南省第九批创业孵化示范基地", "济源互联网+孵化园")]),
        ("六是高新区机关党委获得“示范区先进基层党组织”荣誉称号。",
         [("示范区先进基层党组织", "高新区机关党委")]),
        ("济源钢产品深加工产业集群荣获2023年度河南省中小企业特色产业集群，先进金属材料及深加工产业链荣获“河南省最具竞争力产业链20强”荣誉称号。",
         [("2023年度河南省中小企业特色产业集群", "济源钢产品深加工产业集群"),
          ("河南省最具竞争力产业链20强", "先进金属材料及深加工产业链")]),
        ("格力、汉威、思维、机械所等4家企业认定为2022年河南省制造业头雁企业，全市占比23.5%。",
         [("2022年河南省制造业头雁企业", "思维"), ("2022年河南省制造业头雁企业", "机械所"),
          ("2022年河南省制造业头雁企业", "格力"), ("2022年河南省制造业头雁企业", "汉威")]),
        ("三是引育的“一物一码区块链溯源防篡改技术平台”项目入选河南省区块链创新应用试点。",
         [("河南省区块链创新应用试点", "一物一码区块链溯源防篡改技术平台项目")]),
        ("高新区入选2023年全省制造业高质量发展激励名单", [("2023年全省制造业高质量发展激励名单", "济源高新区")]),
        ("2022年获评全省营商环境建设先进园区，始终朝着千亿园区目标迈进。", [("全省营商环境建设先进园区", "济源高新区")]),
        ("华阳经开区成为全省唯一既获评“‘五好’园区创建工作先进”，又获评“开放合作先进”园区",
         [("‘五好’园区创建工作先进", "华阳经开区"), ("开放合作先进园区", "华阳经开区")]),
        ("获“创新贡献奖”二等奖的华阳精密电子有限公司产值连续三年超五十亿元。",
         [("创新贡献奖二等奖", "华阳精密电子有限公司")]),
        ("华阳钢铁集团有限公司、恒通集团股份有限公司、东岗村等在各领域作出突出贡献的8家单位获得了“高质量发展奖”。",
         [("高质量发展奖", "华阳钢铁集团有限公司"), ("高质量发展奖", "恒通集团股份有限公司"), ("高质量发展奖", "东岗村")]),
        # which list is not said
        ("经综合评比，园区在促进工业高质量发展工作中成功入选推荐名单。", []),
        # masked titles and slogans are not honors
        ("园区荣获“**市第二十届文明单位”称号。", []),
        ("坚持以党建为引领，推动高质量发展取得新成效。", []),
    ],
)
def test_honors(text_in: str, expected: list[tuple[str, str | None]]) -> None:
    assert awards(text_in) == sorted(expected)


def test_year_comes_from_the_title() -> None:
    items = find(Sentence(0, "获评“2023年度省级数字化转型示范区”。", 0, 20), ZONE)
    assert [f.obj for f in items if isinstance(f, Fact) and f.predicate == "year"] == [2023]


def test_a_second_trigger_after_a_comma_opens_a_second_title() -> None:
    text = shared_sentence("corpus/146_lianyungang_gxq_2020.txt", "荣获国家科技进步一等奖、获批")
    honors = {h for h, _ in awards(text)}
    assert {"国家科技进步一等奖", "国家专精特新小巨人企业"} <= honors
    assert not [h for h in honors if "、" in h or "获批" in h]


def test_titles_a_meeting_gives_have_no_recipient_said() -> None:
    text = shared_sentence("corpus/159_chizhou_jkq_2019.txt", "表彰了")
    found = awards(text)
    assert {h for h, _ in found} >= {"2019年度开发区创新发展骨干企业", "优秀企业家", "第二届区级文明单位"}
    assert all(recipient is None for _, recipient in found)  # the meeting gives them; the zone does not receive them


def test_each_quoted_title_given_to_firms_is_one_honor() -> None:
    text = shared_sentence("corpus/206_tianjin_gxq_2017.txt", "被分别授予")
    assert {"年度综合贡献企业", "自主创新先进企业", "商业模式创新企业"} <= {h for h, _ in awards(text)}


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a list of titles after 表彰一批 …
        ("隆重表彰一批2020年度优秀企业管理团队、服务企业先进金融机构和招商引资突出贡献个人",
         ["2020年度优秀企业管理团队", "服务企业先进金融机构", "招商引资突出贡献个人"]),
        # … and before 的表彰
        ("宣读了关于对2018年度优秀公务员、优秀党员和先进个人的表彰决定", ["2018年度优秀公务员", "优秀党员", "先进个人"]),
    ],
)
def test_titles_of_an_award_list_have_no_recipient_said(text_in: str, expected: list[str]) -> None:
    from kg.extract.honors import honors_in_clause

    assert honors_in_clause(text_in) == [(title, "") for title in expected]


def test_a_ranking_sentence_is_no_title() -> None:
    from kg.extract.honors import honors_in_clause

    assert honors_in_clause("入选省“5个100”、市“5个一批”的项目数量位居省市前列") == []


@pytest.mark.parametrize(
    ("path", "anchor", "expected"),
    [
        # 被批准为 and 确定为 name designations
        ("corpus/248_zigong_kfq_2020.txt", "被批准为", {"国家级农业产业化示范基地", "四川新型工业化示范基地"}),
        # a pilot zone (…先导区) and a node (…节点) are designations
        ("corpus/152_zibo_gxq_2023.txt", "人才集聚节点", {"全省首批人才集聚节点"}),
        # "成为全国第四个、西部地区首个…": which one it is, is not part of the title
        ("corpus/222_chongqing_xq_2020.txt", "车联网先导区", {"国家级车联网先导区"}),
        # a place on a ranking is not part of the ranking's name
        ("corpus/146_lianyungang_gxq_2020.txt", "百强榜", {"中国医药工业百强榜", "第二轮中法工业合作示范项目"}),
        # a list of candidates is no honor
        ("corpus/014_linhai_kfq_2023_anon.txt", "创建名单", set()),
        # 入围 names a list the firms made
        ("corpus/215_lanzhou_xq_2021.txt", "入围", {"国家级绿色工厂"}),
        # 蝉联 and 再获 are triggers too; 试点城市 and 名录 end titles
        ("long/2026_甘肃省_政府工作报告.txt", "蝉联", {"全国文明城市"}),
    ],
)
def test_designations_in_real_sentences(path: str, anchor: str, expected: set[str]) -> None:
    found = {h for h, _ in awards(shared_sentence(path, anchor))}
    assert expected <= found if expected else found == set()


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("甲省是开展耕地林地园地空间治理一张图试点的4个省份之一", []),
        ("全区累计获批5个国家生态文明建设示范区", [("国家生态文明建设示范区", None)]),
        # 获得感 is a feeling, not a trigger; a task (成立…, 建设…) is no title
        ("人民群众获得感、幸福感、安全感不断增强", []),
        ("获批成立甲乙国家技术创新中心丙丁中心", []),
        # a scope and a generic head name no honor
        ("10部作品荣获国家级和国际大奖", []),
        ("甲乙区入选全国试点", []),
    ],
)
def test_counts_and_shares_are_no_titles(text_in: str, expected: list[tuple[str, str | None]]) -> None:
    assert awards(text_in) == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # where the listed firms are is not part of their names
        ("园区内甲乙科技、丙丁电子2家企业入选省级绿色工厂名单。", {"甲乙科技", "丙丁电子"}),
        ("辖区内甲乙科技、丙丁电子等5家企业获评省级专精特新企业。", {"甲乙科技", "丙丁电子"}),
    ],
)
def test_listed_firms_receive_the_honor(text_in: str, expected: set[str]) -> None:
    items = find(Sentence(0, text_in, 0, len(text_in)), None)
    assert {f.obj.label for f in items if isinstance(f, Fact) and f.predicate == "awardedTo"} == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a coined name before the trigger is a firm; the subject ends at its own verb
        ("鑫岚晟获批国家企业技术中心。", [("国家企业技术中心", "鑫岚晟")]),
        ("岚晟纺机发力碳纤维成套装备荣获国家科技进步一等奖。", [("国家科技进步一等奖", "岚晟纺机")]),
        # firms counted in a list keep their own recipients
        ("甲乙科技、丙丁电子等5家企业获评省级专精特新企业。", [("省级专精特新企业", "甲乙科技"),
                                                         ("省级专精特新企业", "丙丁电子")]),
    ],
)
def test_who_receives_an_honor(text_in: str, expected: list[tuple[str, str]]) -> None:
    items = find(Sentence(0, text_in, 0, len(text_in)), None)
    assert [(f.subject.label, f.obj.label) for f in items if isinstance(f, Fact) and f.predicate == "awardedTo"] \
        == expected
