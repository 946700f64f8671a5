"""``Answerer.answer(question) -> Answer``: the one entry point every surface calls (named so
as not to be confused with SQLAlchemy's ``Engine``, which it holds as ``sql_engine``)."""

import re
import threading
from dataclasses import replace
from functools import cache

from sqlalchemy.engine import Engine as SqlEngine

from retrieval import compose, ranking, reasoning
from retrieval.about import about
from retrieval.answer import Answer, AnswerKind, Context, Graded
from retrieval.index import Params
from retrieval.names import Gazetteer, gazetteer, words
from retrieval.reading import Op, Reading, Side, clean, decide, read
from retrieval.snapshot import Snapshot
from retrieval.tokenize import stem
from store import queries
from store.councils import CouncilDirectory, CouncilRecord, directory
from store.db import create_schema, make_engine, open_session
from store.errors import LettersError
from store.ingest import load_bundled
from store.vocabulary import AREA_LABELS, YEARS, graded_areas

MAX_K = 20
# An ingest changes the store version with every letter it commits. Building a version's
# passage index costs seconds of CPU; built for every version an answer saw during an ingest, it
# starved the answers and the acks. A version's index is built in the background once it has
# stood this long; a search before that builds it on demand.
SETTLE_SECONDS = 1.0


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
        load_bundled(sql)
        return cls(sql, directory(), params or Params())

    def snapshot(self) -> Snapshot:
        """The current store version's snapshot; rebuilt when an ingest has changed the store."""
        version = queries.current_version(self.sql_engine)
        snap = self._snapshot
        if snap is not None and snap.version == version:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                first = self._snapshot is None
                snap = self._snapshot = Snapshot.load(self.sql_engine, self.params)
                # While an ingest commits letter after letter, each answer loads a newer
                # snapshot: only the one still current after SETTLE_SECONDS builds its index.
                # The first snapshot of a process warms at once (nothing was ready before it).
                snap.warm(lambda: self._snapshot is snap, 0 if first else SETTLE_SECONDS)
            return self._snapshot

    def coverage(self) -> dict[str, dict[int, tuple[str, int]]]:
        with open_session(self.sql_engine) as session:
            return queries.coverage(session)

    @property
    def names(self) -> Gazetteer:
        return gazetteer(self.councils)

    def read(self, question: str, snap: Snapshot | None = None) -> Reading:
        """The structured reading of ``question``; words the letters use are never names."""
        snap = snap or self.snapshot()
        return read(question or "", self.names, _letter_words(snap))

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
        r = self.read(question, snap)
        if context is not None and r.op not in (Op.HELP, Op.ABOUT):
            r = self._follow_up(r, context)
        if mode == "search" and r.op != Op.HELP:
            r = replace(
                r, op=Op.SEARCH, search_words=r.search_words or (context.text if context else "")
            )
        answer = self._dispatch(question or "", r, snap, max(offset, 0), max(1, min(k, MAX_K)))
        return replace(answer, read_as=read_as(r))  # every answer says how it read the question

    def search(
        self, text: str, council: str | None = None, year: int | None = None, k: int = 10
    ) -> Answer:
        snap = self.snapshot()
        record = self.resolve_council(council) if council else None
        if council and record is None:
            names = self.names.nearest(council)
            return Answer(
                AnswerKind.NOT_FOUND, text, f"No council called '{council}'.", options=tuple(names)
            )
        r = Reading(
            clean(text),
            Op.SEARCH,
            sides=(Side(record, record.short_name),) if record else (),
            years=(year,) if year else (),
            search_words=clean(text),
        )
        return compose.passages(text, r, snap, 0, max(1, min(k, 100)))

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
            r = read(name, self.names)
            return r.council
        return found[0]

    def _follow_up(self, r: Reading, ctx: Context) -> Reading:
        """'and in 2011?', 'what about being healthy?': fill the gaps from the thread."""
        if r.ambiguous or r.unknown:
            return r
        if r.councils:
            # "and Birmingham?", or "Bedfordshire" in answer to "which one?": keep the rest
            if len(r.councils) > 1 or r.years or r.areas or r.topic or r.grades or r.order:
                return r
            if not (ctx.years or ctx.area):
                return r
            merged = replace(
                r,
                sides=(replace(r.sides[0], years=ctx.years),),
                years=ctx.years,
                areas=(ctx.area,) if ctx.area else (),
            )
            return replace(merged, op=_thread_op(decide(merged), ctx))
        if not ctx.council:
            return _across_councils_again(r, ctx)
        if r.op in (Op.RANK, Op.COUNT) and _cross_council(r):
            return r  # "which councils ...?" in a thread about one council stays across councils
        council = self.councils.get(ctx.council)
        years = r.years or ctx.years
        areas = r.areas or ((ctx.area,) if ctx.area and ctx.intent in ("grade", "trend") else ())
        merged = replace(
            r, sides=(Side(council, council.short_name, years),), years=years, areas=areas
        )
        op = decide(merged)
        if op == Op.SEARCH and (r.years or r.areas) and ctx.intent != "search":
            op = _thread_op(Op.LOOKUP, ctx)
        return replace(merged, op=op)

    def _dispatch(self, question: str, r: Reading, snap: Snapshot, offset: int, k: int) -> Answer:
        if r.op == Op.HELP:
            return compose.help_answer(question, snap)
        if r.op == Op.ABOUT:
            return about(question, r, snap)
        if r.ambiguous and (not r.councils or r.op != Op.SEARCH):
            text, options = r.ambiguous[0]
            names = tuple(c.short_name for c in options)
            return Answer(
                AnswerKind.CLARIFY,
                question,
                f"'{text}' could mean {' or '.join(names)}. Which one?",
                options=names,
                choices=compose.choices(question, text, names),
                context=compose.context_of(r),
            )
        if r.unknown and not r.councils and r.op != Op.SEARCH:
            return self._unknown(question, r)
        if r.op == Op.SEARCH:
            return compose.passages(question, r, snap, offset, k)
        if r.op == Op.COMPARE:
            return reasoning.compare(question, r, snap)
        if r.op in (Op.RANK, Op.COUNT) and not r.councils:
            fn = ranking.rank if r.op == Op.RANK else ranking.count
            return fn(question, r, snap)
        council = r.council
        if council is None:
            return compose.passages(question, r, snap, offset, k)
        clarify = self._reorganised(question, r) if r.op != Op.CHANGE else None
        if clarify is not None:
            return self._years_it_existed(question, r, snap, offset, k, clarify)
        if r.op == Op.YESNO:
            return reasoning.yes_no(question, r, snap)
        if r.op == Op.COUNT:
            return reasoning.letter_count(question, r, snap)
        if r.op == Op.CHANGE:
            return reasoning.change(question, r, snap)
        chosen = reasoning.letter_lookup(question, r, snap)
        if chosen is not None:
            return chosen
        if r.areas and len(r.years) == 1:
            return compose.one_grade(question, r, snap, r.years[0])
        if r.areas and len(r.years) > 1:
            return reasoning.change(question, r, snap)
        if r.areas:
            ref = reasoning.chosen_letter(snap, r, council.short_name, r.area)
            if ref is not None:
                return compose.one_grade(question, r, snap, ref.year)
        ref = snap.letter(council.short_name, r.years[0]) if len(r.years) == 1 else None
        if ref is not None and graded_areas(ref.kind, ref.year) == ("overall",):
            return compose.one_grade(question, r, snap, ref.year)  # a CSA's one rating
        return compose.grades(question, r, snap)

    def _years_it_existed(
        self, question: str, r: Reading, snap: Snapshot, offset: int, k: int, told: Answer
    ) -> Answer:
        """'Bedfordshire 2008 and 2009': the year it was an authority answered as asked, and
        the year it was not said so (``told``), so no part of the question is dropped."""
        kept = tuple(y for y in r.years if y not in YEARS or r.council.exists_in(y))
        if told.kind == AnswerKind.CLARIFY or not kept:
            return told
        side = replace(r.sides[0], years=kept)
        rest = self._dispatch(question, replace(r, sides=(side,), years=kept), snap, offset, k)
        return replace(rest, message=f"{rest.message}\n{told.message}")

    def _unknown(self, question: str, r: Reading) -> Answer:
        name = r.unknown[0]
        names = tuple(self.names.nearest(name))
        hint = f" Did you mean {' or '.join(names)}?" if names else ""
        return compose.not_found(
            question,
            r,
            f"I don't know '{name}': no English children's services authority is called "
            f"that.{hint}",
            names,
            typed=name,
        )

    def _reorganised(self, question: str, r: Reading) -> Answer | None:
        """'Bedford 2008': Bedford began in 2009; Bedfordshire held the duty until then."""
        council = r.council
        missing = [y for y in r.years if y in YEARS and not council.exists_in(y)]
        if not missing:
            return None
        related = [
            c
            for c in reorganised(self.councils).get(council.short_name, ())
            if any(c.exists_in(y) for y in missing)
        ]
        if not related:
            return None
        spans = "; ".join(
            f"{c.short_name} {c.first_year}-{c.last_year}" for c in (*related, council)
        )
        typed = " ".join(words(r.sides[0].text))
        if any(" ".join(words(c.short_name)).startswith(typed) for c in related):
            # "Bedford 2008", "Cheshire 2010": the name typed begins the other council's
            options = tuple(c.short_name for c in related) + (council.short_name,)
            return Answer(
                AnswerKind.CLARIFY,
                question,
                f"{council.short_name} was not a children's "
                f"services authority in {', '.join(map(str, missing))}. Which did you "
                f"mean? ({spans})",
                options=options,
                choices=compose.choices(question, r.sides[0].text, options),
                context=compose.context_of(r),
            )
        when = "after" if all(c.first_year > council.last_year for c in related) else "before"
        held = "took over its duties" if when == "after" else "held the duty then"
        return compose.not_found(
            question,
            r,
            f"{council.short_name} was not a children's services authority in "
            f"{', '.join(map(str, missing))} (it was from {council.first_year} to "
            f"{council.last_year}); {' and '.join(c.short_name for c in related)} {held} "
            f"({spans}).",
            tuple(c.short_name for c in related),
        )


