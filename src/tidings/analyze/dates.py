"""Time expressions in English news sentences, resolved against the article's publication date.

``find_times(text, anchor)`` returns every time expression of a sentence, left to right and
non-overlapping (the longest match wins), each resolved against ``anchor`` (the publication
date) at the precision the words carry and no finer. Everything here is a pure function of its
arguments: no clock is read, no state is kept.

What is resolved, and how
-------------------------
* Absolute dates ("16 November 2015", "16 November, 2015", "November 16, 2015", "Nov. 16, 2015",
  "Monday, 16 November 2015", "2015-11-16", "June 13th", "8 October", "the 8th of October"): day
  precision. With no year the year comes from the anchor: in a past-tense sentence the latest such
  date on or before anchor + 1 day (a story published just after midnight may report "tomorrow's"
  date), in a future one the earliest on or after the anchor. No year and no anchor: unresolved.
* Months: "September 2014" -> "2014-09". A bare month needs a preposition or modifier before it
  ("in September", "since May", "early March", "mid-June", "last September", "September and
  October"): past sentences take the latest such month not after the anchor's month, future ones the
  earliest not before it; "last"/"next" take the one strictly before/after. "last month", "this
  month", "earlier this month", "later this month", "next month": month precision.
* Years: a four-digit number 1700-2199 is a year only after in/since/by/from/until/till/before/
  after/of/during/through/throughout/between ("in 2012", "between 2010 and 2014"), after
  early/late/mid ("mid-2012"), or next to a month ("September 2014"). It is never a year when it
  is part of a bigger number ("2,000", "2015.5"), of a span like "the 2015-16 season" or
  "2010-2014" (neither number is taken: such a span is not one year), or when a counted noun follows
  ("by 2000 votes", "of 1500 troops"), or "by"/"from" follow a word of change ("rose by 2000") or
  "of" follows a word of quantity ("a crowd of 2000"). "last year", "this year", "earlier this
  year", "next year": year precision.
* Weekdays: "Friday", "last Friday", "next Thursday", "this Tuesday", "this coming Friday",
  "Monday night", "Tuesday morning", "early (on) Tuesday", "late (on) Monday", "the early hours of
  Tuesday", "overnight Monday". See ``resolve_weekday``: in past sentences the most recent such day
  on or before the anchor (the anchor itself counts), "last X" the most recent strictly before it,
  in future sentences and with "next"/"coming" the first strictly after it; "this X" in a future
  sentence may be the anchor day itself. The part of the day goes into ``time_of_day``
  ("morning", "afternoon", "evening", "night", "early hours", "late", "lunchtime").
  "Monday night into (the early hours of) Tuesday", "late on Monday and early Tuesday", "from
  Monday to Wednesday", "overnight into Tuesday": a range "start/end" (kind "weekday",
  precision "range"); in past sentences the range ends on or before the anchor.
* Relative: "yesterday", "today", "tomorrow", "tonight", "this morning/afternoon/evening", "last
  night" (the day before the anchor, "night"), "overnight" (range anchor-1/anchor), "N days ago",
  "a week ago" (day), "N months ago" (month), "N years ago" (year), "in N days' time"/"N days from
  now" (planned), "last week"/"the past week" (range anchor-7/anchor-1), "next week"/"the coming
  week" (range anchor+1/anchor+7), "this week" (Monday to Sunday of the anchor's week), "earlier this
  week", "later this week", "the weekend"/"last weekend"/"this weekend"/"next weekend" (Saturday/
  Sunday range), "the past N days|weeks|months|years" (range ending on the anchor), "the next N
  days..." (range starting on the anchor, planned), "this summer" (year; not winter, which spans two).
* Clock times: "at 3.15am", "2:40 a.m.", "shortly before 3 a.m.", "22:30", "0215 GMT", "noon",
  "midnight", "ten o'clock": kind "time", precision "time", value None, ``time_of_day`` "HH:MM" on a
  24-hour clock. Qualifiers ("shortly before", "around") and a time zone are part of the span.

What is deliberately left unresolved (value None, precision "unknown")
---------------------------------------------------------------------
* Anything relative when there is no anchor: weekdays, "yesterday", "last month", bare months,
  dates without a year. Absolute dates and years with a year still resolve.
* Expressions relative to the narrative rather than the publication date: "48 hours later",
  "two days earlier", "a year after", "within 28 days", "the next day", "the following
  morning", "that night", "the same day", "later in the day", "the previous week".
* Vague amounts and spans: "a few days ago", "several weeks ago", "decades ago", "N minutes ago",
  hours that are not whole days ("two hours ago"), "in recent weeks", "the coming months",
  "last/next summer" and every "winter".
* "the last Friday of the month" (a "last"/"next" weekday after "the").

Not found at all (known gaps): "on the 13th", numeric dates such as "16/11/2015" or "11/16"
(day-month order is ambiguous), decades ("the 1990s"), "the 2015 elections" (a year used as an
adjective with no preposition), holidays ("Christmas Day"), "now"/"recently", habitual plurals
("on Fridays"), weekday abbreviations ("Tue."). Named days are not weekdays: "Black Friday",
"Good Friday", "Easter Monday", "Super Tuesday", "Bloody Sunday", "the Sunday Times", "the Mail on
Sunday" are skipped. A bare lower-case "may"/"march" is never a month (the verb, the protest); a
capitalised "May" after a preposition still is, so "a speech by May" is a known false month.

Spans: ``text`` is the expression without a leading preposition ("Friday" in "on Friday", "2019"
in "since 2019", "3.15am" in "at 3.15am") but with its modifiers ("last Friday", "early on
Tuesday", "the early hours of Tuesday", "shortly before 3 a.m.", "mid-2012", "within 28 days",
"in three days' time"). A possessive "'s" is not part of it ("Friday" in "Friday's attacks").

``planned``: True when the expression points past the anchor: explicitly forward words ("next",
"later this month", "tomorrow", "from now") always, explicitly backward ones ("last", "ago",
"yesterday", "earlier") never; otherwise when the resolved value starts after the anchor, and when
it contains the anchor (today, this month, this year) or cannot be resolved, when the sentence speaks
of the future.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Iterator

from dateutil.relativedelta import relativedelta

__all__ = ["TimeExpr", "find_times", "is_future", "resolve_weekday"]


@dataclass(frozen=True)
class TimeExpr:
    text: str          # the matched words, verbatim
    start: int         # character offsets in the string given to find_times (plus `offset`)
    end: int
    kind: str          # "date" | "month" | "year" | "weekday" | "relative" | "time"
    value: str | None  # ISO value at its precision ("2015-11-15", "2014-09", "2012", "a/b"), or None
    precision: str     # "day" | "month" | "year" | "range" | "time" | "unknown"
    planned: bool      # points to the future relative to the anchor
    time_of_day: str | None = None  # "03:15", "morning", "night", "evening", "early hours" when stated


# --------------------------------------------------------------------------------------------------
# vocabulary

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = "(?:" + "|".join(WEEKDAYS) + ")"

_MONTH_NUMBER = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MON_FULL = ("(?:january|february|march|april|may|june|july|august|september|october|november"
             "|december)")
# an abbreviation takes its full stop along ("Nov. 16"); a full name leaves a sentence's full stop alone
_MON = (r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
        r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)")

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}
_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+|a\s+couple\s+of|couple\s+of|a\s+few|few|several|some|"
        + "|".join(sorted((w for w in _NUM_WORDS if w not in ("a", "an")), key=len, reverse=True))
        + r"|an|a)")
_UNIT = r"(?P<unit>minute|hour|day|week|fortnight|month|year|decade)s?"

# a number followed by one of these counts things: it is not a year ("by 2000 votes")
_COUNTED = (r"people|persons|troops|soldiers|residents|civilians|migrants|refugees|workers|"
            r"employees|jobs|staff|students|pupils|children|families|homes|houses|households|"
            r"votes|voters|ballots|cases|deaths|dead|victims|casualties|patients|police|officers|"
            r"members|protesters|protestors|demonstrators|fighters|militants|rebels|prisoners|"
            r"inmates|hostages|passengers|tourists|visitors|fans|spectators|delegates|words|pages|"
            r"metres|meters|miles|kilometres|kilometers|km|feet|ft|yards|tonnes|tons|barrels|"
            r"litres|liters|gallons|acres|hectares|dollars|euros|pounds|yen|francs|units|vehicles|"
            r"cars|trucks|lorries|flights|planes|aircraft|ships|boats|sites|times|hours|minutes|"
            r"seconds|calories|points|signatures|copies|shares|rounds|bombs|rockets|missiles|"
            r"shells|mph|km/h|or\s+so|more|others|strong|percent|per\s+cent|square|cubic")
# "2015" in "2,015", "2015.5", "2015-16", "2015/16", "2015%", "2015 people" is not a year
_YEAR_END = rf"(?![\d]|[.,]\d|[-–/]\d|\s*%|-?\s*(?:{_COUNTED})\b)"
_NOT_AFTER_NUMBER = r"(?<![\w.,:/$£€#])"

# the word before "by"/"from" says the number that follows is an amount ("rose by 2000")
_CHANGE_WORDS = frozenset("""
up down rose risen rise rises rising fell fallen fall falls falling increased increase increases
decreased decrease decreases grew grown grow grows dropped drop drops jumped jump jumps cut cuts
reduced reduce raised raise boosted boost climbed climb climbs slipped slip gained gain lost lose
outnumbered beat beaten won win lead led leads trailed exceeded surpassed more less fewer higher
lower margin soared plunged plummeted surged swelled shrank shrunk multiplied divided
""".split())
# the word before "of" says the number that follows is an amount ("a crowd of 2000")
_QUANTITY_WORDS = frozenset("""
total number crowd force sum population group team maximum minimum estimate estimated average figure
toll count tally fleet army staff workforce contingent batch capacity audience turnout majority
debt deficit cost costs price fine bill payment salary income score rate height depth length
distance altitude weight speed temperature list queue convoy wave influx loss losses profit
profits revenue sales surplus gain increase drop decline jump reduction injection donation grant
loan award reward bounty ransom bail deposit some about around nearly almost over than upwards
""".split())

# "Black Friday" and "Good Friday" name a day of the calendar, not the last Friday
_NAMED_DAY_BEFORE = frozenset("""
black good easter super cyber ash palm maundy bloody holy shrove whit plough low giving fat man
girl mad
""".split())
_NAMED_DAY_AFTER = frozenset("""
times telegraph mirror express post independent herald mail people sport tribune star business
review magazine supplement edition paper papers newspaper school schools league best roast trading
""".split())

_PART_OF_DAY = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
                "lunchtime": "lunchtime", "midday": "midday"}

_MAY_MARCH = ("may", "march")


# --------------------------------------------------------------------------------------------------
# public helpers

def resolve_weekday(weekday: int, anchor: date, *, future: bool, last: bool = False,
                    next_: bool = False) -> date:
    """The date of a weekday (0 = Monday ... 6 = Sunday, as ``date.weekday()``) seen from ``anchor``.

    ``last``: the most recent one strictly before the anchor ("last Friday" on a Friday is 7 days
    back). ``next_`` or ``future``: the first one strictly after the anchor. Otherwise (a past-tense
    sentence) the most recent one on or before the anchor: the anchor itself counts.
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0..6, not {weekday!r}")
    if last and next_:
        raise ValueError("a weekday cannot be both last and next")
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    if last:
        return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    if next_ or future:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


