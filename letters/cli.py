"""The ``letters`` command: a thin adapter over the store and the answer engine.

Typed errors become one-line messages here, and only here, for the command line.
"""

import dataclasses
import sys
from pathlib import Path

import click

from store.errors import LettersError
from store.vocabulary import ARCHIVE_SPAN


def main() -> None:
    from dotenv import load_dotenv

    # The working directory's .env (load_dotenv() alone searches from this file's folder).
    load_dotenv(Path.cwd() / ".env", override=False)
    try:
        code = cli.main(prog_name="letters", standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    if isinstance(code, int) and code:
        sys.exit(code)


class Letters(click.Group):
    """Typed errors become one-line messages (exit 2) here, and only here, for every command:
    under ``main`` and under click's test runner alike."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LettersError as exc:
            click.echo(f"letters: {exc}", err=True)
            ctx.exit(2)


@click.group(
    cls=Letters,
    help=f"Ofsted's judgements on English councils' children's services, {ARCHIVE_SPAN}.",
)
@click.option(
    "--database",
    envvar="DATABASE_URL",
    default=None,
    metavar="URL",
    help="SQLAlchemy URL of the store (default: DATABASE_URL, else a SQLite file "
    "under ~/.local/share/letters).",
)
@click.pass_context
def cli(ctx: click.Context, database: str | None) -> None:
    ctx.obj = {"url": database}


def _sql(ctx: click.Context):
    from store.db import create_schema, make_engine
    from store.ingest import load_bundled

    sql = make_engine(ctx.obj["url"])
    create_schema(sql)
    load_bundled(sql)
    return sql


def _engine(ctx: click.Context):
    from retrieval.answerer import Answerer
    from store.db import make_engine

    return Answerer.open(make_engine(ctx.obj["url"]))  # creates the schema, loads bundled letters


@cli.command(help="Load letters (.txt, .pdf; files or folders) into the store.")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--replace",
    is_flag=True,
    help="Load a file even when the stored letter for it holds more grades.",
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], replace: bool) -> None:
    from store.errors import printable
    from store.ingest import IngestStatus, collect_files, ingest_paths

    sql = _sql(ctx)
    files, _ = collect_files(paths)
    with click.progressbar(
        length=len(files), label="Ingesting", file=sys.stderr, show_pos=True
    ) as bar:
        report = ingest_paths(sql, paths, progress=lambda _path: bar.update(1), replace=replace)
    for o in report.outcomes:
        name = printable(Path(o.path).name)
        if o.status in (IngestStatus.REPLACED, IngestStatus.KEPT):
            click.echo(f"{o.status:<9} {o.letter}: {name} ({o.reason})")
        if o.incomplete:
            click.echo(f"{o.status:<9} {o.letter}: {name}: {o.shortfall}")
    for o in report.failed:
        click.echo(f"failed    {printable(Path(o.path).name)}: {o.reason}")
    for note in report.notes:
        click.echo(f"sources   {note}")
    if report.count(IngestStatus.LOADED) or report.count(IngestStatus.REPLACED):
        _index_now(sql)
    counts = ", ".join(f"{report.count(s)} {s}" for s in IngestStatus)
    click.echo(f"{len(report.outcomes)} file(s): {counts}")
    if report.failed or report.count(IngestStatus.KEPT):
        sys.exit(1)


def _index_now(sql) -> None:
    """Build this store version's passage index now, so servers start from the cache."""
    from retrieval.answerer import Answerer

    click.echo("Indexing passages…", err=True)
    len(Answerer.open(sql).snapshot().index)


@cli.command(help="Which councils and years the store holds, with graded-area counts.")
@click.pass_context
def coverage(ctx: click.Context) -> None:
    from retrieval.render import coverage_text

    click.echo(coverage_text(_engine(ctx).coverage()))


@cli.command(help="Each year held against what Ofsted published: letters, grades, named lists.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.pass_context
def audit(ctx: click.Context, fmt: str) -> None:
    from retrieval.audit import audit as run_audit
    from retrieval.render import audit_as

    click.echo(audit_as(run_audit(_sql(ctx)), fmt))


@cli.command(help="A council's judgements (or every council's with --all).")
@click.argument("council", required=False)
@click.option("--year", type=int, default=None)
@click.option("--all", "everything", is_flag=True, help="Every council in the store.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.pass_context
def grades(
    ctx: click.Context, council: str | None, year: int | None, everything: bool, fmt: str
) -> None:
    from retrieval.render import grades_as

    if not council and not everything:
        raise click.UsageError("name a council, or use --all")
    held = _engine(ctx).grades(council if not everything else None, year)
    click.echo(grades_as(held, fmt), nl=fmt != "csv")


@cli.command(help="Answer a question. With --json and no question, one per line from stdin.")
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer.")
@click.pass_context
def ask(ctx: click.Context, question: str | None, as_json: bool) -> None:
    from retrieval.render import to_json, to_text

    engine = _engine(ctx)
    if question is None and as_json:
        for line in sys.stdin:
            click.echo(to_json(engine.answer(line.rstrip("\n"))))
        return
    answer = engine.answer(question or "")
    click.echo(to_json(answer) if as_json else to_text(answer))


@cli.command(help="Ranked passages for a query (BM25).")
@click.argument("query")
@click.option("--council", default=None)
@click.option("--year", type=int, default=None)
@click.option("-k", "k", type=click.IntRange(1, 100), default=10)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def search(
    ctx: click.Context, query: str, council: str | None, year: int | None, k: int, as_json: bool
) -> None:
    from retrieval.render import to_json, to_text

    answer = _engine(ctx).search(query, council=council, year=year, k=k)
    click.echo(to_json(answer) if as_json else to_text(answer))


@cli.command("eval", help="Score a question set (JSON lines, shared/questions.jsonl schema).")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def eval_(ctx: click.Context, file: str) -> None:
    from retrieval.evaluate import evaluate, load_questions

    engine = _engine(ctx)
    report = evaluate(load_questions(Path(file).read_text(encoding="utf-8")), engine.answer)
    for expect, (passed, total) in report.by_expect().items():
        click.echo(f"{expect:<16} {passed}/{total}  {100 * passed / total:5.1f}%")
    total = len(report.outcomes)
    passed = total - len(report.failures)
    click.echo(f"{'all':<16} {passed}/{total}  {100 * passed / max(total, 1):5.1f}%")
    for o in report.failures:
        click.echo(f"FAIL {o.id} {o.question!r}: {o.why}")
    if report.failures:
        sys.exit(1)


@cli.command(help="Run the Slack bot: Socket Mode, or HTTP with --http.")
@click.option("--http", is_flag=True, help="HTTP mode (Events API request URLs).")
@click.option("--port", type=int, default=3000, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on in HTTP mode (0.0.0.0: every interface).",
)
@click.option("--env-file", default=".env", show_default=True)
@click.pass_context
def serve(ctx: click.Context, http: bool, port: int, host: str, env_file: str) -> None:
    from bot.serve import serve as run
    from bot.settings import load_settings

    settings = load_settings(env_file)
    if ctx.obj["url"]:  # --database (or DATABASE_URL, already in settings) names the store
        settings = dataclasses.replace(settings, database_url=ctx.obj["url"])
    run(settings, http=http, port=port, host=host)
