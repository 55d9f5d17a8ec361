"""Who said what: quotations in a story, their speakers, and the outlets that carry the same words.

``find_quotes(story)`` reads every article paragraph by paragraph and pairs quotation marks:
curly and straight double quotes, and single quotes (straight or curly) used as the outer mark (a
single quote inside a double-quoted passage is a nested quote and stays part of the text). An
apostrophe is not a mark: ``don't``, ``Friday’s`` and ``ISIS’`` (a closing-shaped mark with no
opener) are skipped. A quote whose closing mark is missing is ended by the next opening mark (and
an attribution left inside it, ``..., Fabius said.``, is cut off and used), or by the paragraph end
when the next paragraph opens a quote (the convention for a quote that runs over paragraphs).

The speaker comes from the attribution around the quote, in this order: right after the quote
(``"...," X said``, ``"...," said X``, ``..., according to X``), then before it in the same sentence
(``X said: "..."``, ``X told AFP "..."``, ``X, who ..., said``, ``X said the strike was "..."``),
then the quote before it in the same paragraph or sentence, then (for a paragraph that is only a
quote) the last quote of the previous paragraph. A pronoun (he/she) is resolved to the nearest
named person before it in the article; a surname to the fullest form of that name earlier in the
article; a role noun ("the ministry", "one resident") is kept as written. Titles ("Mr", "Col.") are
dropped from names.

Quotes of one word are scare quotes and skipped; quotes of two or three words are kept only when a
speech verb attributes them in the same sentence (``what she called "a running commentary"``,
``told the AP ... "all the time"``) and they are not a capitalised name (``"Jihadi John"``).

The same words quoted by several outlets are one ``Quote``: texts are compared as lower-case words
(quote marks, apostrophes, whitespace and punctuation normalised), and a quote of at least six words
that is a contiguous part of another is merged into it. The fullest version is the quote's span,
the others its ``support``. Quotes come most-sourced first, then in story order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..records import NamedSpan, Quote, Span, Story
from .sentences import split_spans

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
_DOUBLE = "\"“”"
_SINGLE = "'‘’"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "declared", "declares", "wrote", "writes",
    "stated", "explained", "insisted", "warned", "argued", "continued", "asked", "replied", "recalled",
    "noted", "announced", "claimed", "reported", "reports", "tweeted", "vowed", "urged", "confirmed",
    "conceded", "admitted", "acknowledged", "called", "described", "reiterated", "stressed", "concluded",
    "spoke", "saying", "adding", "telling", "calling", "describing", "insisting", "warning",
)
_VERB = re.compile(r"\b(" + "|".join(SPEECH_VERBS) + r"|according to)\b")
_INVERTED = ("said", "says", "added", "adds", "asked", "wrote", "writes", "continued", "explained",
             "declared", "insisted", "recalled", "warned", "replied", "according to")
_PARTICIPLES = {"saying", "adding", "telling", "calling", "describing", "insisting", "warning", "spoke"}
_AUX = {"has", "have", "had", "also", "later", "earlier", "then", "previously", "once", "again", "would",
        "will", "did", "does", "reportedly", "repeatedly", "only", "already", "simply", "has also",
        "just", "recently", "privately", "publicly", "separately", "yesterday", "today"}
_BOUNDARY_WORDS = {"and", "but", "that", "while", "as", "when", "because", "after", "before", "so", "since",
                   "where", "if", "though", "although", "what", "to", "whom", "however", "meanwhile"}
_DETERMINERS = {"the", "a", "an", "one", "another", "its", "his", "her", "their", "this", "that", "our",
                "some", "two", "three", "several", "many", "other"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_RELATIVE = {"who", "which", "whose", "where", "whom"}
_STOP_AFTER = {"who", "which", "that", "at", "in", "on", "of", "from", "for", "with", "to", "by", "and",
               "but", "as", "when", "while", "after", "before", "outside", "inside", "during", "who's"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "captain", "capt", "governor", "gov", "col",
          "colonel", "sir", "dame", "judge", "detective", "inspector", "president", "senator", "sen",
          "skipper", "sgt", "sergeant", "gen", "general", "lt", "maj", "major", "cmdr", "commander",
          "minister", "prime", "secretary", "rev", "father", "chief", "councillor", "cllr", "mp", "lord",
          "lady", "supt", "superintendent", "officer", "constable", "pc", "dc", "ds", "di", "tenant",
          "driver", "teacher", "retired", "coastguard", "union", "boss", "leader", "spokesman",
          "spokeswoman", "spokesperson", "analyst", "expert", "researcher", "belgian", "harbourmaster",
          "mayor", "chairman", "chairwoman", "chair", "director", "commissioner", "manager", "engineer", "nurse",
          "doctor", "pastor", "bishop", "ambassador", "sheriff", "coroner", "chancellor", "deputy", "admiral",
          "fireman", "firefighter", "paramedic", "pilot", "farmer", "resident", "worker", "official"}
_CAP_NAME = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|al-\w+|el-\w+|bin|ibn|de|da|la|le|van|von|der|du|di)\s+)*[A-Z][\w’'-]*[\w]$")


@dataclass
class _Raw:
    article_index: int
    article_id: str
    start: int  # text span, without the marks
    end: int
    open_at: int  # the opening mark
    close_at: int  # the closing mark (or where the quote ended)
    paragraph: int
    closed: bool
    speaker: str | None = None
    speaker_span: Span | None = None
    named: bool = False  # speaker is a person's name (not a role, not unresolved)
    kind: str = ""  # how the speaker was found: after, before, inherit-sentence, inherit, fallback
    words: tuple[str, ...] = field(default=())


def normalise(text: str) -> tuple[str, ...]:
    """Lower-case words with quote marks, apostrophes, whitespace and punctuation normalised."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    return tuple(_WORD.findall(t))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return f" {' '.join(shorter)} " in f" {' '.join(longer)} "


