"""Text with its places, actors and event triggers highlighted, as escaped HTML.

The spans come from the store (offsets into the article's analysed text). Overlapping spans keep the
earliest, longest one. Every piece of article text is escaped; the only markup is ours.

>>> highlight_html("Hezbollah in Beirut", [Span(13, 19, "place", "gn:276781")])
'Hezbollah in <mark class="nm-place" title="place">Beirut</mark>'
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape as _html_escape
from typing import Any

from geo.names import visible

COLOURS = {"place": "#cfe3ff", "actor": "#ffe0b3", "trigger": "#ffc9c9", "here": "#fff176"}
CSS = "".join(f".nm-{kind}{{background:{colour};padding:0 2px;border-radius:3px}}"
              for kind, colour in COLOURS.items())


_MARKDOWN = {c: f"&#{ord(c)};" for c in "`\\*_[]()#+-!|~$"}
# Where GitHub-flavoured Markdown would make a link of a bare URL, "www." or an e-mail address in the text (after
# the entities above are read, so the link took in "&#41" of a closing bracket), an invisible word joiner
# (U+2060) stops it: the words show as written and stay text.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)


def escape(text: str, *, body: bool = False) -> str:
    """HTML-escape ``text`` and neutralise Markdown, for HTML that Streamlit's markdown renders: the words
    show as written, with no link, image or formatting in them, and control characters and bidirectional
    overrides written as escapes (``\\u202e``), as the command line writes them: a link's ``source`` turned the
    caption's words after it around, "a\\u202egnp.exe" read "aexe.png". ``body``: an article's own text, which
    keeps right-to-left embeddings (``geo.names.visible``)."""
    text = visible(text, lines=True, body=body)
    return "".join(_MARKDOWN.get(c) or _html_escape(c) for c in _AUTOLINK.sub("\u2060", text))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "place", "actor", "trigger" or "here" (the place a panel is about)
    target: str | None = None  # place or actor id, event type
    label: str | None = None  # shown on hover


def non_overlapping(spans: Iterable[Span]) -> list[Span]:
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.end > s.start and (not kept or s.start >= kept[-1].end):
            kept.append(s)
    return kept


def highlight_html(text: str, spans: Iterable[Span], link: Callable[[Span], str | None] = lambda s: None,
                   offset: int = 0) -> str:
    """``text`` (starting at ``offset`` of the article) as HTML with ``<mark>`` around each span;
    ``link(span)`` may give a URL that the mark links to."""
    out, pos = [], 0
    for s in non_overlapping(spans):
        start, end = s.start - offset, s.end - offset
        if start < pos or end > len(text):
            continue
        out.append(escape(text[pos:start], body=True))
        mark = (f'<mark class="nm-{s.kind}" title="{_html_escape(s.label or s.kind)}">'
                f"{escape(text[start:end], body=True)}</mark>")
        url = link(s)
        out.append(f'<a href="{_html_escape(url)}" target="_self">{mark}</a>' if url else mark)
        pos = end
    out.append(escape(text[pos:], body=True))
    return "".join(out)


def article_spans(mentions: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]],
                  names: Mapping[str, str]) -> list[Span]:
    """Spans of an article's place and actor mentions (from ``Store.mentions``) and event triggers."""
    spans = [Span(mn["start"], mn["end"], "place" if mn["place_id"] else "actor",
                  mn["place_id"] or mn["actor_id"], names.get(mn["place_id"] or mn["actor_id"] or "", None))
             for mn in mentions if mn.get("place_id") or mn.get("actor_id")]
    spans += [Span(e["trigger"]["start"], e["trigger"]["end"], "trigger", e["type"],
                   f"{e['type']}" + (" (hypothetical)" if e.get("hypothetical") else "")) for e in events]
    return spans
