"""The benchmark protocol, the peers, and the quality gate (the gate reads ../shared/data)."""

import json

import pytest

from conftest import shared_data
from helpers import run
from tidings.eval import gate
from tidings.eval.peers import lead
from tidings.eval.rouge import Rouge, truncate


def test_truncate_keeps_sentence_breaks_and_cuts_at_the_budget():
    assert truncate(["one two three", "four five six"], 4) == ["one two three", "four"]
    assert truncate(["one two"], 10) == ["one two"]


def test_rouge_protocol_f1_for_one_reference_recall_for_several():
    r = Rouge()
    one = r.score(["the cat sat on the mat"], [["the cat sat on the mat today"]], 250)
    assert 90 < one["rouge1"] < 100  # F1: precision 1, recall 6/7
    several = r.score(["the cat sat"], [["the cat sat"], ["a dog ran far away now"]], 250)
    assert several["rouge1"] == pytest.approx(50.0)  # mean recall of 1.0 and 0.0
    cut = r.score(["the cat sat on the mat"], [["the cat"]], 2)
    assert cut["rouge1"] == pytest.approx(100.0)  # the summary was cut to two words first


def test_lead_is_round_robin_over_first_sentences():
    docs = ["A one. A two. A three.", "B one. B two."]
    assert lead(docs, 6) == ["A one.", "B one.", "A two."]


def test_eval_command_reports_and_saves(tmp_path):
    data = tmp_path / "tiny.jsonl"
    story = {"id": "t1", "documents": [
        "The council approved the new bridge on Monday after a long debate. The bridge will cost 40 million "
        "pounds and open in 2028. Residents had asked for a crossing for a decade.",
        "A new bridge was approved by the council on Monday. Work starts next spring, and the crossing should "
        "open in 2028, officials said. Critics called the cost too high."],
        "summary": "The council approved a new bridge on Monday. It will open in 2028 and cost 40 million pounds."}
    data.write_text(json.dumps(story) + "\n")
    saved, report = tmp_path / "s.jsonl", tmp_path / "r.json"
    res = run("eval", str(data), "--peers", "lead", "--save", str(saved), "--report", str(report), "--words", "40")
    assert res.code == 0, res.err
    rep = json.loads(report.read_text())
    assert rep["systems"]["tidings"]["clusters"] == 1 and rep["systems"]["lead"]["clusters"] == 1
    assert rep["words"] == 40 and rep["versions"]["tidings"]
    row = json.loads(saved.read_text().splitlines()[0])
    assert row["id"] == "t1" and row["sentences"]
    for s in row["sentences"]:
        assert s["text"] in row["summary"]


def test_gate_refuses_to_lower_without_a_reason():
    base = {"floors": {"rouge1": 45.0, "rouge2": 16.0, "rougeLsum": 40.0}, "tolerance": 0.05}
    worse = {"rouge1": 44.0, "rouge2": 16.5, "rougeLsum": 40.5}
    assert gate.check(worse, base) == ["rouge1 44.00 < floor 45.00 (tolerance 0.05)"]
    with pytest.raises(SystemExit, match="--lower"):
        gate.update(worse, base, lower=False, reason=None)
    with pytest.raises(SystemExit, match="--reason"):
        gate.update(worse, base, lower=True, reason=None)
    raised = gate.update({"rouge1": 45.5, "rouge2": 16.2, "rougeLsum": 40.1}, base, lower=False, reason=None)
    assert raised["floors"] == {"rouge1": 45.5, "rouge2": 16.2, "rougeLsum": 40.1}
    lowered = gate.update(worse, base, lower=True, reason="new cleaning rule")
    assert lowered["history"][-1]["reason"] == "new cleaning rule" and lowered["floors"]["rouge1"] == 44.0


@pytest.mark.slow
def test_quality_gate_on_first_validation_clusters():
    baseline = gate.load()
    data = shared_data("multinews", "validation.jsonl.gz")
    scores = gate.measure(baseline, str(data))
    assert not gate.check(scores, baseline), scores
