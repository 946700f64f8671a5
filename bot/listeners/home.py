"""App Home: what the bot holds, example questions, how to use each surface."""

from bot import blocks, payload
from bot.deps import Deps


def on_home_opened(deps: Deps, event: dict, client) -> None:
    if event.get("tab", "home") != "home":
        return
    with deps.work.slot():
        view = blocks.home_view(deps.engine.coverage())
        client.views_publish(
            user_id=event["user"], view=payload.checked(view, payload.Surface.HOME)
        )
