"""Settings: one frozen object, from the environment in one place; the key never shows."""

import pytest

from summarizer import Settings, UsageError
from summarizer.contract.grounded import PICKS


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


def test_grounded_picks_say_what_the_model_picks_and_code_picks_the_rest():
    assert Settings().picks == ()  # the embedded model: code picks everything
    assert Settings(base_url="http://x/v1").picks == PICKS  # an endpoint: everything
    assert Settings.from_env({"SUMMARIZER_GROUNDED_PICKS": "summary, labels"}).picks == ("summary", "labels")
    assert Settings.from_env({"SUMMARIZER_GROUNDED_PICKS": "none", "OPENAI_BASE_URL": "http://x/v1"}).picks == ()
    with pytest.raises(UsageError, match="unknown grounded pick 'headline'; use some of summary, events, figures"):
        Settings(grounded_picks=("headline",))
    # what the model is asked for shapes the answer: a rerun does not mistake one for the other
    assert Settings(grounded_picks=("summary",)).fingerprint() != Settings().fingerprint()


def test_the_free_text_prompt_is_an_endpoints_with_candidates_and_the_embedded_models_without():
    endpoint = Settings(base_url="http://localhost:11434/v1")
    assert (endpoint.free_text_prompt(), Settings().free_text_prompt()) == ("summarize/v2", "summarize/v1")
    assert Settings(prompt="summarize/v1").free_text_prompt(endpoint=True) == "summarize/v1"
    # an answer asked with another prompt is another answer; a grounded one's does not depend on it
    assert endpoint.fingerprint() != endpoint.with_(prompt="summarize/v1").fingerprint()
    assert Settings().fingerprint() == Settings(prompt="summarize/v1").fingerprint()
    # nothing asked of the embedded model by default: code alone, and no model needs installing
    assert not Settings().asks_model and Settings(grounded_picks=("summary",)).asks_model and endpoint.asks_model