_NOT_A_NOUN_WILL = r"(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bits\s)(?<!\bfree\s)" \
                   r"(?<!\bgood)(?<!\bown\s)(?<!\bill\s)(?<!\ba\s)(?<!\bpopular\s)(?<!\bpolitical\s)"
_DUE_TO_CAUSE = (r"the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|lack|bad|poor|"
                 r"heavy|high|low|strong|severe|ill|illness|injury|concerns?|fears?|problems?|"
                 r"technical|health|weather|security|safety|financial|budget|personal|a\s+lack|\d")
_FUTURE = re.compile(
    rf"{_NOT_A_NOUN_WILL}\bwill\b(?!\s+(?:of|to|and|or)\b)(?![.,;:!?])"
    r"|\bwon['’]t\b|\bshall\b|\w['’]ll\b"
    r"|\b(?:is|are|am|['’]s|['’]re)\s+(?:(?:not\s+)?(?:scheduled|set|expected|slated|poised|planning|going|"
    r"about|likely|unlikely|hoping|preparing|planned|intending|aiming|certain|sure|bound)\s+to\b"
    rf"|due\s+to\s+(?!(?:{_DUE_TO_CAUSE})\b)[a-z]+\b(?<!s)|due\s+to\s+\w*ss\b"
    r"|to\s+(?!blame\b)(?:be\s+)?[a-z]+)"
    r"|\b(?:plans?|intends?|aims?|hopes?|expects?|vows?|pledges?|promises?)\s+to\b"
    rf"|\bnext\s+(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter|{_WD}|{_MON_FULL})\b"
    r"|\blater\s+(?:this|today|tonight)\b|\btomorrow\b|\bupcoming\b"
    r"|\b(?:in|over|during)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?:days|weeks|months|years)\b"
    r"|\b(?:scheduled|slated)\s+for\b",
    re.IGNORECASE)


