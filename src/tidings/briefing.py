"""The pipeline for one story: summarize, verify, pick the headline, record the run."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Iterable

from . import __version__
from .analyze.terms import TfIdf, content_terms, cosine
from .config import Options
from .records import Briefing, RunInfo, Skipped, Story, SummarySentence, Timeline
from .summarize import summarize
from .verify import verify, verify_comparison, verify_timeline


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
    from .timeline import build_timeline

    from .analyze import ner
    from .compare import attach, compare_story

    from .summarize import default_scorer
    from .summarize.features import StoryText

    entities_pending = ner.submit(story)  # found in the worker process, if one runs, meanwhile
    timeline = verify_timeline(story, build_timeline(story))
    st = StoryText.of(story)  # the sentences, their similarities and salience: once, for summary and compare
    scorer = default_scorer()
    salience = scorer.score(st) if st.sentences else None
    summary = summarize(story, options.words, scorer=scorer, focus=options.focus, st=st, scores=salience)
    summary = chronological(summary, timeline)
    comparison = verify_comparison(story, compare_story(story, timeline, spans=entities_pending, st=st,
                                                        salience=salience))
    summary = verify(story, attach(summary, comparison, st))
    title, title_article = choose_title(story)
    run = RunInfo(
        version=__version__,
        created=datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        options=options.as_dict(),
        seconds=round(time.perf_counter() - t0, 3),
    )
    return Briefing(story, title, title_article, summary, tuple(skipped), run, timeline, comparison)


def chronological(summary: tuple[SummarySentence, ...], timeline: Timeline) -> tuple[SummarySentence, ...]:
    """Story order after the lede: the first sentence (the one that best opens the story) stays first;
    after it, sentences that state a dated event of the story's own days go by date; a sentence
    without a date of its own keeps its place after the one before it; older background (months and
    years before the story) keeps its place too."""
    from .timeline import start_of

    days = sorted(start_of(e.date) for e in timeline.events if e.precision in ("day", "range"))
    if not days:
        return summary
    story_start = days[len(days) // 2].toordinal() - 14  # the story's own days, not its background
    keys = []
    current = None
    for s in summary:
        value = timeline.date_of(s.span)
        if value is not None:
            day = start_of(value).toordinal()
            if day >= story_start:
                current = day
        keys.append(current if current is not None else story_start)
    order = [0] + sorted(range(1, len(summary)), key=lambda i: (keys[i], i))  # the lede stays first
    return tuple(summary[i] for i in order)
