"""Benchmark: streaming builds (``kg build --stream``) of 10,000 and 100,000 synthetic reports.

The corpora are bench/run.py's (real reports with cities, brands and figures varied).  Each size
is built with ``kg build --stream --jobs N --no-cache`` in a fresh process; the build reports its
own peak memory (this process's, and the largest local worker's) and the size of its name
tables, which are what its memory may grow with.  With ``--in-memory`` the same corpus is also
built the in-memory way, for comparison.  The table replaces its section of bench/results.md.

    python bench/stream.py 10000 100000 --in-memory --corpora /tmp/corpora
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import ROOT, make_corpus, timed

HEADER = "## Streaming builds: memory at 10,000 and 100,000 reports"
PEAK = re.compile(r"peak memory: (\d+) MiB in this process, (\d+) MiB in the largest local worker; "
                  r"name tables: (\d+) learned names, (\d+) entities; (\d+) partition")
TRIPLES = re.compile(r"(\d+) reports -> (\d+) triples")


def corpus(folder: Path, count: int) -> Path:
    """``folder``/``count`` holding ``count`` synthetic reports (made once, then reused)."""
    reports = folder / str(count)
    if len(list(reports.glob("r*.txt"))) != count:
        reports.mkdir(parents=True, exist_ok=True)
        make_corpus(reports, count)
    return reports


def stream_build(reports: Path, out: Path, jobs: int) -> dict[str, float]:
    """Wall time, peak memory and table sizes of one streaming build."""
    args = [sys.executable, "-m", "kg", "build", str(reports), "-o", str(out), "--stream", "--no-cache",
            "--jobs", str(jobs), "-q"]
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr}")
    peak, built = PEAK.search(proc.stderr), TRIPLES.search(proc.stderr)
    if not peak or not built:
        raise SystemExit(f"unexpected output of kg build --stream:\n{proc.stderr}")
    driver, worker, names, entities, partitions = map(int, peak.groups())
    return {"wall": wall, "driver": driver, "worker": worker, "names": names, "entities": entities,
            "partitions": partitions, "triples": int(built.group(2)),
            "turtle": (out / "graph.ttl").stat().st_size / 2**20,
            "parquet": sum(p.stat().st_size for p in (out / "extractions").rglob("*") if p.is_file()) / 2**20}


def memory_build(reports: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall time and peak memory (MiB) of the in-memory build of the same corpus."""
    wall, peak, _ = timed([sys.executable, "-m", "kg", "build", str(reports), "-o", str(out), "--no-cache",
                           "--no-html", "--jobs", str(jobs), "-q"])
    return wall, peak / 1024


def table(rows: list[tuple[int, dict[str, float], tuple[float, float] | None]], jobs: int) -> str:
    lines = [HEADER, "",
             f"`kg build --stream --jobs {jobs} --no-cache` on this machine ({os.cpu_count()} cores), on",
             "synthetic reports made as for the table above, by bench/stream.py.  *Driver* is the peak",
             "resident memory of the `kg` process (reading, the passes over the Parquet partitions, the",
             "sort and merge); *worker* the largest worker process's (extracting, recognising, resolving).",
             "The name tables are what a streaming build keeps for the whole corpus: the learned names,",
             "and every entity's forms.", "",
             "| reports | wall s | driver MiB | worker MiB | learned names | entities | triples | graph.ttl MiB "
             "| Parquet MiB | in-memory build: wall s | in-memory peak MiB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for count, s, memory in rows:
        mem = f"{memory[0]:.0f} | {memory[1]:.0f}" if memory else "– | –"
        lines.append(f"| {count} | {s['wall']:.0f} | {s['driver']:.0f} | {s['worker']:.0f} | {s['names']:.0f} | "
                     f"{s['entities']:.0f} | {s['triples']:.0f} | {s['turtle']:.0f} | {s['parquet']:.0f} | {mem} |")
    return "\n".join(lines) + "\n"


def replace_section(text: str, section: str) -> str:
    """``text`` with the section under HEADER replaced by ``section`` (or ``section`` appended)."""
    start = text.find(HEADER)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(HEADER))
    return text[:start] + section + ("" if end < 0 else "\n" + text[end + 1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 100000])
    parser.add_argument("--in-memory", action="store_true", help="also time the in-memory build")
    parser.add_argument("--corpora", type=Path, help="folder to keep the corpora in (default: a temporary one)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, help="folder to keep the builds in (default: a temporary one)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpora or Path(tmp)
        for count in args.sizes:
            print(f"{count} reports…", file=sys.stderr)
            reports = corpus(folder, count)
            out = args.out or Path(tmp)
            result = stream_build(reports, out / f"stream-{count}", args.jobs)
            memory = memory_build(reports, out / f"memory-{count}", args.jobs) if args.in_memory else None
            rows.append((count, result, memory))
            print(rows[-1], file=sys.stderr)
    section = table(rows, args.jobs)
    results = ROOT / "bench" / "results.md"
    results.write_text(replace_section(results.read_text(encoding="utf-8"), section), encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
