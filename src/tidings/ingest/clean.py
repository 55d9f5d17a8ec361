"""Page furniture out, metadata kept.

Cleaning works on lines (paragraphs), never inside a sentence, so what stays is
verbatim text from the source: whitespace is normalised (non-breaking and other
Unicode spaces become plain spaces), list bullets are dropped, and a credit in
brackets after a paragraph's last sentence ("... he said. (Reuters)") is cut
off; nothing else.

What is removed is kept on the record (``furniture``) and what it says is kept
as metadata: a byline (the name before any comma or bar), a date line (also
"Posted on <date> by <name>"), the URL of a link line ("Link:", "Permalink:",
any short label) and the date in it, photo and wire credits, the outlet named
in "X with wire services" or in a byline where it spells the link's domain,
else the domain itself.

The rules are general, not written for any one site:
- link lines, date lines, bylines, photo credits, wire and reporting credits;
  a line only counts when it is all date, or names people ("By midnight the
  water had risen" is a sentence, not a byline);
- boilerplate: related links, newsletter and follow prompts, share buttons,
  copyright and update notes (short lines only); the short lines under a list
  heading ("Related stories", "Most read") are links too;
- short lines with no sentence punctuation: the headline (the first one, when
  the caller has no title), a deck under it, captions, sub-heads and tag lists
  elsewhere; long unpunctuated lines stay (they are paragraphs missing a stop),
  and so do lines of prose ending in a colon that introduce a quote;
- short lines repeated inside one article (tag lists, prompts shown twice);
- across a story (``drop_shared_furniture``): short non-sentence or prompt
  lines repeated in two or more articles. Whole sentences repeated across
  articles are wire copy and stay.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlparse

# --- normalisation --------------------------------------------------------------------

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*]|[-–—](?=\s))\s+")


def normalise(text: str) -> str:
    """Newlines to \\n, odd spaces to plain spaces, invisible characters out, lines stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


# --- what a line is -------------------------------------------------------------------

_TERMINAL = re.compile(r"""[.!?…][\"'”’»)\]]*$""")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_URL = re.compile(r"https?://\S+")
_LINK_LINE = re.compile(
    r"^(?:(?:link|source|url|read (?:more|the full story)|original(?: article)?|via|see|more)\s*[:：]?\s*|"
    r"[^\W\d_][\w'’ -]{0,30}[:：]\s*)?"  # or any short label and a colon: "Permalink: https://..."
    r"<?(https?://\S+?)>?\.?$", re.I)
_DATE_PREFIX = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first published|date|filed|modified)(?:\s+on)?\s*[:：]?\s*(.+)$", re.I)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+(.{2,120})$", re.I)
_NAME_LINE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|[A-Z]\.|de|del|van|von|der|bin|ibn|da|di|du|le|la|al-[\w'’-]+)){1,3}$")
_PHOTO = re.compile(
    r"^(?:(?:photo|photograph|picture|image|video|credit|illustration)s?(?:\s+credit)?\s*[:：]|©)|"
    r"(?:/|\b)(?:getty images|afp|reuters|ap photo|epa(?:-efe)?|shutterstock|alamy|pa images|pa wire|"
    r"bloomberg|anadolu|sipa|xinhua|corbis)\s*\)?$", re.I)
_WIRE_CREDIT = re.compile(
    r"^(?:(.{2,60}?)\s+with\s+(?:wire\s+services|agencies|wires)|"
    r"(?:additional\s+)?reporting\s+by\s+.+|editing\s+by\s+.+|writing\s+by\s+.+|"
    r".{2,80}\s+contributed\s+to\s+this\s+(?:report|story|article)\.?)$", re.I)
_BY_SENTENCE = re.compile(r"^(?:additional\s+)?(?:reporting|editing|writing)\s+by\b", re.I)
_TRAILING_CREDIT = re.compile(
    r"\s*\(((?:[^()]{0,80}\b)?(?:associated press|reuters|afp|agence france-presse|bloomberg|"
    r"press association|dpa|efe|ansa|xinhua|contributed|reporting)\b[^()]{0,60})\)\s*$", re.I)
_BOILERPLATE = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles|content|coverage|topics|links|reading))?|"
    r"more (?:on this story|stories|from|news)|most (?:read|popular|viewed|shared)|"
    r"(?:read|see) (?:more|also|next)|recommended(?: for you)?|trending(?: now)?|"
    r"advertisement|sponsored(?: content)?|skip to (?:main )?content|share (?:this|on)\b.*|"
    r"(?:sign up|subscribe|register)\b.*|(?:get|receive)\b.{0,40}\b(?:updates|newsletter|alerts|emails?)\b.*|"
    r"follow\b(?![-–]).{0,60}|(?:find|watch|listen to)\b.{0,40}\bon (?:your )?(?:tv|radio|app|youtube|podcasts?)\b.*|"
    r"download (?:our|the)\b.*|click here\b.*|join (?:us|our)\b(?!,).*|like us on\b.*|"
    r"this (?:post|story|article|report|page) (?:has been|was) updated\b.*|"
    r"©.*|copyright(?:\s*(?:©|\(c\)|\d{4})\b.*)?|all rights reserved\b.*|comments?(?: \(\d+\))?|print|email|share|tweet)$", re.I)
