"""Concepts for coverage: word bigrams weighted by how many articles state them.

After Gillick & Favre (2009): a summary is good when it covers the bigrams that
many articles share. Bigrams are taken over all words (lower-cased, plurals
folded), leaving out those made of two stop words; a bigram weighs the number of
articles it occurs in, and counts only when at least ``min_docs`` articles have
it (fewer when the story is smaller).
"""

from __future__ import annotations

import re

from ..analyze.terms import STOP_WORDS, fold
from .features import StoryText

_WORD = re.compile(r"[^\W_]+")


def bigrams(text: str) -> set[tuple[str, str]]:
    toks = [fold(t) for t in _WORD.findall(text.lower())]
    return {(a, b) for a, b in zip(toks, toks[1:]) if not (a in STOP_WORDS and b in STOP_WORDS)}


def sentence_bigrams(st: StoryText) -> list[set[tuple[str, str]]]:
    return [bigrams(s.text) for s in st.sentences]


def weights(st: StoryText, per_sentence: list[set[tuple[str, str]]], min_docs: int = 3) -> dict[tuple[str, str], float]:
    docs: dict[tuple[str, str], set[int]] = {}
    for bg, d in zip(per_sentence, st.doc.tolist()):
        for b in bg:
            docs.setdefault(b, set()).add(d)
    floor = min(min_docs, max(st.n_docs, 1))
    return {b: float(len(ds)) for b, ds in docs.items() if len(ds) >= floor and len(ds) > 1}
