"""The commands that measure and train extraction: ``kg eval``, ``kg audit`` and ``kg train``.

Thin like the rest of the CLI: parse, call :mod:`kg.outputs.evaluate`, :mod:`kg.outputs.audit`
or :mod:`kg.learn.train`, print.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import ZoneGraphError


@click.command(name="eval")
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path), default=Path("tests/gold"),
              show_default=True, help="Folder of gold JSON files, one per report, with split.tsv.")
@click.option("--docs", "doc_dirs", type=click.Path(path_type=Path), multiple=True,
              help="Folders with the reports (repeatable). Default: seeds/ and ../shared/corpus/.")
@click.option("--split", type=click.Choice(["train", "dev", "test", "all"]), default="all", show_default=True,
              help="Score one part of GOLD/split.tsv (reports of a part are built on their own).")
@click.option("--against", "second_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Compare GOLD with a second annotation in this folder (agreement) instead of extracting.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True)
@click.option("--details", type=int, default=10, show_default=True,
              help="Misses and false positives shown per class (never on the test split).")
@click.option("--note", default="", help="A line for the test log (with --split test), e.g. what changed.")
@click.option("--recogniser", default="packaged", show_default=True,
              help="The entity recogniser: packaged, lac (packaged, with the pretrained LAC tagger), none "
              "(the rules alone) or a model file from kg train.")
@click.option("--check", is_flag=True, help="Exit with code 1 when a quality target is not met.")
def evaluate(gold_dir: Path, doc_dirs: tuple[Path, ...], split: str, second_dir: Path | None, fmt: str,
             details: int, note: str, recogniser: str, check: bool) -> None:
    """Score extraction against gold annotations: P/R/F1 per class and fact type.

    \b
    Then whether the quality targets (entity F1 >= 0.90, totalInvestment
    precision >= 0.97 and recall >= 0.85, awardedTo and indicator F1 >= 0.85)
    are met, and the misses and false positives of each class.
    --split test is a measurement, not a tuning loop: it shows scores only, and
    appends them with the date and commit to GOLD/TEST_LOG.md.
    \b
    Examples:
      kg eval --split dev                       # choose between versions here
      kg eval --split test --note "after the new park rules"
      kg eval --against tests/gold/second       # agreement of two annotations
      kg eval -f json --details 0 | jq .targets
    """
    import json

    from kg.outputs.evaluate import agreement, format_table, load_gold, log_entry, markdown_table
    from kg.outputs.evaluate import evaluate as score

    gold = load_gold(gold_dir)
    if second_dir is not None:
        report = agreement(gold, load_gold(second_dir))
    else:
        if split != "all":
            gold = _gold_of_split(gold, gold_dir, split)
        extractions = _build_gold_reports(gold, doc_dirs, recogniser)
        report = score(extractions, gold)
    if split == "test":
        report, details = report.without_examples(), 0
        label = note or ("the rules alone" if recogniser == "none" else f"recogniser: {recogniser}")
        _append_test_log(gold_dir / "TEST_LOG.md", log_entry(report, _today(), _commit(), label))
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(markdown_table(report), nl=False)
    else:
        click.echo(format_table(report, details), nl=False)
    unmet = report.unmet()
    if check and unmet:
        name, measure, value, target = unmet[0]
        raise ZoneGraphError(f"{len(unmet)} quality target(s) not met (first: {name} {measure} "
                             f"{value:.3f} < {target})")


def _gold_of_split(gold: dict[str, dict], gold_dir: Path, split: str) -> dict[str, dict]:  # type: ignore[type-arg]
    from kg.outputs.gold import load_split

    parts = load_split(gold_dir / "split.tsv")
    return {name: data for name, data in gold.items() if parts.get(name) == split}


def _build_gold_reports(gold: dict[str, dict], doc_dirs: tuple[Path, ...], recogniser: str) -> list:  # type: ignore[type-arg]
    """Extractions of the gold's reports, built together and on their own (nothing else is read)."""
    from kg.errors import InputError
    from kg.pipeline import build as run_build

    dirs = list(doc_dirs) or [d for d in (Path("seeds"), Path("../shared/corpus")) if d.is_dir()]
    files = {p.name: p for d in dirs for p in sorted(d.glob("*")) if p.name in gold}
    missing = sorted(set(gold) - set(files))
    if missing and (not doc_dirs or not files):
        raise InputError(f"{len(missing)} gold report(s) not found in {', '.join(map(str, dirs))} "
                         f"(first: {missing[0]}); give their folders with --docs")
    if missing:
        click.echo(f"kg: scoring the {len(files)} of {len(gold)} gold reports found in --docs", err=True)
    return list(run_build([files[name] for name in sorted(files)], recogniser=recogniser).extractions)


