"""geo.nlp.rules: the faster attribute ruler and lemmatizer annotate exactly as spaCy's own."""
from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from geo.nlp import DEFAULT_MODEL, load_model
from geo.nlp.rules import IndexedAttributeRuler, speed_up

# Every kind of rule the English pipelines hold: a tag alone, a tag and a word, lists of values in and not in,
# a regular expression, two tokens (the second one changed, counted from either end), a space, two alternatives,
# a rule that sets the dependency label, and later rules overriding earlier ones on the same token.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "VBP"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Pres|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "EX"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},
    {"patterns": [[{"TAG": "_SP"}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"TAG": "NNP", "LOWER": "oslo"}]], "attrs": {"MORPH": "Number=Sing|Place=Yes"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "met"}], [{"TAG": "VBZ", "LOWER": "meets"}]], "attrs": {"LEMMA": "meet"}},
    {"patterns": [[{"TAG": "VBP", "LOWER": {"IN": ["are", "'re"]}}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": {"IN": ["aux", "ROOT"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^talk"}}]], "attrs": {"LEMMA": "talk"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["are", "is"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": "in"}, {"TAG": "NNP"}]], "attrs": {"LEMMA": "capital"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
]


def tagged(vocab) -> Doc:
    """"The ministers met in Oslo and there are talks" with a stray space, tagged and parsed by hand."""
    words = ["The", "ministers", "met", "in", "Oslo", "  ", "and", "there", "are", "talks", "."]
    tags = ["DT", "NNS", "VBD", "IN", "NNP", "_SP", "CC", "EX", "VBP", "NNS", "."]
    heads = [1, 2, 2, 2, 3, 4, 2, 8, 2, 8, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "dep", "cc", "expl", "conj", "attr", "punct"]
    return Doc(vocab, words=words, spaces=[True] * 4 + [False, False] + [True] * 3 + [False, False], tags=tags,
               heads=heads, deps=deps)


def annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc]


def test_indexed_attribute_ruler_sets_what_spacys_sets():
    nlp = spacy.blank("en")
    stock, ours = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    stock.add_patterns(PATTERNS)
    ours.add_patterns(PATTERNS)
    expected = annotations(stock(tagged(nlp.vocab)))
    assert annotations(ours(tagged(nlp.vocab))) == expected
    by_word = {a[0]: a for a in expected}
    assert by_word["met"][1:4] == ("AUX", "Tense=Past|VerbForm=Fin", "meet")  # a later rule overrode VERB
    assert by_word["Oslo"][1:4] == ("PROPN", "Number=Sing|Place=Yes", "capital")
    assert by_word["are"][1:4] == ("VERB", "Tense=Pres|VerbForm=Fin", "be")  # the two-token rule came last
    assert by_word["  "][1] == "SPACE" and by_word["talks"][3] == "talk"


def test_indexed_attribute_ruler_follows_patterns_added_later():
    nlp = spacy.blank("en")
    ours = IndexedAttributeRuler(nlp.vocab)
    ours.add_patterns(PATTERNS)
    ours(tagged(nlp.vocab))
    ours.add_patterns([{"patterns": [[{"LOWER": "oslo"}]], "attrs": {"POS": "NOUN"}}])
    assert [t.pos_ for t in ours(tagged(nlp.vocab)) if t.text == "Oslo"] == ["NOUN"]


def test_load_model_swaps_the_rule_components_and_annotates_as_spacy_does(nlp):
    texts = ["There are reports that the talks in Geneva didn't go well, officials said on Tuesday.",
             "Let's see whether they're gonna meet again: nothing's been decided, and it isn't clear who'll come.",
             "The rebels, who had been shelling the town since 2019, were driven out by government forces."]
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    stock = spacy.load(DEFAULT_MODEL)
    assert not isinstance(stock.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert [annotations(d) for d in stock.pipe(texts)] == [annotations(d) for d in nlp.pipe(texts)]


def test_speed_up_leaves_pipelines_without_those_components_as_they_are():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert speed_up(nlp).pipe_names == ["sentencizer"]
    assert [t.is_sent_start for t in nlp("Talks began. They ended.")][3] is True


def test_load_model_still_loads_a_pipeline_of_the_users_choice(tmp_path):
    """Any pipeline saved to disk (a path is a valid --model), here one without a ruler or a lemmatizer."""
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "custom")
    assert load_model(str(tmp_path / "custom")).pipe_names == ["sentencizer"]