# a heading over a list of links to other stories: the short lines under it are links too
_LIST_HEADER = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles|content|coverage|links|reading))?|"
    r"more (?:on this (?:story|topic)|stories|from\b.*|news|like this)|most (?:read|popular|viewed|shared)|"
    r"(?:read|see) (?:more|also|next)|recommended(?: for you)?|trending(?: now)?|you (?:may|might) also like|"
    r"top stories|latest (?:news|stories))$", re.I)
# "... the company added. (Harbour Press)": a name in brackets after the last full stop
_TRAILING_NAME_CREDIT = re.compile(r"(?<=[.!?\"'”’])\s*\(([A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|and|&|of|the)){0,5})\)\s*$")
# "© 2026 The Daily Beacon. All rights reserved." names the outlet that published the page
_COPYRIGHT_OUTLET = re.compile(
    r"^(?:(?:©|\([cC]\))\s*(?=(?:19|20)\d{2}|.*\b(?:19|20)\d{2}\b|.*(?i:all rights reserved))"
    r"|(?i:copyright)\s*(?:©\s*|\([cC]\)\s*)?)"
    r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s+)?"
    r"(?P<name>(?:The\s+)?[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|\d{1,3}|of|and|&)){0,5})"
    r"(?:\s+(?:19|20)\d{2})?\s*(?:[.,;]\s*(?i:all rights reserved|part of [\w&' -]{2,40})\.?)?\s*$")
_NAME_HEAD_OUTLET = re.compile(r"^(?:The\s+)?[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|\d{1,3}|of|and|&)){0,5}$")
_OUTLET_FROM_SUBSCRIBE = re.compile(
    r"^(?i:subscribe|sign up|follow)\s+(?i:to|for|with)\s+((?:The\s+)?[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|\d{1,3}|&)){0,4})"
    r"(?:\s+(?i:for|to|and|on)\b|[.!]?$)")
