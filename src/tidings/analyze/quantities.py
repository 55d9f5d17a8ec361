"""Numbers in sentences and what they count: '12 planes', 'at least 30 bombs', 'seven dead attackers'.

A quantity is a number (digits or words) with its hedge before it ("at least", "about", "more than")
and the noun phrase after it, read up to its head noun. What it counts is normalised so that
outlets' words for one thing meet: planes, aircraft, jets and warplanes count aircraft; attackers,
assailants, gunmen and suicide bombers count attackers; "129 people killed" and "killing 129 people"
count people killed. Years, ages ("Nick Alexander, 36,"), times, dates, ordinals, model numbers
("Mirage 2000") and partitives ("five of the seven") are not quantities of their own.
"""

from __future__ import annotations

import re

from ..records import Quantity, Sentence, Span

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
    "a hundred": 100, "hundred": 100, "a thousand": 1000,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}
_WORD_NUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|"
             r"seven|eight|nine))?|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
             r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens? of|a hundred|a thousand)")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
HEDGES = ("at least", "more than", "over", "about", "around", "nearly", "almost", "up to", "as many as",
          "some", "roughly", "approximately", "fewer than", "less than", "at most", "an estimated", "close to",
          "upwards of", "just over", "just under")
_HEDGE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,$£€-])(?:(?P<hedge>{_HEDGE})\s+)?(?P<num>{_DIGITS}(?:\s+(?:million|billion))?|{_WORD_NUM}"
    rf"(?:\s+(?:hundred|thousand|million|billion))?)(?![\w%-]|\.\d|,\d)", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# words that end a counted noun phrase before its head has been reached
_STOP = frozenset("""a an the of in on at to for from by with and or but as than that which who whom whose
was were is are be been being has have had will would could should may might can do does did not no
this these those its their his her our your my it they he she we you there here when where while after before
during since until into onto over under between among per each every all some any more most other others
such same so very too also just only even still yet then now today tonight yesterday overnight ago later
east west north south away underground abroad aboard remain remains remained stay stayed took take went came died left
earlier early late said says told according including included include includes among them of whom
""".split())
# restricting words before the head: "seven dead attackers" is not "eight attackers"
RESTRICTING = frozenset("""dead killed suicide surviving identified confirmed injured wounded missing arrested
detained remaining other more further additional new known suspected alleged british french american foreign
""".split())
_NOT_UNITS = frozenset("""percent per cent year years month months week weeks day days hour hours minute minutes
second seconds am pm a.m p.m o'clock times time brother brothers sister sisters son sons daughter daughters
sibling siblings""".split())

# outlets' words for one counted thing (head noun, singular) -> the thing
_CLASSES = {
    "aircraft": "aircraft", "plane": "aircraft", "warplane": "aircraft", "jet": "aircraft", "fighter": "aircraft",
    "bomber": "aircraft", "airplane": "aircraft", "helicopter": "aircraft", "drone": "aircraft",
    "bomb": "bomb", "munition": "bomb", "missile": "bomb", "shell": "bomb",
    "explosion": "explosion", "blast": "explosion",
    "attacker": "attacker", "assailant": "attacker", "gunman": "attacker", "gunmen": "attacker",
    "terrorist": "attacker", "shooter": "attacker", "jihadist": "attacker", "militant": "attacker",
    "strike": "strike", "airstrike": "strike", "raid": "strike", "sortie": "strike",
    "person": "people", "people": "people", "victim": "people", "civilian": "people", "passenger": "passenger",
    "death": "people killed", "body": "people killed", "fatality": "people killed",
    "miner": "miner", "worker": "worker", "soldier": "soldier", "troop": "soldier", "officer": "officer",
    "crew": "crew", "child": "child", "children": "child", "man": "people", "men": "people", "woman": "people",
    "women": "people", "resident": "resident", "voter": "voter", "vote": "vote", "ballot": "vote",
}
# what happened to counted people, read from the words around the number
_FATE = [
    ("killed", re.compile(r"\b(?:kill|dead|died|die|death|murder|slaughter|lost their lives|fatal)", re.I)),
    ("injured", re.compile(r"\b(?:injur|wound|hurt|critical|hospital)", re.I)),
    ("under house arrest", re.compile(r"\bhouse arrest", re.I)),
    ("arrested", re.compile(r"\barrest", re.I)),
    ("detained", re.compile(r"\b(?:detain|custody)", re.I)),
    ("trapped", re.compile(r"\b(?:trapped|missing|underground)", re.I)),
    ("evacuated", re.compile(r"\b(?:evacuat|rescued|brought out)", re.I)),
]
_PEOPLE = frozenset({"people", "miner", "worker", "passenger", "crew", "child", "resident", "soldier", "civilian"})
_SUICIDE_BOMBER = re.compile(r"\bsuicide\s+bombers?\b", re.I)
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|its|their|his|her|our|those|these)\s+(?:" + _DIGITS + "|" + _WORD_NUM + r")\b",
                        re.I)