def _append_test_log(path: Path, entry: str) -> None:
    from kg.outputs.export import write_atomic

    old = path.read_text(encoding="utf-8") if path.is_file() else "# Test log\n\n"
    write_atomic(path, old.rstrip("\n") + "\n\n" + entry)
    click.echo(f"kg: test split scored; logged in {path}", err=True)


def _today() -> str:
    import datetime

    return datetime.date.today().isoformat()


def _commit() -> str:
    """The checkout's commit, with "+changes" when the work tree differs from it."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--file", "audit_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("tests/gold/long-audit.json"), show_default=True, help="The audit: sample and verdicts.")
@click.option("--seed", type=int, default=2026, show_default=True, help="Seed of the random sample.")
@click.option("--per-class", type=click.IntRange(1), default=25, show_default=True,
              help="Entities drawn per class (Company, Project, Park, Honor).")
@click.option("--figures", type=click.IntRange(0), default=50, show_default=True, help="Figures drawn.")
@click.option("--verdicts", type=click.Path(path_type=Path, dir_okay=False),
              help="JSON lines of verdicts to add: document, class, label, correct (true/false), note.")
@click.option("--pending", is_flag=True,
              help="Print the sampled items still to judge, with their evidence, as JSON lines.")
@click.option("--recogniser", default="packaged", show_default=True,
              help="The entity recogniser of the build audited: packaged, lac, none or a model file.")
def audit(paths: tuple[Path, ...], audit_file: Path, seed: int, per_class: int, figures: int,
          verdicts: Path | None, pending: bool, recogniser: str) -> None:
    """Precision on long real documents: draw a fixed sample of what a build finds, judged by hand.

    \b
    Builds PATHS (default: the documents named in the audit file, else
    ../shared/long), draws PER_CLASS entities of each of
    Company, Project, Park and Honor and FIGURES indicator figures with a fixed
    seed, carries over the verdict of every item judged before (same document,
    class and label), writes the audit file and prints precision per class.
    \b
    Judging:  kg audit --pending > todo.jsonl      # items with their sentences
              (set "correct": true/false in each line)
              kg audit --verdicts todo.jsonl       # merged; precision printed
    """
    import json

    from kg.errors import InputError
    from kg.outputs.audit import AuditItem, carry_over, draw, precision
    from kg.outputs.export import write_atomic
    from kg.pipeline import build as run_build

    stored = json.loads(audit_file.read_text(encoding="utf-8")) if audit_file.is_file() else {}
    judged = [AuditItem.from_dict(x) for x in stored.get("judged", [])]
    if verdicts is not None:
        try:
            lines = [json.loads(line) for line in verdicts.read_text(encoding="utf-8").splitlines() if line.strip()]
            judged += [AuditItem.from_dict(x) for x in lines]
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"cannot read verdicts {verdicts}: {exc} (one JSON object per line)") from exc
    inputs = list(paths) or [Path(x) for x in stored.get("documents", [])] or [Path("../shared/long")]
    built = run_build(inputs, recogniser=recogniser).extractions
    sample = carry_over(draw(built, seed, per_class, figures), reversed(judged))
    archive = {item.key: item for item in [*judged, *sample] if item.correct is not None}
    write_atomic(audit_file, json.dumps({
        "documents": [str(p) for p in inputs], "recogniser": recogniser, "seed": seed, "per_class": per_class,
        "figures": figures,
        "sample": [item.as_dict() for item in sample],
        "judged": [archive[key].as_dict() for key in sorted(archive)],
    }, ensure_ascii=False, indent=1) + "\n")
    if pending:
        for item in sample:
            if item.correct is None:
                click.echo(json.dumps({**item.as_dict(), "sentence": item.sentence}, ensure_ascii=False))
        return
    click.echo(f"{'class':<10}{'correct':>9}{'judged':>8}{'precision':>11}")
    for kind, (right, total, value) in precision(sample).items():
        click.echo(f"{kind:<10}{right:>9}{total:>8}{value:>11.3f}")
    left = sum(item.correct is None for item in sample)
    click.echo(f"kg: {len(sample)} items sampled, {left} still to judge ({audit_file})", err=True)


@click.command()
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("tests/gold"),
              show_default=True, help="Gold annotations with split.tsv: trains on train, chooses on dev.")
@click.option("--silver", "silver_dir", default="tests/silver", show_default=True,
              help="Silver annotations (long reports) added to the training data; --silver '' for none.")
@click.option("--docs", "doc_dirs", type=click.Path(path_type=Path), multiple=True,
              help="Folders with the reports (repeatable). Default: seeds/, ../shared/corpus/, ../shared/long/.")
@click.option("--fraction", type=click.FloatRange(0.01, 1.0), default=1.0, show_default=True,
              help="Train on this share of the train reports (for a learning curve).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for drawing --fraction.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Where the model goes. Default: kg/resources/recogniser.json, "
              "or recogniser-lac.json with --ner lac.")
@click.option("--ner", type=click.Choice(["none", "lac"]), default="none", show_default=True,
              help="A pretrained tagger whose names are candidates and whose words are features "
              "(lac: Baidu LAC, pip install '.[ner]'; about ten times slower than jieba).")
def train(gold_dir: Path, silver_dir: str, doc_dirs: tuple[Path, ...], fraction: float, seed: int,
          out: Path | None, ner: str) -> None:
    """Train the entity recogniser from the gold (and silver) annotations.

    \b
    Fits a logistic regression over the candidates of the train reports, picks its
    regularisation and per-class thresholds on dev, and writes the model as JSON
    (the same bytes for the same data). Needs scikit-learn (pip install '.[train]').
    Examples:
      kg train                                  # kg/resources/recogniser.json
      kg train --fraction 0.25 -o /tmp/m25.json # a point of the learning curve
      kg train --ner lac                        # kg/resources/recogniser-lac.json
    """
    import random

    from kg.learn.train import choose, read_annotated, to_json
    from kg.outputs.export import write_atomic
    from kg.outputs.gold import load_gold, load_split

    gold = load_gold(gold_dir)
    split = load_split(gold_dir / "split.tsv")
    dirs = list(doc_dirs) or [d for d in (Path("seeds"), Path("../shared/corpus"), Path("../shared/long"))
                              if d.is_dir()]
    train_names = sorted(n for n, part in split.items() if part == "train")
    if fraction < 1.0:
        train_names = sorted(random.Random(seed).sample(train_names, max(1, round(len(train_names) * fraction))))
    reports = read_annotated(train_names, gold, dirs)
    if silver_dir:
        silver = load_gold(Path(silver_dir))
        reports += read_annotated(sorted(silver), silver, dirs)
    dev = read_annotated(sorted(n for n, part in split.items() if part == "dev"), gold, dirs)
    tagger = None if ner == "none" else ner
    out = out or Path("kg/resources") / ("recogniser.json" if tagger is None else f"recogniser-{tagger}.json")
    model, scores = choose(reports, dev, progress=lambda line: click.echo(f"kg: {line}", err=True), ner=tagger)
    model.meta.update({"fraction": fraction, "seed": seed})
    write_atomic(out, to_json(model))
    click.echo(f"{'dev':<10}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (precision, recall, f1) in scores.items():
        click.echo(f"{name:<10}{precision:>7.3f}{recall:>7.3f}{f1:>7.3f}")
    click.echo(f"kg: trained on {len(reports)} reports ({model.meta['examples']} candidates) -> {out}", err=True)
