"""Buttons: Share in channel, More results, 👍/👎.

Button values carry the question (and context), never the answer: the engine answers again,
so a forged click can only ask a question, not post text of its choosing.
"""

from bot import blocks
from bot.deps import Deps
from retrieval.answer import Context
from store import botstate


def on_share(deps: Deps, ack, body: dict, action: dict) -> None:
    ack()
    value = blocks.decode_value(action.get("value"))
    answer = deps.engine.answer(str(value.get("q", "")), mode="auto")
    url = body["response_url"]
    deps.respond(
        url,
        response_type="in_channel",
        replace_original=False,
        **blocks.shared(answer, body["user"]["id"]),
    )
    deps.respond(url, delete_original=True)


def on_more(deps: Deps, ack, body: dict, action: dict, client) -> None:
    ack()
    value = blocks.decode_value(action.get("value"))
    answer = deps.engine.answer(
        str(value.get("q", "")),
        mode="search",
        context=Context.from_dict(value.get("c")),
        offset=max(0, int(value.get("o") or 0)),
    )
    message = blocks.to_blocks(answer)
    if _ephemeral(body):
        deps.respond(
            body["response_url"], response_type="ephemeral", replace_original=False, **message
        )
        return
    client.chat_postMessage(
        channel=body["channel"]["id"], thread_ts=body["message"].get("thread_ts"), **message
    )


def on_feedback(deps: Deps, ack, body: dict, action: dict) -> None:
    ack()
    value = blocks.decode_value(action.get("value"))
    vote = botstate.Vote.UP if action["action_id"] == "feedback_up" else botstate.Vote.DOWN
    question = str(value.get("q", ""))
    botstate.record_feedback(
        deps.sql,
        user=body["user"]["id"],
        channel=(body.get("channel") or {}).get("id", ""),
        question=question,
        answer_kind=str(value.get("k", "")),
        letters=[str(x) for x in value.get("l") or []],
        vote=vote,
    )
    if _ephemeral(body):  # Slack sends no copy of an ephemeral message: render it again
        answer = deps.engine.answer(question, mode="auto")
        message = blocks.for_command(answer, "/grade", question)
    else:
        message = {"text": body["message"].get("text", ""), "blocks": body["message"]["blocks"]}
    deps.respond(
        body["response_url"],
        replace_original=True,
        text=message["text"],
        blocks=blocks.thanks(message["blocks"], vote),
    )


def _ephemeral(body: dict) -> bool:
    return bool((body.get("container") or {}).get("is_ephemeral")) or "message" not in body
