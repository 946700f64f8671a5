"""``@letters …`` in a channel: the answer goes in a thread; follow-ups there build on it."""

from bot import blocks, payload
from bot.deps import Deps
from bot.incoming import first_delivery, from_person, question_text
from bot.threads import load_context, save_context, thread_key


def on_mention(deps: Deps, event: dict, body: dict, client) -> None:
    if not from_person(event):
        return
    with deps.work.slot():
        if not first_delivery(deps, body):
            return
        channel = event["channel"]
        thread_ts = event.get("thread_ts") or event["ts"]
        thread = thread_key(body, channel, thread_ts)
        previous = load_context(deps, thread) if event.get("thread_ts") else None
        answer = deps.engine.answer(question_text(event.get("text", "")), context=previous)
        payload.post(client, channel=channel, thread_ts=thread_ts, **blocks.to_blocks(answer))
        save_context(deps, thread, answer)