# --- finding quotations --------------------------------------------------------------------------


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _marks(text: str, start: int, end: int):
    """(position, kind, role) of quotation-mark candidates in text[start:end]; role is open/close/either."""
    out = []
    for i in range(start, end):
        ch = text[i]
        if ch not in _DOUBLE and ch not in _SINGLE:
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch in _DOUBLE:
            if ch == "“":
                out.append((i, "d", "open"))
            elif ch == "”":
                out.append((i, "d", "close"))
            else:
                if _is_word(prev) and _is_word(nxt):
                    continue  # 5"10 or a typo inside a word
                out.append((i, "d", "either"))
        else:
            if _is_word(prev) and _is_word(nxt):
                continue  # an apostrophe: don't, Friday’s
            opener = not _is_word(prev) and prev not in ".,;:!?" and (_is_word(nxt) or nxt in "“\"")
            closer = (_is_word(prev) or prev in ".,;:!?)") and not _is_word(nxt)
            if ch == "‘" and not opener:
                continue
            if ch == "’" and not closer:
                continue
            if opener and not closer:
                out.append((i, "s", "open"))
            elif closer and not opener:
                out.append((i, "s", "close"))
    return out


def _opener_like(text: str, i: int, para_start: int) -> bool:
    """A straight double quote shaped like an opening mark that follows a finished sentence."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if not (_is_word(nxt) or nxt in "‘'"):
        return False
    j = i - 1
    while j >= para_start and text[j] == " ":
        j -= 1
    return j < i - 1 and j >= para_start and text[j] in ".!?"


def _paragraph_quotes(text: str, p_start: int, p_end: int, next_opens: bool):
    """(open mark, text start, text end, close mark, closed) for one paragraph."""
    found = []
    marks = _marks(text, p_start, p_end)
    open_at: int | None = None
    open_kind = ""
    k = 0
    while k < len(marks):
        i, kind, role = marks[k]
        k += 1
        if open_at is None:
            if kind == "d" and role in ("open", "either"):
                open_at, open_kind = i, "d"
            elif kind == "s" and role == "open":
                open_at, open_kind = i, "s"
            continue
        if open_kind == "d":
            if kind != "d":
                continue  # a nested single quote, part of the text
            if role == "open" or (role == "either" and _opener_like(text, i, p_start)):
                found.append((open_at, open_at + 1, i, i, False))  # closing mark missing
                open_at = i
                continue
            found.append((open_at, open_at + 1, i, i, True))
            open_at = None
        else:  # single-quoted
            if kind == "s" and role == "close":
                found.append((open_at, open_at + 1, i, i, True))
                open_at = None
            elif kind == "d" and role in ("open", "either"):
                open_at, open_kind = i, "d"  # the single opener was not a quote
    if open_at is not None and open_kind == "d" and (next_opens or p_end - open_at > 20):
        found.append((open_at, open_at + 1, p_end, p_end, False))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


# --- names and speakers --------------------------------------------------------------------------


_NAME_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "captain", "capt", "governor", "gov", "col",
                "colonel", "sir", "dame", "judge", "sen", "senator", "sgt", "lt", "gen", "rev", "skipper"}
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "la", "le", "van", "von", "der", "du", "di", "l."}


def _name_like(text: str) -> bool:
    toks = text.replace("’", "'").split()
    return bool(toks) and all(t[:1].isupper() or t.lower() in _PARTICLES or t.lower().startswith(("al-", "el-"))
                              for t in toks) and not text.isupper()


def known_surnames(spans: dict[str, tuple[NamedSpan, ...]]) -> frozenset[str]:
    """Last words of the story's full person names ("Marchetti" of "Helen Marchetti")."""
    out = set()
    for ss in spans.values():
        for x in ss:
            if x.label == "PERSON" and _name_like(x.text):
                toks = _strip_titles(x.text)[0].split()
                if len(toks) >= 2:
                    out.add(toks[-1])
    return frozenset(out)


