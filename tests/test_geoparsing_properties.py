"""Property tests for `newsmap geoparse`: arbitrary input never crashes it and every answer is valid."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from geo.places.geoparsing import run_geoparse

PLACE_WORDS = st.sampled_from(["Beirut", "Gaza", "southern Lebanon", "Paris", "the West Bank", "Tehran's",
                               "Israeli", "Lebanon-Israel border", "Springfield", "O'Hare", "Zürich"])
TEXT = st.lists(st.one_of(st.text(max_size=40), PLACE_WORDS, st.sampled_from(["\n", "\x00", "\u202e", " in ", ". "])),
                max_size=12).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_output(line: str, request: dict) -> None:
    out = json.loads(line)
    assert out["id"] == request.get("id")
    for p in out["places"]:
        assert request["text"][p["start"]:p["end"]] == p["text"]
        assert 0 <= p["score"] <= 1
        assert (p["lat"] is None) == (p["lon"] is None)
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180


@SETTINGS
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_any_text_gives_one_valid_line_per_input(geoparser, texts):
    requests = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    out = io.StringIO()
    code = run_geoparse(io.StringIO("".join(json.dumps(r) + "\n" for r in requests)), out, geoparser,
                        stderr=io.StringIO())
    lines = out.getvalue().splitlines()
    assert code == 0 and len(lines) == len(requests)
    for line, request in zip(lines, requests):
        check_output(line, request)


@SETTINGS
@given(text=TEXT, spans=st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=5))
def test_any_spans_give_a_place_each_or_a_clear_error(geoparser, text, spans):
    request = {"id": "x", "text": text, "spans": spans}
    out, err = io.StringIO(), io.StringIO()
    run_geoparse(io.StringIO(json.dumps(request) + "\n"), out, geoparser, stderr=err)
    result = json.loads(out.getvalue())
    if "error" in result:
        assert result["places"] == [] and "spans" in result["error"]
    else:
        assert len(result["places"]) == len(spans)
        check_output(out.getvalue(), request)


@SETTINGS
@given(line=st.one_of(st.text(max_size=60), st.binary(max_size=60).map(lambda b: b.decode("latin-1"))))
def test_garbage_lines_never_crash(geoparser, line):
    out = io.StringIO()
    run_geoparse(io.StringIO(line.replace("\n", " ") + "\n"), out, geoparser, stderr=io.StringIO())
    lines = out.getvalue().splitlines()
    assert len(lines) <= 1
    for line_out in lines:
        json.loads(line_out)


def test_very_long_line_is_parsed(geoparser):
    text = ("Rockets were fired from Gaza at Beirut. " * 2500)[:100_000]
    out = io.StringIO()
    run_geoparse(io.StringIO(json.dumps({"id": "long", "text": text}) + "\n"), out, geoparser, stderr=io.StringIO())
    places = json.loads(out.getvalue())["places"]
    assert len(places) > 1000
    check_output(out.getvalue(), {"id": "long", "text": text})


@SETTINGS
@given(texts=st.lists(st.one_of(TEXT, st.text(min_size=30, max_size=200), st.just("\u2028" * 70)), min_size=1,
                      max_size=5))
def test_texts_over_the_limit_get_an_error_line_and_the_rest_go_on(geoparser, texts):
    """With a 60-character limit: one answer per request, an error exactly for the texts over it (or for a
    line too long to hold one), and valid places for the others."""
    requests = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    lines = "".join(json.dumps(r) + "\n" for r in requests)
    out, err = io.StringIO(), io.StringIO()
    code = run_geoparse(io.StringIO(lines), out, geoparser, stderr=err, max_chars=60)
    answers = out.getvalue().splitlines()
    assert len(answers) == len(requests)
    too_long = [len(t) > 60 for t in texts]
    assert code == (1 if any(too_long) else 0) and err.getvalue().count("newsmap geoparse:") == sum(too_long)
    for line, request, long in zip(answers, requests, too_long):
        answer = json.loads(line)
        assert ("error" in answer) == long
        if long:
            assert answer["places"] == [] and "--max-chars" in answer["error"]
        else:
            check_output(line, request)
