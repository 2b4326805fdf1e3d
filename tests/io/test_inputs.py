"""Reading dumps: encodings detected and said, JSONL streamed line by line, messages that say what to fix."""

import io
import json
import os
import threading
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.io.inputs import Unreadable, read_inputs
from support.corpus import corpus


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


SHORT_LINE = "짧은 줄: 정부가 GPU 26만 개를 확보했다."
"""A record too short to tell its encoding alone, but long enough to be an article (20 characters or more)."""


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_a_korean_dump_in_cp949_or_euc_kr_is_read_as_it_was_written(endpoint, tmp_path, capsys, codec):
    text = corpus("004")  # 001 and 002 hold characters CP949 has no code for
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_bytes(text.encode(codec))
    dump = tmp_path / "in" / "dump.jsonl"
    dump.write_bytes((json.dumps({"id": "j1", "text": text}, ensure_ascii=False) + "\n" +
                      json.dumps({"id": "j2", "text": SHORT_LINE}, ensure_ascii=False) + "\n").encode(codec))
    out = tmp_path / "r.jsonl"
    assert main(["run", str(article.parent), "--out", str(out)]) == 0
    records = {r["origin"].split("/")[-1]: r for r in _lines(out)}
    assert {k: (r["flags"], r["text"]) for k, r in records.items()} == {
        "a.txt": (["encoding:cp949"], text),  # EUC-KR is read as CP949, its superset
        "dump.jsonl:1": (["encoding:cp949"], text),
        "dump.jsonl:2": (["encoding:cp949"], SHORT_LINE),  # too short to tell alone; the file told
    }
    assert records["a.txt"]["status"] == "flagged"  # as the UTF-8 original is: the text is the same
    assert f"summarizer: {article}: read as CP949 (flagged encoding:cp949)" in capsys.readouterr().err


def test_utf16_with_a_byte_order_mark_is_text_not_binary(endpoint, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(corpus("001"), encoding="utf-16")
    (folder / "dump.jsonl").write_text(json.dumps({"id": "j", "text": corpus("004")}, ensure_ascii=False) + "\n",
                                       encoding="utf-16")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(folder), "--out", str(out)]) == 0
    assert sorted((r["origin"].split("/")[-1], r["flags"], r["text"]) for r in _lines(out)) == [
        ("a.txt", ["encoding:utf-16"], corpus("001")),
        ("dump.jsonl:1", ["encoding:utf-16"], corpus("004")),
    ]


def test_utf16_and_utf32_without_a_byte_order_mark_are_text_too(endpoint, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, codec in [("a", "utf-16-le"), ("b", "utf-16-be"), ("c", "utf-32-le"), ("d", "utf-32-be")]:
        (folder / f"{name}.txt").write_bytes(corpus("001").encode(codec))
    (folder / "dump.jsonl").write_bytes((json.dumps({"id": "j", "text": corpus("004")}, ensure_ascii=False) + "\n")
                                        .encode("utf-16-le"))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # binary stays binary
    out = tmp_path / "r.jsonl"
    assert main(["run", str(folder), "--out", str(out)]) == 3
    assert sorted((r["origin"].split("/")[-1], r["flags"], r["text"]) for r in _lines(out)) == [
        ("a.txt", ["encoding:utf-16-le"], corpus("001")), ("b.txt", ["encoding:utf-16-be"], corpus("001")),
        ("c.txt", ["encoding:utf-32-le"], corpus("001")), ("d.txt", ["encoding:utf-32-be"], corpus("001")),
        ("dump.jsonl:1", ["encoding:utf-16-le"], corpus("004")),
    ]
    assert [(d["origin"].split("/")[-1], d["reason"]) for d in _lines(tmp_path / "r.failed.jsonl")] == [
        ("image.txt", "a binary file, not an article; give text, Markdown, HTML or JSONL")]
    assert f"summarizer: {folder / 'a.txt'}: read as UTF-16-LE (flagged encoding:utf-16-le)" in capsys.readouterr().err


def test_invalid_utf8_is_replaced_flagged_and_said(endpoint, tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_bytes(corpus("001").encode("utf-8") + b"\n\xff\xfe broken tail\n")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(article), "--out", str(out)]) == 0
    (record,) = _lines(out)
    assert record["flags"] == ["invalid_utf8"] and record["text"].endswith("\n\ufffd\ufffd broken tail\n")
    assert (f"summarizer: {article}: not valid UTF-8 in any encoding we could detect; undecodable bytes were "
            "replaced with U+FFFD (flagged invalid_utf8)") in capsys.readouterr().err


