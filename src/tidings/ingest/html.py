"""Main text and metadata out of an HTML page, with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError

NO_ARTICLE_FIX = ("Check that it is an article page (not a home page, a search page or a page that needs "
                  "JavaScript); if it is, save the article text to a .txt file and give that instead")


@dataclass(frozen=True)
class PageText:
    text: str  # paragraphs, one per line
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    url: str | None


def extract_page(html: str | bytes, origin: str, url: str | None = None) -> PageText:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(origin, f"the HTML could not be parsed ({type(exc).__name__}: {exc})", NO_ARTICLE_FIX) from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(origin, "no article text was found in this HTML page", NO_ARTICLE_FIX)
    return PageText(
        text=text,
        title=_clean_meta(doc.title),
        author=_clean_meta(doc.author),
        date=_clean_meta(doc.date),
        sitename=_clean_meta(doc.sitename),
        url=_clean_meta(doc.url),
    )


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's content), one paragraph per line."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    marked = re.sub(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr)>", "\n", fragment)
    try:
        root = lxml.html.fromstring(f"<div>{marked}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment)
    return root.text_content()


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
