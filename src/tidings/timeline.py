"""When it happened: publication dates settled, time expressions resolved, events dated and ordered.

``build_timeline(story)``:

1. Anchors. Each article's publication date comes from its metadata, its text or its link (ingest).
   An article without one gets a date inferred from the story: the day that makes the weekdays it
   names agree best with the dates the dated articles give, never before the story's first event,
   closest to the other articles' dates; the anchor says how it was found and how sure it is.
2. Time expressions in every sentence are resolved against the article's anchor
   (``analyze.dates``), at the precision the text gives: a day, a range (overnight), a month, a year.
3. Events: a sentence that states a happening and carries a resolved time expression. The same
   happening told by several outlets (same date, similar words) is one event with all its sources;
   where outlets give it different dates the event keeps each source's date
   (``dates_by_source``) and is dated by the majority (the earliest on a tie).
4. Events are ordered by date; planned ones (``will meet next week``) are marked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .analyze import sentences as splitter
from .analyze.terms import TfIdf, content_terms, cosine
from .records import Anchor, Span, Story, Timeline, TimelineEvent

_EVENT = re.compile(
    r"\b(?:attack|strike|struck|raid|bomb|kill|launch|fire[ds]?\b|shot|shoot|explo|arrest|detain|charge|"
    r"vote|elect|announc|declar|address|speech|spoke|said|says|told|warn|meet|met\b|travel|visit|sign|"
    r"open|close|began|begin|start|end(?:ed)?\b|collaps|breach|evacuat|rescu|sentenc|verdict|rul(?:ed|ing)|"
    r"convict|resign|invok|deploy|crash|storm|fled|flee|escap|die[ds]?\b|dead|injur|wound|hit|destroy|"
    r"claim|approv|reject|cancel|suspend|halt|resum|walk(?:ed)? ?out|agree|call(?:ed)?|order|issued|"
    r"identif|found|discover|recall|publish|releas|happen|occur|took place|held|sent|send)", re.I)
_DAY_WORDS = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|overnight|"
                        r"last night|this (?:morning|afternoon|evening)", re.I)
# what happened, as opposed to who said it: sentences of one day that share one of these tell one happening
_HAPPENING = re.compile(
    r"\b(fire|blaze|flames|attack|(?:air)?strike|struck|raid|bomb|explos|evacuat|rescu|collaps|breach|flood|"
    r"arrest|detain|vote|verdict|sentenc|trial|walk ?out|talks|meeting|crash|shoot|shot|kill|died|recall|"
    r"inspect|deploy|protest|earthquake|storm|resign|elect|recount|ruling)", re.I)
PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def start_of(value: str) -> date:
    """The first day a date value covers (for ordering)."""
    first = value.split("/")[0]
    parts = first.split("-")
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


@dataclass
class _Mention:
    article: int
    sentence: object  # analyze Sentence
    value: str
    precision: str
    planned: bool
    terms: list[str]
    happenings: frozenset[str] = frozenset()
    nights: frozenset[str] = frozenset()  # days whose night or early hours the sentence names


def _mentions(story: Story, anchors: dict[str, date | None], sentences: dict[str, tuple]) -> list[_Mention]:
    out: list[_Mention] = []
    for k, a in enumerate(story.articles):
        for s in sentences[a.id]:
            exprs = [e for e in _sentence_times(s.text, anchors.get(a.id), s.start)
                     if e.value and e.precision in PRECISION_RANK]
            if not exprs or not _EVENT.search(s.text):
                continue
            best = min(exprs, key=lambda e: (_modifier(s.text, e.start - s.start, e.end - s.start),
                                             PRECISION_RANK[e.precision], e.start))
            nights = frozenset(f"{e.value}:{e.time_of_day}" for e in exprs
                               if e.precision == "day" and e.time_of_day in ("night", "evening", "early hours"))
            out.append(_Mention(k, s, best.value, best.precision, best.planned, content_terms(s.text),
                                frozenset(h.lower()[:5] for h in _HAPPENING.findall(s.text)), nights))
    return out


def _modifier(text: str, start: int, end: int) -> bool:
    """'Friday's attacks', 'the Friday attacks': a date that names a thing, not when the sentence happens."""
    after = text[end:end + 2]
    before = text[max(0, start - 4):start].lower()
    return after in ("'s", "’s") or before.endswith(("the ", "last's "))


