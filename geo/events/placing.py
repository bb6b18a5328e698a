"""Which of a sentence's places are an event's, read off the parse: the role a preposition gives a place, whether a
verb governing a noun trigger performs it, and whether a place lies in another participant's clause.

Pure functions of spaCy tokens, used by :class:`geo.events.context.ArticleContext`.
"""
from __future__ import annotations

from collections.abc import Container, Mapping

from spacy.tokens import Token

from geo.events.clauses import CLAUSE_DEPS, LIGHT_VERBS, TARGET_PREPS, place_tops
from geo.events.suffering import answered_elsewhere, undergone

__all__ = ["LOCATION_PREPS", "ORIGIN_PREPS", "SCENE_VERBS", "about", "attackers", "belonging", "describes_another",
           "directed", "doers_origin", "elsewhere", "locates_another", "performs", "prep_role", "scene_first",
           "spoken_of", "subject_places"]

LOCATION_PREPS = frozenset("in near inside outside across along throughout around over within at on".split())
ORIGIN_PREPS = frozenset({"from"})
SCENE_VERBS = frozenset("be happen occur take break come".split())
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Subjects that carry on with the sentence's participants rather than bring in someone else.
CARRIED = frozenset("he she it they we i".split())
#: Light verbs of an answer: they perform the noun they take "with" ("retaliated with air strikes"); the noun they
#: take "to" or "for" is what they answer ("responded to the bombing"), done by someone else, somewhere else.
ANSWERS = frozenset("respond retaliate".split())
ANSWERED_WITH = frozenset("with by".split())
#: Families of talk, and the prepositions of what talk is about (FrameNet's Topic: "talks on", "a row over").
TALK_FAMILIES = frozenset({"meeting", "statement"})
TOPIC_PREPS = frozenset("on over about".split())
#: Nouns whose "of" phrase says where a person comes from: "a citizen of Tajikistan", "a native of Eritrea".
BELONGING = frozenset("citizen citizens national nationals native natives".split())


def performs(verb: Token, trigger: Token) -> bool:
    """Whether the verb governing a noun trigger performs it ("held talks", "launched an attack", "the explosion
    was at the station", "retaliated with air strikes"), so that places in its subject are the event's, rather
    than speaking of it ("claimed a bombing", "condemned the attack", "the US envoy responded to the bombing"),
    whose subject is only a participant described."""
    lemma = verb.lemma_.lower()
    if lemma in ANSWERS:
        return trigger.dep_ == "pobj" and trigger.head.lower_ in ANSWERED_WITH
    return lemma in LIGHT_VERBS or lemma in SCENE_VERBS


def spoken_of(place: Token, trigger: Token) -> bool:
    """Whether a place lies in the subject of a verb that governs a noun trigger but does not perform it: the
    speaker's or responder's description ("U.S. Secretary of State Marco Rubio responded to the bombing"), never
    the event's place, not even as the sentence's nearest; nor is the rest of the clause of a verb that answers it
    ("retaliated for the rocket attack by striking a post in Gaza City": ``suffering.answered_elsewhere``)."""
    return answered_elsewhere(place, trigger) or any(top.i != trigger.i and not performs(top, trigger) and any(
        place.i in (t.i for t in c.subtree) for c in top.children if c.dep_ in SUBJECTS) for top in place_tops(trigger))


def directed(top: Token) -> bool:
    """Whether "at/on" after ``top`` names a target: not after "be", "happen", "occur" ("the explosion
    was at the station" is where, not whom)."""
    return top.lemma_.lower() not in SCENE_VERBS


def doers_origin(head: Token) -> list[Token]:
    """The tokens of the "from" phrases that say where a doer acts from: its own ("militants from Gaza") and those
    of the verb it is the subject or "by" agent of ("Militants fired rockets from Gaza", "fired by militants from
    Gaza")."""
    verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else head.head
    holders = [head, verb] if head.dep_ in ("nsubj", "pobj") and verb.pos_ in ("VERB", "AUX") else [head]
    return [t for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS
            for t in c.subtree]


