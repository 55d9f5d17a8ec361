"""Accuracy of the timeline against stories with answer files (events and their dates).

    python -m tidings.eval.timeline examples/ferry-fire tests/fixtures/stories/*

A story folder holds ``articles/`` and ``answers.json`` (shape: examples/ferry-fire). An event of
the timeline matches an answer event when one of its sentences contains one of the answer's quoted
sentences (or the other way round). Precision: matched timeline events / timeline events; recall:
matched answer events / answer events; date exactness: matched events whose date and precision
equal the answer's (a planned flag must agree too).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import answer_folders


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def score_story(folder: Path) -> dict:
    from ..ingest import Reader, assemble
    from ..records import Article
    from ..timeline import build_timeline

    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    items = [x for x in Reader().read([str(folder / "articles")]) if isinstance(x, Article)]
    story, _ = assemble(items)
    texts = {a.id: a.text for a in story.articles}
    timeline = build_timeline(story)
    gold = answers.get("events", [])
    gold_quotes = [[_norm(q) for q in (g.get("quotes") or {}).values()] for g in gold]
    matched_pred, matched_gold, exact = set(), set(), 0
    pairs = []
    for i, e in enumerate(timeline.events):
        sents = [_norm(texts[sp.article_id][sp.start:sp.end]) for sp in (e.span,) + e.support]
        for k, quotes in enumerate(gold_quotes):
            if k in matched_gold:
                continue
            if any(q and (q in s or s in q) for q in quotes for s in sents):
                matched_pred.add(i)
                matched_gold.add(k)
                ok = e.date == gold[k]["date"] and bool(e.planned) == bool(gold[k].get("planned"))
                exact += ok
                pairs.append({"answer": gold[k]["what"], "expected": gold[k]["date"], "got": e.date, "exact": ok})
                break
    n_pred, n_gold = len(timeline.events), len(gold)
    return {"story": folder.name, "events": n_pred, "answers": n_gold, "matched": len(matched_gold),
            "precision": round(len(matched_pred) / n_pred, 3) if n_pred else None,
            "recall": round(len(matched_gold) / n_gold, 3) if n_gold else None,
            "date_exact": round(exact / len(matched_gold), 3) if matched_gold else None,
            "pairs": pairs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    rows = [score_story(f) for f in answer_folders(args.folders)]
    print(f"{'story':<20} {'events':>6} {'answers':>7} {'P':>6} {'R':>6} {'dates':>6}")
    tp = sum(r["matched"] for r in rows)
    for r in rows:
        print(f"{r['story']:<20} {r['events']:>6} {r['answers']:>7} {r['precision'] or 0:>6.2f} "
              f"{r['recall'] or 0:>6.2f} {r['date_exact'] or 0:>6.2f}")
        if args.verbose:
            for p in r["pairs"]:
                print(f"    {'ok ' if p['exact'] else 'BAD'} {p['expected']:<22} got {p['got']:<22} {p['answer'][:60]}")
    n_pred = sum(r["events"] for r in rows)
    n_gold = sum(r["answers"] for r in rows)
    exact = sum(sum(p["exact"] for p in r["pairs"]) for r in rows)
    print(f"{'all (micro)':<20} {n_pred:>6} {n_gold:>7} {tp / max(n_pred, 1):>6.2f} {tp / max(n_gold, 1):>6.2f} "
          f"{exact / max(tp, 1):>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
