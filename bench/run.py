"""Benchmark: build synthetic corpora of 100, 1,000 and 10,000 reports and time everything.

The corpus is made from the real reports in seeds/ and ../shared/corpus/: each synthetic
report is one of them with its zone's city, its firms' brands and its figures replaced, so
that entity counts grow like a real corpus instead of repeating one file.  Results go to
bench/results.md.  Run with ``make bench`` (or ``python bench/run.py 100 1000``).
"""

from __future__ import annotations

import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus"]
CITIES = [line.strip() for line in (ROOT / "kg" / "resources" / "places.txt").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")][34:]
SYLLABLES = "华宏恒泰信达远通鑫盛瑞丰源兴隆昌安康德凯旭晨润嘉禾金银海天长青蓝星光明科创新联合众力"
CITY_IN_TEXT = re.compile("|".join(sorted(map(re.escape, CITIES), key=len, reverse=True)))
BRAND = re.compile(r"([\u4e00-\u9fff]{2})(?=科技|电子|电器|化工|能源|集团|股份|有限公司|智能|材料|光电)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def base_texts() -> list[str]:
    texts = []
    for folder in SOURCES:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def vary(text: str, rng: random.Random) -> str:
    """Another zone's report: new city, new brands, new figures."""
    city = rng.choice(CITIES)
    text = CITY_IN_TEXT.sub(city, text)
    text = BRAND.sub(lambda m: "".join(rng.sample(SYLLABLES, 2)), text)
    return NUMBER.sub(lambda m: _jiggle(m.group(), rng), text)


def _jiggle(number: str, rng: random.Random) -> str:
    if "." in number:
        return f"{float(number) * rng.uniform(0.7, 1.3):.{len(number.split('.')[1])}f}"
    value = int(number)
    return number if 1900 <= value <= 2100 else str(max(1, round(value * rng.uniform(0.7, 1.3))))


def make_corpus(folder: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    bases = base_texts()
    chars = 0
    for n in range(count):
        text = vary(rng.choice(bases), rng)
        (folder / f"r{n:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def timed(args: list[str]) -> tuple[float, int, float]:
    """Wall time, peak memory (KiB) and CPU time of one child process (and the workers it waited for)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{err.read().decode()}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


JIEBA = """
import sys, time, pathlib, jieba, logging
jieba.setLogLevel(logging.WARNING); jieba.initialize()
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
start, cpu = time.perf_counter(), time.process_time()
for t in texts: list(jieba.cut(t))
print(time.perf_counter() - start, time.process_time() - cpu)
"""

def run_size(count: int, jobs: int, latency: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        reports, out = Path(tmp) / "reports", Path(tmp) / "out"
        reports.mkdir()
        chars = make_corpus(reports, count)
        kg = [sys.executable, "-m", "kg", "build", str(reports), "-o", str(out), "-q", "--no-html", "--no-cache"]
        before = floor(reports)
        serial = [timed([*kg, "--jobs", "1"]) for _ in range(2)]
        build_s, peak, _ = timed([*kg, "--jobs", str(jobs)])
        after = floor(reports)
        serial_s, serial_cpu = min(r[0] for r in serial), min(r[2] for r in serial)
        serial_peak = max(r[1] for r in serial)
        triples = sum(1 for _ in pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
        queries = subprocess.run([sys.executable, str(ROOT / "bench" / "latency.py"), str(out / "graph.ttl")],
                                 capture_output=True, text=True, check=True, cwd=ROOT).stdout if latency else ""
    return {"docs": count, "chars": chars, "jobs": jobs, "build_s": build_s, "peak_kib": max(peak, serial_peak),
            "serial_s": serial_s, "serial_cpu": serial_cpu, "triples": triples, "queries": queries,
            "jieba_s": min(before[0], after[0]), "jieba_cpu": min(before[1], after[1])}


def floor(reports: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``jieba.cut`` over the reports (run before and after the builds:
    a shared machine's speed drifts; the faster of the two is what the builds are compared with)."""
    out = subprocess.run([sys.executable, "-c", JIEBA, str(reports)], capture_output=True, text=True, check=True)
    wall, cpu = map(float, out.stdout.split())
    return wall, cpu


def report(results: list[dict[str, object]]) -> str:
    lines = ["# Benchmark results", "",
             f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores.",
             "Made by `make bench` (bench/run.py). End-to-end is `kg build --no-cache` in a fresh process",
             "(start-up, jieba loading, extraction, resolution, Turtle), on one core (`--jobs 1`) and on all",
             "(`--jobs N`); jieba is `jieba.cut` alone over the same texts in one process on one core, the",
             "floor a jieba-based pipeline cannot beat, timed before and after the builds; the one-core build",
             "runs twice.  Each figure is the faster of its runs (a shared machine's speed drifts), and the",
             "one-core build is also compared in CPU seconds, which a busy machine disturbs less.",
             "Segmentation is shared within a report, never across reports, so the synthetic corpus's",
             "repeated sentences give the build no advantage over `jieba.cut`.  Start-up (Python and",
             "jieba's dictionaries, about 2.5 s) is a fixed cost that dominates the small corpora.  Peak",
             "memory is the larger of the two builds'.", "",
             "| reports | chars | jieba.cut s | build s, 1 core | ratio | CPU ratio, 1 core | build s, N cores "
             "| ratio | reports/s | chars/s | peak MiB | triples |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        build, serial, wall = float(r["build_s"]), float(r["serial_s"]), float(r["jieba_s"])  # type: ignore[arg-type]
        cpu = float(r["serial_cpu"]) / float(r["jieba_cpu"])  # type: ignore[arg-type]
        lines.append(f"| {r['docs']} | {r['chars']} | {wall:.1f} | {serial:.1f} | {serial / wall:.2f} | {cpu:.2f} | "
                     f"{build:.1f} (N={r['jobs']}) | {build / wall:.2f} | {int(r['docs']) / build:.1f} | "  # type: ignore[call-overload]
                     f"{int(r['chars']) / build:.0f} | {int(r['peak_kib']) / 1024:.0f} | {r['triples']} |")  # type: ignore[call-overload]
    last = results[-1]
    lines += ["", f"## Query latency on the {last['docs']}-report graph", "",
              "Medians of 5 runs (1 run when one takes over 5 s), milliseconds, rows in brackets; made by",
              "bench/latency.py (its docstring says how parameter values are drawn from the graph).", "",
              str(last["queries"]).rstrip()]
    return "\n".join(lines) + "\n"


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000, 10000]
    jobs = os.cpu_count() or 1
    results = []
    for size in sizes:
        print(f"building {size} reports…", file=sys.stderr)
        results.append(run_size(size, jobs, latency=size == max(sizes)))
    text = (report(results) + "\n" + recogniser_table() + "\n## Explorer\n\n" + page_table("view.py")
            + "\n## Zone profile page\n\n" + PROFILE_INTRO + page_table("profile.py"))
    results = ROOT / "bench" / "results.md"
    old = results.read_text(encoding="utf-8") if results.is_file() else ""
    text += kept_sections(old, text)
    results.write_text(text, encoding="utf-8")
    print(text)


def kept_sections(old: str, made: str) -> str:
    """The sections of ``old`` that other scripts made (bench/stream.py, by hand): none that this run made."""
    made_headers = {line.split(" on the ")[0] for line in made.splitlines() if line.startswith("## ")}
    kept = []
    for section in ("\n" + old).split("\n## ")[1:]:
        header = "## " + section.splitlines()[0]
        if header.split(" on the ")[0] not in made_headers:
            kept.append("\n## " + section.rstrip("\n") + "\n")
    return "".join(kept)


RECOGNISERS = (("none", "rules alone"), ("packaged", "rules + recogniser (default)"),
               ("lac", "rules + recogniser + LAC tagger"))


def recogniser_table(count: int = 1000) -> str:
    """CPU time and peak memory of one-core builds with each recogniser, against ``jieba.cut``."""
    lines = ["## The recogniser's cost", "",
             f"{count} synthetic reports, `kg build --no-cache --jobs 1 --recogniser R` in a fresh process,",
             "CPU seconds (start-up included; ONNX Runtime may use more than one core, so CPU",
             "seconds, not wall time, are the one-core cost) against `jieba.cut` over the same text.", "",
             "| recogniser | CPU s | × jieba.cut | wall s | chars/s (CPU) | peak MiB |", "|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        reports, out = Path(tmp) / "reports", Path(tmp) / "out"
        reports.mkdir()
        chars = make_corpus(reports, count)
        jieba_cpu = floor(reports)[1]
        for name, label in RECOGNISERS:
            args = [sys.executable, "-m", "kg", "build", str(reports), "-o", str(out), "-q", "--no-html",
                    "--no-cache", "--jobs", "1", "--recogniser", name]
            wall, peak, cpu = timed(args)
            lines.append(f"| {label} | {cpu:.1f} | {cpu / jieba_cpu:.1f} | {wall:.1f} | {chars / cpu:.0f} | "
                         f"{peak / 1024:.0f} |")
    return "\n".join([*lines, "", f"`jieba.cut`: {jieba_cpu:.2f} CPU s over {chars} characters."]) + "\n"


PROFILE_INTRO = ("`kg profile --zone` for one synthetic zone with 100 reports (bench/profile.py says how they are\n"
                 "made); load and layout in headless Chromium, the fastest of three.\n\n")


def page_table(script: str) -> str:
    """A page benchmark's table (bench/view.py, bench/profile.py), when Playwright and Chromium are installed."""
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / script)], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode == 0:
        return proc.stdout
    reason = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return f"(not measured: {reason})\n"


if __name__ == "__main__":
    main()