_OUTLET_FROM_PROMPT = re.compile(
    r"\b(?:updates|newsletters?|news|alerts)\s+from\s+((?:[A-Z][\w&'’.-]*\s?){1,5})$|"
    r"^find\s+((?:[A-Z][\w&'’.-]*\s?){1,5})\s+on\s+", re.I)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_BARE_DATE = re.compile(
    rf"^(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$", re.I)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTHS})\b\.?,?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTHS})\b\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_NUMBER = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DATE_WORD = re.compile(
    rf"^(?:\d+(?:[.:]\d+)?(?:st|nd|rd|th|h|am|pm)?|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.]+z?)?|{_MONTHS}|"
    r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?|"
    r"at|on|of|the|am|pm|a\.m|p\.m|last|updated|published|posted|modified)$", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_IMPERATIVE = re.compile(r"^(?:sign|follow|subscribe|read|watch|listen|click|share|get|download|find|join|like|"
                         r"see|tap|visit|check|register|support|donate)\b", re.I)

SHORT_LINE_WORDS = 25  # a line without sentence punctuation and at most this long is no paragraph
REPEAT_WORDS = 12  # lines at most this long that repeat are furniture


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_sentence_like(line: str) -> bool:
    return bool(_TERMINAL.search(line))


def parse_date(text: str) -> str | None:
    """A calendar date in ``text`` as ISO 8601 (YYYY-MM-DD), or None. Never guesses a day."""
    from dateutil import parser as dateparser

    text = text.strip().rstrip(".")
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    if m:
        return m.group(1)
    spelled = [m for m in (_DAY_MONTH_YEAR.search(text), _MONTH_DAY_YEAR.search(text)) if m]
    if spelled:  # "4 March 2026" or "March 4th, 2026": the first one, whatever surrounds it
        m = min(spelled, key=lambda x: x.start())
        parts = m.groupdict()
        try:
            return date(int(parts["year"]), _MONTH_NUMBER[parts["month"][:3].lower()], int(parts["day"])).isoformat()
        except ValueError:
            return None
    if not re.search(r"\b\d{1,2}\b", text) or not re.search(r"\b\d{4}\b", text):
        return None  # a month and year alone is not a publication day
    try:
        parsed = dateparser.parse(text, fuzzy=True, dayfirst=not re.match(rf"^\W*(?:{_MONTHS})", text, re.I),
                                  default=None)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def date_from_url(url: str) -> str | None:
    m = _URL_DATE.search(urlparse(url).path)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def outlet_from_url(url: str) -> str | None:
    host = urlparse(url).hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|edition|mobile)\.", "", host)
    return host or None


# --- the cleaner ----------------------------------------------------------------------

@dataclass
class Cleaned:
    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    furniture: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """(line, block number) per line, except blocks of hard-wrapped prose, which are joined.

    A block is hard-wrapped prose when most of its lines are long and unpunctuated and its
    last line ends a sentence; a list of headlines (under "Related stories", say) is not.
    """
    out: list[tuple[str, int]] = []
    for b, block in enumerate(re.split(r"\n\s*\n", text)):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if len(lines) >= 3 and _TERMINAL.search(lines[-1]) and not _LIST_HEADER.match(lines[0].rstrip(":")):
            inner = lines[:-1]
            wrapped = sum(1 for ln in inner if not _TERMINAL.search(ln) and 35 <= len(ln) <= 100)
            if wrapped >= 0.6 * len(inner) and not any(_BULLET.match(ln) for ln in lines):
                out.append((" ".join(lines), b))
                continue
        out.extend((ln, b) for ln in lines)
    return out


