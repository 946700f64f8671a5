"""``/grade COUNCIL [AREA] [YEAR]``: a private answer, restating the query, with a Share button."""

from bot import blocks
from bot.deps import Deps
from bot.errors import new_ref, undelivered
from store.vocabulary import AREA_LABELS

USAGE_WORDS = ("", "help", "?", "usage")


def on_grade(deps: Deps, ack, command: dict, client) -> None:
    query = (command.get("text") or "").strip()
    if query.lower() in USAGE_WORDS:
        ack(response_type="ephemeral", **blocks.grade_usage(list(AREA_LABELS.values())))
        return
    ack()  # within 3 seconds, before the engine runs; the answer follows via response_url
    with deps.work.slot():
        answer = deps.engine.answer(query, mode="auto")
        delivered = deps.respond_privately(
            client,
            command["response_url"],
            command.get("channel_id", ""),
            command.get("user_id", ""),
            response_type="ephemeral",
            **blocks.for_command(answer, command.get("command", "/grade"), query),
        )
        if not delivered:
            undelivered(new_ref(), "a /grade answer")
