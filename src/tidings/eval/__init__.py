"""Benchmarks: dataset readers, the ROUGE protocol of ../shared/data/README.md, peers and reports."""

from pathlib import Path


def answer_folders(paths) -> list[Path]:
    """The story folders among ``paths`` that hold an answers file (a shell glob such as
    ``tests/fixtures/stories/*`` also brings the folder's README)."""
    return [Path(p) for p in paths if (Path(p) / "answers.json").exists()]