@lru_cache(maxsize=8192)
def is_future(text: str) -> bool:
    """Does the sentence speak of something still to come?

    A marker of the future anywhere in it: "will", "won't", "shall", "'ll" (not the noun "the will
    of"), "is/are to" + verb (not "is to blame"), "is due to" + verb (not "due to bad weather"),
    "is scheduled/set/expected/slated/poised/going/about/likely to", "plans/intends/aims/hopes/
    expects to", "next week/month/year/<weekday>/<month>", "later this month/today", "tomorrow",
    "upcoming", "in the coming days", "scheduled for". "would" alone is not enough ("would travel
    next week" is future through "next week").
    """
    return bool(_FUTURE.search(text))


# --------------------------------------------------------------------------------------------------
# building expressions

@dataclass(frozen=True)
class _Ctx:
    text: str
    anchor: date | None
    future: bool
    offset: int


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    priority: int
    exprs: tuple[TimeExpr, ...]


# resolved values: ("day", date) | ("month", (y, m)) | ("year", y) | ("range", (d1, d2)) | ("time",) | None
_Val = tuple | None


def _render(val: _Val) -> tuple[str | None, str, tuple[date, date] | None]:
    if val is None:
        return None, "unknown", None
    kind = val[0]
    if kind == "time":
        return None, "time", None
    if kind == "day":
        d = val[1]
        return d.isoformat(), "day", (d, d)
    if kind == "month":
        y, m = val[1]
        if not 1 <= y <= 9999:
            return None, "unknown", None
        return f"{y:04d}-{m:02d}", "month", (date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))
    if kind == "year":
        y = val[1]
        if not 1 <= y <= 9999:
            return None, "unknown", None
        return f"{y:04d}", "year", (date(y, 1, 1), date(y, 12, 31))
    if kind == "range":
        a, b = val[1]
        if a == b:
            return a.isoformat(), "day", (a, b)
        return f"{a.isoformat()}/{b.isoformat()}", "range", (a, b)
    raise ValueError(val)


def _expr(ctx: _Ctx, span: tuple[int, int], kind: str, val: _Val, direction: int = 0,
          time_of_day: str | None = None) -> TimeExpr:
    start, end = span
    value, precision, interval = _render(val)
    if direction > 0:
        planned = True
    elif direction < 0:
        planned = False
    elif interval is None or ctx.anchor is None:
        planned = ctx.future
    elif interval[0] > ctx.anchor:
        planned = True
    elif interval[1] < ctx.anchor:
        planned = False
    else:
        planned = ctx.future
    return TimeExpr(ctx.text[start:end], start + ctx.offset, end + ctx.offset, kind, value, precision,
                    planned, time_of_day)


