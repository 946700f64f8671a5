"""Measure BM25 variants and parameters on the labelled passage questions.

    .venv/bin/python scripts/tune_bm25.py [QUESTIONS.jsonl ...]

Loads the fixture letters (tests/data/letters) into a temporary store, then for each variant and
parameter set prints hit@1, hit@3 and MRR@10 of the first passage that holds the expected text.
The README's "Retrieval" section records the outcome.
"""

import itertools
import sys
import tempfile
from pathlib import Path

from retrieval.answerer import Answerer
from retrieval.evaluate import _fold, load_questions
from retrieval.index import Params
from retrieval.snapshot import Snapshot
from store.db import create_schema, make_engine
from store.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests/data/questions/labelled.jsonl", ROOT / "tests/data/questions/dev.jsonl"]


def main(files: list[Path]) -> None:
    sql = make_engine(f"sqlite:///{tempfile.mkdtemp()}/tune.sqlite3")
    create_schema(sql)
    ingest_paths(sql, [ROOT / "tests/data/letters"])
    engine = Answerer.open(sql)
    items = [i for f in files for i in load_questions(f.read_text()) if i["expect"] == "passage"]
    queries = [(engine.read(i["q"]), _fold(i["contains"])) for i in items]
    grid = [
        Params("okapi", k1, b, epsilon=e)
        for k1, b, e in itertools.product((0.9, 1.2, 1.5, 2.0), (0.5, 0.75, 0.9), (0.25,))
    ]
    grid += [
        Params(v, k1, b, delta=d)
        for v, k1, b, d in itertools.product(
            ("l", "plus"), (0.9, 1.2, 1.5, 2.0), (0.5, 0.75, 0.9), (0.5, 1.0)
        )
    ]
    print(
        f"{len(queries)} passage questions over {len(Snapshot.load(sql, Params()).passages)} "
        "passages"
    )
    print(f"{'variant':<8}{'k1':>5}{'b':>6}{'delta':>7}{'hit@1':>8}{'hit@3':>8}{'MRR@10':>8}")
    for params in grid:
        snap = Snapshot.load(sql, params)
        ranks = [_rank(snap, q, needle) for q, needle in queries]
        hit1 = sum(r == 1 for r in ranks) / len(ranks)
        hit3 = sum(0 < r <= 3 for r in ranks) / len(ranks)
        mrr = sum(1 / r for r in ranks if r) / len(ranks)
        delta = "-" if params.variant == "okapi" else f"{params.delta}"
        print(
            f"{params.variant:<8}{params.k1:>5}{params.b:>6}{delta:>7}{hit1:>8.3f}{hit3:>8.3f}"
            f"{mrr:>8.3f}"
        )


def _rank(snap: Snapshot, q, needle: str) -> int:
    council = q.council.short_name if q.council else None
    hits = snap.search(q.search_words or q.text, 10, council=council, years=q.years)
    return next((i for i, (p, _) in enumerate(hits, 1) if needle in _fold(p.text)), 0)


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
