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
from tests.test_geocoding import silent_server  # noqa: F401 - a fixture: a geocoder that never answers

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


# -- session 15 (ux7): what a careless user still tripped on ------------------------------------------------


@pytest.mark.parametrize("data, name, origin", [
    (b'{"title": "First", "text": "Troops moved into Kut on Tuesday.", "title": "Second"}', "feed.json", "feed.json"),
    (b'[{"text": "Police closed roads in Basra."}, {"text": "Troops moved into Kut.", "source": "A", "source": "B"}]',
     "feed.json", "feed.json[1]"),
    (b'{"text": "Police closed roads in Basra."}\n{"text": "Troops moved into Kut.", "source": "A", "source": "B"}\n',
     "feed.jsonl", "feed.jsonl:2"),
])
def test_a_key_given_twice_in_a_json_article_is_noted_and_the_article_kept(data: bytes, name: str, origin: str):
    """Every JSON reader keeps a repeated key's last value without a word; the first title was lost unseen."""
    articles = [r for r in read_bytes(data, name) if isinstance(r, Article)]
    assert len(articles) == len(list(read_bytes(data, name))), "every article is kept"
    noted = [a for a in articles if a.notes]
    assert [a.origin for a in noted] == [origin], articles
    [note] = noted[0].notes
    assert ("'title'" in note or "'source'" in note) and "last value is kept" in note, note
    assert noted[0].title == "Second" or noted[0].source == "B"


def test_nested_repeated_keys_and_distinct_keys_say_nothing():
    data = b'{"text": "Troops moved into Kut.", "title": "Kut", "extra": {"a": 1, "a": 2}}'
    [article] = read_bytes(data, "feed.json")
    assert article.notes == ()


def _ingest(store, articles: list[Article]) -> None:  # noqa: ANN001 - a Store
    from geo.ingest.pipeline import Pipeline
    from geo.settings import load_settings
    from tests.faulty import make_faulty_analyser

    Pipeline(analyser=make_faulty_analyser(), store=store, settings=load_settings()).ingest(articles)


def test_a_title_of_100000_characters_is_cut_on_the_terminal_and_kept_whole_in_the_store(tmp_path: Path, capsys):
    from geo.cli.ingest import print_report
    from geo.records import IngestReport
    from geo.store import Store

    title = ESCAPES + "Long title " * 10_000
    db = tmp_path / "s.sqlite"
    store = Store.open(str(db))
    _ingest(store, [Article(id="a" * 16, text="Troops moved into Kut.", title=title, origin="x", raw=b"x")])
    store.close()
    assert geo.cli.main(["articles", "--db", str(db)]) == 0
    report = IngestReport((), (), (ReadFailure(title, f"published date {title!r} is not YYYY-MM-DD"),), (f"{title}: n",))
    print_report(report, io.StringIO(), err := io.StringIO())
    lines = capsys.readouterr().out.splitlines()[1:] + err.getvalue().splitlines()
    assert len(lines) == 3 and all(len(line) < 1000 for line in lines), [len(line) for line in lines]
    assert all("more characters)" in line and "\\x1b]0;PWNED" in line and "\u001b" not in line for line in lines)
    assert Store.open(str(db)).article("a" * 16)["title"] == title  # stored whole


class _Interrupts:
    """An event stage that Ctrl-C stops at the third article, once."""

    def __init__(self) -> None:
        self.seen = 0

    def extract_all(self, doc, article, places, actors, actor_mentions):  # noqa: ANN001, ANN201
        from geo.events.extraction import EventFindings

        self.seen += 1
        if self.seen == 3:
            raise KeyboardInterrupt
        return EventFindings(())


def test_ctrl_c_says_the_same_command_stores_the_rest_and_it_does(tmp_path: Path, capsys, monkeypatch):
    import spacy

    import geo.ingest.pipeline as pipeline
    from geo.ingest.pipeline import Analyser, Pipeline
    from geo.settings import load_settings

    stage = _Interrupts()
    monkeypatch.setattr(pipeline, "make_pipeline", lambda settings, store: Pipeline(
        analyser=Analyser(nlp=spacy.blank("en"), events=stage), store=store, settings=load_settings()))
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"Article number {i}: troops moved into a town.\n")
    command = ["ingest", "--db", str(tmp_path / "s.sqlite"), *(str(tmp_path / f"{i}.txt") for i in range(6))]
    assert geo.cli.main(command) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "run the same command again to store the rest" in err, err
    assert geo.cli.main(command) == 0
    assert "ingested 4, duplicates 2, failed 0" in capsys.readouterr().out


