"""The learned recogniser: its candidates, its decisions, and the model on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.learn.candidates import Candidate, candidates
from kg.learn.model import NONE, Recogniser, apply, load
from kg.learn.train import training_hash
from kg.outputs.gold import load_gold, load_split
from kg.types import Document, DocumentInfo, Extraction, Fact, Kind, Mention, Sentence
from tests.conftest import ROOT, SEEDS, kg

GOLD = ROOT / "tests" / "gold"
SILVER = ROOT / "tests" / "silver"


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # members of a counted list of firms, though no 企业 follows
        ("晶科能源、厚生新材料、太重轨道等38家重点战新企业产值增速保持在40%以上",
         {"晶科能源", "厚生新材料", "太重轨道"}),
        # a zone form the rules do not know, with its place
        ("兰州新区综合保税区封关运行，兰州新区全年实现地区生产总值300亿元", {"兰州新区"}),
        # every prize of an award list (whose name opens with a noun: 投资贡献奖 opens with a verb
        # jieba tags vn, and spans opening with a verb are not proposed)
        ("为经济贡献奖、科技创新奖、人才贡献奖等12类奖项获得者颁奖", {"经济贡献奖", "科技创新奖", "人才贡献奖"}),
        # the firm opening a project's name
        ("总投资100亿元的比亚迪汽车项目开工", {"比亚迪", "比亚迪汽车项目"}),
        # a firm as the subject of its clause
        ("鹰游纺机荣获国家科技进步一等奖", {"鹰游纺机"}),
    ],
)
def test_candidates_cover_the_names(text_in: str, expected: set[str]) -> None:
    spans = {c.text for c in candidates(Sentence(0, text_in, 0, len(text_in)), [])}
    assert expected <= spans


def test_spans_that_open_with_a_verb_or_a_preposition_are_no_candidates() -> None:
    text = "推进产业园区建设，在甲乙产业园投资"
    spans = {c.text for c in candidates(Sentence(0, text, 0, len(text)), [])}
    assert "甲乙产业园" in spans and not {s for s in spans if s.startswith(("推进", "在"))}


def _extraction(text: str, mentions: list[Mention], facts: list[Fact]) -> Extraction:
    document = Document(name="a.txt", text=text, sha256="0" * 64)
    return Extraction(document, DocumentInfo(title=""), (Sentence(0, text, 0, len(text)),),
                      tuple(mentions), tuple(facts), ())


def test_a_rejected_name_takes_its_facts_with_it() -> None:
    text = "通车荣获国家级绿色工厂"
    firm, honor = Mention(Kind.COMPANY, "通车", 0), Mention(Kind.HONOR, "国家级绿色工厂", 0)
    extraction = _extraction(text, [firm, honor], [Fact(honor, "awardedTo", firm, 0)])
    firm_span = Candidate(0, 0, 2, "通车", frozenset({"rule:Company"}))
    honor_span = Candidate(0, 4, 11, "国家级绿色工厂", frozenset({"rule:Honor"}))
    decided = apply(extraction, {0: [(firm_span, NONE, 0.9), (honor_span, "Honor", 0.9)]})
    assert decided.mentions == (honor,) and decided.facts == ()


def test_overlapping_names_of_one_class_never_both_stay() -> None:
    text = "引进甲乙科技有限公司"
    extraction = _extraction(text, [], [])
    long = Candidate(0, 2, 10, "甲乙科技有限公司", frozenset({"suffix:Company"}))
    short = Candidate(0, 2, 6, "甲乙科技", frozenset({"cue:引进"}))
    zone = Candidate(0, 0, 4, "引进甲乙", frozenset())
    decided = apply(extraction, {0: [(long, "Company", 0.9), (short, "Company", 0.6), (zone, "Zone", 0.95)]})
    assert [m.label for m in decided.mentions] == ["甲乙科技有限公司"]  # 引进甲乙 is no zone's name


@pytest.mark.parametrize("name", ["packaged", "lac"])
def test_the_packaged_model_was_trained_on_the_current_train_split(name: str) -> None:
    model = load(name)
    assert isinstance(model, Recogniser)
    assert model.meta.get("ner") == (None if name == "packaged" else "lac")
    gold = load_gold(GOLD)
    split = load_split(GOLD / "split.tsv")
    golds = [data for name, data in gold.items() if split[name] == "train"] + list(load_gold(SILVER).values())
    assert model.meta["train_hash"] == training_hash(golds), "retrain: kg train"
    assert model.meta["fraction"] == 1.0


def test_smoke_training_is_deterministic_and_the_model_builds(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        (gold / name.replace(".txt", ".json")).write_bytes((GOLD / name.replace(".txt", ".json")).read_bytes())
    parts = ["train", "train", "train", "dev", "dev"]
    (gold / "split.tsv").write_text("".join(f"{n}\tz{i}\t{p}\n" for i, (n, p) in enumerate(zip(names, parts, strict=True))),
                                    encoding="utf-8")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        kg("train", "--gold", str(gold), "--silver", "", "--docs", str(SEEDS), "-o", str(out))
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text(encoding="utf-8"))["meta"]["train_reports"] == 3
    kg("build", str(SEEDS), "-o", str(tmp_path / "out"), "--no-html", "--recogniser", str(first))
    assert (tmp_path / "out" / "graph.ttl").is_file()
    tagged = tmp_path / "lac.json"
    kg("train", "--gold", str(gold), "--silver", "", "--docs", str(SEEDS), "--ner", "lac", "-o", str(tagged))
    model = json.loads(tagged.read_text(encoding="utf-8"))
    assert model["meta"]["ner"] == "lac" and any(w.startswith("L_") for w in model["weights"])
    kg("build", str(SEEDS), "-o", str(tmp_path / "lac"), "--no-html", "--recogniser", str(tagged))
    assert (tmp_path / "lac" / "graph.ttl").is_file()


def test_a_missing_model_file_is_one_line(tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--recogniser", str(tmp_path / "none.json"), check=False)
    assert proc.returncode == 1 and proc.stderr.startswith("kg: error: cannot read recogniser")


def test_a_project_the_model_adds_gets_the_status_its_sentence_gives() -> None:
    text = "甲乙半导体、丙丁咖啡等一批重大项目顺利签约"
    added = Candidate(0, 6, 10, "丙丁咖啡", frozenset({"list:none"}))
    decided = apply(_extraction(text, [], []), {0: [(added, "Project", 0.7)]})
    assert [(f.subject.label, f.predicate, f.obj.value) for f in decided.facts] == [("丙丁咖啡", "status", "signed")]


def test_a_firm_the_model_finds_opening_a_projects_name_is_its_investor() -> None:
    text = "总投资100亿元的甲乙汽车项目开工"
    project = Candidate(0, 9, 15, "甲乙汽车项目", frozenset({"rule:Project"}))
    firm = Candidate(0, 9, 11, "甲乙", frozenset({"prefix"}))
    decided = apply(_extraction(text, [], []), {0: [(project, "Project", 0.9), (firm, "Company", 0.7)]})
    assert [(f.subject.label, f.obj.label) for f in decided.facts if f.predicate == "investor"] == [("甲乙汽车项目", "甲乙")]


@pytest.mark.parametrize(
    ("label", "cls"),
    [
        # a clause taken for a project: it holds a verb that says what happened (荣获)
        ("鹰游纺机发力碳纤维成套装备荣获国家科技进步一等奖", "Project"),
        # a count of projects is no project's name
        ("石药集团两大高科技项目", "Project"),
        ("工业投资七成以上来自新开工项目", "Project"),
        # an award, a mansion or a station is no firm
        ("甲乙飞天奖", "Company"),
        ("甲乙王府", "Company"),
        ("甲乙水电站", "Company"),
        ("甲乙系", "Company"),
        # a goal is no honor
        ("世界一流高科技园区", "Honor"),
    ],
)
def test_a_clause_or_a_count_is_no_name_whatever_the_model_says(label: str, cls: str) -> None:
    cand = Candidate(0, 0, len(label), label, frozenset({f"rule:{cls}"}))
    assert apply(_extraction(label, [], []), {0: [(cand, cls, 0.99)]}).mentions == ()


def test_an_exact_rules_name_the_model_never_saw_as_a_span_stays() -> None:
    text = "五是获评示范区“清廉园区”示范点特色样板单位"
    honor = Mention(Kind.HONOR, "示范区清廉园区示范点特色样板单位", 0)  # read without its inner quotes
    decided = apply(_extraction(text, [honor], []), {0: []})
    assert decided.mentions == (honor,)
