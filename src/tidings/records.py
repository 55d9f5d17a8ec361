"""The immutable records that flow through tidings.

Every stage takes records and returns new ones. A sentence keeps the id of its
article and its character span in ``Article.text`` from ingest to render, so
attribution is never reconstructed after the fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article after extraction and cleaning.

    ``text`` is the cleaned body: paragraphs separated by a blank line, page
    furniture removed. Every span in tidings indexes into it. ``id`` is a hash
    of the text as read (before cleaning), so the same article read twice is
    the same record.
    """

    id: str
    text: str
    origin: str  # where it was read from: a path, a URL, "file.jsonl:12", "feed.xml#item3", "stdin"
    kind: str  # text, html, jsonl, feed, url, stdin
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as precise as known
    url: str | None = None
    furniture: tuple[str, ...] = ()  # lines removed from the text, as they were
    credits: tuple[str, ...] = ()  # photo and wire credits found among them
    links: tuple[str, ...] = ()  # URLs found in link lines
    notes: tuple[str, ...] = ()  # what a reader should know about how it was read
    teaser_only: bool = False  # a feed item whose linked page could not be fetched


@dataclass(frozen=True)
class Skipped:
    """An input that was not used, and why: shown in every briefing."""

    input: str
    reason: str
    fix: str = ""

    @property
    def message(self) -> str:
        return f"{self.input}: {self.reason}" + (f". {self.fix}" if self.fix else "")


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int  # position in the article, from 0
    start: int  # character span in Article.text
    end: int
    text: str
    paragraph: int  # paragraph number in the article, from 0


@dataclass(frozen=True)
class Story:
    """Articles about one event, in the order they were given."""

    id: str
    articles: tuple[Article, ...]
    label: str | None = None  # e.g. the id of a JSONL story line


@dataclass(frozen=True)
class Span:
    """A character span in one article's text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    """A sentence printed in a summary: verbatim at ``span``, stated also at ``support``."""

    text: str
    span: Span
    support: tuple[Span, ...] = ()  # the same content in other articles

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen: list[str] = [self.span.article_id]
        for s in self.support:
            if s.article_id not in seen:
                seen.append(s.article_id)
        return tuple(seen)


@dataclass(frozen=True)
class Anchor:
    """The date an article was published, and how it is known."""

    article_id: str
    day: "date | None"
    basis: str  # "metadata", "inferred" or "unknown"
    confidence: str  # "stated", "high", "medium", "low", "none"
    why: str = ""


@dataclass(frozen=True)
class TimelineEvent:
    date: str  # ISO value at its precision; a range is "start/end"
    precision: str  # day, range, month or year
    text: str  # the sentence that states it, verbatim
    span: Span
    support: tuple[Span, ...] = ()
    planned: bool = False
    dates_by_source: tuple[tuple[str, str], ...] = ()  # (article id, date) where sources disagree

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen = [self.span.article_id]
        for s in self.support:
            if s.article_id not in seen:
                seen.append(s.article_id)
        return tuple(seen)


@dataclass(frozen=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    anchors: tuple[Anchor, ...]

    def date_of(self, span: Span) -> str | None:
        """The date of the event a sentence states, if it states one."""
        for e in self.events:
            if e.span == span or span in e.support:
                return e.date
        return None


@dataclass(frozen=True)
class RunInfo:
    version: str
    created: str  # ISO 8601 UTC
    options: dict = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class Briefing:
    story: Story
    title: str | None
    title_article: str | None
    summary: tuple[SummarySentence, ...]
    skipped: tuple[Skipped, ...]
    run: RunInfo
    timeline: Timeline | None = None


# --- the compare stage (issue 5): who is involved, who said what, what the sources agree on -------


@dataclass(frozen=True)
class NamedSpan:
    """A named-entity span found by the NER model, in article coordinates, before story-level checks."""

    article_id: str
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, CARDINAL, ...
    text: str


@dataclass(frozen=True)
class Mention:
    text: str  # as written in the article
    span: Span


@dataclass(frozen=True)
class Entity:
    """One person, organisation or place of the story, every form of its name merged."""

    id: str  # "E1", "E2", ... in order of first mention across the story
    name: str  # the fullest form, as written in a source
    type: str  # PERSON, ORG, GPE, LOC, FAC, NORP, EVENT
    forms: tuple[str, ...]  # every written form, most frequent first
    mentions: tuple[Mention, ...]
    role: str | None = None  # e.g. "Interior Minister", "director of the Syrian Observatory", verbatim
    role_span: Span | None = None

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen: list[str] = []
        for m in self.mentions:
            if m.span.article_id not in seen:
                seen.append(m.span.article_id)
        return tuple(seen)

    def mentions_by_source(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.span.article_id] = counts.get(m.span.article_id, 0) + 1
        return counts


@dataclass(frozen=True)
class Quote:
    """Words a source puts in quotation marks, with who said them; one record per quote across outlets."""

    text: str  # the quoted words, verbatim at ``span`` (without the quotation marks)
    span: Span
    speaker: str | None  # the speaker's name as written near the quote, or None when no one is named
    speaker_span: Span | None = None
    support: tuple[Span, ...] = ()  # the same words quoted by other articles
    entity_id: str | None = None  # the speaker's Entity, once entities are known

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen = [self.span.article_id]
        for s in self.support:
            if s.article_id not in seen:
                seen.append(s.article_id)
        return tuple(seen)
