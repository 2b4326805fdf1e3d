"""A big HTML page is reduced to its text in a child process, killed at the time limit; the next page gets a
fresh one, and reads as it would have in this process."""

import trafilatura

from summarizer.io.html_text import IN_PROCESS_CHARS
from summarizer.io.inputs import read_inputs


def _page(body: str) -> str:
    return f"<html><head><title>Buses</title></head><body>{body}</body></html>"


def test_after_a_page_too_slow_to_parse_the_next_big_pages_read_as_they_would_here(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_HTML_SECONDS", "0.5")
    attributes = " ".join(f'a{i}="x"' for i in range(40_000))
    pages = {
        "1-slow.html": _page(f"<article><p {attributes}>The council said the buses would come.</p></article>"),
        "2-article.html": _page("<article>" + "<p>The council said the new buses would arrive in March, and "
                                "that fares would stay as they are for another year.</p>" * 800 + "</article>"),
        "3-script.html": _page("<script>" + "var a = 1;\n" * 8_000 + "</script>"),
    }
    for name, html in pages.items():
        assert len(html) > IN_PROCESS_CHARS  # each goes to the child
        (tmp_path / name).write_text(html, encoding="utf-8")
    slow, article, script = read_inputs([str(tmp_path)])
    assert slow.reason.startswith("reducing this HTML page to its text took longer than 0.5 s")
    expected = trafilatura.extract(pages["2-article.html"], include_comments=False, include_tables=True)
    assert expected and article.text == expected
    assert script.reason == "no article text found in this HTML page"  # None comes back as None
