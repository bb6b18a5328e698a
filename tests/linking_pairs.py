"""Count the links across articles on tests/data/linking_pairs.json: short articles written for newsmap, in groups
that are separate stories (namesakes, initials of different bodies, one body spelled out and by its initials, a
minister named in full and then by surname, near spellings of two bodies), with the pairs of names that must or
must not be one actor.

Run ``python -m tests.linking_pairs [--db URL] [--details]`` from the repository root to print the figures in
docs/accuracy.md: every article is ingested, in the file's order, through the real pipeline (``newsmap ingest``'s)
into a fresh store (SQLite in a temporary folder, or the empty database ``--db`` names), and each pair is judged
from the store's export. tests/test_linking.py asserts the pairs the rule promises, on SQLite and PostgreSQL.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from geo.ingest.articles import read_bytes
from geo.ingest.pipeline import make_pipeline
from geo.settings import load_settings
from geo.store import Store

PAIRS = json.loads((Path(__file__).parent / "data" / "linking_pairs.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Judged:
    """One pair of names after an ingest: the actor ids found for each, and whether that is what the pair asks."""

    about: str
    first: str
    second: str
    link: bool
    promised: bool
    ids: tuple[str | None, str | None]

    @property
    def verdict(self) -> str:
        if None in self.ids:
            return "not found"
        linked = self.ids[0] == self.ids[1]
        if linked == self.link:
            return "linked, right" if linked else "apart, right"
        return "linked, wrong" if linked else "apart, wrong"


def ingest(store: Store) -> list[list[str]]:
    """Every article of the set, in order, in one ingest; the article ids by group."""
    ids, articles = [], []
    for g, group in enumerate(PAIRS["groups"]):
        ids.append([])
        for a, text in enumerate(group["articles"]):
            (article,) = read_bytes(text.encode(), f"group{g}-{a}.txt")
            articles.append(article)
            ids[-1].append(article.id)
    make_pipeline(load_settings(), store).ingest(articles)
    return ids


def judge(export: dict, ids: list[list[str]]) -> list[Judged]:
    """Each pair of the set, judged on a store's export."""
    by_mention = {(m["article_id"], m["text"]): a["id"] for a in export["actors"] for m in a["mentions"]}
    found = []
    for group, articles in zip(PAIRS["groups"], ids):
        for first, name, second, other, link, *promised in group["pairs"]:
            found.append(Judged(group["about"], name, other, link, promised[0] if promised else True,
                                (by_mention.get((articles[first], name)), by_mention.get((articles[second], other)))))
    return found


def run(url: str | None = None) -> list[Judged]:
    """Ingest the set into the store at ``url`` (a fresh SQLite store when None) and judge every pair."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(url or str(Path(tmp) / "pairs.sqlite"))
        try:
            ids = ingest(store)
            return judge(store.export(), ids)
        finally:
            store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an empty database to ingest into (default: a temporary SQLite store)")
    parser.add_argument("--details", action="store_true", help="print every pair with its verdict")
    args = parser.parse_args()
    judged = run(args.db)
    for j in judged if args.details else ():
        print(f"{j.verdict:14} {j.first!r} / {j.second!r} ({j.about}){'' if j.promised else ' [not promised]'}")
    counts = Counter(j.verdict for j in judged)
    must = [j for j in judged if j.link]
    print(f"pairs {len(judged)} (must link {len(must)}, must stay apart {len(judged) - len(must)}): "
          + ", ".join(f"{k} {counts[k]}" for k in ("linked, right", "apart, right", "linked, wrong", "apart, wrong",
                                                    "not found")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
