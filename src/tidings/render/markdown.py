"""The Markdown briefing: headline, attributed summary, numbered sources, skipped inputs.

Every word of content comes from the sources; tidings adds only headings, markers and labels.
"""

from __future__ import annotations

from datetime import date

from ..records import Anchor, Article, Briefing, Skipped


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
            out += [f"{_escape(s.text)} {markers}", ""]
    else:
        out += ["*No sentence of the sources fits the summary.*", ""]
    out += render_timeline(b, refs)
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