def _across_councils_again(r: Reading, ctx: Context) -> Reading:
    """'and in 2008?' in a thread listing every council's staying safe grades: the same
    listing for the year or area now asked (the thread keeps no grade filter, so all grades)."""
    if ctx.intent != "table" or r.councils or r.topic or not (r.years or r.areas):
        return r
    areas = r.areas or ((ctx.area,) if ctx.area else ())
    merged = replace(r, years=r.years or ctx.years, areas=areas)
    op = decide(merged)
    return replace(merged, op=op if op in (Op.RANK, Op.COUNT) else Op.RANK)


def _thread_op(op: Op, ctx: Context) -> Op:
    """A follow-up that names only a council or a year asks what the thread asked."""
    if op in (Op.SEARCH, Op.LOOKUP) and ctx.intent == "trend":
        return Op.CHANGE
    if op == Op.SEARCH and ctx.intent in ("grade", "grades"):
        return Op.LOOKUP
    return op


def _cross_council(r: Reading) -> bool:
    return "plural" in r.cues or r.order is not None or bool(r.grades)


def _letter_words(snap: Snapshot):
    """Whether the letters use a word (as the search index stems it). The index is touched only
    when a question has words left to judge, so a grade question never waits for it."""
    return lambda word: stem(word) in snap.index.postings


