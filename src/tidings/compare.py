"""Compare: what the sources agree on, where they disagree, what only one reports, what they copied.

``Comparer().compare(story, timeline, entities, quotes)`` returns a ``Comparison``:

1. Claims. Sentences of different articles that state the same thing are aligned (TF-IDF cosine,
   most similar pairs first, one sentence per article per claim). A claim keeps every sentence, the
   fullest one first, the sources that are silent, who each source attributes it to and its hedges.
   Claims of two sources or more are the story's agreed facts; a sentence no other article states,
   and that carries a name or a number, is a single-source fact.
2. Wire copy. Sentences that two articles carry nearly word for word (shared five-word shingles)
   are one text copied from a wire story; consecutive copied sentences make one passage, credited to
   the agency the articles name. A claim's independent sources count such copies once.
3. Discrepancies. Numbers: quantities that count the same thing (``analyze.quantities``) in
   similar sentences, with different values. Each value is a Reading with its sources and spans, and
   each reading that differs from the main one is explained when the text shows why it differs
   without conflicting (a part of a whole, a second raid, a later toll, a restricted count such as
   "dead attackers", hedged values that admit each other); the rest are conflicts. Names: one
   entity written in different ways by different sources (spelling, order). Dates: events the
   timeline dates differently by source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace

import numpy as np

from .analyze import attribution
from .analyze import quantities as qty
from .records import (REPORTER, Claim, Comparison, Discrepancy, Entity, Quantity, Quote, Reading, Span, Story,
                      SummarySentence, Timeline, WirePassage)
from .summarize.features import StoryText

_SHINGLE = 5
_WIRE_NAMES = re.compile(r"\b(Associated Press|AP|Agence France-Presse|AFP|Reuters|dpa|Press Association|PA|"
                         r"Harbour Press|Trans-Continental Press)\b")
_LATER = re.compile(r"\b(?:ris(?:en|e|es)|rose|climb(?:ed|s)?|increas(?:ed|es)|jump(?:ed|s)?|now stands|"
                    r"has reached|updated|revised)\b", re.I)
_OTHER_EVENT = re.compile(r"\b(?:second|third|another|new|latest|further|subsequent|next|earlier|previous|"
                          r"first)\s+(?:round|night|wave|day|raid|strike|strikes|airstrikes|series|attack|operation|"
                          r"sortie|mission|batch)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERSON_COUNTS = ("attacker", "people", "miner", "passenger", "worker", "soldier", "crew", "child", "resident")
# counts that measure something close to another: shown with it, labelled as a different measure
_RELATED = {"explosion": "bomb"}
_WORDS = re.compile(r"[^\W_]+", re.U)


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def _shingles(text: str) -> set[tuple[str, ...]]:
    t = _tokens(text)
    return {tuple(t[i:i + _SHINGLE]) for i in range(len(t) - _SHINGLE + 1)}


class Comparer:
    def __init__(self, *, claim_threshold: float = 0.4, single_threshold: float = 0.3, wire_overlap: float = 0.6,
                 context_threshold: float = 0.1, max_claims: int = 12, max_single: int = 10,
                 max_discrepancies: int = 12, shared_terms: int = 3, claim_floor: float = 0.3) -> None:
        """``claim_threshold``: the cosine at which two sentences state one claim; ``single_threshold``:
        a sentence whose best match in every other article is below it is single-source;
        ``wire_overlap``: the share of a sentence's five-word shingles another article's sentence must
        hold to count as copied; ``context_threshold``: how similar two sentences must be for their
        numbers to be about the same thing; ``shared_terms``: content words two sentences must share to
        state one claim; ``claim_floor``: the least cosine between any two sentences of one claim."""
        self.claim_threshold = claim_threshold
        self.single_threshold = single_threshold
        self.wire_overlap = wire_overlap
        self.context_threshold = context_threshold
        self.max_claims = max_claims
        self.max_single = max_single
        self.max_discrepancies = max_discrepancies
        self.shared_terms = shared_terms
        self.claim_floor = claim_floor

    # -- the stage ---------------------------------------------------------------------------------

    def compare(self, story: Story, timeline: Timeline | None = None, entities: tuple[Entity, ...] = (),
                quotes: tuple[Quote, ...] = (), st: StoryText | None = None,
                salience: np.ndarray | None = None) -> Comparison:
        return self.with_entities(self.without_entities(story, timeline, st, salience), story, timeline,
                                  entities, quotes)

    def without_entities(self, story: Story, timeline: Timeline | None = None, st: StoryText | None = None,
                         salience: np.ndarray | None = None) -> Comparison:
        """Everything that needs no named entities: claims, wire copy, number discrepancies (the first
        half, which runs while the entity model works in its worker process)."""
        st = st or StoryText.of(story)
        n = len(st.sentences)
        if salience is None or len(salience) != n:
            salience = np.zeros(n)
        copies = self._copies(st)
        groups = self._align(st)
        claims, single = self._claims(st, groups, copies, salience)
        wire = self._wire(st, copies)
        quants = tuple(q for s in st.sentences for q in qty.find(s))
        numbers = self._number_discrepancies(story, st, quants, timeline)
        return Comparison(claims, single, numbers, wire, (), (), quants)

    def with_entities(self, first: Comparison, story: Story, timeline: Timeline | None,
                      entities: tuple[Entity, ...], quotes: tuple[Quote, ...]) -> Comparison:
        """The second half: name discrepancies from the merged entities, date ones, ids, the cap."""
        discrepancies = first.discrepancies + self._name_discrepancies(entities)
        discrepancies += self._date_discrepancies(story, timeline)
        discrepancies = discrepancies[: self.max_discrepancies]
        discrepancies = tuple(replace(d, id=f"D{i}") for i, d in enumerate(discrepancies, 1))
        return replace(first, discrepancies=discrepancies, entities=tuple(entities), quotes=tuple(quotes))

    # -- claims ------------------------------------------------------------------------------------

    def _align(self, st: StoryText) -> list[list[int]]:
        """Groups of sentences, at most one per article, that state the same thing."""
        n = len(st.sentences)
        sim = st.sim
        doc = st.doc
        ok = np.array([st.words[i] >= 6 for i in range(n)])
        mask = (sim >= self.claim_threshold) & (doc[:, None] != doc[None, :]) & ok[:, None] & ok[None, :]
        ii, jj = np.nonzero(np.triu(mask, 1))
        order = np.argsort(-sim[ii, jj], kind="stable")
        parent = list(range(n))
        members: dict[int, set[int]] = {i: {int(doc[i])} for i in range(n)}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        term_sets = [set(t) for t in st.terms]
        group: dict[int, list[int]] = {i: [i] for i in range(n)}
        for k in order:
            i, j = int(ii[k]), int(jj[k])
            if len(term_sets[i] & term_sets[j]) < self.shared_terms:
                continue  # two short sentences that share a word or two are not one fact
            a, b = find(i), find(j)
            if a == b or members[a] & members[b]:
                continue
            # every sentence of the merged claim must be close to every other, not just to a neighbour
            if min(float(sim[x, y]) for x in group[a] for y in group[b]) < self.claim_floor:
                continue
            parent[b] = a
            members[a] |= members.pop(b)
            group[a] += group.pop(b)
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            out[find(i)].append(i)
        return list(out.values())

    def _claims(self, st: StoryText, groups: list[list[int]], copies: dict[tuple[int, int], float],
                salience: np.ndarray) -> tuple[tuple[Claim, ...], tuple[Claim, ...]]:
        n_docs = st.n_docs
        ids = [a.id for a in st.story.articles]
        multi, single = [], []
        best_other = st.doc_max_sim.max(axis=1) if n_docs > 1 else np.zeros(len(st.sentences))
        for g in groups:
            g = sorted(g, key=lambda i: (-len(st.terms[i]), i))
            head = g[0]
            if len(g) == 1:
                if (best_other[head] >= self.single_threshold or not self._informative(st, head)
                        or not st.standalone(head)):
                    continue
            else:
                # the fullest sentence that reads on its own opens the claim
                readable = [i for i in g if st.standalone(i)]
                if not readable:
                    continue
                head = readable[0]
                g = [head] + [i for i in g if i != head]
            sents = [st.sentences[i] for i in g]
            docs = {int(st.doc[i]) for i in g}
            # who each source attributes the claim to; a sentence that names no one is the reporter's own
            who = tuple((s.article_id, attribution.source_of(s.text) or REPORTER) for s in sents)
            hedges = tuple((s.article_id, h) for s in sents for h in attribution.hedges(s.text))
            claim = Claim(
                id="", text=sents[0].text, span=Span(sents[0].article_id, sents[0].start, sents[0].end),
                support=tuple(Span(s.article_id, s.start, s.end) for s in sents[1:]),
                silent=tuple(ids[d] for d in range(n_docs) if d not in docs),
                attribution=who, hedges=hedges, independent=self._independent(g, copies, st))
            score = float(max(salience[i] for i in g))
            (multi if len(g) > 1 else single).append((claim, score, len(g)))
        multi.sort(key=lambda c: (-c[2], -c[1]))
        single.sort(key=lambda c: -c[1])
        claims = [replace(c, id=f"C{i}") for i, (c, _, _) in enumerate(multi, 1)]
        singles = [replace(c, id=f"S{i}") for i, (c, _, _) in enumerate(single, 1)]
        return tuple(claims), tuple(singles)

    def _informative(self, st: StoryText, i: int) -> bool:
        text = st.sentences[i].text
        capitals = sum(1 for w in text.split()[1:] if w[:1].isupper())
        return st.words[i] >= 8 and (capitals >= 1 or any(ch.isdigit() for ch in text))

    @staticmethod
    def _independent(g: list[int], copies: dict[tuple[int, int], float], st: StoryText) -> int:
        parent = {i: i for i in g}

        def find(x: int) -> int:
            while parent[x] != x:
                x = parent[x]
            return x

        for a in g:
            for b in g:
                if a < b and (a, b) in copies:
                    parent[find(b)] = find(a)
        return len({find(i) for i in g})

    # -- wire copy ---------------------------------------------------------------------------------

    def _copies(self, st: StoryText) -> dict[tuple[int, int], float]:
        """(i, j) with i < j in different articles -> the share of the shorter sentence's shingles both hold."""
        shingles = [_shingles(s.text) for s in st.sentences]
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, sh in enumerate(shingles):
            for x in sh:
                index[x].append(i)
        shared: Counter = Counter()
        for x, holders in index.items():
            if 1 < len(holders) <= 12:
                for a in range(len(holders)):
                    for b in range(a + 1, len(holders)):
                        i, j = holders[a], holders[b]
                        if st.doc[i] != st.doc[j]:
                            shared[(i, j)] += 1
        out = {}
        for (i, j), c in shared.items():
            smaller = min(len(shingles[i]), len(shingles[j]))
            if smaller >= 6 and c / smaller >= self.wire_overlap:
                out[(i, j)] = c / smaller
        return out

    def _wire(self, st: StoryText, copies: dict[tuple[int, int], float]) -> tuple[WirePassage, ...]:
        by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for i, j in copies:
            by_pair[(int(st.doc[i]), int(st.doc[j]))].append((i, j))
        passages: list[WirePassage] = []
        arts = st.story.articles
        for (da, db), pairs in sorted(by_pair.items()):
            pairs.sort()
            runs: list[list[tuple[int, int]]] = []
            for i, j in pairs:
                if runs and i - runs[-1][-1][0] <= 2 and abs(j - runs[-1][-1][1]) <= 2:
                    runs[-1].append((i, j))
                else:
                    runs.append([(i, j)])
            for run in runs:
                a0, a1 = st.sentences[run[0][0]], st.sentences[run[-1][0]]
                js = sorted(j for _, j in run)
                b0, b1 = st.sentences[js[0]], st.sentences[js[-1]]
                spans = (Span(a0.article_id, a0.start, a1.end), Span(b0.article_id, b0.start, b1.end))
                text = arts[da].text[a0.start:a1.end]
                passages.append(WirePassage(spans, text, self._credit(arts[da], arts[db], text,
                                                                      arts[db].text[b0.start:b1.end])))
        return tuple(passages)

    @staticmethod
    def _credit(a, b, text_a: str, text_b: str) -> str | None:
        for source in (text_a + " " + text_b, " ".join(a.credits + b.credits), a.text + " " + b.text):
            names = [m.group(1) for m in _WIRE_NAMES.finditer(source)]
            if names:
                return Counter(names).most_common(1)[0][0]
        return None

    # -- numbers -----------------------------------------------------------------------------------

    def _number_discrepancies(self, story: Story, st: StoryText, quants: tuple[Quantity, ...],
                              timeline: Timeline | None) -> tuple[Discrepancy, ...]:
        index = {(s.article_id, s.start): i for i, s in enumerate(st.sentences)}
        published = {a.id: (a.published or "")[:10] for a in story.articles}
        if timeline is not None:
            for an in timeline.anchors:
                if not published.get(an.article_id) and an.day is not None:
                    published[an.article_id] = an.day.isoformat()
        by_key: dict[str, list[Quantity]] = defaultdict(list)
        for q in quants:
            if "of the" in q.modifiers or q.what == "people":
                continue  # a part of a group; or "people" with nothing said of them (workers, residents...)  # "two of the terrorists": a part of a group, not a count of it
            by_key["amount" if q.what.startswith("amount ") else _RELATED.get(q.what, q.what)].append(q)
        # "the death toll has risen to 14" counts the same dead as "nine miners were killed"
        killed = [k for k in by_key if k.endswith(" killed") and k != "people killed"]
        if "people killed" in by_key and killed:
            main = max(killed, key=lambda k: len(by_key[k]))
            tolls = [q for q in by_key["people killed"] if not q.noun]
            by_key[main] += [replace(q, what=main) for q in tolls]
            by_key["people killed"] = [q for q in by_key["people killed"] if q.noun]
        out: list[tuple[Discrepancy, int]] = []
        for key, qs in by_key.items():
            core = key.split()[0] in _PERSON_COUNTS
            if core:
                # a smaller count of people in an article that gives a larger one is mostly a subset
                # ("two attackers are believed to have been refugees", "three attackers identified")
                top: dict[str, float] = {}
                for q in qs:
                    if q.part_of is None and "more" not in q.modifiers:
                        top[q.span.article_id] = max(top.get(q.span.article_id, 0), q.value)
                qs = [q for q in qs if q.value >= top.get(q.span.article_id, 0) or "more" in q.modifiers
                      or _LATER.search(self._sentence_text(st, index, q))]
            if len({q.span.article_id for q in qs}) < 2 or len({q.value for q in qs}) < 2:
                continue
            # totals of attackers, dead and injured are about the story's own event, however worded
            same_event = key == "attacker" or key.endswith((" killed", " injured"))
            for comp in self._context_groups(st, index, qs, same_event):
                d = self._explain(key, comp, st, index, published)
                if d is not None:
                    out.append(d)
        out.sort(key=lambda x: (x[0].label != "conflict", -x[1]))
        return tuple(d for d, _ in out)

    @staticmethod
    def _sentence_text(st: StoryText, index: dict, q: Quantity) -> str:
        return st.sentences[index[(q.sentence.article_id, q.sentence.start)]].text

    def _context_groups(self, st: StoryText, index: dict, qs: list[Quantity],
                        same_event: bool = False) -> list[list[Quantity]]:
        """Quantities of one kind whose sentences are about the same thing (linked by similarity)."""
        n = len(qs)
        rows = [index[(q.sentence.article_id, q.sentence.start)] for q in qs]
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                x = parent[x]
            return x

        for a in range(n):
            for b in range(a + 1, n):
                same_sentence = rows[a] == rows[b]
                if same_sentence or same_event or st.sim[rows[a], rows[b]] >= self.context_threshold:
                    parent[find(b)] = find(a)
        comps: dict[int, list[Quantity]] = defaultdict(list)
        for k in range(n):
            comps[find(k)].append(qs[k])
        return [c for c in comps.values()
                if len({q.span.article_id for q in c}) >= 2 and len({q.value for q in c}) >= 2]

    def _explain(self, key: str, comp: list[Quantity], st: StoryText, index: dict,
                 published: dict[str, str]) -> tuple[Discrepancy, int] | None:
        texts = {a.id: a.text for a in st.story.articles}
        wholes = {q.part_of for q in comp if q.part_of is not None}
        # readings: one per value and restriction, with every source that gives it
        by_value: dict[tuple, list[Quantity]] = defaultdict(list)
        parts = {q.value for q in comp if q.part_of is not None}
        for q in comp:
            restricted = tuple(m for m in q.modifiers if m not in ("french", "british", "american", "foreign"))
            other = bool(_OTHER_EVENT.search(self._sentence_text(st, index, q)))
            part = q.part_of is not None or (q.value in parts and not other)
            by_value[(q.value, q.hedge, restricted, part, q.what, other)].append(q)
        # the main reading: most sources, then the exact one, then the first said
        def weight(item):
            (value, hedge, restricted, part, what, other), qs = item
            return (not other, not part, what == key, len({q.span.article_id for q in qs}), not restricted,
                    hedge is None)

        ordered = sorted(by_value.items(), key=weight, reverse=True)
        (main_value, main_hedge, main_restricted, _, _, _), main_qs = ordered[0]
        readings: list[Reading] = []
        notes: list[str] = []
        conflict = False
        for (value, hedge, restricted, part, what, other), qs in ordered:
            sents = [self._sentence_text(st, index, q) for q in qs]
            note = None
            if (value == main_value and (restricted, part, other, what) == (main_restricted, False, False,
                                                                            main_qs[0].what)
                    and qs is not main_qs):
                continue  # the same count, with or without a hedge that admits it ("at least 129" and "129")
            if (value, hedge, restricted) != (main_value, main_hedge, main_restricted) or part or other:
                note = self._why_different(key, value, hedge, restricted, part, what, qs, sents, main_value,
                                           main_hedge, main_restricted, main_qs, wholes, published, st, index)
                if note is None:
                    if value == main_value:
                        continue  # the same count, said with a hedge that admits it
                    conflict = True
                else:
                    notes.append(note)
            seen: set[str] = set()
            spans, sentence_spans, said = [], [], []
            for q, t in zip(qs, sents):
                if q.span.article_id in seen and len(qs) > 1:
                    continue
                seen.add(q.span.article_id)
                spans.append(q.span)
                sentence_spans.append(q.sentence)
                said.append(t)
            q0 = qs[0]
            shown = texts[q0.span.article_id][q0.span.start:q0.span.end]
            readings.append(Reading(
                value=shown, spans=tuple(spans), sentences=tuple(sentence_spans),
                reported=tuple((a, published[a]) for a in dict.fromkeys(s.article_id for s in spans) if published.get(a)),
                attribution=tuple((s.article_id, w) for s, t in zip(sentence_spans, said)
                                  if (w := attribution.source_of(t))),
                note=note))
        if len(readings) < 2:
            return None
        if not conflict and all(r.note is None or r.note.endswith("an increase, not a total") for r in readings):
            return None  # "five more bodies" beside a toll: an increment, nothing disputed
        label = "conflict" if conflict else "different things"
        if conflict:
            against = [r.value for r in readings[1:] if r.note is None]
            reason = f"{' and '.join(against)} against {readings[0].value}: different values for the same count"
            if notes:
                reason += "; the other values differ for the reasons given with them"
        else:
            reason = "; ".join(dict.fromkeys(notes))
        about = self._about(key, main_qs)
        sources = len({s.article_id for r in readings for s in r.spans})
        return Discrepancy("", "number", about, label, reason, tuple(readings)), sources

    @staticmethod
    def _about(key: str, qs: list[Quantity]) -> str:
        """What the values count, as the sources word it: 'aircraft (planes, fighter jets)', 'bombs'."""
        if key.startswith(("people", "amount")) or " " in key:
            return key
        plural = key if key.endswith(("s", "aircraft", "crew")) else key + "s"
        nouns = [n for n, _ in Counter(q.noun.lower() for q in qs if q.noun).most_common()]
        nouns = [n for n in nouns if n != plural][:3]
        return f"{plural} ({', '.join(nouns)})" if nouns else plural

    def _why_different(self, key, value, hedge, restricted, part, what, qs, sents, main_value, main_hedge,
                       main_restricted, main_qs, wholes, published, st, index) -> str | None:
        """Why this reading differs from the main one without conflicting, or None for a conflict."""
        noun = qs[0].noun
        if any(_OTHER_EVENT.search(s) for s in sents) and not any(
                _OTHER_EVENT.search(self._sentence_text(st, index, q)) for q in main_qs):
            m = next(_OTHER_EVENT.search(s) for s in sents if _OTHER_EVENT.search(s))
            return f"{qty.describe(qs[0])} is of another event (“{m.group(0)}”)"
        if part:
            whole = max(wholes) if wholes else main_value
            return f"{qty.describe(qs[0])}: part of the {whole:g} in all ({noun} among them)"
        if key == "amount" and what != main_qs[0].what:
            return (f"{qty.describe(qs[0])} is in {what.split()[-1]}, {main_value:,.0f} in "
                    f"{main_qs[0].what.split()[-1]}: the same sum converted, not a conflict")
        if what != key and key != "amount":
            return f"counts {what}s, not {key}s: a different measure"
        if "more" in restricted:
            return f"{qty.describe(qs[0])}: an increase, not a total"
        if restricted != main_restricted:
            if restricted and not main_restricted:
                return (f"{qty.describe(qs[0])} counts only the {' '.join(restricted)} ones; "
                        f"{main_value:g} counts all {key}s")
            if main_restricted and not restricted:
                return (f"{qty.describe(qs[0])} counts all {key}s; {main_value:g} counts only the "
                        f"{' '.join(main_restricted)} ones")
            return f"{qty.describe(qs[0])} counts {' '.join(restricted)} {key}s, not {' '.join(main_restricted)} ones"
        years = {y for t in sents for y in _YEAR.findall(t)}
        main_years = {y for q in main_qs for y in _YEAR.findall(self._sentence_text(st, index, q))}
        if years and not years & main_years:
            return f"{qty.describe(qs[0])} is of another time ({', '.join(sorted(years))})"
        if any(_LATER.search(s) for s in sents):
            return f"{qty.describe(qs[0])} is a later figure"
        dates = [published.get(q.span.article_id, "") for q in qs]
        main_dates = [published.get(q.span.article_id, "") for q in main_qs]
        if key.split()[-1] in ("killed", "injured") and all(dates) and all(main_dates):
            if min(dates) > max(main_dates) and value > main_value:
                return f"{qty.describe(qs[0])} is a later toll (reported {min(dates)})"
            if max(dates) < min(main_dates) and value < main_value:
                return f"{qty.describe(qs[0])} is an earlier toll (reported {max(dates)})"
        if self._compatible(value, hedge, main_value, main_hedge):
            return f"{qty.describe(qs[0])} admits {main_value:g} (a hedged figure)"
        return None

    @staticmethod
    def _compatible(a: float, ha: str | None, b: float, hb: str | None) -> bool:
        def bounds(v, h):
            if h in ("at least", "more than", "over", "upwards of", "just over"):
                return (v, float("inf"))
            if h in ("up to", "at most", "fewer than", "less than", "just under"):
                return (0.0, v)
            if h in ("as many as",):
                return (0.0, v)
            if h is not None:
                # "about 2 million" admits what rounds to 2 million at the precision it is given in
                step = 10 ** math.floor(math.log10(v)) if v > 0 else 1.0
                # "about 300" is to the hundred; "about 100" and "about 2.5 million" to the next digit down
                if not (v % step == 0 and 1 < v / step < 10) and v % (step / 10) == 0:
                    step = step / 10
                if v in (12, 24, 36):  # a dozen, two dozen
                    step = 6
                return (v - step / 2, v + step / 2)
            return (v, v)

        la, ua = bounds(a, ha)
        lb, ub = bounds(b, hb)
        return max(la, lb) <= min(ua, ub) and (ha is not None or hb is not None)

    # -- names and dates ---------------------------------------------------------------------------

    @staticmethod
    def _name_discrepancies(entities: tuple[Entity, ...]) -> tuple[Discrepancy, ...]:
        out = []
        for e in entities:
            if e.type != "PERSON" and e.type not in ("GPE", "LOC", "FAC"):
                continue
            by_form: dict[str, list] = defaultdict(list)
            for m in e.mentions:
                by_form[m.text].append(m)
            full = {f: ms for f, ms in by_form.items() if len(f.split()) >= 2 or e.type != "PERSON"}
            keyed = {_letters(f): f for f in full}
            if len(keyed) < 2:
                continue
            # only spellings that differ, not a surname alone or "the"
            forms = sorted(full, key=lambda f: -len(full[f]))
            seen_keys: set[str] = set()
            readings = []
            for f in forms:
                k = _letters(f)
                if k in seen_keys:
                    continue
                seen_keys.add(k)
                ms = full[f]
                spans = tuple(dict((m.span.article_id, m.span) for m in ms).values())
                readings.append(Reading(value=f, spans=spans, sentences=spans))
            # spellings and orders of one name, not aliases or acronyms (US / United States, ISIS / ISIL)
            first = _letters(readings[0].value) if readings else ""
            readings = [r for r in readings if _spelling_of(_letters(r.value), first)]
            if len(readings) < 2 or len({a for r in readings for a in r.article_ids}) < 2:
                continue
            kind = "name" if e.type == "PERSON" else "place"
            label, reason = _name_difference([_letters(r.value) for r in readings],
                                             "person" if kind == "name" else "place")
            if label == "conflict" and (kind == "place" or any(_TRANSLITERATED.search(r.value) for r in readings)):
                what = "person" if kind == "name" else "place"
                label, reason = "different things", f"transliterations of one name; tidings takes them for one {what}"
            out.append(Discrepancy("", kind, f"the name of {e.name}", label, reason, tuple(readings)))
        return tuple(out)

    @staticmethod
    def _date_discrepancies(story: Story, timeline: Timeline | None) -> tuple[Discrepancy, ...]:
        if timeline is None:
            return ()
        out = []
        for e in timeline.events:
            if not e.dates_by_source:
                continue
            spans = {s.article_id: s for s in (e.span,) + e.support}
            by_date: dict[str, list[Span]] = defaultdict(list)
            for aid, d in e.dates_by_source:
                if aid in spans:
                    by_date[d].append(spans[aid])
            if len(by_date) < 2:
                continue
            readings = tuple(Reading(value=d, spans=tuple(ss), sentences=tuple(ss)) for d, ss in by_date.items())
            label, reason = "conflict", "the sources date the same event differently"
            days = sorted(by_date)
            texts = {a.id: a.text for a in story.articles}
            told = " ".join(texts[sp.article_id][sp.start:sp.end] for ss in by_date.values() for sp in ss)
            try:
                from datetime import date as _date

                gap = (_date.fromisoformat(days[-1][:10]) - _date.fromisoformat(days[0][:10])).days
            except ValueError:
                gap = None
            if gap == 1 and _NIGHT.search(told):
                label = "different things"
                reason = "one night, told as the evening it began or the early hours of the next day"
            out.append(Discrepancy("", "date", f"the date of: {e.text[:80]}", label, reason, readings))
        return tuple(out)


