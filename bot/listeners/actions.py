"""Buttons: Share in channel, More results, 👍/👎.

Button values carry the question (and context), never the answer: the engine answers again,
so a forged click can only ask a question, not post text of its choosing.
"""

from bot import blocks, payload
from bot.deps import Deps
from bot.errors import new_ref, undelivered
from bot.incoming import team_of
from bot.threads import save_context, thread_key
from retrieval.answer import Context
from retrieval.render import findings_csv
from store import botstate


def on_share(deps: Deps, ack, body: dict, action: dict, client) -> None:
    ack()
    with deps.work.slot():
        value = blocks.decode_value(action.get("value"))
        answer = deps.engine.answer(str(value.get("q", "")), mode="auto")
        url = body["response_url"]
        posted = deps.respond(
            url,
            response_type="in_channel",
            replace_original=False,
            **blocks.shared(answer, body["user"]["id"]),
        )
        if posted:  # the private copy goes only once the channel has the answer
            deps.respond(url, delete_original=True)
            return
        ref = new_ref()
        undelivered(ref, "a shared answer")
        told = deps.respond_privately(
            client,
            url,
            _channel(body),
            body["user"]["id"],
            response_type="ephemeral",
            replace_original=False,
            **blocks.sorry(ref, "the answer could not be shared in the channel; your copy is kept"),
        )
        if not told:
            undelivered(ref, "the apology for a shared answer")


def on_more(deps: Deps, ack, body: dict, action: dict, client) -> None:
    ack()
    with deps.work.slot():
        value = blocks.decode_value(action.get("value"))
        answer = deps.engine.answer(
            str(value.get("q", "")),
            mode="search",
            context=Context.from_dict(value.get("c")),
            offset=max(0, int(value.get("o") or 0)),
        )
        message = blocks.to_blocks(answer)
        if _ephemeral(body):
            delivered = deps.respond_privately(
                client,
                body["response_url"],
                _channel(body),
                body["user"]["id"],
                response_type="ephemeral",
                replace_original=False,
                **message,
            )
            if not delivered:
                undelivered(new_ref(), "more results")
            return
        payload.post(
            client,
            channel=body["channel"]["id"],
            thread_ts=body["message"].get("thread_ts"),
            **message,
        )


def on_choose(deps: Deps, ack, body: dict, action: dict, client) -> None:
    """A clarify or "did you mean" button: its question answered, in place of the message
    that asked (a private one stays private)."""
    ack()
    with deps.work.slot():
        question = str(blocks.decode_value(action.get("value")).get("q", ""))
        answer = deps.engine.answer(question, mode="auto")
        if "response_url" not in body:  # pressed in App Home: answered in a direct message
            payload.post(client, channel=body["user"]["id"], **blocks.to_blocks(answer))
            return
        if not _in_place(deps, client, body, answer, question, 0, "a chosen answer"):
            return
        thread_ts = (body.get("message") or {}).get("thread_ts")
        if (
            not _ephemeral(body) and thread_ts
        ):  # follow-ups in the thread build on the chosen reading
            save_context(deps, thread_key(body, _channel(body), thread_ts), answer)


def on_page(deps: Deps, ack, body: dict, action: dict, client) -> None:
    """Next or previous page of a listing, in place of the page shown."""
    ack()
    with deps.work.slot():
        value = blocks.decode_value(action.get("value"))
        question = str(value.get("q", ""))
        page = max(0, int(value.get("p") or 0))
        answer = deps.engine.answer(question, mode="auto")
        _in_place(deps, client, body, answer, question, page, "a page of a listing")


def _in_place(deps: Deps, client, body: dict, answer, question: str, page: int, what: str) -> bool:
    """``answer`` in place of the message whose button was pressed, rendered as that message
    was (a private ``/grade`` answer stays private); whether it was delivered."""
    if _ephemeral(body):
        message = blocks.for_command(answer, "/grade", question, page)
    else:
        message = blocks.to_blocks(answer, page)
    delivered = deps.respond_privately(
        client,
        body["response_url"],
        _channel(body),
        body["user"]["id"],
        replace_original=True,
        **message,
    )
    if not delivered:
        undelivered(new_ref(), what)
    return delivered


def on_csv(deps: Deps, ack, body: dict, action: dict, client) -> None:
    """The whole listing as a CSV file: in the answer's thread, or for a private answer in a
    direct message with the person who asked (a file in the channel would be public)."""
    ack()
    with deps.work.slot():
        question = str(blocks.decode_value(action.get("value")).get("q", ""))
        answer = deps.engine.answer(question, mode="auto")
        if _ephemeral(body):
            opened = client.conversations_open(users=body["user"]["id"])
            channel, thread_ts = opened["channel"]["id"], None
        else:
            message = body.get("message") or {}
            channel, thread_ts = _channel(body), message.get("thread_ts") or message.get("ts")
        client.files_upload_v2(
            channel=channel,
            thread_ts=thread_ts,
            content=findings_csv(answer.judgements),
            filename="grades.csv",
            title=f"{len(answer.judgements)} grades: {question}"[:CSV_TITLE],
            initial_comment=f"All {len(answer.judgements)} rows for “{question}”"[:CSV_TITLE],
        )


CSV_TITLE = 200  # a file's title and comment: one line, never the whole question pasted twice


def on_feedback(deps: Deps, ack, body: dict, action: dict, client) -> None:
    """The vote stored (a second press on the same answer changes it) and acknowledged to the
    voter alone: a message others can see is never changed."""
    ack()
    with deps.work.slot():
        value = blocks.decode_value(action.get("value"))
        vote = _vote(action, value)
        question = str(value.get("q", ""))
        replaced = botstate.record_feedback(
            deps.sql,
            team=team_of(body),
            user=body["user"]["id"],
            channel=_channel(body),
            question=question,
            answer_kind=str(value.get("k", "")),
            letters=[str(x) for x in value.get("l") or []],
            vote=vote,
            answer=_answer_key(body),
        )
        if _ephemeral(body):  # only the voter sees it: shown again, with the vote noted
            answer = deps.engine.answer(question, mode="auto")
            message = blocks.for_command(answer, "/grade", question)
            update = {"replace_original": True, "text": message["text"]}
            update["blocks"] = blocks.thanks(message["blocks"], vote, replaced)
        else:
            update = {"response_type": "ephemeral", "replace_original": False}
            update.update(blocks.vote_noted(vote, replaced))
        delivered = deps.respond_privately(
            client, body["response_url"], _channel(body), body["user"]["id"], **update
        )
        if not delivered:
            undelivered(new_ref(), "a vote's acknowledgement")


def _vote(action: dict, value: dict) -> botstate.Vote:
    """Slack's feedback buttons carry the vote in the pressed button's value; the plain
    buttons (a surface that refused them, or a message posted before them) in their id."""
    if action.get("action_id") == "feedback_up" or value.get("v") == botstate.Vote.UP:
        return botstate.Vote.UP
    return botstate.Vote.DOWN


def _answer_key(body: dict) -> str:
    """Which answer: its workspace, channel and message ts (an ephemeral one's, from the
    container)."""
    ts = (body.get("message") or {}).get("ts") or (body.get("container") or {}).get("message_ts")
    return thread_key(body, _channel(body), ts) if ts else ""


def _channel(body: dict) -> str:
    return (body.get("channel") or {}).get("id", "")


def _ephemeral(body: dict) -> bool:
    return bool((body.get("container") or {}).get("is_ephemeral")) or "message" not in body
