"""Geoparsing: recognised toponyms of a Doc, resolved to places; and the ``newsmap geoparse`` JSONL contract.

The pipeline runs the spaCy model once per article and hands the Doc to :meth:`Geoparser.places`
(and to actors and events). :func:`run_geoparse` streams JSON Lines from stdin to stdout with
``nlp.pipe`` in batches, so memory stays flat on any number of lines.

Example (``python -m geo.places.geoparsing`` speaks the same contract)::

    $ echo '{"id": "1", "text": "Rockets hit Beirut."}' | newsmap geoparse
    {"id": "1", "places": [{"start": 12, "end": 18, "text": "Beirut", "name": "Beirut", ...}]}
"""
from __future__ import annotations

import itertools
import json
import select
import sys
from typing import Iterable, Iterator, Sequence, TextIO

from spacy.language import Language
from spacy.tokens import Doc

from geo.names import normalise
from geo.nlp import in_memory_zones, load_model
from geo.places.labels import in_english
from geo.places.placewords import doc_text
from geo.records import Mention, PlaceMention
from geo.places.resolution import DIRECTION_WORDS, Resolver
from geo.places.toponyms import add_toponym_components

BATCH_SIZE = 32
COLLECT_EVERY = 64  # batches between full garbage collections and vocabulary compactions (geo.nlp.in_memory_zones)


class Geoparser:
    """Recognition (the nlp pipeline with ``newsmap_toponyms``) plus resolution (a :class:`Resolver`)."""

    def __init__(self, nlp: Language, resolver: Resolver) -> None:
        self.nlp = nlp
        self.resolver = resolver

    def places(self, doc: Doc) -> tuple[PlaceMention, ...]:
        """The places of an already processed Doc (``doc._.toponyms`` must be set)."""
        mentions = [Mention(s.start_char, s.end_char, s.text, s.label_) for s in doc._.toponyms]
        return in_english(self.resolver.resolve(doc_text(doc), mentions), self.resolver.gazetteer)

    def parse(self, text: str, *, spans: Sequence[tuple[int, int]] | None = None) -> tuple[PlaceMention, ...]:
        """Recognise and resolve the places of ``text``; with ``spans``, resolve exactly those."""
        if spans is not None:
            return self.resolve_spans(text, spans)
        return self.places(self.nlp(text))

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> tuple[PlaceMention, ...]:
        """One place per given span (gold-span mode): the kind of mention is read off the words."""
        mentions = [Mention(start, end, text[start:end], self._label(text[start:end])) for start, end in spans]
        return in_english(self.resolver.resolve(text, mentions), self.resolver.gazetteer)

    def _label(self, text: str) -> str:
        candidates = self.resolver.gazetteer.candidates(text, fuzzy=False)
        named_big = any(c.form == "name" and c.place.kind in ("country", "admin1", "continent") for c in candidates)
        if any(c.form == "demonym" for c in candidates) and not named_big:
            return "demonym"
        if DIRECTION_WORDS.match(text) and not candidates and len(text.split()) > 1:
            return "directional"
        return "place"

    def parse_many(self, texts: Iterable[str]) -> Iterator[tuple[PlaceMention, ...]]:
        """Places of many texts, with the model run in batches."""
        for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE):
            yield self.places(doc)


def place_json(pm: PlaceMention) -> dict:
    """One place of the JSONL contract."""
    place = pm.place
    kind = "demonym" if pm.mention.label == "demonym" else (place.kind if place else pm.mention.label)
    return {"start": pm.mention.start, "end": pm.mention.end, "text": pm.mention.text,
            "name": place.name if place else normalise(pm.mention.text),
            "lat": place.lat if place else None, "lon": place.lon if place else None, "kind": kind,
            "country_code": place.country_code if place else None,
            "geonameid": place.geonameid if place else None, "score": round(float(pm.score), 4)}


def _lines(stdin: TextIO, limit: int) -> Iterator[tuple[str, int]]:
    """(line, length) per input line; a line longer than ``limit`` is read to its end but not kept
    (its text is ""), so one enormous line costs no memory and the lines after it are still read."""
    while line := stdin.readline(limit):
        if len(line) < limit or line.endswith("\n"):
            yield line, len(line)
            continue
        length = len(line)
        while (more := stdin.readline(limit)) and not more.endswith("\n"):
            length += len(more)
        yield "", length + len(more)


def _read(stdin: TextIO, max_chars: int) -> Iterator[tuple[dict, str | None]]:
    """(request, error) per input line; blank lines are skipped."""
    for n, (line, length) in enumerate(_lines(stdin, _line_limit(max_chars)), 1):
        if not line and length:
            yield {"id": None}, (f"line {n} is {length:,} characters, too long for a text of at most {max_chars:,} "
                                 "characters; split the text, or raise --max-chars (NEWSMAP_MAX_CHARS)")
            continue
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"id": None}, f"line {n} is not JSON ({exc.msg}); each line must be one JSON object"
            continue
        except RecursionError:  # json's parser recurses once per level: "[[[[..." deeper than Python allows
            yield {"id": None}, (f"line {n} is JSON nested too deeply (more than about 1,000 levels); each line "
                                 "must be one JSON object")
            continue
        if not isinstance(request, dict) or not isinstance(request.get("text"), str):
            rid = request.get("id") if isinstance(request, dict) else None
            yield {"id": rid}, f"line {n} has no \"text\" string; give {{\"id\": ..., \"text\": ...}}"
            continue
        if request.get("spans") is None and len(request["text"]) > max_chars:
            yield request, (f"id {request.get('id')!r}: text is {len(request['text']):,} characters, over the "
                            f"{max_chars:,}-character limit for recognition; split it, give \"spans\", or raise "
                            "--max-chars (NEWSMAP_MAX_CHARS)")
            continue
        yield request, None


