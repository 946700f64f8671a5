"""Installs into several workspaces, end to end: two workspaces install the app through Slack's
OAuth flow (the install page, Slack's consent, the redirect back) against the loopback Slack,
and each is then answered with its own token; their threads and votes stay apart."""

import contextlib
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from sqlalchemy import inspect

from bot.app import build_app
from bot.http import make_http_server
from bot.install import BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH
from bot.settings import settings_from
from store.errors import ConfigError
from tests.bot.conftest import BOT_TOKEN, SIGNING_SECRET, Harness, app_mention
from tests.bot.test_http import post
from tests.oauth_double import Workspaces

ROOT = Path(__file__).parents[2]
CLIENT_ID, CLIENT_SECRET = "1111111111.2222222222", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
ALPHA, BETA, GAMMA = "T0ALPHA01", "T0BETA002", "T0GAMMA03"


def oauth_settings(slack: Workspaces, **extra: str):
    return settings_from(
        {
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack.api_url,
            **extra,
        }
    )


class Browser:
    """An installer's browser: sends back the cookies it was given (Bolt's state cookie is
    Secure; the bot is served over HTTPS by a proxy in front of it, which loopback stands in
    for), and follows no redirects (Slack's consent page is not here)."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> tuple[int, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                self._keep(response.headers.get_all("Set-Cookie") or [])
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def _keep(self, set_cookies: list[str]) -> None:
        for header in set_cookies:
            name, _, value = header.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()


@pytest.fixture
def slack():
    with Workspaces(client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as double:
        yield double


@contextlib.contextmanager
def serving_oauth(slack, bot_engine):
    """The bot with OAuth installs, in production mode, on a loopback port."""
    harness = Harness(slack, bot_engine, production=True, settings=oauth_settings(slack))
    server = make_http_server(
        harness.app, bot_engine, "127.0.0.1", 0, signing_secret=SIGNING_SECRET
    )
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    try:
        yield harness, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served_oauth(slack, bot_engine):
    with serving_oauth(slack, bot_engine) as served:
        yield served


def start_install(base: str, browser: Browser) -> tuple[str, dict[str, list[str]]]:
    """The install page's link to Slack's consent screen: its state, and its query."""
    status, page = browser.get(f"{base}{INSTALL_PATH}")
    assert status == 200
    [link] = re.findall(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(link.replace("&amp;", "&")).query)
    return query["state"][0], query


def install(base: str, slack: Workspaces, team: str, name: str) -> tuple[int, str]:
    """One person's whole install: the page, Slack's consent, back to the bot."""
    browser = Browser()
    state, _ = start_install(base, browser)
    code = slack.consent(team, name)
    return browser.get(f"{base}{REDIRECT_PATH}?code={code}&state={state}")


def mention_from(bot, base: str, team: str, text: str, ts: str, thread_ts: str | None = None):
    # The same channel id in each workspace: ids are only unique within one.
    event = app_mention(text, ts, team=team, thread_ts=thread_ts)
    raw = json.dumps(bot.event_body(event, team=team))
    return post(f"{base}/slack/events", raw, bot.headers(raw, "application/json"))[0]


def test_the_install_page_asks_slack_for_the_bots_scopes_and_a_state(served_oauth):
    bot, base = served_oauth
    browser = Browser()
    state, query = start_install(base, browser)
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"][0].split(",") == list(BOT_SCOPES)
    assert browser.cookies == {"slack-app-oauth-state": state}
    with bot.engine.sql_engine.connect() as conn:  # the state is kept in the letters store
        kept = conn.exec_driver_sql("SELECT state FROM slack_oauth_states").scalars().all()
    assert kept == [state]


def test_two_workspaces_install_and_each_is_answered_with_its_own_token(served_oauth, slack):
    bot, base = served_oauth
    assert install(base, slack, ALPHA, "Alpha")[0] == 200
    assert install(base, slack, BETA, "Beta")[0] == 200
    assert mention_from(bot, base, ALPHA, "Birmingham 2011", "1700000000.000100") == 200
    slack.wait_for("chat.postMessage")
    assert mention_from(bot, base, BETA, "Birmingham 2011", "1700000000.000100") == 200
    first, second = slack.wait_for("chat.postMessage", count=2)
    assert "Performs poorly (1)" in first.body["text"] and second.body["text"] == first.body["text"]
    assert slack.tokens_used("chat.postMessage") == [ALPHA, BETA]
    sql = inspect(bot.engine.sql_engine)  # kept in the letters store itself
    assert sql.has_table("slack_bots") and sql.has_table("slack_oauth_states")


def test_a_workspace_that_never_installed_is_not_answered(served_oauth, slack):
    bot, base = served_oauth
    install(base, slack, ALPHA, "Alpha")
    mention_from(bot, base, GAMMA, "Birmingham 2011", "1700000000.000100")
    mention_from(bot, base, ALPHA, "Birmingham 2011", "1700000000.000200")
    slack.wait_for("chat.postMessage")
    assert slack.tokens_used("chat.postMessage") == [ALPHA]  # Gamma's got no answer at all


def test_a_reinstall_replaces_the_workspaces_token(served_oauth, slack):
    bot, base = served_oauth
    install(base, slack, ALPHA, "Alpha")
    install(base, slack, ALPHA, "Alpha")  # a new token: the first is no longer Slack's
    mention_from(bot, base, ALPHA, "Birmingham 2011", "1700000000.000100")
    slack.wait_for("chat.postMessage")
    assert slack.bearers("chat.postMessage") == [slack.latest_token(ALPHA)]


def test_follow_ups_in_each_workspace_build_on_that_workspaces_thread(served_oauth, slack):
    bot, base = served_oauth
    install(base, slack, ALPHA, "Alpha")
    install(base, slack, BETA, "Beta")
    thread = "1700000000.000100"
    mention_from(bot, base, ALPHA, "what was Birmingham's overall grade in 2007?", thread)
    slack.wait_for("chat.postMessage")
    mention_from(bot, base, BETA, "what was Slough's overall grade in 2011?", thread)
    slack.wait_for("chat.postMessage", count=2)
    mention_from(bot, base, ALPHA, "and in 2011?", "1700000000.000300", thread_ts=thread)
    *_, follow_up = slack.wait_for("chat.postMessage", count=3)
    assert "Birmingham" in follow_up.body["text"] and "Slough" not in follow_up.body["text"]


def test_a_return_from_slack_without_the_install_pages_cookie_installs_nothing(served_oauth, slack):
    bot, base = served_oauth
    state, _ = start_install(base, Browser())
    code = slack.consent(ALPHA, "Alpha")
    status, _ = Browser().get(f"{base}{REDIRECT_PATH}?code={code}&state={state}")  # no cookie
    assert status == 400
    mention_from(bot, base, ALPHA, "Birmingham 2011", "1700000000.000100")
    assert slack.wait_for("chat.postMessage", timeout=1.0) == []


def test_a_failed_install_links_back_to_the_install_page_whatever_bolts_setting(
    monkeypatch, slack, bot_engine
):
    monkeypatch.setenv("SLACK_INSTALL_PATH", "/elsewhere")  # Bolt's own, left in the env
    with serving_oauth(slack, bot_engine) as (_, base):
        state, _ = start_install(base, Browser())
        status, page = Browser().get(f"{base}{REDIRECT_PATH}?code=x&state={state}")  # no cookie
    assert status == 400
    assert re.findall(r'try again from <a href="([^"]*)"', page) == [INSTALL_PATH]


def test_a_state_is_good_once_and_a_refused_code_installs_nothing(served_oauth, slack):
    bot, base = served_oauth
    browser = Browser()
    state, _ = start_install(base, browser)
    assert browser.get(f"{base}{REDIRECT_PATH}?code=code-never-issued&state={state}")[0] == 401
    code = slack.consent(ALPHA, "Alpha")
    assert browser.get(f"{base}{REDIRECT_PATH}?code={code}&state={state}")[0] == 401  # used
    mention_from(bot, base, ALPHA, "Birmingham 2011", "1700000000.000100")
    assert slack.wait_for("chat.postMessage", timeout=1.0) == []


def test_the_install_pages_are_not_served_for_one_workspaces_bot(served):
    _, base = served()
    assert Browser().get(f"{base}{INSTALL_PATH}")[0] == 404
    assert Browser().get(f"{base}{REDIRECT_PATH}?code=x&state=y")[0] == 404


def test_oauth_settings_are_one_mode_or_the_other():
    base = {"SLACK_SIGNING_SECRET": SIGNING_SECRET}
    cases = {
        "both": {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_CLIENT_ID": CLIENT_ID},
        "no secret": {"SLACK_CLIENT_ID": CLIENT_ID},
        "no id": {"SLACK_CLIENT_SECRET": CLIENT_SECRET},
        "neither": {},
        "http redirect": {
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_REDIRECT_URI": "http://example.org/slack/oauth_redirect",
        },
    }
    messages = {}
    for name, env in cases.items():
        with pytest.raises(ConfigError) as raised:
            settings_from({**base, **env})
        messages[name] = str(raised.value)
    assert "both set" in messages["both"]
    assert messages["no secret"].startswith("SLACK_CLIENT_SECRET is not set")
    assert messages["no id"].startswith("SLACK_CLIENT_ID is not set")
    assert "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET" in messages["neither"]
    assert "https://" in messages["http redirect"]
    assert all("\n" not in m for m in messages.values())


def test_oauth_installs_need_http_mode(slack):
    settings = oauth_settings(slack)
    assert settings.oauth and settings.slack_bot_token == ""
    with pytest.raises(ConfigError) as raised:
        settings.require_socket_mode()
    assert "letters serve --http" in str(raised.value)
    assert "0a1b2c3d" not in repr(settings)  # the client secret never reaches a log


def test_the_redirect_uri_is_the_one_slack_is_told(slack, bot_engine):
    redirect = "https://letters.example.org/slack/oauth_redirect"
    app = build_app(oauth_settings(slack, SLACK_REDIRECT_URI=redirect), bot_engine)
    assert app.oauth_flow.settings.redirect_uri == redirect
    assert app.oauth_flow.settings.installation_store_bot_only


def test_the_manifest_asks_for_the_scopes_the_install_asks_for():
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    assert manifest["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)


def test_the_manifest_subscribes_to_the_events_and_commands_the_app_answers():
    from bot.listeners import COMMANDS, EVENTS

    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    subscribed = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(e.removesuffix(".im") for e in subscribed) == sorted(EVENTS)
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == list(COMMANDS)
    assert manifest["settings"]["interactivity"]["is_enabled"] is True  # the buttons
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


@pytest.mark.postgres
def test_two_workspaces_install_on_postgresql(slack):
    import os

    from retrieval.answerer import Answerer
    from store.db import make_engine

    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL not set (scripts/with-postgres provides one)")
    engine = Answerer.open(make_engine(url))
    harness = Harness(slack, engine, production=True, settings=oauth_settings(slack))
    server = make_http_server(harness.app, engine, "127.0.0.1", 0, signing_secret=SIGNING_SECRET)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        assert install(base, slack, ALPHA, "Alpha")[0] == 200
        assert install(base, slack, BETA, "Beta")[0] == 200
        mention_from(harness, base, ALPHA, "Birmingham 2011", "1700000000.000100")
        slack.wait_for("chat.postMessage")
        mention_from(harness, base, BETA, "Birmingham 2011", "1700000000.000100")
        slack.wait_for("chat.postMessage", count=2)
        assert slack.tokens_used("chat.postMessage") == [ALPHA, BETA]
        assert inspect(engine.sql_engine).has_table("slack_installations")
    finally:
        server.shutdown()
        server.server_close()
        engine.snapshot().index  # noqa: B018 (the background index build done, on its connection)
        engine.sql_engine.dispose()
