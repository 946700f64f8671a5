"""``Answerer.answer(question) -> Answer``: the one entry point every surface calls (named so
as not to be confused with SQLAlchemy's ``Engine``, which it holds as ``sql_engine``)."""

import re
import threading
from dataclasses import replace

from sqlalchemy.engine import Engine as SqlEngine

from retrieval import compose
from retrieval.answer import Answer, AnswerKind, Context, Graded
from retrieval.index import Params
from retrieval.question import (
    Query,
    clean,
    content_words,
    decide_intent,
    nearest_names,
    parse_question,
)
from retrieval.snapshot import Snapshot
from store import queries
from store.councils import CouncilDirectory, CouncilRecord, directory
from store.db import create_schema, make_engine, open_session
from store.errors import LettersError
from store.ingest import load_bundled_if_empty
from store.vocabulary import YEARS

MAX_K = 20


class Answerer:
    def __init__(self, sql: SqlEngine, councils: CouncilDirectory, params: Params) -> None:
        self.sql_engine = sql
        self.councils = councils
        self.params = params
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, sql: SqlEngine | None = None, params: Params | None = None) -> "Answerer":
        sql = sql or make_engine()
        create_schema(sql)
        load_bundled_if_empty(sql)
        return cls(sql, directory(), params or Params())

    def snapshot(self) -> Snapshot:
        """The current store version's snapshot; rebuilt when an ingest has changed the store."""
        with open_session(self.sql_engine) as session:
            version = queries.store_version(session)
        snap = self._snapshot
        if snap is not None and snap.version == version:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = Snapshot.load(self.sql_engine, self.params)
                self._snapshot.warm()
            return self._snapshot

    def coverage(self) -> dict[str, dict[int, tuple[str, int]]]:
        with open_session(self.sql_engine) as session:
            return queries.coverage(session)

    def answer(
        self,
        question: str,
        *,
        context: Context | None = None,
        mode: str = "auto",
        offset: int = 0,
        k: int = 5,
    ) -> Answer:
        snap = self.snapshot()
        q = parse_question(question or "", self.councils)
        if context is not None and q.intent != "help":
            q = self._follow_up(q, context)
        if mode == "search" and q.intent != "help":
            q = replace(
                q, intent="search", search_words=q.search_words or (context.text if context else "")
            )
        return self._dispatch(question or "", q, snap, max(offset, 0), max(1, min(k, MAX_K)))

    def search(
        self, text: str, council: str | None = None, year: int | None = None, k: int = 10
    ) -> Answer:
        snap = self.snapshot()
        record = self.resolve_council(council) if council else None
        if council and record is None:
            names = nearest_names(council, self.councils)
            return Answer(
                AnswerKind.NOT_FOUND, text, f"No council called '{council}'.", options=tuple(names)
            )
        q = Query(
            clean(text),
            council=record,
            years=(year,) if year else (),
            intent="search",
            search_words=clean(text),
        )
        return compose.passages(text, q, snap, 0, max(1, min(k, 100)))

    def grades(self, council: str | None, year: int | None = None) -> Graded:
        """Every judgement held for ``council`` (None: every council), in ``year`` if given.
        Raises ``LettersError`` for a name that matches no council."""
        name = None
        if council:
            record = self.resolve_council(council)
            if record is None:
                raise LettersError(f"no council matches '{council}'")
            name = record.short_name
        with open_session(self.sql_engine) as session:
            rows = queries.judgements(session, name, [year] if year else None)
            return Graded(name, year, tuple(compose.finding(r) for r in rows))

    def resolve_council(self, name: str) -> CouncilRecord | None:
        """A council from a name as a person types it (alias, formal name, typo)."""
        found = self.councils.lookup(name)
        if len(found) != 1:
            q = parse_question(name, self.councils)
            return q.council
        return found[0]

    def _follow_up(self, q: Query, ctx: Context) -> Query:
        """'and in 2011?', 'what about being healthy?': fill the gaps from the thread."""
        if q.ambiguous or q.unknown_name:
            return q
        if q.council is not None:
            # "and Birmingham?", or "Bedfordshire" in answer to "which one?": keep the rest
            if q.years or q.area or content_words(q.search_words) or not (ctx.years or ctx.area):
                return q
            merged = replace(q, years=ctx.years, area=ctx.area)
            return replace(merged, intent=decide_intent(merged))
        if not ctx.council:
            return q
        council = self.councils.get(ctx.council)
        years = q.years or ctx.years
        area = q.area or (ctx.area if ctx.intent in ("grade", "trend") else None)
        merged = replace(q, council=council, years=years, area=area)
        intent = decide_intent(merged)
        if intent == "search" and (q.years or q.area) and ctx.intent != "search":
            intent = "grade" if area and len(years) == 1 else ctx.intent
        return replace(merged, intent=intent)

    def _dispatch(self, question: str, q: Query, snap: Snapshot, offset: int, k: int) -> Answer:
        if q.intent == "help":
            return compose.help_answer(question, snap)
        if q.ambiguous:
            names = tuple(c.short_name for c in q.ambiguous)
            return Answer(
                AnswerKind.CLARIFY,
                question,
                f"'{q.council_text}' could mean {' or '.join(names)}. Which one?",
                options=names,
                context=compose.context_of(q),
            )
        if q.council is None and q.unknown_name and (q.years or q.intent != "search"):
            names = tuple(nearest_names(q.unknown_name, self.councils))
            hint = f" Did you mean {' or '.join(names)}?" if names else ""
            return compose.not_found(
                question,
                q,
                f"No English children's services authority is called '{q.unknown_name}'.{hint}",
                names,
            )
        if q.council is not None and q.intent != "search":
            clarify = self._reorganised(question, q)
            if clarify is not None:
                return clarify
        if q.intent == "grade":
            return compose.one_grade(question, q, snap, q.years[0])
        if q.intent == "grades":
            return compose.grades(question, q, snap)
        if q.intent == "trend":
            return compose.trend(question, q, snap)
        if q.intent == "table":
            return compose.table(question, q, snap)
        return compose.passages(question, q, snap, offset, k)

    def _reorganised(self, question: str, q: Query) -> Answer | None:
        """'Bedford 2008': Bedford began in 2009; Bedfordshire held the duty until then."""
        council = q.council
        missing = [y for y in q.years if y in YEARS and not council.exists_in(y)]
        if not missing:
            return None
        related = [
            c
            for c in self.councils.councils
            if c is not council and _related(c, council) and any(c.exists_in(y) for y in missing)
        ]
        if not related:
            return None
        options = tuple(c.short_name for c in related) + (council.short_name,)
        spans = "; ".join(
            f"{c.short_name} {c.first_year}-{c.last_year}" for c in (*related, council)
        )
        return Answer(
            AnswerKind.CLARIFY,
            question,
            f"{council.short_name} was not a children's "
            f"services authority in {', '.join(map(str, missing))}. Which did you "
            f"mean? ({spans})",
            options=options,
            context=compose.context_of(q),
        )


def _related(a: CouncilRecord, b: CouncilRecord) -> bool:
    """Predecessor and successor councils of the 2009 reorganisation, from the table's notes."""

    def split_into(c: CouncilRecord) -> str:
        m = re.search(r"split into (.+?)\)", c.la_type)
        return m.group(1) if m else ""

    return (
        b.short_name in split_into(a).split(" and ")
        or a.short_name in re.split(r" and (?=[A-Z])", split_into(b))
        or b.short_name in re.split(r" and (?=[A-Z])", split_into(a))
    )
