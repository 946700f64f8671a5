"""The letters command on a private store: in-process through click's test runner, and once
end to end as a user runs it (a subprocess)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from letters.cli import cli
from store.text import fold
from tests.conftest import LETTERS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "letters"


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(tmp_path: Path, *args: str, stdin: str | None = None) -> Ran:
    """``letters ARGS`` in this process, its store under ``tmp_path``."""
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = CliRunner(env=env).invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)


@pytest.mark.subprocess
def test_the_installed_command_answers_the_example_question(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONUTF8": "1",
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "letters",
            "ask",
            "what was Birmingham's Staying Safe grade in 2007?",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "Grade 2 (adequate)" in out.stdout


def test_ask_answers_the_example_question_on_a_fresh_store(tmp_path: Path) -> None:
    out = run(tmp_path, "ask", "what was Birmingham's Staying Safe grade in 2007?")
    assert out.returncode == 0, out.stderr
    assert "Grade 2 (adequate)" in out.stdout
    assert "in this aspect is adequate" in out.stdout
    assert (tmp_path / "xdg" / "letters" / "letters.sqlite3").exists()


def test_ingest_of_the_shared_letters_reports_two_unchanged(tmp_path: Path) -> None:
    folder = SHARED if SHARED.is_dir() else LETTERS
    if folder is LETTERS:
        pytest.skip("shared/letters is not beside the project")
    out = run(tmp_path, "ingest", str(folder))
    assert out.returncode == 0, out.stderr
    assert "2 file(s): 0 loaded, 2 unchanged, 0 replaced, 0 kept, 0 failed" in out.stdout


def test_ingest_failure_exits_nonzero_with_a_line_per_failure(tmp_path: Path) -> None:
    (tmp_path / "junk.pdf").write_bytes(b"not a pdf at all" * 10)
    out = run(tmp_path, "ingest", str(tmp_path / "junk.pdf"), str(LETTERS / "csa2010_kingston.txt"))
    assert out.returncode == 1
    assert "failed    junk.pdf: not a readable PDF" in out.stdout
    assert "1 loaded" in out.stdout and "Traceback" not in out.stderr


def test_grades_json_lists_birminghams_eight_judgements_with_verbatim_quotes(tmp_path) -> None:
    out = run(tmp_path, "grades", "Birmingham", "--format", "json")
    rows = json.loads(out.stdout)
    assert {(r["year"], r["area"], r["grade"]) for r in rows} == {
        (2007, "overall", 3),
        (2007, "being_healthy", 2),
        (2007, "staying_safe", 2),
        (2007, "enjoying_and_achieving", 3),
        (2007, "making_a_positive_contribution", 3),
        (2007, "achieving_economic_wellbeing", 3),
        (2007, "capacity_to_improve", 3),
        (2011, "overall", 1),
    }
    texts = {
        2007: fold((LETTERS / "birmingham_apa2007.txt").read_text()),
        2011: fold((LETTERS / "birmingham_csa2011.txt").read_text()),
    }
    for r in rows:
        assert fold(r["quote"]) in texts[r["year"]]
        assert set(r["source"]) >= {"title", "date", "section", "file"}
        assert r["grade_label"] and r["authority"] == "Birmingham"


def test_grades_csv_of_the_whole_store(tmp_path: Path) -> None:
    run(tmp_path, "ingest", str(LETTERS))
    out = run(tmp_path, "grades", "--all", "--format", "csv")
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("authority,year,kind,area,grade,grade_label,quote")
    assert len(lines) == 1 + 8 + 4 + 3 + 7 + 1 + 1 + 1  # header, then every judgement


def test_ask_json_reads_questions_from_stdin(tmp_path: Path) -> None:
    out = run(tmp_path, "ask", "--json", stdin="Birmingham being healthy 2007\nhelp\n")
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    assert [a["kind"] for a in answers] == ["grade", "help"]
    assert answers[0]["judgements"][0]["grade"] == 2
    assert answers[0]["judgements"][0]["source"]["section"] == "Being healthy"


def test_search_eval_and_coverage(tmp_path: Path) -> None:
    out = run(
        tmp_path, "search", "privately fostered", "--council", "Birmingham", "-k", "2", "--json"
    )
    passages = json.loads(out.stdout)["passages"]
    assert len(passages) == 2 and "fostered" in passages[0]["text"]
    dev = Path(__file__).parent / "data" / "questions" / "dev.jsonl"
    out = run(tmp_path, "eval", str(dev))
    assert out.returncode == 0 and "all              12/12  100.0%" in out.stdout
    out = run(tmp_path, "coverage")
    assert "Birmingham" in out.stdout and "APA/7" in out.stdout and "CSA/1" in out.stdout


def test_errors_are_one_line(tmp_path: Path) -> None:
    out = run(tmp_path, "grades", "Gotham")
    assert out.returncode == 2 and out.stderr.strip() == "letters: no council matches 'Gotham'"
    out = run(tmp_path, "--database", "postgresql://nobody:secret@127.0.0.1:9/none", "coverage")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith(
        "letters: cannot open the store at postgresql+psycopg://nobody:***"
    )
    assert len(out.stderr.strip().splitlines()) == 1


def test_main_reads_the_working_directorys_env_file(tmp_path, monkeypatch, capsys) -> None:
    from letters.cli import main

    store = tmp_path / "from-dotenv.sqlite3"
    (tmp_path / ".env").write_text(f"DATABASE_URL=sqlite:///{store}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["letters", "coverage"])
    main()
    assert "Birmingham" in capsys.readouterr().out
    assert store.exists()


def test_serve_uses_the_store_named_by_database(tmp_path, monkeypatch) -> None:
    served = []
    monkeypatch.setattr("bot.serve.serve", lambda settings, **how: served.append(settings))
    url = f"sqlite:///{tmp_path / 'named.sqlite3'}"
    env = {"SLACK_BOT_TOKEN": "xoxb-1-2-fake", "SLACK_APP_TOKEN": "xapp-1-fake"}
    result = CliRunner(env=env).invoke(cli, ["--database", url, "serve", "--env-file", ""])
    assert result.exit_code == 0, result.output
    assert [s.database_url for s in served] == [url]


def test_importing_the_main_module_runs_nothing(monkeypatch, capsys) -> None:
    import importlib

    monkeypatch.setattr(sys, "argv", ["letters", "coverage"])
    sys.modules.pop("letters.__main__", None)
    importlib.import_module("letters.__main__")
    assert capsys.readouterr() == ("", "")  # had it run, the coverage table would be here


def test_grades_for_a_year_with_nothing_held_says_so(tmp_path: Path) -> None:
    out = run(tmp_path, "grades", "Birmingham", "--year", "2009")
    assert out.returncode == 0
    assert out.stdout.strip() == "No judgements held for Birmingham in 2009."
    out = run(tmp_path, "grades")
    assert out.returncode == 2 and "name a council, or use --all" in out.stderr