_NIGHT = re.compile(r"\b(?:night|overnight|early hours|before dawn|midnight|small hours)\b", re.I)
_TRANSLITERATED = re.compile(r"\b(?:[Aa]l|[Ee]l)-|\bAbd(?:el|ul|al)|\bAbu\b|\bBin\b|\bIbn\b")


def _name_difference(names: list[str], what: str) -> tuple[str, str]:
    """'conflict' when the letters of a word differ (a misspelling on one side), 'different things' when
    the words are only reordered, shortened or given with a middle name or an article."""
    words = [set(re.sub(r"\b(?:al|el)\s", "", n).split()) for n in names]
    if all(w == words[0] for w in words):
        return "different things", "the same name in a different order"
    if all(a <= b or b <= a for a in words for b in words):
        return "different things", "the same name, with or without a middle name or initial"
    return "conflict", f"spelled differently by the sources; tidings takes them for one {what}"


def _spelling_of(a: str, b: str) -> bool:
    """Two names that differ by letters, words left out or word order, not one name and its acronym."""
    from difflib import SequenceMatcher

    if a == b:
        return True
    if sorted(a.split()) == sorted(b.split()):
        return True
    if min(len(a), len(b)) < 5:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.7 or SequenceMatcher(
        None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))).ratio() >= 0.7


