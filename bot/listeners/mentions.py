"""``@letters …`` in a channel: the answer goes in a thread; follow-ups there build on it."""

from bot import blocks, payload
from bot.deps import Deps
from bot.incoming import from_person, question_text
from bot.threads import load_context, save_context


def on_mention(deps: Deps, event: dict, client) -> None:
    if not from_person(event):
        return
    with deps.work.slot():
        channel = event["channel"]
        thread_ts = event.get("thread_ts") or event["ts"]
        thread = f"{channel}:{thread_ts}"
        previous = load_context(deps, thread) if event.get("thread_ts") else None
        answer = deps.engine.answer(question_text(event.get("text", "")), context=previous)
        payload.post(client, channel=channel, thread_ts=thread_ts, **blocks.to_blocks(answer))
        save_context(deps, thread, answer)
