import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE
from helpers import assert_faithful, extracted_texts, run, summary_lines

ARTICLES = EXAMPLE / "articles"
ANSWERS = json.loads((EXAMPLE / "answers.json").read_text(encoding="utf-8"))


def test_brief_example_is_attributed_and_extracted(tmp_path):
    res = run("brief", str(ARTICLES), "--db", str(tmp_path / "t.db"))
    assert res.code == 0, res.err
    md = res.out
    assert md.startswith("# ")
    titles = [a["title"] for a in ANSWERS["articles"].values() if a.get("title")]
    assert md.splitlines()[0][2:] in titles, "the headline must be one of the sources' own"
    lines = summary_lines(md)
    assert len(lines) >= 3
    words = sum(len(t.split()) for t, _ in lines)
    assert words <= 250
    texts = list(extracted_texts(str(ARTICLES)).values())
    for sentence, refs in lines:
        assert any(sentence in t for t in texts), f"not verbatim in any source: {sentence}"
        assert all(1 <= r <= 5 for r in refs)
    sources = md.split("## Sources", 1)[1]
    assert all(f"\n{i}. " in sources for i in range(1, 6))


def test_no_furniture_reaches_the_summary(tmp_path):
    res = run("brief", str(ARTICLES), "--no-store", "--words", "600")
    summary = "\n".join(t for t, _ in summary_lines(res.out))
    for name, art in ANSWERS["articles"].items():
        for line in art.get("furniture", []):
            assert line not in summary, f"furniture of {name} in the summary: {line}"


def test_words_budget_is_respected():
    res = run("brief", str(ARTICLES), "--no-store", "--words", "60")
    assert res.code == 0
    assert 0 < sum(len(t.split()) for t, _ in summary_lines(res.out)) <= 60


def test_json_briefing_spans_point_at_the_sentences(tmp_path):
    out = tmp_path / "b.json"
    res = run("brief", str(ARTICLES), "--format", "json", "--out", str(out), "--no-store")
    assert res.code == 0 and res.out == ""
    briefing = json.loads(out.read_text(encoding="utf-8"))
    assert_faithful(briefing, extracted_texts(str(ARTICLES)))
    assert briefing["run"]["options"]["words"] == 250
    assert briefing["run"]["tidings_version"]
    assert len(briefing["sources"]) == 5


def test_skipped_input_is_reported_and_exit_code_is_1(tmp_path):
    res = run("brief", str(ARTICLES), str(tmp_path / "missing.txt"), "--no-store")
    assert res.code == 1
    assert "missing.txt" in res.err and "no such file" in res.err
    skipped = res.out.split("## Skipped inputs", 1)[1]
    assert "missing.txt" in skipped and "Check the path" in skipped


def test_nothing_usable_exits_2_with_a_message(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = run("brief", str(empty), str(tmp_path / "nope.html"), "--no-store")
    assert res.code == 2
    assert res.out == ""
    assert "empty.txt" in res.err and "nope.html" in res.err
    assert "no usable article" in res.err


@pytest.mark.parametrize("argv", [["brief"], ["brief", "x", "--words", "0"], ["brief", "x", "--format", "pdf"],
                                  ["frobnicate"], []])
def test_wrong_command_exits_2(argv, capsys):
    try:
        code = run(*argv).code
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    assert code == 2


def test_words_zero_says_what_to_do(tmp_path):
    res = run("brief", str(ARTICLES), "--words", "0", "--no-store")
    assert res.code == 2 and "words" in res.err and "--words 250" in res.err


def test_story_lines_give_one_briefing_each_as_json_lines(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    lines = [json.dumps({"id": "first", "documents": texts[:2]}),
             json.dumps({"id": "second", "documents": texts[2:]}),
             json.dumps({"id": "broken", "documents": "not a list"})]
    src = tmp_path / "stories.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("brief", str(src), "--format", "json", "--no-store")
    assert res.code == 1, res.err
    out = res.json_lines()
    assert [b["story"]["label"] for b in out] == ["first", "second"]
    assert "stories.jsonl:3" in res.err
    for b in out:
        assert b["summary"]


def test_stdin_article(tmp_path):
    text = (ARTICLES / "04-the-meridian.txt").read_bytes()
    res = run("brief", "-", "--no-store", stdin=text)
    assert res.code == 0, res.err
    assert summary_lines(res.out)


def test_config_file_env_and_flags_in_that_order(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text("words = 50\nstore = false\n")
    res = run("brief", str(ARTICLES), "--config", str(cfg), "--format", "json")
    assert res.json()["run"]["options"]["words"] == 50
    monkeypatch.setenv("TIDINGS_WORDS", "70")
    assert run("brief", str(ARTICLES), "--config", str(cfg), "--format", "json").json()["run"]["options"]["words"] == 70
    res = run("brief", str(ARTICLES), "--config", str(cfg), "--format", "json", "--words", "90")
    assert res.json()["run"]["options"]["words"] == 90


def test_config_with_unknown_key_is_refused(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("wrds = 50\n")
    res = run("brief", str(ARTICLES), "--config", str(cfg))
    assert res.code == 2 and "wrds" in res.err and "Known options" in res.err


def test_extract_shows_what_was_read():
    res = run("extract", str(ARTICLES / "03-wbc-news.txt"))
    assert res.code == 0
    meta = ANSWERS["articles"]["03-wbc-news.txt"]
    assert f"Published: {meta['published']}" in res.out
    for line in meta["furniture"]:
        assert line not in res.out.split("\n\n", 1)[1], line
    rows = run("extract", "--format", "json", str(ARTICLES)).json_lines()
    assert len(rows) == 5 and all(r["text"] for r in rows)


def test_installed_command_runs_as_a_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tidings", "brief", str(ARTICLES), "--db", str(tmp_path / "p.db")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "## Summary" in proc.stdout
    assert (tmp_path / "p.db").exists()


def test_focus_is_recorded_and_changes_the_summary():
    plain = run("brief", str(ARTICLES), "--no-store", "--format", "json", "--words", "80").json()
    res = run("brief", str(ARTICLES), "--no-store", "--format", "json", "--words", "80",
              "--focus", "the investigation into the cause of the engine-room fire")
    assert res.code == 0
    focused = res.json()
    assert focused["run"]["options"]["focus"].startswith("the investigation")
    assert [s["text"] for s in focused["summary"]] != [s["text"] for s in plain["summary"]]
    assert run("brief", str(ARTICLES), "--no-store", "--focus", "  ").code == 2
