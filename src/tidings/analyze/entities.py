"""Who is involved: the people, organisations and places of a story, every form of a name merged.

``find_entities(story)`` takes the raw spans of :mod:`tidings.analyze.ner` (spaCy's small model, one
line at a time) and checks them against the whole story:

1. **Clean spans.** A leading "the", a trailing possessive, titles ("President", "Col.", "Mr") and
   demonyms ("Belgian Abdelhamid Abaaoud") are cut off the name (a title is kept as evidence that the
   name is a person's, and as a candidate role). A span that glues two names with a common noun
   ("ISIS capital Raqqa") is split at the noun. Spans without a capital letter, numeric and date
   labels are dropped. Acronyms defined in the text ("Islamic State in Iraq and the Levant (ISIL)",
   "known as KNMC") and the phrases of a small built-in alias table for well-known groups add spans
   the model missed; a span inside a longer one is dropped.
2. **Merge forms** (union-find over normalised forms; precision first, so each rule is narrow):
   the same words after case, diacritics, dots, hyphens and "al-" are ignored; the same words in
   another order (Abdeslam Salah / Salah Abdeslam); the same words with letters that differ by
   transliteration (a consonant skeleton, or one edit in a word of five letters or more: Ahmed
   Almuhamed / Ahmad al-Mohammad, Raqqa / Raqqah); a person's name with or without a middle name;
   the alias table; acronyms by initials when exactly one organisation fits; an organisation's name
   cut short at the front ("Westvale" for "Westvale Water") when only one fits; and a surname used
   alone, merged into the one full-name person with that surname (left alone when two share it).
3. **Type by vote** over every mention of the merged entity: a mention on a headline-like line
   (short, no closing punctuation, or in capitals) counts a quarter, a single-word mention half; a
   title before a mention is strong person evidence, an organisation word in the name ("Ministry",
   "Council", "Company") strong organisation evidence. So "President Hollande" stays a person when
   the model calls "Hollande said" an ORG. Entities voted NORP (nationalities) are dropped.
4. **More mentions.** Every form of an entity is looked for again in every article (exact,
   case-sensitive, on word boundaries; longer forms first; never inside a span already taken), so
   ``Entity.mentions_by_source()`` counts what the model missed.
5. **Name, forms, role, id.** ``name`` is the fullest form (most words, then most frequent, then
   first seen); ``forms`` are the distinct written forms, most frequent first; ``role`` is the role
   said in a source, verbatim: a title before the name ("Interior Minister", "military spokesman")
   or an appositive after it ("director of the Syrian Observatory for Human Rights", "a 29-year-old
   French citizen"); the role said by the most sources wins, then a title over an appositive, then the
   first seen. ``id`` is "E1", "E2", ... in order of importance: most sources, then most mentions,
   then first mention in story order (note: ``records.Entity`` documents first-mention order).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..records import Entity, Mention, NamedSpan, Span, Story

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
OUTPUT_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")
PLACE_TYPES = {"GPE", "LOC", "FAC"}

# Well-known groups and places with more than one name. Case-sensitive written forms; all of one
# tuple are one entity. Kept small on purpose: generic rules handle the rest.
ALIASES: tuple[tuple[str, ...], ...] = (
    (
        "Islamic State", "Islamic State group", "Islamic State in Iraq and the Levant",
        "Islamic State in Iraq and Syria", "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria", "ISIS", "ISIL", "Isis", "Isil", "IS", "Daesh", "Daech",
        "Da'esh", "Da’esh", "IS group",
    ),
    ("United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("European Union", "EU", "E.U."),
    ("United Nations", "UN", "U.N."),
    ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "NATO", "Nato"),
    ("al-Qaeda", "al-Qaida", "al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qa'ida"),
    ("Hezbollah", "Hizbollah", "Hizbullah"),
)
# written forms searched for in the text when the group is in the story (short ones are too
# ambiguous to search for: "IS", "US", "UN")
_ALIAS_SEARCH_MIN = 4

TITLES = {
    "president", "vice", "prime", "minister", "secretary", "chancellor", "premier", "king", "queen",
    "prince", "princess", "pope", "sheikh", "emir", "governor", "mayor", "senator", "sen.", "rep.",
    "representative", "judge", "justice", "prosecutor", "attorney", "detective", "inspector",
    "sergeant", "sgt.", "constable", "officer", "superintendent", "commissioner", "chief",
    "colonel", "col.", "general", "gen.", "lieutenant", "lt.", "captain", "capt.", "major", "maj.",
    "admiral", "adm.", "commander", "cmdr.", "spokesman", "spokeswoman", "spokesperson", "director",
    "professor", "prof.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "sir", "dame",
    "lord", "lady", "councillor", "councilor", "leader", "head", "chairman", "chairwoman", "chair",
    "ambassador", "envoy", "analyst", "candidate", "rabbi", "imam", "bishop", "archbishop",
    "father", "reverend", "rev.", "ceo", "founder", "coach", "manager", "official", "editor",
    "reporter", "correspondent", "economist", "researcher", "lawyer", "solicitor", "barrister",
    "mp", "mep", "cllr", "cllr.", "deputy", "undersecretary", "marshal", "skipper", "coroner",
}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "sir", "dame"}
RANKS = {"col.", "gen.", "lt.", "sgt.", "capt.", "maj.", "adm.", "cmdr.", "dr", "dr.", "prof.", "rev."}
# lowercase words that may stand before a title in a role ("military spokesman", "former director")
ROLE_MODIFIERS = {
    "military", "former", "deputy", "acting", "interim", "senior", "top", "chief", "foreign",
    "defence", "defense", "interior", "finance", "prime", "vice", "government", "army", "police",
    "state", "district", "regional", "local", "national", "county", "city", "council", "union",
    "party", "company", "campaign", "medical", "press", "general", "assistant", "associate",
    "executive", "managing", "opposition", "then", "parliamentary", "justice", "health", "mining",
    "mines", "transport", "economy", "trade", "education", "communications", "public",
}
PERSON_ORG_WORDS = {
    "company", "co", "corp", "corporation", "inc", "ltd", "plc", "llc", "group", "ministry",
    "department", "council", "committee", "agency", "authority", "office", "service", "services",
    "university", "college", "school", "academy", "institute", "association", "society", "union",
    "party", "trust", "foundation", "bank", "board", "commission", "court", "police", "army",
    "force", "forces", "news", "press", "times", "post", "herald", "journal", "radio", "network",
    "observatory", "organisation", "organization", "federation", "league", "club", "fund",
    "securities", "capital", "biologics", "pharmaceuticals", "holdings", "partners", "ferries",
    "airlines", "trams", "railways", "parliament", "government", "coalition", "alliance",
    "brigade", "movement", "front", "economics", "research", "review", "wire", "centre", "center",
    "weekly", "bulletin", "gazette", "chronicle", "tribune", "courier", "daily", "magazine",
}
FAC_WORDS = {
    "street", "road", "avenue", "lane", "square", "hospital", "airport", "station",
    "stadium", "dam", "reservoir", "tower", "palace", "hall", "mine", "plant", "depot",
    "estate", "prison", "church", "cathedral", "mosque", "theatre", "theater", "arena",
}
DEMONYM_NOUNS = {
    "briton", "britons", "frenchman", "frenchwoman", "scot", "welshman", "dane", "swede", "finn",
    "pole", "turk", "brit", "belgian", "german", "american", "syrian", "iraqi", "french", "british",
    "canadian", "dutchman", "spaniard", "italian", "russian", "israeli", "palestinian", "egyptian",
    "moroccan", "algerian", "tunisian", "afghan", "pakistani", "indian", "chinese", "japanese",
    "frenchmen", "frenchwomen", "danes", "brits", "swedes", "finns", "poles", "turks", "scots",
    "islanders", "westerners", "europeans", "americans", "muslims", "christians", "jews",
}
# lowercase words allowed inside a name; any other lowercase word of 4+ letters between two
# capitalised parts splits a span ("ISIS capital Raqqa")
CONNECTORS = {
    "of", "for", "and", "the", "de", "la", "le", "du", "des", "da", "di", "del", "al", "el", "bin",
    "ibn", "van", "von", "der", "den", "in", "on", "upon", "is", "at", "to", "y", "e", "&", "bint",
    "abu", "ben", "st", "st.", "being", "une", "an", "un", "d'", "l'", "o'",
}
GEO_NOUNS = {"city", "town", "province", "region", "village", "district", "county", "governorate", "state"}
PARTICLES = {"le", "la", "de", "du", "van", "von", "der", "den", "da", "di", "del", "bin", "ibn", "abu", "abdel", "abd", "st"}
STOP_INITIALS = {"of", "and", "the", "for", "in", "on", "at", "to", "&", "de", "la", "du"}
SPEECH_STOP = {"said", "says", "told", "added", "say", "tells", "warned", "who", "which", "that", "where", "when", "whose"}

_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?\.?|&")
_VOWELS = set("aeiouy")


# --- normalising forms ---------------------------------------------------------------------------


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=8192)
def _tokens(form: str) -> tuple[str, ...]:
    """Normalised words of a form: folded, lower case, no dots, hyphens or "al-" articles."""
    s = _fold(form).lower()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s?$", "", s)
    s = re.sub(r"\b(?:al|el)[-‐ ](?=\w)", "", s) if re.search(r"\b(?:al|el)[-‐]", s) else s
    s = s.replace(".", "")
    s = re.sub(r"(?<=\w)[-‐'](?=\w)", "", s)
    return tuple(re.findall(r"[a-z0-9]+", s))


def _key(form: str) -> str:
    return " ".join(_tokens(form))


def _skeleton(tok: str) -> str:
    s = tok
    if len(s) > 4 and s.endswith("h") and s[-2] in _VOWELS:
        s = s[:-1]
    s = s.replace("ph", "f").replace("q", "k").replace("c", "k").replace("w", "u")
    out = s[0]
    for ch in s[1:]:
        if ch in _VOWELS:
            continue
        if out[-1] != ch:
            out += ch
    return out


def _edit1(a: str, b: str) -> bool:
    """At most one insertion, deletion or substitution between a and b."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def _variants(tok: str) -> tuple[str, ...]:
    if tok.startswith("al") and len(tok) >= 7:
        return (tok, tok[2:])
    return (tok,)


