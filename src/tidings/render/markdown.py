"""The Markdown briefing: headline, attributed summary, numbered sources, skipped inputs.

Every word of content comes from the sources; tidings adds only headings, markers and labels.
"""

from __future__ import annotations

from datetime import date

from ..records import REPORTER, Anchor, Article, Briefing, Skipped


_ESCAPES = {"\\": "\\\\", "*": "\\*", "_": "\\_", "`": "\\`", "<": "&lt;"}


def unescape(text: str) -> str:
    """The source text of a rendered line (the inverse of the escaping above)."""
    for raw, escaped in sorted(_ESCAPES.items(), key=lambda kv: kv[0] == "\\"):
        text = text.replace(escaped, raw)
    return text


def source_label(a: Article) -> str:
    """The outlet, or else the file name (the full path follows in the source line)."""
    if a.outlet:
        return a.outlet
    return a.origin.rsplit("/", 1)[-1] if a.kind in ("text", "html") else a.origin


def _escape(text: str) -> str:
    """Keep Markdown from reading emphasis or HTML into source text; brackets stay (no link definitions exist)."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def render_skipped(skipped: tuple[Skipped, ...] | list[Skipped]) -> list[str]:
    lines = [f"## Skipped inputs ({len(skipped)})", ""]
    for s in skipped:
        fix = f" {_escape(s.fix)}." if s.fix else ""
        lines.append(f"- `{s.input}`: {_escape(s.reason)}.{fix}")
    return lines


def format_date(value: str, precision: str) -> str:
    """A date at the precision the sources give: 'Sun 15 Nov 2015', 'Sep 2014', '2012', 'Mon 16–Tue 17 Nov 2015'."""
    def day(v: str, year: bool = True) -> str:
        d = date.fromisoformat(v)
        return d.strftime("%a %-d %b %Y" if year else "%a %-d %b").replace(" 0", " ")

    if "/" in value:
        a, b = value.split("/", 1)
        return f"{day(a, year=a[:4] != b[:4])}–{day(b)}"
    parts = value.split("-")
    if len(parts) == 3:
        return day(value)
    if len(parts) == 2:
        return date(int(parts[0]), int(parts[1]), 1).strftime("%b %Y")
    return value


def render_timeline(b: Briefing, refs: dict[str, int]) -> list[str]:
    if not b.timeline or not b.timeline.events:
        return []
    out = ["## Timeline", ""]
    for e in b.timeline.events:
        markers = "".join(f"[{refs[a]}]" for a in e.article_ids)
        when = format_date(e.date, e.precision) + (" (planned)" if e.planned else "")
        out.append(f"- **{when}** — {_escape(e.text)} {markers}")
        if e.dates_by_source:
            told = "; ".join(f"[{refs[aid]}] {format_date(d, 'day' if len(d) == 10 else 'range')}"
                             for aid, d in e.dates_by_source)
            out.append(f"  - *sources give different dates:* {told}")
    return out + [""]


def _markers(ids, refs: dict[str, int]) -> str:
    return "".join(f"[{refs[a]}]" for a in dict.fromkeys(ids))


def render_discrepancies(b: Briefing, refs: dict[str, int]) -> list[str]:
    c = b.comparison
    if c is None:
        return []
    texts = {a.id: a.text for a in b.story.articles}
    if not c.discrepancies:
        why = "one source, nothing to compare" if len(b.story.articles) < 2 else "no differing values found"
        return ["## Where the sources differ", "", f"*None: {why}.*", ""]
    out = [f"## Where the sources differ ({len(c.discrepancies)})", ""]
    for d in c.discrepancies:
        label = "**conflict**" if d.label == "conflict" else "*different things*"
        out.append(f"**{d.id} · {_escape(d.about)}** — {label}: {_escape(d.reason)}")
        out.append("")
        for r in d.readings:
            said = " · ".join(f"[{refs[sp.article_id]}] “{_escape(texts[sp.article_id][sp.start:sp.end])}”"
                              for sp in r.spans)
            extra = []
            who = "; ".join(f"{_escape(w)} [{refs[a]}]" for a, w in dict.fromkeys(r.attribution))
            if who:
                extra.append(f"according to {who}")
            dates = {d_ for _, d_ in r.reported}
            when = (dates.pop() if len(dates) == 1 and len(r.reported) > 1
                    else ", ".join(f"[{refs[a]}] {d_}" for a, d_ in r.reported))
            if when and d.kind == "number":
                extra.append(f"reported {when}")
            line = f"- **{_escape(r.value)}** — {said}"
            if extra:
                line += " (" + "; ".join(extra) + ")"
            if r.note:
                line += f" — *{_escape(r.note)}*"
            out.append(line)
        out.append("")
    return out


def render_claims(b: Briefing, refs: dict[str, int], limit: int = 10) -> list[str]:
    c = b.comparison
    if c is None or not c.claims:
        return []
    n = len(b.story.articles)
    out = [f"## What the sources agree on ({len(c.claims)} facts stated by two sources or more)", ""]
    for claim in c.claims[:limit]:
        line = f"- {_escape(claim.text)} {_markers(claim.article_ids, refs)}"
        notes = []
        if len(claim.article_ids) * 2 > n and n >= 3:
            notes.append(f"consensus, {len(claim.article_ids)} of {n}")
        if claim.independent < len(claim.article_ids):
            notes.append(f"{claim.independent} independent: copied wire text counts once")
        who = "; ".join(f"{_escape(w)} [{refs[a]}]" for a, w in claim.attribution if w != REPORTER)
        if who:
            notes.append(f"according to {who}")
        hedged = "; ".join(f"“{_escape(h)}” [{refs[a]}]" for a, h in claim.hedges)
        if hedged:
            notes.append(f"hedged: {hedged}")
        if claim.silent:
            notes.append(f"silent: {_markers(claim.silent, refs)}")
        if notes:
            line += " — *" + " · ".join(notes) + "*"
        out.append(line)
    if len(c.claims) > limit:
        out.append(f"- *… {len(c.claims) - limit} more in the JSON output.*")
    return out + [""]


def render_single(b: Briefing, refs: dict[str, int], limit: int = 8) -> list[str]:
    c = b.comparison
    if c is None or not c.single_source or len(b.story.articles) < 2:
        return []
    out = [f"## Reported by one source only ({len(c.single_source)})", ""]
    for claim in c.single_source[:limit]:
        who = claim.attribution[0][1] if claim.attribution else None
        line = f"- {_escape(claim.text)} {_markers(claim.article_ids, refs)}"
        if who and who != REPORTER:
            line += f" — *according to {_escape(who)}*"
        out.append(line)
    if len(c.single_source) > limit:
        out.append(f"- *… {len(c.single_source) - limit} more in the JSON output.*")
    return out + [""]


def render_wire(b: Briefing, refs: dict[str, int]) -> list[str]:
    c = b.comparison
    if c is None or not c.wire:
        return []
    out = [f"## Copied text ({len(c.wire)} passage{'s' if len(c.wire) != 1 else ''})", ""]
    for w in c.wire:
        credit = f", credited to {_escape(w.credit)}" if w.credit else ""
        text = w.text if len(w.text) <= 300 else w.text[:297].rsplit(" ", 1)[0] + " …"
        out.append(f"- {_markers(w.article_ids, refs)} carry the same text{credit}, counted as one independent "
                   f"source: “{_escape(text)}”")
    return out + [""]


def render_entities(b: Briefing, refs: dict[str, int], limit: int = 12) -> list[str]:
    """People first, then organisations, then places: who is involved, with roles, spellings and counts."""
    c = b.comparison
    if c is None or not c.entities:
        return []
    groups = [("People", ("PERSON",)), ("Organisations", ("ORG",)), ("Places", ("GPE", "LOC", "FAC"))]
    out = ["## Who is involved", ""]
    for heading, types in groups:
        shown = [e for e in c.entities if e.type in types
                 and (len(e.article_ids) >= 2 or len(e.mentions) >= 2 or e.role)][:limit]
        if not shown:
            continue
        out += [f"**{heading}**", ""]
        for e in shown:
            line = f"- **{_escape(e.name)}**"
            if e.role:
                line += f" — {_escape(e.role)}"
                if e.role_span is not None:
                    line += f" [{refs[e.role_span.article_id]}]"
            others = [f for f in e.forms if f != e.name]
            if others:
                line += " · also written " + ", ".join(f"“{_escape(f)}”" for f in others)
            counts = e.mentions_by_source()
            line += " · mentions " + ", ".join(f"[{refs[a]}] {counts[a]}" for a in refs if a in counts)
            out.append(line)
        out.append("")
    return out if len(out) > 2 else []


def render_quotes(b: Briefing, refs: dict[str, int], limit: int = 12) -> list[str]:
    c = b.comparison
    if c is None or not c.quotes:
        return []
    out = [f"## Quotes ({len(c.quotes)})", ""]
    for q in c.quotes[:limit]:
        who = f"**{_escape(q.speaker)}**" if q.speaker else "*speaker not named*"
        out.append(f"- {who} {_markers(q.article_ids, refs)}: “{_escape(q.text)}”")
    if len(c.quotes) > limit:
        out.append(f"- *… {len(c.quotes) - limit} more in the JSON output.*")
    return out + [""]


def render_markdown(b: Briefing) -> str:
    refs = {a.id: i for i, a in enumerate(b.story.articles, 1)}
    out: list[str] = [f"# {_escape(b.title)}" if b.title else "# Briefing", ""]
    n = len(b.story.articles)
    dates = sorted(a.published[:10] for a in b.story.articles if a.published)
    when = f" · published {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else ""
    title_ref = f" · headline from [{refs[b.title_article]}]" if b.title_article else ""
    out += [f"*{n} source{'s' if n != 1 else ''}{when}{title_ref}*", "", "## Summary", ""]
    if b.summary:
        for s in b.summary:
            markers = "".join(f"[{refs[a]}]" for a in s.article_ids)
            disputed = f" *(sources differ: {', '.join(s.disputed)})*" if s.disputed else ""
            out += [f"{_escape(s.text)} {markers}{disputed}", ""]
    else:
        out += ["*No sentence of the sources fits the summary.*", ""]
    out += render_discrepancies(b, refs)
    out += render_claims(b, refs)
    out += render_single(b, refs)
    out += render_entities(b, refs)
    out += render_quotes(b, refs)
    out += render_timeline(b, refs)
    out += render_wire(b, refs)
    anchors: dict[str, Anchor] = {an.article_id: an for an in b.timeline.anchors} if b.timeline else {}
    out += ["## Sources", ""]
    for a in b.story.articles:
        parts = [f"**{_escape(source_label(a))}**"]
        if a.title:
            parts.append(f"“{_escape(a.title)}”")
        if a.byline:
            parts.append(f"by {_escape(a.byline)}")
        anchor = anchors.get(a.id)
        if a.published:
            parts.append(a.published[:10] if "T" in a.published else a.published)
        elif anchor is not None and anchor.basis == "inferred" and anchor.day is not None:
            parts.append(f"{anchor.day.isoformat()} (inferred, {anchor.confidence} confidence)")
        if a.url:
            parts.append(f"<{a.url}>")
        if a.origin != a.url and a.origin != source_label(a):
            parts.append(f"`{a.origin}`")
        line = f"{refs[a.id]}. " + " · ".join(parts)
        if a.teaser_only:
            line += " · *teaser only*"
        out.append(line)
        for note in a.notes:
            out.append(f"   - {_escape(note)}")
    out.append("")
    if b.skipped:
        out += render_skipped(b.skipped) + [""]
    return "\n".join(out).rstrip() + "\n"
