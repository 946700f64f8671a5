"""Votes as the store keeps them: one row per vote, its letters "; "-separated, a vote with no
answer known kept on its own, and the rows read back in the order they were first cast."""

from store import botstate
from store.botstate import Vote


def vote(sql, user: str, vote: Vote, **extra) -> Vote | None:
    return botstate.record_feedback(
        sql,
        user=user,
        channel="C1",
        question="Birmingham 2007 to 2011",
        answer_kind="trend",
        letters=["Birmingham APA 2007", "Birmingham CSA 2011"],
        vote=vote,
        **extra,
    )


def test_a_vote_with_no_team_or_answer_is_stored_with_an_empty_team_and_no_answer(sql_engine):
    vote(sql_engine, "U1", Vote.UP)
    [row] = botstate.feedback_rows(sql_engine)
    assert (row.user, row.team, row.answer, row.vote) == ("U1", "", None, "up")
    assert row.letters == "Birmingham APA 2007; Birmingham CSA 2011"


def test_votes_with_no_answer_known_are_each_kept(sql_engine):
    assert vote(sql_engine, "U1", Vote.UP) is None
    assert vote(sql_engine, "U1", Vote.DOWN) is None
    assert [r.vote for r in botstate.feedback_rows(sql_engine)] == ["up", "down"]


def test_rows_come_back_in_the_order_first_voted_even_after_a_vote_is_changed(sql_engine):
    vote(sql_engine, "U1", Vote.UP, answer="C1:1700000000.000100")
    vote(sql_engine, "U2", Vote.UP, answer="C1:1700000000.000200")
    assert vote(sql_engine, "U1", Vote.DOWN, answer="C1:1700000000.000100") == Vote.UP
    rows = botstate.feedback_rows(sql_engine)
    assert [(r.user, r.vote) for r in rows] == [("U1", "down"), ("U2", "up")]
