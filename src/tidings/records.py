"""The immutable records that flow through tidings.

Every stage takes records and returns new ones. A sentence keeps the id of its
article and its character span in ``Article.text`` from ingest to render, so
attribution is never reconstructed after the fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


REPORTER = "the reporter"  # who a claim comes from when its sentence names no one


def articles_of(spans) -> tuple[str, ...]:
    """The article ids of some spans, each once, in order."""
    return tuple(dict.fromkeys(s.article_id for s in spans))


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
    claim: str | None = None  # the id of the Claim it states, once compared
    disputed: tuple[str, ...] = ()  # ids of the Discrepancies whose values it carries

    @property
    def article_ids(self) -> tuple[str, ...]:
        return articles_of((self.span,) + self.support)


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
        return articles_of((self.span,) + self.support)


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
    comparison: "Comparison | None" = None


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

    id: str  # "E1", "E2", ... by importance: most sources, then most mentions, then first mention
    name: str  # the fullest form, as written in a source
    type: str  # PERSON, ORG, GPE, LOC, FAC, NORP, EVENT
    forms: tuple[str, ...]  # every written form, most frequent first
    mentions: tuple[Mention, ...]
    role: str | None = None  # e.g. "Interior Minister", "director of the Syrian Observatory", verbatim
    role_span: Span | None = None

    @property
    def article_ids(self) -> tuple[str, ...]:
        return articles_of(m.span for m in self.mentions)

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
        return articles_of((self.span,) + self.support)


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence and what it counts: '12 planes', 'at least 30 bombs', 'seven dead attackers'."""

    value: float
    text: str  # the number as written, hedge included: "at least 30", "Twelve"
    hedge: str | None  # "at least", "about", "more than", "up to", ... (None: exact)
    noun: str  # the counted noun phrase as written after the number: "fighter jets", "dead attackers"
    what: str  # what it counts, normalised: "aircraft", "bomb", "attacker", "people killed"
    span: Span  # the number and its noun phrase
    sentence: Span  # the sentence that states it
    part_of: float | None = None  # "12 planes, including 10 fighter jets": 10 is part of 12
    modifiers: tuple[str, ...] = ()  # restricting words before the noun: "dead", "suicide", "more"


@dataclass(frozen=True)
class Claim:
    """A fact of the story: sentences from different articles that state the same thing (one per article)."""

    id: str  # "C1", ...
    text: str  # the fullest statement, verbatim at ``span``
    span: Span
    support: tuple[Span, ...]  # the same fact in the other articles
    silent: tuple[str, ...]  # article ids that do not state it
    attribution: tuple[tuple[str, str], ...] = ()  # (article id, who the claim comes from: "the defence ministry")
    hedges: tuple[tuple[str, str], ...] = ()  # (article id, "reportedly")
    independent: int = 1  # sources once wire copies of one text count as one

    @property
    def article_ids(self) -> tuple[str, ...]:
        return articles_of((self.span,) + self.support)

    @property
    def spans(self) -> tuple[Span, ...]:
        return (self.span,) + self.support


@dataclass(frozen=True)
class Reading:
    """One value of a discrepancy, as one or more sources give it."""

    value: str  # as written: "at least 30 bombs", "Omar Ismail Mostefaim", "2026-03-17"
    spans: tuple[Span, ...]  # where each source says it (the value's own span)
    sentences: tuple[Span, ...]  # the sentences that say it, in the same order
    reported: tuple[tuple[str, str], ...] = ()  # (article id, publication date) when known
    attribution: tuple[tuple[str, str], ...] = ()  # (article id, who gives the value inside the article)
    note: str | None = None  # why this value differs without conflicting: "part of 12 aircraft", "a second raid"

    @property
    def article_ids(self) -> tuple[str, ...]:
        return articles_of(self.spans)


@dataclass(frozen=True)
class Discrepancy:
    """Sources give different values for the same thing."""

    id: str  # "D1", ...
    kind: str  # number, name, date, place, claim
    about: str  # what the values are of: "bombs", "aircraft", "the name of one person"
    label: str  # "conflict" or "different things" (the values describe different things; see reason)
    reason: str  # why the label, in tidings' words
    readings: tuple[Reading, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return articles_of(s for r in self.readings for s in r.spans)


@dataclass(frozen=True)
class WirePassage:
    """Text that several outlets carry nearly word for word: copied from one wire story, one independent source."""

    spans: tuple[Span, ...]  # the passage in each article that carries it
    text: str  # the passage as the first article has it
    credit: str | None = None  # the agency the articles name for it ("AP", "Associated Press"), if any

    @property
    def article_ids(self) -> tuple[str, ...]:
        return articles_of(self.spans)


@dataclass(frozen=True)
class Comparison:
    """What the compare stage finds in one story."""

    claims: tuple[Claim, ...]  # facts stated by two sources or more, most sources first
    single_source: tuple[Claim, ...]  # facts only one outlet reports
    discrepancies: tuple[Discrepancy, ...]
    wire: tuple[WirePassage, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    quantities: tuple[Quantity, ...] = ()
