"""The Markdown briefing: headline, attributed summary, numbered sources, skipped inputs.

Every word of content comes from the sources; tidings adds only headings, markers and labels.
"""

from __future__ import annotations

from ..records import Article, Briefing, Skipped


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
    out += ["## Sources", ""]
    for a in b.story.articles:
        parts = [f"**{_escape(source_label(a))}**"]
        if a.title:
            parts.append(f"“{_escape(a.title)}”")
        if a.byline:
            parts.append(f"by {_escape(a.byline)}")
        if a.published:
            parts.append(a.published[:10] if "T" in a.published else a.published)
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
