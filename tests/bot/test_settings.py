"""Settings, .env.example, the manifest, and start-up failures as one-line messages."""

import ast
import re
from pathlib import Path

import pytest

from bot.serve import serve, start_app
from bot.settings import DEFAULT_API_URL, VARIABLES, load_settings, settings_from
from store.errors import ConfigError
from tests.bot.conftest import BOT_TOKEN, make_settings

ROOT = Path(__file__).parents[2]


@pytest.fixture
def clean_env(monkeypatch):
    """Every setting unset now, and unset again afterwards whatever load_dotenv put there."""
    for name in VARIABLES:
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)


def example_variables() -> dict[str, str]:
    """NAME -> the first line of the comment above it, from .env.example."""
    found, comment = {}, []
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.startswith("#"):
            comment.append(line.lstrip("# "))
        elif "=" in line:
            found[line.split("=", 1)[0]] = comment[0] if comment else ""
            comment = []
        else:
            comment = []
    return found


def test_env_example_lists_every_setting_marked_required_or_optional():
    example = example_variables()
    assert list(example) == list(VARIABLES)
    for name, need in VARIABLES.items():
        assert example[name].lower().startswith(need.lower()), name


def test_env_example_values_are_fake_but_valid(clean_env):
    settings = load_settings(str(ROOT / ".env.example"))
    assert settings.slack_bot_token.startswith("xoxb-000000000000-")
    assert "fake" in settings.slack_app_token and set(settings.slack_signing_secret) == {"0"}


def test_settings_come_from_dotenv_and_the_environment_wins(tmp_path, monkeypatch, clean_env):
    (tmp_path / ".env").write_text(
        f"SLACK_BOT_TOKEN={BOT_TOKEN}\nLOG_LEVEL=debug\nSLACK_API_URL=http://127.0.0.1:9/api\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LOG_LEVEL", "warning")
    settings = load_settings()
    assert (settings.slack_bot_token, settings.log_level) == (BOT_TOKEN, "WARNING")
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"


def test_defaults():
    settings = settings_from({"SLACK_BOT_TOKEN": BOT_TOKEN})
    assert (settings.slack_api_url, settings.slack_app_token, settings.log_level) == (
        DEFAULT_API_URL,
        "",
        "INFO",
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "  "}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "xapp-wrong"}, "SLACK_BOT_TOKEN does not look like a bot token"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN does not"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": "slack.com"}, "SLACK_API_URL must be"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN, "LOG_LEVEL": "loud"}, "LOG_LEVEL must be one of"),
    ],
)
def test_bad_settings_give_one_line_naming_the_variable(env, message):
    with pytest.raises(ConfigError) as caught:
        settings_from(env)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_missing_token_from_an_empty_environment(tmp_path, monkeypatch, clean_env):
    monkeypatch.chdir(tmp_path)  # no .env here
    with pytest.raises(ConfigError, match=r"^SLACK_BOT_TOKEN is not set"):
        load_settings()


def test_serve_names_the_token_each_mode_needs_before_connecting(recorder):
    settings = make_settings(recorder, SLACK_SIGNING_SECRET="")
    with pytest.raises(ConfigError, match=r"^SLACK_APP_TOKEN is not set"):
        serve(settings, http=False, port=0)
    with pytest.raises(ConfigError, match=r"^SLACK_SIGNING_SECRET is not set"):
        serve(settings, http=True, port=0)
    assert recorder.calls(answered=False) == []


def test_a_rejected_token_is_one_line_at_start_up(recorder, bot_engine):
    settings = settings_from({"SLACK_BOT_TOKEN": "xoxb-revoked", "SLACK_API_URL": recorder.api_url})
    with pytest.raises(ConfigError, match=r"^Slack rejected SLACK_BOT_TOKEN \(.*invalid_auth"):
        start_app(settings, bot_engine)
    assert [c.method for c in recorder.calls(answered=False)] == ["auth.test"]


def test_an_unreachable_api_url_is_one_line_at_start_up(bot_engine, sleeps):
    settings = settings_from(
        {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": "http://127.0.0.1:9/api/"}
    )
    with pytest.raises(ConfigError, match=r"^cannot reach Slack at SLACK_API_URL"):
        start_app(settings, bot_engine)


def test_a_good_token_is_checked_once_at_start_up(recorder, bot_engine):
    start_app(make_settings(recorder), bot_engine)
    assert [c.method for c in recorder.calls(answered=False)] == ["auth.test"]


FORBIDDEN_AT_IMPORT = {
    "App",
    "WebClient",
    "load_dotenv",
    "basicConfig",
    "make_engine",
    "open",
    "load_settings",
    "build_app",
    "SocketModeHandler",
    "Answerer",
}


@pytest.mark.parametrize("path", sorted((ROOT / "bot").rglob("*.py")), ids=lambda p: p.name)
def test_nothing_connects_or_configures_at_import(path):
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom):
            continue
        for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            assert name not in FORBIDDEN_AT_IMPORT, f"{path.name}:{call.lineno} calls {name}"


