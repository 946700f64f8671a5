"""BM25 over passages: rank_bm25 fits the statistics, a sparse index scores with them.

``rank_bm25.get_scores`` walks every passage for every query word (about 80 ms a query at 50k
passages). The fitted model's per-term contributions are precomputed into postings here, so a
query touches only the passages that contain its words. Terms a passage lacks add the same
constant to every passage in BM25Plus (and nothing in Okapi and rank_bm25's BM25L), so
rankings equal ``get_scores`` exactly; the parity test checks this.
"""

import os
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

import numpy as np
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

VARIANTS = {"okapi": BM25Okapi, "l": BM25L, "plus": BM25Plus}


@dataclass(frozen=True)
class Hit:
    passage_id: int
    score: float


@dataclass(frozen=True)
class Params:
    """Chosen by scripts/tune_bm25.py on the labelled passage questions (README, Retrieval)."""

    variant: str = "plus"
    k1: float = 1.2
    b: float = 0.5
    delta: float = 0.5  # BM25L / BM25Plus only
    epsilon: float = 0.25  # BM25Okapi only


class PassageIndex:
    def __init__(
        self,
        ids: list[int],
        model,
        postings: dict[str, tuple[np.ndarray, np.ndarray]],
        params: Params,
    ) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.model = model  # the fitted rank_bm25 object: the reference ranking
        self.postings = postings
        self.params = params

    @classmethod
    def build(
        cls,
        ids: Sequence[int],
        docs: Sequence[list[str]],
        params: Params = Params(),
        keep_model: bool = True,
    ) -> "PassageIndex":
        """Fit rank_bm25 and derive the postings. ``keep_model=False`` lets the fitted model
        (per-passage term dicts, most of the memory) go once the postings exist."""
        if not docs:
            return cls([], None, {}, params)
        kwargs = {"k1": params.k1, "b": params.b}
        if params.variant == "okapi":
            kwargs["epsilon"] = params.epsilon
        else:
            kwargs["delta"] = params.delta
        model = VARIANTS[params.variant](list(docs), **kwargs)
        return cls(list(ids), model if keep_model else None, _postings(model, params), params)

    def __len__(self) -> int:
        return len(self.ids)

    def search(
        self, tokens: list[str], k: int = 10, candidates: np.ndarray | None = None
    ) -> list[Hit]:
        """Top ``k`` passages for ``tokens``, ties broken by passage id; ``candidates`` is a
        boolean mask over rows (a council's or a year's passages) or None for all."""
        if not len(self.ids):
            return []
        scores = np.zeros(len(self.ids))
        touched = np.zeros(len(self.ids), dtype=bool)
        for token in tokens:
            posting = self.postings.get(token)
            if posting is not None:
                rows, contrib = posting
                scores[rows] += contrib
                touched[rows] = True
        mask = touched if candidates is None else touched & candidates
        return self._top(scores, np.flatnonzero(mask), k)

    def reference_search(
        self, tokens: list[str], k: int = 10, candidates: np.ndarray | None = None
    ) -> list[Hit]:
        """Exhaustive rank_bm25 scoring: the slow path the fast one must agree with."""
        if not len(self.ids):
            return []
        if self.model is None:
            raise ValueError(
                "this index keeps no rank_bm25 model (serving or cached index); "
                "use Snapshot.reference_index() to compare"
            )
        scores = self.model.get_scores(tokens)
        present = np.zeros(len(self.ids), dtype=bool)
        for token in set(tokens):
            if token in self.postings:
                present[self.postings[token][0]] = True
        mask = present if candidates is None else present & candidates
        baseline = _absent_constant(self.model, tokens, self.params)
        return self._top(scores - baseline, np.flatnonzero(mask), k)

    def save(self, path: Path) -> None:
        """Write the postings (not the rank_bm25 model) for a fast start next time."""
        terms = sorted(self.postings)
        rows = [self.postings[t][0] for t in terms]
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(
            tmp,
            ids=self.ids,
            terms=np.array(terms, dtype=object).astype(str),
            lengths=np.array([len(r) for r in rows], dtype=np.int64),
            rows=np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64),
            contrib=np.concatenate([self.postings[t][1] for t in terms]) if terms else np.zeros(0),
            params=np.array(astuple(self.params), dtype=object).astype(str),
        )
        os.replace(tmp, path)  # readers never see half a file

    @classmethod
    def load(cls, path: Path, params: Params) -> "PassageIndex | None":
        try:
            data = np.load(path, allow_pickle=False)
            if list(data["params"]) != [str(v) for v in astuple(params)]:
                return None
            ends = np.cumsum(data["lengths"])
            starts = ends - data["lengths"]
            rows, contrib = data["rows"], data["contrib"]
            postings = {
                str(t): (rows[s:e], contrib[s:e])
                for t, s, e in zip(data["terms"], starts, ends, strict=True)
            }
            return cls(list(data["ids"]), None, postings, params)
        except (OSError, KeyError, ValueError):
            return None  # a missing or damaged cache is rebuilt

    def _top(self, scores: np.ndarray, rows: np.ndarray, k: int) -> list[Hit]:
        if not len(rows):
            return []
        # Round away float noise from summation order, then sort by score desc, id asc.
        chosen = np.round(scores[rows], 9)
        if len(rows) > k * PARTITION_FACTOR:
            # Only rows scoring at least the k-th best can be in the top k (ties included):
            # sorting those, not every row a common word touched, keeps the order exact.
            floor = np.partition(chosen, len(chosen) - k)[len(chosen) - k]
            keep = np.flatnonzero(chosen >= floor)
            rows, chosen = rows[keep], chosen[keep]
        order = np.lexsort((self.ids[rows], -chosen))[:k]
        return [Hit(int(self.ids[rows[i]]), float(chosen[i])) for i in order]


PARTITION_FACTOR = 8  # below this many rows per hit wanted, a full sort is as quick


def _postings(model, params: Params) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per term, the rows holding it and their score contributions under the fitted model."""
    k1, b = params.k1, params.b
    norm = 1 - b + b * np.asarray(model.doc_len, dtype=float) / model.avgdl
    rows_by_term: dict[str, list[int]] = {}
    freqs_by_term: dict[str, list[int]] = {}
    for row, freqs in enumerate(model.doc_freqs):
        for term, f in freqs.items():
            rows_by_term.setdefault(term, []).append(row)
            freqs_by_term.setdefault(term, []).append(f)
    postings = {}
    for term, rows in rows_by_term.items():
        r = np.asarray(rows, dtype=np.int64)
        f = np.asarray(freqs_by_term[term], dtype=float)
        idf = model.idf.get(term) or 0.0
        if params.variant == "okapi":
            c = idf * f * (k1 + 1) / (f + k1 * norm[r])
        elif params.variant == "l":
            # rank_bm25's BM25L, term frequency factor included, exactly as get_scores has it
            ctd = f / norm[r]
            d = params.delta
            c = idf * f * (k1 + 1) * (ctd + d) / (k1 + ctd + d)
        else:
            c = idf * (params.delta + f * (k1 + 1) / (k1 * norm[r] + f)) - idf * params.delta
        postings[term] = (r, c)
    return postings


def _absent_constant(model, tokens: list[str], params: Params) -> float:
    """What rank_bm25 adds to every passage for each query term, present or not (BM25Plus)."""
    if params.variant != "plus":
        return 0.0
    return sum((model.idf.get(token) or 0.0) * params.delta for token in tokens)
