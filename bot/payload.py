"""Every payload checked against Block Kit's documented limits before it is sent, and one that
breaks them replaced by a plain message that fits, so the user gets an answer, never silence.

Each block is parsed and validated by slack-sdk's Block Kit models, which carry the per-element
limits of Slack's reference (section text 3,000 characters, fields 10 of 2,000, button text 75
and value 2,000, header 150, context 10 elements, actions 25, block_id 255); the limits they do
not check are here, each with the page that states it.
"""

import logging
import secrets
import time
from enum import StrEnum

from slack_sdk.errors import SlackApiError, SlackObjectFormationError
from slack_sdk.models.blocks import Block

from bot.blocks import NEWER_BLOCKS, plainer

log = logging.getLogger("letters.bot")


class Surface(StrEnum):
    MESSAGE = "message"
    HOME = "home"


# https://docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks in each message, and
# 100 blocks in modals or Home tabs".
MAX_BLOCKS = {Surface.MESSAGE: 50, Surface.HOME: 100}
# https://docs.slack.dev/reference/methods/chat.postMessage: text beyond 40,000 characters is
# truncated; we refuse rather than let Slack cut a citation in half.
MAX_TEXT = 40_000
# https://docs.slack.dev/reference/block-kit/blocks/table-block: at most 100 rows of at most
# 20 cells, and one table a message.
MAX_TABLE_ROWS = 100
MAX_TABLE_CELLS = 20
MAX_TABLES = 1
# The plain message that replaces one over the limits: well inside a section's 3,000.
REPLACEMENT_CHARS = 2_900


def problems(payload: dict, surface: Surface = Surface.MESSAGE) -> list[str]:
    """What in ``payload`` Slack would refuse; empty when it may be sent."""
    found = []
    text = payload.get("text")
    if text is not None and len(text) > MAX_TEXT:
        found.append(f"text is {len(text)} characters, over {MAX_TEXT}")
    blocks = payload.get("blocks") or []
    if len(blocks) > MAX_BLOCKS[surface]:
        found.append(f"{len(blocks)} blocks, over the {MAX_BLOCKS[surface]} a {surface} holds")
    if sum(1 for b in blocks if b.get("type") == "table") > MAX_TABLES:
        found.append(f"more than {MAX_TABLES} table block")
    for i, block in enumerate(blocks):
        found += [f"block {i} ({block.get('type')}): {p}" for p in _block_problems(block)]
    return found


def _block_problems(block: dict) -> list[str]:
    parsed = Block.parse(block)
    if parsed is None:
        return ["not a Block Kit block"]
    try:
        parsed.to_dict()  # validates the block and every element inside it
    except SlackObjectFormationError as error:
        return [str(error)]
    if block.get("type") == "section" and "text" in block and not block["text"].get("text"):
        return ["empty section text"]  # Slack's minimum is one character
    if block.get("type") == "table":
        rows = block["rows"]  # present: slack-sdk requires it
        if len(rows) > MAX_TABLE_ROWS:
            return [f"{len(rows)} rows, over {MAX_TABLE_ROWS}"]
        if any(len(row) > MAX_TABLE_CELLS for row in rows):
            return [f"a row of more than {MAX_TABLE_CELLS} cells"]
    return []


def has_newer(payload: dict) -> bool:
    """Whether ``payload`` has a block a surface may refuse (a table, feedback buttons)."""
    return any(b.get("type") in NEWER_BLOCKS for b in payload.get("blocks") or [])


def post(client, **message) -> None:
    """``chat.postMessage``, checked, once. Sent again in older forms (tables as lists, plain
    feedback buttons) if Slack refuses its newer blocks. If the connection drops or times out
    after the post was sent (Slack may have it), the conversation is searched for it, by a
    mark in its metadata, and it is posted again only if it is not there."""
    message = {**checked(message), "metadata": _marked()}
    try:
        _post(client, message)
    except OSError as error:  # cut off: a reset, a closed connection, a timeout
        if _arrived(client, message):
            log.info("a post was cut off (%s) but had arrived", type(error).__name__)
            return
        log.warning("a post was cut off (%s) and had not arrived; sent again", type(error).__name__)
        _post(client, message)


def _post(client, message: dict) -> None:
    try:
        client.chat_postMessage(**message)
    except SlackApiError as error:
        if error.response.get("error") != "invalid_blocks" or not has_newer(message):
            raise
        log.warning("newer blocks were refused; sent in older forms instead")
        client.chat_postMessage(**checked(plainer(message)))


# The metadata event each post carries: a random mark, so a post whose reply was lost can be
# found in the conversation (https://docs.slack.dev/messaging/message-metadata).
MARK_EVENT = "letters_answer"
# How far back a cut-off post is looked for: it was sent seconds ago (slack-sdk's timeout is
# 30 s); ten minutes allows for a clock that is a little off.
LOOK_BACK_SECONDS = 600
LOOK_BACK_MESSAGES = 200  # the newest replies or messages searched: a thread is rarely longer


def _marked() -> dict:
    return {"event_type": MARK_EVENT, "event_payload": {"mark": secrets.token_hex(8)}}


def _arrived(client, message: dict) -> bool:
    """Whether the conversation holds ``message`` (its mark); False when it cannot be read, so
    the answer is sent again: twice is better than never."""
    mark = message["metadata"]["event_payload"]["mark"]
    since = f"{time.time() - LOOK_BACK_SECONDS:.6f}"
    where = {"channel": message["channel"], "oldest": since, "include_all_metadata": True}
    try:
        if message.get("thread_ts"):
            found = client.conversations_replies(
                ts=message["thread_ts"], limit=LOOK_BACK_MESSAGES, **where
            )
        else:
            found = client.conversations_history(limit=LOOK_BACK_MESSAGES, **where)
    except (SlackApiError, OSError) as error:
        log.warning("could not look for a cut-off post (%s)", type(error).__name__)
        return False
    return any(
        ((m.get("metadata") or {}).get("event_payload") or {}).get("mark") == mark
        for m in found.get("messages") or []
    )


def checked(payload: dict, surface: Surface = Surface.MESSAGE) -> dict:
    """``payload`` if Slack would take it; else a plain message saying what it could, logged
    with the reasons (a bug to fix: the renderers should never produce one)."""
    found = problems(payload, surface)
    if not found:
        return payload
    log.warning("a %s payload broke Block Kit's limits: %s", surface, "; ".join(found[:5]))
    text = (payload.get("text") or "").strip()
    if len(text) > REPLACEMENT_CHARS:
        text = text[: REPLACEMENT_CHARS - 1] + "…"
    note = "This answer was too large to show here in full: ask about one council, area or year."
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text or note}}]
    if text:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    safe = {k: v for k, v in payload.items() if k not in ("text", "blocks")}
    return {**safe, "text": text or note, "blocks": blocks}
