"""Summaries: a scorer rates sentences, a selector picks them under a word budget.

Scoring and selection are apart so either can change alone (issue 3 brings a
learned scorer); the summary is always extractive: each printed sentence is a
span of an article's text, and ``support`` lists the other articles' sentences
that state the same content.
"""

from __future__ import annotations

from .centroid import CentroidScorer
from .select import Selector, summarize

__all__ = ["CentroidScorer", "Selector", "default_scorer", "summarize"]


def default_scorer():
    """The scorer ``tidings brief`` uses: the learned model when it is installed, else the centroid."""
    from .learned import MODEL_PATH, LearnedScorer

    if MODEL_PATH.exists():
        return LearnedScorer()
    return CentroidScorer()
