"""The command line through its entry point: exit codes, summaries, export, help."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS

NEWSMAP = [sys.executable, "-m", "geo.cli"]


def run(*args: str, env_extra: dict | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([*NEWSMAP, *args], cwd=REPO, env=env, input=stdin, capture_output=True, timeout=600)


@pytest.fixture
def db(tmp_path: Path) -> dict:
    return {"NEWSMAP_DB": str(tmp_path / "cli.sqlite")}


def test_help_for_every_command():
    out = run("--help")
    assert out.returncode == 0
    commands = ["ingest", "export", "articles", "show"]
    for cmd in commands:
        assert cmd in out.stdout.decode()
        sub = run(cmd, "--help")
        assert sub.returncode == 0 and b"usage: newsmap " + cmd.encode() in sub.stdout


def test_ingest_seeds_then_duplicates(db: dict):
    first = run("ingest", str(SEEDS), env_extra=db)
    assert first.returncode == 0, first.stderr
    assert b"ingested 2, duplicates 0, failed 0" in first.stdout
    second = run("ingest", str(SEEDS), env_extra=db)
    assert second.returncode == 0 and b"ingested 0, duplicates 2, failed 0" in second.stdout
    listing = run("articles", env_extra=db).stdout.decode()
    assert "Shafaq News" in listing and "2024-03-15" in listing


def test_if_empty_skips_a_filled_store(db: dict):
    run("ingest", str(SEEDS), env_extra=db)
    out = run("ingest", "--if-empty", str(SEEDS), env_extra=db)
    assert out.returncode == 0 and b"ingested 0, duplicates 2, failed 0" in out.stdout


def test_bad_inputs_exit_1_with_one_line_each_and_the_rest_goes_on(db: dict, tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.json").write_text('{"text": ')
    good = tmp_path / "good.txt"
    good.write_text("Talks in Doha ended on Monday.")
    out = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "bad.json"), str(good),
              str(tmp_path / "missing.txt"), env_extra=db)
    assert out.returncode == 1
    err = out.stderr.decode()
    assert "empty.txt: empty file" in err and "bad.json: malformed JSON at line 1" in err
    assert "missing.txt: no such file or folder" in err
    assert "Traceback" not in err
    assert b"ingested 1, duplicates 0, failed 3" in out.stdout


def test_usage_error_exits_2():
    assert run("ingest").returncode == 2
    assert run("export", "--format", "pdf").returncode == 2
    for command in ("snapshot", "gazetteer", "cache"):  # a command without its action shows its own help
        out = run(command)
        assert out.returncode == 2 and f"usage: newsmap {command}".encode() in out.stderr


def test_stdin_ingest(db: dict):
    out = run("ingest", "-", env_extra=db, stdin=b'{"text": "Talks in Doha.", "title": "Doha"}')
    assert out.returncode == 0 and b"ingested 1" in out.stdout


def test_store_error_is_one_line(tmp_path: Path):
    out = run("articles", env_extra={"NEWSMAP_DB": "postgresql://nobody@127.0.0.1:1/none"})
    assert out.returncode == 1
    assert out.stderr.decode().startswith("newsmap: error: cannot open database")
    assert "Traceback" not in out.stderr.decode()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_missing_model_is_one_line_with_or_without_workers(db: dict, workers: str):
    """With workers the model is checked before they start: a worker that fails to start would be restarted forever."""
    out = subprocess.run([*NEWSMAP, "ingest", "--workers", workers, str(SEEDS)], cwd=REPO, capture_output=True,
                         env={**os.environ, **db, "NEWSMAP_MODEL": "no_such_model_xyz"}, timeout=120)
    assert out.returncode == 1
    assert out.stderr.decode().startswith("newsmap: error: spaCy model 'no_such_model_xyz' is not installed")
    assert "Traceback" not in out.stderr.decode()


def test_export_json_schema_and_show(db: dict):
    run("ingest", str(SEEDS), env_extra=db)
    data = json.loads(run("export", "--format", "json", env_extra=db).stdout)
    assert set(data) == {"articles", "places", "actors", "events"}
    art = next(a for a in data["articles"] if a["source"] == "Shafaq News")
    assert set(art) == {"id", "title", "source", "url", "published", "text"}
    beirut = next(p for p in data["places"] if p["name"] == "Beirut")
    assert beirut["mentions"] and all(0.5 < mn["score"] <= 1.0 for mn in beirut["mentions"])
    shown = run("show", art["id"][:6], env_extra=db)
    assert shown.returncode == 0 and b"Shafaq News" in shown.stdout
    missing = run("show", "nope", env_extra=db)
    assert missing.returncode == 1 and b"newsmap articles" in missing.stderr


def test_an_article_too_long_to_parse_is_refused_and_the_rest_goes_on(db: dict, tmp_path: Path):
    long = tmp_path / "long.txt"
    long.write_text("Rockets hit Haifa. " * 12_000)
    good = tmp_path / "good.txt"
    good.write_text("Talks in Doha ended on Monday.")
    out = run("ingest", "--max-chars", "100000", str(long), str(good), env_extra=db)
    assert out.returncode == 1
    assert "long.txt: article text is 227,999 characters, over the 100,000-character limit" in out.stderr.decode()
    assert b"ingested 1, duplicates 0, failed 1" in out.stdout


def test_geoparse_answers_each_line_as_it_comes(tmp_path: Path):
    """A program that writes one line and waits for its answer gets it (geoparse as a co-process)."""
    env = {**os.environ, "NEWSMAP_DATA_DIR": os.environ.get("NEWSMAP_DATA_DIR", str(REPO / "cache"))}
    proc = subprocess.Popen([*NEWSMAP, "geoparse"], cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        answers = []
        for n, city in enumerate(["Beirut", "Tehran"]):
            proc.stdin.write(json.dumps({"id": str(n), "text": f"Rockets hit {city} today."}) + "\n")
            proc.stdin.flush()
            answers.append(json.loads(proc.stdout.readline()))  # stdin still open: blocks for ever if batched
        assert [a["places"][0]["name"] for a in answers] == ["Beirut", "Tehran"]
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0 and proc.stdout.read() == ""
    finally:
        proc.kill()


@pytest.mark.timeout(300)
def test_geoparse_refuses_oversized_texts_and_lines_and_goes_on():
    lines = [json.dumps({"id": "big", "text": "Rockets hit Beirut. " * 15_000}),      # 300,000 characters
             json.dumps({"id": "huge", "text": "x" * 3_000_000}),                    # past the line limit too
             json.dumps({"id": "spans", "text": "Rockets hit Beirut. " * 15_000, "spans": [[12, 18]]}),
             json.dumps({"id": "ok", "text": "Rockets hit Beirut."})]
    out = run("geoparse", stdin=("\n".join(lines) + "\n").encode(), env_extra={"NEWSMAP_MAX_CHARS": "200000"})
    answers = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert out.returncode == 1 and [a["id"] for a in answers] == ["big", None, "spans", "ok"]
    assert "300,000 characters, over the 200,000-character limit" in answers[0]["error"]
    assert "too long" in answers[1]["error"] and "--max-chars" in answers[1]["error"]
    assert answers[2]["places"][0]["name"] == "Beirut" and answers[3]["places"][0]["name"] == "Beirut"
    assert out.stderr.decode().count("newsmap geoparse:") == 2 and "Traceback" not in out.stderr.decode()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_failing_article_is_one_line_and_the_traceback_only_with_debug(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, workers: str):
    import geo.ingest.pipeline
    from geo.cli import main
    from tests.faulty import FAIL_IN_STAGE, make_faulty_analyser

    real = geo.ingest.pipeline.make_pipeline
    monkeypatch.setattr(geo.ingest.pipeline, "make_pipeline", lambda settings, store: dataclasses.replace(
        real(settings, store), analyser_factory=make_faulty_analyser))
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("a.txt", "date 2024-03-01\nA good article."), ("b.txt", f"{FAIL_IN_STAGE} here."),
                       ("c.txt", "date 2024-03-02\nFine too.")]:  # dated: no note of undated articles
        (folder / name).write_text(text)
    db = ["--db", str(tmp_path / "f.sqlite"), "--workers", workers]
    assert main(["ingest", str(folder), *db]) == 1
    out, err = capsys.readouterr()
    assert "ingested 2, duplicates 0, failed 1" in out
    assert err.strip() == (f"failed: {folder / 'b.txt'}: could not be analysed: ValueError: "
                           "the event stage broke on purpose")
    assert main(["ingest", "--debug", str(folder), *db]) == 1
    out, err = capsys.readouterr()
    assert "duplicates 2, failed 1" in out and "Traceback (most recent call last)" in err and "faulty.py" in err


def test_an_unexpected_error_is_one_line_unless_debug(monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path):
    import geo.cli
    import geo.cli.browse

    def broken(args):  # noqa: ANN001, ANN202
        raise KeyError("a bug\nwith a second line")

    monkeypatch.setattr(geo.cli.browse, "run_articles", broken)
    argv = ["articles", "--db", str(tmp_path / "x.sqlite")]
    assert geo.cli.main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected KeyError" in err and "--debug" in err and "Traceback" not in err
    assert geo.cli.main(["--debug", *argv]) == 1
    assert "Traceback (most recent call last)" in capsys.readouterr().err
