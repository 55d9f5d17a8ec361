"""The last stage before rendering: every printed sentence must be found verbatim at its spans."""

from __future__ import annotations

from .records import Comparison, Span, Story, SummarySentence, Timeline


class UnfaithfulSummary(AssertionError):
    """A summary sentence does not match its source span. A bug in tidings, never the user's fault."""


def check_span(story: Story, span: Span, text: str | None = None) -> str:
    by_id = {a.id: a for a in story.articles}
    article = by_id.get(span.article_id)
    if article is None:
        raise UnfaithfulSummary(f"span points at article {span.article_id}, which is not in the story")
    if not (0 <= span.start < span.end <= len(article.text)):
        raise UnfaithfulSummary(f"span {span.start}-{span.end} is outside article {span.article_id}")
    found = article.text[span.start:span.end]
    if text is not None and found != text:
        raise UnfaithfulSummary(f"article {span.article_id} [{span.start}:{span.end}] holds {found!r}, not {text!r}")
    return found


def verify(story: Story, summary: tuple[SummarySentence, ...]) -> tuple[SummarySentence, ...]:
    for s in summary:
        check_span(story, s.span, s.text)
        for support in s.support:
            check_span(story, support)
    return summary


def verify_timeline(story: Story, timeline: Timeline) -> Timeline:
    for e in timeline.events:
        check_span(story, e.span, e.text)
        for support in e.support:
            check_span(story, support)
    return timeline


def verify_comparison(story: Story, comparison: "Comparison") -> "Comparison":
    """Every claim, reading, quote, mention, role and wire passage must hold the text it names."""
    for c in comparison.claims + comparison.single_source:
        check_span(story, c.span, c.text)
        for s in c.support:
            check_span(story, s)
    for d in comparison.discrepancies:
        for r in d.readings:
            for s in r.spans + r.sentences:
                check_span(story, s)
    for w in comparison.wire:
        check_span(story, w.spans[0], w.text)
        for s in w.spans[1:]:
            check_span(story, s)
    for q in comparison.quotes:
        check_span(story, q.span, q.text)
        for s in q.support:
            check_span(story, s)
        if q.speaker_span is not None:
            check_span(story, q.speaker_span)
    for e in comparison.entities:
        for m in e.mentions:
            check_span(story, m.span, m.text)
        if e.role_span is not None:
            check_span(story, e.role_span, e.role)
    return comparison
