from __future__ import annotations

import pytest
import spacy
from spacy.attrs import NORM

from geo.nlp import compact_vocab, in_memory_zones, memory_zone

from .conftest import seed_text


def analyses(nlp, texts):
    with memory_zone(nlp):
        return [[(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.norm_, t.shape_, t.is_stop, t.like_num, t.ent_type_)
                 for t in doc] for doc in nlp.pipe(texts)]


def stream_new_words(nlp, batches: int, per_batch: int, start: int = 0) -> None:
    """Batches of texts made of words the vocabulary has never seen, each batch in a memory zone."""
    for b in range(batches):
        with memory_zone(nlp):
            for i in range(per_batch):
                nlp.make_doc(f"report w{start + b * per_batch + i}x said")


def test_memory_zones_alone_let_the_string_table_grow():
    """Why compact_vocab exists; if this fails, spaCy no longer leaves holes and compact_vocab can go."""
    nlp = spacy.blank("en")
    before = nlp.vocab.strings._map.capacity
    stream_new_words(nlp, batches=40, per_batch=500)
    assert len(nlp.vocab.strings) < before  # the strings were freed ...
    assert nlp.vocab.strings._map.capacity > 4 * before  # ... but not the cells that held them


def test_compact_vocab_keeps_the_string_table_at_its_size():
    nlp = spacy.blank("en")
    before = nlp.vocab.strings._map.capacity
    for round_ in range(40):
        stream_new_words(nlp, batches=1, per_batch=500, start=round_ * 500)
        compact_vocab(nlp)
    assert nlp.vocab.strings._map.capacity == before
    assert len(nlp.vocab.strings._map) == len(nlp.vocab.strings)  # no deleted cells left


def test_compact_vocab_keeps_every_analysis(nlp):
    texts = [seed_text("002_2374255aed66fc84.txt"), "Rockets were fired at Haifa on day 123456, officials said."]
    norm = nlp.vocab.lex_attr_getters.get(NORM)
    first = analyses(nlp, texts)
    compact_vocab(nlp)
    compact_vocab(nlp)
    assert analyses(nlp, texts) == first
    assert nlp.vocab.lex_attr_getters.get(NORM) is norm  # not wrapped in the norm table once per compaction


def test_compact_vocab_refuses_to_run_inside_a_memory_zone():
    nlp = spacy.blank("en")
    with memory_zone(nlp), pytest.raises(RuntimeError):
        compact_vocab(nlp)


def test_in_memory_zones_works_each_group_in_a_zone_and_compacts_between_zones(monkeypatch):
    import geo.nlp

    nlp = spacy.blank("en")
    compactions = []
    monkeypatch.setattr(geo.nlp, "compact_vocab", lambda n: compactions.append(n.vocab.in_memory_zone))

    def work(texts):
        for text in texts:
            yield text, nlp.vocab.in_memory_zone

    groups = [["a"], ["b", "c"], ["d"], ["e"], ["f"]]
    out = list(in_memory_zones(nlp, groups, work, compact_every=2))
    assert out == [(t, True) for t in "abcdef"]
    assert compactions == [False, False]  # after the second and the fourth group, outside the zone


def test_an_analyser_compacts_its_vocabulary_however_its_articles_are_handed_to_it(monkeypatch):
    """A worker of an ingest gets its articles a few at a time (one analyse_many call each): the zones are
    counted across calls, so a long ingest with workers compacts as a single process does."""
    import geo.nlp
    from geo.ingest.pipeline import COMPACT_ZONES, Analyser
    from geo.records import Article

    compactions = []
    monkeypatch.setattr(geo.nlp, "compact_vocab", lambda n: compactions.append(n))
    analyser = Analyser(nlp=spacy.blank("en"))
    for i in range(2 * COMPACT_ZONES + 1):
        assert len(list(analyser.analyse_many([Article(id=f"a{i}", text=f"Words of article {i}.")]))) == 1
    assert len(compactions) == 2


def test_ranks_keep_their_period_so_the_name_after_them_stays_in_its_sentence(nlp):
    """spaCy's tokenizer splits "Sgt." from its period; the sentence then broke after "Sgt." and the attack's victim
    began a sentence of her own, as its subject."""
    doc = nlp("Authorities say Eberhart, 45, attacked Sgt. Courtney Gale with a kitchen knife on Dec. 11, "
              "repeatedly stabbing the officer. The fort near Ft. Worth closed.")
    assert [t.text for t in doc][7:9] == ["Sgt.", "Courtney"]
    assert len(list(doc.sents)) == 2
    assert "Courtney Gale" in {e.text for e in doc.ents if e.label_ == "PERSON"}
