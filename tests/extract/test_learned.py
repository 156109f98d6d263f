"""Learned names: what strong patterns find in one report is looked for in every report."""

from __future__ import annotations

from kg.extract import extract, learned_names, recognise
from kg.text.normalize import normalize
from kg.types import Document, Kind


def _extraction(name: str, text: str):  # type: ignore[no-untyped-def]
    return extract(Document(name, text, "0" * 64), normalize(text))


def test_a_legal_name_is_learned_and_found_elsewhere() -> None:
    first = _extraction("a.txt", "河南甲乙丙新材料股份有限公司成功在港交所上市。")
    second = _extraction("b.txt", "本区支持河南甲乙丙新材料股份有限公司扩产。")
    lexicon = learned_names([first, second])
    assert lexicon.names.get("河南甲乙丙新材料股份有限公司") is Kind.COMPANY
    found = recognise(second, lexicon)
    assert "河南甲乙丙新材料股份有限公司" in {m.label for m in found.mentions}


def test_an_item_of_a_list_is_not_learned() -> None:
    """A list item is a firm in its own sentence only: "城市更新" of one list is no firm elsewhere."""
    first = _extraction("a.txt", "组建能源发展、数据、城市更新等一批主业企业。")
    second = _extraction("b.txt", "高质量开展城市更新行动。")
    lexicon = learned_names([first, second])
    assert "城市更新" not in lexicon.names
    assert "城市更新" not in {m.label for m in recognise(second, lexicon).mentions}
