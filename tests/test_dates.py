"""Time expressions: finding them, and resolving them against the publication date (tidings.analyze.dates)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from tidings.analyze.dates import TimeExpr, find_times, is_future, resolve_weekday

MON = date(2015, 11, 16)   # a Monday
WED = date(2026, 3, 4)     # a Wednesday
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


def test_anchor_weekdays() -> None:
    assert MON.weekday() == MONDAY and WED.weekday() == WEDNESDAY


# expectations are counted out day by day, not computed the way the module does it
def on_or_before(anchor: date, weekday: int) -> date:
    d = anchor
    while d.weekday() != weekday:
        d -= timedelta(days=1)
    return d


def strictly_before(anchor: date, weekday: int) -> date:
    return on_or_before(anchor - timedelta(days=1), weekday)


def strictly_after(anchor: date, weekday: int) -> date:
    d = anchor + timedelta(days=1)
    while d.weekday() != weekday:
        d += timedelta(days=1)
    return d


def span(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def check_spans(text: str, exprs: list[TimeExpr], offset: int = 0) -> None:
    ends = -1
    for e in exprs:
        assert text[e.start - offset:e.end - offset] == e.text
        assert e.start >= ends, "expressions overlap or are out of order"
        ends = e.end


def only(text: str, anchor: date | None, **kw) -> TimeExpr:
    exprs = find_times(text, anchor, **kw)
    check_spans(text, exprs, kw.get("offset", 0))
    assert len(exprs) == 1, exprs
    return exprs[0]


# --------------------------------------------------------------------------------------------------
# absolute dates

@pytest.mark.parametrize("text, phrase", [
    ("The attacks of 16 November 2015 shook Paris.", "16 November 2015"),
    ("The attacks of 16 November, 2015 shook Paris.", "16 November, 2015"),
    ("The attacks of November 16, 2015 shook Paris.", "November 16, 2015"),
    ("The attacks of Nov. 16, 2015 shook Paris.", "Nov. 16, 2015"),
    ("The attacks of 16th of November 2015 shook Paris.", "16th of November 2015"),
    ("The report is dated 2015-11-16.", "2015-11-16"),
    ("It happened on Monday, 16 November 2015.", "Monday, 16 November 2015"),
    ("It happened on MONDAY, NOVEMBER 16, 2015.", "MONDAY, NOVEMBER 16, 2015"),
])
def test_full_dates(text: str, phrase: str) -> None:
    for anchor in (MON, WED, None):
        e = only(text, anchor)
        assert (e.text, e.kind, e.value, e.precision) == (phrase, "date", "2015-11-16", "day")
    assert only(text, WED).planned is False


@pytest.mark.parametrize("text, anchor, future, value", [
    ("The ship sank on Oct. 8.", MON, False, "2015-10-08"),
    ("The ship sank on 8 October.", MON, False, "2015-10-08"),
    ("The ship sank on June 13th.", MON, False, "2015-06-13"),
    ("The ship sank on 8 October.", WED, False, "2025-10-08"),     # later in the year than the anchor: last year
    ("The ship sank on Nov. 17.", MON, False, "2015-11-17"),       # anchor + 1 day is still allowed
    ("The ship sank on Nov. 18.", MON, False, "2014-11-18"),
    ("The ship sank on Nov. 16.", MON, False, "2015-11-16"),
    ("The ship will sail on Oct. 8.", MON, True, "2016-10-08"),
    ("The ship will sail on 16 November.", MON, True, "2015-11-16"),
    ("The ship will sail on Nov. 15.", MON, True, "2016-11-15"),
    ("The ship will sail on March 10.", WED, True, "2026-03-10"),
    ("The ship sank on 29 February.", WED, False, "2024-02-29"),   # the last leap year
])
def test_dates_without_year(text: str, anchor: date, future: bool, value: str) -> None:
    e = only(text, anchor, future=future)
    assert (e.kind, e.value, e.precision) == ("date", value, "day")
    assert e.planned is (date.fromisoformat(value) > anchor or (future and date.fromisoformat(value) == anchor))


def test_date_without_year_or_anchor_is_unresolved() -> None:
    e = only("The ship sank on 8 October.", None)
    assert (e.text, e.kind, e.value, e.precision) == ("8 October", "date", None, "unknown")


def test_impossible_dates_are_not_dates() -> None:
    assert find_times("It was 31 November.", MON) == []
    # the impossible day is dropped; what is left is still a month
    assert [(e.text, e.value) for e in find_times("It was 31 November 2015.", MON)] == [("November 2015", "2015-11")]
    assert find_times("Filed 2015-02-30.", MON) == []


def test_iso_with_time() -> None:
    e = only("Published 2015-11-16T03:15:00Z by the agency.", None)
    assert (e.value, e.time_of_day) == ("2015-11-16", "03:15")


# --------------------------------------------------------------------------------------------------
# months

@pytest.mark.parametrize("text, anchor, future, phrase, value, planned", [
    ("Fighting began in September 2014.", MON, False, "September 2014", "2014-09", False),
    ("Fighting began in Sept. 2014.", None, False, "Sept. 2014", "2014-09", False),
    ("Fighting began in early September 2014.", MON, False, "early September 2014", "2014-09", False),
    ("Fighting began in September.", MON, False, "September", "2015-09", False),
    ("Fighting began in December.", MON, False, "December", "2014-12", False),
    ("Fighting began in November.", MON, False, "November", "2015-11", False),
    ("Fighting began in September.", WED, False, "September", "2025-09", False),
    ("Talks will resume in September.", MON, True, "September", "2016-09", True),
    ("Talks will resume in September.", WED, True, "September", "2026-09", True),
    ("Talks will resume in March.", WED, True, "March", "2026-03", True),
    ("Talks ended last September.", WED, False, "last September", "2025-09", False),
    ("Talks ended in mid-February.", WED, False, "mid-February", "2026-02", False),
    ("Prices rose last month.", MON, False, "last month", "2015-10", False),
    ("Prices rose last month.", WED, False, "last month", "2026-02", False),
    ("Prices rose last month.", date(2016, 1, 5), False, "last month", "2015-12", False),
    ("Prices rose this month.", MON, False, "this month", "2015-11", False),
    ("Prices rose earlier this month.", MON, False, "earlier this month", "2015-11", False),
    ("Prices will rise later this month.", MON, None, "later this month", "2015-11", True),
    ("Prices will rise next month.", MON, None, "next month", "2015-12", True),
    ("Prices will rise next month.", date(2015, 12, 31), None, "next month", "2016-01", True),
])
def test_months(text, anchor, future, phrase, value, planned) -> None:
    e = only(text, anchor, future=future)
    assert (e.text, e.value, e.precision, e.planned) == (phrase, value, "month", planned)


def test_month_pairs() -> None:
    exprs = find_times("Rain fell between September and November.", MON)
    assert [(e.text, e.value) for e in exprs] == [("September", "2015-09"), ("November", "2015-11")]


def test_bare_month_without_anchor_is_unresolved() -> None:
    e = only("Fighting began in September.", None)
    assert (e.kind, e.value, e.precision) == ("month", None, "unknown")


@pytest.mark.parametrize("text", [
    "This may be the last chance.",
    "Theresa May said the talks had failed.",
    "Protesters will march through the city after the march.",
    "September's vote",          # a bare month needs a preposition or a modifier
])
def test_not_months(text: str) -> None:
    assert find_times(text, MON) == []


# --------------------------------------------------------------------------------------------------
# years

@pytest.mark.parametrize("text, anchor, phrase, value, planned", [
    ("The law was passed in 2012.", MON, "2012", "2012", False),
    ("He has ruled since 2019.", WED, "2019", "2019", False),
    ("The plant will close by 2030.", MON, "2030", "2030", True),
    ("The plant closed in mid-2012.", MON, "mid-2012", "2012", False),
    ("The plant closed in early 2012.", MON, "early 2012", "2012", False),
    ("It was the end of 2014.", MON, "2014", "2014", False),
    ("It was in the year 2000.", MON, "2000", "2000", False),
    ("Output fell last year.", MON, "last year", "2014", False),
    ("Output fell this year.", MON, "this year", "2015", False),
    ("Output fell earlier this year.", WED, "earlier this year", "2026", False),
    ("Output will rise next year.", MON, "next year", "2016", True),
    ("Output will rise this year.", MON, "this year", "2015", True),   # contains the anchor; the sentence is future
])
def test_years(text, anchor, phrase, value, planned) -> None:
    e = only(text, anchor)
    assert (e.text, e.value, e.precision, e.planned) == (phrase, value, "year", planned)


def test_year_without_anchor_still_resolves() -> None:
    e = only("The law was passed in 2012.", None)
    assert (e.kind, e.value, e.precision, e.planned) == ("year", "2012", "year", False)
    assert only("The plant will close by 2030.", None).planned is True   # from the sentence's tense


def test_year_pairs() -> None:
    assert [e.value for e in find_times("Prices doubled between 2010 and 2014.", MON)] == ["2010", "2014"]
    assert [e.value for e in find_times("It ran from 2001 to 2003.", MON)] == ["2001", "2003"]


@pytest.mark.parametrize("text", [
    "About 2,000 people fled.",
    "In 2,000 homes the lights went out.",
    "The army sent 1500 troops.",
    "In 1500 homes the lights went out.",
    "The lead grew by 2000 votes.",
    "Turnout rose by 2015.",
    "A crowd of 2000 gathered.",
    "He scored in the 2015-16 season.",     # a season is neither year: no year is reported
    "He played in 2015-16.",
    "Prices rose 2010-2014.",
    "Flight 2015 landed.",                  # no preposition
    "Room 1999 was empty.",
    "In 1066 the Normans came.",            # out of the 1700-2199 range for bare years
])
def test_no_false_years(text: str) -> None:
    assert [e for e in find_times(text, MON) if e.kind == "year"] == []


# --------------------------------------------------------------------------------------------------
# weekdays

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize("anchor", [MON, WED, date(2024, 2, 29), date(2023, 12, 31)])
@pytest.mark.parametrize("weekday", range(7))
def test_weekdays_against_the_calendar(anchor: date, weekday: int) -> None:
    name = WEEKDAY_NAMES[weekday]
    past = only(f"The minister resigned on {name}.", anchor)
    assert (past.text, past.kind, past.value, past.precision, past.planned) == \
        (name, "weekday", on_or_before(anchor, weekday).isoformat(), "day", False)
    future = only(f"The minister will resign on {name}.", anchor)
    assert (future.value, future.planned) == (strictly_after(anchor, weekday).isoformat(), True)
    last = only(f"The minister resigned last {name}.", anchor)
    expected_last = strictly_before(anchor, weekday).isoformat()
    assert (last.text, last.value, last.planned) == (f"last {name}", expected_last, False)
    nxt = only(f"The minister resigns next {name}, aides said.", anchor, future=False)
    assert (nxt.value, nxt.planned) == (strictly_after(anchor, weekday).isoformat(), True)


@pytest.mark.parametrize("text, anchor, future, phrase, expected, tod", [
    ("Friday's attacks killed 130.", MON, None, "Friday", on_or_before(MON, FRIDAY), None),
    ("Police said on Monday that ...", MON, None, "Monday", MON, None),               # the anchor day counts
    ("Police said last Monday that ...", MON, None, "last Monday", MON - timedelta(days=7), None),
    ("Police said this Tuesday that ...", WED, None, "this Tuesday", WED - timedelta(days=1), None),
    ("Police will speak this Wednesday.", WED, None, "this Wednesday", WED, None),
    ("Police will speak this coming Wednesday.", WED, None, "this coming Wednesday", WED + timedelta(days=7), None),
    ("The blast on Monday night killed two.", MON, None, "Monday night", MON, "night"),
    ("The blast on Tuesday morning killed two.", WED, None, "Tuesday morning", WED - timedelta(days=1), "morning"),
    ("The blast early on Tuesday killed two.", WED, None, "early on Tuesday", WED - timedelta(days=1), "early hours"),
    ("The blast early Tuesday killed two.", WED, None, "early Tuesday", WED - timedelta(days=1), "early hours"),
    ("The blast late on Sunday killed two.", WED, None, "late on Sunday", on_or_before(WED, SUNDAY), "late"),
    ("The blast in the early hours of Tuesday killed two.", WED, None, "the early hours of Tuesday",
     WED - timedelta(days=1), "early hours"),
    ("The minister would travel to Paris on Thursday.", MON, True, "Thursday", strictly_after(MON, THURSDAY), None),
])
def test_weekday_forms(text, anchor, future, phrase, expected, tod) -> None:
    e = only(text, anchor, future=future)
    assert (e.text, e.kind, e.value, e.precision, e.time_of_day) == \
        (phrase, "weekday", expected.isoformat(), "day", tod)


@pytest.mark.parametrize("text, anchor, phrase, start, end, tod", [
    ("Fighting raged from Monday night into the early hours of Tuesday.", date(2015, 11, 17),
     "Monday night into the early hours of Tuesday", date(2015, 11, 16), date(2015, 11, 17), "night"),
    ("Fighting raged from Monday night into the early hours of Tuesday.", WED,
     "Monday night into the early hours of Tuesday", WED - timedelta(days=2), WED - timedelta(days=1), "night"),
    ("Fighting raged late on Monday and early Tuesday.", WED,
     "late on Monday and early Tuesday", WED - timedelta(days=2), WED - timedelta(days=1), "late"),
    ("Fighting raged Monday night into Tuesday.", MON,   # a range told in the past ends on or before the anchor
     "Monday night into Tuesday", MON - timedelta(days=7), MON - timedelta(days=6), "night"),
    ("Fighting raged from Monday to Wednesday.", WED,
     "Monday to Wednesday", WED - timedelta(days=2), WED, None),
    ("Storms hit overnight into Tuesday.", WED,
     "overnight into Tuesday", WED - timedelta(days=2), WED - timedelta(days=1), "night"),
])
def test_weekday_ranges(text, anchor, phrase, start, end, tod) -> None:
    e = only(text, anchor)
    assert (e.text, e.kind, e.value, e.precision, e.time_of_day) == (phrase, "weekday", span(start, end), "range", tod)


def test_future_weekday_range() -> None:
    e = only("Talks will run from Thursday to Saturday.", MON)
    start = strictly_after(MON, THURSDAY)
    assert (e.value, e.planned) == (span(start, start + timedelta(days=2)), True)


def test_two_separate_days_are_not_a_range() -> None:
    exprs = find_times("Talks on Monday and Thursday failed.", WED)
    assert [(e.text, e.value) for e in exprs] == [
        ("Monday", on_or_before(WED, MONDAY).isoformat()), ("Thursday", on_or_before(WED, THURSDAY).isoformat())]


@pytest.mark.parametrize("text", [
    "Black Friday sales were weak.",        # a named day is not "the most recent Friday": not reported
    "Good Friday services were held.",
    "Easter Monday is a holiday.",
    "Candidates courted votes before Super Tuesday.",
    "The Sunday Times reported the deal.",
    "The Mail on Sunday reported the deal.",
    "Shops open on Fridays.",               # habitual plural
])
def test_named_days_are_not_weekdays(text: str) -> None:
    assert [e for e in find_times(text, MON) if e.kind == "weekday"] == []


def test_named_day_next_to_a_real_one() -> None:
    exprs = find_times("Black Friday sales, reported on Sunday, were weak.", MON)
    assert [(e.text, e.value) for e in exprs] == [("Sunday", "2015-11-15")]


def test_the_last_friday_of_the_month_is_unresolved() -> None:
    e = only("Pay day is the last Friday of the month.", MON)
    assert (e.value, e.precision) == (None, "unknown")


# --------------------------------------------------------------------------------------------------
# relative expressions

@pytest.mark.parametrize("text, anchor, phrase, value, precision, planned, tod", [
    ("Police said yesterday that ...", MON, "yesterday", "2015-11-15", "day", False, None),
    ("Yesterday morning, police said ...", MON, "Yesterday morning", "2015-11-15", "day", False, "morning"),
    ("Police said today that ...", MON, "today", "2015-11-16", "day", False, None),
    ("Police will speak tomorrow.", MON, "tomorrow", "2015-11-17", "day", True, None),
    ("The band plays tonight.", MON, "tonight", "2015-11-16", "day", False, "night"),
    ("The band will play tonight.", MON, "tonight", "2015-11-16", "day", True, "night"),
    ("Police said this morning that ...", MON, "this morning", "2015-11-16", "day", False, "morning"),
    ("Police said this afternoon that ...", MON, "this afternoon", "2015-11-16", "day", False, "afternoon"),
    ("Police said this evening that ...", MON, "this evening", "2015-11-16", "day", False, "evening"),
    ("A bomb exploded last night.", MON, "last night", "2015-11-15", "day", False, "night"),
    ("A bomb exploded last night.", date(2026, 3, 1), "last night", "2026-02-28", "day", False, "night"),
    ("Storms hit overnight.", MON, "overnight", "2015-11-15/2015-11-16", "range", False, "night"),
    ("It sank three days ago.", MON, "three days ago", "2015-11-13", "day", False, None),
    ("It sank 3 days ago.", WED, "3 days ago", "2026-03-01", "day", False, None),
    ("It sank a week ago.", MON, "a week ago", "2015-11-09", "day", False, None),
    ("It sank 48 hours ago.", MON, "48 hours ago", "2015-11-14", "day", False, None),
    ("It sank three months ago.", WED, "three months ago", "2025-12", "month", False, None),
    ("It sank two years ago.", MON, "two years ago", "2013", "year", False, None),
    ("It sank last week.", MON, "last week", "2015-11-09/2015-11-15", "range", False, None),
    ("It sank last week.", WED, "last week", "2026-02-25/2026-03-03", "range", False, None),
    ("Ministers meet next week.", MON, "next week", "2015-11-17/2015-11-23", "range", True, None),
    ("It sank earlier this week.", WED, "earlier this week", "2026-03-02/2026-03-03", "range", False, None),
    ("Ministers meet later this week.", WED, "later this week", "2026-03-05/2026-03-08", "range", True, None),
    ("It rained over the weekend.", MON, "the weekend", "2015-11-14/2015-11-15", "range", False, None),
    ("It rained last weekend.", WED, "last weekend", "2026-02-28/2026-03-01", "range", False, None),
    ("It will rain this weekend.", WED, "this weekend", "2026-03-07/2026-03-08", "range", True, None),
    ("Sales rose over the past three days.", WED, "the past three days", "2026-03-01/2026-03-04", "range", False, None),
    ("Talks will resume in three days' time.", MON, "in three days' time", "2015-11-19", "day", True, None),
    ("Talks will resume two weeks from now.", MON, "two weeks from now", "2015-11-30", "day", True, None),
    ("Tourists return this summer.", WED, "this summer", "2026", "year", False, None),
])
def test_relative(text, anchor, phrase, value, precision, planned, tod) -> None:
    e = only(text, anchor)
    assert (e.text, e.kind, e.value, e.precision, e.planned, e.time_of_day) == \
        (phrase, "relative", value, precision, planned, tod)


@pytest.mark.parametrize("text, phrase", [
    ("Troops arrived 48 hours later.", "48 hours later"),
    ("Refunds must be claimed within 28 days.", "within 28 days"),
    ("He died two days earlier.", "two days earlier"),
    ("He died a few days ago.", "a few days ago"),
    ("It was built decades ago.", None),
    ("It was built two decades ago.", "two decades ago"),
    ("He left the next day.", "the next day"),
    ("He left the following morning.", "the following morning"),
    ("He left that night.", "that night"),
    ("He left later in the day.", "later in the day"),
    ("Prices have risen in recent weeks.", "recent weeks"),
    ("It was colder last winter.", "last winter"),
])
def test_relative_to_the_story_stays_unresolved(text: str, phrase: str | None) -> None:
    exprs = find_times(text, MON)
    if phrase is None:
        assert all(e.value is None for e in exprs)
        return
    e = only(text, MON)
    assert (e.text, e.kind, e.value, e.precision) == (phrase, "relative", None, "unknown")


def test_in_n_years_is_not_a_point_in_a_past_sentence() -> None:
    assert find_times("It was the highest level in 10 years.", MON) == []


# --------------------------------------------------------------------------------------------------
# clock times

@pytest.mark.parametrize("text, phrase, tod", [
    ("The alarm rang at 3.15am.", "3.15am", "03:15"),
    ("The alarm rang at 2:40 a.m. on Tuesday.", "2:40 a.m.", "02:40"),
    ("The alarm rang shortly before 3 a.m.", "shortly before 3 a.m.", "03:00"),
    ("The alarm rang at 22:30.", "22:30", "22:30"),
    ("The alarm rang at 3pm.", "3pm", "15:00"),
    ("The alarm rang at 12 a.m.", "12 a.m.", "00:00"),
    ("The alarm rang at 12.30pm.", "12.30pm", "12:30"),
    ("The alarm rang at 0215 GMT.", "0215 GMT", "02:15"),
    ("The alarm rang at 9 a.m. ET.", "9 a.m. ET", "09:00"),
    ("The alarm rang at noon.", "noon", "12:00"),
    ("The alarm rang until midnight.", "midnight", "00:00"),
    ("The alarm rang at ten o'clock.", "ten o'clock", "10:00"),
    ("The alarm rang around 9pm local time.", "around 9pm local time", "21:00"),
])
def test_times(text: str, phrase: str, tod: str) -> None:
    exprs = [e for e in find_times(text, MON) if e.kind == "time"]
    assert len(exprs) == 1
    e = exprs[0]
    assert (e.text, e.value, e.precision, e.time_of_day) == (phrase, None, "time", tod)


@pytest.mark.parametrize("text", ["He am 3 ameliorations.", "The score was 3.15 overall.", "At 25:99 it broke."])
def test_not_times(text: str) -> None:
    assert [e for e in find_times(text, MON) if e.kind == "time"] == []


# --------------------------------------------------------------------------------------------------
# without an anchor, offsets, several expressions

@pytest.mark.parametrize("text", [
    "The minister resigned on Friday.", "Police said yesterday that ...", "Prices rose last month.",
    "It sank last week.", "A bomb exploded last night.", "It sank three days ago.",
    "Fighting raged late on Monday and early Tuesday.",
])
def test_no_anchor_no_guess(text: str) -> None:
    e = only(text, None)
    assert (e.value, e.precision) == (None, "unknown")


def test_no_anchor_keeps_direction() -> None:
    assert only("Police said yesterday that ...", None).planned is False
    assert only("Ministers meet next week.", None).planned is True
    assert only("The minister resigned last Friday.", None).planned is False


def test_offsets() -> None:
    text = "On Monday night, at 3.15am, police raided a flat in Saint-Denis, as they had in September 2014."
    exprs = find_times(text, MON, offset=1000)
    check_spans(text, exprs, offset=1000)
    assert [e.text for e in exprs] == ["Monday night", "3.15am", "September 2014"]
    assert exprs[0].start == 1000 + text.index("Monday night")
    assert exprs[2].end == 1000 + text.index("September 2014") + len("September 2014")
    plain = find_times(text, MON)
    assert [(e.start + 1000, e.end + 1000) for e in plain] == [(e.start, e.end) for e in exprs]


def test_longest_match_wins() -> None:
    exprs = find_times("The raid of Wednesday, 18 November 2015 ended at 11.30am.", MON)
    assert [(e.text, e.kind) for e in exprs] == [("Wednesday, 18 November 2015", "date"), ("11.30am", "time")]


def test_datetime_anchor_is_taken_as_its_date() -> None:
    assert only("Police said yesterday that ...", datetime(2015, 11, 16, 23, 59)).value == "2015-11-15"


def test_exprs_are_frozen() -> None:
    e = only("Police said yesterday that ...", MON)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.value = "x"  # type: ignore[misc]


SENTENCES = [
    "Gunmen attacked the Bataclan on Friday night, 13 November 2015, at about 9.40pm.",
    "The minister, who will travel to Brussels next Thursday, said on Sunday the borders would stay shut.",
    "Since 2019, more than 2,000 people have fled, 1500 troops have arrived and prices rose last month.",
    "Rescuers worked overnight and through Tuesday morning; a second search is scheduled for March 3.",
    "Storms that hit late on Monday and early Tuesday left 40,000 homes without power until 22:30.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("anchor", [MON, WED, None])
def test_spans_and_order(sentence: str, anchor: date | None) -> None:
    for offset in (0, 57):
        exprs = find_times(sentence, anchor, offset=offset)
        assert exprs
        check_spans(sentence, exprs, offset)
        for e in exprs:
            assert e.kind in {"date", "month", "year", "weekday", "relative", "time"}
            assert e.precision in {"day", "month", "year", "range", "time", "unknown"}
            assert (e.value is None) == (e.precision in {"time", "unknown"})


def test_a_whole_sentence() -> None:
    exprs = find_times(SENTENCES[1], MON)
    assert [(e.text, e.value, e.planned) for e in exprs] == [
        ("next Thursday", strictly_after(MON, THURSDAY).isoformat(), True),
        # the sentence speaks of the future, so a bare "Sunday" is read as the next one: a known limit of
        # sentence-level tense, pass future=False per clause when it matters
        ("Sunday", strictly_after(MON, SUNDAY).isoformat(), True),
    ]
    assert [e.value for e in find_times(SENTENCES[1], MON, future=False)] == [
        strictly_after(MON, THURSDAY).isoformat(), on_or_before(MON, SUNDAY).isoformat()]


# --------------------------------------------------------------------------------------------------
# tense

@pytest.mark.parametrize("text, expected", [
    ("The minister will travel to Brussels.", True),
    ("The minister won't travel to Brussels.", True),
    ("We'll see, he said.", True),
    ("The minister is to travel to Brussels.", True),
    ("The ministers are due to meet in Brussels.", True),
    ("The summit is scheduled to open on Thursday.", True),
    ("The summit is expected to open on Thursday.", True),
    ("The government plans to raise taxes.", True),
    ("He said he would travel to Paris next week.", True),
    ("Prices should fall later this month.", True),
    ("Talks resume tomorrow.", True),
    ("The summit is set for Thursday.", False),
    ("The minister travelled to Brussels.", False),
    ("The delay is due to bad weather.", False),
    ("He is to blame for the delay.", False),
    ("It was the will of the people.", False),
    ("The flight was due to land at 3pm.", False),
    ("He said he would resign.", False),
])
def test_is_future(text: str, expected: bool) -> None:
    assert is_future(text) is expected


def test_future_argument_overrides_detection() -> None:
    text = "The minister resigns on Friday."
    assert only(text, MON).value == on_or_before(MON, FRIDAY).isoformat()
    assert only(text, MON, future=True).value == strictly_after(MON, FRIDAY).isoformat()


# --------------------------------------------------------------------------------------------------
# resolve_weekday

@pytest.mark.parametrize("anchor", [MON + timedelta(days=i) for i in range(14)])
def test_resolve_weekday_against_the_calendar(anchor: date) -> None:
    for wd in range(7):
        assert resolve_weekday(wd, anchor, future=False) == on_or_before(anchor, wd)
        assert resolve_weekday(wd, anchor, future=True) == strictly_after(anchor, wd)
        assert resolve_weekday(wd, anchor, future=False, next_=True) == strictly_after(anchor, wd)
        assert resolve_weekday(wd, anchor, future=False, last=True) == strictly_before(anchor, wd)
        assert resolve_weekday(wd, anchor, future=True, last=True) == strictly_before(anchor, wd)


def test_resolve_weekday_edges() -> None:
    assert resolve_weekday(FRIDAY, date(2015, 11, 13), future=False, last=True) == date(2015, 11, 6)
    assert resolve_weekday(MONDAY, MON, future=False) == MON
    with pytest.raises(ValueError):
        resolve_weekday(7, MON, future=False)
    with pytest.raises(ValueError):
        resolve_weekday(0, MON, future=False, last=True, next_=True)
