"""The ingest pipeline: Article -> spaCy Doc -> places, actors, events -> store.

Every dependency (the spaCy pipeline, the stages, the store) is passed in, so tests
can run it on a blank spaCy pipeline and an in-memory store, and the dashboard can
cache the built objects. ``make_pipeline(settings)`` builds the defaults.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from geo.records import (Actor, ActorMention, Analysis, Article, Event, IngestReport, PlaceMention,
                         ReadFailure)
from geo.settings import Settings
from geo.store import Store

BATCH_SIZE = 32


class PlaceStage(Protocol):
    def places(self, doc: Doc, *, date: str | None = None) -> tuple[PlaceMention, ...]: ...


class ActorStage(Protocol):
    def extract(self, doc: Doc, places: tuple[PlaceMention, ...]
                ) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]: ...


class EventStage(Protocol):
    def extract(self, doc: Doc, article: Article, places: tuple[PlaceMention, ...], actors: tuple[Actor, ...],
                actor_mentions: tuple[ActorMention, ...]) -> tuple[Event, ...]: ...


@dataclass
class Pipeline:
    """Analyses articles with one spaCy pass each and writes each article atomically."""

    nlp: Language
    store: Store
    places: PlaceStage | None = None
    actors: ActorStage | None = None
    events: EventStage | None = None
    batch_size: int = BATCH_SIZE

    def analyse(self, article: Article) -> Analysis:
        return next(self.analyse_many([article]))

    def analyse_many(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Analysis]:
        pairs = self.nlp.pipe(((a.text, a) for a in articles), as_tuples=True,
                              batch_size=self.batch_size, n_process=n_process)
        for doc, article in pairs:
            yield self._analyse_doc(doc, article)

    def _analyse_doc(self, doc: Doc, article: Article) -> Analysis:
        date = article.published.isoformat() if article.published else None
        places = self.places.places(doc, date=date) if self.places else ()
        actors, actor_mentions = self.actors.extract(doc, places) if self.actors else ((), ())
        events = self.events.extract(doc, article, places, actors, actor_mentions) if self.events else ()
        return Analysis(article=article, places=places, actors=actors,
                        actor_mentions=actor_mentions, events=events)

    def ingest(self, results: Iterable[Article | ReadFailure],
               progress: Callable[[str], None] | None = None, n_process: int = 1) -> IngestReport:
        """Store every readable article; duplicates and failures are reported, never fatal."""
        tally = _Tally(progress=progress)
        fresh = self._fresh_articles(results, tally)
        for analysis in self.analyse_many(fresh, n_process=n_process):
            stored = self.store.write(analysis)
            tally.add(tally.ingested if stored else tally.duplicates, analysis.article.origin)
        return tally.report()

    def _fresh_articles(self, results: Iterable[Article | ReadFailure], tally: "_Tally") -> Iterator[Article]:
        seen: set[str] = set()
        for result in results:
            if isinstance(result, ReadFailure):
                tally.add(tally.failed, result)
            elif result.id in seen or self.store.has_article(result.id):
                tally.add(tally.duplicates, result.origin)
            else:
                seen.add(result.id)
                tally.notes.extend(f"{result.origin}: {n}" for n in result.notes)
                yield result


@dataclass
class _Tally:
    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[ReadFailure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    progress: Callable[[str], None] | None = None

    def add(self, bucket: list, item: object) -> None:
        bucket.append(item)
        if self.progress:
            self.progress(getattr(item, "origin", item))

    def report(self) -> IngestReport:
        return IngestReport(tuple(self.ingested), tuple(self.duplicates), tuple(self.failed), tuple(self.notes))


def make_pipeline(settings: Settings, store: Store) -> Pipeline:
    """The default pipeline: the configured spaCy model and every analysis stage."""
    from geo.actors import ActorExtractor
    from geo.catalog import load_catalog
    from geo.events import EventExtractor
    from geo.nlp import load_model

    return Pipeline(nlp=load_model(settings.model), store=store,
                    actors=ActorExtractor(load_catalog(), known=store.actors()), events=EventExtractor())
