"""The same passages and tokens in two other engines, for the side-by-side comparison.

Both take the token lists of ``retrieval.tokenize.tokenize`` (the engine's own tokenizer), so
the comparison is of scoring and top-k selection alone.

* ``Bm25sIndex``  bm25s with the variant and k1/b/delta of our ``Params`` (BM25Plus -> "bm25+").
  bm25s scores sparsely: a passage gets BM25+'s delta only for the query terms it contains,
  while rank_bm25 adds it for every query term to every passage; rankings can differ a little.
* ``Fts5Index``   an in-memory SQLite FTS5 table; MATCH with the OR of the query tokens,
  ORDER BY rank (= bm25(), Okapi BM25 with FTS5's fixed k1=1.2, b=0.75 and its own IDF).
"""

import sqlite3
from collections.abc import Sequence

import numpy as np

BM25S_METHOD = {"plus": "bm25+", "l": "bm25l", "okapi": "robertson"}


class Bm25sIndex:
    def __init__(self, ids: Sequence[int], docs: Sequence[list[str]], params) -> None:
        import bm25s

        self.ids = np.asarray(ids, dtype=np.int64)
        self.method = BM25S_METHOD[params.variant]
        kwargs = {"k1": params.k1, "b": params.b, "method": self.method}
        if params.variant != "okapi":
            kwargs["delta"] = params.delta
        self.model = bm25s.BM25(**kwargs)
        self.model.index([list(d) for d in docs], show_progress=False)
        self.vocab = self.model.vocab_dict

    def search(self, tokens: list[str], k: int = 10) -> list[int]:
        known = [t for t in tokens if t in self.vocab]
        if not known:
            return []
        docs, scores = self.model.retrieve(
            [known], k=min(k, len(self.ids)), show_progress=False, n_threads=0
        )
        return [int(self.ids[d]) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


class Fts5Index:
    def __init__(self, ids: Sequence[int], docs: Sequence[list[str]]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE p USING fts5(body, tokenize=\"unicode61 tokenchars '.%'\")"
        )
        self.db.executemany(
            "INSERT INTO p(rowid, body) VALUES (?, ?)",
            ((int(i), " ".join(d)) for i, d in zip(ids, docs, strict=True)),
        )
        self.db.commit()

    def search(self, tokens: list[str], k: int = 10) -> list[int]:
        terms = list(dict.fromkeys(t for t in tokens if t))
        if not terms:
            return []
        match = " OR ".join(f'"{t}"' for t in terms)
        rows = self.db.execute(
            "SELECT rowid FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?", (match, k)
        ).fetchall()
        return [r[0] for r in rows]
