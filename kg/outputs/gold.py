"""Gold annotation files: reading them, the split by zone, and a lint that checks them against their text.

The lint catches what slips in while annotating by hand: a label that is not written in the
report, a figure whose digits are not in it, an unknown status or kind, a fact about an entity
that is not listed.

>>> text = "许昌高新区新增高新技术企业10家，总投资5亿元的甲乙项目开工。"
>>> data = {"document": "x.txt", "entities": {"Zone": ["许昌高新区"], "Project": ["甲乙项目"]},
...         "facts": {"indicators": [{"metric": "高新技术企业", "value": 10, "unit": "家",
...                                   "change": "新增", "kind": "actual"}]}}
>>> lint(data, text)
[]
>>> lint({"document": "x.txt", "entities": {"Company": ["丙丁公司"]}}, text)
['x.txt: Company label not in the text: 丙丁公司']
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from kg.errors import InputError

ENTITY_CLASSES = ("Zone", "Company", "Project", "Park", "Honor", "Person", "Organization", "Cluster")
FACT_TYPES = ("totalInvestment", "investor", "status", "awardedTo", "indicators")
STATUSES = frozenset(("planned", "signed", "underConstruction", "inOperation", "completed"))
KINDS = frozenset(("actual", "estimate", "target"))
QUALIFIERS = frozenset(("over", "nearly", "about", "moreThan"))
SPLITS = ("train", "dev", "test")
AUDIT_SUFFIX = "-audit.json"
SPACE = re.compile(r"\s+")
HEADER = re.compile(r"\A(?:#[^\n]*\n)+")
CHINESE_NUMBER = re.compile("[零〇一二两三四五六七八九十百千]+")


def squeeze(text: str) -> str:
    """Text compared for labels: NFKC, no whitespace, no quotation marks."""
    return SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(str.maketrans("", "", "“”\"‘’'「」『』"))


def load_gold(gold_dir: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """Read every gold JSON file of a folder, keyed by document file name (``*-audit.json`` are audits)."""
    files = sorted(p for p in gold_dir.glob("*.json") if not p.name.endswith(AUDIT_SUFFIX))
    if not files:
        raise InputError(f"no gold files (*.json) in {gold_dir}")
    gold: dict[str, dict] = {}  # type: ignore[type-arg]
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
        if not isinstance(data, dict) or "document" not in data:
            raise InputError(f"{path} is no gold annotation: it has no \"document\" key "
                             "(audits are named *-audit.json)")
        gold[data["document"]] = data
    return gold


def load_split(path: Path) -> dict[str, str]:
    """File name → ``train``/``dev``/``test`` from a split file (``file<TAB>zone<TAB>split``)."""
    if not path.is_file():
        raise InputError(f"no split file at {path}: it lists each gold report with its zone and split")
    split: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[2] not in SPLITS:
            raise InputError(f"{path}:{number}: expected 'file<TAB>zone<TAB>train|dev|test', got {line!r}")
        split[parts[0]] = parts[2]
    return split


def report_text(raw: str) -> str:
    """A corpus file's text without its ``# source:``/``# zone:`` header lines."""
    return HEADER.sub("", raw)


def _numbers(value: object) -> Iterable[str]:
    """Ways a gold number may be written: 3844.2, 3,844.2, 10 → 10."""
    number = Decimal(str(value)).normalize()
    plain = format(number, "f")
    yield plain
    if "." in plain:
        yield plain.rstrip("0").rstrip(".")
    whole, _, frac = plain.partition(".")
    if len(whole) > 3:
        grouped = f"{int(whole):,}"
        yield grouped + (f".{frac}" if frac else "")


def _in_chinese(value: object, plain: str) -> bool:
    """Whether ``value`` is written in Chinese numerals in the text (百亿元 → 100, 三千 → 3000)."""
    from kg.extract.names import to_decimal

    wanted = Decimal(str(value))
    return any(to_decimal(run) == wanted for run in CHINESE_NUMBER.findall(plain))


def lint(data: dict, text: str) -> list[str]:  # type: ignore[type-arg]
    """Problems of one gold file against its report's text (empty when it is sound)."""
    name = data.get("document", "?")
    plain = squeeze(text)
    problems: list[str] = []
    entities = data.get("entities", {})
    for cls, labels in entities.items():
        if cls not in ENTITY_CLASSES:
            problems.append(f"{name}: unknown class {cls}")
            continue
        problems += [f"{name}: {cls} label not in the text: {label}"
                     for label in labels if squeeze(label) not in plain]
    listed = {squeeze(x) for labels in entities.values() for x in labels}
    facts = data.get("facts", {})
    problems += [f"{name}: unknown fact type {key}" for key in facts if key not in FACT_TYPES]
    for fact in facts.get("status", []):
        if fact.get("status") not in STATUSES:
            problems.append(f"{name}: unknown status {fact.get('status')}")
    for key, field in (("totalInvestment", "project"), ("investor", "project"), ("investor", "company"),
                       ("status", "project"), ("awardedTo", "honor")):
        problems += [f"{name}: {key} {field} is not a listed entity: {fact.get(field)}"
                     for fact in facts.get(key, []) if squeeze(str(fact.get(field))) not in listed]
    for fact in facts.get("indicators", []):
        problems += _lint_indicator(name, fact, plain)
    return problems


def _lint_indicator(name: str, fact: dict, plain: str) -> list[str]:  # type: ignore[type-arg]
    problems: list[str] = []
    kind = fact.get("kind", "estimate" if fact.get("estimated") else "actual")
    if kind not in KINDS:
        problems.append(f"{name}: unknown kind {kind}")
    if fact.get("qualifier") not in (None, *QUALIFIERS):
        problems.append(f"{name}: unknown qualifier {fact.get('qualifier')}")
    if "estimated" in fact and bool(fact["estimated"]) != (kind == "estimate"):
        problems.append(f"{name}: estimated and kind disagree for {fact.get('metric')}")
    metric = squeeze(str(fact.get("metric", "")))
    if not metric or metric not in plain:
        problems.append(f"{name}: metric not in the text: {fact.get('metric')}")
    value = fact.get("value")
    if value is None or not (any(n in plain for n in _numbers(value)) or _in_chinese(value, plain)):
        problems.append(f"{name}: value of {fact.get('metric')} not written as digits in the text: {value}")
    return problems
