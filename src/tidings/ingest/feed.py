"""RSS and Atom feeds, with feedparser."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..errors import InputError

TEASER_WORDS = 120  # an item with less text than this is a teaser of the linked page


@dataclass(frozen=True)
class FeedItem:
    title: str | None
    link: str | None
    published: str | None
    author: str | None
    html: str  # the item's content or summary, as given
    feed_title: str | None
    index: int


def looks_like_feed(data: bytes | str) -> bool:
    head = (data[:2048].decode("utf-8", "ignore") if isinstance(data, bytes) else data[:2048]).lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def parse_feed(data: bytes, origin: str) -> list[FeedItem]:
    import feedparser

    parsed = feedparser.parse(data)
    version = getattr(parsed, "version", "") or ""
    if not version or (not parsed.entries and parsed.get("bozo")):
        why = "this is not an RSS or Atom feed"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            why += f" ({parsed.bozo_exception})"
        raise InputError(origin, why, "Check the address or file: give the feed's own URL (often ending in /rss or /feed)")
    if not parsed.entries:
        raise InputError(origin, "the feed has no items", "Check that the feed is current, or give the articles directly")
    feed_title = parsed.feed.get("title")
    items = []
    for i, e in enumerate(parsed.entries):
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        summary = e.get("summary", "") or ""
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        items.append(FeedItem(
            title=e.get("title"),
            link=e.get("link"),
            published=time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None,
            author=e.get("author"),
            html=content if len(content) >= len(summary) else summary,
            feed_title=feed_title,
            index=i,
        ))
    return items
