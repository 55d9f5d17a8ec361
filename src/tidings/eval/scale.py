"""How the time of one briefing grows with the story's size: 5 to 50 articles.

Stories are made from the project's own story fixtures (``.txt`` articles), each copy given a line of
its own so that no two articles are the same text. Times are in-process (``brief_story``, the model
already loaded), median of ``--repeat`` runs.

    python -m tidings.eval.scale [--sizes 5,10,25,50] [--repeat 3]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def articles(n: int):
    from ..ingest import article_id
    from ..records import Article

    files = sorted(p for d in [ROOT / "examples" / "ferry-fire"] + sorted((ROOT / "tests" / "fixtures" / "stories").iterdir())
                   if (d / "articles").is_dir() for p in (d / "articles").glob("*.txt"))
    out = []
    for i in range(n):
        f = files[i % len(files)]
        out.append(f.read_text(encoding="utf-8") + f"\n\nEditor's note {i}: this copy was filed again.\n")
    return [Article(id=article_id(t), text=t.split("\n", 1)[1].strip(), origin=f"copy-{i}.txt", kind="text",
                    title=t.split("\n", 1)[0]) for i, t in enumerate(out)]


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    sizes = [5, 10, 25, 50]
    repeat = 3
    for i, a in enumerate(args):
        if a == "--sizes":
            sizes = [int(x) for x in args[i + 1].split(",")]
        if a == "--repeat":
            repeat = int(args[i + 1])
    from ..analyze.ner import load
    from ..briefing import brief_story
    from ..ingest import assemble

    load()
    base = None
    print("articles  median s  x 5-article time")
    for n in sizes:
        story = assemble(articles(n))[0]
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            brief_story(story)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        base = base or med
        print(f"{len(story.articles):>8}  {med:8.2f}  {med / base:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
