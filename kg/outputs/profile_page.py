"""Zone profile pages: one offline HTML page per zone, and an index comparing the zones.

The pages hold no script at all: charts are inline SVG drawn in Python
(:mod:`kg.outputs.charts`), every piece of report text is escaped as data, and the
Content-Security-Policy allows nothing from the network.  Evidence is a footnote per
fact (its sentence and report), and a hover title on each chart point and footnote mark.

>>> from kg.outputs.profile import ZoneProfile
>>> pages = render_pages([ZoneProfile("https://w3id.org/zonegraph/id/zone/ab", "ab", "甲高新区")])
>>> sorted(pages)
['ab.html', 'index.html']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kg.outputs.charts import Bar, Point, bar_chart, escape, line_chart
from kg.outputs.profile import Evidence, Row, Series, ZoneProfile, period_key

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
#: Sections of a zone's page: attribute of the profile, heading, column headings.
SECTIONS = (
    ("projects", "项目 Projects", ("项目 project", "总投资（亿元） investment", "投资方 investor",
                                  "各期报告所述状态 status as each report states it")),
    ("honors", "荣誉 Honors", ("年份 year", "级别 level", "荣誉 honor", "获得者 awarded to")),
    ("parks", "园区 Parks", ("园区 park", "提及的报告数 reports")),
    ("companies", "企业 Companies", ("企业 company", "提及的报告数 reports")),
    ("rankings", "排名 Rankings", ("年份 year", "考评 assessment", "名次 rank", "参评数 field")),
)
LEVELS = {"national": "国家级 national", "provincial": "省级 provincial", "municipal": "市级 municipal",
          "other": "其他 other"}
#: How many metric and period pairs the index offers for comparing zones.
COMPARISONS = 8
STYLE = """
body { margin: 0 auto; max-width: 1100px; padding: 16px 24px; color: #222;
       font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; }