def _similar(a: str, b: str) -> bool:
    """Two normalised words that are one name written two ways."""
    if a == b:
        return True
    if any(ch.isdigit() for ch in a + b):
        return False
    for x in _variants(a):
        for y in _variants(b):
            if x == y:
                return True
            if min(len(x), len(y)) < 4 or x[0] != y[0]:
                continue
            sx, sy = _skeleton(x), _skeleton(y)
            if sx == sy and len(sx) >= 3:
                return True
            if min(len(x), len(y)) >= 5 and _edit1(x, y):
                return True
            if abs(len(x) - len(y)) == 1:  # one vowel more: Fahy / Fahey
                lo, hi = (x, y) if len(x) < len(y) else (y, x)
                if any(hi[i] in _VOWELS and hi[:i] + hi[i + 1:] == lo for i in range(1, len(hi))):
                    return True
    return False


def _multiset_match(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of ``short`` matches a different word of ``long``."""
    used = [False] * len(long)
    for t in short:
        for j, u in enumerate(long):
            if not used[j] and _similar(t, u):
                used[j] = True
                break
        else:
            return False
    return True


def _ordered_match(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` matches a subsequence of ``long`` with the same last word (a middle name dropped)."""
    if not _similar(short[-1], long[-1]):
        return False
    j = 0
    for t in short[:-1]:
        while j < len(long) - 1 and not _similar(t, long[j]):
            j += 1
        if j >= len(long) - 1:
            return False
        j += 1
    return True


def _initials(form: str, with_stop: bool) -> str:
    words = re.findall(r"[^\W\d_][\w'’-]*", _fold(form))
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0].upper() for w in words if with_stop or (w.lower() not in STOP_INITIALS and w[0].isupper()))