def _word_before(text: str, pos: int, n: int = 1) -> str:
    words = re.findall(r"[\w'’]+", text[max(0, pos - 60):pos])
    return " ".join(words[-n:]).lower() if len(words) >= n else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s+([\w'’]+)", text[pos:])
    return m.group(1).lower() if m else ""


def _num(word: str) -> int | None:
    """The number a count word stands for; None for vague ones ("a few", "several")."""
    w = re.sub(r"\s+", " ", word.lower())
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    return _NUM_WORDS.get(w)


def _valid_day(month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(2000, month)[1]   # 2000 is a leap year: 29 February is fine


def _day_without_year(month: int, day: int, anchor: date, future: bool) -> date | None:
    if future:
        for y in range(anchor.year, anchor.year + 9):
            if day <= calendar.monthrange(y, month)[1] and date(y, month, day) >= anchor:
                return date(y, month, day)
        return None
    limit = anchor + timedelta(days=1)
    for y in range(limit.year, limit.year - 9, -1):
        if day <= calendar.monthrange(y, month)[1] and date(y, month, day) <= limit:
            return date(y, month, day)
    return None


def _month_without_year(month: int, anchor: date, future: bool, rel: str | None) -> tuple[int, int]:
    y, m = anchor.year, anchor.month
    if rel == "last":
        return (y if month < m else y - 1), month
    if rel == "next":
        return (y if month > m else y + 1), month
    if rel == "this":
        return y, month
    if future:
        return (y if month >= m else y + 1), month
    return (y if month <= m else y - 1), month


def _add_months(anchor: date, n: int) -> tuple[int, int]:
    d = anchor + relativedelta(months=n)
    return d.year, d.month


# --------------------------------------------------------------------------------------------------
# absolute dates

_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_WD_PREFIX = rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"
_DAY_END = rf"(?![.,:]\d|\s*(?:%|per\s*cent|percent)|\s+(?:{_COUNTED})\b)"

_D_M_Y = re.compile(
    rf"\b{_WD_PREFIX}{_NOT_AFTER_NUMBER}{_DAY}\s+(?:of\s+)?(?P<m>{_MON})"
    rf"(?:,?\s+(?P<y>\d{{4}}){_YEAR_END})?", re.IGNORECASE)
_M_D_Y = re.compile(
    rf"\b{_WD_PREFIX}(?P<m>{_MON})\s+(?:the\s+)?{_DAY}\b{_DAY_END}"
    rf"(?:,?\s+(?P<y>\d{{4}}){_YEAR_END})?", re.IGNORECASE)
_ISO = re.compile(
    r"(?<![\w.\-/])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w\-/])")


def _absolute(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    month_word = m.group("m")
    month = _MONTH_NUMBER[month_word.lower().rstrip(".")]
    day = int(m.group("d"))
    if not _valid_day(month, day):
        return None
    if m.re is _M_D_Y and month_word.lower() in _MAY_MARCH and month_word.islower():
        return None   # "prices may 5 ...", "they march 3 ..." are verbs
    year = m.group("y")
    if year is not None:
        y = int(year)
        if not 1000 <= y <= 2999 or day > calendar.monthrange(y, month)[1]:
            return None
        val: _Val = ("day", date(y, month, day))
    elif ctx.anchor is None:
        val = None
    else:
        d = _day_without_year(month, day, ctx.anchor, ctx.future)
        val = ("day", d) if d else None
    return _expr(ctx, m.span(), "date", val)


def _iso(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]) or y < 1000:
        return None
    tod = f"{m.group('hh')}:{m.group('mm')}" if m.group("hh") else None
    return _expr(ctx, m.span(), "date", ("day", date(y, mo, d)), time_of_day=tod)


# --------------------------------------------------------------------------------------------------
# months and years

_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<mod>early|late|mid)(?:-|\s+))?(?P<m>{_MON}),?\s+(?:of\s+)?"
    rf"(?P<y>\d{{4}}){_YEAR_END}", re.IGNORECASE)

_MONTH_PREPS = r"in|since|by|from|until|till|before|after|during|through|throughout|of|between|to|for"
_BARE_MONTH = re.compile(
    rf"(?:(?P<prep>\b(?:{_MONTH_PREPS})\s+)|(?P<chain>\b{_MON_FULL}\s*(?:and|or|to|through|until|till|-|–)\s*))?"
    rf"(?P<x>(?:(?P<mod>early|late|mid|last|next|this)(?:-|\s+))?(?P<m>{_MON_FULL}))\b", re.IGNORECASE)


