"""ZoneGraph: knowledge graphs from Chinese development-zone reports.

``kg.open(path)`` and ``kg.build(paths)`` give a :class:`kg.api.ZoneGraph`; the
names load on first use, so ``import kg`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["ZoneGraph", "__version__", "build", "open"]

if TYPE_CHECKING:
    from kg.api import ZoneGraph, build, open


def __getattr__(name: str) -> object:
    if name in {"ZoneGraph", "build", "open"}:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
