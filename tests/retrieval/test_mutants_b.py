"""What researchers and operators see of stemming boundaries, saved thread contexts and the
index cache (survivors of mutation testing, batch b)."""

import shutil

from retrieval.answer import Context
from retrieval.index import Params, PassageIndex
from retrieval.snapshot import Snapshot, cache_dir
from retrieval.tokenize import tokenize
from store import queries
from store.db import create_schema, make_engine, open_session
from store.ingest import ingest_paths
from tests.conftest import LETTERS


def _store(path, *letters: str):
    """A store of the named fixture letters, ingested one after another (one version each)."""
    sql = make_engine(f"sqlite:///{path}")
    create_schema(sql)
    for name in letters:
        folder = path.parent / f"in-{name}"
        folder.mkdir(exist_ok=True)
        shutil.copy(LETTERS / f"{name}.txt", folder)
        ingest_paths(sql, [folder])
    return sql


def _texts(hits) -> list[str]:
    return [row.text.lower() for row, _ in hits]


# --- stemming: a question's word meets another form of it in the letters --------------------


def test_searching_pay_finds_the_letter_that_says_paying(fixture_store) -> None:
    """'paying' has 6 letters, the least for '-ing' to go: it meets 'pay'."""
    found = _texts(Snapshot.load(fixture_store, Params()).search("pay", 5))
    assert found and all("paying" in t for t in found)


def test_searching_add_finds_the_letter_that_says_added(fixture_store) -> None:
    """'added' has 5 letters, the least for '-ed' to go: it meets 'add'."""
    found = _texts(Snapshot.load(fixture_store, Params()).search("add", 5))
    assert found and all("added" in t for t in found)


def test_a_decade_is_not_stemmed_into_a_year() -> None:
    """'1990s' is not all letters: a search for 1990 must not find the 1990s."""
    assert tokenize("the 1990s") == ["1990s"]
    assert tokenize("1990s") != tokenize("1990")


# --- a Slack thread's saved context, read back for "more results" and follow-ups -----------


def test_more_results_search_the_saved_words(engine) -> None:
    saved = {"council": "Birmingham", "years": [2007], "intent": "search", "text": "fostering"}
    answer = engine.answer("Birmingham 2007", mode="search", context=Context.from_dict(saved))
    assert answer.message == (
        "Passages in Birmingham 2007 that best match 'fostering', ranked by BM25."
    )


def test_more_results_without_saved_words_search_the_question(engine) -> None:
    saved = {"council": "Birmingham", "years": [2007], "intent": "search"}
    answer = engine.answer("Birmingham 2007", mode="search", context=Context.from_dict(saved))
    assert answer.message == (
        "Passages in Birmingham 2007 that best match 'Birmingham 2007', ranked by BM25."
    )


def test_a_saved_context_without_an_intent_is_a_search_thread(engine) -> None:
    saved = {"council": "Bedfordshire", "text": "fostering"}
    answer = engine.answer("fostering in 2009", context=Context.from_dict(saved))
    assert (answer.kind, answer.message) == (
        "passages",
        "No passage in Bedfordshire 2009 matches 'fostering in'.",
    )


# --- the index cache an operator finds on disk ---------------------------------------------


def test_the_cache_is_under_xdg_cache_home_or_home_dot_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "letters"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "letters"


def test_the_cache_folder_is_made_with_its_parents(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not" / "yet"))
    sql = _store(tmp_path / "s.sqlite3", "csa2010_kingston")
    Snapshot.load(sql, Params()).index  # noqa: B018
    assert len(list((tmp_path / "not" / "yet" / "letters").glob("index-*.npz"))) == 1


def test_a_new_store_version_replaces_the_cached_index_of_the_old(tmp_path) -> None:
    sql = _store(tmp_path / "s.sqlite3", "csa2010_kingston")
    Snapshot.load(sql, Params()).index  # noqa: B018
    (old,) = cache_dir().glob("index-*.npz")
    ingest_paths(sql, [LETTERS / "birmingham_apa2007.txt"])
    snap = Snapshot.load(sql, Params())
    snap.index  # noqa: B018
    (new,) = cache_dir().glob("index-*.npz")
    assert new.name == old.name.replace(f"-v{snap.version - 1}.", f"-v{snap.version}.")


def test_two_stores_keep_a_cached_index_each(tmp_path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        Snapshot.load(_store(tmp_path / name / "s.sqlite3", "csa2010_kingston"), Params()).index  # noqa: B018
    assert len(list(cache_dir().glob("index-*.npz"))) == 2


def test_a_reference_index_leaves_the_cache_alone(tmp_path) -> None:
    sql = _store(tmp_path / "s.sqlite3", "csa2010_kingston")
    assert len(Snapshot.load(sql, Params()).reference_index()) > 0
    assert not cache_dir().exists() or not list(cache_dir().glob("*.npz"))


def test_tuned_bm25_parameters_rank_the_snapshot_s_searches(fixture_store) -> None:
    """scripts/tune_bm25.py scores questions with other parameters than the defaults."""
    tuned = Params("okapi", 0.9, 0.3, epsilon=0.1)
    snap = Snapshot.load(fixture_store, tuned)
    with open_session(fixture_store) as session:
        texts = queries.passage_texts(session, snap.keys.ids)
    expected = PassageIndex.build(snap.keys.ids, [tokenize(t) for t in texts], tuned)
    tokens = tokenize("private fostering arrangements")
    assert snap.index.search(tokens, 10) == expected.search(tokens, 10)