def read_as(r: Reading) -> str:
    """One line saying how the question was read, so a misreading shows."""
    if r.op == Op.HELP:
        return ""
    parts = [" and ".join(s.council.short_name for s in r.sides) if r.sides else ""]
    parts += [" or ".join(f"{t}?" for t, _ in r.ambiguous)]
    parts += [", ".join(AREA_LABELS[a].lower() for a in r.areas)]
    if r.any_area and not r.areas:
        parts.append("any area")
    if r.grades:
        parts.append("grade " + " or ".join(map(str, sorted(r.grades, reverse=True))))
    if r.years:
        parts.append(compose._years(r.years))
    if r.scale:
        parts.append(f"{r.scale.upper()} letters")
    if r.order:
        parts.append(f"{r.order} first" if r.sort_all else f"the {r.order}")
    if r.latest:
        parts.append("latest")
    parts.append(str(r.op))
    if r.trimmed:
        parts.append("from the message's last sentence")
    line = "Read as: " + " · ".join(p for p in parts if p)
    if (r.unknown or r.unread) and r.op != Op.SEARCH:  # a search's words are all searched
        line += " · not recognised: " + ", ".join(f"'{w}'" for w in (*r.unknown, *r.unread))
    return line


@cache
def reorganised(councils: CouncilDirectory) -> dict[str, tuple[CouncilRecord, ...]]:
    """Each council's predecessor or successors in the 2009 reorganisation, read once from the
    table's notes ("county (abolished 1 Apr 2009; split into Bedford and Central ...)")."""
    known = {c.short_name for c in councils.councils}
    pairs: dict[str, list[CouncilRecord]] = {}
    for old in councils.councils:
        m = re.search(r"split into (.+?)\)", old.la_type)
        for name in _successors(m.group(1), known) if m else ():
            new = councils.get(name)
            if new is not None:
                pairs.setdefault(old.short_name, []).append(new)
                pairs.setdefault(new.short_name, []).append(old)
    return {name: tuple(found) for name, found in pairs.items()}


def _successors(text: str, known: set[str]) -> list[str]:
    """ "Cheshire East and Cheshire West and Chester" -> both names: split at an " and " that
    ends a name the table lists."""
    parts, current = [], ""
    for piece in text.split(" and "):
        candidate = f"{current} and {piece}" if current else piece
        if current and current in known and piece and piece[0].isupper():
            parts.append(current)
            current = piece
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts
