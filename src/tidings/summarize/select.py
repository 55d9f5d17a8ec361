"""Selection apart from scoring: a word budget, no repeated content, an order a reader can follow."""

from __future__ import annotations

from typing import Protocol

from ..analyze.terms import cosine
from ..records import Span, Story, SummarySentence
from .features import StoryText


class Scorer(Protocol):
    def score(self, st: StoryText) -> list[float]: ...


class Selector:
    def __init__(self, redundancy: float = 0.5, standalone_only: bool = True) -> None:
        self.redundancy = redundancy
        self.standalone_only = standalone_only

    def select(self, st: StoryText, scores: list[float], words: int) -> list[int]:
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        chosen: list[int] = []
        used = 0
        for i in order:
            if self.standalone_only and not st.standalone(i):
                continue
            n = st.words(i)
            if used + n > words:
                continue
            if any(cosine(st.vectors[i], st.vectors[j]) > self.redundancy for j in chosen):
                continue
            chosen.append(i)
            used += n
            if words - used < 6:
                break
        if not chosen and self.standalone_only:  # nothing reads on its own: take the best sentence that fits
            return Selector(self.redundancy, standalone_only=False).select(st, scores, words)
        # source order: lead sentences of every article first, then deeper ones
        return sorted(chosen, key=lambda i: (st.sentences[i].index / max(st.article_sizes[st.sentences[i].article_id], 1),
                                             st.article_index[st.sentences[i].article_id]))


def summarize(story: Story, words: int, scorer: Scorer | None = None,
              selector: Selector | None = None) -> tuple[SummarySentence, ...]:
    from .centroid import CentroidScorer

    if not story.articles:
        return ()
    st = StoryText.of(story)
    if not st.sentences:
        return ()
    scores = (scorer or CentroidScorer()).score(st)
    picked = (selector or Selector()).select(st, scores, words)
    out = []
    for i in picked:
        s = st.sentences[i]
        support = tuple(Span(st.sentences[j].article_id, st.sentences[j].start, st.sentences[j].end)
                        for j in st.support(i))
        out.append(SummarySentence(s.text, Span(s.article_id, s.start, s.end), support))
    return tuple(out)
