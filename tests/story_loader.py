"""Load a story from files, as `tidings brief` would, for tests and the compare benchmark."""

from __future__ import annotations

from pathlib import Path

from tidings.ingest import Reader, assemble
from tidings.records import Article, Story


def load_story(paths) -> Story:
    items = list(Reader().read([str(p) for p in paths]))
    arts = [i for i in items if isinstance(i, Article)]
    story, _ = assemble(arts)
    return story


def fixture_story(folder: Path) -> tuple[Story, dict[str, str]]:
    """The story of a fixture folder and a map from file name to article id."""
    files = sorted((folder / "articles").iterdir())
    story = load_story(files)
    by_origin = {Path(a.origin).name: a.id for a in story.articles}
    return story, by_origin
