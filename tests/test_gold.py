"""The gold set itself: sound files, a split by zone, the agreement table and the test log."""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from kg.outputs.evaluate import agreement, load_gold, markdown_table
from kg.outputs.gold import lint, load_split, report_text
from tests.conftest import ROOT, SEEDS, SHARED_CORPUS, kg

GOLD = ROOT / "tests" / "gold"
SPLIT = GOLD / "split.tsv"
AGREEMENT = GOLD / "agreement"


def text_of(name: str) -> str | None:
    for folder in (SEEDS, SHARED_CORPUS):
        if (folder / name).is_file():
            return report_text((folder / name).read_text(encoding="utf-8"))
    return None


def test_every_gold_file_is_sound() -> None:
    gold = load_gold(GOLD)
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is absent: the corpus gold is checked against its texts")
    problems = [p for name, data in sorted(gold.items()) for p in lint(data, text_of(name) or "")]
    assert problems == []
    assert len(gold) == 129


def test_the_split_is_by_zone() -> None:
    split = load_split(SPLIT)
    assert set(split) == set(load_gold(GOLD)), "every gold report has a part, and only they"
    zones: dict[str, set[str]] = defaultdict(set)
    for line in SPLIT.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _, zone, part = line.split("\t")
            zones[zone].add(part)
    assert {z: p for z, p in zones.items() if len(p) > 1} == {}, "no zone in two parts"
    test = [name for name, part in split.items() if part == "test"]
    assert len(test) >= 40 and sum(int(name[:3]) >= 100 for name in test) >= 30
    assert all(split[p.name] == "train" for p in SEEDS.glob("*.txt"))


def test_the_agreement_table_in_the_readme_is_measured() -> None:
    first, second = load_gold(AGREEMENT / "first"), load_gold(AGREEMENT / "second")
    assert len(first) >= 30 and set(first) == set(second)
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    stored = re.search(r"<!-- agreement -->\n(.*?)<!-- /agreement -->", readme, re.S)
    assert stored is not None, "README.md has the agreement table between its markers"
    assert stored.group(1) == markdown_table(agreement(first, second))


def test_eval_on_the_test_split_logs_and_shows_no_examples(tmp_path: Path) -> None:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is absent")
    gold = tmp_path / "gold"
    gold.mkdir()
    split = load_split(SPLIT)
    test = sorted(name for name, part in split.items() if part == "test")[:2]
    for name in test:
        shutil.copy(GOLD / name.replace(".txt", ".json"), gold)
    (gold / "split.tsv").write_text("".join(f"{n}\tz{i}\ttest\n" for i, n in enumerate(test)), encoding="utf-8")
    proc = kg("eval", "--gold", str(gold), "--docs", str(SHARED_CORPUS), "--split", "test", "--details", "50",
              "-f", "json", "--note", "a check of the log")
    scores = json.loads(proc.stdout)["scores"]
    assert all(s["misses"] == [] and s["false_positives"] == [] for s in scores.values())
    log = (gold / "TEST_LOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## \d{4}-\d\d-\d\d · \S+ · 2 test reports\n\na check of the log\n\n\| \| P \| R \| F1", log, re.M)


def test_the_test_log_has_entries() -> None:
    log = (GOLD / "TEST_LOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## \d{4}-\d\d-\d\d · [0-9a-f]{7}", log, re.M)