def test_only_bot_imports_slack():
    for package in ("store", "retrieval"):
        for path in (ROOT / package).rglob("*.py"):
            assert not re.search(r"^\s*(?:from|import) slack", path.read_text(), re.M), path


def test_manifest_declares_scopes_events_command_home_and_interactivity():
    manifest = (ROOT / "manifest.yml").read_text()
    for needed in (
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "- app_mention",
        "- app_home_opened",
        "- message.im",
        "command: /grade",
        "home_tab_enabled: true",
        "messages_tab_enabled: true",
        "interactivity:\n    is_enabled: true",
        "socket_mode_enabled: true",
    ):
        assert needed in manifest, needed


def test_allow_lists_are_read_as_sets_of_ids(recorder):
    settings = make_settings(
        recorder, SLACK_ALLOWED_TEAM_IDS=" T0000001, T0000002 ,", SLACK_ALLOWED_APP_IDS="A0APP0001"
    )
    assert settings.allowed_team_ids == {"T0000001", "T0000002"}
    assert settings.allowed_app_ids == {"A0APP0001"}
    assert make_settings(recorder).allowed_team_ids == frozenset()


@pytest.mark.parametrize("value", ["t0000001", "T0000001;T2", "workspace", "T0"])
def test_a_malformed_allow_list_is_one_line_naming_the_setting(recorder, value):
    with pytest.raises(ConfigError) as raised:
        make_settings(recorder, SLACK_ALLOWED_TEAM_IDS=value)
    message = str(raised.value)
    assert message.startswith("SLACK_ALLOWED_TEAM_IDS must be comma-separated Slack ids")
    assert "\n" not in message


def test_a_missing_mode_secret_names_what_to_set():
    settings = settings_from({"SLACK_BOT_TOKEN": BOT_TOKEN})
    with pytest.raises(ConfigError) as socket_mode:
        settings.require_socket_mode()
    assert str(socket_mode.value) == (
        "SLACK_APP_TOKEN is not set: Socket Mode needs the app-level token (xapp-…); set it in "
        ".env, or run 'letters serve --http'"
    )
    with pytest.raises(ConfigError) as http:
        settings.require_http()
    assert str(http.value) == (
        "SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify requests; set it in .env "
        "(Basic Information → Signing Secret)"
    )


def test_the_store_and_the_app_allow_list_come_from_their_own_variables():
    settings = settings_from(
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "DATABASE_URL": "sqlite:///x.sqlite3",
            "SLACK_ALLOWED_APP_IDS": "A0APP0001",
        }
    )
    assert (settings.database_url, settings.allowed_app_ids) == (
        "sqlite:///x.sqlite3",
        {"A0APP0001"},
    )
    with pytest.raises(ConfigError, match=r"^SLACK_ALLOWED_APP_IDS must be comma-separated"):
        settings_from({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_ALLOWED_APP_IDS": "app"})


def test_no_env_file_reads_only_the_environment(clean_env, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    assert load_settings(None).slack_bot_token == BOT_TOKEN


@pytest.mark.parametrize(
    "name, value, shown",
    [
        ("SLACK_API_URL", "ftp://" + "x" * 100, 60),
        ("LOG_LEVEL", "v" * 50, 20),
        ("SLACK_ALLOWED_TEAM_IDS", "t" * 50, 30),
    ],
)
def test_a_bad_value_is_quoted_cut_short(name, value, shown):
    with pytest.raises(ConfigError) as raised:
        settings_from({"SLACK_BOT_TOKEN": BOT_TOKEN, name: value})
    quoted = str(raised.value).rsplit("'", 2)[1]
    as_read = value.upper() if name == "LOG_LEVEL" else value  # levels are read upper-cased
    assert quoted == as_read[:shown]


def test_a_bad_log_level_lists_the_levels():
    with pytest.raises(ConfigError) as raised:
        settings_from({"SLACK_BOT_TOKEN": BOT_TOKEN, "LOG_LEVEL": "loud"})
    assert str(raised.value) == "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, not 'LOUD'"
