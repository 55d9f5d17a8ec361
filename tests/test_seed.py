"""The reference story: five outlets on the French strikes on Raqqa (read from ../shared/data)."""

import json

import jsonschema

from conftest import SCHEMA
from helpers import assert_faithful, extracted_texts, run, summary_lines

# page furniture in the seed articles: none of it may reach a briefing's summary
FURNITURE = ["Related News", "Sign up for our weekly newsletter", "Follow for news and analysis",
             "Get email updates from", "Find Al Jazeera America on your TV", "Getty Images", "Photo:",
             "Link :", "Last updated", "This post has been updated throughout", "with wire services",
             "Jennifer Griffin and the Associated Press", "French warplane", "Sara Hussein"]


def test_seed_briefing_has_all_sources_and_no_furniture(seed_files, tmp_path):
    res = run("brief", *map(str, seed_files), "--db", str(tmp_path / "s.db"))
    assert res.code == 0, res.err
    lines = summary_lines(res.out)
    assert len(lines) >= 4
    summary = "\n".join(t for t, _ in lines)
    for bit in FURNITURE:
        assert bit not in summary, bit
    sources = res.out.split("## Sources", 1)[1]
    for i in range(1, 6):
        assert f"\n{i}. " in sources
    texts = extracted_texts(*map(str, seed_files))
    for sentence, refs in lines:
        assert refs, sentence
        assert any(sentence in t for t in texts.values()), sentence
    # metadata that the furniture carried is kept
    assert "foxnews.com" in sources and "Sara Hussein" in sources and "2015-11-16" in sources
    assert "Al Jazeera" in sources


def test_seed_json_validates_and_spans_are_exact(seed_files):
    res = run("brief", *map(str, seed_files), "--format", "json", "--no-store")
    assert res.code == 0
    b = res.json()
    jsonschema.validate(b, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(b["sources"]) == 5
    assert_faithful(b, extracted_texts(*map(str, seed_files)))
    raw = {p.name: p.read_text(encoding="utf-8") for p in seed_files}
    for sent in b["summary"]:
        # verbatim in the original file too, up to the spaces cleaning normalises
        assert any(" ".join(sent["text"].split()) in " ".join(r.replace("\u00a0", " ").split()) for r in raw.values())


def test_seed_summary_opens_with_the_strikes_and_covers_the_account(seed_files):
    res = run("brief", *map(str, seed_files), "--no-store")
    lines = summary_lines(res.out)
    first = lines[0][0].lower()
    assert any(w in first for w in ("struck", "strike", "raid", "bomb", "jets", "warplanes")), first
    opening = " ".join(t for t, _ in lines[:2])
    assert "Raqqa" in opening
    text = " ".join(t for t, _ in lines)
    for fact in ("French", "Raqqa", "Sunday", "Paris", "129"):  # who, where, when, why
        assert fact in text, fact
    assert any(w in text for w in ("retaliation", "response", "respond")), "France's response is the story"
    assert all(refs for _, refs in lines)
