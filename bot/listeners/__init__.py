"""Listeners grouped by surface, each bound to one app here with its dependencies.

Each listener: ack, extract, ``engine.answer``, render with ``bot.blocks``, send.
"""

import re

from slack_bolt import App

from bot.deps import Deps, bind

# The events and commands the app answers: manifest.yml subscribes to the same (``message`` as
# ``message.im``, direct messages only); a test keeps the two in step.
EVENTS = ("app_mention", "message", "app_home_opened")
COMMANDS = ("/grade",)


def register(app: App, deps: Deps) -> None:
    from bot import errors, incoming
    from bot.listeners import actions, commands, home, mentions, messages

    app.middleware(bind(incoming.answer_once, deps))
    listeners = (mentions.on_mention, messages.on_message, home.on_home_opened)
    for event, listener in zip(EVENTS, listeners, strict=True):
        app.event(event)(bind(listener, deps))
    app.command(COMMANDS[0])(bind(commands.on_grade, deps))
    app.action("share")(bind(actions.on_share, deps))
    app.action("more")(bind(actions.on_more, deps))
    app.action(re.compile(r"^choose_\d+$"))(bind(actions.on_choose, deps))
    app.action(re.compile(r"^page(?:_back)?$"))(bind(actions.on_page, deps))
    app.action("csv")(bind(actions.on_csv, deps))
    app.action(re.compile(r"^feedback(?:_up|_down)?$"))(bind(actions.on_feedback, deps))
    app.error(bind(errors.on_error, deps))