_OF_ITS = re.compile(r"^\s+of\s+(?:its|their|the|his|her|our)\s+", re.I)
_INCLUDING = re.compile(r"\b(?:including|among them|of which|of whom|includ(?:ed|es|ing))\s+(?:some\s+)?$", re.I)
_AGE = re.compile(r"[A-Z][\w’'-]+,\s*$")
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|of|from|by|until|to|before|after|around|during|early|late|mid)\s+$", re.I)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_BEFORE = re.compile(_MONTHS + r"\s+$", re.I)
_DATE_AFTER = re.compile(r"^\s+" + _MONTHS + r"(?!\w)", re.I)
_UNIT_AFTER = re.compile(r"^[-\s]*(?:year|month|week|day|hour|minute)s?[-\s]old", re.I)


def number_value(text: str) -> float | None:
    """The value of a number as written: '1,200' -> 1200, 'Twelve' -> 12, 'twenty-one' -> 21, '2.5 million'."""
    t = text.lower().strip()
    scale = 1.0
    for word, s in _SCALE.items():
        if t.endswith(" " + word):
            t, scale = t[: -len(word) - 1].strip(), s
            break
    if re.fullmatch(_DIGITS, t):
        return float(t.replace(",", "")) * scale
    if t.startswith("dozens"):
        return None  # an unspecified number
    if "-" in t:
        a, b = t.split("-", 1)
        if a in _UNITS and b in _UNITS:
            return (_UNITS[a] + _UNITS[b]) * scale
    if t in _UNITS:
        return _UNITS[t] * scale
    return None


def singular(word: str) -> str:
    w = word.lower().strip("’'")
    if w in _CLASSES or len(w) < 4:
        return w
    for suffix, repl in (("ies", "y"), ("men", "man"), ("sses", "ss"), ("ches", "ch"), ("s", "")):
        if w.endswith(suffix) and not w.endswith("ss"):
            return w[: -len(suffix)] + repl
    return w


def _noun_phrase(after: str) -> tuple[list[tuple[int, int, str]], bool]:
    """The words of the counted noun phrase at the start of ``after`` (offsets into it), and whether an
    "of its" stood before them."""
    of_its = _OF_ITS.match(after)
    pos = of_its.end() if of_its else 0
    words: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(after, pos):
        gap = after[pos:m.start()]
        if gap.strip() not in ("", "-"):  # punctuation ends the phrase
            break
        w = m.group()
        lw = w.lower()
        if lw in _STOP and not (lw == "more" and not words):
            break
        if words and lw.endswith("ed") and singular(lw) not in _CLASSES and lw not in RESTRICTING:
            break  # "116 fuel trucks used by": a participle after the head
        if w[0].isupper() and not words and lw not in _CLASSES:
            # "10 French fighter jets": a capitalised adjective may open the phrase, not end it
            nxt = _WORD.match(after, m.end() + 1)
            if not (nxt and nxt.group()[0].islower() and after[m.end():nxt.start()].strip() == ""):
                break
        words.append((m.start(), m.end(), w))
        pos = m.end()
        if len(words) == 4 or singular(lw) in _CLASSES:
            # the first word that names a counted thing is the head, unless a compound follows ("fighter jets")
            nxt = _WORD.match(after, pos + 1) if pos < len(after) and after[pos] == " " else None
            if not (nxt and singular(nxt.group()) in _CLASSES and len(words) < 4):
                break
    return words, bool(of_its)