class _Names:
    """Person spans of one article, with the quoted regions to skip when resolving a pronoun.

    The model's types are noisy ("lorry driver" as PERSON, "Marchetti" as ORG): a span counts as a
    person when it looks like a name and is either a full name, title-led ("Dr Felicity Obi") or the
    surname of a full name found anywhere in the story.
    """

    def __init__(self, text: str, spans: tuple[NamedSpan, ...], surnames: frozenset[str] = frozenset()):
        self.text = text
        persons = []
        for s in spans:
            if not _name_like(s.text):
                continue
            if s.label == "PERSON":
                s = self._extend(s)
            toks = s.text.split()
            titled = toks[0].lower().rstrip(".") in _NAME_TITLES and len(toks) >= 2
            stripped = _strip_titles(s.text)[0].split()
            if s.label == "PERSON" and (len(stripped) >= 2 or titled or (stripped and stripped[-1] in surnames)):
                persons.append(s)
            elif s.label != "PERSON" and (titled or (len(stripped) == 1 and stripped[0] in surnames)):
                persons.append(NamedSpan(s.article_id, s.start, s.end, "PERSON", s.text))
        self.persons = persons
        self.ends = [s.end for s in self.persons]
        self.quoted: list[tuple[int, int]] = []
        self.sent_starts: list[int] = []

    def _extend(self, s: NamedSpan) -> NamedSpan:
        """"Ota Yumiko" when the model found only "Yumiko": one capitalised word at a sentence start."""
        m = re.search(r"(?:^|[.!?]\s+|\n)([A-Z][a-z]+) $", self.text[max(0, s.start - 40):s.start])
        if m and m.group(1).lower() not in TITLES and m.group(1).lower() not in _DETERMINERS \
                and m.group(1) not in {"On", "In", "At", "By", "As", "But", "And", "When", "After", "Then"}:
            start = s.start - len(m.group(1)) - 1
            return NamedSpan(s.article_id, start, s.end, s.label, self.text[start:s.end])
        return s

    def first_in_sentence_before(self, sent_starts: list[int], pos: int) -> NamedSpan | None:
        """The first person of the nearest sentence (up to ``pos``) that names one: the likely subject."""
        k = bisect.bisect_right(sent_starts, pos) - 1
        hi = pos
        while k >= 0:
            lo = sent_starts[k]
            found = [p for p in self.persons if lo <= p.start and p.end <= hi and not self.inside_quote(p.start)]
            if found:
                return found[0]
            hi = lo
            k -= 1
        return None

    def inside_quote(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.quoted)

    def persons_in(self, start: int, end: int) -> list[NamedSpan]:
        return [p for p in self.persons if p.start >= start and p.end <= end]

    def fullest(self, name: str, start: int, end: int, before: int) -> tuple[str, int, int]:
        """The fullest earlier form of ``name`` in this article (a surname gets the full name)."""
        tokens = name.split()
        best = (name, start, end)
        for p in self.persons:
            if p.start >= before:
                break
            if self.inside_quote(p.start):
                continue
            ptext, pstart = _strip_titles(p.text)
            ptoks = ptext.split()
            if len(ptoks) > len(best[0].split()) and ptoks[-len(tokens):] == tokens:
                best = (ptext, p.start + pstart, p.end)
        return best


