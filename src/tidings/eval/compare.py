"""Precision and recall of discrepancies against stories with answer files.

A found discrepancy matches an answer discrepancy of the same kind when at least two of its values
are values of the answer (numbers compared by value, names by their letters). A found discrepancy
that matches no answer is a false one, and worse if it matches one of the answer's
``not_discrepancies`` (the same value written two ways). Labels ("conflict" or "different
things") are scored over the matches.

    python -m tidings.eval.compare examples/ferry-fire tests/fixtures/stories/*
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..analyze.quantities import number_value
from . import answer_folders
from ..records import Discrepancy, Story

_KINDS = {"time": "date"}


def _number(text: str) -> float | None:
    t = text.lower().replace("£", "").replace("$", "").replace("€", "")
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(m\b|million|bn|billion)?", t)
    if m:
        v = float(m.group(1).replace(",", ""))
        return v * (1e6 if m.group(2) in ("m", "million") else 1e9 if m.group(2) in ("bn", "billion") else 1)
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", t)
    for w in (" ".join(words[i:i + 2]) for i in range(len(words))):
        v = number_value(w)
        if v is not None:
            return v
    for w in words:
        v = number_value(w)
        if v is not None:
            return v
    return None


def _key(kind: str, value: str):
    if kind == "number":
        return _number(value)
    return " ".join(re.findall(r"[a-z0-9]+", value.lower().split("(")[0]))


def _matches(found: Discrepancy, answer: dict) -> bool:
    kind = _KINDS.get(answer["kind"], answer["kind"])
    if kind == "place":
        kind = "name"
    fkind = "name" if found.kind == "place" else found.kind
    if fkind != kind:
        return False
    mine = {_key(kind, r.value) for r in found.readings} - {None}
    theirs = {_key(kind, v["value"]) for v in answer["values"]} - {None}
    return len(mine & theirs) >= 2


@dataclass
class Scores:
    found: int = 0
    matched: int = 0
    false_not: int = 0  # found discrepancies that the answers say are not ones
    answers: int = 0
    recalled: int = 0
    labels_right: int = 0
    per_story: dict = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.answers if self.answers else 1.0

    @property
    def label_accuracy(self) -> float:
        return self.labels_right / self.matched if self.matched else 1.0


def score_story(found: tuple[Discrepancy, ...], answers: dict) -> dict:
    wanted = answers.get("discrepancies", [])
    nots = answers.get("not_discrepancies", [])
    matched = labels = false_not = 0
    hit: set[int] = set()
    details = []
    for d in found:
        idx = next((i for i, a in enumerate(wanted) if _matches(d, a)), None)
        if idx is None:
            bad = any(_matches(d, a) for a in nots)
            false_not += bad
            details.append(("false" + (" (a not-discrepancy)" if bad else ""), d.about,
                            [r.value for r in d.readings]))
            continue
        matched += 1
        hit.add(idx)
        right = wanted[idx].get("label") == d.label
        labels += right
        details.append(("match" + ("" if right else f" (label {d.label}, answer {wanted[idx].get('label')})"),
                        d.about, [r.value for r in d.readings]))
    missed = [(a["kind"], a["about"]) for i, a in enumerate(wanted) if i not in hit]
    return {"found": len(found), "matched": matched, "false_not": false_not, "answers": len(wanted),
            "recalled": len(hit), "labels_right": labels, "details": details, "missed": missed}


def score_folders(folders: list[Path]) -> Scores:
    from ..briefing import brief_story
    from ..ingest import Reader, assemble
    from ..records import Article

    total = Scores()
    for folder in folders:
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        items = list(Reader().read([str(p) for p in sorted((folder / "articles").iterdir())]))
        story: Story = assemble([i for i in items if isinstance(i, Article)])[0]
        b = brief_story(story)
        s = score_story(b.comparison.discrepancies if b.comparison else (), answers)
        total.per_story[folder.name] = s
        total.found += s["found"]
        total.matched += s["matched"]
        total.false_not += s["false_not"]
        total.answers += s["answers"]
        total.recalled += s["recalled"]
        total.labels_right += s["labels_right"]
    return total


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    verbose = "--verbose" in args
    folders = answer_folders(a for a in args if not a.startswith("--"))
    total = score_folders(folders)
    print(f"{'story':<18} found matched false answers recalled labels")
    for name, s in total.per_story.items():
        print(f"{name:<18} {s['found']:>5} {s['matched']:>7} {s['found'] - s['matched']:>5} {s['answers']:>7} "
              f"{s['recalled']:>8} {s['labels_right']:>6}")
        if verbose:
            for d in s["details"]:
                print("   ", *d)
            for m in s["missed"]:
                print("    missed", *m)
    print(f"pooled: precision {total.precision:.2f} ({total.matched}/{total.found}), recall {total.recall:.2f} "
          f"({total.recalled}/{total.answers}), label accuracy {total.label_accuracy:.2f}, "
          f"not-discrepancies reported {total.false_not}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def claim_scores(folders: list[Path], comparer=None) -> dict:
    """Agreed facts: recall of the answer facts stated by two sources or more (a claim holds two of the
    fact's sentences), and precision of the claims (two of a claim's sentences are one answer fact's;
    the answers list the main facts only, so this is a lower bound)."""
    from ..compare import Comparer
    from ..ingest import Reader, assemble
    from ..records import Article
    from ..summarize import default_scorer
    from ..summarize.features import StoryText
    from ..timeline import build_timeline

    comparer = comparer or Comparer()
    facts = found_facts = claims = good_claims = 0
    for folder in folders:
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        items = list(Reader().read([str(p) for p in sorted((folder / "articles").iterdir())]))
        story = assemble([i for i in items if isinstance(i, Article)])[0]
        st = StoryText.of(story)
        c = comparer.without_entities(story, build_timeline(story), st=st, salience=default_scorer().score(st))
        texts = {a.id: a.text for a in story.articles}
        sets = [{_norm(texts[s.article_id][s.start:s.end]) for s in cl.spans} for cl in c.claims]
        answer_sets = [{_norm(q) for q in f.get("quotes", {}).values()} for f in answers.get("facts", [])
                       if len(f.get("sources", [])) >= 2]

        def holds(sentences: set[str], quote: str) -> bool:
            return any(quote in s or s in quote for s in sentences)

        for fact in answer_sets:
            facts += 1
            found_facts += any(sum(holds(cs, q) for q in fact) >= 2 for cs in sets)
        for cs in sets:
            claims += 1
            good_claims += any(sum(holds(cs, q) for q in fact) >= 2 for fact in answer_sets)
    return {"facts": facts, "recall": found_facts / facts if facts else 1.0, "claims": claims,
            "precision_lower_bound": good_claims / claims if claims else 1.0}