def _is_acronym(form: str) -> bool:
    bare = form.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


# --- candidate mentions --------------------------------------------------------------------------


@dataclass
class _Cand:
    aid: str
    start: int
    end: int
    text: str
    label: str
    weight: float = 1.0  # how far the model's label is trusted
    title: tuple[int, int] | None = None  # a title cut off the front of the span
    source: str = "ner"  # ner, alias, acronym, search
    the: bool = False  # written after "the": not a person
    place: float = 0.0  # evidence from the words around it that it is a place


@lru_cache(maxsize=4096)
def _caps(line: str) -> bool:
    return line.upper() == line


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


@lru_cache(maxsize=4096)
def _headline_like(line: str) -> bool:
    """A headline, a caption or a line in capitals: the small model's labels are least sure there."""
    s = line.strip()
    if not s:
        return False
    if len(s) < 300:
        letters = re.sub(r"[^A-Za-z]", "", s)
        if letters and sum(1 for c in letters if c.isupper()) / len(letters) > 0.6:
            return True
    return len(s.split()) <= 14 and s[-1] not in ".!?\"”’'):;,"


def _words_with_pos(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _clean(c: _Cand, text: str, norp_words: set[str], lower_words: set[str]) -> list[_Cand]:
    """Cut determiners, titles and possessives off a span; split glued spans."""
    words = _words_with_pos(text, c.start, c.end)
    if not words:
        return []
    title = None
    # leading determiners, titles and demonyms
    i = 0
    while i < len(words) - 1:
        w = words[i][2]
        wl = w.lower()
        if wl in ("the", "a", "an"):
            i += 1
            continue
        if wl in TITLES and (w[0].isupper() or wl in HONORIFICS) and words[i + 1][2][0].isupper():
            title = (words[i][0] if title is None else title[0], words[i][1])
            i += 1
            continue
        if (wl in DEMONYM_NOUNS or w in norp_words) and len(words) - i >= 3 and c.label == "PERSON":
            i += 1
            continue
        if c.label == "PERSON" and len(words) - i >= 3 and (wl in lower_words or wl + "s" in lower_words):
            i += 1  # a common word that opens a sentence: "Tenant Maureen Catchpole"
            continue
        break
    words = words[i:]
    # a trailing possessive or punctuation
    s, e = words[0][0], words[-1][1]
    tail = text[s:e]
    m = re.search(r"(?:['’]s?|[.,;:])$", tail)
    if m and not re.search(r"\b[A-Z]\.$|\b(?:[A-Z]\.){2,}$|\b(?:St|Co|Inc|Ltd|Jr|Sr)\.$", tail):
        e -= len(m.group())
    if e <= s:
        return []
    # split at a common noun that glues two capitalised parts
    pieces: list[list[tuple[int, int, str]]] = [[]]
    for (ws, we, w) in words:
        if ws >= e:
            break
        we = min(we, e)
        w = text[ws:we]
        if w[0].islower() and w.lower() not in CONNECTORS and len(w) >= 4 and pieces[-1] and any(
            x[2][0].isupper() for x in words if x[0] > ws
        ):
            pieces.append([])
            continue
        pieces[-1].append((ws, we, w))
    out = []
    for k, p in enumerate(pieces):
        # strip connectors at the edges of a piece
        while p and p[0][2][0].islower() and p[0][2].lower() not in ("al", "el"):
            p = p[1:]
        while p and p[-1][2] in CONNECTORS:
            p = p[:-1]
        # a trailing common noun of place: "Raqqa city", "Wadi Sahel province"
        while len(p) > 1 and c.label in ("GPE", "LOC") and p[-1][2] in GEO_NOUNS:
            p = p[:-1]
        if not p:
            continue
        ps, pe = p[0][0], p[-1][1]
        t = text[ps:pe]
        if not any(ch.isupper() for ch in t) or not _tokens(t):
            continue
        if len(p) == 1 and t[0].isupper() and not t.isupper():
            tl = _fold(t).lower()
            if tl in DEMONYM_NOUNS or tl in ROLE_MODIFIERS or tl in PORTFOLIOS or tl in lower_words:
                continue  # a common word, a nationality or the "Interior" of "Interior Minister"
        out.append(
            _Cand(c.aid, ps, pe, t, c.label, c.weight * (0.3 if len(pieces) > 1 else 1.0),
                  title if k == 0 and len(pieces) == 1 else None, c.source)
        )
    return out


def _extend_left(c: _Cand, text: str, blocked: set[str], lower_words: set[str]) -> _Cand:
    """A person's first name the model left out: "that Ismael [Omar Mostefai]", "[Yumiko]" after "Ota"."""
    m = re.search(r"(?:^|(?<=[\s(“\"]))([A-Z][a-z]+)\s$", text[max(0, c.start - 30):c.start])
    if not m:
        return c
    w = m.group(1)
    wl = w.lower()
    ws = c.start - len(m.group(0))
    before = text[max(0, ws - 3):ws]
    if re.search(r"['’]s\s*$", before):
        return c
    if (wl in TITLES or wl in ROLE_MODIFIERS or wl in DEMONYM_NOUNS or wl in CONNECTORS or wl in lower_words
            or wl + "s" in lower_words or _key(w) in blocked or wl in _CALENDAR):
        return c
    return _Cand(c.aid, ws, c.end, text[ws:c.end], c.label, c.weight, c.title, c.source)


_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(Mr|Mrs|Ms|Mx|Dr|Sir|Dame)\.?\s+$")

_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
PORTFOLIOS = {"home", "treasury", "energy", "interior", "foreign", "defence", "defense", "justice", "health"}


_ACRO_DEF = re.compile(r"\(([A-Z][A-Za-z]{1,5})\)")
_KNOWN_AS = re.compile(r"\b(?:known as|called|or)\s+(?:the\s+)?([A-Z]{2,6})\b")


def _definitions(aid: str, text: str) -> list[tuple[_Cand, _Cand]]:
    """Acronyms defined in the text: "Full Name (FN)", "Full Name, known as FN"."""
    out = []
    for rx in (_ACRO_DEF, _KNOWN_AS):
        for m in rx.finditer(text):
            acro = m.group(1)
            if not _is_acronym(acro):
                continue
            before = text[max(0, m.start() - 120):m.start()]
            words = list(re.finditer(r"[\w'’.&-]+", before))
            # walk back over words until the capitalised initials spell the acronym
            target = acro.replace(".", "").upper()
            for k in range(len(words) - 1, max(-1, len(words) - 13), -1):
                first = words[k].group()
                if not first[0].isupper():
                    continue
                phrase_start = m.start() - len(before) + words[k].start()
                phrase_end = m.start() - len(before) + words[-1].end()
                phrase = text[phrase_start:phrase_end].rstrip(",. ")
                phrase_end = phrase_start + len(phrase)
                if _initials(phrase, False) == target or _initials(phrase, True) == target:
                    full = _Cand(aid, phrase_start, phrase_end, phrase, "ORG", 0.5, None, "acronym")
                    short = _Cand(aid, m.start(1), m.start(1) + len(acro), acro, "ORG", 0.5, None, "acronym")
                    out.append((full, short))
                    break
    return out


# --- the story-level pass ------------------------------------------------------------------------


@dataclass
class _Form:
    key: str
    tokens: tuple[str, ...]
    cands: list[_Cand] = field(default_factory=list)

    def votes(self) -> Counter:
        v: Counter = Counter()
        for c in self.cands:
            v[_vote_label(c)] += c.weight
        return v


_PLACE_STRONG = re.compile(
    r"\b(?:town|village|city|country|province|region|capital|ward|district|county|suburb|island|port|"
    r"people|residents|voters|streets|mayor|governor)\s+of\s+$", re.I)
_PLACE_WEAK = re.compile(r"\b(?:in|near|outside|across|around|throughout)\s+$")
_PLACE_AFTER = re.compile(r"^,\s+(?:a|the)\s+(?:\w+\s+){0,2}(?:town|village|city|country|province|region|port|ward)\b")


def _place_context(text: str, start: int, end: int) -> float:
    before = text[max(0, start - 25):start]
    if _PLACE_STRONG.search(before) or _PLACE_AFTER.match(text[end:end + 40]):
        return 3.0
    if _PLACE_WEAK.search(before) and not re.match(r"['’]s\b", text[end:end + 2]):
        return 1.0
    return 0.0


def _vote_label(c: _Cand) -> str:
    return "ORG" if c.label == "PERSON" and c.the else c.label


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _overlaps(iv: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in iv)


def find_entities(story: Story, spans: dict[str, tuple[NamedSpan, ...]] | None = None) -> tuple[Entity, ...]:
    """The people, organisations and places of ``story``, most important first (see the module doc)."""
    if spans is None:
        from .ner import named_spans

        spans = named_spans(story)
    texts = {a.id: a.text for a in story.articles}
    order = {a.id: i for i, a in enumerate(story.articles)}
    norp_words = {s.text for v in spans.values() for s in v if s.label == "NORP" and " " not in s.text}
    lower_words: set[str] = set()
    for a in story.articles:
        lower_words.update(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]", a.text))
    blocked = {_key(s.text) for v in spans.values() for s in v if s.label != "PERSON"} | {_fold(w).lower() for w in norp_words}

    # 1. candidate mentions
    alias_of: dict[str, int] = {}
    for gi, group in enumerate(ALIASES):
        for f in group:
            alias_of.setdefault(_key(f), gi)
    cands: list[_Cand] = []
    defined: list[tuple[_Cand, _Cand]] = []
    for a in story.articles:
        text = a.text
        for sp in spans.get(a.id, ()):
            label = sp.label
            if label not in KEPT_LABELS:
                # the model calls an acronym of a known group a number now and then ("ISIL")
                if _key(sp.text) in alias_of and _is_acronym(sp.text):
                    label = "ORG"
                else:
                    continue
            if text[sp.start:sp.end] != sp.text:  # pragma: no cover - spans come from ner
                continue
            line_s, line_e = _line_bounds(text, sp.start)
            w = 0.25 if _headline_like(text[line_s:line_e]) else 1.0
            for c in _clean(_Cand(a.id, sp.start, sp.end, sp.text, label, w), text, norp_words, lower_words):
                if c.label == "PERSON" and c.title is None:
                    c = _extend_left(c, text, blocked, lower_words)
                if c.title is None:
                    c.title = _title_before(text, c.start)
                if c.title is None:
                    h = _HONORIFIC_BEFORE.search(text, max(0, c.start - 6), c.start)
                    c.title = (h.start(1), h.end(1)) if h else None
                if re.search(r"(?:^|\W)the\s$", text[max(0, c.start - 5):c.start]):
                    c.the = True
                c.place = _place_context(text, c.start, c.end)
                cands.append(c)
        defined.extend(_definitions(a.id, text))
    for full, short in defined:
        cands.extend((full, short))
    present_groups = {alias_of[_key(c.text)] for c in cands if _key(c.text) in alias_of}
    for gi in sorted(present_groups):
        for f in ALIASES[gi]:
            if len(f) < _ALIAS_SEARCH_MIN:
                continue
            rx = re.compile(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])")
            for a in story.articles:
                for m in rx.finditer(a.text):
                    cands.append(_Cand(a.id, m.start(), m.end(), f, "ORG", 0.0, None, "alias"))
    # "Millford and Eastbrook": two names the story also writes apart
    known = {_key(c.text) for c in cands}
    split: list[_Cand] = []
    for c in cands:
        m = re.fullmatch(r"(.+?)(\s+(?:and|&)\s+)(.+)", c.text)
        if m and _key(m.group(1)) in known and _key(m.group(3)) in known:
            e1 = c.start + len(m.group(1))
            s2 = e1 + len(m.group(2))
            split.append(_Cand(c.aid, c.start, e1, m.group(1), c.label, c.weight * 0.3, c.title, c.source, c.the, c.place))
            split.append(_Cand(c.aid, s2, c.end, m.group(3), c.label, c.weight * 0.3, None, c.source, False, c.place))
        else:
            split.append(c)
    cands = split
    # a span inside a longer one goes; the same span twice is one
    by_art: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        by_art[c.aid].append(c)
    kept: list[_Cand] = []
    for aid, cs in by_art.items():
        cs.sort(key=lambda c: (c.start, -(c.end - c.start), c.source != "ner"))
        last_end = -1
        taken: list[_Cand] = []
        for c in cs:
            if c.start < last_end:
                # inside or overlapping the previous kept span
                prev = taken[-1]
                if c.end > prev.end and prev.source != "ner" and c.source == "ner":
                    continue
                if c.start == prev.start and c.end == prev.end and prev.label != c.label and c.source == "ner":
                    prev.label = c.label
                continue
            taken.append(c)
            last_end = c.end
        kept.extend(taken)

    # 2. forms and merges
    forms: dict[str, _Form] = {}
    for c in kept:
        k = _key(c.text)
        if not k:
            continue
        forms.setdefault(k, _Form(k, tuple(k.split()))).cands.append(c)
    keys = list(forms)
    idx = {k: i for i, k in enumerate(keys)}
    uf = _UF(len(keys))

    def ptype(k: str) -> str:
        """A first guess at the type of one form, from its own mentions."""
        f = forms[k]
        v = f.votes()
        for c in f.cands:
            if c.title:
                v["PERSON"] += 3
        words = set(f.tokens)
        if words & PERSON_ORG_WORDS:
            v["ORG"] += 2
        elif f.tokens and f.tokens[-1] in FAC_WORDS:
            v["FAC"] += 2
        if not v:
            return "ORG"
        return v.most_common(1)[0][0]

    types = {k: ptype(k) for k in keys}

    # alias table
    first_of_group: dict[int, int] = {}
    for k in keys:
        gi = alias_of.get(k)
        if gi is not None:
            if gi in first_of_group:
                uf.union(first_of_group[gi], idx[k])
            else:
                first_of_group[gi] = idx[k]
    # acronyms defined in the text
    for full, short in defined:
        kf, ks = _key(full.text), _key(short.text)
        if kf in idx and ks in idx:
            uf.union(idx[kf], idx[ks])
    # acronyms by initials, when exactly one form fits
    multi = [k for k in keys if len(forms[k].tokens) >= 2]
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k in multi:
        if types[k] == "PERSON":
            continue
        text = forms[k].cands[0].text
        for wi in (False, True):
            ini = _initials(text, wi)
            if len(ini) >= 2:
                by_initials[ini].add(k)
    for k in keys:
        text = forms[k].cands[0].text
        if len(forms[k].tokens) == 1 and _is_acronym(text) and k not in alias_of:
            fits = by_initials.get(text.replace(".", "").upper(), set())
            roots = {uf.find(idx[x]) for x in fits}
            if len(roots) == 1:
                uf.union(idx[k], roots.pop())
    # multi-word forms: same words (any order, transliterated), a concatenation, a middle name
    block: dict[str, list[str]] = defaultdict(list)
    for k in multi:
        for t in set(forms[k].tokens):
            for v in _variants(t):
                block[_skeleton(v) if len(v) >= 4 else v].append(k)
    seen_pairs: set[tuple[str, str]] = set()
    for bucket in block.values():
        if len(bucket) > 200:  # a very common word: no evidence of anything
            continue
        for i in range(len(bucket)):
            for j in range(i + 1, len(bucket)):
                a, b = bucket[i], bucket[j]
                if a == b or (a, b) in seen_pairs:
                    continue
                seen_pairs.add((a, b))
                ta, tb = forms[a].tokens, forms[b].tokens
                if len(ta) > len(tb):
                    ta, tb, a2, b2 = tb, ta, b, a
                else:
                    a2, b2 = a, b
                same = False
                if len(ta) == len(tb):
                    same = _multiset_match(ta, tb)
                    if same and types[a] != types[b] and {types[a], types[b]} & {"PERSON"}:
                        # the same words in another order are one person only when one reads as a person
                        same = True
                elif types[a2] == "PERSON" and types[b2] == "PERSON":
                    same = _ordered_match(ta, tb)
                elif types[a2] == "ORG" and types[b2] == "ORG" and tb[: len(ta)] == ta and len(ta) >= 2:
                    same = True  # "Civic Renewal" / "Civic Renewal Party": checked for ambiguity below
                    if sum(1 for k in multi if k != a2 and forms[k].tokens[: len(ta)] == ta) > 1:
                        same = False
                if not same and len(ta) >= 2 and len(ta) < len(tb) and types[a2] == "ORG" and types[b2] == "ORG" \
                        and tb[-len(ta):] == ta and ta[-1] in PERSON_ORG_WORDS:
                    # "Medicines Agency" / "National Medicines Agency", when only one name ends so
                    same = sum(1 for k in multi if k != a2 and forms[k].tokens[-len(ta):] == ta) == 1
                if same:
                    uf.union(idx[a], idx[b])
    concat: dict[str, str] = {}
    for k in keys:
        c = "".join(forms[k].tokens)
        if len(c) >= 6:
            if c in concat:
                uf.union(idx[k], idx[concat[c]])
            else:
                concat[c] = k

    # single words: a surname, a short organisation name, a place spelt two ways
    def cluster_type(root: int) -> str:
        v: Counter = Counter()
        for k in members[root]:
            f = forms[k]
            for c in f.cands:
                v[_vote_label(c)] += c.weight * (1.0 if len(f.tokens) >= 2 else 0.5)
                if c.title:
                    v["PERSON"] += 3
                if c.place:
                    v["GPE"] += c.place
            if set(f.tokens) & PERSON_ORG_WORDS:
                v["ORG"] += 2 * len(f.cands)
            elif f.tokens and f.tokens[-1] in FAC_WORDS:
                v["FAC"] += 2 * len(f.cands)
        return v.most_common(1)[0][0] if v else "ORG"

    members: dict[int, list[str]] = defaultdict(list)
    for k in keys:
        members[uf.find(idx[k])].append(k)
    ctype = {r: cluster_type(r) for r in members}
    surnames: dict[str, set[int]] = defaultdict(set)
    org_prefix: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for r, ks in members.items():
        for k in ks:
            toks = forms[k].tokens
            if len(toks) >= 2 and ctype[r] == "PERSON" and not _is_acronym(forms[k].cands[0].text):
                surnames[toks[-1]].add(r)
                if len(toks) >= 3 and toks[-2] in PARTICLES:
                    surnames[" ".join(toks[-2:])].add(r)
            if len(toks) >= 2 and ctype[r] == "ORG":
                org_prefix[toks[:1]].add(r)
    singles = [
        k for k in keys
        if (len(forms[k].tokens) == 1 or (len(forms[k].tokens) == 2 and forms[k].tokens[0] in PARTICLES))
        and len(members[uf.find(idx[k])]) == 1
    ]
    for k in singles:
        tok = " ".join(forms[k].tokens)
        f = forms[k]
        v = f.votes()
        total = sum(v.values()) or 1.0
        place_share = sum(v[t] for t in PLACE_TYPES) / total
        if _is_acronym(f.cands[0].text) or tok.isdigit():
            continue
        target = surnames.get(tok, set())
        if not target and len(tok) >= 5 and types[k] == "PERSON":
            target = {r for s, rs in surnames.items() if _similar(s, tok) for r in rs}
        if len(target) == 1 and place_share < 0.6:
            uf.union(idx[k], target.pop())
            continue
        if len(target) > 1:
            continue
        pref = org_prefix.get((tok,), set())
        if len(pref) == 1 and v.get("ORG", 0) / total >= 0.6 and place_share == 0 and not surnames.get(tok):
            # the only organisation whose name starts with this word, and the word reads as an org
            uf.union(idx[k], pref.pop())
    # places spelt two ways (Raqqa / Raqqah)
    place_singles = [k for k in keys if len(forms[k].tokens) == 1 and types[k] in ("GPE", "LOC")]
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in place_singles:
        by_first[k[0]].append(k)
    for ks in by_first.values():
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                a, b = ks[i], ks[j]
                if len(a) >= 5 and len(b) >= 5 and _similar(a, b):
                    uf.union(idx[a], idx[b])

    # 3. clusters, types
    members = defaultdict(list)
    for k in keys:
        members[uf.find(idx[k])].append(k)
    clusters = []
    for r, ks in members.items():
        t = cluster_type(r)
        if t not in OUTPUT_TYPES:
            continue
        cl = [c for k in ks for c in forms[k].cands]
        clusters.append((t, ks, cl))

    # 4. more mentions: every form searched for again, longer forms first
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for t, ks, cl in clusters:
        for c in cl:
            taken[c.aid].append((c.start, c.end))
    for aid, v in spans.items():
        for sp in v:
            taken[aid].append((sp.start, sp.end))
    for aid in taken:
        taken[aid].sort()
    written: list[tuple[str, int]] = []  # (form as written, cluster index)
    caps_only: set[str] = set()  # written in capitals: looked for only in lines in capitals
    surname_owner: dict[str, set[int]] = defaultdict(set)
    for ci, (t, ks, cl) in enumerate(clusters):
        ws = {c.text for c in cl}
        for w in ws:
            if len(w) >= 3 and not (len(w) <= 3 and _is_acronym(w) and _key(w) in alias_of):
                written.append((w, ci))
                if len(w) >= 4 and not w.isupper():
                    written.append((w.upper(), ci))
                    caps_only.add(w.upper())
            if t == "PERSON" and len(_tokens(w)) >= 2:
                last = re.findall(r"[\w'’-]+", w)[-1]
                if len(last) >= 3 and last[0].isupper() and last.lower() not in lower_words:
                    surname_owner[last].add(ci)
    known_written = {w for w, _ in written}
    for last, owners_ in surname_owner.items():
        if len(owners_) == 1 and last not in known_written:
            written.append((last, next(iter(owners_))))
    # a written form shared by two clusters is ambiguous: searched for by none
    owners: dict[str, set[int]] = defaultdict(set)
    for w, ci in written:
        owners[w].add(ci)
    by_first_word: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for w, ci in written:
        if len(owners[w]) == 1:
            m = re.match(r"\w+", w)
            if m:
                by_first_word[m.group()].append((w, ci))
    for lst in by_first_word.values():
        lst.sort(key=lambda x: -len(x[0]))
    extra: dict[int, list[_Cand]] = defaultdict(list)
    for a in story.articles:
        text = a.text
        iv = taken[a.id]
        starts = [s for s, _ in iv]
        new_iv: list[tuple[int, int]] = []
        for m in re.finditer(r"(?<![\w-])\w+", text):
            lst = by_first_word.get(m.group())
            if not lst:
                continue
            pos = m.start()
            for w, ci in lst:
                end = pos + len(w)
                if not text.startswith(w, pos) or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                    continue
                lo = bisect.bisect_left(starts, end)
                if any(s < end and pos < e for s, e in iv[max(0, lo - 8):lo]) or _overlaps(new_iv, pos, end):
                    break
                ls, le = _line_bounds(text, pos)
                line_caps = _caps(text[ls:le])
                if w in caps_only and not (line_caps or pos == ls):
                    continue  # "CARROWMORE" in a headline in capitals or a dateline
                if w.isupper() and w not in caps_only and line_caps:
                    break  # an acronym-like word in a line in capitals
                extra[ci].append(_Cand(a.id, pos, end, w, clusters[ci][0], 0.0, None, "search"))
                new_iv.append((pos, end))
                break

    # 5. records
    built = []
    for ci, (t, ks, cl) in enumerate(clusters):
        allc = sorted(cl + extra.get(ci, []), key=lambda c: (order[c.aid], c.start))
        mentions = tuple(Mention(c.text, Span(c.aid, c.start, c.end)) for c in allc)
        counts = Counter(c.text for c in allc)
        first_seen = {}
        for i, c in enumerate(allc):
            first_seen.setdefault(c.text, i)
        forms_out = tuple(sorted(counts, key=lambda w: (-counts[w], first_seen[w])))
        name = min(counts, key=lambda w: (-len(_tokens(w)), -counts[w], first_seen[w]))
        role, role_span = _role(allc, texts, t, spans)
        sources = {c.aid for c in allc}
        built.append((len(sources), len(allc), (order[allc[0].aid], allc[0].start), t, name, forms_out, mentions, role, role_span))
    built.sort(key=lambda b: (-b[0], -b[1], b[2]))
    return tuple(
        Entity(f"E{i}", name, t, forms_out, mentions, role, role_span)
        for i, (_, _, _, t, name, forms_out, mentions, role, role_span) in enumerate(built, 1)
    )


