from __future__ import annotations

import io
import json

from geo.places.geoparsing import run_geoparse

from .conftest import seed_text


def run(geoparser, lines):
    out, err = io.StringIO(), io.StringIO()
    code = run_geoparse(io.StringIO("".join(lines)), out, geoparser, stderr=err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_full_mode_offsets_are_exact(geoparser):
    text = seed_text("002_2374255aed66fc84.txt")
    code, [out], _ = run(geoparser, [json.dumps({"id": "s2", "text": text, "date": "2024-03-15"}) + "\n"])
    assert code == 0 and out["id"] == "s2" and out["places"]
    for place in out["places"]:
        assert text[place["start"]:place["end"]] == place["text"]
        assert set(place) >= {"name", "lat", "lon", "kind", "country_code", "geonameid", "score"}
    kinds = {p["text"]: p["kind"] for p in out["places"]}
    assert kinds["Lebanese"] == "demonym" and kinds["Israel"] == "country" and kinds["Beirut"] == "city"


def test_spans_mode_resolves_exactly_those_spans(geoparser):
    text = "Protests in Beirut and Jerusalem; Lebanese troops moved."
    spans = [[12, 18], [23, 32], [34, 42]]
    _, [out], _ = run(geoparser, [json.dumps({"id": "x", "text": text, "spans": spans}) + "\n"])
    assert [[p["start"], p["end"]] for p in out["places"]] == spans
    assert [p["country_code"] for p in out["places"]] == ["LB", "IL", "LB"]
    assert out["places"][2]["kind"] == "demonym"


def test_bad_lines_give_an_error_line_not_a_crash(geoparser):
    lines = ["{not json\n", json.dumps({"id": "a"}) + "\n", json.dumps({"id": "b", "text": "In Beirut."}) + "\n"]
    code, outs, err = run(geoparser, lines)
    assert code == 1 and len(outs) == 3
    assert outs[0]["error"] and outs[0]["places"] == [] and outs[1]["id"] == "a" and "text" in outs[1]["error"]
    assert outs[2]["places"][0]["name"] == "Beirut" and "not JSON" in err


def test_unknown_place_is_reported_without_coordinates(geoparser):
    _, [out], _ = run(geoparser, [json.dumps({"id": "u", "text": "x Zqxwvbnmy y", "spans": [[2, 11]]}) + "\n"])
    [place] = out["places"]
    assert place["lat"] is None and place["geonameid"] is None and place["score"] == 0.0


def test_answers_do_not_depend_on_when_the_vocabulary_is_compacted(geoparser, monkeypatch):
    import geo.places.geoparsing

    texts = [seed_text("002_2374255aed66fc84.txt"), "Talks between Gaza and Amman resumed (day 123457).",
             "Protesters gathered in central Tyre as police in Sidon braced for more."]
    lines = [json.dumps({"id": str(n), "text": texts[n % 3]}) + "\n" for n in range(70)]  # three batches of 32
    monkeypatch.setattr(geo.places.geoparsing, "COLLECT_EVERY", 10**9)
    never = run(geoparser, lines)
    monkeypatch.setattr(geo.places.geoparsing, "COLLECT_EVERY", 1)
    assert run(geoparser, lines) == never


def test_deep_nesting_and_impossible_spans_get_error_lines_and_the_stream_goes_on(geoparser):
    text = "Protests in Beirut."
    lines = ["[" * 100_000 + "]" * 100_000 + "\n",
             json.dumps({"id": "deep", "text": text, "spans": "[" * 5000}) + "\n",
             json.dumps({"id": "far", "text": text, "spans": [[0, 99999]]}) + "\n",
             json.dumps({"id": "back", "text": text, "spans": [[5, 2]]}) + "\n",
             json.dumps({"id": "neg", "text": text, "spans": [[-5, 2]]}) + "\n",
             json.dumps({"id": "ok", "text": text, "spans": [[12, 18]]}) + "\n"]
    code, outs, err = run(geoparser, lines)
    assert code == 1 and [o.get("id") for o in outs] == [None, "deep", "far", "back", "neg", "ok"]
    assert "nested" in outs[0]["error"]
    assert all(o["error"] and o["places"] == [] for o in outs[1:5]), outs[1:5]
    assert "span" in outs[2]["error"] and "19" in outs[2]["error"]
    assert outs[5]["places"][0]["name"] == "Beirut" and "error" not in outs[5]
    assert "Traceback" not in err