def locates_another(place: Token, place_at: Container[int]) -> bool:
    """Whether a place only says where another one is: it modifies a noun whose "of" phrase names that place ("the
    Paris suburb of Nanterre", "the Damascus suburb of Douma"): the riot was in Nanterre, not in Paris."""
    head = place.head
    return place.dep_ == "compound" and head.i != place.i and any(
        g.i in place_at for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj")


def belonging(place: Token, place_at: Mapping[int, object]) -> bool:
    """Whether a place (any word of its name) says where a person comes from: "a citizen of Tajikistan pleaded not
    guilty to charges over the attack" (in Stockholm, where the article is), "two nationals of New Zealand were
    detained in Bali" (in Bali only)."""
    name = place_at.get(place.i)
    while place.head.i != place.i and name is not None and place_at.get(place.head.i) is name:
        place = place.head  # "New" of "New Zealand": the name's root word
    return place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.lower_ in BELONGING


def describes_another(place: Token, place_at: Mapping[int, object]) -> bool:
    """Whether a place only says where another place is (:func:`locates_another`) or where a participant comes
    from (:func:`belonging`), not where the event was."""
    return locates_another(place, place_at) or belonging(place, place_at)


def prep_role(prep: str, family: str, *, on_top: bool = False) -> str | None:
    """The role a preposition gives a place of an event of ``family``; a talk's or a statement's "on", "over" or
    "about" on the top of its phrase (``on_top``: the trigger or its verb) names what it is about ("talks on
    Syria", "the talks focused on Ukraine"), not where it was ("met at a cafe on Baker Street" is on the street)."""
    if on_top and family in TALK_FAMILIES and prep in TOPIC_PREPS:
        return None
    if prep in ORIGIN_PREPS:
        return "origin"
    if family == "violence" and prep in TARGET_PREPS:
        return "target"
    if prep in LOCATION_PREPS:
        return "location"
    return None


def about(place: Token, trigger: Token, family: str | None) -> bool:
    """Whether a place is what a talk or a statement is about: the phrase it lies in hangs on the trigger or a verb
    above it by a preposition of topic (:func:`prep_role`): "the talks focused on Ukraine" took place elsewhere."""
    if family not in TALK_FAMILIES:
        return False
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    node = place
    while node.head.i not in above and node.head.i != node.i:
        node = node.head
    return node.dep_ == "prep" and node.lower_ in TOPIC_PREPS


def elsewhere(place: Token, trigger: Token) -> bool:
    """Whether a place lies in a clause of its own that tells about someone else: a clause below the trigger's
    and the place's meeting point in the parse, with a subject of its own ("The State Department condemned the
    attack, saying ..., while the president was on holiday in Florida": the president's holiday, not the
    condemnation, is in Florida; "police arrested two men after a bomb exploded in Kabul": where the bomb went off).
    A clause without a subject of its own shares the trigger's doer ("troops stormed the town, killing five in
    Kirkuk") and stays. The same holds the other way: a trigger in a clause with its own subject does not take a
    place of the clause it depends on ("the White House condemned the attack, ... Obama was briefed while on
    vacation in Hawaii", run together so that the condemnation is the complement of "briefed")."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    node = place
    while node.i not in above and node.head.i != node.i:
        if own_clause(node):
            return True
        node = node.head
    meeting = node  # the trigger's side, up to the meeting point: "the White House condemned ..." said inside
    node = trigger  # a clause whose place is the main verb's ("..., Obama was briefed while on vacation in Hawaii")
    while node.i != meeting.i and node.head.i != node.i:
        if own_clause(node):
            return True
        node = node.head
    return False


def own_clause(node: Token) -> bool:
    """Whether a token heads a subordinate or coordinate clause with a subject of its own that names someone else:
    a personal pronoun carries on with the sentence's participants ("attacked the officer as she worked in the store
    on Alps Road": the attack's scene), a noun does not ("while the president was on holiday in Florida")."""
    return node.dep_ in CLAUSE_DEPS | {"conj"} and node.pos_ in ("VERB", "AUX") \
        and any(c.dep_ in SUBJECTS and c.lower_ not in CARRIED for c in node.children)


def scene_first(roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Places of the subject phrase stand for the event's place only when the clause names none of its own: "the
    foreign ministers of India and Pakistan met in New York" met in New York, not in India; "the explosion at the
    station" has no other and keeps its subject's place. An attacker named by its country (``doer``: "Israel
    launched air strikes on Gaza") is not where its fire lands: left out here, it is where the fire came from only
    when nothing else places the event (:func:`attackers`)."""
    scene = any(r == "location" for r, _ in roles)
    return [("location" if r == "subject" else r, p) for r, p in roles
            if not (r == "subject" and scene or r == "doer")]


def subject_places(roles: list[tuple[str, str]], trigger: Token) -> list[tuple[str, str]]:
    """The places of a violent act's subject: where the fire came from ("militants in southern Lebanon fired"),
    unless the subject came under the act (``geo.events.suffering``): then it is where the fire landed, and a
    place of the subject's phrase is the act's place ("a border post near Kiryat Shmona came under gunfire")."""
    if undergone(trigger) is not None:
        return roles
    return [("origin" if r == "subject" else r, p) for r, p in roles]


def attackers(roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The countries of attackers named by their country, as origins: the last resort of an attack's place, after
    the sentence's nearest place and the article's scene. "Russia stepped up its shelling overnight" in a report
    from Kherson is shelling at Kherson, not in Russia; "..., with Thailand stepping up its air strikes" after
    clashes along the Thai-Cambodian border is at the border."""
    return [("origin", p) for r, p in roles if r == "doer"]
