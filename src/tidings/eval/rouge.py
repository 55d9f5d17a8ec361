"""The one ROUGE protocol every figure uses (../shared/data/README.md).

rouge-score 0.1.2 with the Porter stemmer; ROUGE-1, ROUGE-2 and ROUGE-Lsum with
the sentences of both texts joined by newlines; the system summary cut to the
word budget first; F1 against a single reference, recall averaged over the
references when there are several.
"""

from __future__ import annotations

from statistics import mean
from typing import Sequence

METRICS = ("rouge1", "rouge2", "rougeLsum")


def truncate(sentences: Sequence[str], words: int) -> list[str]:
    """The first ``words`` words of the summary, keeping its sentence breaks."""
    out: list[str] = []
    left = words
    for s in sentences:
        toks = s.split()
        if not toks or left <= 0:
            break
        out.append(" ".join(toks[:left]))
        left -= len(toks)
    return out


class Rouge:
    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError:
            from ..errors import UsageError

            raise UsageError("tidings eval", "needs the rouge-score package",
                             "Install it with `pip install 'tidings[eval]'`") from None
        self.scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, summary: Sequence[str], references: Sequence[Sequence[str]], words: int) -> dict[str, float]:
        """ROUGE of ``summary`` (its sentences) against references (each a list of sentences), in percent."""
        cand = "\n".join(truncate(summary, words))
        per_ref = [self.scorer.score("\n".join(ref), cand) for ref in references]
        if len(per_ref) == 1:
            return {m: 100 * per_ref[0][m].fmeasure for m in METRICS}
        return {m: 100 * mean(r[m].recall for r in per_ref) for m in METRICS}
