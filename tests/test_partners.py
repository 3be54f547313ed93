"""`syndicate partners token|list|resend`, partner tokens, rate-limit buckets and the [push]/[server] config."""

from __future__ import annotations

import hashlib
import re

import pytest
from click.testing import CliRunner
from factories import make_article
from test_serve_support import partner_site, recent

from syndicate.cli import main
from syndicate.config import Partner, parse_config
from syndicate.deliver import sync_changes
from syndicate.errors import ConfigError
from syndicate.serve.auth import Authenticator, bearer
from syndicate.store import open_store


def test_token_is_shown_once_with_its_hash(tmp_path):
    config = partner_site(tmp_path)
    runner = CliRunner()
    outputs = [runner.invoke(main, ["--config", str(config.path), "partners", "token", "acme"]) for _ in range(2)]
    tokens = []
    for result in outputs:
        assert result.exit_code == 0, result.output
        token = re.search(r"shown once, give it to the partner\): (\S+)", result.output).group(1)
        digest = re.search(r"^sha256 ([0-9a-f]{64})$", result.output, re.M).group(1)
        assert hashlib.sha256(token.encode()).hexdigest() == digest and len(token) >= 40
        assert f'token_hashes: "{digest}"' in result.output
        tokens.append((token, digest))
    assert tokens[0] != tokens[1]
    # the printed hash, once in the config, authenticates the token (and only it)
    partner = Partner(name="acme", token_hashes=(tokens[0][1],))
    auth = Authenticator([partner, Partner(name="other", token_hashes=(tokens[1][1],))])
    assert auth.partner_for(tokens[0][0]) is partner
    assert auth.partner_for(tokens[0][0][:-1]) is None and auth.partner_for(None) is None
    bad = runner.invoke(main, ["--config", str(config.path), "partners", "token", "nobody"])
    assert bad.exit_code == 2 and "no [partners.nobody]" in bad.output


def test_bearer_parsing():
    assert bearer("Bearer abc") == "abc" and bearer("bearer  abc ") == "abc"
    assert bearer("Basic abc") is None and bearer("Bearer") is None and bearer(None) is None
    assert bearer("Bearer " + "x" * 600) is None


def test_rate_limit_buckets_refill_per_minute(store):
    """A bucket of 2 a minute: two requests pass, the third waits 30 s; buckets are per key."""
    limits = store.limits
    assert limits.take("p", 2, 1000.0).allowed and limits.take("p", 2, 1000.0).allowed
    third = limits.take("p", 2, 1000.0)
    assert not third.allowed and third.retry_after == 30          # 2 per minute: one more in 30 s
    assert limits.take("other", 2, 1000.0).allowed                 # another partner has its own bucket
    assert limits.take("p", 2, 1030.0).allowed
    assert not limits.take("p", 2, 1030.0).allowed
    assert limits.remaining("p", 2, 1090.0) == 2                   # full again after a minute


def test_list_and_resend(tmp_path):
    extra = '\n[partners.pushco]\nlanguages = ["en"]\npush_url = "http://127.0.0.1:9/in"\npush_secret = "s"\n'
    config = partner_site(tmp_path, extra=extra)
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(1, published=recent(2))], recent(0))
        sync_changes(store, recent(0), config.partners)
        claim = store.delivery.claim_head("pushco", "w1", recent(0), 30)
        assert claim is not None and store.delivery.claim_head("pushco", "w2", recent(0), 30) is None
        assert store.delivery.mark_failed(claim, "w1", recent(0), "HTTP 410", 410)
        assert not store.delivery.mark_success(claim, "w2", recent(0), 200)     # fenced: w2 never held it
        runner = CliRunner()
        listed = runner.invoke(main, ["--config", str(config.path), "partners", "list"])
        assert listed.exit_code == 0
        assert "pushco: languages en" in listed.output and "failed 1" in listed.output
        assert "acme: languages en; categories politics" in listed.output
        assert "machine translations all" in listed.output
        again = runner.invoke(main, ["--config", str(config.path), "partners", "resend", "pushco"])
        assert again.exit_code == 0 and "1 item(s) queued again" in again.output
        assert [r["state"] for r in store.delivery.rows("pushco")] == ["pending"]
    finally:
        store.close()


SITE = {"site": {"name": "x", "base_url": "https://x.org/", "publisher": "p"}, "categories": [{"slug": "a"}]}


def test_push_and_server_config():
    config = parse_config({**SITE, "push": {"base_delay": 5, "max_attempts": 3}, "server": {"workers": 2}})
    assert config.push.base_delay == 5.0 and config.push.max_attempts == 3 and config.push.max_delay == 3600.0
    assert config.server.workers == 2
    with pytest.raises(ConfigError, match=r"push\.lease"):
        parse_config({**SITE, "push": {"lease": 0}})
    with pytest.raises(ConfigError, match=r"push\.bogus"):
        parse_config({**SITE, "push": {"bogus": 1}})
    with pytest.raises(ConfigError, match=r"server\.workers"):
        parse_config({**SITE, "server": {"workers": 0}})
