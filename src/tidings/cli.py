"""The command line: parse options, call the library, render, exit.

Exit codes: 0 every input was used; 1 a briefing was written but some inputs
were skipped; 2 nothing usable was given, or the command was wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from contextlib import ExitStack
from typing import IO, Sequence

from . import __version__
from .errors import TidingsError, UsageError

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its message, add how to get help
        self.print_usage(sys.stderr)
        self.exit(EXIT_NOTHING, f"tidings: error: {message}\nRun `tidings {self.prog.split()[-1]} --help` "
                                f"for the options.\n" if " " in self.prog else f"tidings: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tidings", description="Many news articles about one event in, one briefing out: "
                "every sentence from a source and attributed to it.")
    p.add_argument("--version", action="version", version=f"tidings {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="text, HTML, RSS/Atom or JSONL(.gz) files, folders of them, URLs, or - for stdin")
        sp.add_argument("--config", metavar="FILE", help="TOML file of defaults (else $TIDINGS_CONFIG, then the "
                        "user config directory)")
        sp.add_argument("--timeout", type=float, metavar="SECONDS", help="time-out for each URL (default 20)")
        sp.add_argument("--no-fetch-linked", dest="fetch_linked", action="store_const", const=False,
                        help="do not fetch the page behind a feed item that is only a teaser")
        sp.add_argument("--out", metavar="FILE", help="write the output to FILE instead of standard output")

    b = sub.add_parser("brief", help="write a briefing on the story the sources tell",
                       description="Files, folders, URLs and feeds given together are one story and get one "
                       "briefing; each story line of a JSONL file gets its own.")
    common(b)
    b.add_argument("--words", type=int, metavar="N", help="summary length in words (default 250)")
    b.add_argument("--focus", metavar="QUESTION", help="steer the summary to a question or topic")
    b.add_argument("--format", choices=("markdown", "json"), help="markdown (default) or json")
    b.add_argument("--db", metavar="PATH", help="SQLite store (default: tidings.db in the user data directory)")
    b.add_argument("--no-store", dest="store", action="store_const", const=False,
                   help="keep nothing in the store")

    e = sub.add_parser("extract", help="show what tidings reads from each source after cleaning",
                       description="Prints title, date, outlet, author, URL and the cleaned text of every "
                       "article, so you see exactly what a briefing is built from.")
    common(e)
    e.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json (JSON Lines)")

    v = sub.add_parser("eval", help="score the summarizer on a benchmark (ROUGE, time, memory)",
                       description="Runs the summarizer on every cluster of DATASET (JSONL or JSONL.gz lines "
                       "{id, documents, summary|summaries}) and scores it by the protocol of "
                       "../shared/data/README.md, with peers side by side.")
    v.add_argument("dataset", metavar="DATASET")
    v.add_argument("--words", type=int, default=250, metavar="N", help="word budget (default 250)")
    v.add_argument("--limit", type=int, metavar="N", help="only the first N clusters (after --offset)")
    v.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N clusters")
    v.add_argument("--focus", action="store_true", help="steer each summary to the cluster's query")
    v.add_argument("--peers", default="", metavar="LIST",
                   help="comma-separated: lead, lexrank, or a JSONL(.gz) file of {id, system, summary}")
    v.add_argument("--save", metavar="FILE", help="write each cluster's summary as JSONL")
    v.add_argument("--report", metavar="FILE", help="write the JSON report here (default: print only)")

    t = sub.add_parser("train", help="train the salience model on oracle labels (a project command)",
                       description="Labels every cluster's sentences with the greedy ROUGE oracle and fits the "
                       "model that `tidings brief` ships (src/tidings/summarize/model.json).")
    t.add_argument("dataset", metavar="DATASET", help="e.g. ../shared/data/multinews/train-sample.jsonl.gz")
    t.add_argument("--clusters", type=int, default=20000, metavar="N", help="clusters to learn from (default 20000)")
    t.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--hidden", type=int, default=48, help="hidden units (default 48)")
    t.add_argument("--out", metavar="FILE", help="where to write the model (default: the packaged model.json)")
    return p


def main(argv: Sequence[str] | None = None, *, stdin: IO[bytes] | None = None, stdout: IO[str] | None = None,
         stderr: IO[str] | None = None, transport=None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(stderr)
        return EXIT_NOTHING
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = _run(args, stdin, stdout, stderr, transport)
        except TidingsError as exc:
            _warn_all(caught, stderr)
            print(f"tidings: error: {exc.message}", file=stderr)
            return EXIT_NOTHING
        except BrokenPipeError:
            return EXIT_OK
    return code


def _warn_all(caught: list, stderr: IO[str]) -> None:
    for w in caught:
        print(f"tidings: warning: {w.message}", file=stderr)
    caught.clear()


def _run(args: argparse.Namespace, stdin, stdout, stderr, transport) -> int:
    from .config import load_options

    if args.command == "eval":
        return _eval(args, stdout, stderr)
    if args.command == "train":
        from .summarize.learned import MODEL_PATH
        from .summarize.train import train

        train(args.dataset, clusters=args.clusters, seed=args.seed, epochs=args.epochs, hidden=args.hidden,
              out=args.out or MODEL_PATH, log=lambda msg: print(msg, file=stderr, flush=True))
        print(f"model written to {args.out or MODEL_PATH}", file=stdout)
        return EXIT_OK
    flags = {"timeout": args.timeout, "fetch_linked": args.fetch_linked}
    if args.command == "brief":
        flags.update(words=args.words, format=args.format, db=args.db, store=args.store, focus=args.focus)
    options = load_options(flags, config_path=args.config)
    with ExitStack() as stack:
        out = stdout
        if args.out:
            try:
                out = stack.enter_context(open(args.out, "w", encoding="utf-8"))
            except OSError as exc:
                raise UsageError(args.out, f"cannot be written ({exc.strerror})", "Give a writable path to --out") \
                    from None
        if args.command == "brief":
            return _brief(args, options, stdin, out, stderr, transport)
        return _extract(args, options, stdin, out, stderr, transport)


def _report(skipped, stderr: IO[str]) -> None:
    for s in skipped:
        print(f"tidings: skipped {s.message}", file=stderr)


def _brief(args, options, stdin, out: IO[str], stderr: IO[str], transport) -> int:
    from .briefing import brief_story
    from .ingest import Reader, StoryInput, assemble
    from .records import Article, Skipped
    from .render import briefing_to_dict, render_json, render_markdown

    started = time.perf_counter()
    from .analyze import ner

    ner.start_worker()  # the entity model loads beside reading the sources (see analyze/ner.py)
    store = None
    if options.store:
        from .store import Store

        store = Store(options.db)
    reader = Reader(options, transport=transport, stdin=stdin)
    loose: list[Article] = []
    loose_skipped: list[Skipped] = []
    all_skipped: list[Skipped] = []
    briefing_ids: list[str] = []
    written = 0
    lines_mode = False  # story lines in: JSON Lines out

    def emit(briefing) -> None:
        nonlocal written
        body = briefing_to_dict(briefing)
        if store is not None:
            briefing_ids.append(store.add_briefing(briefing, body))
        if options.format == "json":
            out.write(json.dumps(body, ensure_ascii=False) + "\n" if lines_mode else render_json(briefing) + "\n")
        else:
            out.write(("\n---\n\n" if written else "") + render_markdown(briefing))
        out.flush()
        written += 1

    try:
        for item in reader.read(args.sources):
            if isinstance(item, Article):
                loose.append(item)
            elif isinstance(item, Skipped):
                loose_skipped.append(item)
                _report([item], stderr)
            elif isinstance(item, StoryInput):
                lines_mode = True
                story, dups = assemble(item.articles, item.label)
                skipped = list(item.skipped) + list(dups)
                _report(skipped, stderr)
                all_skipped += skipped
                if story.articles:
                    emit(brief_story(story, options, skipped, started=time.perf_counter()))
                else:
                    miss = Skipped(item.label, "no article of this story could be used", "See the reasons above")
                    _report([miss], stderr)
                    all_skipped.append(miss)
        if loose:
            story, dups = assemble(loose)
            _report(dups, stderr)
            loose_skipped += dups
            emit(brief_story(story, options, loose_skipped, started=started))
        all_skipped += loose_skipped
    finally:
        if store is not None:
            store.add_run("brief " + " ".join(args.sources), options.as_dict(), __version__, briefing_ids,
                          [{"input": s.input, "reason": s.reason} for s in all_skipped + loose_skipped])
            store.close()
    if not written:
        print("tidings: error: no usable article was given, so there is no briefing. "
              "Fix the inputs listed above, or run `tidings extract` on them to see what was read.", file=stderr)
        return EXIT_NOTHING
    return EXIT_SKIPPED if all_skipped else EXIT_OK


def _extract(args, options, stdin, out: IO[str], stderr: IO[str], transport) -> int:
    from .ingest import Reader, StoryInput, assemble
    from .records import Article, Skipped
    from .render.json import article_dict

    reader = Reader(options, transport=transport, stdin=stdin)
    loose: list[Article] = []
    skipped: list[Skipped] = []
    shown = 0

    def show(articles, label=None) -> None:
        nonlocal shown
        for a in articles:
            if args.format == "json":
                row = {**article_dict(a), "story": label, "text": a.text, "furniture": list(a.furniture),
                       "credits": list(a.credits), "links": list(a.links)}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(_article_text(a, label))
            shown += 1

    for item in reader.read(args.sources):
        if isinstance(item, Article):
            loose.append(item)
        elif isinstance(item, Skipped):
            skipped.append(item)
            _report([item], stderr)
        elif isinstance(item, StoryInput):
            story, dups = assemble(item.articles, item.label)
            _report(list(item.skipped) + list(dups), stderr)
            skipped += list(item.skipped) + list(dups)
            show(story.articles, item.label)
    if loose:
        story, dups = assemble(loose)
        _report(dups, stderr)
        skipped += dups
        show(story.articles)
    if not shown:
        print("tidings: error: no usable article was found in the sources.", file=stderr)
        return EXIT_NOTHING
    return EXIT_SKIPPED if skipped else EXIT_OK


def _eval(args, stdout: IO[str], stderr: IO[str]) -> int:
    from .eval.runner import evaluate, format_report

    if args.words < 1 or (args.limit is not None and args.limit < 1) or args.offset < 0:
        raise UsageError("eval", "--words and --limit must be above 0 and --offset not below 0")
    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    report = evaluate(args.dataset, words=args.words, limit=args.limit, offset=args.offset, focus=args.focus,
                      peers=peers, save=args.save, progress=lambda msg: print(msg, file=stderr, flush=True))
    report["command"] = "tidings " + " ".join(sys.argv[1:]) if sys.argv[1:2] == ["eval"] else report["command"]
    print(format_report(report), file=stdout)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2)
            fh.write("\n")
    return EXIT_OK


def _article_text(a, label) -> str:
    rows = [("Source", a.origin), ("Story", label), ("Title", a.title), ("Outlet", a.outlet), ("Author", a.byline),
            ("Published", a.published), ("URL", a.url), ("Article id", a.id)]
    lines = [f"=== {a.origin}"] + [f"{k}: {v}" for k, v in rows[1:] if v]
    if a.teaser_only:
        lines.append("Teaser only: yes")
    for note in a.notes:
        lines.append(f"Note: {note}")
    if a.furniture:
        lines.append(f"Removed ({len(a.furniture)} lines): " + " | ".join(a.furniture))
    return "\n".join(lines) + "\n\n" + a.text + "\n\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
