"""Statements and their vehicles: when a statement noun or a verb of saying is only the way another statement is
told, not an act of its own. Pure functions of spaCy tokens, used by :mod:`geo.events.extraction`.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.clauses import subjects

__all__ = ["VEHICLE_VERBS", "business_voice", "business_statement", "diplomatic_protest", "media_voice", "occasion_of",
           "restates", "vehicle_of"]

#: Verbs of attribution whose "in" phrase or subject is the vehicle, not a second act ("said in a statement",
#: "the statement said", "according to a statement").
VEHICLE_VERBS = frozenset("say tell state report add confirm accord".split())


def vehicle_of(noun: Token) -> Token | None:
    """The attribution verb a statement noun is the vehicle of: its subject ("the statement said", "the statement
    went on to say": the verb of saying the subject's verb leads to), its "in" phrase ("said in a statement",
    also when the parser hangs the phrase on the speaker: "'...,' said the ministry in a statement"), or "according
    to a statement by the hospital"."""
    if noun.dep_ == "nsubj" and noun.head.pos_ in ("VERB", "AUX"):
        said = [c for c in noun.head.children if c.dep_ == "xcomp" and c.lemma_.lower() in VEHICLE_VERBS]
        return said[0] if said else noun.head
    if noun.dep_ != "pobj":
        return None
    prep, above = noun.head, noun.head.head
    if prep.lower_ == "to" and above.lower_ == "according":
        return above
    if prep.lower_ != "in":
        return None
    if above.pos_ == "VERB":
        return above
    if above.dep_ == "nsubj" and above.head.pos_ == "VERB":  # "said the USDA in a statement"
        return above.head
    return None


def restates(token: Token, statements: set[int], speech: frozenset[str] = frozenset()) -> bool:
    """A participle of saying that only goes on with a verb of saying ("the ministry condemned the attack, saying
    the violence would not go unpunished": one statement, told by its main verb; "the news agency reported ...,
    declaring that the outbreak was found in a farm": a medium's report, sourcing as "reported" is). After a party's
    "said" that is no statement ("the army said on Monday, warning that it would respond"), the warning stays."""
    if token.pos_ != "VERB" or token.tag_ != "VBG" or token.dep_ != "advcl":
        return False
    heads = [token.head] + ([token.head.head] if token.head.dep_ == "ccomp" else [])  # "reported X died, declaring"
    return any(h.i in statements or h.lemma_.lower() in speech and any(media_voice(t) for t in subjects(h))
               for h in heads)


#: Heads of a speaker phrase that make it a news medium: "the state-run Anadolu news agency reported".
MEDIA_HEADS = frozenset("newspaper newspapers broadcaster television channel website outlet daily tabloid radio "
                        "magazine".split())
#: Modifiers that make an agency or a service a news medium ("news agency", "press service", "wire service").
MEDIA_MODIFIERS = frozenset("news press wire".split())


def media_voice(speaker: Token) -> bool:
    """Whether a speaker phrase is a news medium by its head noun, whatever actor it names ("Turkey's
    state-run news agency reported", "the Anadolu news agency said"): sourcing, as "Reuters reported" is."""
    head = speaker.lemma_.lower()
    mods = {c.lower_ for c in speaker.children if c.dep_ in ("compound", "amod")}
    return head in MEDIA_HEADS or head in ("agency", "service") and bool(mods & MEDIA_MODIFIERS)


#: The legal designators that end a company's name (Wikipedia's "List of legal entity types by country": Inc.,
#: Corp., Co., Ltd., LLC, PLC, GmbH, AG ...) and the common nouns of a business speaking of itself ("the company
#: announced"): a business's announcement is commerce, not the act of a party ACLED or CAMEO codes.
BUSINESS_HEADS = frozenset("""
inc incorporated corp corporation co company companies ltd limited llc plc gmbh ag partnership holdings firm
retailer manufacturer automaker carmaker insurer
""".split())


def business_voice(speaker: Token) -> bool:
    """Whether a speaker phrase is a business by its head ("The Dow Chemical Co. announced", "Herbst Gambling Inc.",
    "the company also announced"); "the central bank" and "the state oil company" of a government are not caught
    by a head alone, so a modifier "state" or "central" keeps them parties."""
    if speaker.lower_.rstrip(".") not in BUSINESS_HEADS:
        return False
    return not any(c.lower_ in ("state", "state-owned", "state-run", "central", "national") for c in speaker.children)


def business_statement(token: Token) -> bool:
    """A statement that is a business's own: a verb whose every subject is a business ("the company announced
    plans to close 379 stores"), or the safe-harbour "forward-looking statements" of a press release, which state
    the risks of a forecast and are no act of speaking."""
    if token.pos_ == "NOUN":
        return any(c.lower_ in ("forward", "forward-looking", "looking") for c in token.children
                   if c.dep_ in ("amod", "compound", "advmod"))
    said_by = subjects(token)
    return bool(said_by) and all(business_voice(t) for t in said_by)


#: Verbs that make a protest a diplomatic note: "lodged a formal protest", "summoned the ambassador to protest".
LODGING = frozenset("lodge file register deliver send issue summon".split())
#: Adjectives of a protest made by a government to another (a note or a summons, not a crowd).
NOTE_WORDS = frozenset("formal diplomatic official".split())
#: Speakers whose protest is a diplomatic one: a government's foreign service.
DIPLOMATS = frozenset("ministry embassy ambassador envoy consulate government".split())


def diplomatic_protest(token: Token) -> bool:
    """A protest one government makes to another (CAMEO 11 Disapprove, a statement) rather than a crowd's: "China
    lodged a formal protest with Japan", "the foreign ministry summoned the ambassador to protest against the
    seizure", "the embassy protested the arrest". A crowd's protest has no such verb, adjective or speaker."""
    if token.lemma_.lower() != "protest":
        return False
    if token.pos_ == "NOUN":
        return token.head.lemma_.lower() in LODGING and token.dep_ == "dobj" \
            or any(c.dep_ == "amod" and c.lower_ in NOTE_WORDS for c in token.children)
    verbs = [token] + ([token.head] if token.dep_ in ("xcomp", "advcl") else [])
    return any(v.lemma_.lower() == "summon" for v in verbs) \
        or any(t.lemma_.lower() in DIPLOMATS for v in verbs for t in subjects(v))


#: Verbs of speaking, whose "in a speech" or "in a statement" is the occasion they were said on.
SPEAKING = VEHICLE_VERBS | frozenset("""
announce declare pledge vow promise condemn claim warn threaten accuse deny insist reply stress acknowledge call urge
appeal demand
""".split())


def occasion_of(noun: Token) -> Token | None:
    """The verb of speaking whose "in/during" phrase a statement noun is ("in a televised speech, the president
    called on the army ..."): its subject gave the speech. A verb of another act is no speaker's ("in a statement
    released on Saturday" that the parser hangs on a headline's "is hacking")."""
    verb = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during") or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in SPEAKING:
        return None
    return verb
