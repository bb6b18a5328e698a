"""Readers: every format, the seed conventions and every kind of bad input."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from geo.ingest.articles import article_id, iter_paths, read_bytes, read_stream
from geo.records import Article, ReadFailure
from tests.conftest import REPO, SEEDS

LIMIT = 5_000_000


def only_articles(results) -> list[Article]:
    results = list(results)
    assert all(isinstance(r, Article) for r in results), results
    return results


def only_failures(results) -> list[ReadFailure]:
    results = list(results)
    assert all(isinstance(r, ReadFailure) for r in results), results
    return results


def test_seed_conventions_source_date_and_boilerplate():
    first, second = only_articles(iter_paths([str(SEEDS)], LIMIT))
    assert first.source == "Shafaq News"
    assert first.text.startswith("The longstanding shadow conflict")
    assert first.published is None
    assert second.published.isoformat() == "2024-03-15"
    assert second.text.startswith("Amid the ongoing conflict in Gaza")
    assert "Advertisment" not in second.text
    assert "\n\n\n" not in second.text
    assert "Fears of Escalation and Strategic Calculations" in second.text


def test_original_bytes_are_kept():
    path = SEEDS / "002_2374255aed66fc84.txt"
    (article,) = only_articles(iter_paths([str(path)], LIMIT))
    assert article.raw == path.read_bytes()
    assert b"Advertisment" in article.raw


def test_headline_first_line_becomes_title():
    (a,) = only_articles(read_bytes(b"Rockets hit Haifa\n\nThree rockets hit Haifa on Monday.", "a.txt"))
    assert a.title == "Rockets hit Haifa"
    assert a.text == "Three rockets hit Haifa on Monday."


def test_long_first_paragraph_is_not_a_title_but_a_title_is_derived():
    body = b"Three rockets hit Haifa on Monday, the army said, and more were intercepted.\nMore text."
    (a,) = only_articles(read_bytes(body, "a.txt"))
    assert a.text.startswith("Three rockets")
    assert a.title == "Three rockets hit Haifa on Monday, the army said, and more were intercepted."


@pytest.mark.parametrize("body, title", [
    (b"SPRINGFIELD, Ill. - Police arrested two men Thursday after a shooting outside a bar. Later text.",
     "SPRINGFIELD, Ill. - Police arrested two men Thursday after a shooting outside a bar."),  # a dateline's state
    (b"Gov. Jane Doe said the U.S. Army would stay. Later text.", "Gov. Jane Doe said the U.S. Army would stay."),
    (b"Israel struck Iran. Later text.", "Israel struck Iran."),  # a short name ends a sentence
])
def test_a_derived_title_does_not_stop_at_an_abbreviation(body: bytes, title: str):
    (a,) = only_articles(read_bytes(body, "a.txt"))
    assert a.title == title


@pytest.mark.timeout(10)
def test_a_title_is_derived_from_the_text_s_start_only():
    """A text of abbreviations only ("U.S. U.S. ..."), 2 MB of it, gets its title at once: the sentence end is
    looked for in the first ``limit`` characters, not across the text once per period."""
    (a,) = only_articles(read_bytes(b"U.S. " * 400_000, "a.txt"))
    assert a.title.startswith("U.S. U.S.") and a.title.endswith("\u2026") and len(a.title) <= 91


def test_markdown_heading():
    (a,) = only_articles(read_bytes(b"# Talks in Doha\n\nNegotiators met in Doha.", "a.md"))
    assert a.title == "Talks in Doha"


def test_json_object_and_list():
    obj = {"text": "Troops entered Kherson.", "title": "Kherson", "url": "https://x.test/1",
           "source": "Wire", "published": "2023-11-05T10:00:00Z"}
    (a,) = only_articles(read_bytes(json.dumps(obj).encode(), "a.json"))
    assert (a.title, a.url, a.source, a.published.isoformat()) == ("Kherson", "https://x.test/1", "Wire",
                                                                   "2023-11-05")
    items = [{"text": "One in Kyiv."}, {"text": "Two in Odesa."}]
    arts = only_articles(read_bytes(json.dumps(items).encode(), "b.json"))
    assert [x.text for x in arts] == ["One in Kyiv.", "Two in Odesa."]
    assert arts[1].origin == "b.json[1]"


def test_jsonl_reads_good_lines_and_reports_bad_ones_with_line_numbers():
    data = b'{"text": "One in Kyiv."}\n{"text": oops}\n\n{"title": "no text"}\n{"text": "Two in Odesa."}\n'
    results = list(read_bytes(data, "a.jsonl"))
    assert [r.text for r in results if isinstance(r, Article)] == ["One in Kyiv.", "Two in Odesa."]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert failures[0].origin == "a.jsonl:2" and "malformed JSON at line 2" in failures[0].reason
    assert failures[1].origin == "a.jsonl:4" and "'text'" in failures[1].reason


def test_malformed_json_names_line_and_column():
    (f,) = only_failures(read_bytes(b'{\n  "text": "x",\n  oops\n}', "a.json"))
    assert "malformed JSON at line 3, column 3" in f.reason


def test_html_main_text_is_extracted_locally():
    html = b"""<html><head><title>Strike on Khan Younis</title></head><body>
    <nav>Home | World | Sport</nav>
    <article><h1>Strike on Khan Younis</h1>
    <p>An airstrike hit a building in Khan Younis on Tuesday, killing several people, officials said.</p>
    <p>The Israeli military said it targeted militants operating in the southern Gaza Strip.</p></article>
    <footer>Copyright</footer></body></html>"""
    (a,) = only_articles(read_bytes(html, "page.html"))
    assert "airstrike hit a building in Khan Younis" in a.text
    assert "Home | World" not in a.text
    assert a.title == "Strike on Khan Younis"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"   \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"GIF89a\x01\x00\x01\x00\x80\xff\x00\xc0" + b"News from Gaza. " * 20, "binary file"),  # one NUL, not UTF-8
    (b"Advertisement\n\nAdvertisment\n", "empty article"),
])
def test_bad_inputs_get_one_clear_reason(data, reason):
    (f,) = only_failures(read_bytes(data, "x.txt"))
    assert reason in f.reason


def test_a_stray_nul_in_a_text_is_removed_with_a_note_not_a_lost_article():
    """A NUL among the first bytes of an otherwise valid UTF-8 story (pasted from another program) used to make
    the whole file "binary"; the same NUL later in the file was only removed."""
    [article] = read_bytes("Shelling in Tyre\x00 at dawn. Sirens sounded in Haifa.".encode(), "x.txt")
    assert isinstance(article, Article)
    assert article.text == "Shelling in Tyre at dawn. Sirens sounded in Haifa."
    assert any("1 NUL character(s) removed" in note for note in article.notes)


def test_invalid_utf8_falls_back_and_says_so():
    (a,) = only_articles(read_bytes("Caf\u00e9 in Beirut was hit.".encode("cp1252"), "x.txt"))
    assert a.text == "Café in Beirut was hit."
    assert "decoded as Windows-1252" in a.notes[0]


def test_utf16_with_bom():
    (a,) = only_articles(read_bytes("Talks in Doha.".encode("utf-16"), "x.txt"))
    assert a.text == "Talks in Doha."


def test_files_over_the_limit_are_refused_without_reading(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    (f,) = only_failures(iter_paths([str(big)], max_bytes=1000))
    assert "over the 0.001 MB limit" in f.reason and "--max-bytes" in f.reason


def test_missing_path_and_folder_recursion(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Troops entered Kherson.")
    (tmp_path / "b.json").write_text('{"text": "Talks in Doha."}')
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Hidden.")
    results = list(iter_paths([str(tmp_path), str(tmp_path / "nope.txt")], LIMIT))
    assert sorted(r.text for r in results if isinstance(r, Article)) == ["Talks in Doha.", "Troops entered Kherson."]
    assert [r.reason for r in results if isinstance(r, ReadFailure)] == ["no such file or folder"]


def test_stdin_text_json_and_jsonl():
    (a,) = only_articles(read_stream(io.BytesIO(b"Talks in Doha."), "<stdin>", LIMIT))
    assert a.text == "Talks in Doha."
    (b,) = only_articles(read_stream(io.BytesIO(b'{"text": "Talks in Doha.", "title": "T"}'), "<stdin>", LIMIT))
    assert b.title == "T"
    arts = only_articles(read_stream(io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n'), "<stdin>", LIMIT))
    assert [x.text for x in arts] == ["One.", "Two."]


def test_stdin_over_the_limit():
    (f,) = only_failures(read_stream(io.BytesIO(b"x" * 50), "<stdin>", 10))
    assert "over the" in f.reason


def test_id_is_stable_under_whitespace_and_line_endings():
    assert article_id("Talks in Doha.\r\n") == article_id("Talks  in\nDoha.")
    assert article_id("Talks in Doha.") != article_id("Talks in Gaza.")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html"]))
def test_any_bytes_give_articles_or_clear_failures(data: bytes, suffix: str):
    for r in read_bytes(data, "fuzz" + suffix):
        assert isinstance(r, (Article, ReadFailure))
        if isinstance(r, Article):
            assert r.text.strip() and len(r.id) == 16
        else:
            assert r.reason and "\n" not in r.reason


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_any_unicode_text_round_trips(text: str):
    results = list(read_bytes(text.encode("utf-8"), "fuzz.txt"))
    assert len(results) == 1


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("suffix", [".json", ".jsonl", None])
def test_deeply_nested_json_is_one_failure_and_the_good_inputs_go_through(suffix: str | None):
    good = json.dumps({"text": "Rockets hit Haifa."}).encode()
    data = DEEP + b"\n" + good + b"\n" if suffix == ".jsonl" else DEEP
    results = list(read_stream(io.BytesIO(data), "feed" + (suffix or ""), LIMIT, kind=suffix))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert len(failures) == 1 and "nested" in failures[0].reason, results
    assert [r.text for r in results if isinstance(r, Article)] == (["Rockets hit Haifa."] if suffix == ".jsonl" else [])
    nested_title = {"text": "Rockets hit Haifa.", "title": json.loads("[" * 500 + "]" * 500)}
    [failure] = only_failures(read_bytes(json.dumps(nested_title).encode(), "x.json"))
    assert "title" in failure.reason


def test_jsonl_is_judged_line_by_line_so_a_nul_line_loses_only_itself(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(json.dumps({"text": "Rockets hit Haifa."}).encode() + b"\n\x00\x00\x00\x00\n"
                     + json.dumps({"text": "Sirens in Tyre."}).encode() + b"\n")
    results = list(iter_paths([str(path)], LIMIT))
    assert [r.text for r in results if isinstance(r, Article)] == ["Rockets hit Haifa.", "Sirens in Tyre."]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == f"{path}:2" and "binary" in failure.reason


def test_the_limit_holds_for_pipes_and_devices(tmp_path: Path):
    """A device or a pipe has no size to check first: reading stops at the limit all the same."""
    [failure] = only_failures(iter_paths(["/dev/zero"], 1000))
    assert "over the" in failure.reason and failure.origin == "/dev/zero"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"Rockets hit Haifa. " * 1000), daemon=True)
    writer.start()
    [failure] = only_failures(iter_paths([str(fifo)], 5000))
    assert "over the" in failure.reason


def test_an_unreadable_subfolder_is_reported(tmp_path: Path):
    (tmp_path / "feed" / "locked").mkdir(parents=True)
    (tmp_path / "feed" / "a.txt").write_text("Rockets hit Haifa.")
    (tmp_path / "feed" / "locked" / "b.txt").write_text("Sirens in Tyre.")
    os.chmod(tmp_path / "feed" / "locked", 0)
    try:
        results = _as_unprivileged_user(tmp_path / "feed") if os.geteuid() == 0 else [
            (type(r).__name__, r.origin, getattr(r, "reason", "")) for r in iter_paths([str(tmp_path / "feed")], LIMIT)]
    finally:
        os.chmod(tmp_path / "feed" / "locked", 0o755)
    assert ("Article", str(tmp_path / "feed" / "a.txt"), "") in results
    assert [r[2] for r in results if r[1] == str(tmp_path / "feed" / "locked")] == ["cannot read: Permission denied"]


def _as_unprivileged_user(folder: Path) -> list[tuple[str, str, str]]:
    """Root reads every folder: read ``folder`` in a child process without the capabilities that let root
    ignore permissions (``setpriv``, part of util-linux), which then reads as the folder's owner would."""
    code = ("import json, sys; from geo.ingest.articles import iter_paths; print(json.dumps([(type(r).__name__, "
            "r.origin, getattr(r, 'reason', '')) for r in iter_paths([sys.argv[1]], 10**6)]))")
    done = subprocess.run(["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-c", code,
                           str(folder)], cwd=REPO, capture_output=True, text=True, check=True)
    return [tuple(r) for r in json.loads(done.stdout)]
