"""Extractions as Parquet: what is written is read back, field for field, in order."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from kg.columnar import read_partition, write_added, write_partition
from kg.types import (
    Document,
    DocumentInfo,
    Extraction,
    Fact,
    Kind,
    LeftOut,
    Mention,
    Observation,
    Ranking,
    Sentence,
    Status,
)

TEXT = "甲乙科技有限公司投资10.50亿元建设丙丁项目，项目已开工。"


def _extraction(name: str, sentences: int) -> Extraction:
    company, project = Mention(Kind.COMPANY, "甲乙科技有限公司", 0), Mention(Kind.PROJECT, "丙丁项目", 0)
    return Extraction(
        document=Document(name, TEXT, "ab" * 32, f"in/{name}", (("zone", "甲乙高新区"), ("period", "2023"))),
        info=DocumentInfo("甲乙高新区2023年工作总结", "甲乙高新区", 2024, "2023", "title", 2024),
        sentences=tuple(Sentence(n, TEXT + "\x00", 0, len(TEXT)) for n in range(sentences)),
        mentions=(Mention(Kind.ZONE, "甲乙高新区", -1), company, project),
        facts=(Fact(company, "investor", project, 0), Fact(project, "totalInvestment", Decimal("1.050E+9"), 0),
               Fact(project, "status", Status.UNDER_CONSTRUCTION, 0), Fact(project, "year", 2023, 0),
               Fact(project, "note", "新签约", 0)),
        observations=(Observation("总投资", Decimal("10.50"), "亿元", 0, growth=Decimal("-3.2"), period="2023",
                                  kind="target", concept="totalInvestment", base_value=Decimal("1050000000"),
                                  base_unit="CNY", qualifier="over", change="新增"),),
        rankings=(Ranking("全省开发区综合考评", "第六", 0, position=6, field_size=166, year=2023),),
        left_out=(LeftOut(0, "**亿元", "masked"),),
    )


def test_a_partition_reads_back_what_was_written(tmp_path: Path) -> None:
    written = [_extraction("a.txt", 2), _extraction("b.txt", 0), replace(_extraction("c.txt", 1), facts=())]
    write_partition(written, tmp_path / "part-00000")
    back = read_partition(tmp_path / "part-00000")
    assert back == [replace(e, document=replace(e.document, text="")) for e in written]
    assert back[0].facts[1].obj == Decimal("1.050E+9") and isinstance(back[0].facts[3].obj, int)


def test_added_mentions_follow_the_first_pass_s(tmp_path: Path) -> None:
    written = [_extraction("a.txt", 1), _extraction("b.txt", 1)]
    write_partition(written, tmp_path / "p")
    added = [(), (Mention(Kind.COMPANY, "甲乙科技", 0),)]
    write_added(added, tmp_path / "p")
    back = read_partition(tmp_path / "p")
    assert back[0].mentions == written[0].mentions
    assert back[1].mentions == (*written[1].mentions, Mention(Kind.COMPANY, "甲乙科技", 0))


def test_writing_again_replaces_the_partition_whole(tmp_path: Path) -> None:
    write_partition([_extraction("a.txt", 1), _extraction("b.txt", 1)], tmp_path / "p")
    write_partition([_extraction("z.txt", 1)], tmp_path / "p")
    assert [e.document.name for e in read_partition(tmp_path / "p")] == ["z.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]
