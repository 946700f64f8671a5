"""An in-memory view of one store version: judgements, passages and their BM25 index."""

from dataclasses import dataclass

import numpy as np
from sqlalchemy.engine import Engine as SqlEngine

from retrieval.index import Hit, Params, PassageIndex
from retrieval.tokenize import tokenize
from store import queries
from store.db import open_session
from store.queries import JudgementRow, LetterRef, PassageRow


@dataclass
class Snapshot:
    version: int
    held: dict[str, list[LetterRef]]
    judgements: dict[tuple[str, int, str], JudgementRow]
    passages: list[PassageRow]
    index: PassageIndex
    council_of_row: np.ndarray  # per passage row: index into ``councils``
    year_of_row: np.ndarray
    letter_of_row: np.ndarray
    councils: list[str]

    @classmethod
    def load(cls, sql: SqlEngine, params: Params) -> "Snapshot":
        with open_session(sql) as session:
            version = queries.store_version(session)
            held = queries.letters_held(session)
            rows = queries.judgements(session)
            passages = queries.passages(session)
        councils = sorted({p.letter.authority for p in passages} | set(held))
        position = {name: i for i, name in enumerate(councils)}
        index = PassageIndex.build([p.id for p in passages],
                                   [tokenize(f"{p.text}") for p in passages], params)
        return cls(
            version=version,
            held=held,
            judgements={(r.letter.authority, r.letter.year, r.area): r for r in rows},
            passages=passages,
            index=index,
            council_of_row=np.array([position[p.letter.authority] for p in passages], dtype=int),
            year_of_row=np.array([p.letter.year for p in passages], dtype=int),
            letter_of_row=np.array([p.letter.letter_id for p in passages], dtype=int),
            councils=councils,
        )

    def mask(self, council: str | None = None, years: tuple[int, ...] = (),
             letter_id: int | None = None, section: str | None = None) -> np.ndarray | None:
        if council is None and not years and letter_id is None:
            return None
        mask = np.ones(len(self.passages), dtype=bool)
        if council is not None:
            if council not in self.councils:
                return np.zeros(len(self.passages), dtype=bool)
            mask &= self.council_of_row == self.councils.index(council)
        if years:
            mask &= np.isin(self.year_of_row, years)
        if letter_id is not None:
            mask &= self.letter_of_row == letter_id
        if section is not None:
            mask &= np.array([p.section == section for p in self.passages])
        return mask

    def search(self, text: str, k: int, **filters) -> list[tuple[PassageRow, Hit]]:
        hits = self.index.search(tokenize(text), k, self.mask(**filters))
        by_id = self.row_by_id()
        return [(self.passages[by_id[h.passage_id]], h) for h in hits]

    def row_by_id(self) -> dict[int, int]:
        cached = getattr(self, "_row_by_id", None)
        if cached is None:
            cached = {p.id: i for i, p in enumerate(self.passages)}
            self._row_by_id = cached
        return cached

    def letter(self, council: str, year: int) -> LetterRef | None:
        return next((r for r in self.held.get(council, []) if r.year == year), None)
