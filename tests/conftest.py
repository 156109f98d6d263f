"""Shared fixtures: the real CLI run on the seeds, once per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
SHARED_LONG = SHARED / "long"


def shared_sentence(path: str, anchor: str) -> str:
    """The sentence of a report in ../shared (``corpus/…`` or ``long/…``) that holds ``anchor``.

    Real sentences are read at test time, never stored here; a test skips where ../shared is
    absent, and no test-split report is ever read to shape a rule.
    """
    import re

    from kg.outputs.gold import load_split

    file = SHARED / path
    if not file.is_file():
        pytest.skip(f"{file} is absent: the real sentences live in ../shared")
    assert load_split(ROOT / "tests" / "gold" / "split.tsv").get(file.name) != "test", \
        "no test-split report is read to shape a rule"
    return next(s for s in re.split(r"(?<=[。；！？\n])", file.read_text(encoding="utf-8")) if anchor in s)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def kg(*args: str, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real ``kg`` command (as ``python -m kg``) and capture its output."""
    proc = subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``kg build seeds -o DIR`` run through the real CLI."""
    out = tmp_path_factory.mktemp("seed-build")
    kg("build", str(SEEDS), "-o", str(out), "--quiet")
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_output: Path) -> Graph:
    """The seeds' graph, parsed back from the Turtle the CLI wrote."""
    return Graph().parse(seed_output / "graph.ttl", format="turtle")
