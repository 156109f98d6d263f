"""Surface forms of names: the normal form names are compared in, and company short names.

>>> normal_form("“许昌创客＋孵化园” ")
'许昌创客+孵化园'
>>> sorted(company_short_forms("河南宏源氢能化工股份有限公司"))
['宏源氢能', '宏源氢能化工']
"""

from __future__ import annotations

import re
import unicodedata

from kg.extract import patterns as p
from kg.extract.places import places

QUOTES = re.compile(r"[\s“”\"'‘’「」『』]")
REGION_IN_PARENS = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")
MIN_CORE = 2


def normal_form(label: str) -> str:
    """The form names are compared in: NFKC, no whitespace or quotation marks."""
    return QUOTES.sub("", unicodedata.normalize("NFKC", label))


def strip_region(name: str, keep: int = MIN_CORE) -> str:
    """Drop a leading province or city (河南, 郑州市) when at least ``keep`` characters remain."""
    for length in (3, 2):
        head = name[:length]
        if head in places():
            rest = name[length:].removeprefix("省").removeprefix("市")
            return rest if len(rest) >= keep else name
    return name


def company_core(name: str) -> str:
    """A company name without region and legal form: 河南宏源氢能化工股份有限公司 → 宏源氢能化工."""
    core = normal_form(name)
    for form in p.LEGAL_FORMS:
        if core.endswith(form) and len(core) > len(form):
            core = core[: -len(form)]
            break
    return strip_region(REGION_IN_PARENS.sub("", core))


def company_short_forms(name: str) -> set[str]:
    """Short names a full legal name may go by: its core, and the core without an industry word."""
    if not any(name.endswith(form) for form in p.LEGAL_FORMS):
        return set()
    core = company_core(name)
    forms = {core}
    for word in sorted(p.INDUSTRY_WORDS, key=len, reverse=True):
        if core.endswith(word):
            brand = core[: -len(word)]
            if len(brand) >= MIN_CORE + 1:
                forms.add(brand)
            head = normal_form(name)[: normal_form(name).find(core)] if core in normal_form(name) else ""
            if len(brand) == MIN_CORE and head in places():
                forms.add(head + brand)  # 江苏恒发钢管有限公司 → 江苏恒发
            break
    return {f for f in forms if len(f) >= MIN_CORE and f != normal_form(name)}
