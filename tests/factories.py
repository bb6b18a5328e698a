"""Realistic stored analyses for the dashboard's tests, modelled on the seed articles.

Three articles: a meeting in Beirut and rockets from southern Lebanon (Quds Force, Hezbollah), strikes
and a clash in Gaza (Israel, Hamas), and one whose title and text carry a script payload. Offsets are
computed from the text so every mention is exact.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
import json

from geo.records import Actor, ActorMention, Analysis, Article, Event, Mention, Place, PlaceMention
from geo.store import Store

# A coarse outline, not a box: the map draws no box as a country's shape (geo.render.outlines.bounding_box).
OUTLINE_IL = json.dumps({"type": "Polygon", "coordinates": [[[34.2, 31.3], [34.9, 29.5], [35.9, 29.5], [35.9, 33.3],
                                                              [34.2, 33.3], [34.2, 31.3]]]})
PLACES = {
    "Beirut": Place("gn:276781", "Beirut", "city", 33.8938, 35.5018, "LB", 276781),
    "southern Lebanon": Place("dir:south:LB", "southern Lebanon", "region", 33.27, 35.37, "LB"),
    "Israel": Place("country:IL", "Israel", "country", 31.5, 34.75, "IL", geometry=OUTLINE_IL),
    "Gaza": Place("region:gaza-strip", "Gaza", "region", 31.42, 34.36, "PS"),
    "Khan Younis": Place("gn:281124", "Khan Younis", "city", 31.3402, 34.3063, "PS", 281124),
}
ACTORS = {
    "iran": Actor("iran", "Iran", "state"),
    "quds-force": Actor("quds-force", "Quds Force", "military", ("IRGC Quds Force",), ("iran",)),
    "esmail-qaani": Actor("esmail-qaani", "Esmail Qaani", "person", ("Ismail Qaani", "Qaani"), ("quds-force",)),
    "hezbollah": Actor("hezbollah", "Hezbollah", "armed_group", ("Hizbullah",)),
    "israel": Actor("israel", "Israel", "state", ("Israeli forces",)),
    "hamas": Actor("hamas", "Hamas", "armed_group"),
}
PAYLOAD = "<script>alert('x')</script> \"quoted\" `tick` back\\slash </div>"


def _span(text: str, word: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word, label)


def _sentence(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.index(".", i) + 1
    return start, end


def _event(article: Article, n: int, trigger: str, type_: str, actors: tuple, places: tuple,
           date: str | None, hypothetical: bool = False) -> Event:
    start, end = _sentence(article.text, trigger)
    return Event(id=f"{article.id}:{n}", article_id=article.id, type=type_, subtype=None,
                 trigger=_span(article.text, trigger, "TRIGGER"), sentence=article.text[start:end],
                 start=start, end=end, date=date, date_precision="day" if date and len(date) == 10 else "month",
                 hypothetical=hypothetical, actor_roles=actors, place_roles=places)


def _analysis(aid: str, title: str, source: str, published: dt.date, text: str, places: list[str],
              actors: list[tuple[str, str]], events: list[tuple]) -> Analysis:
    art = Article(id=aid, text=text, title=title, source=source, published=published, origin=f"{aid}.txt",
                  raw=text.encode())
    pms = tuple(PlaceMention(_span(text, name, "GPE"), PLACES[name], 0.9) for name in places)
    ams = tuple(ActorMention(actor_id, _span(text, word, "ORG")) for actor_id, word in actors)
    used = {a for a, _ in actors} | {a for e in events for _, a in e[2]}
    while parents := {p for a in used for p in ACTORS[a].affiliations} - used:
        used |= parents
    evs = tuple(_event(art, i, *e) for i, e in enumerate(events))
    return Analysis(article=art, places=pms, actors=tuple(ACTORS[a] for a in sorted(used)),
                    actor_mentions=ams, events=evs)


def analyses() -> list[Analysis]:
    beirut = ("Esmail Qaani met Hezbollah leaders in Beirut last week. "
              "Militants in southern Lebanon fired rockets at Israel. Observers in Israel were worried.")
    gaza = ("Israeli jets struck Gaza on Friday. Hamas fighters clashed with Israeli forces in Khan Younis. "
            "Residents of Beirut watched.")
    payload = (f"A reader wrote {PAYLOAD} about Beirut. Iran could attack Israel, Hezbollah warned.")
    return [
        _analysis("a1" + "0" * 14, "Qaani meets Hezbollah in Beirut", "Shafaq News", dt.date(2024, 2, 20), beirut,
                  ["Beirut", "southern Lebanon", "Israel"], [("esmail-qaani", "Esmail Qaani"),
                                                             ("hezbollah", "Hezbollah")],
                  [("met", "Meeting/Consultation", (("initiator", "esmail-qaani"), ("target", "hezbollah")),
                    (("location", "gn:276781"),), "2024-02-14"),
                   ("fired", "Explosions/Remote violence", (("initiator", "hezbollah"), ("target", "israel")),
                    (("origin", "dir:south:LB"), ("target", "country:IL")), "2024-02-20")]),
        _analysis("b2" + "0" * 14, "Strikes on Gaza", "Wire", dt.date(2024, 3, 15), gaza,
                  ["Gaza", "Khan Younis", "Beirut"], [("hamas", "Hamas"), ("israel", "Israeli forces")],
                  [("struck", "Explosions/Remote violence", (("initiator", "israel"),),
                    (("location", "region:gaza-strip"),), "2024-03-15"),
                   ("clashed", "Battles", (("initiator", "hamas"), ("target", "israel")),
                    (("location", "gn:281124"),), "2024-03")]),
        _analysis("c3" + "0" * 14, PAYLOAD, "Shafaq News", dt.date(2024, 3, 1), payload,
                  ["Beirut", "Israel"], [("iran", "Iran"), ("hezbollah", "Hezbollah")],
                  [("attack", "Explosions/Remote violence", (("initiator", "iran"), ("target", "israel")),
                    (("target", "country:IL"),), None, True)]),
    ]


def fill(store: Store) -> Store:
    for a in analyses():
        store.write(a)
    return store


# -- sharing: one more article for immutability tests, and one made of hostile strings -------------

def later_analysis() -> Analysis:
    """An article ingested after a snapshot: a new Hezbollah event in Khan Younis."""
    text = "Hezbollah fighters clashed with Israeli forces in Khan Younis on Sunday."
    return _analysis("d4" + "0" * 14, "Hezbollah in Khan Younis", "Wire", dt.date(2024, 3, 10), text,
                     ["Khan Younis"], [("hezbollah", "Hezbollah"), ("israel", "Israeli forces")],
                     [("clashed", "Battles", (("initiator", "hezbollah"), ("target", "israel")),
                       (("location", "gn:281124"),), "2024-03-10")])


def undated_analysis(article_id: str = "e5" + "0" * 14) -> Analysis:
    """An article with no publication date and an event with none: much news comes so (a text pasted in)."""
    text = "Crowds marched through Beirut demanding bread and work."
    return _analysis(article_id, "Marching for bread", "Wire", None, text, ["Beirut"], [],
                     [("marched", "Protests", (), (("location", "gn:276781"),), None)])


def background_analysis() -> Analysis:
    """An article of the desk's months that recalls a clash decades before: one date far from the others."""
    text = "Fighters clashed near Beirut in May 1948, the archive shows."
    return _analysis("b7" + "0" * 14, "From the archive", "Wire", dt.date(2024, 3, 1), text, ["Beirut"], [],
                     [("clashed", "Battles", (), (("location", "gn:276781"),), "1948-05")])