def _line_limit(max_chars: int) -> int:
    """Longest JSON line that can hold a text of ``max_chars`` (escapes take up to 12 characters each)."""
    return 12 * max_chars + 65_536


def _batches(requests: Iterator, stdin: TextIO, size: int) -> Iterator[list]:
    """Batches of up to ``size`` requests, never waiting for a line that has not been written yet: a
    program that writes one line and waits for its answer gets it (``newsmap geoparse`` as a co-process)."""
    while batch := list(itertools.islice(requests, 1)):
        while len(batch) < size and _more_waiting(stdin):
            following = next(requests, None)
            if following is None:
                break
            batch.append(following)
        yield batch


def _more_waiting(stdin: TextIO) -> bool:
    """True if reading ``stdin`` now would not block (in-memory streams and files always)."""
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return True
    try:
        return bool(select.select([fd], [], [], 0)[0])
    except (OSError, ValueError):
        return True


def run_geoparse(stdin: TextIO, stdout: TextIO, geoparser: Geoparser, stderr: TextIO = sys.stderr, *,
                 max_chars: int | None = None) -> int:
    """The ``newsmap geoparse`` contract: JSON Lines in, one JSON line out per input line, in order.

    Bad lines produce ``{"id": ..., "places": [], "error": "..."}`` and a message on stderr; the
    exit code is 1 if any line was bad. Requests are processed in batches of up to ``BATCH_SIZE``
    (as many as are waiting), so memory stays flat on any number of lines. Texts longer than
    ``max_chars`` (default: what the model accepts) are refused for recognition with an error line.
    """
    limit = max_chars if max_chars is not None else geoparser.nlp.max_length - 1
    batches = _batches(_read(stdin, limit), stdin, BATCH_SIZE)
    errors = in_memory_zones(geoparser.nlp, batches, lambda batch: _answer_batch(batch, geoparser, stdout, stderr),
                             compact_every=COLLECT_EVERY, collect_garbage=True)
    return 1 if sum(errors) else 0


def _answer_batch(batch: list, geoparser: Geoparser, stdout: TextIO, stderr: TextIO) -> Iterator[bool]:
    """Write one answer line per request of the batch, yielding whether it was an error; flush after the
    batch (a co-process waits for its answer)."""
    full = [r["text"] for r, err in batch if err is None and r.get("spans") is None]
    recognised = iter(geoparser.parse_many(full))
    for request, error in batch:
        if error is not None:
            print(f"newsmap geoparse: {error}", file=stderr)
            out = {"id": request.get("id"), "places": [], "error": error}
        else:
            out = _output(request, recognised, geoparser, stderr)
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        yield "error" in out
    stdout.flush()


def _output(request: dict, recognised: Iterator, geoparser: Geoparser, stderr: TextIO) -> dict:
    rid = request.get("id")
    if request.get("spans") is None:
        return {"id": rid, "places": [place_json(p) for p in next(recognised)]}
    try:
        spans = checked_spans(request["spans"], len(request["text"]))
        places = geoparser.resolve_spans(request["text"], spans)
    except (TypeError, ValueError) as exc:
        error = f"id {rid!r}: bad \"spans\" ({exc}); give [[start, end], ...]"
        print(f"newsmap geoparse: {error}", file=stderr)
        return {"id": rid, "places": [], "error": error}
    return {"id": rid, "places": [place_json(p) for p in places]}


def checked_spans(spans: object, length: int) -> list[tuple[int, int]]:
    """``[[start, end], ...]`` as pairs of offsets inside a text of ``length`` characters; anything else (not a
    list of pairs, an end before its start, an offset outside the text) is a ``ValueError`` naming the span."""
    if not isinstance(spans, list):
        raise ValueError(f"not a list but a {type(spans).__name__}")
    pairs = []
    for span in spans:
        if not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) for x in span):
            raise ValueError(f"span {str(span)[:40]} is not two whole numbers")
        start, end = span
        if not 0 <= start < end <= length:
            raise ValueError(f"span [{start}, {end}] is not inside the text (0 <= start < end <= {length})")
        pairs.append((start, end))
    return pairs


def make_geoparser(settings, *, nlp: Language | None = None) -> Geoparser:
    """The default geoparser: the settings' model, the gazetteer in ``data_dir`` (built if
    needed) and, for an online geocoder, that geocoder behind the persistent cache."""
    from geo.places.gazetteer import Gazetteer
    from geo.places.geocache import GeocodeCache
    from geo.places.geocoding import make_geocoder

    gazetteer = Gazetteer.open(settings.data_dir)
    geocoder = None
    if settings.geocoder != "offline":
        geocoder = make_geocoder(settings, gazetteer, GeocodeCache.open(settings.data_dir))
    nlp = nlp if nlp is not None else load_model(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    add_toponym_components(nlp, gazetteer)
    return Geoparser(nlp, Resolver(gazetteer, geocoder=geocoder))


def command_geoparse(settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """``newsmap geoparse``: JSON Lines on stdin, places as JSON Lines on stdout."""
    return run_geoparse(stdin, stdout, make_geoparser(settings), max_chars=settings.max_chars)


if __name__ == "__main__":
    from geo.settings import load_settings

    sys.exit(command_geoparse(load_settings()))