def clean(raw: str, *, title: str | None = None) -> Cleaned:
    """Split ``raw`` into body paragraphs and furniture; read metadata from the furniture."""
    result = Cleaned(text="", title=title)
    marked = [(_BULLET.sub("", p).strip(), b, bool(_BULLET.match(p))) for p, b in _paragraphs(normalise(raw))]
    marked = [m for m in marked if m[0]]
    blocks = [(p, b) for p, b, _ in marked]
    bulleted = [is_bullet for _, _, is_bullet in marked]  # list items: facts, even without a full stop
    paras = [p for p, _ in blocks]
    list_block: int | None = None  # the block of the last list heading ("Related stories")
    byline_tails: list[str] = []  # what follows the name in a byline: a role, a place, the outlet
    body: list[str] = []
    title_key = _key(title) if title else None
    seen_body = False
    counts = Counter(_key(p) for p in paras if len(words(p)) <= REPEAT_WORDS)

    def furniture(line: str) -> None:
        result.furniture.append(line)

    def byline(text: str) -> None:
        name, tail = _split_byline(text.rstrip("."))
        result.byline = result.byline or name
        byline_tails.extend(tail)

    for i, line in enumerate(paras):
        n_words = len(words(line))
        key = _key(line)
        block = blocks[i][1]
        owner = _COPYRIGHT_OUTLET.match(line) if n_words <= 16 else None
        if owner:  # "© 2026 The Daily Beacon. All rights reserved.": the page's owner is its outlet
            result.outlet = result.outlet or owner.group("name").strip()
            furniture(line)
            continue
        if list_block is not None and n_words <= 20 and (
                block == list_block or all(len(words(p)) <= 20 for p in paras[i:])):
            furniture(line)  # a link under a list heading, or in the run of short lines after it
            continue
        list_block = None
        if title_key and key == title_key:
            furniture(line)  # the headline repeated in the page text
            continue
        link = _LINK_LINE.match(line)
        if link:
            url = link.group(1).rstrip(").,;")
            result.links.append(url)
            result.url = result.url or url
            furniture(line)
            continue
        if n_words <= 12 and "|" in line:
            segments = [seg.strip() for seg in line.split("|")]
            day = next((parse_date(seg) for seg in segments if _BARE_DATE.match(seg) and parse_date(seg)), None)
            if day:  # a masthead: "Outlet | Issue 148 | 17/06/2025"
                result.published = result.published or day
                if _NAME_HEAD_OUTLET.match(segments[0]) and not result.outlet:
                    result.outlet = segments[0]
                furniture(line)
                continue
        if n_words <= 12:
            dm = _DATE_PREFIX.match(line)
            candidate = dm.group(1) if dm and _only_date(dm.group(1)) else (line if _BARE_DATE.match(line) else None)
            day = parse_date(candidate) if candidate else None
            if day:
                result.published = result.published or day
                posted_by = re.search(r"\bby\s+(.{2,120})$", candidate, re.I)
                if posted_by and _looks_like_byline(posted_by.group(1)):  # "Posted 5 March 2026 by Jane Doe | Outlet"
                    byline(posted_by.group(1))
                furniture(line)
                continue
        by = _BYLINE.match(line)
        if by and n_words <= 14 and not is_sentence_like(line.rstrip(".")) and _looks_like_byline(by.group(1)):
            byline(by.group(1))
            furniture(line)
            continue
        if n_words <= 20 and _PHOTO.search(line):
            result.credits.append(line)
            furniture(line)
            continue
        wire = _WIRE_CREDIT.match(line) if n_words <= 16 else None
        by_credit = _BY_SENTENCE.match(line) if wire else None
        if by_credit:
            names = line[by_credit.end():].split(";")[0].replace(",", " ").strip().rstrip(".")
            if not (_NAME_HEAD.match(names) and any(w[:1].isupper() for w in names.split())):
                wire = None  # "Editing by hand, the clerk corrected ...": a sentence, not a credit
        if wire:
            result.credits.append(line)
            if wire.group(1):
                result.outlet = result.outlet or wire.group(1).strip()
            furniture(line)
            continue
        if n_words <= 20 and _BOILERPLATE.match(line.rstrip(".!:")):
            prompt = _OUTLET_FROM_PROMPT.search(line.rstrip(".!"))
            if prompt and not result.outlet:
                result.outlet = (prompt.group(1) or prompt.group(2) or "").strip() or None
            subscribe = _OUTLET_FROM_SUBSCRIBE.match(line)
            if subscribe and not result.outlet:
                result.outlet = subscribe.group(1).strip()
            if _LIST_HEADER.match(line.rstrip(".!:")):
                list_block = block
            furniture(line)
            continue
        if not seen_body and _NAME_LINE.match(line) and _near_meta(paras, i, result.title):
            result.byline = result.byline or line
            furniture(line)
            continue
        credit = _TRAILING_CREDIT.search(line) or _TRAILING_NAME_CREDIT.search(line)
        if not (credit and credit.start() > 0 and is_sentence_like(line[: credit.start()])):
            credit = None
        if not is_sentence_like(line) and not credit and n_words <= SHORT_LINE_WORDS \
                and not _is_lead_in(line, n_words) and not (bulleted[i] and n_words >= 4 and seen_body):
            masthead = re.split(r"\s+[|·•]\s+", line)
            if len(masthead) > 1 and not seen_body and _NAME_HEAD_OUTLET.match(masthead[0]) and \
                    len(words(masthead[0])) <= 5:
                result.outlet = result.outlet or masthead[0]  # "Tarrowford Voice | Community news for ..."
                furniture(line)  # a masthead is never the headline
                continue
            if not seen_body and result.title is None:
                result.title = line
                title_key = key
            furniture(line)  # deck, caption, sub-head, tag list
            continue
        if n_words <= REPEAT_WORDS and counts[key] > 1:
            furniture(line)
            continue
        if credit:
            result.credits.append(credit.group(1))
            line = line[: credit.start()].rstrip()
        body.append(line)
        seen_body = True

    if result.url and not result.outlet:
        named = [t for t in byline_tails if _names_host(t, result.url)]
        result.outlet = named[0] if named else outlet_from_url(result.url)
    if not result.published:
        for link in result.links:
            day = date_from_url(link)
            if day:
                result.published = day
                result.notes.append(f"publication date {day} read from the link {link}")
                break
    result.text = "\n\n".join(body)
    return result


