"""tidings: many news articles about one event in, one faithful, source-attributed briefing out.

The public API is imported lazily so that ``import tidings`` stays cheap:

    from tidings import brief, read
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "brief_story", "Options", "Reader"]


def __getattr__(name: str):
    if name == "brief_story":
        from .briefing import brief_story

        return brief_story
    if name == "Options":
        from .config import Options

        return Options
    if name == "Reader":
        from .ingest import Reader

        return Reader
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
