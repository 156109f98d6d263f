"""Key forms: what two names of one class must share to be resolved to one entity.

>>> zone_form("安阳高新技术产业开发区")
'安阳高新区'
>>> park_form("许昌创客孵化园区")
'创客孵化园'
>>> company_form("天津恒发集团")
'恒发集团'
"""

from __future__ import annotations

from kg.extract.forms import normal_form, strip_region

#: Long zone suffixes and the short form reports use for the same kind of zone.
ZONE_SHORT = (("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("经济技术开发区", "经开区"))
MIN_COMPANY_CORE = 4
MIN_PARK_CORE = 4


def company_form(name: str) -> str:
    """Key form of a company: region prefix dropped (天津恒发集团 ~ 恒发集团)."""
    return strip_region(normal_form(name), keep=MIN_COMPANY_CORE)


def zone_form(name: str) -> str:
    """Key form of a zone: long official suffixes replaced by their usual short form."""
    form = normal_form(name)
    for long, short in ZONE_SHORT:
        if form.endswith(long):
            return form[: -len(long)] + short
    return form


def park_form(name: str) -> str:
    """Key form of a park: no leading city, "园区" read as "园" (within one zone)."""
    form = strip_region(normal_form(name), keep=MIN_PARK_CORE)
    return form[:-1] if form.endswith("园区") else form
