"""Property tests against hostile input: every reader and the geoparse stream, fed random nesting (up to far
deeper than Python's parser goes), control characters and NULs, answer each input with an article or one
line saying what is wrong, keep every good input, and store no NUL."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from geo.ingest.articles import read_bytes, read_stream
from geo.places.geoparsing import run_geoparse
from geo.records import Article, ReadFailure

CONTROLS = st.characters(min_codepoint=0, max_codepoint=0x9f) | st.sampled_from(["\u202e", "\u2066", "\ufeff"])
HOSTILE_TEXT = st.lists(st.text(max_size=20) | st.text(CONTROLS, max_size=6)
                        | st.sampled_from(["Beirut", " in ", ". ", "\x00", "\x1b[2J"]), max_size=8).map("".join)
GOOD = {"text": "Rockets hit Haifa on Monday.", "title": "Rockets"}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])


@st.composite
def nested(draw: st.DrawFn) -> str:
    """A JSON document nested ``depth`` deep in arrays and objects, around an article or a hostile string."""
    depth = draw(st.sampled_from([0, 1, 5, 200, 999, 1500, 5000, 60_000]))
    opener = draw(st.sampled_from(["[", '{"a":']))
    closer = "]" if opener == "[" else "}"
    inner = json.dumps(draw(st.sampled_from([GOOD, {"text": "x"}])) if draw(st.booleans()) else draw(HOSTILE_TEXT))
    return opener * depth + inner + closer * draw(st.sampled_from([depth, max(depth - 1, 0)]))


def line_of(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


INPUT_LINES = st.lists(st.one_of(nested(), st.builds(lambda t: {"text": t, "title": t}, HOSTILE_TEXT),
                                 HOSTILE_TEXT, st.just(GOOD)), min_size=1, max_size=6)


def check(results: list) -> list[Article]:
    for r in results:
        assert isinstance(r, (Article, ReadFailure)), r
        if isinstance(r, ReadFailure):
            assert r.reason and "\n" not in r.reason and len(r.reason) < 400
        else:
            assert all("\x00" not in (v or "") for v in (r.text, r.title, r.source, r.url))
    return [r for r in results if isinstance(r, Article)]


@SETTINGS
@given(lines=INPUT_LINES, suffix=st.sampled_from([".txt", ".json", ".jsonl", ".html", None]))
def test_every_reader_answers_hostile_input_with_articles_or_one_line(lines: list, suffix: str | None):
    body = "\n".join(line_of(v) for v in lines).encode("utf-8", "surrogatepass")
    articles = check(list(read_stream(io.BytesIO(body), "fuzz" + (suffix or ""), 10**7, kind=suffix)))
    check(list(read_bytes(body, "fuzz" + (suffix or ".txt"))))
    if suffix == ".jsonl":  # every good line is kept whatever its neighbours hold
        assert sum(a.text == GOOD["text"] for a in articles) == sum(v == GOOD for v in lines)


@SETTINGS
@given(lines=INPUT_LINES)
def test_the_geoparse_stream_answers_every_hostile_line_and_goes_on(geoparser, lines: list):
    text = "".join(line_of(v).replace("\n", " ").replace("\r", " ") + "\n" for v in lines)
    out, err = io.StringIO(), io.StringIO()
    run_geoparse(io.StringIO(text), out, geoparser, stderr=err)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    expected = [line for line in text.split("\n")[:-1] if line.strip()]
    assert len(answers) == len(expected), (answers, expected)
    for answer, line in zip(answers, expected):
        assert isinstance(answer["places"], list)
        if line == json.dumps(GOOD):
            assert "error" not in answer and answer["places"][0]["name"] == "Haifa"
        if "error" in answer:
            assert "\n" not in answer["error"]
    assert "Traceback" not in err.getvalue()
