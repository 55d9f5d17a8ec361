"""The JSON form of a briefing, under docs/briefing-schema.json (``schema`` names its version)."""

from __future__ import annotations

import json
from typing import Any

from ..records import Anchor, Article, Briefing, Span

SCHEMA_ID = "https://tidings.invalid/schema/briefing/1.0"
SCHEMA_VERSION = "1.2"  # 1.1 added the timeline and inferred publication dates; 1.2 the compare stage


def _span(span: Span, refs: dict[str, int], text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"source": refs[span.article_id], "article_id": span.article_id,
                           "start": span.start, "end": span.end}
    if text is not None:
        out["text"] = text
    return out


def article_dict(a: Article, anchor: Anchor | None = None) -> dict[str, Any]:
    out = {
        "article_id": a.id, "outlet": a.outlet, "title": a.title, "byline": a.byline, "published": a.published,
        "url": a.url, "origin": a.origin, "kind": a.kind, "teaser_only": a.teaser_only, "notes": list(a.notes),
    }
    if anchor is not None and anchor.basis == "inferred" and anchor.day is not None:
        out["published_inferred"] = {"date": anchor.day.isoformat(), "confidence": anchor.confidence,
                                     "why": anchor.why}
    return out


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    refs = {a.id: i for i, a in enumerate(b.story.articles, 1)}
    texts = {a.id: a.text for a in b.story.articles}
    summary = []
    for s in b.summary:
        summary.append({
            "text": s.text,
            **_span(s.span, refs),
            "sources": [refs[a] for a in s.article_ids],
            "support": [_span(sp, refs, texts[sp.article_id][sp.start:sp.end]) for sp in s.support],
            "claim": s.claim,
            "disputed": list(s.disputed),
        })
    anchors = {an.article_id: an for an in b.timeline.anchors} if b.timeline else {}
    timeline = []
    for e in (b.timeline.events if b.timeline else ()):
        timeline.append({
            "date": e.date, "precision": e.precision, "planned": e.planned, "text": e.text,
            **_span(e.span, refs),
            "sources": [refs[a] for a in e.article_ids],
            "support": [_span(sp, refs, texts[sp.article_id][sp.start:sp.end]) for sp in e.support],
            "dates_by_source": [{"source": refs[aid], "date": d} for aid, d in e.dates_by_source],
        })
    return {
        "schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "story": {"id": b.story.id, "label": b.story.label, "articles": len(b.story.articles)},
        "title": {"text": b.title, "source": refs.get(b.title_article) if b.title_article else None,
                  "article_id": b.title_article},
        "summary": summary,
        "timeline": timeline,
        **comparison_dict(b, refs, texts),
        "sources": [{"ref": refs[a.id], **article_dict(a, anchors.get(a.id))} for a in b.story.articles],
        "skipped": [{"input": s.input, "reason": s.reason, "fix": s.fix} for s in b.skipped],
        "run": {"tidings_version": b.run.version, "created": b.run.created, "seconds": b.run.seconds,
                "options": b.run.options},
    }


def _claim(c, refs: dict[str, int], texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": c.id, "text": c.text, **_span(c.span, refs),
        "sources": [refs[a] for a in c.article_ids], "independent_sources": c.independent,
        "support": [_span(sp, refs, texts[sp.article_id][sp.start:sp.end]) for sp in c.support],
        "silent": [refs[a] for a in c.silent],
        "attribution": [{"source": refs[a], "who": w} for a, w in c.attribution],
        "hedges": [{"source": refs[a], "hedge": h} for a, h in c.hedges],
    }


def comparison_dict(b: Briefing, refs: dict[str, int], texts: dict[str, str]) -> dict[str, Any]:
    """Claims, discrepancies, single-source facts, wire copy, entities and quotes (schema 1.2)."""
    c = b.comparison
    if c is None:
        return {"claims": [], "discrepancies": [], "single_source": [], "wire": [], "entities": [], "quotes": []}

    def reading(r) -> dict[str, Any]:
        return {
            "value": r.value, "note": r.note,
            "sources": [refs[a] for a in r.article_ids],
            "said": [{**_span(sp, refs, texts[sp.article_id][sp.start:sp.end]),
                      "sentence": _span(sent, refs, texts[sent.article_id][sent.start:sent.end])}
                     for sp, sent in zip(r.spans, r.sentences)],
            "reported": [{"source": refs[a], "published": d} for a, d in r.reported],
            "attribution": [{"source": refs[a], "who": w} for a, w in r.attribution],
        }

    return {
        "claims": [_claim(x, refs, texts) for x in c.claims],
        "discrepancies": [{"id": d.id, "kind": d.kind, "about": d.about, "label": d.label, "reason": d.reason,
                           "sources": [refs[a] for a in d.article_ids],
                           "readings": [reading(r) for r in d.readings]} for d in c.discrepancies],
        "single_source": [_claim(x, refs, texts) for x in c.single_source],
        "wire": [{"text": w.text, "credit": w.credit, "sources": [refs[a] for a in w.article_ids],
                  "passages": [_span(sp, refs) for sp in w.spans]} for w in c.wire],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "forms": list(e.forms), "role": e.role,
                      "role_span": _span(e.role_span, refs) if e.role_span is not None else None,
                      "sources": [refs[a] for a in e.article_ids],
                      "mentions_by_source": [{"source": refs[a], "count": n}
                                             for a, n in e.mentions_by_source().items()],
                      "mentions": [{"text": m.text, **_span(m.span, refs)} for m in e.mentions]}
                     for e in c.entities],
        "quotes": [{"text": q.text, "speaker": q.speaker, "entity": q.entity_id, **_span(q.span, refs),
                    "speaker_span": _span(q.speaker_span, refs) if q.speaker_span is not None else None,
                    "sources": [refs[a] for a in q.article_ids],
                    "support": [_span(sp, refs, texts[sp.article_id][sp.start:sp.end]) for sp in q.support]}
                   for q in c.quotes],
    }


def render_json(b: Briefing, *, indent: int | None = 2) -> str:
    return json.dumps(briefing_to_dict(b), ensure_ascii=False, indent=indent)