def context_analysis() -> Analysis:
    """Events whose sentence names no place, placed at the article's main place (role "context"): one next
    to an event the sentence places in Gaza, one alone in Khan Younis."""
    text = ("Hamas fighters clashed with Israeli forces in Gaza on Monday. The shelling went on for hours. "
            "Residents of Khan Younis stayed indoors. The bombing destroyed a school.")
    return _analysis("f6" + "0" * 14, "Gaza and Khan Younis", "Wire", dt.date(2024, 3, 18), text,
                     ["Gaza", "Khan Younis"], [("hamas", "Hamas"), ("israel", "Israeli forces")],
                     [("clashed", "Battles", (("initiator", "hamas"), ("target", "israel")),
                       (("location", "region:gaza-strip"),), "2024-03-18"),
                      ("shelling", "Explosions/Remote violence", (), (("context", "region:gaza-strip"),),
                       "2024-03-18"),
                      ("bombing", "Explosions/Remote violence", (), (("context", "gn:281124"),), "2024-03-18")])


# Jinja syntax too: branca turns rendered scripts into templates, which once evaluated {{ 7*7 }} in a title.
JINJA = "{{ 7*7 }} {% raw %} {% for x in y %} {# c"
HOSTILE = "<script>alert(1)</script> \"'`\\ </script><img src=x onerror=alert(1)> " + JINJA
HOSTILE_TITLE = '=HYPERLINK("http://x") ' + HOSTILE
HOSTILE_PLACE = Place("gn:hostile", "</script><img src=x onerror=alert(1)> Town {{ 6*7 }}", "city", 10.5, -66.9,
                      "VE", 1)
