"""The quality floor pinned in a baseline file, checked in CI on the first validation clusters.

    python -m tidings.eval.gate                 # check: fails when a score falls below its floor
    python -m tidings.eval.gate --raise         # pin higher floors after an improvement
    python -m tidings.eval.gate --lower --reason "why the drop is accepted"

Raising is easy; lowering needs ``--lower`` and a reason, both kept in the file's
history so a drop is never silent.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

BASELINE = Path(__file__).resolve().parents[3] / "tests" / "eval_baseline.json"
METRICS = ("rouge1", "rouge2", "rougeLsum")


def load(path: Path = BASELINE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def measure(baseline: dict, dataset: str | None = None) -> dict[str, float]:
    from .runner import evaluate

    data = dataset or str(Path(__file__).resolve().parents[3].parent / baseline["dataset"])
    report = evaluate(data, words=baseline["words"], limit=baseline["clusters"])
    return {m: report["systems"]["tidings"][m] for m in METRICS}


def check(scores: dict[str, float], baseline: dict) -> list[str]:
    """The metrics that fell below their floor (floor minus the stated tolerance)."""
    tol = baseline.get("tolerance", 0.0)
    return [f"{m} {scores[m]:.2f} < floor {baseline['floors'][m]:.2f} (tolerance {tol})"
            for m in METRICS if scores[m] < baseline["floors"][m] - tol]


def update(scores: dict[str, float], baseline: dict, *, lower: bool, reason: str | None) -> dict:
    new = dict(baseline["floors"])
    drops = [m for m in METRICS if round(scores[m], 2) < new[m]]
    if drops and not lower:
        raise SystemExit(f"refusing to lower {', '.join(drops)}: pass --lower --reason '...' to accept a drop")
    if drops and not reason:
        raise SystemExit("--lower needs --reason: say why the drop is accepted")
    for m in METRICS:
        new[m] = round(scores[m], 2) if (lower or scores[m] > new[m]) else new[m]
    entry = {"date": date.today().isoformat(), "floors": new}
    if drops:
        entry["lowered"] = drops
        entry["reason"] = reason
    return {**baseline, "floors": new, "history": baseline.get("history", []) + [entry]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raise", dest="raise_", action="store_true", help="pin the measured scores where higher")
    ap.add_argument("--lower", action="store_true", help="accept lower scores (needs --reason)")
    ap.add_argument("--reason", help="why a lower floor is accepted")
    ap.add_argument("--baseline", default=str(BASELINE))
    ap.add_argument("--dataset", help="override the dataset path in the baseline file")
    args = ap.parse_args(argv)
    path = Path(args.baseline)
    baseline = load(path)
    scores = measure(baseline, args.dataset)
    print("measured: " + ", ".join(f"{m} {scores[m]:.2f}" for m in METRICS))
    if args.raise_ or args.lower:
        path.write_text(json.dumps(update(scores, baseline, lower=args.lower, reason=args.reason), indent=2) + "\n")
        print(f"floors written to {path}")
        return 0
    failed = check(scores, baseline)
    for line in failed:
        print("below the floor: " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
