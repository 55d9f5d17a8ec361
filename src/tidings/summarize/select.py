"""Selection apart from scoring: a word budget, coverage without repetition, an order a reader can follow.

The selector adds sentences greedily by value per word, where a sentence's value
mixes two things:

- its salience, the scorer's probability that it belongs in a summary, relative
  to the story's average;
- the concepts it adds that the summary does not cover yet (bigrams shared by
  several articles, ``concepts``), relative to the story's average per word.

How much the concepts count grows with the number of articles: with two or three
articles few bigrams are shared and salience decides; with twenty, agreement
between outlets is the best evidence of what matters. Sentences that do not read
on their own (a dangling "He said", an open quotation, a fragment) are kept out
when anything else fits; near-copies of a chosen sentence are skipped.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from ..records import Span, Story, SummarySentence
from . import concepts
from .features import StoryText


class Scorer(Protocol):
    def score(self, st: StoryText) -> np.ndarray: ...


class Selector:
    def __init__(self, *, redundancy: float = 0.7, concept_weight: float = 4.0, concept_docs: int = 3,
                 concept_from: int = 2, min_words: int = 6, standalone_only: bool = False,
                 standalone_penalty: float = 1.0, length_power: float = 0.2, focus_weight: float = 0.0,
                 focus_concepts: float = 0.5, dangling_needs_context: bool = True) -> None:
        """Defaults tuned on the Multi-News train sample and validation clusters 1-1000 and on DUC 2006
        (docs/BENCHMARKS.md). ``standalone_penalty`` scales the salience of a sentence that does not read
        on its own; ``standalone_only`` drops such sentences instead; ``length_power`` > 0 favours longer
        sentences a little; with a focus query, bigrams naming its topic words weigh
        ``1 + focus_concepts`` times more and salience is scaled by ``1 + focus_weight * relevance``."""
        self.redundancy = redundancy
        self.concept_weight = concept_weight
        self.concept_docs = concept_docs
        self.concept_from = concept_from
        self.min_words = min_words
        self.standalone_only = standalone_only
        self.focus_weight = focus_weight
        self.focus_concepts = focus_concepts
        self.dangling_needs_context = dangling_needs_context
        self.length_power = length_power
        self.standalone_penalty = standalone_penalty

    def concept_share(self, n_docs: int) -> float:
        """How much concepts count against salience, by the number of articles (0 for one or two)."""
        return self.concept_weight * max(n_docs - self.concept_from, 0) / max(n_docs, 1)

    def select(self, st: StoryText, scores: np.ndarray, words: int, focus: np.ndarray | None = None,
               exclude: set[int] | frozenset[int] = frozenset()) -> list[int]:
        """Sentence indices in reading order; sentences in ``exclude`` are never taken."""
        n = len(st.sentences)
        if n == 0:
            return []
        p = np.asarray(scores, dtype=np.float64)
        p = p / (p.mean() or 1.0)
        if focus is not None and focus.any() and self.focus_weight:
            relevance = st.matrix @ focus
            p = p * (1.0 + self.focus_weight * relevance / (relevance.mean() or 1.0))
        alpha = self.concept_share(st.n_docs)
        bigrams = concepts.sentence_bigrams(st) if alpha > 0 else [set()] * n
        weights = concepts.weights(st, bigrams, self.concept_docs) if alpha > 0 else {}
        if focus is not None and focus.any() and weights:
            weights = {b: w * (1.0 + self.focus_concepts * _mentions(b, focus, st)) for b, w in weights.items()}
        total_words = max(int(st.words.sum()), 1)
        per_word = sum(weights.get(b, 0.0) for bg in bigrams for b in bg) / total_words or 1.0
        length = st.words.astype(np.float64)
        p = p * np.power(np.maximum(length, 1.0), self.length_power)
        if self.standalone_penalty != 1.0:
            p = p * np.array([1.0 if st.standalone(i) else self.standalone_penalty for i in range(n)])
        # a sentence that ends in a colon only introduces what follows it ("X put it like this:")
        ok = [i for i in range(n) if length[i] >= self.min_words and (not self.standalone_only or st.standalone(i))
              and not st.sentences[i].text.rstrip().endswith(":")]
        if not ok:  # nothing reads on its own: fall back to any sentence of some length
            ok = [i for i in range(n) if length[i] > 0]
        dangling = [st.dangling(i) for i in range(n)] if self.dangling_needs_context else [False] * n
        covered: set = set()
        chosen: list[int] = []
        used = 0
        candidates = set(ok) - set(exclude)
        while candidates:
            best, best_gain = -1, 0.0
            for i in candidates:
                if used + length[i] > words:
                    continue
                if self.dangling_needs_context and dangling[i] and (st.pos[i] == 0 or i - 1 not in chosen):
                    continue  # a "He said" only follows the sentence that names him
                new = sum(weights.get(b, 0.0) for b in bigrams[i] if b not in covered) if alpha else 0.0
                gain = alpha * new / (per_word * length[i]) + p[i]
                if gain > best_gain:
                    best, best_gain = i, gain
            if best < 0:
                break
            candidates.discard(best)
            if chosen and float(st.sim[best, chosen].max()) > self.redundancy:
                continue
            chosen.append(best)
            covered |= bigrams[best]
            used += int(length[best])
            if words - used < self.min_words:
                break
        return reading_order(st, chosen)


def _mentions(bigram: tuple[str, str], focus: np.ndarray, st: StoryText) -> float:
    hits = 0.0
    for w in bigram:
        j = st.vocab.get(w)
        if j is not None and focus[j] > 0:
            hits += 1.0
    return hits / 2


# words that frame a request ("Discuss ...", "Include ...") and say nothing of its topic
QUERY_STOP_WORDS = frozenset("""
discuss describe include including identify explain give provide report reports information specific
details detail effect effects issue issues kind kinds type types way ways well various regarding concern
concerns question questions topic aspect aspects factor factors what which how why who where when
""".split())


def focus_vector(st: StoryText, query: str) -> np.ndarray:
    """The query's topic words as a normalised row over the story's terms."""
    kept = " ".join(w for w in query.split() if w.lower().strip(".,;:?!") not in QUERY_STOP_WORDS)
    return st.vector(kept)


def reading_order(st: StoryText, chosen: list[int]) -> list[int]:
    """Source order: every article's early sentences first, then deeper ones; a run of consecutive
    sentences from one article stays together, so a sentence that leans on the one before follows it."""
    picked = set(chosen)
    head = {}
    for i in sorted(chosen):
        head[i] = head[i - 1] if (i - 1 in picked and st.pos[i] > 0) else i
    return sorted(chosen, key=lambda i: (float(st.pos[head[i]]) / max(int(st.n_in_doc[head[i]]), 1),
                                         int(st.doc[i]), int(st.pos[i])))


def summarize(story: Story, words: int, scorer: Scorer | None = None, selector: Selector | None = None,
              focus: str | None = None, st: StoryText | None = None,
              scores: np.ndarray | None = None) -> tuple[SummarySentence, ...]:
    """``st`` and ``scores``: the story's sentences and their salience when the caller has them already
    (``tidings brief`` computes them once for the summary and the compare stage)."""
    from . import default_scorer

    if not story.articles:
        return ()
    st = st if st is not None else StoryText.of(story)
    if not st.sentences:
        return ()
    scorer = scorer or default_scorer()
    scores = np.asarray(scorer.score(st) if scores is None else scores, dtype=np.float64)
    selector = selector or Selector()
    fv = focus_vector(st, focus) if focus else None
    reranker = getattr(scorer, "reranker", None)
    if reranker is not None and reranker.applies(st):
        picked = reranker.choose(st, scores, words, selector, focus=fv)
    else:
        picked = selector.select(st, scores, words, focus=fv)
    out = []
    for i in picked:
        s = st.sentences[i]
        support = tuple(Span(st.sentences[j].article_id, st.sentences[j].start, st.sentences[j].end)
                        for j in st.support(i))
        out.append(SummarySentence(s.text, Span(s.article_id, s.start, s.end), support))
    return tuple(out)
