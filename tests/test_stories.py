"""Every story written for the project reads as its answer file says: metadata kept, furniture out."""

import json
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT
from tidings.ingest import Reader
from tidings.records import Article

STORIES = sorted(p for p in (ROOT / "tests" / "fixtures" / "stories").iterdir() if (p / "answers.json").exists())
STORIES.append(EXAMPLE)


@pytest.mark.parametrize("folder", STORIES, ids=lambda p: p.name)
def test_story_reads_as_its_answers_say(folder: Path):
    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))["articles"]
    items = list(Reader().read([str(folder / "articles")]))
    articles = {Path(a.origin).name: a for a in items if isinstance(a, Article)}
    assert set(articles) == set(answers), [x for x in items if not isinstance(x, Article)]
    for name, want in answers.items():
        a = articles[name]
        raw = (folder / "articles" / name).read_text(encoding="utf-8")
        for line in want.get("furniture", []):
            assert line not in a.text.split("\n\n"), f"{name}: furniture kept: {line}"
        if want.get("title"):
            assert a.title == want["title"], name
        if want.get("published"):
            assert (a.published or "")[:10] == want["published"], name
        if want.get("outlet") and want["outlet"] in raw:
            assert a.outlet == want["outlet"], name
        for q in [f["quotes"][name] for f in json.loads((folder / "answers.json").read_text())["facts"]
                  if name in (f.get("quotes") or {})]:
            sentence = " ".join(q.lstrip("-•* ").split())  # list bullets are dropped by cleaning
            assert sentence in " ".join(a.text.split()), f"{name}: a fact's sentence was lost: {q[:60]}"
