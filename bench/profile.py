"""Benchmark a zone profile page: one synthetic zone with 100 reports, its page's size and render time.

The 100 reports are the seeds' two reports that name their zone (2023-H1, 2023), each
with new firms' brands and figures and its years moved back, two reports a year, so
the zone has 100 reports over 100 periods of 50 years.  The page is made by ``kg profile --zone``; render time
is from navigation to the load event in headless Chromium (no script runs: the charts
are inline SVG).  Needs Playwright and Chromium (/usr/bin/chromium); prints a Markdown table.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from run import BRAND, NUMBER, SYLLABLES, _jiggle  # noqa: E402
from view import ARGS  # noqa: E402

YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")
REPORTS = 100


def zone_reports(folder: Path, count: int = REPORTS, seed: int = 7) -> str:
    """Write ``count`` reports of the seeds' zone with the most reports; return the zone's name."""
    rng = random.Random(seed)
    name = "济源高新区"
    own = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("00[12]_*.txt"))]  # 2023-H1, 2023
    for n in range(count):
        text = own[n % len(own)]
        text = BRAND.sub(lambda m: "".join(rng.sample(SYLLABLES, 2)), text)
        text = NUMBER.sub(lambda m: _jiggle(m.group(), rng), text)
        back = (count - 1) // len(own) - n // len(own)
        text = YEAR.sub(lambda m, back=back: str(int(m.group(1)) - back), text)
        (folder / f"z{n:03d}.txt").write_text(text, encoding="utf-8")
    return name


def main() -> str:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        reports, out = Path(tmp) / "reports", Path(tmp) / "out"
        reports.mkdir()
        zone = zone_reports(reports)
        subprocess.run([sys.executable, "-m", "kg", "build", str(reports), "-o", str(out), "-q", "--no-html"],
                       check=True, cwd=ROOT)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "profile", "-g", str(out / "graph.ttl"), "--zone", zone,
                        "-o", str(out / "profiles")], check=True, cwd=ROOT, capture_output=True)
        made = time.perf_counter() - start
        page = next(p for p in (out / "profiles").glob("*.html") if p.name != "index.html")
        html = page.read_text(encoding="utf-8")
        with sync_playwright() as play:
            browser = play.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            times = []
            for _ in range(3):
                tab = browser.new_page(viewport={"width": 1200, "height": 900})
                begin = time.perf_counter()
                tab.goto(page.resolve().as_uri(), wait_until="load")
                tab.evaluate("document.body.getBoundingClientRect().height")  # layout done
                times.append(time.perf_counter() - begin)
                charts, points = tab.evaluate("[document.querySelectorAll('svg.chart').length, "
                                              "document.querySelectorAll('g.point').length]")
                tab.close()
            browser.close()
    periods = len(set(re.findall(r'data-x="([^"]*)"', html)))
    covered = re.search(r"报告 (\d+) 份", html).group(1)  # type: ignore[union-attr]
    return ("| zone | reports | periods | charts | points | page KiB | kg profile s | load and layout s |\n"
            "|---|---|---|---|---|---|---|---|\n"
            f"| synthetic | {covered} of {REPORTS} | {periods} | {charts} | {points} | "
            f"{len(html.encode()) / 1024:.0f} | {made:.2f} | {min(times):.2f} |\n")


if __name__ == "__main__":
    print(main())
