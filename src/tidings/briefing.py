"""The pipeline for one story: summarize, verify, pick the headline, record the run."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Iterable

from . import __version__
from .analyze.terms import TfIdf, content_terms, cosine
from .config import Options
from .records import Briefing, RunInfo, Skipped, Story
from .summarize import summarize
from .verify import verify


def choose_title(story: Story) -> tuple[str | None, str | None]:
    """The source headline closest to what the story's sentences are about (no words of our own)."""
    titled = [a for a in story.articles if a.title]
    if not titled:
        return None, None
    body_terms = [content_terms(a.text) for a in story.articles]
    tfidf = TfIdf(body_terms)
    centroid: dict[str, float] = {}
    for terms in body_terms:
        for t, v in tfidf.vector(terms).items():
            centroid[t] = centroid.get(t, 0.0) + v
    best = max(titled, key=lambda a: (cosine(tfidf.vector(content_terms(a.title or "")), centroid),
                                      -story.articles.index(a)))
    return best.title, best.id


def brief_story(story: Story, options: Options | None = None, skipped: Iterable[Skipped] = (),
                started: float | None = None) -> Briefing:
    options = options or Options()
    t0 = started if started is not None else time.perf_counter()
    summary = verify(story, summarize(story, options.words, focus=options.focus))
    title, title_article = choose_title(story)
    run = RunInfo(
        version=__version__,
        created=datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        options=options.as_dict(),
        seconds=round(time.perf_counter() - t0, 3),
    )
    return Briefing(story, title, title_article, summary, tuple(skipped), run)
