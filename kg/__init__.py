"""ZoneGraph: knowledge graphs from Chinese development-zone reports."""

__version__ = "0.1.0"