h1 { font-size: 24px; margin: 8px 0; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; }
.meta { color: #555; } a { color: #1f5fa8; text-decoration: none; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; } tr + tr td { border-top: 1px solid #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
figure { margin: 0; break-inside: avoid; } sup a { font-size: 11px; }
ol.notes li { margin: 4px 0; color: #333; } ol.notes .report { color: #777; }
.switch input { position: absolute; opacity: 0; } .switch label { display: inline-block; margin: 0 6px 6px 0;
  padding: 3px 8px; border: 1px solid #ccc; border-radius: 4px; cursor: pointer; }
.panel { display: none; }
.empty { color: #777; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; } a { color: #222; }
  .crumbs, .switch label { display: none; } .panel { display: block !important; }
  tr, figure { break-inside: avoid; } h2 { break-after: avoid; }
}
"""


def render_pages(profiles: Sequence[ZoneProfile], title: str = "ZoneGraph") -> dict[str, str]:
    """File name → HTML of each zone's page and of the index."""
    pages = {f"{p.key}.html": zone_page(p, title) for p in profiles}
    pages["index.html"] = index_page(profiles, title)
    return pages


def zone_page(profile: ZoneProfile, title: str = "ZoneGraph") -> str:
    """The page of one zone: header, charts of its figures, tables of its facts, footnotes."""
    notes = _Notes()
    periods = profile.periods
    span = f"{periods[0]} → {periods[-1]}" if len(periods) > 1 else "".join(periods)
    body = ['<p class="crumbs"><a href="index.html">所有开发区 All zones</a></p>',
            f"<h1>{escape(profile.name)}</h1>",
            f'<p class="meta">{_place(profile.place)}报告 {len(profile.reports)} 份 reports · '
            f"期间 periods {escape(span)} · 指标 {sum(len(s.figures) for s in profile.series)} 个 figures</p>",
            _reports(profile), _figures(profile.series)]
    for attribute, heading, columns in SECTIONS:
        body.append(_table_section(attribute, heading, columns, getattr(profile, attribute), notes))
    body.append(notes.section())
    return _page(f"{profile.name} · {title}", body)


def index_page(profiles: Sequence[ZoneProfile], title: str = "ZoneGraph") -> str:
    """The index: every zone with its counts, and zones compared on a metric and period."""
    head = ("开发区 zone", "所在地 place", "报告 reports", "期间 periods", "指标 figures", "项目 projects",
            "荣誉 honors", "园区 parks", "企业 companies")
    rows = []
    for p in profiles:
        periods = p.periods
        cells = [f'<a href="{escape(p.key)}.html">{escape(p.name)}</a>', escape(p.place), str(len(p.reports)),
                 escape(f"{periods[0]} → {periods[-1]}" if len(periods) > 1 else "".join(periods)),
                 str(sum(len(s.figures) for s in p.series)), str(len(p.projects)), str(len(p.honors)),
                 str(len(p.parks)), str(len(p.companies))]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    table = _table(head, rows) if rows else '<p class="empty">无开发区 no zone</p>'
    body = [f"<h1>{escape(title)}：开发区概况 Zone profiles</h1>",
            f'<p class="meta">{len(profiles)} 个开发区 zones</p>', "<h2>开发区 Zones</h2>", table,
            "<h2>开发区比较 Zones compared</h2>", _comparison(profiles)]
    return _page(f"开发区概况 Zone profiles · {title}", body)


def _page(title: str, body: Iterable[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _place(place: str) -> str:
    return f"所在地 place {escape(place)} · " if place else ""


def _reports(profile: ZoneProfile) -> str:
    rows = [f"<tr><td>{escape(r.period)}</td><td>{escape(r.title)}</td><td>{escape(r.file)}</td></tr>"
            for r in profile.reports]
    return "<h2>报告 Reports</h2>" + _table(("期间 period", "标题 title", "文件 file"), rows)


def _figures(series: Sequence[Series]) -> str:
    if not series:
        return '<h2>指标 Figures</h2><p class="empty">无指标 no figures</p>'
    charts = []
    for one in series:
        points = [Point(f.period, f.value, f.kind, f.growth, f"{f.evidence.sentence}（{f.evidence.report}）")
                  for f in one.figures]
        svg = line_chart(points, title=one.metric, unit=one.unit, categories=one.periods)
        charts.append(f'<figure class="series" data-metric="{escape(one.metric)}" data-unit="{escape(one.unit)}">'
                      f"{svg}</figure>")
    return "<h2>指标 Figures</h2>\n<div class=\"charts\">\n" + "\n".join(charts) + "\n</div>"


class _Notes:
    """Footnotes: each distinct evidence sentence once, numbered in order of first use."""

    def __init__(self) -> None:
        self.numbers: dict[Evidence, int] = {}

    def marks(self, evidence: Sequence[Evidence]) -> str:
        out = []
        for item in evidence:
            number_ = self.numbers.setdefault(item, len(self.numbers) + 1)
            out.append(f'<sup><a href="#n{number_}" title="{escape(item.sentence)}">[{number_}]</a></sup>')
        return "".join(out)

    def section(self) -> str:
        if not self.numbers:
            return ""
        items = [f'<li id="n{n}">{escape(e.sentence)} <span class="report">（{escape(e.report)}）</span></li>'
                 for e, n in self.numbers.items()]
        return '<h2>依据 Evidence</h2>\n<ol class="notes">\n' + "\n".join(items) + "\n</ol>"


def _table_section(attribute: str, heading: str, columns: Sequence[str], rows: Sequence[Row], notes: _Notes) -> str:
    if not rows:
        return f'<h2>{heading}</h2><p class="empty">无 none</p>'
    body = []
    for row in rows:
        cells = [LEVELS.get(c, c) if attribute == "honors" and i == 1 else c for i, c in enumerate(row.cells)]
        tds = "".join(f"<td>{escape(c)}</td>" for c in cells)
        body.append(f'<tr class="{attribute[:-1]}">{tds}<td>{notes.marks(row.evidence)}</td></tr>')
    return f'<h2 id="{attribute}">{heading}</h2>' + _table((*columns, "依据 evidence"), body)


def _table(head: Sequence[str], rows: Sequence[str]) -> str:
    ths = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table>\n<thead><tr>{ths}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def _comparison(profiles: Sequence[ZoneProfile]) -> str:
    """Zones side by side on the metric and period pairs most zones report (actual figures)."""
    values: dict[tuple[str, str, str], dict[str, tuple[float, str]]] = defaultdict(dict)
    for p in profiles:
        for one in p.series:
            for f in one.figures:
                if f.kind == "actual":
                    values[(one.metric, one.unit, f.period)].setdefault(p.name, (f.value, f.evidence.sentence))
    pairs = sorted(values, key=lambda k: (-len(values[k]), k[0], period_key(k[2]), k[1]))[:COMPARISONS]
    if not pairs:
        return '<p class="empty">无可比较的指标 no figures to compare</p>'
    inputs, labels, panels = [], [], []
    for i, (metric, unit, period) in enumerate(pairs):
        checked = " checked" if i == 0 else ""
        inputs.append(f'<input type="radio" name="compare" id="c{i}"{checked}>')
        labels.append(f'<label for="c{i}">{escape(metric)} · {escape(period)}</label>')
        bars = [Bar(zone, value, note) for zone, (value, note) in
                sorted(values[(metric, unit, period)].items(), key=lambda kv: (-kv[1][0], kv[0]))]
        svg = bar_chart(bars, title=f"{metric}（{period}）", unit=unit)
        panels.append(f'<figure class="panel" id="p{i}" data-metric="{escape(metric)}" data-period="{escape(period)}">'
                      f"{svg}</figure>")
    rules = " ".join(f"#c{i}:checked ~ .panels #p{i} {{ display: block; }} "
                     f'#c{i}:checked ~ label[for="c{i}"] {{ background: #e8f0fb; border-color: #1f5fa8; }}'
                     for i in range(len(pairs)))
    return (f'<div class="switch">\n<style>{rules}</style>\n' + "\n".join(inputs) + "\n"
            + "".join(labels) + '\n<div class="panels">\n' + "\n".join(panels) + "\n</div>\n</div>")


__all__ = ["index_page", "render_pages", "zone_page"]
