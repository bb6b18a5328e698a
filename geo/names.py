"""Name normalisation: place names for lookups, any name for folding and stable ids.

Place names are shared by the gazetteer, the recogniser, the resolver and the cache; ``fold`` and ``slug`` by
actors, generic actors and localities, whose ids are slugs.

One function decides when two spellings are "the same name", so that a name stored at build
time is found again at query time: "the U.S.", "US", "U.S.'s" and "Us" all become ``"us"``;
"Ḥaifā" and "Haifa" both become ``"haifa"``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_APOSTROPHES = "'\u2019\u2018`\u00b4"
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_ABBREVIATION_DOTS = re.compile(r"(?<=\b\w)\.")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ARTICLE = re.compile(r"^(?:the)\s+")
_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """ASCII, lower case, words separated by single spaces.

    "Islamic Revolutionary Guard Corps'" -> "islamic revolutionary guard corps"."""
    text = unidecode(text).lower().replace("'s ", " ")
    text = re.sub(r"'s$", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


#: Words an abbreviation skips ("Food and Drug Administration" -> FDA, "Muqtada al-Sadr"): English and Arabic
#: articles, Romance particles and short prepositions.
INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "in", "on", "al", "el", "a", "an", "de", "du"})
#: Particles that open a surname ("Annelies de Groot", "Ursula von der Leyen", "Marine Le Pen", "De Groot said").
#: "Van", "Al" and "El" are left out: given names as often ("Van Morrison", "Al Gore").
SURNAME_PARTICLES = frozenset("de von der den du da di del della ter ten dos das le la".split())


@lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """Initials of the significant words of a name of two words or more: "British Airways" -> "BA". An article
    that names a body in full and then by two initials means that body ("British Airways ... BA")."""
    words = [w for w in fold(name).split() if w not in INITIAL_SKIPS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


SLUG_MAX = 64  # leaves room in a 120-character id column for the prefixes of composed ids ("local:gn:...:")


def slug(name: str) -> str:
    """A stable id from a canonical name: "Esmail Qaani" -> "esmail-qaani".

    A name of any length gives an id of at most ``SLUG_MAX`` characters (see :func:`capped`), so that an
    organisation named in a whole sentence still fits the store's id columns on every database.
    """
    return capped("-".join(fold(name).split()) or "unnamed", SLUG_MAX)


def capped(text: str, limit: int) -> str:
    """``text`` when it fits in ``limit`` characters; otherwise its start and a hash of the whole, so that two
    long names that share their first words still get different ids, and the same name always the same one.

    >>> capped("a-" * 40, 24)
    'a-a-a-a-a-a-186c7a79dee3'
    """
    if len(text) <= limit:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{text[:limit - len(digest) - 1].rstrip('-')}-{digest}"


@lru_cache(maxsize=1 << 17)  # recognition asks for the same few thousand names again and again
def normalise(name: str) -> str:
    """Lower-case ASCII form of a place name for exact lookups.

    Drops diacritics, a leading "the", a possessive "'s", dots of abbreviations and all
    punctuation (hyphens become spaces).

    >>> normalise("the U.S.'s")
    'us'
    >>> normalise("Lebanon-Israel")
    'lebanon israel'
    """
    text = name.strip()
    text = _POSSESSIVE.sub(lambda m: "s" if m.group(0).startswith("s") else "", text)
    text = _ABBREVIATION_DOTS.sub("", text)
    text = unidecode(text).lower()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = _ARTICLE.sub("", _NON_WORD.sub(" ", text).strip())
    first, _, rest = text.partition(" ")
    if rest and first in _LEADING_ABBREVIATIONS:
        text = f"{_LEADING_ABBREVIATIONS[first]} {rest}"
    return text


def written_as_code(text: str) -> bool:
    """Whether ``text`` is written the way ISO codes are: capitals, no dots ("US", "IND").

    "It", "In" or "Mr." are not Italy, India or Mauritania; "S.C." is South Carolina, not Seychelles.

    >>> written_as_code("US"), written_as_code("It"), written_as_code("S.C.")
    (True, False, False)
    """
    text = text.strip()
    return text.isupper() and "." not in text


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script, so its ASCII form is meaningful.

    Transliterations of other scripts ("alqds") are noise in an English gazetteer.
    """
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


# C0 and C1 controls and DEL (terminal escape sequences start with ESC or CSI), and the bidirectional controls
# that make a line read differently from what it holds; tab and newline only where a field spans lines. An
# article's own text keeps the embeddings and isolates that right-to-left writing carries (U+202B ... U+202C
# around an Arabic quotation): only the overrides, which turn letters around, are escaped there.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_IN_BODY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202d\u202e]")


def visible(value: object, *, lines: bool = False, body: bool = False) -> str:
    """``value`` for a terminal or a page, its control characters written as escapes (``\\x1b``), so that a stored
    title cannot move the cursor, clear the screen or retitle the window, and a link's words cannot turn the text
    after them around (U+202E) or hide in it; ``lines`` keeps newlines and tabs, ``body`` (an article's text) also
    the embeddings and isolates of right-to-left writing.

    >>> visible("Title \\x1b]0;PWNED\\x07")
    'Title \\\\x1b]0;PWNED\\\\x07'
    """
    def escaped(m: re.Match[str]) -> str:
        code = ord(m.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    pattern = _CONTROLS_IN_BODY if body else _CONTROLS_IN_TEXT if lines else _CONTROLS
    return pattern.sub(escaped, "" if value is None else str(value))