def _letters(name: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", name)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    t = re.sub(r"^the\s+", "", t)
    return " ".join(re.findall(r"[a-z]+", t))


def attach(summary: tuple[SummarySentence, ...], comparison: Comparison, st: StoryText | None = None,
           support_threshold: float = 0.45) -> tuple[SummarySentence, ...]:
    """Each summary sentence with the sources of its claim that state it and the discrepancies whose
    values it carries. With ``st``, a sentence of the claim counts as stating the summary sentence only
    when the two are close (``support_threshold``) and, if the summary sentence gives numbers, it gives
    one of them too: a claim groups sentences about one fact, not always with the same details."""
    by_span: dict[Span, Claim] = {}
    for c in comparison.claims + comparison.single_source:
        for s in c.spans:
            by_span[s] = c
    row = {(x.article_id, x.start, x.end): i for i, x in enumerate(st.sentences)} if st is not None else {}
    values: dict[Span, set[float]] = defaultdict(set)
    for q in comparison.quantities:
        values[q.sentence].add(q.value)
    out = []
    for s in summary:
        claim = by_span.get(s.span)
        others = tuple(sp for sp in claim.spans if sp != s.span) if claim is not None else ()
        candidates = tuple(dict.fromkeys(others + tuple(x for x in s.support if x.article_id not in
                                                        {o.article_id for o in others})))
        i = row.get((s.span.article_id, s.span.start, s.span.end))
        if i is not None:
            def states(sp: Span) -> bool:
                j = row.get((sp.article_id, sp.start, sp.end))
                if j is None or st.sim[i, j] < support_threshold:
                    return False
                return not values[s.span] or bool(values[s.span] & values[sp])

            candidates = tuple(sp for sp in candidates if states(sp))
        support = candidates
        # values in dispute: numbers, dates, and names the sources spell in conflicting ways
        disputed = tuple(d.id for d in comparison.discrepancies
                         if (d.kind in ("number", "date", "claim") or d.label == "conflict")
                         and any(_inside(sp, s.span) for r in d.readings for sp in r.spans))
        # a sentence of the same claim that gives another value of a disputed count does not state this one
        for d in comparison.discrepancies:
            if d.id not in disputed:
                continue
            mine = [r for r in d.readings if any(_inside(sp, s.span) for sp in r.spans)]
            others = [sp for r in d.readings if r not in mine for sp in r.spans]
            support = tuple(x for x in support if not any(_inside(o, x) for o in others)
                            or any(_inside(sp, x) for r in mine for sp in r.spans))
        out.append(replace(s, support=support, claim=claim.id if claim else None, disputed=disputed))
    return tuple(out)


def _inside(inner: Span, outer: Span) -> bool:
    return inner.article_id == outer.article_id and outer.start <= inner.start and inner.end <= outer.end


def link_quotes(quotes: tuple[Quote, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Each quote's speaker tied to the entity whose mention holds the speaker's span, or whose form it is."""
    by_form: dict[str, Entity] = {}
    for e in entities:
        if e.type == "PERSON" or e.type == "ORG":
            for f in e.forms:
                by_form.setdefault(f.lower(), e)
    out = []
    for q in quotes:
        entity = None
        if q.speaker_span is not None:
            for e in entities:
                if any(_inside(m.span, q.speaker_span) or _inside(q.speaker_span, m.span) for m in e.mentions):
                    entity = e
                    break
        if entity is None and q.speaker:
            entity = by_form.get(q.speaker.lower())
        out.append(replace(q, entity_id=entity.id) if entity is not None else q)
    return tuple(out)


def compare_story(story: Story, timeline: Timeline | None = None, comparer: Comparer | None = None,
                  spans=None, st: StoryText | None = None, salience: np.ndarray | None = None) -> Comparison:
    """The whole compare stage for one story: named entities, quotes, claims, wire copy, discrepancies.

    ``spans``: the story's named spans, or a pending ``analyze.ner.submit(story)`` whose result is
    waited for only once the claims and numbers are done."""
    from .analyze.entities import find_entities
    from .analyze.ner import named_spans
    from .analyze.quotes import find_quotes
    from .summarize import default_scorer

    comparer = comparer or Comparer()
    st = st if st is not None else StoryText.of(story)
    if salience is None and st.sentences:
        salience = default_scorer().score(st)
    first = comparer.without_entities(story, timeline, st=st, salience=salience)
    if spans is None:
        spans = named_spans(story)
    elif hasattr(spans, "result"):
        spans = spans.result()
    entities = find_entities(story, spans)
    quotes = link_quotes(find_quotes(story, spans), entities)
    return comparer.with_entities(first, story, timeline, entities, quotes)