HOSTILE_ACTOR = Actor("hostile-front", '<script>alert(1)</script> "Front" =cmd|x {% raw %}', "armed_group")


def hostile_analysis() -> Analysis:
    """Article, source, sentence, place and actor names made of script tags, quotes and a formula."""
    sentence = f"{HOSTILE_ACTOR.name} attacked {HOSTILE_PLACE.name} after {HOSTILE}."
    text = f"{sentence}\nSecond line."
    art = Article(id="e5" + "0" * 14, text=text, title=HOSTILE_TITLE, source='=cmd|"/c calc"!A1 ' + HOSTILE,
                  published=dt.date(2024, 3, 2), origin="hostile.txt", raw=text.encode())
    place_mention = PlaceMention(_span(text, HOSTILE_PLACE.name, "GPE"), HOSTILE_PLACE, 0.9)
    actor_mention = ActorMention(HOSTILE_ACTOR.id, _span(text, HOSTILE_ACTOR.name, "ORG"))
    event = Event(id=f"{art.id}:0", article_id=art.id, type="Battles", subtype=None,
                  trigger=_span(text, "attacked", "TRIGGER"), sentence=sentence, start=0, end=len(sentence),
                  date="2024-03-02", date_precision="day", actor_roles=(("initiator", HOSTILE_ACTOR.id),),
                  place_roles=(("location", HOSTILE_PLACE.id),))
    return Analysis(article=art, places=(place_mention,), actors=(HOSTILE_ACTOR,), actor_mentions=(actor_mention,),
                    events=(event,))


def reported_twice_analysis() -> Analysis:
    """One clash told in two sentences ("The fighting lasted hours" refers back to it) and its article's date."""
    text = "Hamas fighters clashed with Israeli forces in Khan Younis on Sunday. The fighting lasted hours."
    found = _analysis("g7" + "0" * 14, "Clash in Khan Younis", "Wire", dt.date(2024, 3, 11), text,
                      ["Khan Younis"], [("hamas", "Hamas"), ("israel", "Israeli forces")],
                      [("clashed", "Battles", (("initiator", "hamas"), ("target", "israel")),
                        (("location", "gn:281124"),), "2024-03-10"),
                       ("fighting", "Battles", (), (("context", "gn:281124"),), "2024-03-10")])
    first, second = found.events
    return Analysis(article=found.article, places=found.places, actors=found.actors,
                    actor_mentions=found.actor_mentions,
                    events=(replace(first, occurrence=first.id), replace(second, occurrence=first.id)))
