"""An analyser whose event stage fails on chosen articles, for the tests of an ingest that must go on.

A module of its own (not a test file) so that ingest's worker processes can import its factory by name.
An article whose text holds ``FAIL-IN-STAGE`` makes the stage raise; one that holds ``FAIL-IN-STORE`` gets two
events with the same id, which the database refuses (a UNIQUE constraint, on SQLite and on PostgreSQL alike),
as it refused the real duplicate statements of a claim of responsibility.
"""
from __future__ import annotations

import os
from pathlib import Path

import spacy

from geo.events.extraction import EventFindings
from geo.ingest.pipeline import Analyser
from geo.records import Event, Mention
from geo.settings import Settings

FAIL_IN_STAGE = "FAIL-IN-STAGE"
FAIL_IN_STORE = "FAIL-IN-STORE"


class FaultyEvents:
    def extract_all(self, doc, article, places, actors, actor_mentions) -> EventFindings:  # noqa: ANN001
        if FAIL_IN_STAGE in article.text:
            raise ValueError(f"the event stage broke on purpose\nsecond line of {article.id}")
        if FAIL_IN_STORE in article.text:
            event = Event(id=f"{article.id}:0", article_id=article.id, type="Battles", subtype=None,
                          trigger=Mention(0, 4, doc.text[:4], "Battles"), sentence=doc.text, start=0,
                          end=len(doc.text))
            return EventFindings((event, event))
        return EventFindings(())


def make_faulty_analyser(settings: Settings | None = None) -> Analyser:
    return Analyser(nlp=spacy.blank("en"), events=FaultyEvents())


KILL_ONCE = "KILL-MY-WORKER-ONCE"


class _KillsItsWorkerOnce:
    """The first process that meets ``KILL_ONCE`` dies on the spot, as a worker killed by the system would; the
    marker file (named by ``KILL_MARKER_ENV``, which worker processes inherit) makes the rerun of that batch, on any
    worker, go through."""

    def __init__(self, analyser: Analyser, marker: Path) -> None:
        self.analyser, self.marker = analyser, marker

    def analyse_many(self, articles):  # noqa: ANN001, ANN201
        articles = list(articles)
        if any(KILL_ONCE in a.text for a in articles) and not self.marker.exists():
            self.marker.touch()
            os._exit(1)
        return self.analyser.analyse_many(articles)


KILL_MARKER_ENV = "NEWSMAP_TEST_KILL_MARKER"


def make_worker_killing_analyser(settings: Settings) -> Analyser:
    return _KillsItsWorkerOnce(Analyser(nlp=spacy.blank("en")), Path(os.environ[KILL_MARKER_ENV]))
