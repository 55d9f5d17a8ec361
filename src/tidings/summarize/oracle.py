"""Greedy ROUGE oracle labels, from n-gram counts (fast): which sentences a perfect extractor would take.

Tokens follow rouge-score's tokenizer (lower-case alphanumerics, Porter stems of
words longer than three letters) so the oracle optimises what the benchmark
measures: ROUGE-1 F1 + ROUGE-2 F1 against the reference, under the word budget.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import porter

    return porter.PorterStemmer("ORIGINAL_ALGORITHM")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word) if len(word) > 3 else word


def rouge_tokens(text: str) -> list[str]:
    return [_stem(w) for w in _TOKEN.findall(text.lower())]


@lru_cache(maxsize=1)
def _metric_stemmer():
    from nltk.stem import porter

    return porter.PorterStemmer()  # rouge-score's own: NLTK's extensions of Porter's algorithm


@lru_cache(maxsize=200_000)
def _metric_stem(word: str) -> str:
    return _metric_stemmer().stem(word) if len(word) > 3 else word


def metric_tokens(text: str) -> list[str]:
    """Exactly rouge-score's tokens with ``use_stemmer=True`` (the oracle's ``rouge_tokens`` stem with
    Porter's original algorithm, which differs on a few words)."""
    return [t for t in (_metric_stem(w) for w in _TOKEN.findall(text.lower())) if _TOKEN.fullmatch(t)]


def rouge_2_f1(sentences: Sequence[str], reference: str) -> float:
    """ROUGE-2 F1 (percent) of the sentences, joined, against one reference, as rouge-score computes it."""
    cand, ref = metric_tokens(" ".join(sentences)), metric_tokens(reference)
    c2, r2 = Counter(zip(cand, cand[1:])), Counter(zip(ref, ref[1:]))
    return 100 * _f1(sum((c2 & r2).values()), max(len(cand) - 1, 0), max(len(ref) - 1, 0))


def _grams(tokens: list[str]) -> tuple[Counter, Counter]:
    return Counter(tokens), Counter(zip(tokens, tokens[1:]))


def _f1(overlap: int, cand: int, ref: int) -> float:
    if overlap == 0 or cand == 0 or ref == 0:
        return 0.0
    p, r = overlap / cand, overlap / ref
    return 2 * p * r / (p + r)


def greedy_oracle(sentences: Sequence[str], reference: str, words: int = 250) -> list[int]:
    """Indices of the sentences the greedy oracle picks (in pick order)."""
    ref1, ref2 = _grams(rouge_tokens(reference))
    n_ref1, n_ref2 = sum(ref1.values()), sum(ref2.values())
    cands = []
    for s in sentences:
        toks = rouge_tokens(s)
        cands.append((_grams(toks), len(s.split())))
    chosen: list[int] = []
    sum1: Counter = Counter()
    sum2: Counter = Counter()
    len1 = len2 = 0
    ov1 = ov2 = 0
    best_score = 0.0
    used = 0
    while used < words:
        best, best_state = -1, None
        for i, ((c1, c2), n_words) in enumerate(cands):
            if i in chosen or n_words == 0:
                continue
            o1 = ov1 + sum(min(sum1[t] + c, ref1[t]) - min(sum1[t], ref1[t]) for t, c in c1.items() if t in ref1)
            o2 = ov2 + sum(min(sum2[t] + c, ref2[t]) - min(sum2[t], ref2[t]) for t, c in c2.items() if t in ref2)
            l1, l2 = len1 + sum(c1.values()), len2 + sum(c2.values())
            score = _f1(o1, l1, n_ref1) + _f1(o2, l2, n_ref2)
            if score > best_score:
                best, best_score, best_state = i, score, (o1, o2, l1, l2)
        if best < 0 or best_state is None:
            break
        chosen.append(best)
        (c1, c2), n_words = cands[best]
        sum1.update(c1)
        sum2.update(c2)
        ov1, ov2, len1, len2 = best_state
        used += n_words
    return chosen
