"""Text out of report files: plain text in any common Chinese encoding, PDF, Word and HTML.

Each reader takes the file's bytes and returns text, or raises
:class:`~kg.errors.UnreadableFile` with a one-line reason that the build report
shows ("no text layer (a scanned PDF?)", "not UTF-8, UTF-16 or GB18030 text").

>>> decode_text("许昌高新区".encode("gb18030"))
'许昌高新区'
>>> decode_text("许昌高新区".encode("utf-16"))
'许昌高新区'
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from xml.etree import ElementTree

from kg.errors import UnreadableFile

MIN_PDF_TEXT = 20
READABLE = 0.95
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def decode_text(data: bytes) -> str:
    """Decode text bytes by looking at them: BOM, UTF-16 without BOM, UTF-8, then GB18030."""
    if not data.strip():
        raise UnreadableFile("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode(data, encoding)
    if b"\x00" in data:
        utf16 = _as_utf16(data)
        if utf16 is None:
            raise UnreadableFile("binary file, not text")
        return utf16
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not UTF-8, UTF-16 or GB18030 text")


def _as_utf16(data: bytes) -> str | None:
    """Text with NUL bytes is UTF-16 without a BOM if it decodes to readable characters."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
        if readable >= READABLE * len(text):
            return text
    return None


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"broken {encoding} text at byte {exc.start}") from exc


def read_pdf(data: bytes) -> str:
    """The text layer of a PDF; a PDF without one (a scan) is reported, not read as empty."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are ours to report, once
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UnreadableFile(f"cannot read PDF: {reason}") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < MIN_PDF_TEXT:
        raise UnreadableFile(f"no text layer in {len(pages)} page(s) (a scanned PDF? run OCR first)")
    return text


def read_docx(data: bytes) -> str:
    """Paragraphs of a Word (.docx) file, one per line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise UnreadableFile("not a valid .docx file (damaged, or an old .doc saved under a new name)") from exc
    lines = ["".join(t.text or "" for t in p.iter(f"{WORD_NS}t")) for p in root.iter(f"{WORD_NS}p")]
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableFile("empty file")
    return text


class _MainText(HTMLParser):
    """Collects the text of a page, without scripts, navigation, headers and footers."""

    SKIP = frozenset(("script", "style", "nav", "header", "footer", "aside", "noscript", "form",
                      "select", "button", "iframe", "svg", "template"))
    BLOCK = frozenset(("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                       "article", "main", "table", "title", "td", "blockquote", "pre"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.parts: list[str] = []
        self.main_parts: list[str] | None = None
        self.main_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag in ("article", "main"):
            self.main_depth += 1
            if self.main_parts is None:
                self.main_parts = []
        if tag in self.BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in ("article", "main") and self.main_depth:
            self.main_depth -= 1
        if tag in self.BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._emit(data)

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.main_depth and self.main_parts is not None:
            self.main_parts.append(text)

    def text(self) -> str:
        chosen = self.main_parts if self.main_parts and "".join(self.main_parts).strip() else self.parts
        lines = (line.strip() for line in "".join(chosen).splitlines())
        return "\n".join(line for line in lines if line)


def read_html(data: bytes) -> str:
    """The main text of a web page: <article>/<main> when present, never scripts or navigation."""
    declared = re.search(rb"charset=[\"']?([\w-]+)", data[:2000], re.I)
    try:
        text = data.decode(declared.group(1).decode("ascii")) if declared else decode_text(data)
    except (LookupError, UnicodeDecodeError):
        text = decode_text(data)
    parser = _MainText()
    parser.feed(text)
    parser.close()
    body = parser.text()
    if not body.strip():
        raise UnreadableFile("no text in the page")
    return body


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": decode_text,
    ".md": decode_text,
    ".text": decode_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
}
