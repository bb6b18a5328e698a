"""The catalogue's aliases as a spaCy component: ``actor_aliases`` marks every spelling the catalogue knows.

It finds what the model misses (a lower-case "qaani", "IRGC") and runs after NER; actor extraction
(``geo.actors.extraction``) reads its spans first and the model's entities where they do not overlap.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from geo.actors.catalog import Catalog, load_catalog
from geo.actors.common import in_capitals
from geo.actors.names import person_words
from geo.names import fold

__all__ = ["ActorAliases", "SPAN_KEY", "add_actor_components"]

SPAN_KEY = "actor_aliases"


class ActorAliases:
    """Mark catalogue aliases in a Doc: ``doc.spans[SPAN_KEY]`` spans labelled with the actor id.

    Acronyms match case-sensitively ("IS" must not match "is"); other aliases match in
    any case, which is how a lower-case "qaani" is still found.
    """

    def __init__(self, make_doc: Callable[[str], Doc], catalog: Catalog, spans_key: str = SPAN_KEY) -> None:
        self.make_doc = make_doc
        self.spans_key = spans_key
        self.use(catalog)

    def use(self, catalog: Catalog) -> None:
        """Replace the patterns with those of ``catalog``."""
        self.catalog = catalog
        vocab = self.make_doc("").vocab
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.anycase = PhraseMatcher(vocab, attr="LOWER")
        self.words = PhraseMatcher(vocab, attr="ORTH")
        self.ids: dict[int, str] = {}
        for alias, actor_id in alias_patterns(catalog):
            key = vocab.strings.add(actor_id)
            self.ids[key] = actor_id
            matcher = self.exact if is_acronym(alias) else self.anycase
            matcher.add(actor_id, [self.make_doc(alias)])
        for entry in catalog.entries:
            if entry.word_aliases:
                self.ids[vocab.strings.add(entry.actor.id)] = entry.actor.id
                self.words.add(entry.actor.id, [self.make_doc(alias) for alias in entry.word_aliases])

    def matches(self, doc: Doc) -> list[Span]:
        found = [Span(doc, s, e, label=self.ids[k]) for k, s, e in [*self.exact(doc), *self.anycase(doc)]]
        found += [span for k, s, e in self.words(doc) if named_here(span := Span(doc, s, e, label=self.ids[k]))]
        return filter_spans(found)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = self.matches(doc)
        return doc


#: Words before which a capitalised common word is a name ("against IS", "by IS", "and IS has"): prepositions,
#: conjunctions and articles, for a pipeline that tags no parts of speech.
_BEFORE_A_NAME = frozenset("the by against of from with and or as while to on for between among at in into than "
                           "whom".split())
#: Words after which the capitalised word is the verb it also spells ("IS not", "IS a problem", "IS clear").
_AFTER_THE_WORD = frozenset("not n't a an the this that there it also still now being very so just really".split())


def named_here(span: Span) -> bool:
    """Whether a catalogue spelling that is also a common word in capitals ("IS" of Islamic State) is a name where
    it stands: not in a sentence written in capitals ("THE CITY IS READY"), not after a word that could be its
    subject ("This IS a problem", "What IS clear"), and not before what that word takes ("IS not", "IS a")."""
    doc = span.doc
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    if in_capitals(span):
        return False
    before = doc[span.start - 1] if span.start > sent.start else None
    after = doc[span.end] if span.end < sent.end else None
    modifies = after is not None and after.pos_ == "NOUN"  # "an unknown IS member": the group's member
    if before is not None and not before.is_punct and before.lower_ not in _BEFORE_A_NAME \
            and before.pos_ not in ("ADP", "CCONJ", "SCONJ", "VERB", "DET") and not (before.pos_ == "ADJ" and modifies):
        return False
    return after is None or after.is_punct or after.lower_ not in _AFTER_THE_WORD and after.pos_ not in (
        "ADJ", "ADV", "DET", "PRON")


def is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("-", "")
    return letters.isupper() and " " not in alias


def alias_patterns(catalog: Catalog) -> list[tuple[str, str]]:
    """(alias, actor id) for every catalogue spelling plus unambiguous surnames of catalogue people."""
    patterns = [(alias, e.actor.id) for e in catalog.entries
                for alias in dict.fromkeys((e.actor.name, *e.actor.aliases))]
    for entry in catalog.entries:
        words = person_words(entry.actor.name)
        if entry.actor.kind == "person" and catalog.aliases.get(fold(words[-1])) == entry.actor.id:
            patterns.append((words[-1], entry.actor.id))
    return patterns


@Language.factory("actor_aliases", default_config={"spans_key": SPAN_KEY})
def make_actor_aliases(nlp: Language, name: str, spans_key: str) -> ActorAliases:
    """Factory of the ``actor_aliases`` component, loaded with the bundled catalogue."""
    return ActorAliases(nlp.make_doc, load_catalog(), spans_key)


def add_actor_components(nlp: Language, catalog: Catalog) -> Language:
    """Add the ``actor_aliases`` component (after NER) using ``catalog``; returns ``nlp``."""
    if "actor_aliases" not in nlp.pipe_names:
        nlp.add_pipe("actor_aliases", last=True)
    nlp.get_pipe("actor_aliases").use(catalog)
    return nlp
