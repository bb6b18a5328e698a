"""What a clumsy or hostile user meets on the command line: files saved by other programs, links that lead
nowhere, a mistyped --db, escape sequences in arguments. Each is one clear line and loses no article."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import geo.cli
from geo.ingest.articles import iter_paths, read_bytes, read_stream
from geo.records import Article, ReadFailure

STORY = "Reuters/ Troops moved into Mosul on Tuesday after clashes near Kirkuk.\n"
ARABIC = "Reuters/ \u0628\u063a\u062f\u0627\u062f: troops moved into Baghdad on Friday.\n"
ESCAPES = "\u001b]0;PWNED\u0007\u001b[2J"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("story", [STORY, ARABIC])
def test_utf16_without_a_byte_order_mark_is_read_with_a_note(encoding: str, story: str):
    """Notepad's "Unicode" and PowerShell's ``>`` write UTF-16; without a BOM it was a "binary file"."""
    [article] = read_bytes(story.encode(encoding), "win.txt")
    assert isinstance(article, Article), article
    assert "troops moved into" in article.text.lower() and article.source == "Reuters"
    assert any("UTF-16" in note for note in article.notes)


def test_utf16_json_lines_without_a_byte_order_mark_keep_every_line():
    lines = '{"text": "Troops moved into Najaf on Tuesday."}\n{"text": "Police closed roads in Basra."}\n'
    found = list(read_bytes(lines.encode("utf-16-le"), "win.jsonl"))
    assert [type(r) for r in found] == [Article, Article], found


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + b'{"text": "Troops moved into Kut on Tuesday.", "title": "Kut"}\n',
    '{"text": "Troops moved into Kut on Tuesday.", "title": "Kut"}\n'.encode("utf-16"),
    '{"text": "Troops moved into Kut on Tuesday.", "title": "Kut"}\n'.encode("utf-16-be"),
])
def test_json_on_stdin_with_a_byte_order_mark_is_json_not_text(data: bytes):
    """stdin's reader is chosen by its first byte: a BOM made it plain text, the JSON itself the article."""
    [article] = read_stream(io.BytesIO(data), "<stdin>", 10**6)
    assert isinstance(article, Article), article
    assert article.title == "Kut" and article.text == "Troops moved into Kut on Tuesday."


def test_binary_data_is_still_refused():
    for data in (os.urandom(4000), b"\x00" * 4000, b"SQLite format 3\x00" + bytes(range(256)) * 20):
        [failure] = read_bytes(data, "blob.txt")
        assert isinstance(failure, ReadFailure) and "binary file" in failure.reason


def test_a_number_of_thousands_of_digits_is_a_clear_line():
    data = b'{"text": "Troops moved into Mosul.", "title": 1' + b"0" * 5000 + b"}"
    [failure] = read_bytes(data, "big.json")
    assert isinstance(failure, ReadFailure)
    assert "4,300 digits" in failure.reason and "sys." not in failure.reason, failure.reason


def test_links_that_lead_nowhere_are_reported_not_skipped(tmp_path: Path):
    (tmp_path / "ok.txt").write_text(STORY)
    (tmp_path / "loop1.txt").symlink_to("loop2.txt")
    (tmp_path / "loop2.txt").symlink_to("loop1.txt")
    (tmp_path / "gone.md").symlink_to("missing.md")
    found = list(iter_paths([str(tmp_path)], 10**6))
    failures = {Path(r.origin).name: r.reason for r in found if isinstance(r, ReadFailure)}
    assert sum(isinstance(r, Article) for r in found) == 1
    assert set(failures) == {"loop1.txt", "loop2.txt", "gone.md"}, failures
    assert all("symbolic link" in reason for reason in failures.values())
    [direct] = iter_paths([str(tmp_path / "loop1.txt")], 10**6)
    assert "symbolic link" in direct.reason


@pytest.mark.parametrize("command", [["articles"], ["actors"], ["show", "abc"], ["export"], ["snapshot", "list"],
                                     ["snapshot", "show", "abcdefghijklmnop"]])
def test_a_reading_command_on_a_mistyped_store_creates_nothing(tmp_path: Path, capsys, command: list[str]):
    """A typo in --db made a new empty store, and its folders, and said "no articles yet"."""
    db = tmp_path / "typo" / "nwesmap.sqlite"
    assert geo.cli.main([*command, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "no store at" in err and str(db) in err and "Traceback" not in err, err
    assert not (tmp_path / "typo").exists()


def test_escape_sequences_in_arguments_never_reach_the_terminal(tmp_path: Path, capsys):
    db = tmp_path / "s.sqlite"
    assert geo.cli.main(["snapshot", "list", "--db", str(db)]) == 1  # no store yet
    capsys.readouterr()
    with pytest.raises(SystemExit):
        geo.cli.main(["articles", f"--q{ESCAPES}"])  # argparse's "unrecognized arguments"
    with pytest.raises(SystemExit):
        geo.cli.main(["snapshot", ESCAPES])
    geo.cli.main(["ingest", "--db", str(db), str(tmp_path / "none" / ESCAPES)])
    geo.cli.main(["export", "--db", str(db), "-o", str(tmp_path / "none" / ESCAPES)])
    out = capsys.readouterr()
    assert "\u001b" not in out.err + out.out and "\u0007" not in out.err + out.out, out
    assert out.err.count("\\x1b]0;PWNED\\x07") >= 4, out.err


def test_a_full_disk_stops_the_ingest_once_and_keeps_what_was_stored(store):  # noqa: ANN001 - both databases
    """Each article failed on its own with "disk I/O error", hundreds of identical lines, and the ingest went on
    reading and analysing what could not be stored."""
    import sqlalchemy as sa

    from geo.errors import StoreError
    from geo.ingest.pipeline import Pipeline
    from geo.settings import load_settings
    from tests.faulty import make_faulty_analyser

    write, calls = store.write, []

    def fills_up(analysis, joiner=None):  # noqa: ANN001, ANN202
        calls.append(analysis.article.id)
        if len(calls) > 2:
            raise sa.exc.OperationalError("INSERT", {}, Exception("database or disk is full"))
        return write(analysis, joiner)

    store.write = fills_up
    texts = [f"Good article number {i}." for i in range(6)]
    inputs = [Article(id=f"{i:016x}", text=t, origin=f"in:{i}", raw=t.encode()) for i, t in enumerate(texts)]
    pipeline = Pipeline(analyser=make_faulty_analyser(), store=store, settings=load_settings())
    with pytest.raises(StoreError, match=r"disk is full.*2 article\(s\) were stored.*run the same command again"):
        pipeline.ingest(inputs)
    assert len(calls) == 3 and store.count_articles() == 2
    store.write = write
    again = pipeline.ingest(inputs)
    assert len(again.duplicates) == 2 and len(again.ingested) == 4
