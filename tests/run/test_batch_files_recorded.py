"""Batch files answered by a real model server, replayed: the statuses equal the online path's.

No real batch endpoint can be reached from where this was written, and no vLLM: what can be recorded is a real
model server answering the request lines. So the lines ``export`` writes were each sent, as they are, to the
embedded Gemma 3 270M served over loopback HTTP with a fake key (as any OpenAI-compatible server is reached),
and the answers recorded with vcrpy; ``import`` checked them, wrote the re-asks as a further requests file,
those were sent too, and ``import`` ran again. Then the same article went through the online path: it sends
byte for byte the same requests, so the cassette answers them with the same answers, and every record must be
the same. To re-record, delete the cassette and run this file with SUMMARIZER_RECORD=1 (minutes on a CPU).
"""

import json
from urllib.parse import urlsplit

import pytest

from summarizer import Settings, Summarizer
from summarizer.embedded import EMBEDDED_MODEL
from summarizer.model.batches import send_now
from summarizer.model.batches.replay import REPLAY_URL
from summarizer.run.batch_files import export_batch_requests, import_batch_responses
from support.corpus import SHORT
from support.vcr import CASSETTES, cassette_path, make_vcr, model_server, recording

FAKE_KEY = "sk-test-DO-NOT-LEAK-7c1e9d2b5a8f3e6d4c0b"
VCR = make_vcr()


@pytest.fixture
def endpoint():
    """Loopback OpenAI-compatible server over the embedded model, started only to record."""
    with model_server() as url:
        yield url


def _run_lines(requests, responses, settings) -> int:
    """Send each request line's body as it is (what vllm run-batch would run), and write the output lines."""
    lines = [json.loads(x) for x in requests.read_text(encoding="utf-8").splitlines()]
    answers = send_now(settings, [(x["custom_id"], x["body"]) for x in lines], concurrency=1)
    responses.write_bytes(b"".join(answers))
    return len(lines)


def _without_timings(record: dict) -> dict:
    record = {k: v for k, v in record.items() if k not in ("seconds", "id", "origin", "hash", "settings", "title",
                                                            "url", "published", "flags", "text")}
    record["attempts"] = [{k: v for k, v in a.items() if k != "seconds"} for a in record["attempts"]]
    return record


def test_export_and_import_of_a_real_models_answers_give_the_online_statuses(endpoint, tmp_path, request):
    settings = Settings(base_url=endpoint, api_key=FAKE_KEY, model=EMBEDDED_MODEL, answer="free-text", max_reasks=1,
                        max_tokens=1024)
    article = tmp_path / "short.txt"
    article.write_text(SHORT, encoding="utf-8")
    requests, results = tmp_path / "requests.jsonl", tmp_path / "results.jsonl"
    # The replaying client's requests never leave the process (model.batches.replay): not the server's to record.
    with VCR.use_cassette(cassette_path(request), allow_playback_repeats=True,
                          ignore_hosts=[urlsplit(REPLAY_URL).hostname]) as cassette:
        export_batch_requests([str(article)], requests, settings)
        files, rounds = [], 0
        while requests.exists():
            rounds += 1
            assert rounds <= 1 + settings.max_reasks, "import kept writing requests past the re-asks allowed"
            files.append(tmp_path / f"responses-{rounds}.jsonl")
            _run_lines(requests, files[-1], settings)
            counts = import_batch_responses(files[::-1], [str(article)], results, settings, requests=requests)
        online = Summarizer(settings).summarize(SHORT)
        if not recording():
            assert cassette.all_played
    (record,) = [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines()]
    assert _without_timings(record) == _without_timings(json.loads(online.model_dump_json()))
    assert rounds == len(online.attempts) >= 2  # one round of batch files an ask: the first, then each re-ask
    assert counts.waiting == 0 and record["status"] == online.status
    if not recording():  # a cassette being recorded is written when the test ends
        assert FAKE_KEY not in (CASSETTES / cassette_path(request)).read_text(encoding="utf-8")
