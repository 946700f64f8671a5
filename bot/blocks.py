"""Slack rendering of an ``Answer``: Block Kit blocks plus a plain ``text`` fallback. Pure.

Letter and question text is escaped for mrkdwn (``&``, ``<``, ``>``) and defanged, so nothing
quoted can ping ``@channel``/``@here``/a user; messages stay within Slack's limits (3,000
characters a section, 50 blocks); whatever is cut is marked with "…" and a note.
"""

import json
import re
from datetime import date

from retrieval.answer import Answer, AnswerKind, Source
from retrieval.render import same_text
from store.botstate import Vote
from store.vocabulary import ARCHIVE_SPAN, REGIME_YEARS, REGIMES_IN_WORDS, LetterKind

SECTION_LIMIT = 3000
CONTEXT_LIMIT = 2000
TEXT_LIMIT = 3000  # the notification fallback; Slack allows more, nobody reads more
VALUE_LIMIT = 2000
MAX_BLOCKS = 50
HOME_LISTING = 60  # sections of the App Home's council list (a home view holds 100 blocks)
RESERVED = 5  # room kept for the notes and buttons that close a message
ELLIPSIS = "…"
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.I)
_PARTIAL_ENTITY = re.compile(r"&[a-z]{0,4}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")


def escape(text: str) -> str:
    """Plain text made safe for mrkdwn: entities escaped, broadcast words unable to ping."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: "@\u2060" + m.group(1), text)


def clip(mrkdwn: str, limit: int) -> tuple[str, bool]:
    """``mrkdwn`` cut to ``limit`` characters at a word, ending "…"; True when it was cut."""
    if len(mrkdwn) <= limit:
        return mrkdwn, False
    cut = mrkdwn[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return _PARTIAL_ENTITY.sub("", cut).rstrip() + ELLIPSIS, True


def quote(text: str) -> str:
    return "\n".join(">" + line for line in escape(text.strip()).splitlines() or [""])


def section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn, "verbatim": True}}


def context(mrkdwn: str) -> dict:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": clip(mrkdwn, CONTEXT_LIMIT)[0], "verbatim": True}],
    }


def button(label: str, action_id: str, value: dict, style: str | None = None) -> dict:
    element = {
        "type": "button",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "action_id": action_id,
        "value": encode_value(value),
    }
    if style:
        element["style"] = style
    return element


def encode_value(value: dict) -> str:
    """A button value under Slack's 2,000 characters: the letters an answer cites are kept
    while they fit (a 150-council table cites 150; "lx" says how many were left out), then a
    long question is shortened."""
    data = dict(value)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    letters = list(data.get("l") or [])
    while len(text) > VALUE_LIMIT and letters:
        letters.pop()
        data["l"], data["lx"] = letters, len(value["l"]) - len(letters)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    while len(text) > VALUE_LIMIT and data.get("q"):
        data["q"] = data["q"][: max(0, len(data["q"]) - (len(text) - VALUE_LIMIT) - 8)]
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text


def decode_value(text: str) -> dict:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def citation(s: Source) -> str:
    """Which letter, its date and section, and the way to it: "Open letter, p. 4" linked to
    where it was published when that is known, else its file name and page."""
    when = long_date(s.date) if s.date else "undated"
    page = f", p. {s.page}" if s.page else ""
    cited = escape(
        f"{s.authority} {s.kind.upper()} {s.year} letter · {when} · section "
        f"“{s.section or 'untitled'}” · "
    )
    if s.url:  # checked at ingest: http(s), no spaces, quotes, <, > or |
        return f"{cited}<{s.url}|Open letter{page}>"
    return cited + escape(f"{s.file}{page}")


def long_date(iso: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d:%B %Y}"


class _Message:
    """Blocks under Slack's limits: a section that is too long is cut, blocks past the limit
    are counted and replaced by one note."""

    def __init__(self, limit: int = MAX_BLOCKS) -> None:
        self.blocks: list[dict] = []
        self.limit = limit - RESERVED
        self.cut = False
        self.omitted = 0

    def add(self, *blocks: dict) -> bool:
        """Adds one item (a few blocks that go together); False when it no longer fits."""
        if self.omitted or len(self.blocks) + len(blocks) > self.limit:
            self.omitted += 1
            return False
        for block in blocks:
            text = block.get("text", {})
            if block["type"] == "section" and len(text["text"]) > SECTION_LIMIT:
                text["text"], _ = clip(text["text"], SECTION_LIMIT)
                self.cut = True
            self.blocks.append(block)
        return True

    def close(self, noun: str, hint: str) -> list[dict]:
        if self.cut:
            self.blocks.append(
                context(
                    f"{ELLIPSIS} Long text was cut to fit in Slack; the full "
                    "wording is in the letter cited."
                )
            )
        if self.omitted:
            self.blocks.append(
                context(f"{ELLIPSIS} and {self.omitted} more {noun} not shown here; {hint}.")
            )
        return self.blocks


PAGE_ROWS = 20  # a listing's rows a page: a phone screen or two; the rest one press away
LISTED = 12  # more findings than this are listed one line each, not quoted one by one


def to_blocks(answer: Answer, page: int = 0) -> dict:
    """``{"text": fallback, "blocks": [...]}`` for any kind of answer; a long listing shows
    ``page`` (from 0) of its rows, with buttons for the next page and the whole as CSV."""
    msg = _Message()
    msg.add(section(escape(answer.message)))
    listing = answer.kind == AnswerKind.TABLE or len(answer.judgements) > LISTED
    pages = -(-len(answer.judgements) // PAGE_ROWS)
    if listing:
        page = min(max(page, 0), max(pages - 1, 0))
        rows = answer.judgements[page * PAGE_ROWS : (page + 1) * PAGE_ROWS]
        msg.add(*grade_table(rows, answer.judgements))
        if pages > 1:
            first = page * PAGE_ROWS + 1
            msg.add(
                context(f"Rows {first}-{first + len(rows) - 1} of {len(answer.judgements)}"),
                _pager(answer, page, pages),
            )
    else:
        if answer.kind == AnswerKind.COMPARE and len(answer.judgements) > 1:
            msg.add(*grade_table(answer.judgements))  # the sides at a glance, then each quote
        for f in answer.judgements:
            msg.add(
                section(f"*{escape(f'{f.authority} — {f.area_label}, {f.year}')}*\n*{f.phrase}*"),
                section(quote(f.quote)),
                context(citation(f.source)),
            )
    shown = 0
    for rank, p in enumerate(answer.passages, start=answer.offset + 1):
        same = f" · {escape(same_text(p))}" if p.same_in else ""
        shown += msg.add(section(quote(p.text)), context(f"{citation(p.source)} · #{rank}{same}"))
    if answer.options:
        lead = "*Try asking:*\n" if answer.kind == AnswerKind.HELP else ""
        msg.add(section(lead + "\n".join(f"• {escape(o)}" for o in answer.options)))
    if answer.choices:
        msg.add(choice_buttons(answer))
    blocks = msg.close(
        *(
            ("passages", "press More results to see them")
            if answer.passages and not answer.judgements
            else ("grades", "ask about one council, area or year to see them")
        )
    )
    if answer.read_as:
        blocks.append(context(escape(answer.read_as)))  # so a misreading shows at once
    if answer.context is not None and (answer.more or shown < len(answer.passages)):
        # The next page starts after the last passage shown, not the last one found.
        blocks.append(
            {
                "type": "actions",
                "block_id": "more",
                "elements": [
                    button(
                        "More results",
                        "more",
                        {
                            "q": answer.question,
                            "c": answer.context.to_dict(),
                            "o": answer.offset + shown,
                        },
                    )
                ],
            }
        )
    if answer.kind != AnswerKind.HELP:
        blocks.append(feedback_block(answer))
    return {"text": fallback(answer), "blocks": blocks}


MAX_CHOICES = 5  # buttons offered for a clarify or "did you mean": more is a list to read
BUTTON_TEXT = 75  # Block Kit's limit on a button's label


def choice_buttons(answer: Answer) -> dict:
    """Each option as a button that asks its question; pressing one answers it in place."""
    pairs = list(zip(answer.options, answer.choices, strict=True))[:MAX_CHOICES]
    return {
        "type": "actions",
        "block_id": "choices",
        "elements": [
            button(clip(label, BUTTON_TEXT)[0], f"choose_{i}", {"q": question})
            for i, (label, question) in enumerate(pairs)
        ],
    }


def _pager(answer: Answer, page: int, pages: int) -> dict:
    """Next and previous pages, and the whole listing as a CSV file; each button carries the
    question and a page number, never the answer."""
    elements = []
    if page > 0:
        elements.append(button("Previous", "page_back", {"q": answer.question, "p": page - 1}))
    if page + 1 < pages:
        left = min(PAGE_ROWS, len(answer.judgements) - (page + 1) * PAGE_ROWS)
        elements.append(button(f"Next {left}", "page", {"q": answer.question, "p": page + 1}))
    elements.append(button("All as CSV", "csv", {"q": answer.question}))
    return {"type": "actions", "block_id": "pages", "elements": elements}


def feedback_block(answer: Answer) -> dict:
    """Slack's own feedback buttons (a ``feedback_buttons`` element in a ``context_actions``
    block), each carrying the question and its vote; ``plainer`` makes them plain buttons for a
    surface that refuses them."""
    value = {"q": answer.question, "k": answer.kind, "l": list(answer.letters())}
    return {
        "type": "context_actions",
        "block_id": "feedback",
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": "feedback",
                "positive_button": _vote_button(value, Vote.UP),
                "negative_button": _vote_button(value, Vote.DOWN),
            }
        ],
    }


def _vote_button(value: dict, vote: Vote) -> dict:
    mark, label = VOTE_MARKS[vote]
    return {
        "text": {"type": "plain_text", "text": mark},
        "value": encode_value({**value, "v": str(vote)}),
        "accessibility_label": label,
    }


# How each vote is shown, and read out by a screen reader.
VOTE_MARKS = {
    Vote.UP: ("👍", "This answer was useful"),
    Vote.DOWN: ("👎", "This answer was not useful"),
}


def plain_feedback(block: dict) -> dict:
    """Feedback buttons as two plain buttons (``feedback_up``, ``feedback_down``), the same
    values in them."""
    element = block["elements"][0]
    up, down = element["positive_button"], element["negative_button"]
    return {
        "type": "actions",
        "block_id": "feedback",
        "elements": [
            {**_plain_button(up), "action_id": "feedback_up"},
            {**_plain_button(down), "action_id": "feedback_down"},
        ],
    }


def _plain_button(vote_button: dict) -> dict:
    return {"type": "button", "text": vote_button["text"], "value": vote_button["value"]}


def fallback(answer: Answer) -> str:
    lines = [answer.message]
    if len(answer.judgements) == 1:
        f = answer.judgements[0]
        lines.append(f"{f.authority}, {f.area_label}, {f.year}: {f.phrase}")
    lines += [f"Source: {name}" for name in answer.letters()[:3]]
    return clip(escape("\n".join(lines)), TEXT_LIMIT)[0]


def grade_table(findings, shown_with=None) -> list[dict]:
    """Findings as Slack's table block, one row a finding: the council, its grade and a short
    citation, and the year and area only where the rows differ in them (a caption above the
    table names them once, so a phone shows each row on a line or two). ``shown_with``: every
    finding of the answer, of which these are one page (the columns stay the same across
    pages)."""
    every = list(shown_with or findings)
    years = {f.year for f in every}
    areas = {f.area_label for f in every}
    kinds = {f.source.kind for f in every}
    columns = [("Council", lambda f: _cell(f.authority))]
    if len(years) > 1:
        columns.append(("Year", lambda f: _cell(str(f.year))))
    if len(areas) > 1:
        columns.append(("Area", lambda f: _cell(f.area_label)))
    columns.append(("Grade", lambda f: _cell(f.phrase)))
    one_letter_a_council = len(years) == 1 and len(kinds) == 1
    columns.append(("Letter", lambda f: _short_cite(f.source, one_letter_a_council)))
    rows = [[_cell(name) for name, _ in columns]]
    rows += [[make(f) for _, make in columns] for f in findings]
    table = {
        "type": "table",
        "column_settings": [{"is_wrapped": True}],
        "rows": rows,
    }
    shared = [*sorted(areas)][:1] if len(areas) == 1 else []
    shared += [str(*years)] if len(years) == 1 else []
    shared += [f"{str(*kinds).upper()} letters"] if one_letter_a_council else []
    return [context(escape(" · ".join(shared))), table] if shared else [table]


def _cell(text: str) -> dict:
    """Raw text: nothing in a cell is read as markup, so nothing needs escaping."""
    return {"type": "raw_text", "text": text}


def _short_cite(s: Source, same_letter_kind: bool) -> dict:
    """The letter in a few words: its date where every row is a letter of one kind and year
    (the caption says which), else its kind and year; and its page. A link to it where known."""
    when = long_date(s.date) if same_letter_kind and s.date else f"{s.kind.upper()} {s.year}"
    text = when + (f", p. {s.page}" if s.page else "")
    if not s.url:
        return _cell(text)
    link = {"type": "link", "url": s.url, "text": text}
    return {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [link]}]}


def cell_text(cell: dict) -> str:
    """What a table cell shows, raw text or a rich text link."""
    if cell.get("type") == "raw_text":
        return cell.get("text", "")
    return "".join(
        part.get("text", "")
        for section in cell.get("elements") or []
        for part in section.get("elements") or []
    )


def _chunks(lines: list[str], limit: int = SECTION_LIMIT) -> list[str]:
    chunks: list[str] = []
    for line in lines:
        if chunks and len(chunks[-1]) + 1 + len(line) <= limit:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return chunks


NEWER_BLOCKS = ("table", "context_actions")  # what an older client or surface may refuse


def plainer(payload: dict) -> dict:
    """``payload`` with its newer blocks in older forms, for a surface or client that refuses
    them: each table as a plain list, one line a row; Slack's feedback buttons as two plain
    buttons."""
    blocks = []
    for block in payload.get("blocks") or []:
        if block.get("type") == "context_actions" and block.get("block_id") == "feedback":
            blocks.append(plain_feedback(block))
            continue
        if block.get("type") != "table":
            blocks.append(block)
            continue
        head, *rows = [[cell_text(cell) for cell in row] for row in block["rows"]]
        lines = [escape("• " + ", ".join(row[:-2]) + f": {row[-2]} ({row[-1]})") for row in rows]
        blocks += [section(chunk) for chunk in _chunks(lines)]
    return {**payload, "blocks": blocks}


def for_command(answer: Answer, command: str, query: str, page: int = 0) -> dict:
    """The ephemeral ``/grade`` answer: the query restated, the answer, a Share button."""
    rendered = to_blocks(answer, page)
    asked = escape(f"{command} {query}".strip().replace("`", "'"))
    head = context(f"You asked `{asked}` — only you can see this answer.")
    share = {
        "type": "actions",
        "block_id": "share",
        "elements": [button("Share in channel", "share", {"q": answer.question}, style="primary")],
    }
    body = rendered["blocks"]
    at = next((i for i, b in enumerate(body) if b.get("block_id") == "feedback"), len(body))
    blocks = [head, *body[:at], share, *body[at:]]
    return {"text": clip(f"{asked}: {rendered['text']}", TEXT_LIMIT)[0], "blocks": blocks}


def shared(answer: Answer, user: str) -> dict:
    """The same answer posted visibly, saying who shared it."""
    rendered = to_blocks(answer)
    who = f"<@{user}>" if _USER_ID.match(user or "") else "someone"
    rendered["blocks"].insert(0, context(f"Shared by {who} with /grade"))
    return rendered


def thanks(blocks: list[dict], vote: Vote, replaced: Vote | None = None) -> list[dict]:
    """A private answer's blocks with the vote noted under its 👍/👎 buttons, which stay so
    the vote can be changed."""
    note = vote_noted(vote, replaced)["blocks"][0]
    note["block_id"] = "feedback_done"
    kept = [b for b in blocks if b.get("block_id") != "feedback_done"]
    at = next((i for i, b in enumerate(kept) if b.get("block_id") == "feedback"), len(kept))
    return [*kept[: at + 1], note, *kept[at + 1 :]]


def vote_noted(vote: Vote, replaced: Vote | None = None) -> dict:
    """What the voter alone is told: the vote recorded (or changed), and how to change it."""
    mark, other = ("👍", "👎") if vote == Vote.UP else ("👎", "👍")
    if replaced is None or replaced == vote:
        said = f"{mark} Thanks for the feedback — it has been recorded."
    else:
        said = f"{mark} Thanks — your vote is changed to {mark}."
    text = f"{said} Press {other} to change it."
    return {"text": text, "blocks": [context(text)]}


def grade_usage(areas: list[str]) -> dict:
    text = "Usage: /grade COUNCIL [AREA] [YEAR] — for example /grade Birmingham staying safe 2007"
    blocks = [
        section(
            "*Usage:* `/grade COUNCIL [AREA] [YEAR]` — a council's grade, privately to "
            "you, with a button to share it."
        ),
        section(
            "*Examples:*\n• `/grade Birmingham staying safe 2007`\n"
            "• `/grade Birmingham 2011`\n• `/grade Birmingham`"
        ),
        context(
            "Areas: " + escape(", ".join(areas)) + f". Letters run {ARCHIVE_SPAN}: "
            f"{REGIMES_IN_WORDS}."
        ),
    ]
    return {"text": text, "blocks": blocks}


def busy(reason: str) -> dict:
    """No room for the answer now: said plainly, nothing went wrong."""
    return {"text": reason, "blocks": [section(escape(reason))]}


def sorry(ref: str, detail: str = "") -> dict:
    text = f"Sorry — {escape(detail) if detail else 'something went wrong'} (ref {ref})"
    return {"text": text, "blocks": [section(text)]}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def home_view(coverage: dict[str, dict[int, tuple[str, int]]]) -> dict:
    """App Home: what the bot holds, example questions, how to use each surface."""
    letters = sum(len(years) for years in coverage.values())
    per_year: dict[int, int] = {}
    for years in coverage.values():
        for year in years:
            per_year[year] = per_year.get(year, 0) + 1
    by_year = " · ".join(f"{y}: {n}" for y, n in sorted(per_year.items())) or "none yet"
    rows = [
        escape(f"• {council}: ")
        + ", ".join(
            f"{y} {kind.upper()} ({graded} graded)" for y, (kind, graded) in sorted(years.items())
        )
        for council, years in sorted(coverage.items())
    ]
    chunks = _chunks(rows) or ["No letters are loaded yet."]
    listing = [section(c) for c in chunks[:HOME_LISTING]]
    if len(chunks) > HOME_LISTING:
        hidden = sum(c.count("\n") + 1 for c in chunks[HOME_LISTING:])
        listing.append(context(f"{ELLIPSIS} and {hidden} more councils"))
    council = min(coverage, default="Birmingham")
    # An empty store still shows examples, in a year whose letters grade staying safe.
    years = sorted(coverage.get(council, {REGIME_YEARS[LetterKind.APA][-1]: (LetterKind.APA, 0)}))
    examples = [
        f"What was {council}'s staying safe grade in {years[0]}?",
        f"{council} {years[-1]} grades",
        f"How has {council}'s overall rating changed?",
        "Which councils performed poorly in 2011?",
        "privately fostered children",
    ]
    follow_up = f"and in {years[0]}?" if len(years) > 1 else "what about staying safe?"
    blocks = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"Ofsted letters, {ARCHIVE_SPAN}"},
        },
        section(
            f"I answer questions about Ofsted's judgements on English councils' children's "
            f"services from the letters themselves. I hold *{_count(letters, 'letter')}* for "
            f"*{_count(len(coverage), 'council')}*."
        ),
        context(f"Letters a year — {by_year}"),
        *listing,
        {"type": "divider"},
        section("*Try asking* (press one to have it answered in a direct message):"),
        {
            "type": "actions",
            "block_id": "choices",
            "elements": [
                button(clip(e, BUTTON_TEXT)[0], f"choose_{i}", {"q": e})
                for i, e in enumerate(examples[:MAX_CHOICES])
            ],
        },
        section(
            "*In a channel:* mention me — `@letters what was "
            f"{escape(council)}'s overall rating in {years[-1]}?` I answer in a thread; "
            f"ask follow-ups there (`@letters {follow_up}`)."
        ),
        section(
            "*Anywhere:* `/grade COUNCIL [AREA] [YEAR]` answers privately, with a button to "
            "share the answer in the channel. `/grade help` shows the usage."
        ),
        section(
            "*In a direct message:* I search the letters' text and show the best passages, "
            "with *More results* for the next ones. Grade questions get grades."
        ),
        context("Press 👍 or 👎 under an answer to tell us whether it helped."),
    ]
    return {"type": "home", "blocks": blocks}
