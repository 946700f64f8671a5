"""Every passage and grade knows its page when the file marks pages, and every rendering cites
it: a reader holding the PDF finds the sentence."""

import json
import sqlite3
from pathlib import Path

from sqlmodel import Session, select

from store import models
from store.db import create_schema, make_engine
from store.pages import is_marked, page_at, page_starts
from store.parse import parse_letter
from tests.conftest import LETTERS

BIRMINGHAM = LETTERS / "birmingham_apa2007.txt"


def _with_breaks(text: str, every: int) -> tuple[str, list[int]]:
    """The letter with a form feed after every ``every``-th blank line; where each page starts."""
    out, starts, blanks = [], [], 0
    for line in text.split("\n"):
        out.append(line)
        if not line.strip():
            blanks += 1
            if blanks % every == 0:
                out.append("\f")
    joined = "\n".join(out)
    starts = [i + 1 for i, ch in enumerate(joined) if ch == "\f"]
    return joined, starts


def test_form_feeds_number_the_pages() -> None:
    text = "one\fdos\f\ftres"
    assert page_starts(text) == (4, 8, 9)
    assert [page_at(page_starts(text), i) for i in (0, 3, 4, 8, 9, 12)] == [1, 1, 2, 3, 4, 4]
    assert is_marked(text) and not is_marked("no pages here")


def test_footers_number_the_pages_when_there_are_no_form_feeds() -> None:
    text = "a\nPage 1 of 3\nb\n  Page 2 of 3  \nc\nPage 3 of 3\n"
    starts = page_starts(text)
    assert [page_at(starts, text.index(x)) for x in "abc"] == [1, 2, 3]
    assert page_starts("a\nPage 2 of 3\nb") == ()  # out of order: no trustworthy break


def test_every_grade_and_passage_of_a_paged_letter_has_the_right_page() -> None:
    text, starts = _with_breaks(BIRMINGHAM.read_text(encoding="utf-8"), every=6)
    assert len(starts) >= 4
    letter = parse_letter(text, "b.txt")
    for item in (*letter.judgements, *letter.passages):
        want = sum(1 for s in starts if s <= item.start) + 1
        assert item.page == want, (item, want)
    assert len({j.page for j in letter.judgements}) > 1


def test_a_letter_without_page_marks_cites_no_page() -> None:
    letter = parse_letter(BIRMINGHAM.read_text(encoding="utf-8"), "b.txt")
    assert {j.page for j in letter.judgements} == {None}


def test_a_store_made_before_pages_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:  # as an older version made it: no page columns
        conn.execute("ALTER TABLE judgement DROP COLUMN page")
        conn.execute("ALTER TABLE passage DROP COLUMN page")
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    with Session(engine) as session:
        assert session.exec(select(models.Judgement.page)).all() == []
    with sqlite3.connect(path) as conn:
        cols = {row[1] for row in conn.execute("PRAGMA table_info(passage)")}
    assert "page" in cols


def test_every_rendering_cites_the_page(tmp_path: Path) -> None:
    from tests.test_cli import run

    text, _ = _with_breaks(BIRMINGHAM.read_text(encoding="utf-8"), every=6)
    letter = parse_letter(text, "b.txt")
    safe = next(j for j in letter.judgements if j.area == "staying_safe")
    paged = tmp_path / "birmingham_paged.txt"
    paged.write_text(text, encoding="utf-8")
    assert run(tmp_path, "ingest", str(paged)).returncode == 0
    question = "what was Birmingham's Staying Safe grade in 2007?"
    out = " ".join(run(tmp_path, "ask", question).stdout.split())
    assert f"section “Staying Safe”, p. {safe.page} [birmingham_paged.txt]" in out
    data = json.loads(run(tmp_path, "ask", "--json", question).stdout)
    assert data["judgements"][0]["source"]["page"] == safe.page
    assert safe.page > 1  # not the default a bug would give


def test_block_kit_cites_the_page() -> None:
    from bot.blocks import citation
    from retrieval.answer import Source
    from store.vocabulary import LetterKind

    where = Source("Birmingham", LetterKind.APA, 2007, "T", "2007-11-26", "Staying safe", "b.txt")
    assert citation(where).endswith("section “Staying safe” · b.txt")
    paged = Source(
        *[
            getattr(where, f)
            for f in ("authority", "kind", "year", "title", "date", "section", "file")
        ],
        page=4,
    )
    assert citation(paged).endswith("section “Staying safe” · b.txt, p. 4")
