"""Running the CLI in-process and checking briefings the way a user would."""

from __future__ import annotations

import io
import json
import re

from tidings.cli import main
from tidings.render.markdown import unescape


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)

    def json_lines(self):
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]


def run(*argv: str, stdin: bytes | None = None, transport=None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(stdin) if stdin is not None else None, stdout=out, stderr=err,
                transport=transport)
    return Result(code, out.getvalue(), err.getvalue())


MARKERS = re.compile(r"^(?P<text>.+?) (?P<markers>(?:\[\d+\])+)(?: \*\(sources differ: (?P<disputed>[D\d, ]+)\)\*)?$")


def summary_lines(markdown: str) -> list[tuple[str, list[int]]]:
    """(sentence as in the source, source numbers) for every line of the Summary section."""
    section = markdown.split("## Summary", 1)[1].split("\n## ", 1)[0]
    out = []
    for line in section.strip().splitlines():
        if not line.strip():
            continue
        m = MARKERS.match(line)
        assert m, f"summary line without source markers: {line!r}"
        out.append((unescape(m.group("text")), [int(n) for n in re.findall(r"\d+", m.group("markers"))]))
    return out


def extracted_texts(*sources: str, db_free: bool = True) -> dict[str, str]:
    """article id -> cleaned text, as `tidings extract --format json` shows it."""
    res = run("extract", "--format", "json", *sources)
    assert res.code in (0, 1), res.err
    return {row["article_id"]: row["text"] for row in res.json_lines()}


def assert_faithful(briefing: dict, texts: dict[str, str]) -> None:
    """Every summary sentence is verbatim at its span; every support span holds its text."""
    refs = {s["ref"]: s["article_id"] for s in briefing["sources"]}
    assert briefing["summary"], "the summary is empty"
    for sent in briefing["summary"]:
        text = texts[sent["article_id"]]
        assert text[sent["start"]:sent["end"]] == sent["text"]
        assert refs[sent["source"]] == sent["article_id"]
        assert sent["sources"][0] == sent["source"]
        for sup in sent["support"]:
            assert texts[sup["article_id"]][sup["start"]:sup["end"]] == sup["text"]
            assert sup["source"] in sent["sources"]
