"""The ingest pipeline: Article -> spaCy Doc -> places, actors, events -> store.

Analysis and storage are separate: an :class:`Analyser` turns articles into
:class:`~geo.records.Analysis` records (pure, no database), and :func:`ingest` writes
them, one transaction per article. That split is what lets ``--workers N`` run the
analysis in N processes while one writer keeps the store consistent, and lets
tests run the analysis on a blank spaCy pipeline with no store at all.

The writer never runs the model and never imports spaCy (the analyser is built in each worker): importing it made
the writer start the workers later and then took CPU time from them. The workers, in turn, never import the
store's SQL layer.

The writer also joins each article's occurrences to those of the articles stored before it that report the
same real-world event (:class:`OccurrenceJoiner`, in the article's write transaction), so the grouping depends
only on the order articles are written in, which is the input order with or without workers.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from geo.actors.linking import ActorLinker
from geo.events.grouping import GENERIC_NAMES, Knowledge
from geo.events.joining import join_across, occurrences, years
from geo.ingest import ENGINES
from geo.nlp import ZoneCount, in_memory_zones, memory_zone, require_model
from geo.records import (Actor, ActorMention, Analysis, AnalysisResult, Article, ArticleFailure, Event, IngestReport,
                         PlaceMention, ReadFailure)
from geo.errors import StoreError
from geo.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from geo.events.extraction import EventFindings
    from geo.store import Store
    from geo.store.occurrences import CandidateQuery, StoredOccurrences

BATCH_SIZE = 32
ZONE_BATCHES = 4  # batches per spaCy memory zone
COMPACT_ZONES = 16  # memory zones between compactions of the vocabulary (geo.nlp.compact_vocab)
WORKER_CHUNK = 8
DUPLICATE_CHECK_CHUNK = 64



class PlaceStage(Protocol):
    def places(self, doc: Doc) -> tuple[PlaceMention, ...]: ...


class LocalityStage(Protocol):
    def places(self, doc: Doc, found: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]: ...


class ActorStage(Protocol):
    def extract(self, doc: Doc, places: tuple[PlaceMention, ...]
                ) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]: ...


class EventStage(Protocol):
    def extract_all(self, doc: Doc, article: Article, places: tuple[PlaceMention, ...], actors: tuple[Actor, ...],
                    actor_mentions: tuple[ActorMention, ...]) -> "EventFindings": ...


class GroupingStage(Protocol):
    def group(self, doc: Doc, article: Article, places: tuple[PlaceMention, ...], actors: tuple[Actor, ...],
              events: tuple[Event, ...], occurrences: tuple | None = None) -> tuple[Event, ...]: ...


@dataclass
class Analyser:
    """One spaCy pass per article, then each stage reads the same Doc.

    ``localities`` (optional) runs after the geoparser and adds facility, street and
    "the city" mentions (``geo.places.localities``) that actors and events then see.
    ``grouping`` (optional) runs after the events and settles what needs all of them: the scene of events
    whose sentence names no place, and which mentions report one real-world event (``geo.events.grouping``).
    """

    nlp: Language
    places: PlaceStage | None = None
    localities: LocalityStage | None = None
    actors: ActorStage | None = None
    events: EventStage | None = None
    grouping: GroupingStage | None = None
    batch_size: int = BATCH_SIZE
    zones: ZoneCount = field(default_factory=lambda: ZoneCount(COMPACT_ZONES), repr=False, compare=False)

    def analyse(self, article: Article) -> Analysis:
        """One article; an error in a stage is raised (an ingest, through :meth:`analyse_many`, reports it)."""
        with memory_zone(self.nlp):
            return self.analyse_doc(self.nlp(article.text), article)

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[AnalysisResult]:
        """Analyses in input order, the model run in batches; an article whose analysis fails comes out as an
        :class:`ArticleFailure` and the others go on.

        Each group of batches runs in a spaCy memory zone (see :func:`geo.nlp.in_memory_zones`): an Analysis
        holds only plain Python values, so what the vocabulary learnt from the group can be freed, and a long
        ingest does not grow with every new word (nor with the holes the zones leave in the vocabulary's
        tables: they are compacted now and then)."""
        source = iter(articles)
        groups = iter(lambda: list(islice(source, self.batch_size * ZONE_BATCHES)), [])
        yield from in_memory_zones(self.nlp, groups, self._analyse_group, compact_every=self.zones)

    def _analyse_group(self, group: list[Article]) -> Iterator[AnalysisResult]:
        """A batch that makes the model itself fail cannot say which article did: the rest of the group is
        then run one article at a time, so only the article at fault is lost."""
        done = 0
        try:
            for doc, article in self.nlp.pipe(((a.text, a) for a in group), as_tuples=True,
                                              batch_size=self.batch_size):
                yield self._analyse_doc_safely(doc, article)
                done += 1
        except Exception:  # noqa: BLE001 - the model failed on this batch; isolated below
            for article in group[done:]:
                try:
                    doc = self.nlp(article.text)
                except Exception as err:  # noqa: BLE001 - reported as this article's failure
                    yield ArticleFailure.from_error(article, "could not be analysed", err)
                else:
                    yield self._analyse_doc_safely(doc, article)

    def _analyse_doc_safely(self, doc: Doc, article: Article) -> AnalysisResult:
        try:
            return self.analyse_doc(doc, article)
        except Exception as err:  # noqa: BLE001 - one article's bug must not stop the others
            return ArticleFailure.from_error(article, "could not be analysed", err)

    def analyse_doc(self, doc: Doc, article: Article) -> Analysis:
        places = self.places.places(doc) if self.places else ()
        if self.localities:
            places = self.localities.places(doc, places)
        actors, actor_mentions = self.actors.extract(doc, places) if self.actors else ((), ())
        events: tuple[Event, ...] = ()
        if self.events is not None:
            found = self.events.extract_all(doc, article, places, actors, actor_mentions)
            events = found.events  # generic actors and sites of the event clauses join the article's
            places = tuple(sorted((*places, *found.places), key=lambda pm: (pm.mention.start, -pm.mention.end)))
            actors, actor_mentions = (*actors, *found.actors), (*actor_mentions, *found.actor_mentions)
            if self.grouping is not None:
                events = self.grouping.group(doc, article, places, actors, events, found.occurrences)
        return Analysis(article=article, places=places, actors=actors,
                        actor_mentions=actor_mentions, events=events)


def make_analyser(settings: Settings) -> Analyser:
    """The default analyser: the configured spaCy model and every analysis stage."""
    from geo.actors.aliases import add_actor_components
    from geo.actors.extraction import ActorExtractor
    from geo.actors.catalog import load_catalog
    from geo.events.extraction import EventExtractor
    from geo.events.grouping import EventGrouper
    from geo.places.geoparsing import make_geoparser
    from geo.places.localities import LocalityStage
    from geo.nlp import load_model

    nlp = load_model(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    geoparser = make_geoparser(settings, nlp=nlp)
    catalog = load_catalog()
    add_actor_components(nlp, catalog)
    return Analyser(nlp=nlp, places=geoparser, localities=LocalityStage(), actors=ActorExtractor(catalog),
                    events=EventExtractor(), grouping=EventGrouper())


class OccurrenceJoiner:
    """One real-world event told by several articles is one occurrence: what the store is asked for after an
    article's write (``geo.store.occurrences``), and which occurrences join, by the rule of the grouping
    within an article (``geo.events.grouping.compatible``, :func:`~geo.events.joining.join_across`)."""

    def query(self, analysis: Analysis) -> CandidateQuery | None:
        from geo.store.occurrences import CandidateQuery  # here: the workers, which import this module, never write

        found = occurrences(analysis.events).values()
        actors = sorted({a for o in found for a in o.initiators | o.targets})
        if not actors:  # an occurrence joins another only through an actor they share
            return None
        return CandidateQuery(types=tuple(sorted({o.type for o in found})), years=years(found),
                              actor_ids=tuple(actors), generic_names=GENERIC_NAMES)

    def moves(self, analysis: Analysis, stored: StoredOccurrences) -> dict[str, str]:
        if not stored.events:
            return {}
        know = Knowledge({**{a.id: a for a in analysis.actors}, **stored.actors},
                         {**{pm.place.id: pm.place for pm in analysis.places if pm.place}, **stored.places})
        return join_across(analysis.events, stored.events, know, stored.published)


@dataclass
class Pipeline:
    """An analyser and the store it writes to.

    ``analyser`` may be None when ``settings`` are given: it is then built on first use in this process
    (:meth:`local_analyser`), so an ingest with worker processes never loads a model it does not use.
    """

    analyser: Analyser | None
    store: Store
    settings: Settings | None = None
    max_chars: int = 200_000
    linker: ActorLinker | None = None
    analyser_factory: Callable[[Settings], Analyser] = make_analyser  # a module-level function: workers import it
    joiner: OccurrenceJoiner | None = field(default_factory=OccurrenceJoiner)

    def ingest(self, results: Iterable[Article | ReadFailure], progress: Callable[[str], None] | None = None,
               workers: int = 1, engine: str = "processes", scheduler: str | None = None) -> IngestReport:
        """Store every readable article; duplicates and failures are reported, never fatal.

        Each article is committed on its own, so an interrupted ingest keeps what it
        finished and a re-run completes the store without duplicates. The analysis runs here, in
        ``workers`` processes, or (``engine="dask"``) on a Dask cluster: ``scheduler``'s, or a local one.
        """
        tally = _Tally(progress=progress)
        analyses = self._analyses(self._fresh_articles(results, tally), workers, engine, scheduler)
        for analysis in analyses:
            if isinstance(analysis, ArticleFailure):
                tally.add(tally.failed, analysis)
                continue
            try:
                result = self._store(analysis)
            except StoreGone as err:
                raise StoreError(err.explain(len(tally.ingested))) from err
            if isinstance(result, ArticleFailure):
                tally.add(tally.failed, result)
            else:
                tally.add(tally.ingested if result else tally.duplicates, analysis.article.origin)
                if result and analysis.article.published is None:
                    tally.undated.append(analysis.article.origin)
        return tally.report()

    def _analyses(self, fresh: Iterator[Article], workers: int, engine: str, scheduler: str | None
                  ) -> Iterator[AnalysisResult]:
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
        distributed = engine == "dask" or workers > 1
        if not distributed or self.settings is None:
            return self.local_analyser().analyse_many(fresh)
        if scheduler is None:  # a remote cluster's workers build their own gazetteer, on their own machines
            prepare_workers(self.settings)
        if engine == "dask":
            from geo.ingest.dask_engine import analyse_with_dask

            return analyse_with_dask(fresh, self.settings, self.analyser_factory, scheduler=scheduler,
                                     workers=max(1, workers))
        return analyse_in_processes(fresh, self.settings, workers, self.analyser_factory)

    def _store(self, analysis: Analysis) -> bool | ArticleFailure:
        """Link and write one article; a database error fails this article alone (its transaction is rolled
        back). The linker may have learnt actors that were never stored: it is rebuilt from the store."""
        try:
            if self.linker is not None:
                analysis = self.linker.link(analysis)
            return self.store.write(analysis, self.joiner)
        except Exception as err:  # noqa: BLE001 - one article's failure must not stop the others
            _stop_if_gone(err)  # ... but a full disk or a database out of reach is every article's
            if self.linker is not None:
                try:
                    self.linker = store_linker(self.store)
                except Exception as again:  # noqa: BLE001 - the database went away between the two
                    _stop_if_gone(again)
                    raise
            return ArticleFailure.from_error(analysis.article, "could not be stored", err)

    def local_analyser(self) -> Analyser:
        """The analyser of this process, built from the settings on first use."""
        if self.analyser is None:
            assert self.settings is not None, "a Pipeline needs an analyser or the settings to build one"
            self.analyser = self.analyser_factory(self.settings)
        return self.analyser

    def _fresh_articles(self, results: Iterable[Article | ReadFailure], tally: "_Tally") -> Iterator[Article]:
        seen: set[str] = set()
        source = iter(results)
        # The store is asked which articles it holds once per chunk of input, not once per article.
        while chunk := list(islice(source, DUPLICATE_CHECK_CHUNK)):
            stored = self.store.stored_articles([r.id for r in chunk if isinstance(r, Article)])
            for result in chunk:
                if isinstance(result, Article) and len(result.text) > self.max_chars:
                    result = ReadFailure(result.origin, too_long(len(result.text), self.max_chars))
                if isinstance(result, ReadFailure):
                    tally.add(tally.failed, result)
                elif result.id in seen or result.id in stored:
                    tally.add(tally.duplicates, result.origin)
                else:
                    seen.add(result.id)
                    tally.notes.extend(f"{result.origin}: {n}" for n in result.notes)
                    yield result


class StoreGone(Exception):
    """No article can be written any more: the ingest stops instead of failing each article, and says once how
    many were stored before."""

    def explain(self, stored: int) -> str:
        return (f"the store cannot be written any more ({self}): the disk may be full or the store read-only. "
                f"{stored} article(s) were stored before it and are kept; free some space and run the same "
                "command again to store the rest")


class StoreUnreachable(StoreGone):
    """The database server went away (PostgreSQL stopped or restarted, the network down)."""

    def explain(self, stored: int) -> str:
        return (f"lost the connection to the database ({self}). {stored} article(s) were stored before it and "
                "are kept; run the same command again once the database is back to store the rest")


class StoreLocked(StoreGone):
    """Another program held the SQLite store's write lock through every attempt's busy timeout."""

    def explain(self, stored: int) -> str:
        return (f"the store stayed locked by another program ({self}) through every attempt to write. {stored} "
                "article(s) were stored before it and are kept; run the same command again once that program "
                "is done (another ingest, or a sqlite3 shell holding a transaction)")


def _stop_if_gone(err: BaseException) -> None:
    """Raise :class:`StoreGone` when ``err`` is one every later article would meet too."""
    from geo.store.engine import lost_connection, unwritable  # here: the workers never import the SQL layer

    if reason := unwritable(err):
        raise StoreGone(reason) from err
    first = str(getattr(err, "orig", err)).strip().splitlines()[0] if str(err).strip() else ""
    if lost_connection(err):
        raise StoreUnreachable(first) from err
    if "database is locked" in first:  # the store already tried again (Store.write): every article would wait
        raise StoreLocked(first) from err


def too_long(chars: int, limit: int) -> str:
    return (f"article text is {chars:,} characters, over the {limit:,}-character limit for one article "
            "(split it into several articles, or raise the limit with --max-chars / NEWSMAP_MAX_CHARS)")


def make_pipeline(settings: Settings, store: Store) -> Pipeline:
    """Analysis with every stage, linking actors to those of earlier articles and ingests."""
    return Pipeline(analyser=None, store=store, settings=settings,  # the analyser is built when first used
                    max_chars=settings.max_chars, linker=store_linker(store))


def store_linker(store: Store) -> ActorLinker:
    """A linker that knows the store's actors, and asks the store for their offices and countries."""
    return ActorLinker(store.actors(), contexts=store.mention_contexts, countries=store.actor_countries,
                       sites=store.actor_places,
                       retired=store.merged_actor_ids())