def _strip_titles(name: str) -> tuple[str, int]:
    """The name without leading titles, and the offset of what is left."""
    offset = 0
    rest = name
    while True:
        m = re.match(r"([A-Za-z]+)\.?\s+", rest)
        if not m or m.group(1).lower() not in TITLES or len(rest.split()) < 2:
            break
        offset += m.end()
        rest = rest[m.end():]
    rest = rest.rstrip(".,")
    if rest.endswith("’s") or rest.endswith("'s"):
        rest = rest[:-2]
    return rest, offset


def _words_with_pos(text: str, start: int, end: int):
    return [(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"[^\s]+", text[start:end])]


class _Speaker:
    __slots__ = ("text", "start", "end", "named", "pronoun")

    def __init__(self, text, start, end, named=False, pronoun=False):
        self.text, self.start, self.end, self.named, self.pronoun = text, start, end, named, pronoun


def _np(names: _Names, start: int, end: int) -> _Speaker | None:
    """A subject noun phrase exactly covering text[start:end] (already bounded)."""
    text = names.text
    start, end = _trim_np(text, start, end)
    if end <= start:
        return None
    phrase = text[start:end]
    words = phrase.split()
    if not words or len(words) > 9:
        return None
    low = words[0].lower()
    if len(words) == 1 and low in _PRONOUNS:
        return _Speaker(phrase, start, end, pronoun=True)
    if low in _RELATIVE:
        return None
    persons = names.persons_in(start, end)
    if persons:
        p = persons[-1]
        ptext, off = _strip_titles(p.text)
        return _Speaker(ptext, p.start + off, p.start + off + len(ptext), named=True)
    m = _CAP_NAME.search(phrase)
    if m and m.start() > 0 and phrase[m.start() - 1] == " " and len(m.group().split()) >= 2:
        before = phrase[:m.start()].split()
        if before and before[-1].lower() not in _DETERMINERS and (
                before[-1][0].islower() or before[-1].lower().rstrip(".") in TITLES):
            ntext, off = _strip_titles(m.group())
            s = start + m.start() + off
            return _Speaker(ntext, s, s + len(ntext), named=True)
    if m and m.start() == 0:
        ntext, off = _strip_titles(m.group())
        nwords = ntext.split()
        if low not in _DETERMINERS and len(nwords) <= 4 and not ntext.isupper():
            return _Speaker(ntext, start + off, start + off + len(ntext), named=True)
    if low in _DETERMINERS or words[0][0].isupper():
        return _Speaker(phrase, start, end)
    return None


