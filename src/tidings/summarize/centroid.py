"""A simple, explainable salience scorer: closeness to the story's centroid, early position, and how
many outlets state the same content. A stand-in until the learned scorer of issue 3."""

from __future__ import annotations

from collections import defaultdict

from ..analyze.terms import cosine
from .features import StoryText


class CentroidScorer:
    def __init__(self, position_decay: float = 0.08, support_weight: float = 0.15) -> None:
        self.position_decay = position_decay
        self.support_weight = support_weight

    def score(self, st: StoryText) -> list[float]:
        centroid: dict[str, float] = defaultdict(float)
        for vec in st.vectors:
            for t, v in vec.items():
                centroid[t] += v
        top = dict(sorted(centroid.items(), key=lambda kv: -kv[1])[:60])
        n_articles = max(len(st.story.articles), 1)
        scores = []
        for i, s in enumerate(st.sentences):
            base = cosine(st.vectors[i], top) / (sum(v * v for v in top.values()) ** 0.5 or 1.0)
            position = 1.0 / (1.0 + self.position_decay * s.index)
            shared = len(st.support(i, threshold=0.45)) / max(n_articles - 1, 1)
            scores.append(base * position * (1.0 + self.support_weight * shared))
        return scores
