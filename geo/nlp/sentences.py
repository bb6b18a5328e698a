"""A bound on sentence length, set before the parser: no sentence runs past ``MAX_RUN`` tokens without an end.

Most of what newsmap asks of a trigger word is asked of its sentence (``token.sent``, which spaCy finds by walking
the tokens, the words around it, the places in it), so its cost grows with the sentence's length, and an article
that is one endless sentence ("the car was striking the car was striking ...", 200,000 characters with no full stop)
costs the square of its length: minutes for one file. News has full stops: in the 933 articles of the three
geoparsing corpora the longest stretch without one is 122 tokens. So a stretch of ``MAX_RUN`` tokens with no
sentence-ending punctuation or line break starts a new sentence there, which the parser keeps; text with full stops
is not touched.

It also holds the small readings of spaCy's tokens that later stages share: the words near a token, the token
index of mentions, a verb that acts with its own subject and object.

Part of the foundation: imports spaCy, nothing of newsmap.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
FACTORY = "newsmap_sentence_cap"
MAX_RUN = 256
ENDS = frozenset({".", "!", "?", "…"})


@Language.component(FACTORY)
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence at every ``MAX_RUN``-th token of a stretch with no sentence end or line break."""
    run = 0
    for token in doc:
        if run >= MAX_RUN:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text in ENDS or "\n" in token.text:
            run = 0
    return doc


def cap_sentence_length(nlp: Language) -> None:
    """Put :func:`cap_sentences` before the pipeline's parser (a pipeline without one is left as it is)."""
    if "parser" in nlp.pipe_names and FACTORY not in nlp.pipe_names:
        nlp.add_pipe(FACTORY, before="parser")


def words_near(token: Token, reach: int) -> Span:
    """The words of a token's sentence within ``reach`` of it: a rule that reads the words around a trigger reads
    this window, not the whole sentence, so an article of long sentences costs it what short ones do."""
    sent = token.sent
    return token.doc[max(sent.start, token.i - reach):min(sent.end, token.i + reach + 1)]


def token_index(doc: Doc, items: Iterable[tuple[Any, T]]) -> dict[int, T]:
    """Token index -> the first item whose mention (anything with character ``start`` and ``end``) covers the
    token: how the stages after the geoparser find the place or the actor a word belongs to."""
    index: dict[int, T] = {}
    for mention, item in items:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                index.setdefault(t.i, item)
    return index


def acting_verb(token: Token) -> bool:
    """A verb with its own subject and object: a clause, whatever entity the model put it in ("Police said Smith
    shot Jones twice": the small model tags "Smith shot Jones" ORG). Titles and names ("Attack on Titan", "Occupy
    Wall Street") have no subject."""
    return token.pos_ == "VERB" and all(any(c.dep_ == dep for c in token.children) for dep in ("nsubj", "dobj"))