# "said on Tuesday", "said in a statement on Tuesday evening": the reporting is dated, not what it reports
_REPORTED = re.compile(r"\b(?:said|announced|added|confirmed|wrote|reported|declared|stated)"
                       r"(?:\s+in\s+a\s+statement)?\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)


def _sentence_times(text: str, anchor: date | None, offset: int):
    """Time expressions of a sentence, with the tense judged per expression where the words say so:
    'said on Tuesday that ... will' is a past Tuesday; 'cancelled until Friday' is a coming Friday."""
    from .analyze.dates import find_times

    found = find_times(text, anchor, offset=offset)
    if anchor is None:
        return found
    past = future = None
    out = []
    for e in found:
        before = text[:e.start - offset]
        if e.planned and e.kind in ("weekday", "relative") and _REPORTED.search(before):
            past = past if past is not None else {x.start: x for x in find_times(text, anchor, offset=offset,
                                                                             future=False)}
            e = past.get(e.start, e)
        elif not e.planned and e.kind == "weekday" and re.search(r"\buntil\s+$", before, re.I):
            future = future if future is not None else {x.start: x for x in find_times(text, anchor, offset=offset,
                                                                                   future=True)}
            e = future.get(e.start, e)
        out.append(e)
    return out


def infer_anchors(story: Story, sentences: dict[str, tuple] | None = None) -> dict[str, Anchor]:
    """Stated publication dates, and inferred ones for articles that have none."""
    from .analyze.dates import find_times

    sentences = sentences or {a.id: splitter.split(a) for a in story.articles}
    stated = {a.id: _parse_day(a.published) for a in story.articles}
    anchors = {aid: Anchor(aid, d, "metadata", "stated") for aid, d in stated.items() if d}
    known = sorted(d for d in stated.values() if d)
    if not known:
        for a in story.articles:
            anchors[a.id] = Anchor(a.id, None, "unknown", "none", "no article of the story gives a date")
        return anchors
    # the days the dated articles give to things
    dated_days: Counter = Counter()
    for a in story.articles:
        if stated[a.id]:
            for s in sentences[a.id]:
                for e in find_times(s.text, stated[a.id], offset=s.start):
                    if e.value and e.precision == "day" and not e.planned:
                        dated_days[e.value] += 1
    median = known[len(known) // 2]
    # the story's own days (not its background): dated days within two weeks before the median date
    recent = [date.fromisoformat(d) for d in dated_days if 0 <= (median - date.fromisoformat(d)).days <= 14]
    first_event = min(recent, default=known[0])
    for a in story.articles:
        if stated[a.id]:
            continue
        texts = [s.text for s in sentences[a.id] if _DAY_WORDS.search(s.text)]
        best, best_key, best_hits = None, None, 0
        for delta in range(-7, 15):
            cand = known[0] + timedelta(days=delta)
            hits = early = resolved = 0
            for t in texts:
                for e in find_times(t, cand):
                    if e.kind in ("weekday", "relative") and e.precision == "day" and e.value and not e.planned:
                        resolved += 1
                        hits += dated_days.get(e.value, 0) > 0
                        early += date.fromisoformat(e.value) < first_event - timedelta(days=1)
            key = (hits - 2 * early, -abs((cand - median).days), -delta)
            if best_key is None or key > best_key:
                best, best_key, best_hits = cand, key, hits
        if best is None or best_hits == 0:
            anchors[a.id] = Anchor(a.id, None, "unknown", "none",
                                   "the article gives no date and names no day the other articles date")
        else:
            level = "high" if best_hits >= 3 else "medium" if best_hits == 2 else "low"
            anchors[a.id] = Anchor(a.id, best, "inferred", level,
                                   f"{best_hits} of the days it names agree with the dated articles when it is "
                                   f"read as published on {best.isoformat()}")
    return anchors


def _overnight(value: str, members: list[_Mention]) -> str | None:
    """A range over two days when the sources of one happening name the night of the first and the early
    hours of the second ('Monday night' and 'the early hours of Tuesday')."""
    if len(value) != 10:
        return None
    day = date.fromisoformat(value)
    marks = set().union(*(m.nights for m in members))
    for first, second in ((day - timedelta(days=1), day), (day, day + timedelta(days=1))):
        a, b = first.isoformat(), second.isoformat()
        if f"{a}:night" in marks and f"{b}:early hours" in marks:
            return f"{a}/{b}"
    return None


def _join_overnight(groups: list[list[int]], mentions: list[_Mention]) -> list[list[int]]:
    """Join a happening dated 'Monday night' by some sources and 'the early hours of Tuesday' by others."""
    def happenings(g: list[int]) -> frozenset[str]:
        return frozenset().union(*(mentions[i].happenings for i in g))

    out: list[list[int]] = []
    for g in groups:
        value = mentions[g[0]].value
        partner = None
        if len(value) == 10:
            for h in out:
                other = mentions[h[0]].value
                if len(other) == 10 and abs((date.fromisoformat(other) - date.fromisoformat(value)).days) == 1 \
                        and happenings(g) & happenings(h) and _overnight(value, [mentions[i] for i in g + h]):
                    partner = h
                    break
        if partner is not None:
            partner.extend(g)
        else:
            out.append(list(g))
    return out


def build_timeline(story: Story, *, same_event: float = 0.15, same_claim: float = 0.55,
                   same_happening: float = 0.0) -> Timeline:
    sentences = {a.id: splitter.split(a) for a in story.articles}
    anchors = infer_anchors(story, sentences)
    days = {aid: an.day for aid, an in anchors.items()}
    mentions = _mentions(story, days, sentences)
    if not mentions:
        return Timeline((), tuple(anchors[a.id] for a in story.articles))
    tfidf = TfIdf([m.terms for m in mentions])
    vecs = [tfidf.vector(m.terms) for m in mentions]
    groups: list[list[int]] = []
    for i, m in enumerate(mentions):
        placed = False
        for g in groups:
            head = mentions[g[0]]
            sim = max(cosine(vecs[i], vecs[j]) for j in g)
            same_date = head.value == m.value
            shared = bool(m.happenings & head.happenings)
            if (same_date and (sim >= same_event or (shared and sim >= same_happening))) or sim >= same_claim:
                g.append(i)
                placed = True
                break
        if not placed:
            groups.append([i])
    groups = _join_overnight(groups, mentions)
    events = []
    for g in groups:
        members = [mentions[i] for i in g]
        votes = Counter(m.value for m in members)
        top = max(votes.values())
        value = min((v for v, c in votes.items() if c == top), key=lambda v: start_of(v))
        primary = next(m for m in members if m.value == value)
        precision = primary.precision
        span_value = _overnight(value, members)
        if span_value:  # "Monday night" and "the early hours of Tuesday": one happening spanning both
            value, precision = span_value, "range"
            end = value.split("/")[1]
            primary = next((m for m in members if f"{end}:early hours" in m.nights), primary)
        by_source: dict[str, str] = {}
        for m in members:
            by_source.setdefault(m.sentence.article_id, m.value)
        disagree = len(set(by_source.values())) > 1
        support = []
        seen = {primary.sentence.article_id}
        for m in members:
            if m.sentence.article_id not in seen:
                seen.add(m.sentence.article_id)
                support.append(Span(m.sentence.article_id, m.sentence.start, m.sentence.end))
        events.append(TimelineEvent(
            date=value, precision=precision, text=primary.sentence.text,
            span=Span(primary.sentence.article_id, primary.sentence.start, primary.sentence.end),
            support=tuple(support), planned=all(m.planned for m in members),
            dates_by_source=tuple(by_source.items()) if disagree else ()))
    events.sort(key=lambda e: (start_of(e.date), PRECISION_RANK.get(e.precision, 9) * -1, e.span.start))
    return Timeline(tuple(events), tuple(anchors[a.id] for a in story.articles))
