"""Settings: one frozen object, from the environment in one place; the key never shows."""

import pytest

from summarizer import Settings, UsageError


def test_no_configuration_means_the_embedded_model():
    s = Settings.from_env({})
    assert s.embedded and s.describe() == "the embedded model gemma-3-270m-q4_k_m"


def test_an_endpoint_in_the_environment_switches_to_it():
    s = Settings.from_env({"OPENAI_BASE_URL": "http://localhost:11434/v1", "SUMMARIZER_MODEL": "qwen3"})
    assert not s.embedded
    assert s.describe() == "qwen3 at http://localhost:11434/v1"
    assert Settings.from_env({"OPENAI_BASE_URL": "http://a/v1"}, base_url="http://b/v1").base_url == "http://b/v1"


def test_the_key_never_shows():
    s = Settings.from_env({"OPENAI_API_KEY": "sk-secret-123456789012345", "SUMMARIZER_MODEL": "gpt-x"})
    for text in (repr(s), str(s), s.describe(), s.fingerprint()):
        assert "sk-secret" not in text
    assert s.fingerprint() == s.with_(api_key="other", timeout=5).fingerprint()
    assert s.fingerprint() != s.with_(model="gpt-y").fingerprint()


@pytest.mark.parametrize(("env", "overrides", "message"), [
    ({"OPENAI_API_KEY": "k"}, {}, "choose a model"),
    ({}, {"model": "gpt-x"}, "needs an endpoint"),
    ({"SUMMARIZER_MAX_REASKS": "two"}, {}, "SUMMARIZER_MAX_REASKS='two' is not a valid int"),
    ({"SUMMARIZER_MODE": "xml"}, {}, "unknown mode 'xml'"),
])
def test_bad_settings_say_how_to_fix_them(env, overrides, message):
    with pytest.raises(UsageError, match=message):
        Settings.from_env(env, **overrides)
