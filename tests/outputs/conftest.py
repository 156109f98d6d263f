"""Fixtures of the output tests: a real browser.

The ``browser`` fixture installs Chromium with apt when it is missing, as a fresh machine
needs; it skips with the reason only where that is impossible (no apt, not root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _install_chromium() -> str | None:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True, timeout=600)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"], check=False, env=env,
                   capture_output=True, timeout=1200)
    return CHROMIUM if Path(CHROMIUM).exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = _install_chromium()
    if path is None:
        pytest.skip("Chromium is not installed and cannot be installed here (needs apt-get as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=path, headless=True, args=ARGS)
        yield chromium
        chromium.close()
