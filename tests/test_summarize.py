"""The summarizer: extractive, within budget, no dangling references, steerable by a focus query."""

import json
import statistics
import subprocess
import sys
import time

from conftest import EXAMPLE
from helpers import run, summary_lines
from tidings.ingest import Reader, assemble
from tidings.records import Article
from tidings.summarize import default_scorer, summarize
from tidings.summarize.features import StoryText
from tidings.summarize.learned import FEATURES, MODEL_PATH, LearnedScorer, load_model
from tidings.summarize.select import Selector, reading_order

ARTICLES = EXAMPLE / "articles"


def example_story():
    items = list(Reader().read([str(ARTICLES)]))
    story, _ = assemble([a for a in items if isinstance(a, Article)])
    return story


def test_shipped_model_is_small_and_matches_the_features():
    assert MODEL_PATH.stat().st_size < 5_000_000
    data = json.loads(MODEL_PATH.read_text())
    assert tuple(data["features"]) == FEATURES
    assert data["about"]["clusters"] >= 10000 and data["about"]["seed"] is not None
    model, about = load_model(str(MODEL_PATH))
    assert about["data"].startswith("train-sample")
    assert isinstance(default_scorer(), LearnedScorer)


def test_summary_is_verbatim_and_within_budget():
    story = example_story()
    texts = {a.id: a.text for a in story.articles}
    for words in (40, 120, 250):
        out = summarize(story, words)
        assert out and sum(len(s.text.split()) for s in out) <= words
        for s in out:
            assert texts[s.span.article_id][s.span.start:s.span.end] == s.text


def test_scores_rank_news_above_boilerplate_sentences():
    news = ("Flood barriers on the river Wend held overnight, sparing about 300 homes in Marrowby, "
            "the environment agency said on Thursday.")
    debris = ("This material may not be published, broadcast, rewritten or redistributed, and all rights "
              "are reserved by the publisher.")
    a = Article("c" * 16, f"{news} Crews will inspect the barriers again on Friday morning. {debris}", "a.txt", "text")
    b = Article("d" * 16, "Residents of Marrowby returned home on Thursday after the river fell. Schools will reopen "
                "on Monday, the council said. Click here to sign up for our newsletter and get the latest news.",
                "b.txt", "text")
    story, _ = assemble([a, b])
    st = StoryText.of(story)
    p = LearnedScorer().score(st)
    by_text = {s.text: float(p[i]) for i, s in enumerate(st.sentences)}
    assert by_text[news] > by_text[debris]
    assert by_text[news] > by_text["Click here to sign up for our newsletter and get the latest news."]


def test_no_he_said_without_the_sentence_that_names_him():
    story = example_story()
    st = StoryText.of(story)
    p = LearnedScorer().score(st)
    dangling = [i for i in range(len(st.sentences)) if st.dangling(i)]
    assert dangling, "the example should hold sentences that lean on the one before"
    boosted = p.copy()
    boosted[dangling] = 10.0  # even when the scorer loves them
    chosen = Selector().select(st, boosted, 250)
    for i in chosen:
        if st.dangling(i):
            assert i - 1 in chosen and st.pos[i] > 0
            order = reading_order(st, chosen)
            assert order.index(i) == order.index(i - 1) + 1, "it must follow the sentence it leans on"


def test_same_content_from_two_outlets_appears_once_with_both_sources():
    wire = ("The ferry operator said all 212 passengers had been accounted for by mid-morning, and that the "
            "vessel would be towed to port for inspection.")
    a = Article("a" * 16, f"Fire broke out on the ferry overnight, officials said on Tuesday. {wire}", "a.txt", "text")
    b = Article("b" * 16, f"{wire} Investigators will board the ship on Wednesday, the coastguard said.", "b.txt", "text")
    story, _ = assemble([a, b])
    out = summarize(story, 250)
    with_wire = [s for s in out if s.text == wire]
    assert len(with_wire) == 1
    assert set(with_wire[0].article_ids) == {a.id, b.id}


def test_focus_steers_the_summary():
    story = example_story()
    generic = {s.text for s in summarize(story, 80)}
    focused = summarize(story, 80, focus="What did investigators say about the cause of the fire in the engine room?")
    assert {s.text for s in focused} != generic
    assert any("investigat" in s.text.lower() or "engine" in s.text.lower() for s in focused)


def test_brief_is_fast_from_a_cold_start(tmp_path):
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "tidings", "brief", str(ARTICLES), "--no-store"],
                              capture_output=True, text=True, timeout=60)
        times.append(time.perf_counter() - t0)
        assert proc.returncode == 0, proc.stderr
    assert statistics.median(times) < 3.0, times


def test_summary_lines_carry_markers():
    res = run("brief", str(ARTICLES), "--no-store")
    assert all(refs for _, refs in summary_lines(res.out))


def test_reranker_only_chooses_among_selector_outputs_within_budget():
    from tidings.summarize.rerank import candidates

    scorer = LearnedScorer()
    assert scorer.reranker is not None
    full = StoryText.of(example_story())
    assert not scorer.reranker.applies(full), "full articles are outside what the reranker learned from"
    a = Article("e" * 16, "Fire broke out on the ferry Northern Light overnight, officials said on Tuesday. "
                "All 212 passengers were taken off by lifeboat before dawn, the coastguard said. "
                "The ship was towed to port on Tuesday afternoon for inspection by investigators. "
                "Its operator said sailings on the route would resume on Friday.", "a.txt", "text")
    b = Article("f" * 16, "Investigators will board the ferry Northern Light on Wednesday to look for the cause "
                "of the fire. The blaze started in the engine room shortly after midnight, a passenger said. "
                "Crews fought it for three hours before it was out. Nobody was badly hurt.", "b.txt", "text")
    st = StoryText.of(assemble([a, b])[0])
    assert scorer.reranker.applies(st)
    p = scorer.score(st)
    for words in (30, 60, 250):
        cands = candidates(st, p, words, Selector())
        assert cands[0] == Selector().select(st, p, words)
        assert len({frozenset(c) for c in cands}) == len(cands)
        for c in cands:
            assert c and sum(int(st.words[i]) for i in c) <= words
        assert scorer.reranker.choose(st, p, words, Selector()) in cands
    first = Selector().select(st, p, 60)
    assert first[0] not in Selector().select(st, p, 60, exclude={first[0]})