@pytest.mark.timeout(120)
def test_a_geocoder_that_never_answers_leaves_the_place_unresolved_with_a_clear_line(
        tmp_path: Path, data_dir: Path, silent_server, caplog, capsys):  # noqa: ANN001
    """Nominatim (geopy, --geocoder-url) on a server that accepts and never answers: the ingest goes on, the
    name the gazetteer does not know is left unresolved with one line saying why, and nothing is cached."""
    import logging
    import sqlite3

    from geo.places.gazetteer import gazetteer_path
    from geo.store import Store

    url, accepted = silent_server
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / gazetteer_path(".").name).symlink_to(gazetteer_path(data_dir).resolve())
    (tmp_path / "q.txt").write_text("Talks in Qwxzyville\n\nOfficials met in Qwxzyville and Beirut on Monday.\n")
    db = tmp_path / "s.sqlite"
    with caplog.at_level(logging.WARNING):
        code = geo.cli.main(["ingest", "--db", str(db), "--data-dir", str(tmp_path / "data"), "--geocoder",
                             "nominatim", "--geocoder-url", url, "--geocoder-timeout", "0.5",
                             "--geocoder-min-delay", "0", str(tmp_path / "q.txt")])
    assert code == 0 and "ingested 1, duplicates 0, failed 0" in capsys.readouterr().out
    assert accepted, "the request reached the silent server"
    [line] = [r.getMessage() for r in caplog.records if r.name.startswith("geo.")]
    assert line.startswith("geocoder nominatim timed out on 'Qwxzyville'") and "left unresolved" in line, line
    assert "not cached" in line and "Max retries" not in line, line
    store = Store.open(str(db))
    [row] = store.articles()
    targets = {m["text"]: m["place_id"] for m in store.mentions(row["id"])}
    assert targets.get("Qwxzyville", "absent") is None and targets["Beirut"] == "gn:276781", targets
    with sqlite3.connect(tmp_path / "data" / "geocache.sqlite") as cache:
        assert cache.execute("SELECT count(*) FROM answers").fetchone() == (0,)


def test_a_view_naming_an_unknown_actor_or_event_type_is_refused(fixture_db: str, tmp_path: Path, capsys):
    """An analyst's typo (``--actor Hezbolah``, ``--type Battle``) froze or exported an empty view with exit
    status 0; the dashboard at least warns. A type in other case is that type."""
    import csv

    from geo.store import Store

    assert geo.cli.main(["snapshot", "create", "--actor", "Nobody at all", "--title", "T"]) == 1
    assert "no actor named 'Nobody at all' in the store" in capsys.readouterr().err
    store = Store.open(fixture_db)
    assert store.snapshot_rows() == []
    store.close()
    out = tmp_path / "view.csv"
    assert geo.cli.main(["export", "--format", "csv", "--type", "Battle", "-o", str(out)]) == 1
    assert "no event type named 'Battle': use one of Battles, " in capsys.readouterr().err and not out.exists()
    assert geo.cli.main(["export", "--format", "csv", "--type", "battles", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["type"] for r in rows} == {"Battles"}


def test_an_ingest_names_the_articles_that_have_no_date(tmp_path: Path, capsys):
    """Text files without a date gave "undated" events everywhere later, off the timeline and the time slider,
    and the ingest never said why: it names them once and says how to date them."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "dated.txt").write_text("date 2025-02-03\nTroops moved into Mosul on Tuesday.\n")
    (tmp_path / "news" / "harbour.txt").write_text("Dock workers marched through Basra on Friday.\n")
    (tmp_path / "news" / "feed.jsonl").write_text('{"text": "Police closed roads in Najaf on Monday."}\n'
                                                 '{"text": "Rain fell on Erbil.", "published": "2025-02-04"}\n')
    assert geo.cli.main(["ingest", "--db", str(tmp_path / "s.sqlite"), str(tmp_path / "news")]) == 0
    err = capsys.readouterr().err
    [line] = [x for x in err.splitlines() if "no publication date" in x]
    assert line.startswith("note: 2 articles have no publication date") and "harbour.txt" in line
    assert "feed.jsonl:1" in line and "dated.txt" not in line and "date YYYY-MM-DD" in line