def _trim_np(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:—–-(\"“”'‘’":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:—–-)\"“”'‘’":
        end -= 1
    return start, end


def _subject_before(names: _Names, lo: int, verb_start: int) -> _Speaker | None:
    """The subject of a speech verb at ``verb_start``, looking back no further than ``lo``."""
    text = names.text
    words = _words_with_pos(text, lo, verb_start)
    # auxiliaries and adverbs between subject and verb: "X has said", "X later told"
    while words and words[-1][0].lower().strip(",") in _AUX and not words[-1][0].endswith(","):
        words.pop()
    if not words:
        return None
    last = words[-1][0]
    if last.lower() in _PRONOUNS:
        return _Speaker(last, words[-1][1], words[-1][2], pronoun=True)
    if last.endswith(","):
        return _appositive_subject(names, lo, words)
    # from the verb back to a boundary
    k = len(words)
    while k > 0:
        w = words[k - 1][0]
        lw = w.lower()
        if lw in _BOUNDARY_WORDS or w.endswith((",", ";", ":", "—", "–")) or w in ("—", "–", "-"):
            break
        if w.endswith((".", "!", "?")) and len(w) > 3 and k < len(words):
            break
        k -= 1
    if k == len(words):
        return None
    if words[k][0].lower() in _RELATIVE:
        return _relative_antecedent(names, lo, words[:k])
    if words[k][0].lower() == "to" or k == len(words):
        return None
    return _np(names, words[k][1], words[-1][2])


def _relative_antecedent(names: _Names, lo: int, words) -> _Speaker | None:
    """``the ministry, which said`` -> the ministry."""
    if not words or not words[-1][0].endswith(","):
        return None
    k = len(words) - 1
    while k > 0:
        w = words[k - 1][0]
        if w.lower() in _BOUNDARY_WORDS or w.endswith((",", ";", ":")) or w == "according":
            break
        k -= 1
    return _np(names, words[k][1], words[-1][2])


def _appositive_subject(names: _Names, lo: int, words) -> _Speaker | None:
    """``X, 71, who waited ..., said`` or ``X, the governor of ..., told``: the name before the aside."""
    text = names.text
    segs: list[tuple[int, int]] = []  # (first word index, last word index) per comma segment
    end_idx = len(words) - 1
    i = end_idx
    seg_end = end_idx
    while i >= 0 and len(segs) < 4:
        j = i
        while j > 0 and not words[j - 1][0].endswith((",", ";", ":")) and words[j - 1][0] not in ("—", "–"):
            j -= 1
        segs.append((j, seg_end))
        if j == 0 or words[j - 1][0].endswith((";", ":")):
            break
        i = j - 1
        seg_end = i
    candidates = []
    for a, b in segs:
        first = words[a][0].lower()
        seg_text = text[words[a][1]:words[b][2]].strip(" ,")
        if not seg_text or first in _RELATIVE or re.fullmatch(r"[\d,]+", seg_text) or first.endswith("ing") \
                or first in {"in", "on", "at", "after", "before", "speaking", "from", "with", "during", "for"}:
            continue
        candidates.append((a, b))
    for a, b in reversed(candidates):  # the leftmost segment naming a person
        if names.persons_in(words[a][1], words[b][2]):
            return _np(names, words[a][1], words[b][2])
    for a, b in candidates:
        # a segment that is just a name phrase, not a role
        seg = text[words[a][1]:words[b][2]].strip(" ,")
        if _CAP_NAME.fullmatch(seg) and words[a][0].lower() not in _DETERMINERS:
            return _np(names, words[a][1], words[b][2])
    if candidates:
        a, b = candidates[-1]  # the leftmost: the subject the aside describes
        # bound the leftmost segment at a boundary word
        k = a
        for t in range(b, a - 1, -1):
            if words[t][0].lower() in _BOUNDARY_WORDS:
                k = t + 1
                break
        if k <= b:
            return _np(names, words[k][1], words[b][2])
    return None


def _subject_after(names: _Names, start: int, end: int) -> _Speaker | None:
    """The subject of an inverted attribution: ``said Rami Abdel Rahman, director of ...``."""
    text = names.text
    persons = [p for p in names.persons_in(start, end) if p.start - start < 60
               and not re.search(r"[,.;]", text[start:p.start])]
    if persons:
        p = persons[0]
        ptext, off = _strip_titles(p.text)
        return _Speaker(ptext, p.start + off, p.start + off + len(ptext), named=True)
    words = _words_with_pos(text, start, end)
    out = []
    for w, a, b in words:
        core = w.rstrip(".,;:!?")
        lw = core.lower()
        if out and (lw in _STOP_AFTER or (len(lw) > 4 and lw.endswith(("ing", "ed")))):
            break
        out.append((core, a, a + len(core)))
        if core != w or len(out) >= 6:
            break
    if not out:
        return None
    first = out[0][0]
    if not (first.lower() in _DETERMINERS or first[:1].isupper()):
        return None
    return _np(names, out[0][1], out[-1][2])


# --- the article pass ----------------------------------------------------------------------------


def _article_quotes(index: int, article, spans: tuple[NamedSpan, ...], surnames=frozenset()) -> list[_Raw]:
    text = article.text
    names = _Names(text, spans, surnames)
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    sent_starts = sorted({a for a, _, _ in split_spans(text)})
    raws: list[_Raw] = []
    for p_index, (ps, pe) in enumerate(paragraphs):
        nxt_opens = False
        if p_index + 1 < len(paragraphs):
            ns = paragraphs[p_index + 1][0]
            nxt_opens = text[ns] in "\"“"
        for open_at, s, e, close_at, closed in _paragraph_quotes(text, ps, pe, nxt_opens):
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            raws.append(_Raw(index, article.id, s, e, open_at, close_at, p_index, closed))
    names.quoted = [(r.open_at, r.close_at + 1) for r in raws]
    names.sent_starts = sent_starts

    prev: _Raw | None = None
    for n, r in enumerate(raws):
        sp, kind = _attribute(names, r, raws, n, paragraphs, sent_starts)
        if sp is None and prev is not None:
            same_para = prev.paragraph == r.paragraph
            para_start = paragraphs[r.paragraph][0]
            between = text[prev.close_at + 1:r.open_at]
            if same_para and not re.search(r"[.!?]\s", between):
                kind = "inherit-sentence"
            elif same_para or (prev.paragraph == r.paragraph - 1 and r.open_at == para_start):
                kind = "inherit"
            if kind.startswith("inherit") and prev.speaker is not None:
                r.speaker, r.speaker_span, r.named = prev.speaker, prev.speaker_span, prev.named
                r.kind = kind
                prev = r
                continue
            kind = ""
        if sp is not None:
            _resolve(names, r, sp)
            r.kind = kind
        elif len(normalise(text[r.start:r.end])) >= 4:
            # no speech verb: a person named earlier in the same sentence ("X, that "...")
            lo = _sentence_start(sent_starts, r.open_at, paragraphs[r.paragraph][0])
            persons = [p for p in names.persons_in(lo, r.open_at) if not names.inside_quote(p.start)]
            if persons:
                p = persons[-1]
                _resolve(names, r, _Speaker(*_title_free(p), named=True))
                r.kind = "fallback"
        prev = r
    return raws


def _title_free(p: NamedSpan) -> tuple[str, int, int]:
    t, off = _strip_titles(p.text)
    return t, p.start + off, p.start + off + len(t)


def _sentence_start(sent_starts: list[int], pos: int, para_start: int) -> int:
    k = bisect.bisect_right(sent_starts, pos) - 1
    return max(sent_starts[k] if k >= 0 else 0, para_start)


def _attribute(names: _Names, r: _Raw, raws: list[_Raw], n: int, paragraphs, sent_starts):
    text = names.text
    ps, pe = paragraphs[r.paragraph]
    # 1. after the quote, to the end of the sentence or the next quote
    after_start = r.close_at + 1 if r.closed else r.end
    nxt_open = raws[n + 1].open_at if n + 1 < len(raws) and raws[n + 1].paragraph == r.paragraph else pe
    m_end = re.search(r"[.!?](?=\s|$)|[“\"‘]", text[after_start:min(nxt_open, pe)])
    after_end = after_start + m_end.start() if m_end else min(nxt_open, pe)
    if not r.closed:
        tail = _unclosed_tail(names, r)
        if tail is not None:
            return tail, "after"
    sp = _after(names, after_start, after_end)
    if sp is not None:
        return sp, "after"
    # 2. before the quote, in the same sentence and after the previous quote
    lo = _sentence_start(sent_starts, r.open_at, ps)
    if n > 0 and raws[n - 1].paragraph == r.paragraph:
        lo = max(lo, raws[n - 1].close_at + 1)
    sp = _before(names, lo, r.open_at)
    if sp is not None:
        return sp, "before"
    return None, ""


def _after(names: _Names, start: int, end: int) -> _Speaker | None:
    text = names.text
    m = re.match(r"\s*[,.!?]?\s*", text[start:end])
    sp = _after_at(names, start + m.end(), end)
    if sp is None:
        # "... against ISIL, Hollande said": a few words of the sentence before the attribution
        m = re.match(r"\s*[,.!?]?\s*[^,.;:!?\"“”]{1,40},\s*", text[start:end])
        if m:
            sp = _after_at(names, start + m.end(), end)
    return sp


def _after_at(names: _Names, base: int, end: int) -> _Speaker | None:
    text = names.text
    # ``said X`` / ``according to X``
    m2 = re.match(r"(" + "|".join(_INVERTED) + r")\s+", text[base:end])
    if m2:
        return _subject_after(names, base + m2.end(), end)
    # ``X said`` / ``X, the governor of ..., told``
    for v in _VERB.finditer(text, base, end):
        if v.group(1) == "according to":
            return _subject_after(names, v.end() + 1, end) if v.start() - base < 40 else None
        if v.group(1) in _PARTICIPLES:
            continue
        if v.start() - base > 160:
            break
        return _subject_before(names, base, v.start())
    return None


def _before(names: _Names, lo: int, hi: int) -> _Speaker | None:
    text = names.text
    verbs = list(_VERB.finditer(text, lo, hi))
    for v in reversed(verbs):
        if v.group(1) == "according to":
            sp = _subject_after(names, v.end() + 1, hi)
            if sp is not None:
                return sp
            continue
        if v.group(1) in _PARTICIPLES:
            continue
        sp = _subject_before(names, lo, v.start())
        if sp is not None:
            return sp
    if verbs:
        # a coordinated or participial verb ("..., and said", "saying only that"): the sentence's person
        persons = [p for p in names.persons_in(lo, verbs[-1].start()) if not names.inside_quote(p.start)]
        if persons:
            return _Speaker(*_title_free(persons[0]), named=True)
    return None


def _unclosed_tail(names: _Names, r: _Raw) -> _Speaker | None:
    """A quote with no closing mark that ends ``..., Fabius said.``: cut the attribution off."""
    text = names.text
    seg = text[r.start:r.end]
    m = re.search(r",\s+((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*|he|she)\s+(?:said|says|added|told\b[^.]*)\.?\s*$",
                  seg)
    if not m:
        return None
    s = r.start + m.start(1)
    e = r.start + m.end(1)
    r.end = _trim(text, r.start, r.start + m.start())[1]
    name = text[s:e]
    if name.lower() in _PRONOUNS:
        return _Speaker(name, s, e, pronoun=True)
    persons = names.persons_in(s, e)
    if persons:
        return _Speaker(*_title_free(persons[-1]), named=True)
    t, off = _strip_titles(name)
    return _Speaker(t, s + off, s + off + len(t), named=True)


def _resolve(names: _Names, r: _Raw, sp: _Speaker) -> None:
    if sp.pronoun:
        if sp.text.lower() not in ("he", "she"):
            return
        p = names.first_in_sentence_before(names.sent_starts, r.open_at)
        if p is None:
            return
        sp = _Speaker(*_title_free(p), named=True)
    if sp.named:
        text, s, e = names.fullest(sp.text, sp.start, sp.end, r.open_at)
        r.speaker, r.speaker_span, r.named = text, Span(r.article_id, s, e), True
    else:
        r.speaker, r.speaker_span, r.named = sp.text, Span(r.article_id, sp.start, sp.end), False


# --- the story -----------------------------------------------------------------------------------


def _keep(r: _Raw, text: str) -> bool:
    words = r.words
    if len(words) <= 1:
        return False
    if len(words) <= 3:
        if r.speaker is None or r.kind not in ("after", "before", "inherit-sentence"):
            return False
        raw_words = text[r.start:r.end].split()
        if all(w[:1].isupper() for w in raw_words):
            return False  # a name or title in quotes: "Jihadi John"
    return True


def find_quotes(story: Story, spans: dict[str, tuple[NamedSpan, ...]] | None = None) -> tuple[Quote, ...]:
    """Every quotation of the story, one record per quote across outlets, most-sourced first."""
    if spans is None:
        from .ner import named_spans

        spans = named_spans(story)
    raws: list[_Raw] = []
    surnames = known_surnames(spans)
    for index, article in enumerate(story.articles):
        for r in _article_quotes(index, article, spans.get(article.id, ()), surnames):
            r.words = normalise(article.text[r.start:r.end])
            if _keep(r, article.text):
                raws.append(r)

    # fullest version first, then story order; each quote joins the first group that holds it
    order = sorted(raws, key=lambda r: (-len(r.words), r.article_index, r.start))
    groups: list[list[_Raw]] = []
    for r in order:
        for g in groups:
            head = g[0]
            if r.words == head.words or (len(r.words) >= 6 and _contains(head.words, r.words)):
                g.append(r)
                break
        else:
            groups.append([r])

    texts = {a.id: a.text for a in story.articles}
    quotes: list[tuple[tuple, Quote]] = []
    for g in groups:
        head = g[0]
        support: list[Span] = []
        members = [head]
        seen_articles = {head.article_id}
        for r in g[1:]:
            if r.article_id == head.article_id:
                continue  # the same words again in the same article
            support.append(Span(r.article_id, r.start, r.end))
            members.append(r)
            seen_articles.add(r.article_id)
        speaker = next((m for m in members if m.named), None) or next((m for m in members if m.speaker), None)
        q = Quote(text=texts[head.article_id][head.start:head.end],
                  span=Span(head.article_id, head.start, head.end),
                  speaker=speaker.speaker if speaker else None,
                  speaker_span=speaker.speaker_span if speaker else None,
                  support=tuple(support))
        quotes.append(((-len(seen_articles), head.article_index, head.start), q))
    quotes.sort(key=lambda x: x[0])
    return tuple(q for _, q in quotes)