def _month_year(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    y = int(m.group("y"))
    if not 1000 <= y <= 2999:
        return None
    month = _MONTH_NUMBER[m.group("m").lower().rstrip(".")]
    return _expr(ctx, m.span(), "month", ("month", (y, month)))


def _bare_month(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    prep, chain, mod = m.group("prep"), m.group("chain"), (m.group("mod") or "").lower() or None
    word = m.group("m")
    if not (prep or chain or mod):
        return None
    if word.lower() in _MAY_MARCH and word.islower():
        return None   # "this may be", "after march organisers ...": the verb, the protest
    month = _MONTH_NUMBER[word.lower()]
    rel = mod if mod in ("last", "next", "this") else None
    direction = {"last": -1, "next": 1}.get(rel or "", 0)
    if ctx.anchor is None:
        val: _Val = None
    else:
        val = ("month", _month_without_year(month, ctx.anchor, ctx.future, rel))
    return _expr(ctx, m.span("x"), "month", val, direction)


_YEAR_PREPS = r"in|since|by|from|until|till|before|after|of|during|through|throughout|between"
_YEAR_X = rf"(?P<x>(?:(?P<mod>early|late|mid)(?:-|\s+))?{_NOT_AFTER_NUMBER}(?P<y>\d{{4}}){_YEAR_END})"
_YEAR = re.compile(rf"(?:(?P<prep>\b(?P<pw>{_YEAR_PREPS})\s+(?:the\s+year\s+)?))?{_YEAR_X}", re.IGNORECASE)
# the second year of "between 2010 and 2014", "from 2010 to 2014", "in 2014 and 2015"
_YEAR_CHAIN = re.compile(
    rf"(?P<chain>\b(?:{_YEAR_PREPS})\s+(?:(?:early|late|mid)(?:-|\s+))?{_NOT_AFTER_NUMBER}\d{{4}}{_YEAR_END}"
    rf"\s+(?:and|or|to|through|until|till)\s+){_YEAR_X}", re.IGNORECASE)


def _year(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    groups = m.groupdict()
    prep, chain, mod = groups.get("prep"), groups.get("chain"), groups.get("mod")
    if not (prep or chain or mod):
        return None
    y = int(m.group("y"))
    if not 1700 <= y <= 2199:
        return None
    if prep and not mod:
        pw = m.group("pw").lower()
        before = _word_before(ctx.text, m.start("prep"))
        if pw in ("by", "from") and before in _CHANGE_WORDS:
            return None
        if pw == "of" and before in _QUANTITY_WORDS:
            return None
    return _expr(ctx, m.span("x"), "year", ("year", y))


# --------------------------------------------------------------------------------------------------
# weekdays

def _wd_single(n: str) -> str:
    return (rf"(?:(?P<pre{n}>(?:the\s+)?(?:early|small|wee)\s+hours\s+of|early\s+on|late\s+on|early|late|"
            rf"overnight\s+into|overnight(?:\s+on)?)\s+)?"
            rf"(?:(?P<rel{n}>this\s+coming|this|last|next|coming|past|previous)\s+)?"
            rf"(?P<wd{n}>{_WD})\b"
            rf"(?:\s+(?P<part{n}>morning|afternoon|evening|night|lunchtime)\b)?")


_WEEKDAY = re.compile(r"\b" + _wd_single("1"), re.IGNORECASE)
_WEEKDAY_RANGE = re.compile(
    r"\b" + _wd_single("1") + r"\s*(?P<conn>into|to|until|till|through|and|-|–|—)\s*(?:on\s+)?" + _wd_single("2"),
    re.IGNORECASE)


@dataclass(frozen=True)
class _Day:
    weekday: int
    rel: str | None
    pre: str | None
    tod: str | None


def _parse_day(m: re.Match, n: str) -> _Day:
    rel = m.group("rel" + n)
    rel = re.sub(r"\s+", " ", rel.lower()) if rel else None
    pre = m.group("pre" + n)
    pre = re.sub(r"\s+", " ", pre.lower()) if pre else None
    part = m.group("part" + n)
    tod = _PART_OF_DAY[part.lower()] if part else None
    if pre:
        if "hours" in pre:
            tod = "early hours"
        elif pre.startswith("early"):
            tod = "early hours" if tod in (None, "morning") else tod
        elif pre.startswith("late"):
            tod = tod or "late"
        elif pre.startswith("overnight"):
            tod = "night"
    return _Day(WEEKDAYS.index(m.group("wd" + n).lower()), rel, pre, tod)


def _named_day(m: re.Match, ctx: _Ctx, n: str) -> bool:
    """"Black Friday", "Good Friday", "the Sunday Times", "the Mail on Sunday"."""
    if m.group("pre" + n) or m.group("rel" + n):
        return False
    start = m.start("wd" + n)
    if _word_before(ctx.text, start) in _NAMED_DAY_BEFORE or _word_before(ctx.text, start, 2) == "mail on":
        return True
    return not m.group("part" + n) and _word_after(ctx.text, m.end("wd" + n)) in _NAMED_DAY_AFTER


def _direction(rel: str | None) -> int:
    if rel in ("last", "past", "previous"):
        return -1
    if rel in ("next", "coming", "this coming"):
        return 1
    return 0


def _resolve_day(day: _Day, anchor: date, future: bool) -> date:
    if day.rel in ("last", "past", "previous"):
        return resolve_weekday(day.weekday, anchor, future=future, last=True)
    if day.rel in ("next", "coming", "this coming"):
        return resolve_weekday(day.weekday, anchor, future=future, next_=True)
    if day.rel == "this" and future and anchor.weekday() == day.weekday:
        return anchor
    return resolve_weekday(day.weekday, anchor, future=future)


def _weekday(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    if _named_day(m, ctx, "1"):
        return None
    day = _parse_day(m, "1")
    direction = _direction(day.rel)
    if ctx.anchor is None or (day.rel in ("last", "next") and _word_before(ctx.text, m.start()) == "the"):
        return _expr(ctx, m.span(), "weekday", None, direction, day.tod)
    d = _resolve_day(day, ctx.anchor, ctx.future)
    if day.pre == "overnight into":
        return _expr(ctx, m.span(), "weekday", ("range", (d - timedelta(days=1), d)), direction, day.tod)
    return _expr(ctx, m.span(), "weekday", ("day", d), direction, day.tod)


def _weekday_range(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    if _named_day(m, ctx, "1"):
        return None
    first, second = _parse_day(m, "1"), _parse_day(m, "2")
    delta = (second.weekday - first.weekday) % 7
    if delta == 0 or second.rel or first.pre == "overnight into":
        return None
    if m.group("conn").lower() == "and":
        # "late on Monday and early Tuesday" is one stretch of time; "on Monday and Thursday" is two days
        lateish = first.tod in ("night", "evening", "late")
        earlyish = second.tod in ("early hours", "morning")
        if delta != 1 or not (lateish or earlyish):
            return None
    tod = first.tod or second.tod
    direction = _direction(first.rel)
    if ctx.anchor is None:
        return _expr(ctx, m.span(), "weekday", None, direction, tod)
    if first.rel or ctx.future:
        start = _resolve_day(first, ctx.anchor, ctx.future)
        end = start + timedelta(days=delta)
    else:
        end = resolve_weekday(second.weekday, ctx.anchor, future=False)
        start = end - timedelta(days=delta)
    return _expr(ctx, m.span(), "weekday", ("range", (start, end)), direction, tod)


# --------------------------------------------------------------------------------------------------
# relative expressions

_SIMPLE = re.compile(
    r"\b(?:(?P<adv>earlier|later|early|late)\s+)?(?P<w>yesterday|today|tomorrow|tonight)\b"
    r"(?:\s+(?P<part>morning|afternoon|evening|night|lunchtime)\b)?", re.IGNORECASE)
_OVERNIGHT = re.compile(r"\bovernight\b", re.IGNORECASE)
_PERIOD = re.compile(
    r"\b(?:(?P<adv>earlier|later|early|late)\s+(?:in\s+)?)?"
    r"(?P<det>this\s+coming|this|last|next|the\s+coming|the\s+past|the\s+last|the\s+previous|the\s+following|"
    r"the\s+next|the\s+same|that|the)\s+"
    r"(?P<unit>week|weekend|month|year|morning|afternoon|evening|night|day|summer|winter|spring|autumn|fall)\b",
    re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(?:the\s+)?(?P<det>coming|recent|next\s+few|past\s+few|last\s+few|past\s+several|next\s+several)\s+"
    r"(?:days|weeks|months|years)\b", re.IGNORECASE)
_AGO = re.compile(
    rf"{_NOT_AFTER_NUMBER}\b(?P<n>{_NUM})\s+{_UNIT}\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b",
    re.IGNORECASE)
_IN_TIME = re.compile(
    rf"\b(?P<w>in|within)\s+(?:the\s+next\s+)?(?P<n>{_NUM})\s+{_UNIT}(?P<time>['’]?\s+time\b)?", re.IGNORECASE)
_SPAN_N = re.compile(
    rf"\b(?:the\s+)?(?P<det>past|last|next|coming|previous|following|first)\s+(?P<n>{_NUM})\s+{_UNIT}\b",
    re.IGNORECASE)


def _simple(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    word = m.group("w").lower()
    adv = (m.group("adv") or "").lower()
    part = m.group("part")
    tod = _PART_OF_DAY[part.lower()] if part else ("night" if word == "tonight" else None)
    if adv == "early" and tod in (None, "morning"):
        tod = "early hours" if part or word != "today" else tod
    shift, direction = {"yesterday": (-1, -1), "today": (0, 0), "tonight": (0, 0), "tomorrow": (1, 1)}[word]
    if direction == 0:
        direction = {"earlier": -1, "later": 1}.get(adv, 0)
    val = None if ctx.anchor is None else ("day", ctx.anchor + timedelta(days=shift))
    return _expr(ctx, m.span(), "relative", val, direction, tod)


def _overnight(m: re.Match, ctx: _Ctx) -> TimeExpr:
    val = None if ctx.anchor is None else ("range", (ctx.anchor - timedelta(days=1), ctx.anchor))
    return _expr(ctx, m.span(), "relative", val, 0 if ctx.future else -1, "night")


def _weekend(anchor: date, future: bool, det: str) -> date:
    """The Saturday of the weekend meant."""
    wd = anchor.weekday()
    if det in ("last", "the past", "the last", "the previous"):
        sat = resolve_weekday(5, anchor, future=False)
        return sat - timedelta(days=7) if wd in (5, 6) else sat
    if det in ("next", "the coming", "this coming", "the next"):
        return resolve_weekday(5, anchor, future=True)
    if wd in (5, 6):   # "this weekend", "the weekend", said during one
        return anchor - timedelta(days=wd - 5)
    return resolve_weekday(5, anchor, future=future)


def _period(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    adv = (m.group("adv") or "").lower() or None
    det = re.sub(r"\s+", " ", m.group("det").lower())
    unit = m.group("unit").lower()
    a = ctx.anchor
    direction = {"earlier": -1, "later": 1}.get(adv or "", 0)
    narrative = det in ("the previous", "the following", "the same", "that")
    back = det in ("last", "the past", "the last")
    ahead = det in ("next", "the coming", "this coming", "the next")
    if det in ("last", "the past", "the last"):
        direction = -1
    elif ahead:
        direction = 1
    if det == "the" and not (unit == "weekend" or (adv and unit in ("week", "month", "year", "day", "morning",
                                                                      "afternoon", "evening", "night"))):
        return None
    if det == "the" and unit not in ("week", "month", "year", "weekend"):
        narrative = True   # "later in the day"

    def out(val: _Val, tod: str | None = None) -> TimeExpr:
        return _expr(ctx, m.span(), "relative", val if a is not None else None, direction, tod)

    if narrative:
        tod = _PART_OF_DAY.get(unit)
        return _expr(ctx, m.span(), "relative", None, direction, tod)
    if unit == "day":
        # "that day", "the next day", "the same day": told from the story's own time, not the anchor's
        return None if det in ("this", "last", "next", "the last", "this coming", "the coming") else out(None)
    if a is None:
        return out(None, _PART_OF_DAY.get(unit))
    if unit == "week":
        monday = a - timedelta(days=a.weekday())
        if back:
            return out(("range", (a - timedelta(days=7), a - timedelta(days=1))))
        if ahead:
            return out(("range", (a + timedelta(days=1), a + timedelta(days=7))))
        if adv == "earlier":
            return out(("range", (monday, max(monday, a - timedelta(days=1)))))
        if adv == "later":
            sunday = monday + timedelta(days=6)
            return out(("range", (min(a + timedelta(days=1), sunday), sunday)))
        return out(("range", (monday, monday + timedelta(days=6))))
    if unit == "weekend":
        sat = _weekend(a, ctx.future, det)
        return out(("range", (sat, sat + timedelta(days=1))))
    if unit == "month":
        if det in ("the past", "the last"):
            return out(("range", (a - relativedelta(months=1), a)))
        if det in ("the coming", "the next"):
            return out(("range", (a, a + relativedelta(months=1))))
        shift = -1 if det == "last" else 1 if ahead else 0
        return out(("month", _add_months(a, shift)))
    if unit == "year":
        if det in ("the past", "the last"):
            return out(("range", (a - relativedelta(years=1), a)))
        if det in ("the coming", "the next"):
            return out(("range", (a, a + relativedelta(years=1))))
        shift = -1 if det == "last" else 1 if ahead else 0
        return out(("year", a.year + shift))
    if unit in _PART_OF_DAY:
        tod = _PART_OF_DAY[unit]
        if adv == "early" and unit == "morning":
            tod = "early hours"
        if det == "this":
            return out(("day", a), tod)
        if det == "last" and unit in ("night", "evening"):
            return out(("day", a - timedelta(days=1)), tod)
        return out(None, tod)
    # seasons: "this summer" is this year's; which summer "last summer" means depends on the month
    if det == "this" and unit != "winter":
        return out(("year", a.year))
    return out(None)


def _vague(m: re.Match, ctx: _Ctx) -> TimeExpr:
    det = m.group("det").lower()
    direction = 1 if det.startswith(("coming", "next")) else -1
    return _expr(ctx, m.span(), "relative", None, direction)


def _shift(anchor: date, n: int, unit: str, sign: int) -> _Val:
    if unit == "day":
        return ("day", anchor + timedelta(days=sign * n))
    if unit == "week":
        return ("day", anchor + timedelta(days=sign * 7 * n))
    if unit == "fortnight":
        return ("day", anchor + timedelta(days=sign * 14 * n))
    if unit == "hour" and n % 24 == 0:
        return ("day", anchor + timedelta(days=sign * n // 24))
    if unit == "month":
        return ("month", _add_months(anchor, sign * n))
    if unit == "year":
        return ("year", anchor.year + sign * n)
    return None   # minutes, hours that are not whole days, decades


def _span_delta(n: int, unit: str) -> relativedelta | None:
    if unit == "hour":
        return relativedelta(days=n // 24) if n % 24 == 0 else None
    return {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "fortnight": relativedelta(weeks=2 * n),
            "month": relativedelta(months=n), "year": relativedelta(years=n)}.get(unit)


def _ago(m: re.Match, ctx: _Ctx) -> TimeExpr:
    n = _num(m.group("n"))
    unit = m.group("unit").lower()
    how = re.sub(r"\s+", " ", m.group("dir").lower())
    if how in ("ago", "from now", "hence"):
        sign = -1 if how == "ago" else 1
        val = None if ctx.anchor is None or n is None else _shift(ctx.anchor, n, unit, sign)
        return _expr(ctx, m.span(), "relative", val, sign)
    return _expr(ctx, m.span(), "relative", None)   # "48 hours later": relative to the story, not the anchor


def _in_time(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    n = _num(m.group("n"))
    unit = m.group("unit").lower()
    if m.group("w").lower() == "within":
        return _expr(ctx, m.span(), "relative", None)
    if not (m.group("time") or ctx.future):
        return None   # "the first time in 10 years" is a span, not a point ahead
    val = None if ctx.anchor is None or n is None else _shift(ctx.anchor, n, unit, 1)
    return _expr(ctx, m.span(), "relative", val, 1)


def _span_n(m: re.Match, ctx: _Ctx) -> TimeExpr:
    det = m.group("det").lower()
    n = _num(m.group("n"))
    unit = m.group("unit").lower()
    if det in ("previous", "following", "first"):
        return _expr(ctx, m.span(), "relative", None)
    sign = -1 if det in ("past", "last") else 1
    delta = _span_delta(n, unit) if n is not None else None
    if ctx.anchor is None or delta is None:
        return _expr(ctx, m.span(), "relative", None, sign)
    a = ctx.anchor
    val = ("range", (a - delta, a)) if sign < 0 else ("range", (a, a + delta))
    return _expr(ctx, m.span(), "relative", val, sign)


# --------------------------------------------------------------------------------------------------
# clock times

_HOUR_WORDS = {w: n for w, n in _NUM_WORDS.items() if 1 <= n <= 12 and w not in ("a", "an")}
_TZ = r"(?-i:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST|AEST|AEDT)"
_TIME = re.compile(
    r"(?<![\w.,:/])"
    r"(?:(?:shortly|just|soon|right|sometime|some\s+time|moments|minutes)\s+(?:before|after)\s+"
    r"|(?:around|about|approximately|roughly|circa|nearly|almost|until|till|after|before|by|from)\s+)?"
    r"(?:(?P<h>\d{1,2})(?:[.:](?P<m>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\b\.?|\s?m\b)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?:\s*(?:hrs|h)\b)?"
    rf"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?=(?:hrs\b|{_TZ}\b))"
    r"|(?P<word>noon|midday|midnight)\b"
    r"|(?P<hoc>1[0-2]|[1-9]|" + "|".join(_HOUR_WORDS) + r")\s+o['’]clock\b)"
    rf"(?:\s*(?:hrs\b|{_TZ}\b|local\s+time\b|\((?:{_TZ}|local\s+time)\)))?",
    re.IGNORECASE)
_BARE_PREPOSITION = re.compile(r"(?:until|till|after|before|by|from)\s+", re.IGNORECASE)


def _time(m: re.Match, ctx: _Ctx) -> TimeExpr | None:
    if m.group("h"):
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m.group("ap").lower() == "p" else 0)
    elif m.group("h24"):
        h, mi = int(m.group("h24")), int(m.group("m24"))
    elif m.group("hh"):
        h, mi = int(m.group("hh")), int(m.group("mm"))
    elif m.group("word"):
        h, mi = (0 if m.group("word").lower() == "midnight" else 12), 0
    else:
        word = m.group("hoc").lower()
        h, mi = (int(word) if word.isdigit() else _HOUR_WORDS[word]), 0
    start = m.start()
    bare = _BARE_PREPOSITION.match(ctx.text, start)
    if bare:   # "until 3am": the preposition is not part of the expression, "shortly before" is
        start = bare.end()
    return _expr(ctx, (start, m.end()), "time", ("time",), time_of_day=f"{h:02d}:{mi:02d}")


# --------------------------------------------------------------------------------------------------
# putting it together

_Handler = Callable[[re.Match, _Ctx], "TimeExpr | None"]
_PATTERNS: tuple[tuple[re.Pattern, _Handler], ...] = (
    (_D_M_Y, _absolute),
    (_M_D_Y, _absolute),
    (_ISO, _iso),
    (_MONTH_YEAR, _month_year),
    (_WEEKDAY_RANGE, _weekday_range),
    (_WEEKDAY, _weekday),
    (_SIMPLE, _simple),
    (_PERIOD, _period),
    (_AGO, _ago),
    (_IN_TIME, _in_time),
    (_SPAN_N, _span_n),
    (_VAGUE, _vague),
    (_OVERNIGHT, _overnight),
    (_TIME, _time),
    (_YEAR, _year),
    (_YEAR_CHAIN, _year),
    (_BARE_MONTH, _bare_month),
)


def _matches(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Every match, one per starting position, so that overlapping readings all get a say."""
    pos = 0
    while pos <= len(text):
        m = pattern.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


@lru_cache(maxsize=8192)
def _all_matches(text: str) -> tuple:
    """Every (priority, handler, match) of every pattern in a text. The matches do not depend on the
    anchor, and the timeline resolves the same sentence against several candidate anchors."""
    return tuple((priority, handler, m) for priority, (pattern, handler) in enumerate(_PATTERNS)
                 for m in _matches(pattern, text))


def find_times(text: str, anchor: date | None, *, offset: int = 0, future: bool | None = None) -> list[TimeExpr]:
    """All time expressions in `text` (one sentence usually), left to right, non-overlapping (longest match wins).

    `future`: True if the sentence is about the future, False if past, None to detect it from the sentence
    (with `is_future(text)`). Offsets are into `text`, plus `offset`.
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    ctx = _Ctx(text, anchor, is_future(text) if future is None else bool(future), offset)
    candidates: list[_Cand] = []
    for priority, handler, m in _all_matches(text):
        expr = handler(m, ctx)
        if expr is not None and expr.end > expr.start:
            candidates.append(_Cand(expr.start - offset, expr.end - offset, priority, (expr,)))
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start, c.priority))
    taken: list[_Cand] = []
    for c in candidates:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return [e for c in sorted(taken, key=lambda c: c.start) for e in c.exprs]
