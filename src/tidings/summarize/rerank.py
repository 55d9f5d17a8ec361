"""Choosing among whole candidate summaries: the selector's pick and its near variants, rated as summaries.

The salience model rates sentences one at a time; what it cannot see is how the
sentences of a summary work together. So the selector proposes a few whole
summaries (its own pick, the pick with each of its sentences left out in turn,
the pick with each of the three best-rated sentences it left out forced in, and
the picks made with other length and redundancy settings), and a linear
model rates each against the selector's own pick from features of the summary as
a whole: how much of the story's cross-article agreement it covers (bigrams and
words that several articles share, taken with ROUGE's tokens), how close its word
distribution is to the story's, how much it repeats itself, its salience mass,
its length and where its sentences sit. The weights are learned by ``tidings
train`` to predict the ROUGE-2 F1 a candidate gains over the selector's pick
(docs/MODEL.md). Every candidate is a selector output, so each obeys the budget,
the redundancy rule and the rule on dangling sentences; the reranker only
chooses among them, and keeps the selector's pick unless another is predicted
better.

It was learned on Multi-News, whose inputs are 1-10 articles truncated to about 450
words in all, so it is used only on stories of that kind: at most ``max_docs``
articles and ``max_words`` words (twice the longest story it learned from). Larger
stories (DUC 2006's 25 articles, the full articles ``tidings brief`` usually reads)
keep the selector's pick.
"""

from __future__ import annotations

import copy
import math
from collections import Counter
from typing import Sequence

import numpy as np

from ..analyze.terms import STOP_WORDS
from .features import StoryText
from .oracle import metric_tokens

SUMMARY_FEATURES = (
    "salience_sum", "logit_sum", "words", "sentences", "bigram_agreement", "content_coverage",
    "content_divergence", "repeated_bigrams", "articles_covered", "position", "dangling_words",
    "shared_bigram_share", "shared_word_share",
)
# the selector settings of the extra candidates
VARIANTS = ({"length_power": 0.0}, {"length_power": 0.5}, {"redundancy": 0.55}, {"length_power": -0.3},
            {"length_power": 1.0}, {"redundancy": 0.85}, {"min_words": 10})
FORCED = 3  # how many of the best-rated sentences left out of the pick are tried in it


def candidates(st: StoryText, scores: np.ndarray, words: int, selector, focus: np.ndarray | None = None
               ) -> list[list[int]]:
    """The selector's pick first, then distinct variants of it (each a list of sentence indices)."""
    base = selector.select(st, scores, words, focus=focus)
    out = [base]
    seen = {frozenset(base)}

    def add(c: list[int]) -> None:
        key = frozenset(c)
        if c and key not in seen:
            seen.add(key)
            out.append(c)

    for j in base:
        add(selector.select(st, scores, words, focus=focus, exclude={j}))
    for settings in VARIANTS:
        other = copy.copy(selector)
        for k, v in settings.items():
            setattr(other, k, v)
        add(other.select(st, scores, words, focus=focus))
    chosen = set(base)
    left_out = [int(i) for i in np.argsort(-scores, kind="stable")
                if int(i) not in chosen and st.words[i] >= selector.min_words][:FORCED]
    for k in left_out:
        forced = np.array(scores, dtype=np.float64)
        forced[k] = 3.0 * float(forced.max())
        add(selector.select(st, forced, words, focus=focus))
    return out


class StoryCounts:
    """ROUGE-token counts of each sentence and, over the story, in how many articles each n-gram occurs."""

    def __init__(self, st: StoryText) -> None:
        toks = [metric_tokens(s.text) for s in st.sentences]
        self.uni = [Counter(t) for t in toks]
        self.bi = [Counter(zip(t, t[1:])) for t in toks]
        udocs: dict = {}
        bdocs: dict = {}
        for u, b, d in zip(self.uni, self.bi, st.doc.tolist()):
            for x in u:
                udocs.setdefault(x, set()).add(d)
            for x in b:
                bdocs.setdefault(x, set()).add(d)
        self.udf = {x: len(v) for x, v in udocs.items()}
        self.bdf = {x: len(v) for x, v in bdocs.items()}
        tf: Counter = Counter()
        for u in self.uni:
            tf.update(u)
        self.content = {x: c for x, c in tf.items() if x not in STOP_WORDS and not x.isdigit()}
        self.content_total = sum(self.content.values()) or 1
        self.bigram_total = sum(self.bdf.values()) or 1


