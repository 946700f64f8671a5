"""Listeners grouped by surface, each bound to one app here with its dependencies.

Each listener: ack, extract, ``engine.answer``, render with ``bot.blocks``, send.
"""

import re

from slack_bolt import App

from bot.deps import Deps, bind


def register(app: App, deps: Deps) -> None:
    from bot import errors, incoming
    from bot.listeners import actions, commands, home, mentions, messages

    app.middleware(bind(incoming.answer_once, deps))
    app.event("app_mention")(bind(mentions.on_mention, deps))
    app.event("message")(bind(messages.on_message, deps))
    app.event("app_home_opened")(bind(home.on_home_opened, deps))
    app.command("/grade")(bind(commands.on_grade, deps))
    app.action("share")(bind(actions.on_share, deps))
    app.action("more")(bind(actions.on_more, deps))
    app.action(re.compile(r"^choose_\d+$"))(bind(actions.on_choose, deps))
    app.action(re.compile(r"^page(?:_back)?$"))(bind(actions.on_page, deps))
    app.action("csv")(bind(actions.on_csv, deps))
    app.action(re.compile(r"^feedback(?:_up|_down)?$"))(bind(actions.on_feedback, deps))
    app.error(bind(errors.on_error, deps))
