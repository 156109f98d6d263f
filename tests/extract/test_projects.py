"""Projects: names, own totals vs group totals, investors and status."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.projects import find
from kg.types import Fact, Kind, Mention, Sentence
from tests.conftest import shared_sentence


def facts(text: str) -> dict[str, dict[str, object]]:
    """label → {predicate: value} for every project found in ``text``."""
    out: dict[str, dict[str, object]] = {}
    for item in find(Sentence(0, text, 0, len(text))):
        if isinstance(item, Mention) and item.kind.value == "Project":
            out.setdefault(item.label, {})
        elif isinstance(item, Fact):
            obj = item.obj.label if isinstance(item.obj, Mention) else item.obj
            out.setdefault(item.subject.label, {})[item.predicate] = getattr(obj, "value", obj)
    return out


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("总投资40亿元的富联科技5G终端精密制造项目从签约到投产仅用150天，再次刷新富士康建设“济源速度”。",
         {"富联科技5G终端精密制造项目": {"totalInvestment": Decimal(4000000000),
                                         "investor": "富联科技", "status": "inOperation"}}),
        ("推动天传智能规划建设新项目，特别是总投资10亿元的国友线缆项目，盘活土地180余亩、厂房8万平方米，年内可顺利投产。",
         {"国友线缆项目": {"totalInvestment": Decimal(1000000000), "investor": "国友线缆"}}),
        ("截至目前，总投资15亿元的轴承滚动体等5个项目落地投产，总投资123.75亿元的中钢集团年产4万吨汽车用高品质弹性材料等15个项目开工建设。",
         {"轴承滚动体": {"status": "inOperation"},
          "中钢集团年产4万吨汽车用高品质弹性材料": {"investor": "中钢集团",
                                                   "status": "underConstruction"}}),
        ("预计年末，总投资20亿元的爱克莱特北方基地等4个项目将完成签约。",
         {"爱克莱特北方基地": {"status": "planned"}}),
        ("确保金源化工苯加氢、富联科技产能提升、国泰东工高端特殊钢材料等重点项目建成投产。",
         {"金源化工苯加氢": {"investor": "金源化工", "status": "planned"},
          "富联科技产能提升": {"investor": "富联科技", "status": "planned"},
          "国泰东工高端特殊钢材料": {"status": "planned"}}),
        ("加快推进高新人民医院等项目建设，谋划实施一批工业大数据、物联网、区块链等项目。", {"高新人民医院": {}}),
        # a compound of two stages is the later one (竣工投产 → inOperation)
        ("总投资18.9亿元的甲乙乘用车基地项目顺利竣工投产。",
         {"甲乙乘用车基地项目": {"totalInvestment": Decimal("1890000000"), "status": "inOperation"}}),
        ("引进总投资**亿元的新能源汽车三合一电驱生产基地，产业链条持续完善。", {"新能源汽车三合一电驱生产基地": {}}),
        ("投资35亿元的中欧班列集结中心示范工程（二期）项目开工。",
         {"中欧班列集结中心示范工程（二期）项目": {"totalInvestment": Decimal(3500000000),
                                                  "status": "underConstruction"}}),
        ("三是引育的“一物一码区块链溯源防篡改技术平台”项目入选河南省区块链创新应用试点。",
         {"一物一码区块链溯源防篡改技术平台项目": {}}),
        ("华茂大厦推进水电工程调试，滨湖商务楼完成外墙装饰工程，漩门湾x—x土地开发项目完成预算编制。",
         {"华茂大厦": {}, "滨湖商务楼": {}}),
        ("引进了投资30亿元华泰光电项目、引进了投资80亿元宏远南方基地项目等落户。",
         {"华泰光电项目": {"totalInvestment": Decimal(3000000000), "investor": "华泰光电", "status": "signed"},
          "宏远南方基地项目": {"totalInvestment": Decimal(8000000000), "status": "signed"}}),
        ("时尚家居方面，恒丰智能家居产业园一期项目开工建设，该项目总投资6亿元。",
         {"恒丰智能家居产业园一期项目": {"status": "underConstruction"}}),
        ("国际一流厨电品牌欧兰达华东总部及生产基地项目主体厂房建设加快推进。",
         {"欧兰达华东总部及生产基地项目": {"status": "underConstruction"}}),
        ("省能源集团华凌电力总投资30亿元新能源产业基地项目；",
         {"新能源产业基地项目": {"totalInvestment": Decimal(3000000000), "investor": "华凌电力"}}),
        # a status verb right before the name, when nothing after the name states one
        ("启动实施投资8.6亿元的城北片区综合整治(一期)项目，目前已完成3条道路改造。",
         {"城北片区综合整治(一期)项目": {"totalInvestment": Decimal(860000000),
                                          "status": "underConstruction"}}),
        ("谋划实施恒远科技智能装备项目，培育壮大装备制造产业。",
         {"恒远科技智能装备项目": {"investor": "恒远科技", "status": "planned"}}),
        ("完成城南中学改扩建项目，新增学位1200个。", {"城南中学改扩建项目": {"status": "completed"}}),
        ("完成城南中学改扩建项目设计方案编制。", {"城南中学改扩建项目": {}}),
        ("谋划招引落地滨江数字产业园项目，目前已形成合作协议初稿。", {"滨江数字产业园项目": {"status": "planned"}}),
        ("引进了投资20亿元宏远光电项目等落户，产业链条持续完善。",
         {"宏远光电项目": {"totalInvestment": Decimal(2000000000), "investor": "宏远光电", "status": "signed"}}),
        ("宏远光电项目截至6月底已完成投资约3亿元。", {"宏远光电项目": {"investor": "宏远光电",
                                                                     "status": "underConstruction"}}),
        # items of an uncounted list of projects that are coined short names stand for firms
        ("一批大项目纷至沓来，恒岳、华焊所、欣隆等一批省重点项目落地落户。", {}),
        ("重点扶持了华信新材料、欧比特、航远科技等20余个技改提升项目。", {}),
        ("博物馆和图书馆项目均完成形象进度xx%。", {"图书馆项目": {}}),
        ("国际五金城三期、湖滨华联商业大厦均推进地下室施工。", {"国际五金城三期": {}, "湖滨华联商业大厦": {}}),
        ("综合物流园一期准备投用，百步康商务楼推进内部水电工程。", {"综合物流园一期": {}, "百步康商务楼": {}}),
        ("其中华信在园区分别投资三个项目：日产20万只铝壳电池制造基地 、一维微显整机基地、及至微芯片基地。",
         {"日产20万只铝壳电池制造基地": {}, "一维微显整机基地": {}, "至微芯片基地": {}}),
        # categories and masked figures are not projects or investments
        ("实施重点项目38个，总投资254.4亿元，上半年完成投资69.63亿元。", {}),
        ("上报新签约亿元以上项目**个，协议总投资***.**亿元。", {}),
        ("总投资**亿元的**英寸硅基OLED微显示器制造项目顺利签约落地。", {}),
        ("坚持“项目为王”，牢牢抓住项目建设“牛鼻子”，完善项目预审机制。", {}),
        ("高新区第一批申报棚户区改造6个项目按要求进行资料上报。", {}),
    ],
)
def test_projects(text_in: str, expected: dict[str, dict[str, object]]) -> None:
    assert facts(text_in) == expected


def test_total_after_the_name_is_the_projects_own() -> None:
    found = facts("重点推进智能装备产业基地项目，总投资12亿元。")
    assert found["智能装备产业基地项目"]["totalInvestment"] == Decimal(1200000000)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["时尚家居方面，恒丰智能家居产业园一期项目开工建设，该项目总投资6亿元。"],
         {"totalInvestment": Decimal(600000000)}),
        (["在园区东侧，欧兰达华东总部及生产基地项目主体建设加快推进。",
          "欧兰达集团是欧洲知名的厨电企业。",
          "该项目由欧兰达集团投资建设，将华东总部移至本区，项目总投资12亿元，用地150亩。"],
         {"totalInvestment": Decimal(1200000000), "investor": "欧兰达集团"}),
        # two projects before 该项目: which one is meant is not said
        (["华泰光电项目和宏远电池项目同日开工。", "该项目总投资5亿元。"], {}),
        # a project whose own total is already stated keeps it
        (["总投资5亿元的恒丰智能家居项目开工，该项目总投资6亿元。"],
         {"totalInvestment": Decimal(500000000), "investor": "恒丰智能"}),
        # a group total after 该项目 is not the project's
        (["恒丰智能家居项目开工。", "该项目总投资5亿元的配套工程同步建设。"], {}),
    ],
)
def test_anaphora_gives_facts_to_the_project_named_before(sentences: list[str],
                                                          expected: dict[str, object]) -> None:
    from kg.extract import extract
    from kg.text.normalize import normalize
    from kg.types import Document

    text = "".join(sentences)
    found = extract(Document("d.txt", text, "0" * 64), normalize(text))
    anaphoric = {f.predicate: f.obj.label if isinstance(f.obj, Mention) else f.obj
                 for f in found.facts if f.sentence == len(sentences) - 1
                 and f.predicate in ("totalInvestment", "investor")}
    assert anaphoric == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("一批大项目纷至沓来，恒岳、华焊所、欣隆等一批省重点项目落地落户。", ["恒岳", "华焊所", "欣隆"]),
        ("重点扶持了华信新材料、欧比特、航远科技等20余个技改提升项目。", ["华信新材料", "欧比特", "航远科技"]),
        # dictionary words and counted lists are not firms
        ("谋划实施一批工业大数据、物联网、区块链等项目。", []),
        ("第二批申报西连湖及五龙口三期等2个项目按要求进行资料上报。", []),
        # pieces of infrastructure after 推动 are projects, not firms that were helped
        ("全力推动甲乙铁路、丙丁铁路、戊己水库、庚辛铁路某某段等项目建设。", []),
        # an item with a capacity is a project, even after 推动 (a brand with its industry word is a firm)
        ("推动甲乙60万吨丙烯、丙丁化工等项目释放产能。", ["丙丁化工"]),
        # ways and funds are no group of projects
        ("采取资源化利用、调整微动力设施、纳厂处理等方式提高建成项目治理效能。", []),
        ("确保使用超长期特别国债、预算内投资、专债等资金的项目发挥效益。", []),
    ],
)
def test_firms_named_for_their_projects(text_in: str, expected: list[str]) -> None:
    found = find(Sentence(0, text_in, 0, len(text_in)))
    assert [m.label for m in found if isinstance(m, Mention) and m.kind is Kind.COMPANY] == expected


def test_each_item_with_its_own_amount_is_a_project_with_its_own_total() -> None:
    found = facts("投资70亿元的甲乙信息港、投资50亿元的丙丁汽车等27个项目开工。")
    assert found["甲乙信息港"]["totalInvestment"] == Decimal("7000000000")
    assert found["丙丁汽车"]["totalInvestment"] == Decimal("5000000000")


def test_one_amount_before_a_list_is_the_groups() -> None:
    found = facts("截至目前，总投资15亿元的轴承滚动体等5个项目落地投产。")
    assert "totalInvestment" not in found["轴承滚动体"]


@pytest.mark.parametrize(
    ("path", "anchor", "project", "status"),
    [
        # the clause that opens a list says what stage its projects are at
        ("corpus/123_nantong_xq_2020.txt", "本次集中开工的项目共5个", "艾瑞顺项目", "underConstruction"),
    ],
)
def test_a_list_takes_the_stage_its_head_says(path: str, anchor: str, project: str, status: str) -> None:
    assert facts(shared_sentence(path, anchor))[project].get("status") == status


@pytest.mark.parametrize(
    ("text_in", "project", "status"),
    [
        ("计划开工项目12个，包括甲乙新材料项目、丙丁项目等。", "丙丁项目", "planned"),
        # a stage after the list's own item wins
        ("新签约项目8个，其中：甲乙电子项目已开工。", "甲乙电子项目", "underConstruction"),
    ],
)
def test_a_head_in_the_future_plans_its_list(text_in: str, project: str, status: str) -> None:
    assert facts(text_in)[project].get("status") == status


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a total right after the name, in its clause, is the project's own
        ("甲乙新材料项目总投资20亿元，预计年底投产。", Decimal(2000000000)),
        ("甲乙新材料项目（总投资20亿元）开工。", Decimal(2000000000)),
        ("甲乙新材料项目计划总投资20亿元。", Decimal(2000000000)),
        # a total before the name with another attribute between
        ("总投资20亿元、占地300亩的甲乙新材料项目开工。", Decimal(2000000000)),
        # a lower bound is no total; a pair's or a group's total is not one project's
        ("甲乙新材料项目总投资超20亿元。", None),
        ("丙丁项目和甲乙新材料项目总投资20亿元。", None),
        ("两个甲乙新材料项目总投资20亿元。", None),
    ],
)
def test_a_total_next_to_the_name(text_in: str, expected: Decimal | None) -> None:
    assert facts(text_in).get("甲乙新材料项目", {}).get("totalInvestment") == expected


@pytest.mark.parametrize(
    ("text_in", "status"),
    [
        ("甲乙新材料项目正式动工。", "underConstruction"),
        ("甲乙新材料项目主体结构封顶。", "underConstruction"),
        ("甲乙新材料项目正在建设。", "underConstruction"),
        ("甲乙新材料项目顺利投运。", "inOperation"),
        ("甲乙新材料项目一季度试生产。", "inOperation"),
        ("甲乙新材料项目上网运行。", "inOperation"),
        ("甲乙新材料项目完成注册。", "signed"),
    ],
)
def test_more_stage_words(text_in: str, status: str) -> None:
    assert facts(text_in)["甲乙新材料项目"].get("status") == status


@pytest.mark.parametrize(
    ("text_in", "investor"),
    [
        ("由甲乙科技有限公司投资建设的年产10万吨锂电池材料项目开工。", "甲乙科技有限公司"),
        ("年产10万吨锂电池材料项目由甲乙科技有限公司投资建设。", "甲乙科技有限公司"),
        # a firm not named by its legal name is left out
        ("由甲乙投资建设的年产10万吨锂电池材料项目开工。", None),
    ],
)
def test_a_firm_said_to_invest_is_the_investor(text_in: str, investor: str | None) -> None:
    assert facts(text_in)["年产10万吨锂电池材料项目"].get("investor") == investor


def test_an_enumeration_of_projects_names_projects_even_with_a_parks_suffix() -> None:
    from kg.extract import parks

    text = "此次集中开工项目包括：甲乙生命科学创新园、丙丁生物医药产业园；同时建成戊己科技产业园。"
    found = facts(text)
    assert found == {"甲乙生命科学创新园": {"status": "underConstruction"},
                     "丙丁生物医药产业园": {"status": "underConstruction"}}
    assert [m.label for m in parks.find(Sentence(0, text, 0, len(text)))] == ["戊己科技产业园"]
