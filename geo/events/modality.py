"""Readings that put an event in the future or leave it undone, beyond modals and words of intention
(:func:`geo.events.clauses.is_hypothetical` asks them on its way from the trigger up to the clause root).

English marks an arranged or expected act with a few constructions that carry no modal: "the summit is to be held",
"talks are set to begin", "the minister is due to visit", "militants are going to attack", "ministers are expected
to agree", "police hope to arrest"; and it leaves an act undone with "too early to declare", "stopped short of
declaring". A consequence of a condition ("if you cook meat well, it kills the virus") holds only when the condition
does (the trigger's own clause; "even if" concedes and asserts, "as if" compares). The words are the usual
complements of these constructions in English grammars and learners' dictionaries (the "be to" and "be going to"
futures, "be due/set/scheduled/expected to", "too + adjective + to-infinitive", "short of"), not corpus phrases; an
act put off ("the talks were postponed", "called off the strike") has not taken place.
Pure functions of spaCy tokens.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["SETTINGS", "concessive", "conditional", "denied", "past_background", "perceived", "setting", "unrealised"]

#: Heads of a to-infinitive of arrangement or expectation: "is set to meet", "is due to visit", "are expected to
#: agree", "hope to arrest", "the talks, scheduled to begin on Monday".
ARRANGED = frozenset("set due scheduled slated expected poised hope hoping hoped expect expects".split())
#: Marks of a clause of time or reason: "would halt exports after rebels attacked a pipeline".
BACKGROUND_MARKS = frozenset("after since because as when following".split())
#: Verbs that put an arranged act off: "security talks were postponed", "organisers cancelled the march".
PUT_OFF = frozenset("postpone cancel delay defer reschedule".split())
#: Verbs that say a reported act did not happen: "denied that its soldiers had fired", "refuted claims that".
DENIALS = frozenset({"deny", "refute"})
#: Marks of a condition on a clause: "if", "unless".
CONDITIONS = frozenset({"if", "unless"})


def _infinitive(node: Token) -> bool:
    """A verb with its infinitive "to": "to be held", "to visit"."""
    return node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to"
                                                for c in node.children)


def unrealised(node: Token, below: Token | None) -> bool:
    """Whether ``node``, reached from ``below`` on the way up from a trigger, leaves the act below it undone or
    only arranged: "is to be held" (a form of "be" whose complement is a to-infinitive), "is set/due/expected to",
    "is going to", "too early to declare" (an infinitive under an adjective graded by "too"), "stopped short of
    declaring", and an act put off: "the talks were postponed", "organisers cancelled the march", "called off the
    strike"."""
    if below is None:
        return False
    arranging = node.lemma_.lower() == "be" or node.lower_ in ARRANGED or node.lemma_.lower() in ARRANGED
    if arranging and below.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "xcomp" and _infinitive(c)
                                                                 for c in node.children):
        return True  # "the summit is to be held": the subject of the arrangement
    if below.dep_ == "xcomp" and _infinitive(below) and (arranging or _going(node)):
        return True  # "the rebels are to attend", "talks are set to begin", "police hope to arrest", "are going
        # to attack"
    if below.dep_ in ("xcomp", "acomp", "ccomp") and _infinitive(below) and node.pos_ == "ADJ" \
            and any(c.dep_ == "advmod" and c.lower_ == "too" for c in node.children):
        return True  # "too early to declare a pandemic"
    if node.lower_ == "of" and node.head.lower_ == "short":
        return True  # "stopped short of declaring an emergency", "fell short of an agreement"
    return below.dep_ in ("nsubjpass", "dobj") and (node.lemma_.lower() in PUT_OFF or node.lemma_.lower() == "call"
                                                    and any(c.dep_ == "prt" and c.lower_ == "off"
                                                            for c in node.children))


def denied(node: Token, below: Token | None) -> bool:
    """Whether ``node``, reached from ``below``, denies the clause below it: "the army denied that its soldiers
    had fired on protesters" asserts nothing about the firing but the denial. Only the that-clause is denied: the
    bombing of "denied responsibility for the bombing" happened."""
    return below is not None and below.dep_ == "ccomp" and node.lemma_.lower() in DENIALS


def _going(node: Token) -> bool:
    """The "going to" future: a progressive "go" with its "be" ("militants are going to attack"), not "went to"."""
    return node.lemma_.lower() == "go" and node.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be"
                                                                     for c in node.children)


def conditional(node: Token) -> bool:
    """A clause with an "if/unless" clause of its own holds only when the condition does: "if you cook meat
    well, it kills the virus", "unless talks resume, the rebels will attack"."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS and not concessive(g)
                                         for g in c.children) for c in node.children)


def concessive(mark: Token) -> bool:
    """"Even if" concedes a condition and asserts the clause all the same: "they fought on, even if it cost them";
    "as if" compares ("they began to strike as if there were no ceasefire")."""
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    return any(c.lower_ in ("even", "as") for c in mark.children) or (
        before is not None and before.lower_ in ("even", "as"))


#: Verbs of perception that "could" makes a report of what was perceived: "gunfire could be heard across the city".
PERCEPTION = frozenset("hear see feel".split())


def perceived(node: Token) -> bool:
    """"Explosions could be heard across Kyiv": a past "could" of perception says the blasts were heard, not that
    they might happen."""
    return node.lemma_.lower() in PERCEPTION and any(c.dep_ == "auxpass" for c in node.children) and any(
        c.dep_ == "aux" and c.lower_ == "could" for c in node.children)


def past_background(node: Token) -> bool:
    """A past act in a clause of time or reason keeps its own modality, whatever the clause it explains: "the
    company said it would halt exports after rebels attacked a pipeline" (the attack happened; only the halt is to
    come), as "since the October attacks" does for a noun; so does a relative clause describing a participant
    ("vowed to hunt down the gunmen, who killed 12 people"). The clause's verb must be past ("attacked", "had
    attacked"); "will retaliate after rebels attack" stays under the modal."""
    describing = node.dep_ == "relcl"  # "vowed to hunt down the gunmen, who killed 12 people": what they did
    explaining = node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS
                                              for c in node.children)
    if not (describing or explaining):
        return False
    return node.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "was", "were")
                                     for c in node.children)


def setting(node: Token, below: Token) -> bool:
    """An "in/during" phrase of a verb of intention tells where the act of calling or vowing took place, which is
    no part of what it intends: "in a televised speech, the president called on the army to ...": the speech was
    given. What is called for stays hypothetical ("called for talks in Geneva": the talks are under "for")."""
    return node.pos_ == "VERB" and below.dep_ == "prep" and below.lower_ in ("in", "during") \
        and any(c.dep_ == "pobj" and c.lemma_.lower() in SETTINGS for c in below.children)


#: Occasions of speaking: a statement made in one is made there.
SETTINGS = frozenset("speech address statement interview broadcast sermon message remarks briefing".split())