def test_a_malformed_jsonl_line_says_where_and_what(tmp_path):
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"id": "a", "text": "x"}\n\n{"id": "b", text: "y"}\n{"id": "c", "text": "z"} trailing\n',
                    encoding="utf-8")
    assert [(i.origin.split("/")[-1], i.reason) for i in read_inputs([str(dump)]) if isinstance(i, Unreadable)] == [
        ("d.jsonl:3", "line 3 is not valid JSON: expecting property name enclosed in double quotes at column 13 "
                      "(near '{\"id\": \"b\", text: \"y\"}'); fix or remove that line"),
        ("d.jsonl:4", "line 4 is not valid JSON: extra data at column 26 (near ': \"c\", \"text\": \"z\"} trailing'); "
                      "fix or remove that line"),
    ]


def _record(i: int) -> bytes:
    return (json.dumps({"id": f"r{i}", "text": f"기사 {i}: 26만 개"}, ensure_ascii=False) + "\n").encode()


def test_a_jsonl_file_streams_the_first_record_comes_before_the_file_ends(tmp_path):
    fifo = tmp_path / "dump.jsonl"
    os.mkfifo(fifo)
    more, finished = threading.Event(), threading.Event()

    def writer():
        with open(fifo, "wb") as f:
            f.write(_record(0))
            f.flush()
            more.wait(10)
            f.write(_record(1))
        finished.set()

    threading.Thread(target=writer, daemon=True).start()
    records = read_inputs([str(fifo)])
    first = next(records)
    assert first.id == "r0" and not finished.is_set()  # read before the writer was done: not read whole
    more.set()
    assert [a.id for a in records] == ["r1"]


class _Stdin(io.RawIOBase):
    """Standard input that counts how many lines were taken from it."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines, self.taken = lines, 0

    def readable(self) -> bool:
        return True

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        if self.taken == len(self.lines):
            raise StopIteration
        self.taken += 1
        return self.lines[self.taken - 1]

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("standard input JSONL was read whole")


def test_jsonl_on_standard_input_streams_too():
    stdin = _Stdin([b"\n", _record(0), _record(1), _record(2)])
    records = read_inputs(["-"], stdin)
    assert next(records).id == "r0" and stdin.taken == 2
    assert [a.id for a in records] == ["r1", "r2"]


def test_an_articles_title_comes_from_the_record_the_page_the_heading_or_the_first_line(tmp_path):
    body = "<p>엔비디아가 한국 정부와 기업에 최신 GPU 26만장을 공급한다고 31일 밝혔다. 정부는 이 가운데 약 5만장을 공공 부문에 배정한다.</p>" * 3
    (tmp_path / "a.html").write_text(
        '<html><head><title>뉴스 | 사이트 제목</title><meta property="og:title" content="엔비디아, 한국에 GPU 26만장">'
        f"</head><body><article><h1>엔비디아, 한국에 GPU 26만장</h1>{body}</article></body></html>", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 엔비디아, 한국에 GPU 26만장 공급\n\n엔비디아가 한국 정부와 기업에 GPU 26만장을 공급한다고 31일 밝혔다.\n",
                                   encoding="utf-8")
    (tmp_path / "c.txt").write_text("주간동아 1512\n\n엔비디아 GPU 26만장 한국 공급\n\n엔비디아가 한국 정부와 기업에 GPU 26만장을 공급한다고 "
                                    "31일 밝혔다.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("엔비디아가 한국 정부와 기업에 GPU 26만장을 공급한다고 31일 밝혔다.\n정부는 5만장을 쓴다.\n",
                                    encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(json.dumps({"id": "e", "title": "기록의 제목", "text": "엔비디아가 GPU를 공급한다.\n"},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    titles = {Path(a.origin).name.split(":")[0]: a.title for a in read_inputs([str(tmp_path)])}
    assert titles == {"a.html": "엔비디아, 한국에 GPU 26만장", "b.md": "엔비디아, 한국에 GPU 26만장 공급",
                      "c.txt": "엔비디아 GPU 26만장 한국 공급", "d.txt": None, "e.jsonl": "기록의 제목"}


def test_a_title_the_text_does_not_write_heads_the_text_so_a_headline_from_it_can_be_checked(tmp_path):
    body = ("<p>The city council approved a plan on Monday to replace the old Elm Street crossing. The project will "
            "cost $45 million and take four years, officials said.</p>")
    (tmp_path / "a.html").write_text(f"<html><head><title>Council backs Elm Street crossing</title></head><body>"
                                     f"<article>{body}{body}</article></body></html>", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "b", "title": "Council backs  Elm Street crossing", "text": "The council voted on Monday."}) +
        "\n" + json.dumps({"id": "c", "title": "the council voted", "text": "The council voted on Monday."}) + "\n",
        encoding="utf-8")
    texts = {a.id.split("-")[0]: a.text for a in read_inputs([str(tmp_path)])}
    assert texts["a"].startswith("Council backs Elm Street crossing\n\nThe city council approved")
    assert texts["b"] == "Council backs Elm Street crossing\n\nThe council voted on Monday."
    assert texts["c"] == "The council voted on Monday."  # the text writes it already: left as it is
