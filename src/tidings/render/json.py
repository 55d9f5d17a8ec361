"""The JSON form of a briefing, under docs/briefing-schema.json (``schema`` names its version)."""

from __future__ import annotations

import json
from typing import Any

from ..records import Anchor, Article, Briefing, Span

SCHEMA_ID = "https://tidings.invalid/schema/briefing/1.0"
SCHEMA_VERSION = "1.1"  # 1.1 added the timeline and inferred publication dates


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
        "sources": [{"ref": refs[a.id], **article_dict(a, anchors.get(a.id))} for a in b.story.articles],
        "skipped": [{"input": s.input, "reason": s.reason, "fix": s.fix} for s in b.skipped],
        "run": {"tidings_version": b.run.version, "created": b.run.created, "seconds": b.run.seconds,
                "options": b.run.options},
    }


def render_json(b: Briefing, *, indent: int | None = 2) -> str:
    return json.dumps(briefing_to_dict(b), ensure_ascii=False, indent=indent)
