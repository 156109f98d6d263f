"""Every supported format and encoding reads to the same graph as the UTF-8 text; bad files are skipped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import EXIT_PARTIAL, UnreadableFile
from kg.namespace import ZG
from kg.text.formats import decode_text, read_docx, read_html, read_pdf
from tests.conftest import kg

PARAGRAPHS = [
    "许昌高新区2023年工作总结",
    "2023年，许昌高新区实现工业增加值182.9亿元，同比增长6.1%。",
    "总投资40亿元的富联科技5G终端精密制造项目建成投产。",
    "高新区荣获“2023年度河南省数字化转型示范区”称号。",
    "河南金源氢化化工股份有限公司成功在港交所上市。",
]
TEXT = "\n".join(PARAGRAPHS) + "\n"


def make_pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 10)
    for n, line in enumerate(PARAGRAPHS):
        page.drawString(40, 800 - 16 * n, line)
    page.save()
    return buffer.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    for line in PARAGRAPHS:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_html() -> bytes:
    body = "".join(f"<p>{line}</p>" for line in PARAGRAPHS)
    page = (
        '<html><head><meta charset="gbk"><title>许昌高新区</title><script>var x="<p>假</p>";</script></head>'
        '<body><nav><a href="/">首页</a> 新闻中心 联系我们</nav>'
        f"<article>{body}</article><footer>版权所有 网站地图</footer></body></html>"
    )
    return page.encode("gbk")


VARIANTS = {
    "utf8-bom.txt": lambda: TEXT.encode("utf-8-sig"),
    "gbk.txt": lambda: TEXT.encode("gbk"),
    "gb18030.txt": lambda: TEXT.encode("gb18030"),
    "utf16.txt": lambda: TEXT.encode("utf-16"),
    "utf16le-nobom.txt": lambda: TEXT.encode("utf-16-le"),
    "report.md": lambda: TEXT.encode("utf-8"),
    "report.pdf": make_pdf,
    "report.docx": make_docx,
    "report.html": make_html,
}


#: Nodes whose IRIs hash the report's content (a figure, a status statement): compared by what they say.
PER_DOCUMENT = (("https://w3id.org/zonegraph/id/indicator/", "IND"), ("https://w3id.org/zonegraph/id/statement/", "STM"))


def facts(path: Path) -> set[tuple[str, str, str]]:
    """The graph's triples with the document's own identity (name, hash, IRI) taken out."""
    graph = Graph().parse(path)
    docs = set(graph.subjects(None, ZG.Document))
    out = set()
    for s, p, o in graph:
        if s in docs or p in (ZG.fileName, ZG.contentHash):
            continue
        o_text = "DOC" if o in docs else str(o)
        s_text = next((short for prefix, short in PER_DOCUMENT if str(s).startswith(prefix)), str(s))
        out.add((s_text, str(p), o_text))
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str]]:
    folder = tmp_path_factory.mktemp("utf8")
    (folder / "report.txt").write_text(TEXT, encoding="utf-8")
    kg("build", str(folder), "-o", str(folder / "out"), "--no-html", "-q")
    return facts(folder / "out" / "graph.ttl")


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_format_builds_the_same_graph(tmp_path: Path, reference: set[tuple[str, str, str]], name: str) -> None:
    (tmp_path / name).write_bytes(VARIANTS[name]())
    kg("build", str(tmp_path), "-o", str(tmp_path / "out"), "--no-html", "--strict")
    got = facts(tmp_path / "out" / "graph.ttl")
    assert len(reference) > 30
    assert got == reference, sorted(got ^ reference)[:10]


def test_html_keeps_main_text_only() -> None:
    text = read_html(make_html())
    assert "首页" not in text and "版权所有" not in text and "假" not in text
    assert text.splitlines()[0] == PARAGRAPHS[0]


@pytest.mark.parametrize(
    ("reader", "data", "reason"),
    [
        (decode_text, b"", "empty file"),
        (decode_text, b"\x00\x01\x02\x03" * 500 + b"\xff", "binary file"),
        (decode_text, "济源".encode("gbk")[:-1] + b"\xff\xfe\xfd", "not UTF-8, UTF-16 or GB18030"),
        (read_pdf, b"%PDF-1.4\n1 0 obj", "cannot read PDF"),
        (read_docx, b"PK\x03\x04 not really a zip", "not a valid .docx"),
    ],
)
def test_bad_bytes_give_a_reason(reader, data: bytes, reason: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnreadableFile, match=reason):
        reader(data)


def test_scanned_pdf_is_reported(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(50, 50, 200, 200, fill=1)
    page.save()
    with pytest.raises(UnreadableFile, match="no text layer"):
        read_pdf(buffer.getvalue())


def test_bad_files_are_skipped_and_the_build_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "truncated.pdf").write_bytes(make_pdf()[:300])
    (tmp_path / "broken.docx").write_bytes(zipfile.ZipFile.__name__.encode())
    (tmp_path / "table.xlsx").write_bytes(b"x")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    proc = kg("build", str(tmp_path), "-o", str(tmp_path / "out"), "--no-html", check=False)
    skipped = [line for line in proc.stderr.splitlines() if line.startswith("kg: skipped")]
    assert len(skipped) == 5
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("1 reports ->") == 1
    assert proc.returncode == EXIT_PARTIAL  # built, with four reports skipped (the .xlsx is no report)
    assert proc.stderr.strip().splitlines()[-1] == "kg: built, with 4 report(s) skipped (exit code 3)"
    strict = kg("build", str(tmp_path), "-o", str(tmp_path / "strict"), "--no-html", "--strict", check=False)
    assert strict.returncode == 1 and not (tmp_path / "strict").exists()


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    proc = kg("build", str(tmp_path), "-o", str(tmp_path / "out"), "--no-html", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("kg: error: nothing could be read (1 file(s) skipped")
