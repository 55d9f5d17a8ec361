"""A simple, explainable salience scorer: closeness to the story's centroid, early position, and how
many outlets state the same content. Kept as a baseline beside the learned scorer."""

from __future__ import annotations

import numpy as np

from .features import StoryText


class CentroidScorer:
    def __init__(self, position_decay: float = 0.08, support_weight: float = 0.15) -> None:
        self.position_decay = position_decay
        self.support_weight = support_weight

    def score(self, st: StoryText) -> np.ndarray:
        if not len(st.sentences):
            return np.zeros(0)
        centroid = st.matrix.sum(axis=0)
        norm = np.linalg.norm(centroid) or 1.0
        base = st.matrix @ (centroid / norm)
        position = 1.0 / (1.0 + self.position_decay * st.pos)
        shared = (st.doc_max_sim >= 0.45).sum(axis=1) / max(st.n_docs - 1, 1)
        return base * position * (1.0 + self.support_weight * shared)
