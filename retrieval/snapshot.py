"""An in-memory view of one store version: judgements, passage keys and their BM25 index.

Grade answers need only the judgements, so loading is light; the index is built on first use
(or in the background right after loading) and cached on disk per store and version, so a
restart of an unchanged store does not tokenize 40,000 passages again.
"""

import hashlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine as SqlEngine

from retrieval.index import Hit, Params, PassageIndex
from retrieval.tokenize import TOKENIZER_VERSION, tokenize
from store import queries
from store.db import consistent_session, open_session
from store.queries import JudgementRow, LetterRef, PassageKeys, PassageRow


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "letters"


@dataclass
class Snapshot:
    sql: SqlEngine
    params: Params
    store_id: str
    version: int
    held: dict[str, list[LetterRef]]
    judgements: dict[tuple[str, int, str], JudgementRow]  # in key order: council, year, area
    by_council: dict[str, list[JudgementRow]]  # the same rows, in the same order
    keys: PassageKeys
    councils: list[str]
    council_of_row: np.ndarray
    year_of_row: np.ndarray
    letter_of_row: np.ndarray
    section_of_row: np.ndarray
    by_year: dict[int, list[JudgementRow]] = field(default_factory=dict)  # the same rows
    _index: PassageIndex | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _made: dict = field(default_factory=dict)  # values built once per row: see ``once``

    @classmethod
    def load(cls, sql: SqlEngine, params: Params) -> "Snapshot":
        with consistent_session(sql) as session:  # one version, while an ingest writes
            store_id, version = queries.store_id(session), queries.store_version(session)
            held = queries.letters_held(session)
            rows = queries.judgements(session)
            keys = queries.passage_keys(session)
        councils = sorted(set(keys.authorities) | set(held))
        position = {name: i for i, name in enumerate(councils)}
        judgements = dict(sorted(((r.letter.authority, r.letter.year, r.area), r) for r in rows))
        by_council: dict[str, list[JudgementRow]] = {}
        by_year: dict[int, list[JudgementRow]] = {}
        for (council, year, _), row in judgements.items():
            by_council.setdefault(council, []).append(row)
            by_year.setdefault(year, []).append(row)
        return cls(
            sql,
            params,
            store_id,
            version,
            held,
            judgements,
            by_council,
            keys,
            councils,
            np.array([position[a] for a in keys.authorities], dtype=np.int32),
            np.array(keys.years, dtype=np.int32),
            np.array(keys.letter_ids, dtype=np.int64),
            np.array(keys.section_ids, dtype=np.int64),
            by_year,
        )

    @property
    def index(self) -> PassageIndex:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._cached_index() or self._build_index(save=True)
        return self._index

    def warm(self, still_current: Callable[[], bool] = lambda: True, settle: float = 0) -> None:
        """Build or load the index in the background, so the first search does not wait; after
        ``settle`` seconds, and only if the snapshot is ``still_current`` then."""

        def build() -> None:
            time.sleep(settle)
            if still_current():
                self.index  # noqa: B018 (built on first use)

        threading.Thread(target=build, name="index-warm", daemon=True).start()

    def reference_index(self) -> PassageIndex:
        """A freshly fitted index with its rank_bm25 model, for parity checks and benchmarks."""
        return self._build_index(save=False)

    def _cache_path(self) -> Path:
        key = (
            f"{self.sql.url.render_as_string(hide_password=True)}|{self.store_id}|"
            f"{TOKENIZER_VERSION}"
        )
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        return cache_dir() / f"index-{digest}-v{self.version}.npz"

    def _cached_index(self) -> PassageIndex | None:
        path = self._cache_path()
        index = PassageIndex.load(path, self.params) if path.exists() else None
        if index is not None and list(index.ids) == self.keys.ids:
            return index
        return None

    def _build_index(self, save: bool) -> PassageIndex:
        with open_session(self.sql) as session:
            texts = queries.passage_texts(session, self.keys.ids)
        index = PassageIndex.build(
            self.keys.ids, [tokenize(t) for t in texts], self.params, keep_model=not save
        )
        if save and self.store_id:
            path = self._cache_path()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                for old in path.parent.glob(path.name.rsplit("-v", 1)[0] + "-v*.npz"):
                    old.unlink(missing_ok=True)  # earlier versions of this store
                index.save(path)
            except OSError:
                pass  # no cache is only slower
        return index

    def mask(
        self,
        council: str | None = None,
        years: tuple[int, ...] = (),
        letter_id: int | None = None,
        section: str | None = None,
    ) -> np.ndarray | None:
        if council is None and not years and letter_id is None:
            return None
        mask = np.ones(len(self.keys.ids), dtype=bool)
        if council is not None:
            if council not in self.councils:
                return np.zeros(len(self.keys.ids), dtype=bool)
            mask &= self.council_of_row == self.councils.index(council)
        if years:
            mask &= np.isin(self.year_of_row, years)
        if letter_id is not None:
            mask &= self.letter_of_row == letter_id
        if section is not None:
            wanted = [
                sid for sid, heading in self.keys.section_headings.items() if heading == section
            ]
            mask &= np.isin(self.section_of_row, wanted)
        return mask

    def search(self, text: str, k: int, **filters) -> list[tuple[PassageRow, Hit]]:
        return self.rows(self.hits(text, k, **filters))

    def hits(self, text: str, k: int, **filters) -> list[Hit]:
        """The top ``k`` passages' ids and scores, without their text."""
        mask = self.mask(**filters)
        if mask is not None and not mask.any():
            return []
        return self.index.search(tokenize(text), k, mask)

    def rows(self, hits: list[Hit]) -> list[tuple[PassageRow, Hit]]:
        """The passages of ``hits``, in their order."""
        if not hits:
            return []
        with self.sql.connect() as connection:
            rows = queries.passages_by_id(connection, [h.passage_id for h in hits], self.refs)
        return [(rows[h.passage_id], h) for h in hits if h.passage_id in rows]

    @property
    def refs(self) -> dict[int, LetterRef]:
        """Every letter held, by id."""
        refs = self._made.get("refs")
        if refs is None:
            refs = self._made["refs"] = {
                ref.letter_id: ref for held in self.held.values() for ref in held
            }
        return refs

    def once(self, row: JudgementRow, make):
        """``make(row)``, built once per judgement of this store version: a 150-council table
        then costs a lookup per row, not a new ``Finding`` each time it is asked."""
        key = (row.letter.authority, row.letter.year, row.area)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = make(row)
        return made

    def letter(self, council: str, year: int) -> LetterRef | None:
        return next((r for r in self.held.get(council, []) if r.year == year), None)
