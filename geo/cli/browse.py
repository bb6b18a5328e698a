"""``newsmap articles``, ``show`` and ``actors``: what the store holds, as text."""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from geo.cli.common import add_settings, brief, open_store, settings_from, visible
from geo.store import Store


def add_articles(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("articles", help="list stored articles",
                       description="List stored articles, newest first: id, date, source, counts and title.")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N articles")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_articles)


def run_articles(args: argparse.Namespace) -> int:
    rows = open_store(settings_from(args), reading=True).articles(limit=args.limit)
    if not rows:
        print("no articles yet: add some with `newsmap ingest PATH`")
        return 0
    print(f"{'id':16}  {'published':10}  {'source':16}  {'mentions':>8}  {'events':>6}  title")
    for r in rows:
        date = r["published"].isoformat() if r["published"] else "-"
        source = visible((r["source"] or "-")[:16])
        print(f"{visible(r['id']):16}  {date:10}  {source:16}  {r['mentions']:>8}  {r['events']:>6}  "
              f"{brief(r['title'] or '')}")  # `newsmap show ID` prints it whole
    return 0


def add_show(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="show one article with what was found in it",
                       description="Show one stored article: its fields, text and the places and actors "
                                   "found in it. ARTICLE_ID may be a unique prefix of the id.")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_show)


def run_show(args: argparse.Namespace) -> int:
    store = open_store(settings_from(args), reading=True)
    article = store.article(args.article_id)
    if article is None:
        print(f"newsmap: error: no single article with id {args.article_id!r}; list them with `newsmap articles`",
              file=sys.stderr)
        return 1
    for key in ("id", "title", "source", "url", "published", "origin"):
        print(f"{key + ':':11}{visible(article[key]) if article[key] is not None else '-'}")
    print(f"\n{visible(article['text'], lines=True)}\n")
    for mn in store.mentions(article["id"]):
        target = visible(mn["place_id"] or mn["actor_id"] or "no match")
        print(f"{mn['start']:>6}-{mn['end']:<6} {mn['label']:9} {visible(repr(mn['text']))} -> {target}")
    return 0

def add_actors(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("actors", help="list actors with their kind and counts",
                       description="List every stored actor, most mentioned first: id, kind, number of mentions, "
                                   "articles and events, and the canonical name. Actor ids are stable slugs "
                                   "(e.g. esmail-qaani, israel-military; smith-2 for a second story's Smith) "
                                   "usable as dashboard filters; the id of an actor merged into another one "
                                   "still filters by it.")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_actors)


def run_actors(args: argparse.Namespace) -> int:
    return command_actors(open_store(settings_from(args), reading=True), sys.stdout)


def command_actors(store: Store, out: TextIO) -> int:
    """Print the actors table; an empty store says how to fill it."""
    rows = store.actor_counts()
    if not rows:
        print("no actors yet: add articles with `newsmap ingest PATH`", file=out)
        return 0
    # Ids whole: one cut at 32 characters printed a country's id for its government (ids are bounded slugs).
    width = max(32, *(len(visible(r["id"])) for r in rows))
    print(f"{'id':{width}}  {'kind':12}  {'mentions':>8}  {'articles':>8}  {'events':>6}  name", file=out)
    for r in rows:
        print(f"{visible(r['id']):{width}}  {visible(r['kind']):12}  {r['mentions']:>8}  {r['articles']:>8}  "
              f"{r['events']:>6}  {visible(r['name'])}", file=out)
    return 0
