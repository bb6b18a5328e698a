"""Faster equivalents of two of spaCy's rule-based components, with the same output: :func:`speed_up` puts them in
a loaded pipeline wherever they apply (``geo.nlp.load_model`` does it for every model).

spaCy's attribute ruler (parts of speech, morphology and some lemmas from the tagger's tags: 179 rules in the
English pipelines) runs a Matcher with every rule at every token, and the rule lemmatizer asks whether a candidate
lemma is a known word by scanning a list of tens of thousands of them: together a fifth of the small English
pipeline's time (docs/benchmarks.md, "Where an ingest's time goes"). Here the ruler's one-token rules that compare
attributes with values (or lists of values, in or not in them) are looked up in hash tables keyed by those attributes; only the
others (regular expressions, several tokens) go through a Matcher, and each token gets the rules it
matches applied in the ruler's order, so a later rule still wins. The lemmatizer's word lists answer ``in`` from a
set. ``benchmarks/same_annotations.py`` compares every token's annotations with spaCy's own components on the
evaluation corpora.

Part of the foundation: imports spaCy, nothing of newsmap.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import product
from operator import itemgetter

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "newsmap_attribute_ruler"
STRING_KEYS = ("ORTH", "LOWER", "TAG", "DEP")  # a one-token rule testing only these (and IS_SPACE) is looked up
FLAG_KEYS = ("IS_SPACE",)
COLUMNS = (POS, MORPH, LEMMA)  # set for every token at once (Doc.from_array); any other attribute token by token


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` with its one-token rules looked up rather than matched: the same patterns (added
    as to the original) and the same annotations."""

    _tables: list | None = None

    def add(self, patterns, attrs, index: int = 0) -> None:  # noqa: ANN001 - as AttributeRuler.add
        super().add(patterns, attrs, index)
        self._tables = None

    def clear(self) -> None:
        super().clear()
        self._tables = None

    def prepare(self) -> None:
        """Build the tables and the Matcher of the other rules (done by :func:`speed_up`, outside any memory zone:
        a Matcher adds its patterns' strings to the vocabulary)."""
        entries = []  # (attributes, their values, rule, attributes with values excluded)
        self._rest = Matcher(self.vocab, validate=False)
        for rule_id, rule in enumerate(self.patterns):
            rest = []
            for alternative in rule["patterns"]:
                keyed = _table_entries(alternative) if self.indices[rule_id] in (0, -1) else None
                if keyed is None:
                    rest.append(alternative)
                    continue
                keys, choices, excluded = keyed
                entries += [(keys, values, rule_id, excluded) for values in product(*choices)]
            if rest:
                self._rest.add(str(rule_id), rest)
        self._keys = sorted({k for keys, _, _, excluded in entries for k in (*keys, *(e for e, _ in excluded))})
        tables: dict[tuple[int, ...], dict] = defaultdict(lambda: defaultdict(list))
        for keys, values, rule_id, excluded in entries:
            found = tables[keys][values if len(values) > 1 else values[0]]
            entry = (rule_id, tuple((self._keys.index(k), banned) for k, banned in excluded))
            if entry not in found:
                found.append(entry)
        self._tables = [(itemgetter(*(self._keys.index(k) for k in keys)), dict(table))
                        for keys, table in tables.items()]
        self._merged: dict[tuple[int, ...], tuple[dict[int, int], dict]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self._tables is None:
            self.prepare()
        if not len(doc):
            return doc
        rows = doc.to_array([*self._keys, *COLUMNS]).tolist()
        rules = self._other_rules(doc)
        columns = [row[len(self._keys):] for row in rows]
        others: list[tuple[int, dict]] = []
        for i, row in enumerate(rows):
            found = [rule_id for getter, table in self._tables for rule_id, excluded in table.get(getter(row), ())
                     if not excluded or not any(row[col] in banned for col, banned in excluded)]
            found += rules.get(i, ())
            if not found:
                continue
            values, other = self._merge(tuple(sorted(set(found))))
            for col, value in values.items():
                columns[i][col] = value
            if other:
                others.append((i, other))
        doc.from_array(list(COLUMNS), numpy.asarray(columns, dtype=numpy.uint64))
        for i, other in others:
            set_token_attrs(doc[i], other)
        return doc

    def _other_rules(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the rules matched by the Matcher (the rules with no table), as the original finds them."""
        found: dict[int, list[int]] = defaultdict(list)
        for match_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
            rule_id = int(self.vocab.strings[match_id])
            found[Span(doc, start, end)[self.indices[rule_id]].i].append(rule_id)
        return found

    def _merge(self, rule_ids: tuple[int, ...]) -> tuple[dict[int, int], dict]:
        """What these rules set on a token, applied in order (a later rule wins): the values of COLUMNS by
        column, and any other attributes."""
        if rule_ids not in self._merged:
            attrs: dict = {}
            for rule_id in rule_ids:
                attrs.update(self.attrs[rule_id])
            values = {COLUMNS.index(a): v for a, v in attrs.items() if a in COLUMNS}
            self._merged[rule_ids] = (values, {a: v for a, v in attrs.items() if a not in COLUMNS})
        return self._merged[rule_ids]


def _table_entries(alternative: list[dict]) -> tuple[tuple[int, ...], list[list[int]], list] | None:
    """(attribute ids, the values each may take, [(attribute id, values it must not take)]) of a one-token pattern
    that only compares attributes with values or lists of values (``IN``, ``NOT_IN``, at least one of them not
    ``NOT_IN``); None for any other pattern."""
    if len(alternative) != 1 or not alternative[0]:
        return None
    keys, choices, excluded = [], [], []
    for key, value in sorted(alternative[0].items()):
        op = next(iter(value)) if isinstance(value, dict) and len(value) == 1 else None
        values = value[op] if op in ("IN", "NOT_IN") else [value] if not isinstance(value, dict) else None
        if not values or not isinstance(values, list):
            return None
        if key in STRING_KEYS and all(isinstance(v, str) for v in values):
            ids = frozenset(get_string_id(v) for v in values)
        elif key in FLAG_KEYS and all(isinstance(v, bool) for v in values):
            ids = frozenset(int(v) for v in values)
        else:
            return None
        if op == "NOT_IN":
            excluded.append((IDS[key], ids))
        else:
            keys.append(IDS[key])
            choices.append(sorted(ids))
    return (tuple(keys), choices, excluded) if keys else None


@Language.factory(FACTORY, default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


class _Lexicon(list):
    """A list of known words that answers ``in`` from a set, as spaCy's rule lemmatizer asks it."""

    def __init__(self, words: list) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._members


def speed_up(nlp: Language) -> Language:
    """Swap spaCy's attribute ruler for :class:`IndexedAttributeRuler` (with the same patterns) and give the rule
    lemmatizer's word lists a set to answer from; components of other kinds, subclasses and disabled ones are left
    as they are (a pipeline without them, such as a blank one, is unchanged). Returns ``nlp``."""
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            ruler = nlp.replace_pipe(name, FACTORY, config={"validate": component.validate})
            ruler.add_patterns(patterns)
            ruler.prepare()
        elif isinstance(component, Lemmatizer) and component.mode == "rule":
            table = component.lookups.get_table("lemma_index", None)
            for key, words in list((table or {}).items()):
                if type(words) is list:
                    table[key] = _Lexicon(words)
    return nlp