_FATE_WORDS = {"wounded": "injured", "injured": "injured", "hurt": "injured", "killed": "killed", "dead": "killed",
               "died": "killed", "arrested": "arrested", "detained": "detained", "trapped": "trapped",
               "missing": "trapped"}


def _what(head: str, phrase: str, sentence: str, start: int, end: int) -> str:
    h = singular(head)
    if _SUICIDE_BOMBER.search(phrase):
        return "attacker"
    if h in _FATE_WORDS:
        return f"people {_FATE_WORDS[h]}"
    thing = _CLASSES.get(h, h)
    if thing not in _CLASSES.values() and phrase[:1].isupper():
        # "10 Rafale and Mirage 2000 fighters": the counted thing follows the names
        later = re.match(r"[^,;.]{0,40}", sentence[end:])
        for w in _WORD.findall(later.group() if later else ""):
            if singular(w) in _CLASSES:
                return _CLASSES[singular(w)]
    if thing in _PEOPLE:
        # what happened to them: the nearest word after the number, else the nearest before it
        after, before = sentence[end:end + 50], sentence[max(0, start - 40):start]
        best: tuple[int, str] | None = None
        for fate, pattern in _FATE:  # "killing at least 129 people": the verb right before the number
            if pattern.search(before[-22:]):
                return f"{thing} {fate}"
        for fate, pattern in _FATE:
            m = pattern.search(after)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), fate)
        if best is None:
            for fate, pattern in _FATE:
                ms = list(pattern.finditer(before))
                if ms and (best is None or len(before) - ms[-1].end() < best[0]):
                    best = (len(before) - ms[-1].end(), fate)
        if best is not None:
            return f"{thing} {best[1]}"
    return thing


_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "pounds": "GBP", "pound": "GBP", "dollars": "USD",
             "dollar": "USD", "euros": "EUR", "euro": "EUR"}
_SCALES = {"m": 1e6, "million": 1e6, "mn": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}
_MONEY = re.compile(
    rf"(?<![\w.,])(?:(?P<hedge>{_HEDGE})\s+)?(?:(?P<sym>[$£€])\s?(?P<num>{_DIGITS})(?:\s?(?P<scale>million|billion|"
    rf"thousand|bn|mn|m|k)\b)?|(?P<num2>{_DIGITS})(?:\s(?P<scale2>million|billion|thousand))?\s(?P<word>pounds|"
    rf"dollars|euros)\b)", re.I)
# "the death toll ... has risen to 14": the counted thing comes before the number
_TOLL = re.compile(rf"\b(?:death\s+)?toll\b[^.;:]{{0,60}}?\b(?:to|at|of|reached|is|was)\s+(?P<num>{_DIGITS}|{_WORD_NUM})"
                   rf"(?![\w%-])", re.I)


def _money(sentence: Sentence) -> list[Quantity]:
    out = []
    for m in _MONEY.finditer(sentence.text):
        num = m.group("num") or m.group("num2")
        value = number_value(num)
        if value is None:
            continue
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        currency = _CURRENCY[(m.group("sym") or m.group("word")).lower()]
        value *= _SCALES.get(scale, 1.0)
        hedge = m.group("hedge").lower() if m.group("hedge") else None
        text = sentence.text[m.start():m.end()]
        out.append(Quantity(value=value, text=text, hedge=hedge, noun="", what=f"amount {currency}",
                            span=Span(sentence.article_id, sentence.start + m.start(), sentence.start + m.end()),
                            sentence=Span(sentence.article_id, sentence.start, sentence.end)))
    return out


