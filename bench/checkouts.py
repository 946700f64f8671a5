"""Which code a benchmark runs: this checkout, or an earlier commit in a temporary git worktree
(for a "before" figure), with a check that the processes started on it import that code."""

import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from bench.load import clean_env

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def worktree(rev: str):
    """``rev`` checked out in a temporary git worktree, removed after: (path, short sha)."""
    sha = git("rev-parse", "--short", f"{rev}^{{commit}}")
    with tempfile.TemporaryDirectory(prefix="letters-code-") as tmp:
        path = Path(tmp) / sha
        git("worktree", "add", "--detach", str(path), sha)
        try:
            check_code(path)
            yield path, sha
        finally:
            git("worktree", "remove", "--force", str(path))


def git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def check_code(code: Path) -> None:
    """A process started with ``clean_env(code)`` imports ``code``'s product, not this
    checkout's (the editable install would otherwise win without a word)."""
    found = subprocess.run(
        [sys.executable, "-c", "import bot.incoming, letters.cli; print(bot.incoming.__file__)"],
        env=clean_env(code),
        cwd=code,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).resolve().is_relative_to(code.resolve()):
        raise RuntimeError(f"{code} would run {found}, not its own code")


def checkout_label() -> str:
    """This checkout's commit, and whether the product has uncommitted edits on top."""
    sha = git("rev-parse", "--short", "HEAD")
    product = ("bot", "store", "retrieval", "letters")
    edits = git("status", "--porcelain", "--untracked-files=no", "--", *product)
    return f"this checkout ({sha}{' + uncommitted edits' if edits else ''})"
