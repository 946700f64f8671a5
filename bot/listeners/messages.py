"""Direct messages: passage search; a grade question still gets its grade.

``mode="auto"``: the engine searches passages unless the question asks for a grade
(``mode="search"`` would force passages even then). "More results" pages with ``mode="search"``.
"""

from bot import blocks, payload
from bot.deps import Deps
from bot.incoming import first_delivery, from_person, question_text


def on_message(deps: Deps, event: dict, body: dict, client) -> None:
    """Every ``message`` event lands here; only a person's new message in a DM is answered."""
    if event.get("channel_type") != "im" or not from_person(event):
        return
    with deps.work.slot():
        if not first_delivery(deps, body):
            return
        answer = deps.engine.answer(question_text(event.get("text", "")), mode="auto")
        payload.post(
            client,
            channel=event["channel"],
            thread_ts=event.get("thread_ts"),
            **blocks.to_blocks(answer),
        )
