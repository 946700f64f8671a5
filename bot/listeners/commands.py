"""``/grade COUNCIL [AREA] [YEAR]``: a private answer, restating the query, with a Share button."""

from bot import blocks
from bot.deps import Deps
from store.vocabulary import AREA_LABELS

USAGE_WORDS = ("", "help", "?", "usage")


def on_grade(deps: Deps, ack, command: dict) -> None:
    query = (command.get("text") or "").strip()
    if query.lower() in USAGE_WORDS:
        ack(response_type="ephemeral", **blocks.grade_usage(list(AREA_LABELS.values())))
        return
    ack()  # within 3 seconds, before the engine runs; the answer follows via response_url
    answer = deps.engine.answer(query, mode="auto")
    deps.respond(
        command["response_url"],
        response_type="ephemeral",
        **blocks.for_command(answer, command.get("command", "/grade"), query),
    )
