"""Geoparsing: recognised toponyms of a Doc, resolved to places; and the ``newsmap geoparse`` JSONL contract.

The pipeline runs the spaCy model once per article and hands the Doc to :meth:`Geoparser.places`
(and to actors and events). :func:`run_geoparse` streams JSON Lines from stdin to stdout with
``nlp.pipe`` in batches, so memory stays flat on any number of lines.

Example (``python -m geo.geoparsing`` speaks the same contract)::

    $ echo '{"id": "1", "text": "Rockets hit Beirut."}' | newsmap geoparse
    {"id": "1", "places": [{"start": 12, "end": 18, "text": "Beirut", "name": "Beirut", ...}]}
"""
from __future__ import annotations

import itertools
import json
import sys
from typing import Iterable, Iterator, Sequence, TextIO

from spacy.language import Language
from spacy.tokens import Doc

from geo.names import normalise
from geo.nlp import load_model
from geo.placewords import doc_text
from geo.records import Mention, PlaceMention
from geo.resolution import DIRECTION_WORDS, Resolver
from geo.toponyms import add_toponym_components

BATCH_SIZE = 32


class Geoparser:
    """Recognition (the nlp pipeline with ``newsmap_toponyms``) plus resolution (a :class:`Resolver`)."""

    def __init__(self, nlp: Language, resolver: Resolver) -> None:
        self.nlp = nlp
        self.resolver = resolver

    def places(self, doc: Doc, *, date: str | None = None) -> tuple[PlaceMention, ...]:
        """The places of an already processed Doc (``doc._.toponyms`` must be set)."""
        mentions = [Mention(s.start_char, s.end_char, s.text, s.label_) for s in doc._.toponyms]
        return self.resolver.resolve(doc_text(doc), mentions, date=date)

    def parse(self, text: str, *, date: str | None = None,
              spans: Sequence[tuple[int, int]] | None = None) -> tuple[PlaceMention, ...]:
        """Recognise and resolve the places of ``text``; with ``spans``, resolve exactly those."""
        if spans is not None:
            return self.resolve_spans(text, spans, date=date)
        return self.places(self.nlp(text), date=date)

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], *,
                      date: str | None = None) -> tuple[PlaceMention, ...]:
        """One place per given span (gold-span mode): the kind of mention is read off the words."""
        mentions = [Mention(start, end, text[start:end], self._label(text[start:end])) for start, end in spans]
        return self.resolver.resolve(text, mentions, date=date)

    def _label(self, text: str) -> str:
        candidates = self.resolver.gazetteer.candidates(text, fuzzy=False)
        named_big = any(c.form == "name" and c.place.kind in ("country", "admin1", "continent") for c in candidates)
        if any(c.form == "demonym" for c in candidates) and not named_big:
            return "demonym"
        if DIRECTION_WORDS.match(text) and not candidates and len(text.split()) > 1:
            return "directional"
        return "place"

    def parse_many(self, items: Iterable[tuple[str, str | None]]) -> Iterator[tuple[PlaceMention, ...]]:
        """Places of many (text, date) pairs, with the model run in batches."""
        items_a, items_b = itertools.tee(items)
        for doc, (_, date) in zip(self.nlp.pipe((t for t, _ in items_a), batch_size=BATCH_SIZE), items_b):
            yield self.places(doc, date=date)


def place_json(pm: PlaceMention) -> dict:
    """One place of the JSONL contract."""
    place = pm.place
    kind = "demonym" if pm.mention.label == "demonym" else (place.kind if place else pm.mention.label)
    return {"start": pm.mention.start, "end": pm.mention.end, "text": pm.mention.text,
            "name": place.name if place else normalise(pm.mention.text),
            "lat": place.lat if place else None, "lon": place.lon if place else None, "kind": kind,
            "country_code": place.country_code if place else None,
            "geonameid": place.geonameid if place else None, "score": round(float(pm.score), 4)}


def _read(stdin: TextIO, stderr: TextIO) -> Iterator[tuple[dict | None, str | None]]:
    """(request, error) per input line; blank lines are skipped."""
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"id": None}, f"line {n} is not JSON ({exc.msg}); each line must be one JSON object"
            continue
        if not isinstance(request, dict) or not isinstance(request.get("text"), str):
            rid = request.get("id") if isinstance(request, dict) else None
            yield {"id": rid}, f"line {n} has no \"text\" string; give {{\"id\": ..., \"text\": ...}}"
            continue
        yield request, None


def run_geoparse(stdin: TextIO, stdout: TextIO, geoparser: Geoparser, stderr: TextIO = sys.stderr) -> int:
    """The ``newsmap geoparse`` contract: JSON Lines in, one JSON line out per input line, in order.

    Bad lines produce ``{"id": ..., "places": [], "error": "..."}`` and a message on stderr; the
    exit code is 1 if any line was bad. Requests are processed in batches of ``BATCH_SIZE``.
    """
    bad = 0
    requests = _read(stdin, stderr)
    while batch := list(itertools.islice(requests, BATCH_SIZE)):
        full = [(r["text"], r.get("date")) for r, err in batch if err is None and r.get("spans") is None]
        recognised = iter(geoparser.parse_many(full))
        for request, error in batch:
            if error is not None:
                bad += 1
                print(f"newsmap geoparse: {error}", file=stderr)
                out = {"id": request.get("id"), "places": [], "error": error}
            else:
                out = _output(request, recognised, geoparser, stderr)
                bad += "error" in out
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if bad else 0


def _output(request: dict, recognised: Iterator, geoparser: Geoparser, stderr: TextIO) -> dict:
    rid = request.get("id")
    if request.get("spans") is None:
        return {"id": rid, "places": [place_json(p) for p in next(recognised)]}
    try:
        spans = [(int(s), int(e)) for s, e in request["spans"]]
        places = geoparser.resolve_spans(request["text"], spans, date=request.get("date"))
    except (TypeError, ValueError) as exc:
        error = f"id {rid!r}: bad \"spans\" ({exc}); give [[start, end], ...]"
        print(f"newsmap geoparse: {error}", file=stderr)
        return {"id": rid, "places": [], "error": error}
    return {"id": rid, "places": [place_json(p) for p in places]}


def make_geoparser(settings, *, nlp: Language | None = None) -> Geoparser:
    """The default geoparser: the settings' model, the gazetteer in ``data_dir`` (built if
    needed) and, for an online geocoder, that geocoder behind the persistent cache."""
    from geo.gazetteer import Gazetteer
    from geo.geocache import GeocodeCache
    from geo.geocoding import make_geocoder

    gazetteer = Gazetteer.open(settings.data_dir)
    geocoder = None
    if settings.geocoder != "offline":
        geocoder = make_geocoder(settings, gazetteer, GeocodeCache.open(settings.data_dir))
    nlp = nlp if nlp is not None else load_model(settings.model)
    add_toponym_components(nlp, gazetteer)
    return Geoparser(nlp, Resolver(gazetteer, geocoder=geocoder))


def command_geoparse(settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """``newsmap geoparse``: JSON Lines on stdin, places as JSON Lines on stdout."""
    return run_geoparse(stdin, stdout, make_geoparser(settings))


if __name__ == "__main__":
    from geo.settings import load_settings

    sys.exit(command_geoparse(load_settings()))