# --- roles ---------------------------------------------------------------------------------------

_BACK_WORD = re.compile(r"([\w.’'-]+)\s+$")
_APPOS = re.compile(r",\s+((?:a|an|the)\s+[^,.;:()\"“”\n]{3,120}?|[a-z][\w-]*\s+(?:of|for|at|to)\s+[^,.;:()\"“”\n]{3,100}?)(?=[,.;:()\"“”\n]|$)")


def _title_before(text: str, start: int) -> tuple[int, int] | None:
    """The run of title words right before a name: "Interior Minister", "military spokesman Col."."""
    pos = start
    words: list[tuple[int, int, str]] = []
    while True:
        m = _BACK_WORD.search(text, max(0, pos - 40), pos)
        if not m or "\n" in text[m.start():pos]:
            break
        w = m.group(1)
        if (w.endswith(".") and w.lower() not in TITLES) or re.search(r"['’]s?$", w):
            break  # the end of a sentence, or a possessive ("France’s President")
        words.append((m.start(1), m.end(1), w))
        pos = m.start(1)
        if len(words) >= 6:
            break
    run: list[tuple[int, int, str]] = []
    seen_title = False
    for s, e, w in words:  # walking backwards from the name
        wl = w.lower()
        if wl in TITLES and (w[0].isupper() or wl in ("spokesman", "spokeswoman", "spokesperson", "director",
                                                     "leader", "head", "chief", "analyst", "candidate",
                                                     "official", "minister", "president", "secretary",
                                                     "manager", "chairman", "economist", "researcher",
                                                     "lawyer", "prosecutor", "judge", "governor", "mayor")):
            run.append((s, e, w))
            seen_title = True
            continue
        if seen_title and (wl in ROLE_MODIFIERS or (w[0].isupper() and wl not in {"the", "a", "an", "and", "but", "on", "in", "as", "at", "by", "with", "from", "to", "said", "says"}
                                                     and not re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$", w))):
            if len(run) >= 5:
                break
            run.append((s, e, w))
            continue
        break
    if not seen_title:
        return None
    # the run may not begin with a modifier that is not followed by a title; trim trailing honorifics
    run.reverse()  # text order
    while run and run[0][2].lower() not in TITLES and run[0][2].lower() not in ROLE_MODIFIERS and not run[0][2][0].isupper():
        run = run[1:]
    while len(run) > 1 and run[-1][2].lower() in (HONORIFICS | RANKS):
        run = run[:-1]
    if not run or all(w.lower() in HONORIFICS or w.lower() in RANKS for _, _, w in run):
        return None
    s, e = run[0][0], run[-1][1]
    if text[s:e].endswith("’s") or text[s:e].endswith("'s"):
        return None
    return s, e


def _role(cands: list[_Cand], texts: dict[str, str], etype: str, spans) -> tuple[str | None, Span | None]:
    if etype != "PERSON":
        return None, None
    found: dict[str, list] = {}  # normalised role -> [sources, kind, first (aid, start, end), order]
    n = 0
    for c in cands:
        text = texts[c.aid]
        got = []
        t = _title_before(text, c.start)
        if t:
            got.append((t, 0))
        m = _APPOS.match(text, c.end)
        if m:
            phrase = m.group(1).strip()
            ps = m.start(1)
            low = phrase.lower()
            body = re.sub(r"^(?:a|an|the)\s+", "", phrase)
            named = any(sp.start <= ps + (len(phrase) - len(body)) < sp.end and sp.label in ("PERSON", "GPE", "ORG", "LOC", "FAC")
                        for sp in spans.get(c.aid, ()))
            first = low.split()[0]
            if first not in ("a", "an", "the") and first not in TITLES and first not in ROLE_MODIFIERS:
                named = True  # "agreed to the request": a verb, not a role
            if body and not named and not (set(low.split()) & SPEECH_STOP) and len(phrase.split()) <= 14:
                got.append(((ps, ps + len(phrase)), 1))
        for (s, e), kind in got:
            r = text[s:e]
            key = " ".join(_fold(r).lower().split())
            if key not in found:
                found[key] = [set(), kind, (c.aid, s, e), n]
                n += 1
            found[key][0].add(c.aid)
    if not found:
        return None, None
    best = min(found.values(), key=lambda v: (-len(v[0]), v[1], v[3]))
    aid, s, e = best[2]
    return texts[aid][s:e], Span(aid, s, e)
