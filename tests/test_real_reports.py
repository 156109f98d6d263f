"""Every real report of ../shared builds: no report skipped, no traceback, a graph that conforms.

The 124 zone reports of ../shared/corpus and the 31 provincial work reports of ../shared/long
are built through the real command with --validate (SHACL).  Where ../shared is absent the
tests skip with a reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import SHARED, SHARED_CORPUS, SHARED_LONG, kg

#: What a zone's label may never be: a bare generic word, a count, a verb phrase of policy text.
BARE = re.compile(r"^(?:高新区|经开区|开发区|园区|新区|示范区|综保区|自贸区|保税区|高新技术产业开发区|经济技术开发区|经济开发区)$")
COUNT = re.compile(r"^[一二三四五六七八九十百千两几数多各]+[大个类家批座]?(?:高新区|经开区|开发区|园区)")
VERB = re.compile(r"^(?:深化|推进|推动|支持|建设|提升|打造|发展|释放|整合|优化|做强|规范|助力|动员)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the real reports live beside the checkout")
    out: dict[str, tuple[Path, str]] = {}
    for name, folder in (("corpus", SHARED_CORPUS), ("long", SHARED_LONG)):
        target = tmp_path_factory.mktemp(name)
        proc = kg("build", str(folder), "-o", str(target), "--no-html", "--validate", "--quiet", check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
        out[name] = (target, proc.stderr)
    return out


@pytest.mark.parametrize(("name", "folder"), [("corpus", SHARED_CORPUS), ("long", SHARED_LONG)])
def test_every_real_report_builds(built: dict[str, tuple[Path, str]], name: str, folder: Path) -> None:
    target, stderr = built[name]
    assert "Traceback" not in stderr
    assert not [line for line in stderr.splitlines() if line.startswith("kg: skipped")]
    assert not (target / "build-errors.log").exists()
    reports = sorted(p.name for p in folder.glob("*.txt"))
    assert re.search(rf"^{len(reports)} reports -> \d+ triples", stderr, re.M), stderr[-500:]


def zone_labels(target: Path) -> list[str]:
    graph = Graph().parse(target / "graph.ttl")
    rows = graph.query("SELECT ?l WHERE { ?z a zg:Zone ; rdfs:label ?l }")
    return sorted(str(row[0]) for row in rows)  # type: ignore[index]


def test_long_reports_name_no_phantom_zone(built: dict[str, tuple[Path, str]]) -> None:
    target, _ = built["long"]
    labels = zone_labels(target)
    assert labels, "the provincial reports name zones"
    assert [x for x in labels if BARE.match(x) or COUNT.match(x) or VERB.match(x)] == []
    assert [x for x in labels if "（" in x] == [], "no unnamed zone of its own for a provincial report"
    graph = Graph().parse(target / "graph.ttl")
    assert not list(graph.query("SELECT ?d WHERE { ?d zg:reportsOn ?z }"))


def test_corpus_zones_are_names(built: dict[str, tuple[Path, str]]) -> None:
    target, _ = built["corpus"]
    labels = zone_labels(target)
    assert [x for x in labels if BARE.match(x) or COUNT.match(x) or VERB.match(x)] == []
