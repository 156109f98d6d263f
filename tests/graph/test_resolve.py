"""Resolution: stable keys, zone scoping, unnamed zones kept apart."""

from __future__ import annotations

from kg.extract.forms import normal_form
from kg.graph.resolve import entity_key, resolve
from kg.pipeline import extract_document
from kg.types import Document, Kind


def doc(name: str, text: str) -> Document:
    return Document(name=name, text=text, sha256=name.encode().hex().ljust(64, "0"))


def test_normal_form_ignores_width_quotes_and_spaces() -> None:
    assert normal_form("“济源互联网＋孵化园” ") == normal_form("济源互联网+孵化园")


def test_keys_are_stable_and_scoped() -> None:
    key = entity_key(Kind.PARK, "zone/a", "化工园区")
    assert key == entity_key(Kind.PARK, "zone/a", "化工园区")
    assert key != entity_key(Kind.PARK, "zone/b", "化工园区")
    assert key.startswith("park/")


def test_same_park_in_two_zones_stays_two_and_company_is_one() -> None:
    a = extract_document(doc("a.txt", "甲市高新区2022年工作总结\n甲市高新区化工园区通过验收。河南金源氢化化工股份有限公司上市。"))
    b = extract_document(doc("b.txt", "乙市高新区2023年工作总结\n乙市高新区化工园区通过验收。河南金源氢化化工股份有限公司扩产。"))
    resolution = resolve([a, b])
    parks = [e for e in resolution.entities if e.kind is Kind.PARK]
    firms = [e for e in resolution.entities if e.kind is Kind.COMPANY]
    assert len(parks) == 2
    assert len(firms) == 1 and firms[0].documents == frozenset({"a.txt", "b.txt"})


def test_unnamed_zones_are_never_merged() -> None:
    a = extract_document(doc("a.txt", "高新区2022年工作总结\n高新区实现营业收入9亿元。"))
    b = extract_document(doc("b.txt", "高新区2023年工作总结\n高新区实现营业收入10亿元。"))
    resolution = resolve([a, b])
    zones = [e for e in resolution.entities if e.kind is Kind.ZONE]
    assert len(zones) == 2 and all(z.label.startswith("高新区（高新区202") for z in zones)


def test_resolution_does_not_depend_on_input_order() -> None:
    a = extract_document(doc("a.txt", "甲市高新区2022年工作总结\n总投资10亿元的国友线缆项目开工。"))
    b = extract_document(doc("b.txt", "乙市经开区2023年工作总结\n格力、汉威等2家企业入选。"))
    assert resolve([a, b]).entities == resolve([b, a]).entities


def test_a_report_about_no_zone_has_none() -> None:
    news = extract_document(doc("news.txt", "全国经济运行情况\n前三季度，全国规模以上工业增加值同比增长6.2%。"
                                            "各地深化开发区管理制度改革，释放五大开发区潜能。"))
    resolution = resolve([news])
    assert news.own_zone is None and resolution.zone_of["news.txt"] is None
    assert not [e for e in resolution.entities if e.kind is Kind.ZONE]
