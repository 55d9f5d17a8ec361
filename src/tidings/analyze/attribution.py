"""Who a sentence's claim comes from inside the article, and the hedges that weaken it.

"..., France's Defense Ministry said in a statement" -> "France's Defense Ministry"; "according to
the ministry" -> "the ministry"; "Opposition activists in Raqqa said they heard ..." -> "Opposition
activists in Raqqa". A sentence with no such source is the reporter's own. Hedges are the words that
report a claim without standing behind it: reportedly, allegedly, "is said to", "is believed to".
"""

from __future__ import annotations

import re

_SPEECH = r"(?:said|says|say|told|reported|reports|announced|confirmed|claimed|stated|added|warned|noted|insisted)"
_AGENT = r"((?:[A-Z][\w’'.-]*|the|a|an|an? senior|its|his|her|their|[a-z]+(?:’s|'s)?)(?:[ \-](?:[A-Z][\w’'.-]*|of|for|the|and|in|de|al|[a-z]{2,}(?:’s|'s)?)){0,7})"
_ABBR = r"\b(?:Col|Gen|Dr|Mr|Mrs|Ms|Lt|Sgt|Capt|Sen|Gov|Rep|Adm|Maj|Prof|St|Insp|Supt)\."
_ACCORDING = re.compile(r"\baccording to\s+(?:a\s+|an\s+|the\s+)?((?:" + _ABBR + r"|[^,.;:“\"]){3,70}?)"
                        r"(?=[,.;:“\"]|$|\s+(?:on|in|which|who)\b)", re.I)
_AFTER_QUOTE = re.compile(r"(?:,[”\"’]|[”\"’],?)\s+" + _SPEECH + r"\s+([A-Z][^,.;:“\"]{2,60}?|the [^,.;:“\"]{3,60}?)(?=[,.;:“\"]|$)")
_ROLE_NOUNS = (r"(?:officials?|ministry|minister|spokes(?:man|woman|person)|police|government|company|army|military|"
               r"activists?|group|agency|authorities|investigators|prosecutors?|statement|sources?|coastguard|"
               r"operator|union|council|court|board|residents?|witnesses|doctors|hospital|experts?|analysts?|"
               r"observatory|monitor|officers?|commander|firm|campaigners|lawyers?|judge|paper|newspaper|"
               r"broadcaster|website|office|department|diplomats?|intelligence)")
# the agent right before the verb: a run of capitalised words ("France's Defense Ministry", "Rami
# Abdel Rahman") or a determiner and a role noun ("the ministry", "a senior French security official")
_BEFORE_VERB = re.compile(
    r"((?:[A-Z][\w’'.-]*(?:’s|'s)?\s+(?:(?:of|for|the|and|de|al)\s+)?){0,5}(?:[A-Z][\w’'.-]*|" + _ROLE_NOUNS + r")"
    r"(?:\s+(?:in|of|at|for|from)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?"
    r"|(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w’'-]*(?:’s|'s))\s+(?:[\w’'-]+\s+){0,4}?" + _ROLE_NOUNS + r")"
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+)?" + _SPEECH + r"\b")
# "Daniel Okafor, chief executive of Northsound Ferries, said ..."
_APPOSITIVE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),\s+[^,;:“\"]{3,90},\s+(?:has\s+|had\s+)?"
                         + _SPEECH + r"\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s*$", re.I)
_REPORT = re.compile(r"\b([A-Z][\w&.’' -]{1,40}?)\s+(?:reports|reported|notes|noted)\b")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"})
_LEADING = re.compile(r"^(?:and|but|while|as|which|who|that|also|however|meanwhile|on \w+|in \w+)\s+", re.I)

HEDGES = ("reportedly", "allegedly", "is said to", "are said to", "was said to", "were said to", "is believed to",
          "are believed to", "was believed to", "were believed to", "believed to be", "is thought to",
          "are thought to", "it is thought", "it is believed", "appears to", "appeared to", "apparently",
          "purportedly", "unconfirmed", "could not be independently verified", "could not immediately confirm",
          "suspected", "claimed", "is understood to", "it is understood", "may have", "possibly", "according to reports",
          "in reports", "rumoured", "rumored")
_HEDGE = re.compile(r"\b(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\b", re.I)


def _clean(agent: str) -> str | None:
    agent = _LEADING.sub("", agent.strip(" ,;:"))
    # "The airstrikes came as The New York Times": the agent is after the last conjunction
    agent = re.split(r"\b(?:as|that|when|while|after|because|and|but)\s+(?=\S)", agent)[-1].strip()
    agent = re.sub(r"\s+(?:has|had|have|also|later|earlier|previously)$", "", agent)
    words = agent.split()
    if not words or words[0].lower() in _PRONOUNS or len(words) > 9:
        return None
    return agent


def source_of(sentence: str) -> str | None:
    """Who the sentence says its claim comes from, as written, or None (the reporter's own)."""
    m = _ACCORDING.search(sentence)
    if m:
        who = _clean(m.group(1))
        if who:
            return who
    m = _AFTER_QUOTE.search(sentence)
    if m:
        who = _clean(m.group(1))
        if who:
            return who
    m = _APPOSITIVE.search(sentence)
    if m and not _PASSIVE.search(sentence[:m.start(1)]):
        who = _clean(m.group(1))
        if who:
            return who
    for m in _BEFORE_VERB.finditer(sentence):
        if _PASSIVE.search(sentence[:m.start(1)]):
            continue  # "was said to be": a hedge, not a speaker
        who = _clean(m.group(1))
        if who and not who.split()[0].lower() in ("it", "this", "that", "there"):
            return who
    m = _REPORT.search(sentence)
    if m:
        return _clean(m.group(1))
    return None


def hedges(sentence: str) -> tuple[str, ...]:
    """The hedges in a sentence, lower-cased, in order, each once."""
    out: list[str] = []
    for m in _HEDGE.finditer(sentence):
        h = m.group(1).lower()
        if h not in out:
            out.append(h)
    return tuple(out)
