"""A 👍/👎 on an answer citing several letters is stored with every one of them."""

from store import botstate
from store.db import create_schema, make_engine


def test_feedback_on_a_trend_records_both_letters_it_cites(engine, tmp_path) -> None:
    answer = engine.answer("Birmingham 2007 to 2011")
    sql = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    create_schema(sql)
    botstate.record_feedback(
        sql,
        user="U1",
        channel="C1",
        question=answer.question,
        answer_kind=answer.kind,
        letters=list(answer.letters()),
        vote=botstate.Vote.DOWN,
    )
    [row] = botstate.feedback_rows(sql)
    assert (row.question, row.answer_kind, row.letters, row.vote) == (
        "Birmingham 2007 to 2011",
        "trend",
        "Birmingham APA 2007; Birmingham CSA 2011",
        "down",
    )
