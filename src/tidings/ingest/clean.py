"""Page furniture out, metadata kept.

Cleaning works on lines (paragraphs), never inside a sentence, so what stays is
verbatim text from the source: whitespace is normalised (non-breaking and other
Unicode spaces become plain spaces) and list bullets are dropped, nothing else.

What is removed is kept on the record (``furniture``) and what it says is kept
as metadata: a byline, a date line, the URL of a link line and the date in it,
photo and wire credits, the outlet named in "X with wire services".

The rules are general, not written for any one site:
- link lines, date lines, bylines, photo credits, wire and reporting credits;
- boilerplate: related links, newsletter and follow prompts, share buttons,
  copyright and update notes (short lines only);
- short lines with no sentence punctuation: the headline (the first one, when
  the caller has no title), a deck under it, captions, sub-heads and tag lists
  elsewhere; long unpunctuated lines stay (they are paragraphs missing a stop);
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
    r"^(?:(?:link|source|url|read (?:more|the full story)|original(?: article)?|via|see|more)\s*[:：]?\s*)?"
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
_TRAILING_CREDIT = re.compile(
    r"\s*\(((?:[^()]{0,80}\b)?(?:associated press|reuters|afp|agence france-presse|bloomberg|"
    r"press association|dpa|efe|ansa|xinhua|contributed|reporting)\b[^()]{0,60})\)\s*$", re.I)
_BOILERPLATE = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles|content|coverage|topics|links|reading))?|"
    r"more (?:on this story|stories|from|news)|most (?:read|popular|viewed|shared)|"
    r"(?:read|see) (?:more|also|next)|recommended(?: for you)?|trending(?: now)?|"
    r"advertisement|sponsored(?: content)?|skip to (?:main )?content|share (?:this|on)\b.*|"
    r"(?:sign up|subscribe|register)\b.*|(?:get|receive)\b.{0,40}\b(?:updates|newsletter|alerts|emails?)\b.*|"
    r"follow\b.{0,60}|(?:find|watch|listen to)\b.{0,40}\bon (?:your )?(?:tv|radio|app|youtube|podcasts?)\b.*|"
    r"download (?:our|the)\b.*|click here\b.*|join (?:us|our)\b.*|like us on\b.*|"
    r"(?:this|the) (?:post|story|article|report|page) (?:has been|was) updated\b.*|"
    r"(?:©|copyright\b|all rights reserved\b).*|comments?(?: \(\d+\))?|print|email|share|tweet)$", re.I)
_OUTLET_FROM_PROMPT = re.compile(
    r"\b(?:updates|newsletters?|news|alerts)\s+from\s+((?:[A-Z][\w&'’.-]*\s?){1,5})$|"
    r"^find\s+((?:[A-Z][\w&'’.-]*\s?){1,5})\s+on\s+", re.I)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_BARE_DATE = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$", re.I)
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


def _paragraphs(text: str) -> list[str]:
    """Lines as paragraphs, except blocks of hard-wrapped prose, which are joined."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if len(lines) >= 3:
            inner = lines[:-1]
            wrapped = sum(1 for ln in inner if not _TERMINAL.search(ln) and 35 <= len(ln) <= 100)
            if wrapped >= 0.6 * len(inner) and not any(_BULLET.match(ln) for ln in lines):
                out.append(" ".join(lines))
                continue
        out.extend(lines)
    return out


def clean(raw: str, *, title: str | None = None) -> Cleaned:
    """Split ``raw`` into body paragraphs and furniture; read metadata from the furniture."""
    result = Cleaned(text="", title=title)
    paras = [_BULLET.sub("", p).strip() for p in _paragraphs(normalise(raw))]
    paras = [p for p in paras if p]
    body: list[str] = []
    title_key = _key(title) if title else None
    seen_body = False
    counts = Counter(_key(p) for p in paras if len(words(p)) <= REPEAT_WORDS)

    def furniture(line: str) -> None:
        result.furniture.append(line)

    for i, line in enumerate(paras):
        n_words = len(words(line))
        key = _key(line)
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
        if n_words <= 12:
            dm = _DATE_PREFIX.match(line)
            candidate = dm.group(1) if dm else (line if _BARE_DATE.match(line) else None)
            day = parse_date(candidate) if candidate else None
            if day:
                result.published = result.published or day
                furniture(line)
                continue
        by = _BYLINE.match(line)
        if by and n_words <= 14 and not is_sentence_like(line.rstrip(".")):
            result.byline = result.byline or _strip_byline(by.group(1))
            furniture(line)
            continue
        if n_words <= 20 and _PHOTO.search(line):
            result.credits.append(line)
            furniture(line)
            continue
        wire = _WIRE_CREDIT.match(line) if n_words <= 16 else None
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
            furniture(line)
            continue
        if not seen_body and _NAME_LINE.match(line) and _near_meta(paras, i, result.title):
            result.byline = result.byline or line
            furniture(line)
            continue
        if not is_sentence_like(line) and n_words <= SHORT_LINE_WORDS:
            if not seen_body and result.title is None:
                result.title = line
                title_key = key
            furniture(line)  # deck, caption, sub-head, tag list
            continue
        if n_words <= REPEAT_WORDS and counts[key] > 1:
            furniture(line)
            continue
        credit = _TRAILING_CREDIT.search(line)
        if credit and credit.start() > 0 and is_sentence_like(line[: credit.start()]):
            result.credits.append(credit.group(1))
            line = line[: credit.start()].rstrip()
        body.append(line)
        seen_body = True

    if result.url and not result.outlet:
        result.outlet = outlet_from_url(result.url)
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


def _strip_byline(text: str) -> str:
    return re.split(r"\s*[|,]\s*(?=(?:[A-Z][\w ]+ )?(?:correspondent|reporter|editor|staff|writer)\b)", text)[0].strip()


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
