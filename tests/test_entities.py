"""Entities of a story: every form of a name merged, types checked against the story, exact spans, roles."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest
from story_loader import load_story

from tidings.analyze.entities import find_entities
from tidings.analyze.ner import named_spans
from tidings.eval.entities import score_stories
from tidings.records import Article, NamedSpan, Span, Story

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures" / "stories").iterdir() if (p / "answers.json").exists())
STORIES = FIXTURES + [ROOT / "examples" / "ferry-fire"]


@lru_cache(maxsize=2)
def _seed(paths: tuple[str, ...]):
    story = load_story([Path(p) for p in paths])
    spans = named_spans(story)
    return story, spans, find_entities(story, spans)


@pytest.fixture
def seed(seed_files):
    """The seed story, its spans and entities: NER runs once per session."""
    return _seed(tuple(str(p) for p in seed_files))


def _holding(entities, form):
    return [e for e in entities if form in e.forms]


def _one(entities, form):
    found = _holding(entities, form)
    assert len(found) == 1, f"{form!r} is in {len(found)} entities: {[e.name for e in found]}"
    return found[0]


def _assert_exact(story, entities):
    texts = {a.id: a.text for a in story.articles}
    for e in entities:
        assert e.mentions, e
        for m in e.mentions:
            assert texts[m.span.article_id][m.span.start:m.span.end] == m.text, (e.name, m)
        assert (e.role is None) == (e.role_span is None)
        if e.role_span:
            assert texts[e.role_span.article_id][e.role_span.start:e.role_span.end] == e.role


# --- the seed story (real reporting on the French airstrikes on Raqqa) ---------------------------


@pytest.mark.shared
def test_seed_attacker_forms_are_one_person(seed):
    story, _, ents = seed
    e = _one(ents, "Ismael Mostefai")
    assert {"Ismael Omar Mostefai", "Omar Ismail Mostefaim", "Mostefai"} <= set(e.forms)
    assert e.type == "PERSON"
    assert len(e.article_ids) >= 3


@pytest.mark.shared
def test_seed_reversed_name_is_one_person(seed):
    _, _, ents = seed
    e = _one(ents, "Abdeslam Salah")
    assert "Salah Abdeslam" in e.forms and e.type == "PERSON"


@pytest.mark.shared
def test_seed_transliterations_are_one_person(seed):
    _, _, ents = seed
    e = _one(ents, "Ahmed Almuhamed")
    assert "Ahmad al-Mohammad" in e.forms


@pytest.mark.shared
def test_seed_group_aliases_are_one_group(seed):
    _, _, ents = seed
    e = _one(ents, "ISIS")
    assert {"ISIL", "Islamic State", "Isil", "Islamic State in Iraq and the Levant"} <= set(e.forms)
    assert e.type == "ORG"
    assert e.id == "E1"  # the group every outlet names most
    assert len(e.article_ids) == 5


@pytest.mark.shared
def test_seed_president_stays_a_person(seed):
    """The model tags "Hollande said" as ORG again and again; the titles and full names win."""
    _, spans, ents = seed
    assert any(s.text == "Hollande" and s.label == "ORG" for v in spans.values() for s in v)
    e = _one(ents, "Hollande")
    assert e.type == "PERSON"
    assert {"François Hollande", "Francois Hollande"} <= set(e.forms)
    assert e.role == "President"


@pytest.mark.shared
def test_seed_place_spellings_and_glued_spans(seed):
    story, _, ents = seed
    raqqa = _one(ents, "Raqqa")
    assert "Raqqah" in raqqa.forms and raqqa.type == "GPE"
    assert len(raqqa.article_ids) == 5
    assert not any(f.endswith(" city") for f in raqqa.forms + tuple(f for e in ents for f in e.forms))


@pytest.mark.shared
def test_seed_distinct_people_stay_apart(seed):
    _, _, ents = seed
    people = {
        f: _one(ents, f).id
        for f in ("Ismael Mostefai", "Abdeslam Salah", "Ahmed Almuhamed", "Bilal Hadfi", "Abdelhamid Abaaoud",
                  "Samy Amimour", "Bashar al-Assad", "Abu Bakr al-Baghdadi")
    }
    assert len(set(people.values())) == len(people)
    # a city is not a man because it differs from his name by one letter
    assert "Baghdad" not in _one(ents, "Abu Bakr al-Baghdadi").forms
    # ministers of one government are one entity each
    ministers = {_one(ents, f).id for f in ("Bernard Cazeneuve", "Manuel Valls", "Laurent Fabius", "Jean-Yves Le Drian")}
    assert len(ministers) == 4
    assert "Le Drian" in _one(ents, "Jean-Yves Le Drian").forms


@pytest.mark.shared
def test_seed_roles_are_verbatim(seed):
    story, _, ents = seed
    _assert_exact(story, ents)
    assert _one(ents, "Bernard Cazeneuve").role == "Interior Minister"
    assert _one(ents, "Gilles Jaron").role == "military spokesman"
    assert _one(ents, "Rami Abdel Rahman").role == "director of the Syrian Observatory for Human Rights"
    assert _one(ents, "Ismael Mostefai").role in (
        "a Frenchman with known ties to Islamic radicalism", "a 29-year-old French citizen")
    assert _one(ents, "France").role is None


@pytest.mark.shared
def test_seed_mentions_found_beyond_the_model(seed):
    """Occurrences of known forms that NER missed are mentions too, so counts per source are right."""
    story, spans, ents = seed
    raw = {(s.article_id, s.start) for v in spans.values() for s in v}
    isis = _one(ents, "ISIS")
    extra = [m for m in isis.mentions if (m.span.article_id, m.span.start) not in raw]
    assert extra  # e.g. "Islamic State in Iraq and the Levant", which the model cut in pieces
    texts = {a.id: a.text for a in story.articles}
    for aid, n in isis.mentions_by_source().items():
        written = sum(len(re.findall(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", texts[aid])) for f in ("ISIS", "ISIL"))
        assert n >= written


@pytest.mark.shared
def test_seed_ids_in_order_of_importance(seed):
    _, _, ents = seed
    assert [e.id for e in ents] == [f"E{i}" for i in range(1, len(ents) + 1)]
    keys = [(len(e.article_ids), len(e.mentions)) for e in ents]
    assert keys == sorted(keys, reverse=True)
    for e in ents:
        counts = [sum(1 for m in e.mentions if m.text == f) for f in e.forms]
        assert counts == sorted(counts, reverse=True)
        assert e.name in e.forms


@pytest.mark.shared
def test_seed_is_fast(seed):
    story, spans, _ = seed
    find_entities(story, spans)
    t = time.perf_counter()
    find_entities(story, spans)
    assert time.perf_counter() - t < 0.3


@pytest.mark.shared
@pytest.mark.slow
def test_fifty_articles_in_seconds(seed):
    story, spans, _ = seed
    arts, big = [], {}
    for k in range(10):
        for a in story.articles:
            b = replace(a, id=f"{a.id}-{k}")
            arts.append(b)
            big[b.id] = tuple(replace(s, article_id=b.id) for s in spans[a.id])
    t = time.perf_counter()
    ents = find_entities(Story("big", tuple(arts)), big)
    assert time.perf_counter() - t < 3.0
    assert len(_one(ents, "ISIS").article_ids) == 50


# --- a small invented story with hand-made spans: the rules, without the model -------------------

_A = (
    "Varga vows to rebuild Dunmere harbour\n\n"
    "Mayor Mirela Varga said on Monday that the Dunmere Harbour Authority (DHA) would rebuild the pier. "
    "Varga spoke after the storm.\n\n"
    "Tomasz Brel, a fisherman from Dunmere, said the damage was severe. "
    "Anna Lind, director of the Coastal Trust, agreed."
)
_B = (
    "VARGA: HARBOUR WILL REOPEN\n\n"
    "Mirela Varga told reporters the DHA had approved the plan. Tomasz Kowal, the harbour master, and "
    "Piotr Lind, a local councillor, welcomed it. Lind said more was needed.\n\n"
    "Varga said work would start in Dunmere in May."
)
_C = (
    "Harbour plan backed by Varga\n\nThe Dunmere Harbour Authority said Mayor Varga had its support. "
    "It quoted DHA boss Mirela Varga."
)


def _span(aid, text, sub, label, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return NamedSpan(aid, i, i + len(sub), label, sub)


@pytest.fixture
def harbour():
    arts = tuple(Article(id=i, text=t, origin=f"{i}.txt", kind="text") for i, t in (("a", _A), ("b", _B), ("c", _C)))
    spans = {
        "a": (
            _span("a", _A, "Varga", "ORG"),  # the headline mis-types her
            _span("a", _A, "Mirela Varga", "PERSON"),
            _span("a", _A, "the Dunmere Harbour Authority", "ORG"),
            _span("a", _A, "DHA", "ORG"),
            _span("a", _A, "Tomasz Brel", "PERSON"),
            _span("a", _A, "Dunmere", "GPE", 2),
            _span("a", _A, "Anna Lind", "PERSON"),
            _span("a", _A, "the Coastal Trust", "ORG"),
        ),
        "b": (
            _span("b", _B, "VARGA", "ORG"),
            _span("b", _B, "Mirela Varga", "PERSON"),
            _span("b", _B, "DHA", "ORG"),
            _span("b", _B, "Tomasz Kowal", "PERSON"),
            _span("b", _B, "Piotr Lind", "PERSON"),
            _span("b", _B, "Lind", "PERSON", 1),
            _span("b", _B, "Varga", "GPE", 1),  # the body mis-types her once too
        ),
        "c": (
            _span("c", _C, "Varga", "ORG"),
            _span("c", _C, "The Dunmere Harbour Authority", "ORG"),
            _span("c", _C, "DHA boss Mirela Varga", "PERSON"),  # two names glued by a common noun
        ),
    }
    story = Story("harbour", arts)
    return story, spans, find_entities(story, spans)


def test_type_vote_keeps_a_mayor_a_person(harbour):
    story, _, ents = harbour
    v = _one(ents, "Mirela Varga")
    assert v.type == "PERSON"
    assert "Varga" in v.forms
    assert v.role == "Mayor"
    assert v.id == "E1"
    # every article names her, the headline in capitals included
    assert v.mentions_by_source() == {"a": 3, "b": 3, "c": 3}
    _assert_exact(story, ents)


def test_glued_span_is_split(harbour):
    story, _, ents = harbour
    c = story.articles[2].text
    i = c.index("DHA boss")
    assert any(m.span == Span("c", i, i + 3) for m in _one(ents, "DHA").mentions)
    j = c.index("Mirela Varga")
    assert any(m.span == Span("c", j, j + 12) for m in _one(ents, "Mirela Varga").mentions)
    assert not any("boss" in f for e in ents for f in e.forms)


def test_acronym_defined_in_parentheses(harbour):
    _, _, ents = harbour
    dha = _one(ents, "DHA")
    assert dha.type == "ORG"
    assert dha.name == "Dunmere Harbour Authority"
    assert set(dha.article_ids) == {"a", "b", "c"}


def test_shared_first_name_and_shared_surname_stay_apart(harbour):
    _, _, ents = harbour
    ids = {f: _one(ents, f).id for f in ("Tomasz Brel", "Tomasz Kowal", "Anna Lind", "Piotr Lind")}
    assert len(set(ids.values())) == 4
    # "Lind" alone could be either: it is left alone
    assert "Lind" not in _one(ents, "Anna Lind").forms and "Lind" not in _one(ents, "Piotr Lind").forms


def test_roles_from_appositives(harbour):
    _, _, ents = harbour
    assert _one(ents, "Anna Lind").role == "director of the Coastal Trust"
    assert _one(ents, "Tomasz Brel").role == "a fisherman from Dunmere"
    assert _one(ents, "Tomasz Kowal").role == "the harbour master"
    assert _one(ents, "Piotr Lind").role == "a local councillor"
    assert _one(ents, "Coastal Trust").role is None


def test_no_spans_no_entities():
    story = Story("empty", (Article(id="x", text="Nothing named here.", origin="x", kind="text"),))
    assert find_entities(story, {"x": ()}) == ()


# --- the answer files ----------------------------------------------------------------------------

# measured when written: merge precision and recall 1.000 in every story; type accuracy pooled 0.924,
# lowest story 0.857 (court-ruling). The floors leave a small margin.
FLOORS = {"precision": 0.95, "recall": 0.93, "type_accuracy": 0.86}
STORY_FLOORS = {"precision": 0.9, "recall": 0.85, "type_accuracy": 0.8}


@pytest.fixture(scope="module")
def scores():
    return score_stories(STORIES)


@pytest.mark.slow
def test_fixture_floors_pooled(scores):
    pooled = scores["pooled"]
    assert len(scores["stories"]) == 7
    for k, floor in FLOORS.items():
        assert pooled[k] >= floor, (k, pooled[k], pooled)


@pytest.mark.slow
def test_fixture_floors_per_story(scores):
    for s in scores["stories"]:
        for k, floor in STORY_FLOORS.items():
            assert s[k] >= floor, (s["story"], k, s[k], s["false_merges"], s["missed_merges"], s["wrong_types"])


@pytest.mark.slow
def test_fixture_spans_exact():
    for folder in STORIES[:3]:
        story = load_story(sorted((folder / "articles").iterdir()))
        _assert_exact(story, find_entities(story))


def test_scorer_counts_false_and_missed_merges(harbour):
    """The scorer itself: a false merge lowers precision, a split lowers recall."""
    from tidings.eval.entities import rates, score_entities
    from tidings.records import Entity

    story, _, ents = harbour
    names = [
        {"entity": "Mirela Varga", "type": "PERSON", "forms": ["Mirela Varga", "Varga"]},
        {"entity": "Anna Lind", "type": "PERSON", "forms": ["Anna Lind"]},
        {"entity": "Piotr Lind", "type": "PERSON", "forms": ["Piotr Lind"]},
    ]
    good = score_entities(ents, story, names)
    assert rates(good)["precision"] == 1.0 and rates(good)["recall"] == 1.0
    a, p = _one(ents, "Anna Lind"), _one(ents, "Piotr Lind")
    glued = Entity("E99", a.name, "PERSON", a.forms + p.forms, a.mentions + p.mentions)
    bad = score_entities(tuple(e for e in ents if e not in (a, p)) + (glued,), story, names)
    assert bad["pairs_predicted"] == good["pairs_predicted"] + 1 and rates(bad)["precision"] < 1.0
    v = _one(ents, "Mirela Varga")
    only_full = Entity(v.id, v.name, v.type, ("Mirela Varga",), tuple(m for m in v.mentions if m.text == "Mirela Varga"))
    split = score_entities(tuple(only_full if e is v else e for e in ents), story, names)
    assert rates(split)["recall"] < 1.0
