"""The signature check on its own, with a fixed clock: the replay window's edges and every
malformed header, none of which may raise."""

import hashlib
import hmac

import pytest

from bot.signing import MAX_CLOCK_SKEW_SECONDS, Refusal, check

SECRET, BODY, NOW = "s3cret-for-tests", b'{"type":"event_callback"}', 1_700_000_000


def slack_signature(timestamp: str, body: bytes = BODY, secret: str = SECRET) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@pytest.mark.parametrize("skew", [0, MAX_CLOCK_SKEW_SECONDS, -MAX_CLOCK_SKEW_SECONDS])
def test_a_signature_inside_the_window_passes(skew):
    ts = str(NOW + skew)
    assert check(SECRET, BODY, ts, slack_signature(ts), NOW) is None


@pytest.mark.parametrize("skew", [MAX_CLOCK_SKEW_SECONDS + 1, -MAX_CLOCK_SKEW_SECONDS - 1])
def test_one_second_outside_the_window_is_stale(skew):
    ts = str(NOW + skew)
    assert check(SECRET, BODY, ts, slack_signature(ts), NOW) is Refusal.STALE


@pytest.mark.parametrize(
    "timestamp, refusal",
    [
        (None, Refusal.NO_TIMESTAMP),
        ("", Refusal.NO_TIMESTAMP),
        ("abc", Refusal.BAD_TIMESTAMP),
        ("1.5", Refusal.BAD_TIMESTAMP),
        (f" {NOW}", Refusal.BAD_TIMESTAMP),
        (f"+{NOW}", Refusal.BAD_TIMESTAMP),
        ("1_700_000_000", Refusal.BAD_TIMESTAMP),
        (f"{NOW}\n", Refusal.BAD_TIMESTAMP),
        ("9" * 13, Refusal.BAD_TIMESTAMP),
        ("9" * 12, Refusal.STALE),
    ],
)
def test_malformed_timestamps_are_refused_without_raising(timestamp, refusal):
    signature = slack_signature(timestamp or "")
    assert check(SECRET, BODY, timestamp, signature, NOW) is refusal


@pytest.mark.parametrize(
    "signature, refusal",
    [
        (None, Refusal.NO_SIGNATURE),
        ("", Refusal.NO_SIGNATURE),
        ("v0=x", Refusal.BAD_SIGNATURE),
        ("v1=" + "0" * 64, Refusal.BAD_SIGNATURE),
        ("v0=" + "A" * 64, Refusal.BAD_SIGNATURE),
        ("v0=" + "0" * 64, Refusal.WRONG_SIGNATURE),
    ],
)
def test_malformed_or_wrong_signatures_are_refused(signature, refusal):
    assert check(SECRET, BODY, str(NOW), signature, NOW) is refusal


def test_a_signature_over_another_body_or_secret_is_wrong():
    ts = str(NOW)
    assert check(SECRET, BODY + b" ", ts, slack_signature(ts), NOW) is Refusal.WRONG_SIGNATURE
    other = slack_signature(ts, secret="another")
    assert check(SECRET, BODY, ts, other, NOW) is Refusal.WRONG_SIGNATURE


def test_with_no_secret_nothing_verifies():
    """An empty HMAC key is one anyone can sign with."""
    ts = str(NOW)
    assert check("", BODY, ts, slack_signature(ts, secret=""), NOW) is Refusal.NO_SECRET