# -- analysis in worker processes ---------------------------------------------------------------

_worker_analyser: Analyser | None = None  # one per worker process, built by its initializer


def prepare_workers(settings: Settings) -> None:
    """Check the model and build the gazetteer here, once, before workers start: each worker would otherwise
    build a missing gazetteer at the same time, and a worker whose start fails is restarted by the pool
    forever instead of reporting the error (here it is a ModelError the CLI prints as one line)."""
    from geo.places.gazetteer import Gazetteer

    require_model(settings.model)
    Gazetteer.open(settings.data_dir).close()


def _init_worker(settings: Settings, factory: Callable[[Settings], Analyser]) -> None:
    global _worker_analyser
    _worker_analyser = factory(settings)


def _analyse_chunk(articles: list[Article]) -> list[AnalysisResult]:
    assert _worker_analyser is not None, "worker used before its initializer ran"
    return list(_worker_analyser.analyse_many(articles))


def analyse_in_processes(articles: Iterable[Article], settings: Settings, workers: int,
                         factory: Callable[[Settings], Analyser] = make_analyser) -> Iterator[AnalysisResult]:
    """Analyse in ``workers`` processes, yielding results in input order.

    Each worker loads its own model once (``factory(settings)``); articles travel in small chunks so the
    writer (this process) stores results while the workers go on. A chunk whose results cannot come back
    (a result that does not pickle, say) fails its own articles, not the ingest.
    """
    ctx = mp.get_context("spawn")  # fork would share spaCy/SQLAlchemy state unsafely
    source = iter(articles)
    pending: deque = deque()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings, factory)) as pool:
        while True:
            # Keep a bounded number of chunks in flight: memory stays flat on any input size.
            while len(pending) < workers * 2 and (chunk := list(islice(source, WORKER_CHUNK))):
                pending.append((chunk, pool.apply_async(_analyse_chunk, (chunk,))))
            if not pending:
                return
            chunk, result = pending.popleft()
            try:
                analyses = result.get()
            except Exception as err:  # noqa: BLE001 - this chunk's articles fail, the others go on
                analyses = [ArticleFailure.from_error(article, "could not be analysed", err) for article in chunk]
            yield from analyses


@dataclass
class _Tally:
    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[ReadFailure | ArticleFailure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # stored articles with no publication date
    progress: Callable[[str], None] | None = None

    def add(self, bucket: list, item: object) -> None:
        bucket.append(item)
        if self.progress:
            self.progress(getattr(item, "origin", item))

    def report(self) -> IngestReport:
        notes = [*self.notes, *([undated_note(self.undated)] if self.undated else [])]
        return IngestReport(tuple(self.ingested), tuple(self.duplicates), tuple(self.failed), tuple(notes))


def undated_note(origins: list[str]) -> str:
    """One note for the stored articles without a publication date: their events are undated (off the
    timeline and the time slider) unless the text gives a full date, and nothing said why."""
    named = ", ".join(origins[:5]) + (f" and {len(origins) - 5} more" if len(origins) > 5 else "")
    return (f"{len(origins)} article{'s have' if len(origins) > 1 else ' has'} no publication date: events they "
            "do not date in their text are undated, off the timeline and the time slider (date an article with a "
            f"first line `date YYYY-MM-DD`, or `published` in JSON): {named}")
