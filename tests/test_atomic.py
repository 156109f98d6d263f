"""An interrupted build leaves the previous output exactly as it was."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, SEEDS, kg


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_killed_build_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg("build", str(SEEDS), "-o", str(out), "-q")
    before = snapshot(out)
    big = tmp_path / "big"
    big.mkdir()
    for n in range(120):
        for path in SEEDS.glob("*.txt"):
            text = path.read_text(encoding="utf-8").replace("高新区", f"{n}号高新区")
            (big / f"{n:03d}_{path.name}").write_text(text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(big), "-o", str(out), "-q", "--jobs", "1",
                             "--no-cache"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    assert proc.poll() is None, "the build finished before it could be interrupted; make the input larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert snapshot(out) == before


def test_interrupted_build_says_nothing_was_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg("build", str(SEEDS), "-o", str(out), "-q", "--no-html")
    before = snapshot(out)
    big = tmp_path / "big"
    big.mkdir()
    for n in range(120):
        for path in SEEDS.glob("*.txt"):
            (big / f"{n:03d}_{path.name}").write_text(path.read_text(encoding="utf-8") + f"\n{n}", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(big), "-o", str(out), "-q", "--jobs", "1",
                             "--no-cache"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().splitlines()[-1] == "kg: interrupted; nothing was written"
    assert snapshot(out) == before
