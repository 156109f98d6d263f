"""Undo PDF layout: join wrapped lines, drop layout spaces, keep raw offsets.

Text extracted from PDFs wraps lines inside words ("华信\\n\\n科技") and puts
spaces between digits and characters ("2022 年").  :func:`normalize` joins the
lines of a paragraph, removes every space that is not between two Latin letters
or digits, and records for each output character its offset in the raw text, so
evidence can always be quoted from the original.

>>> normalize("总投资 40 亿元的华信\\n\\n科技 5G 终端项目。").text
'总投资40亿元的华信科技5G终端项目。'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.types import Text

#: A line that ends with one of these ends its paragraph (or at least a sentence).
PARAGRAPH_END = tuple("。！？：!?…")
#: A line that starts like this begins a new paragraph (section headings, bullets).
HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)|[■●◆▲★※])"
)
#: ``# key: value`` lines at the very top are a metadata header, not report text.
HEADER_LINE = re.compile(r"^#\s*[\w-]+\s*[:：]")
SPACES = " \t\u3000\u00a0\u2002\u2003\u200b"
SPACE_RUN = re.compile(f"[{SPACES}]+")
SHORT_LINE_RATIO = 0.7
DOUBLE_SPACED_RATIO = 0.6


def _lines(raw: str) -> list[tuple[int, str]]:
    """Split ``raw`` into ``(offset, line)`` pairs, dropping a leading metadata header."""
    out: list[tuple[int, str]] = []
    pos = 0
    in_header = True
    for line in raw.split("\n"):
        if in_header and HEADER_LINE.match(line):
            pos += len(line) + 1
            continue
        in_header = False
        out.append((pos, line))
        pos += len(line) + 1
    return out


class _Widths(dict[str, int]):
    """Display width of each character seen: CJK and full-width count two, others one."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_WIDTHS = _Widths()


@lru_cache(maxsize=8)
def _width(line: str) -> int:
    """Display width of a line: CJK and full-width characters count two, others one."""
    return sum(map(_WIDTHS.__getitem__, line))


def _is_double_spaced(lines: list[str]) -> bool:
    """True when (almost) every text line is followed by a blank line, as in some PDF dumps."""
    filled = [bool(line) for line in lines]
    singles = sum(
        1
        for i in range(1, len(filled) - 1)
        if not filled[i] and filled[i - 1] and filled[i + 1]
    )
    return sum(filled) > 2 and singles >= DOUBLE_SPACED_RATIO * (sum(filled) - 1)


def _ends_paragraph(line: str, prev: str | None, nxt: str | None, gap: bool) -> bool:
    """Decide whether a paragraph ends after ``line``, given its neighbouring text lines.

    A line ends its paragraph when it ends a sentence, when the next line opens
    a heading, or when it is clearly shorter than the lines around it.  A blank
    line after a full line that stops mid-sentence is a page or column break.
    """
    if nxt is None:
        return True
    if line.endswith(PARAGRAPH_END) or HEADING_START.match(nxt):
        return True
    local = max(_width(prev or ""), _width(nxt))
    short = _width(line) < SHORT_LINE_RATIO * local
    return short or (gap and _width(line) < local * 0.8)


def _paragraphs(raw: str) -> list[list[tuple[int, str]]]:
    """Group raw lines into paragraphs of ``(offset, stripped-line)`` pairs."""
    lines = _lines(raw)
    stripped = [line.strip(SPACES) for _, line in lines]
    double = _is_double_spaced(stripped)
    text_idx = [i for i, s in enumerate(stripped) if s]
    paragraphs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for n, i in enumerate(text_idx):
        offset, line = lines[i]
        lead = len(line) - len(line.lstrip(SPACES))
        current.append((offset + lead, stripped[i]))
        nxt_i = text_idx[n + 1] if n + 1 < len(text_idx) else None
        gap = nxt_i is not None and nxt_i - i > (2 if double else 1)
        nxt = stripped[nxt_i] if nxt_i is not None else None
        prev = stripped[text_idx[n - 1]] if n else None
        if _ends_paragraph(stripped[i], prev, nxt, gap):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _squeeze(line: str, offset: int) -> tuple[str, list[int]]:
    """Drop a line's layout spaces, keeping one only between two Latin letters or digits; with offsets."""
    if not SPACE_RUN.search(line):
        return line, list(range(offset, offset + len(line)))
    text: list[str] = []
    offsets: list[int] = []
    last = 0
    for run in SPACE_RUN.finditer(line):
        text.append(line[last : run.start()])
        offsets.extend(range(offset + last, offset + run.start()))
        before, after = line[run.start() - 1 : run.start()], line[run.end() : run.end() + 1]
        if before and after and _is_word_char(before) and _is_word_char(after):
            text.append(" ")
            offsets.append(offset + run.start())
        last = run.end()
    text.append(line[last:])
    offsets.extend(range(offset + last, offset + len(line)))
    return "".join(text), offsets


def normalize(raw: str) -> Text:
    """Normalise a report's raw text into paragraphs separated by ``\\n``, with offsets."""
    text: list[str] = []
    offsets: list[int] = []
    for paragraph in _paragraphs(raw):
        squeezed = [_squeeze(line, offset) for offset, line in paragraph]
        first = next((offs[0] for _, offs in squeezed if offs), None)
        if first is None:
            continue
        if offsets:
            text.append("\n")
            offsets.append(first - 1)
        for line, offs in squeezed:
            text.append(line)
            offsets.extend(offs)
    return Text(text="".join(text), offsets=tuple(offsets))