def summary_features(st: StoryText, counts: StoryCounts, p: np.ndarray, logit: np.ndarray,
                     cand: Sequence[int]) -> np.ndarray:
    idx = list(cand)
    u: Counter = Counter()
    b: Counter = Counter()
    for i in idx:
        u.update(counts.uni[i])
        b.update(counts.bi[i])
    f = np.zeros(len(SUMMARY_FEATURES))
    f[0] = (p / (p.mean() or 1.0))[idx].sum() / 10
    f[1] = logit[idx].sum() / 10
    f[2] = st.words[idx].sum() / 250
    f[3] = len(idx) / 10
    f[4] = sum(counts.bdf[x] for x in b) / counts.bigram_total
    content = counts.content
    f[5] = sum(content.get(x, 0) for x in u) / counts.content_total
    mine = {x: c for x, c in u.items() if x in content}
    n_mine = sum(mine.values()) or 1
    js = 0.0  # Jensen-Shannon divergence of the summary's content words from the story's
    for x, c in content.items():
        q = c / counts.content_total
        r = mine.get(x, 0) / n_mine
        m = (q + r) / 2
        js += 0.5 * q * math.log(q / m) + (0.5 * r * math.log(r / m) if r else 0.0)
    f[6] = js
    f[7] = 1 - len(b) / (sum(b.values()) or 1)
    f[8] = len(set(st.doc[idx].tolist())) / max(st.n_docs, 1)
    w = st.words[idx].astype(np.float64)
    f[9] = float((st.pos[idx] / np.maximum(st.n_in_doc[idx], 1) * w).sum() / max(w.sum(), 1))
    f[10] = sum(int(st.words[i]) for i in idx if st.dangling(i)) / 250
    f[11] = sum(counts.bdf[x] > 1 for x in b) / max(len(b), 1)
    f[12] = sum(c for x, c in u.items() if counts.udf.get(x, 0) > 1) / max(sum(u.values()), 1)
    return f


def candidate_table(st: StoryText, scores: np.ndarray, words: int, selector, focus: np.ndarray | None = None
                    ) -> tuple[list[list[int]], np.ndarray]:
    """The candidates and their summary features (one row each, the selector's pick first)."""
    p = np.asarray(scores, dtype=np.float64)
    q = np.clip(p, 1e-6, 1 - 1e-6)
    logit = np.log(q / (1 - q))
    cands = candidates(st, p, words, selector, focus)
    counts = StoryCounts(st)
    return cands, np.array([summary_features(st, counts, p, logit, c) for c in cands])


class Reranker:
    def __init__(self, params: dict) -> None:
        if tuple(params["features"]) != SUMMARY_FEATURES:
            raise ValueError("the reranker in the model file was made for other summary features; retrain")
        self.weights = np.asarray(params["weights"], dtype=np.float64)
        self.max_docs = int(params["max_docs"])
        self.max_words = int(params["max_words"])
        self.margin = float(params.get("margin", 0.0))

    def applies(self, st: StoryText) -> bool:
        return st.n_docs <= self.max_docs and int(st.words.sum()) <= self.max_words and len(st.sentences) >= 2

    def choose(self, st: StoryText, scores: np.ndarray, words: int, selector,
               focus: np.ndarray | None = None) -> list[int]:
        cands, F = candidate_table(st, scores, words, selector, focus)
        gain = (F - F[0]) @ self.weights
        gain[0] = self.margin
        return cands[int(np.argmax(gain))]


def fit_weights(tables: list[tuple[np.ndarray, np.ndarray]], ridge: float = 1e-4) -> np.ndarray:
    """Least squares (lightly ridged) of each candidate's ROUGE-2 gain over the selector's pick on its
    summary-feature differences; ``tables`` holds (features, ROUGE-2) per story, the pick first."""
    Xs, ys = [], []
    for F, r2 in tables:
        if len(F) >= 2:
            Xs.append(F[1:] - F[0])
            ys.append(r2[1:] - r2[0])
    X, y = np.concatenate(Xs), np.concatenate(ys)
    A = X.T @ X + ridge * len(X) * np.eye(X.shape[1])
    return np.linalg.solve(A, X.T @ y)
