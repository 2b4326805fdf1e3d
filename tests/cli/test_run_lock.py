"""Two runs at once on one --out: the second is refused in one line, with exit 2, and touches nothing; tried
with two real processes, as a user meets it."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import summarizer
from summarizer.cli import main
from support.corpus import fixture_summary, numbered_dump
from support.endpoint import Endpoint, FixtureEngine


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _summarizer(*args: str) -> subprocess.Popen:
    """``summarizer ARGS`` in a process of its own, on the package these tests import."""
    root = str(Path(summarizer.__file__).resolve().parent.parent)
    env = {**os.environ, "CI": "1", "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "summarizer.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=root)


def test_a_second_run_on_the_same_out_is_refused_while_the_first_holds_it(tmp_path, monkeypatch, capsys):
    gate = threading.Event()

    def answers(article: str) -> str:  # the first run waits here, holding its --out, until the test lets it go
        gate.wait(60)
        return fixture_summary("001" if "주간동아" in article else "004").model_dump_json()

    engine = FixtureEngine(answers=answers)
    dump, out = numbered_dump(tmp_path / "dump.jsonl", 6), tmp_path / "r.jsonl"
    with Endpoint(engine) as e:
        monkeypatch.setenv("OPENAI_BASE_URL", e.url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-lock")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fixture")
        args = ["run", str(dump), "--out", str(out), "--concurrency", "2"]
        first = _summarizer(*args)
        try:
            deadline = time.monotonic() + 60
            while not engine.seen and time.monotonic() < deadline:  # its first request: it holds the lock
                assert first.poll() is None, first.communicate()
                time.sleep(0.05)
            before = _tree(tmp_path)
            second = _summarizer(*args)
            _, err = second.communicate(timeout=60)
            assert second.returncode == 2
            assert err.splitlines() == [f"summarizer: another run holds {out} (--out); wait for it to end, or "
                                            "give --out another file"]
            assert _tree(tmp_path) == before  # it read nothing, cut nothing, wrote nothing
        finally:
            gate.set()
            _, err = first.communicate(timeout=120)
        assert first.returncode == 0, err
        ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
        assert sorted(ids) == [f"art-{i}" for i in range(6)]  # each once
        assert main(args) == 0  # the lock went with the first run: a rerun takes it, and skips what is done
    assert "read=6 skipped=6 verified=0" in capsys.readouterr().err
