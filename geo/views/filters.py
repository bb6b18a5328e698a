"""The view's filters, each declared once: its URL key, the :class:`~geo.views.state.ViewState` field it fills,
how its text is read and written, its words in the view's sentence, its command-line option and its widget in
the dashboard's sidebar (Datasette's filters are the model). The state's parsing and links, its sentence, the
CLI's options and the sidebar are derived from :data:`FILTERS`; the SQL of each filter is
:data:`geo.store.filters.CONDITIONS`, under the same name (only the store holds SQL; a test holds the two lists
to the same names).

>>> [f.key for f in FILTERS]
['actor', 'affiliated', 'type', 'from', 'to', 'until', 'source', 'q', 'hypothetical']
>>> by_key("from").parse("from", "2024-02-01")
'2024-02-01'
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from geo.errors import ViewStateError

# A geo.views.state.ViewState (which imports this module, so it is not imported here).
State = Any

TRUE_WORDS, FALSE_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


# -- reading and writing URL values (the other view parameters use these too) -------------------

def text(_key: str, raw: str) -> str:
    """A text value as given, less NUL characters: stored text holds none (the readers remove them), and
    PostgreSQL refuses a query that carries one, so ``?q=%00`` must mean the same on both databases."""
    return raw.replace("\x00", "")


def date(key: str, raw: str) -> str:
    try:
        if len(raw) != 10:
            raise ValueError
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ViewStateError(f"{key}={raw!r} is not a date: write it as YYYY-MM-DD, e.g. 2024-03-15") from None


def flag(key: str, raw: str) -> bool:
    if raw.lower() in TRUE_WORDS:
        return True
    if raw.lower() in FALSE_WORDS:
        return False
    raise ViewStateError(f"{key}={raw!r} is not a yes/no value: use {key}=1 or leave it out")


def as_text(value: Any) -> str | list[str] | None:
    """A value as the URL writes it: lists for repeatable parameters, ``1`` for a set flag, nothing for a
    flag that is not set or an empty value."""
    if isinstance(value, bool):
        return "1" if value else None
    if isinstance(value, (tuple, list)):
        return list(value) or None
    return value


@dataclass(frozen=True, kw_only=True)
class Param:
    """One URL parameter of the view: its key, the ViewState field it fills and how its text is read and written.

    ``parse(key, text)`` returns the value or raises :class:`ViewStateError` naming the key and the fix; a
    ``repeatable`` parameter keeps every value (``actor=A&actor=B``) as a tuple, the others their last value.
    """

    key: str
    field: str
    parse: Callable[[str, str], Any] = text
    write: Callable[[Any], str | list[str] | None] = as_text
    repeatable: bool = False


@dataclass(frozen=True)
class Option:
    """A filter's command-line option (argparse's action follows from the filter: append, store_true or a value)."""

    flags: tuple[str, ...]
    help: str
    metavar: str | None = None


@dataclass(frozen=True)
class Widget:
    """A filter's widget in the dashboard's sidebar (drawn by ``dashboard/filters.py``).

    ``kind`` is one of ``actors`` (a multiselect of the view's actors by id), ``multiselect``, ``select`` (its
    first choice, ``any_choice``, sets no filter), ``dates`` (one of the date fields side by side), ``text``,
    ``toggle`` and ``time`` (the time slider, drawn above the map rather than in the sidebar); ``key`` is its key in the session state; ``facet`` names the store's facet its choices come from
    (``Store.facets``).
    """

    kind: str
    key: str
    label: str
    help: str | None = None
    placeholder: str | None = None
    facet: str | None = None
    any_choice: str | None = None


@dataclass(frozen=True, kw_only=True)
class Filter(Param):
    """One filter of the view: a :class:`Param` with its words in :meth:`ViewState.describe`, its option and its
    widget. ``narrows``: setting it alone narrows the view (``affiliated`` only widens the actor filter and
    ``hypothetical`` adds events), which makes the view "filtered" and moves the map to the new view."""

    words: Callable[[State, Mapping[str, str]], str]
    option: Option
    widget: Widget
    narrows: bool = True


def _involving(state: State, names: Mapping[str, str]) -> str:
    return f" involving {or_list([names.get(a, a) for a in state.actors])}" if state.actors else ""


def _from(state: State, _names: Mapping[str, str]) -> str:
    if state.date_from and state.date_to:
        return f", {state.date_from} to {state.date_to}"
    return f", from {state.date_from}" if state.date_from else ""


def _to(state: State, _names: Mapping[str, str]) -> str:
    return f", until {state.date_to}" if state.date_to and not state.date_from else ""  # both: said by _from


def or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _matching(q: str) -> str:
    """", matching “police shot”": the words of ``q`` that the search uses. A link's ``q`` of 5,000 words was quoted
    whole in the caption, where at most :data:`geo.store.filters.MAX_WORDS` different words count.

    >>> _matching("war " * 40)
    ', matching \u201cwar\u201d (the rest of its 40 words is left out)'
    """
    from geo.store.filters import MAX_WORDS, search_words

    count = len(q.split())
    if count <= MAX_WORDS:
        return f", matching \u201c{q}\u201d"
    return f", matching \u201c{' '.join(search_words(q))}\u201d (the rest of its {count:,} words is left out)"


# In the order of the sidebar and of the view's sentence ("... involving Iran or affiliated actors of type
# Battles, from 2024-02-01, source Reuters"); links and options follow geo.views.state.PARAMS.
FILTERS: tuple[Filter, ...] = (
    Filter(key="actor", field="actors", repeatable=True, words=_involving,
           option=Option(("--actor",), "actor name, alias or id; repeatable", "A"),
           widget=Widget("actors", "f_actors", "Actors", placeholder="type to search actors",
                         help="Shows the places of the events these actors take part in and the places mentioned "
                              "in the same sentences.")),
    Filter(key="affiliated", field="include_affiliated", parse=flag, narrows=False,
           words=lambda s, _n: " or affiliated actors" if s.actors and s.include_affiliated else "",
           option=Option(("--affiliated",), "include actors affiliated to --actor"),
           widget=Widget("toggle", "f_affiliated", "Include affiliated actors",
                         help="Iran then includes the Quds Force and its commander.")),
    Filter(key="type", field="types", repeatable=True,
           words=lambda s, _n: f" of type {or_list(list(s.types))}" if s.types else "",
           option=Option(("--type",), "event type, e.g. Battles; repeatable", "T"),
           widget=Widget("multiselect", "f_types", "Event types", facet="types")),
    Filter(key="from", field="date_from", parse=date, words=_from,
           option=Option(("--from",), "events from this date", "YYYY-MM-DD"),
           widget=Widget("dates", "f_from", "From")),
    Filter(key="to", field="date_to", parse=date, words=_to,
           option=Option(("--to",), "events until this date", "YYYY-MM-DD"),
           widget=Widget("dates", "f_to", "To")),
    Filter(key="until", field="until", parse=date, words=lambda s, _n: f", up to {s.until}" if s.until else "",
           option=Option(("--until",), "what happened up to this date (the dashboard's time slider)",
                         "YYYY-MM-DD"),
           widget=Widget("time", "f_until", "Up to",
                         help="What happened up to this date; play moves it by the step chosen beside it.")),
    Filter(key="source", field="source", words=lambda s, _n: f", source {s.source}" if s.source else "",
           option=Option(("--source",), "article source, exactly as listed", "S"),
           widget=Widget("select", "f_source", "Source", facet="sources", any_choice="(any source)")),
    Filter(key="q", field="q", words=lambda s, _n: _matching(s.q) if s.q else "",
           option=Option(("-q",), "words in an article's title or text", "TEXT"),
           widget=Widget("text", "f_q", "Text", placeholder="words in the title or text")),
    Filter(key="hypothetical", field="show_hypothetical", parse=flag, narrows=False,
           words=lambda s, _n: ", hypothetical events included" if s.show_hypothetical else "",
           option=Option(("--hypothetical",), "include hypothetical events"),
           widget=Widget("toggle", "f_hypothetical", "Show hypothetical events", help='e.g. "could compel Iran"')),
)


def by_key(key: str) -> Filter:
    """The filter with this URL key (``KeyError`` for a parameter that is not a filter)."""
    return _BY_KEY[key]


_BY_KEY = {f.key: f for f in FILTERS}
