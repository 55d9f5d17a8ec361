"""Accuracy of ``analyze.entities`` against stories with answer files (their ``names``).

    python -m tidings.eval.entities examples/ferry-fire tests/fixtures/stories/*

Scoring is grounded in the text, so it does not depend on how the system spells a form:

- every written form of an answer entity is looked for in the articles (case-sensitive, on word
  boundaries); an occurrence inside an occurrence of a longer answer form ("Carrowmore" inside
  "Carrowmore Crown Court") does not count. A form is *found* in a predicted entity when one of
  that entity's mentions overlaps one of its occurrences; forms absent from the answers are ignored.
- merge precision: of the pairs of answer forms found in one predicted entity, the share whose two
  forms belong to the same answer entity (a pair from two answer entities is a false merge).
- merge recall: of the pairs of forms of one answer entity that both occur in the text, the share
  found together in one predicted entity.
- type accuracy: of the answer entities found (any form found), the share whose predicted entity
  (the one holding most of its occurrences) has the answer's type.
- form coverage: occurring answer forms found in some predicted entity / occurring answer forms.

Counts are kept so stories can be pooled (micro-averaged).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from ..records import Entity, Story
from . import answer_folders

COUNTS = ("pairs_predicted", "pairs_correct", "pairs_gold", "pairs_recalled", "types_found",
          "types_correct", "forms_occurring", "forms_found")


def _occurrences(texts: dict[str, str], forms: list[str]) -> dict[str, list[tuple[str, int, int]]]:
    occ: dict[str, list[tuple[str, int, int]]] = {}
    for f in forms:
        rx = re.compile(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])")
        occ[f] = [(aid, m.start(), m.end()) for aid, t in texts.items() for m in rx.finditer(t)]
    # an occurrence inside an occurrence of a longer answer form does not count
    for f in forms:
        longer = [(a, s, e) for g in forms if len(g) > len(f) and f in g for (a, s, e) in occ[g]]
        if longer:
            occ[f] = [o for o in occ[f] if not any(a == o[0] and s <= o[1] and o[2] <= e for a, s, e in longer)]
    return occ


def score_entities(entities: tuple[Entity, ...], story: Story, names: list[dict]) -> dict:
    """Merge precision/recall, type accuracy and form coverage of ``entities`` against ``names``."""
    texts = {a.id: a.text for a in story.articles}
    gold_forms: list[tuple[int, str]] = []
    for gi, n in enumerate(names):
        for f in dict.fromkeys(n.get("forms") or [n["entity"]]):
            gold_forms.append((gi, f))
    occ = _occurrences(texts, sorted({f for _, f in gold_forms}))
    by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # aid -> (start, end, entity index)
    for ei, e in enumerate(entities):
        for m in e.mentions:
            by_article[m.span.article_id].append((m.span.start, m.span.end, ei))
    found: dict[tuple[int, str], Counter] = {}
    for gf in gold_forms:
        c: Counter = Counter()
        for aid, s, e in occ[gf[1]]:
            for ms, me, ei in by_article.get(aid, ()):
                if ms < e and s < me:
                    c[ei] += 1
        found[gf] = c
    occurring = [gf for gf in gold_forms if occ[gf[1]]]
    # merges the system made
    in_entity: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for gf, c in found.items():
        for ei in c:
            in_entity[ei].add(gf)
    predicted: set[frozenset] = set()
    for gfs in in_entity.values():
        for a, b in combinations(sorted(gfs), 2):
            predicted.add(frozenset((a, b)))
    correct = sum(1 for p in predicted if len({gi for gi, _ in p}) == 1)
    false_merges = sorted(" / ".join(f for _, f in sorted(p)) for p in predicted if len({gi for gi, _ in p}) > 1)
    # merges the answers ask for
    gold_pairs = [
        (a, b) for a, b in combinations(occurring, 2) if a[0] == b[0]
    ]
    recalled = sum(1 for a, b in gold_pairs if set(found[a]) & set(found[b]))
    missed = [f"{a[1]} / {b[1]}" for a, b in gold_pairs if not set(found[a]) & set(found[b])]
    # types
    types_found = types_correct = 0
    wrong_types = []
    for gi, n in enumerate(names):
        c: Counter = Counter()
        for gf in gold_forms:
            if gf[0] == gi:
                c.update(found[gf])
        if not c:
            continue
        types_found += 1
        ei = c.most_common(1)[0][0]
        if entities[ei].type == n["type"]:
            types_correct += 1
        else:
            wrong_types.append(f"{n['entity']}: {entities[ei].type} (answer {n['type']})")
    return {
        "pairs_predicted": len(predicted),
        "pairs_correct": correct,
        "pairs_gold": len(gold_pairs),
        "pairs_recalled": recalled,
        "types_found": types_found,
        "types_correct": types_correct,
        "forms_occurring": len(occurring),
        "forms_found": sum(1 for gf in occurring if found[gf]),
        "false_merges": false_merges,
        "missed_merges": missed,
        "wrong_types": wrong_types,
    }


def rates(counts: dict) -> dict:
    """Precision, recall, type accuracy and coverage from counts (1.0 when there is nothing to score)."""

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    return {
        "precision": ratio(counts["pairs_correct"], counts["pairs_predicted"]),
        "recall": ratio(counts["pairs_recalled"], counts["pairs_gold"]),
        "type_accuracy": ratio(counts["types_correct"], counts["types_found"]),
        "coverage": ratio(counts["forms_found"], counts["forms_occurring"]),
    }


def load_folder(folder: Path) -> tuple[Story, list[dict]]:
    from ..ingest import Reader, assemble
    from ..records import Article

    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    files = sorted((folder / "articles").iterdir())
    items = [x for x in Reader().read([str(f) for f in files]) if isinstance(x, Article)]
    story, _ = assemble(items)
    return story, answers.get("names", [])


def score_story(folder: Path) -> dict:
    from ..analyze.entities import find_entities

    story, names = load_folder(folder)
    result = score_entities(find_entities(story), story, names)
    result.update(rates(result))
    result["story"] = folder.name
    return result


def score_stories(folders) -> dict:
    """Per-story results and the pooled (micro-averaged) figures."""
    stories = [score_story(f) for f in answer_folders(folders)]
    pooled = {k: sum(s[k] for s in stories) for k in COUNTS}
    pooled.update(rates(pooled))
    return {"stories": stories, "pooled": pooled}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.eval.entities", description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", help="story folders with articles/ and answers.json")
    ap.add_argument("--details", action="store_true", help="list false merges, missed merges and wrong types")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = score_stories(args.folders)
    if args.json:
        json.dump(res, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'story':<20} {'P':>6} {'R':>6} {'type':>6} {'cover':>6}  pairs(pred/ok, gold/found)")
    for s in res["stories"] + [dict(res["pooled"], story="pooled")]:
        print(f"{s['story']:<20} {s['precision']:6.3f} {s['recall']:6.3f} {s['type_accuracy']:6.3f} "
              f"{s['coverage']:6.3f}  {s['pairs_predicted']}/{s['pairs_correct']}, {s['pairs_gold']}/{s['pairs_recalled']}")
        if args.details and s["story"] != "pooled":
            for k in ("false_merges", "missed_merges", "wrong_types"):
                for x in s[k]:
                    print(f"    {k[:-1].replace('_', ' ')}: {x}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
