"""Renderers: pure functions from a Briefing (or Articles) to text."""

from .json import briefing_to_dict, render_json
from .markdown import render_markdown

__all__ = ["briefing_to_dict", "render_json", "render_markdown"]