def _key(line: str) -> str:
    return " ".join(w.lower() for w in words(line))


def _split_byline(text: str) -> tuple[str, list[str]]:
    """The name in a byline, and what follows it after a comma or a bar (role, place, outlet)."""
    parts = [p.strip() for p in re.split(r"\s*(?:[|,;•]|\s[-–—]\s)\s*", text.strip()) if p.strip()]
    if not parts:
        return text.strip(), []
    return parts[0], parts[1:]


_NAME_WORD = r"(?:[A-Z][\w'’.-]*|al-[\w'’-]+|and|&|the|of|for|in|at|with|de|del|der|van|von|bin|ibn|da|di|du|le|la)"
_NAME_HEAD = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,14}}$")
_ROLE = re.compile(r"\b(?:correspondent|reporter|editor|writer|staff|contributor|columnist|journalist|"
                   r"producer|photographer|desk|bureau|team)\b", re.I)


def _looks_like_byline(text: str) -> bool:
    """Whether what follows "By" names people, not a clause: "By Jane Doe, staff writer" but not
    "By midnight the water had reached the square" or "By Tuesday, the road was open"."""
    name, tail = _split_byline(text.rstrip("."))
    return bool(_NAME_HEAD.match(name)) and any(w[:1].isupper() for w in name.split()) and \
        all(t[:1].isupper() or t[:1].isdigit() or _ROLE.search(t) for t in tail)


def _only_date(text: str) -> bool:
    """Whether what follows "Published:" is a date (and time), perhaps with "by <name>" or "| <outlet>"
    after it, not the rest of a sentence that happens to start with "Updated" or "Posted"."""
    core = re.split(r"\s+by\s+|\s*[|•]\s*", text, maxsplit=1, flags=re.I)[0]
    tokens = words(core)
    return bool(tokens) and all(_DATE_WORD.match(t) or (t.isupper() and 2 <= len(t) <= 5) for t in tokens)


def _names_host(name: str, url: str) -> bool:
    """Whether ``name`` spells the site's domain: "Salt & Steel" and saltandsteel.example."""
    def squash(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", s.lower().replace("&", "and")))

    host = outlet_from_url(url) or ""
    key = squash(name)
    return len(key) >= 3 and any(squash(label) == key for label in host.split(".")[:-1])


def _is_lead_in(line: str, n_words: int) -> bool:
    """A line of prose that ends with a colon, introducing a quote: "The company put it like this:"."""
    return line.endswith((":", "：")) and n_words >= 6


def _near_meta(paras: list[str], i: int, title: str | None) -> bool:
    """A name alone on a line is a byline when a date line sits beside it or it follows the headline."""
    if i > 3:
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(paras) and (_DATE_PREFIX.match(paras[j]) or _BARE_DATE.match(paras[j])):
            return True
    return title is not None and i > 0 and _key(paras[i - 1]) == _key(title)


def drop_shared_furniture(texts: list[str]) -> list[tuple[str, list[str]]]:
    """Remove short prompt-like lines that repeat across two or more articles' texts.

    Returns (new text, removed lines) per input text, in order. Whole sentences
    that repeat are wire copy and stay.
    """
    def candidates(text: str) -> set[str]:
        found = set()
        for para in text.split("\n\n"):
            if len(words(para)) <= REPEAT_WORDS and (not is_sentence_like(para) or _IMPERATIVE.match(para)):
                found.add(_key(para))
        return found

    per_text = [candidates(t) for t in texts]
    shared = {k for k, n in Counter(k for c in per_text for k in c).items() if n > 1}
    out: list[tuple[str, list[str]]] = []
    for text in texts:
        kept, removed = [], []
        for para in text.split("\n\n"):
            (removed if _key(para) in shared else kept).append(para)
        out.append(("\n\n".join(kept), removed))
    return out