def _tolls(sentence: Sentence, taken: list[Quantity]) -> list[Quantity]:
    out = []
    for m in _TOLL.finditer(sentence.text):
        value = number_value(m.group("num"))
        a, b = sentence.start + m.start("num"), sentence.start + m.end("num")
        if value is None or any(q.span.start <= a < q.span.end for q in taken):
            continue
        out.append(Quantity(value=value, text=m.group("num"), hedge=None, noun="", what="people killed",
                            span=Span(sentence.article_id, sentence.start + m.start(), b),
                            sentence=Span(sentence.article_id, sentence.start, sentence.end)))
    return out


def find(sentence: Sentence) -> list[Quantity]:
    """The quantities a sentence states, in order: counts, amounts of money, death tolls."""
    counts = _counts(sentence)
    money = _money(sentence)
    counts = [q for q in counts if not any(m.span.start <= q.span.start < m.span.end for m in money)]
    found = counts + money
    found += _tolls(sentence, found)
    return sorted(found, key=lambda q: q.span.start)


def _counts(sentence: Sentence) -> list[Quantity]:
    text = sentence.text
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        num = m.group("num")
        value = number_value(num)
        if value is None:
            continue
        before, after = text[:m.start()], text[m.end():]
        digits = num[0].isdigit()
        if digits and 1800 <= value <= 2100 and "," not in num:
            continue  # a year
        if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _UNIT_AFTER.match(after):
            continue
        if _AGE.search(before) and re.match(r"\s*[,)]", after) and value < 120:
            continue  # "Abdeslam Salah, 26, ..."
        if re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|%|per ?cent|:\d)", after, re.I):
            continue
        if re.search(r"(?:Article|No\.|Mirage|G|Flight|Route|Highway|Section|Chapter)\s*$", before):
            continue
        if _PARTITIVE.match(after):
            continue  # "five of the seven dead attackers": the seven is the count
        words, of_its = _noun_phrase(after)
        if not words:
            # "350 were injured", "129 killed": people, by what happened to them
            fate = re.match(r"\s+(?:(?:were|are|have been|had been|was|remain|remained|remains|still)\s+)*(killed|dead|injured|wounded|arrested|"
                            r"detained|trapped|missing|hurt|died)\b", after, re.I)
            if not fate:
                continue
            head, phrase, end = "people", after[:fate.end()].strip(), m.end() + fate.end()
            what = _what(fate.group(1), fate.group(1), text, m.start(), end)
        else:
            head = words[-1][2]
            if singular(head) in _NOT_UNITS:
                continue
            phrase = after[words[0][0]:words[-1][1]]
            end = m.end() + words[-1][1]
            what = _what(head, phrase, text, m.start(), end)
        if value <= 1 and not of_its:
            continue  # "one" is mostly a pronoun; single items are rarely disputed counts
        modifiers = tuple(w.lower() for _, _, w in words[:-1] if w.lower() in RESTRICTING)
        if re.match(r"\s+of\s+the\s", after, re.I):
            modifiers = modifiers + ("of the",)  # "Two of the terrorists killed": a part of a group
        if words and words[0][2].lower() == "more" and "more" not in modifiers:
            modifiers = ("more",) + modifiers
        if _SUICIDE_BOMBER.search(phrase) and "suicide" not in modifiers:
            modifiers = modifiers + ("suicide",)
        part_of = None
        if _INCLUDING.search(before) and out:
            prev = out[-1]
            if prev.what == what or (prev.what in ("aircraft",) and what == "aircraft"):
                part_of = prev.value
        start = sentence.start + m.start()
        out.append(Quantity(
            value=value, text=m.group(0)[: m.end("num") - m.start()], hedge=(m.group("hedge") or None) and
            m.group("hedge").lower(), noun=phrase, what=what,
            span=Span(sentence.article_id, start, sentence.start + end),
            sentence=Span(sentence.article_id, sentence.start, sentence.end),
            part_of=part_of, modifiers=modifiers))
    return out


def describe(q: Quantity) -> str:
    """The quantity as the source wrote it: 'at least 30 bombs'."""
    if q.what.startswith("amount") or q.what == "people killed" and not q.noun:
        return q.text
    return f"{q.text} {q.noun}".strip()
