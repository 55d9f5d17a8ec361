"""Accuracy of quote finding against stories with answer files (who said what, carried by whom).

    python -m tidings.eval.quotes examples/ferry-fire tests/fixtures/stories/*

A story folder holds ``articles/`` and ``answers.json`` with ``quotes``: [{speaker, text, sources}].
A predicted quote matches an answer quote when their normalised texts (lower-case words, quote marks,
apostrophes, whitespace and punctuation ignored) are equal or one contains the other. Precision:
matched predictions / predictions; recall: matched answers / answers; speaker accuracy, over matched
answers: the predicted speaker equals the answer's or is a part of it (a surname), and an answer
"unnamed X" is met by a role noun ("one resident", "Another tenant"); source accuracy, over matched
answers: the predicted quote's articles are exactly the answer's sources.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import answer_folders

_ROLE_START = {"the", "a", "an", "one", "another", "its", "his", "her", "their", "some", "unnamed"}


def _norm(text: str) -> str:
    from ..analyze.quotes import normalise

    return " ".join(normalise(text))


def _text_match(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def speaker_match(predicted: str | None, answer: str) -> bool:
    if predicted is None:
        return False
    p, a = _norm(predicted).split(), _norm(answer).split()
    if not p:
        return False
    if a and a[0] == "unnamed":
        # an unnamed source: any role noun (not a name) will do
        return predicted.split()[0].lower() in _ROLE_START or predicted[:1].islower()
    while p and p[0] in _ROLE_START:
        p = p[1:]
    while a and a[0] in _ROLE_START:
        a = a[1:]
    return bool(p) and _text_match(" ".join(p), " ".join(a)) and len(p) <= len(a)


def load(folder: Path):
    from ..ingest import Reader, assemble
    from ..records import Article

    items = [x for x in Reader().read([str(folder / "articles")]) if isinstance(x, Article)]
    story, _ = assemble(items)
    return story


def score_story(folder: Path, story=None, spans=None) -> dict:
    from ..analyze.quotes import find_quotes

    folder = Path(folder)
    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    story = story if story is not None else load(folder)
    file_of = {a.id: Path(a.origin).name for a in story.articles}
    quotes = find_quotes(story, spans)
    gold = answers.get("quotes", [])
    gold_norm = [_norm(g["text"]) for g in gold]
    pred_norm = [_norm(q.text) for q in quotes]
    matched_pred = {i for i, p in enumerate(pred_norm) if any(_text_match(p, g) for g in gold_norm)}
    pairs = []
    speaker_ok = sources_ok = 0
    for k, g in enumerate(gold):
        hits = [i for i, p in enumerate(pred_norm) if _text_match(p, gold_norm[k])]
        if not hits:
            pairs.append({"answer": g["text"], "found": False})
            continue
        # the prediction closest in length to the answer
        i = min(hits, key=lambda i: abs(len(pred_norm[i]) - len(gold_norm[k])))
        q = quotes[i]
        s_ok = speaker_match(q.speaker, g["speaker"])
        got_sources = sorted({file_of[a] for a in q.article_ids})
        src_ok = got_sources == sorted(g["sources"])
        speaker_ok += s_ok
        sources_ok += src_ok
        pairs.append({"answer": g["text"], "found": True, "speaker": g["speaker"], "got_speaker": q.speaker,
                      "speaker_ok": s_ok, "sources": sorted(g["sources"]), "got_sources": got_sources,
                      "sources_ok": src_ok})
    n_matched = sum(p["found"] for p in pairs)
    extra = [quotes[i].text for i in range(len(quotes)) if i not in matched_pred]
    return {"story": folder.name, "quotes": len(quotes), "answers": len(gold), "matched": n_matched,
            "matched_pred": len(matched_pred),
            "precision": round(len(matched_pred) / len(quotes), 3) if quotes else None,
            "recall": round(n_matched / len(gold), 3) if gold else None,
            "speaker": round(speaker_ok / n_matched, 3) if n_matched else None,
            "sources": round(sources_ok / n_matched, 3) if n_matched else None,
            "speaker_ok": speaker_ok, "sources_ok": sources_ok, "pairs": pairs, "extra": extra}


def pooled(rows: list[dict]) -> dict:
    n_pred = sum(r["quotes"] for r in rows)
    n_gold = sum(r["answers"] for r in rows)
    tp_pred = sum(r["matched_pred"] for r in rows)
    tp = sum(r["matched"] for r in rows)
    return {"story": "all (micro)", "quotes": n_pred, "answers": n_gold, "matched": tp,
            "precision": round(tp_pred / max(n_pred, 1), 3), "recall": round(tp / max(n_gold, 1), 3),
            "speaker": round(sum(r["speaker_ok"] for r in rows) / max(tp, 1), 3),
            "sources": round(sum(r["sources_ok"] for r in rows) / max(tp, 1), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    rows = [score_story(f) for f in answer_folders(args.folders)]
    print(f"{'story':<20} {'quotes':>6} {'answers':>7} {'P':>6} {'R':>6} {'speaker':>7} {'sources':>7}")
    for r in rows + [pooled(rows)]:
        print(f"{r['story']:<20} {r['quotes']:>6} {r['answers']:>7} {r['precision'] or 0:>6.2f} "
              f"{r['recall'] or 0:>6.2f} {r['speaker'] or 0:>7.2f} {r['sources'] or 0:>7.2f}")
        if args.verbose and "pairs" in r:
            for p in r["pairs"]:
                if not p["found"]:
                    print(f"    MISSED {p['answer'][:70]}")
                elif not (p["speaker_ok"] and p["sources_ok"]):
                    print(f"    BAD    {p['answer'][:50]!r} speaker {p['speaker']!r} got {p['got_speaker']!r}; "
                          f"sources {p['sources']} got {p['got_sources']}")
            for t in r["extra"]:
                print(f"    EXTRA  {t[:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
