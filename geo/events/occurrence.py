"""Whether a trigger word reports an occurrence: something that happened or is happening, not a denied act ("no
attack took place"), nor the name of a kind of act ("charges of murder"), nor a verb of saying that only frames a
quotation ("'I saw him,' declared the owner"). Pure functions of spaCy tokens, used by
:mod:`geo.events.extraction` before an event is made of a trigger.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.clauses import governor, subjects

def negated(token: Token) -> bool:
    """Whether the occurrence itself is denied: "did not attack", "no attack took place", "held no talks"
    (not a negation higher up, "denied that troops attacked", which :func:`is_hypothetical` marks)."""
    def denies(node: Token) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children)

    if denies(token):
        return True
    if token.pos_ in ("VERB", "AUX"):  # "no group has claimed responsibility", "nobody was arrested"
        return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or denies(c))
                   for c in token.children)
    light = governor(token)
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in ("take", "happen", "occur"):
        light = token.head  # "the attack did not take place"
    return light is not None and token.dep_ != "pobj" and denies(light)


#: Heads of "of" phrases that name a kind of act, not an occurrence: "charges of murder", "acts of terrorism".
CATEGORY_HEADS = frozenset("""
charge charges count counts accusation accusations allegation allegations conviction convictions crime crimes act acts
offence offences offense offenses law laws threat threats fear fears risk risks kind kinds type types form forms
""".split())


def kind_reading(token: Token) -> bool:
    """A noun trigger that names a kind of act, not an occurrence: bare (no determiner, possessor, number or
    modifier) and no participant, under a noun of category ("charges of murder", "convicted of assault", "a law
    against incitement"), or an adjective's complement ("guilty of murder")."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    if any(c.dep_ not in ("conj", "cc", "punct") for c in token.children):
        return False
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in ("of", "for", "against", "with"):
        return False
    owner = node.head.head
    return owner.lemma_.lower() in CATEGORY_HEADS or owner.lower_ in CATEGORY_HEADS \
        or owner.lemma_.lower() in ("accuse", "convict", "charge", "suspect", "acquit", "guilty", "innocent")


#: Standing texts that "declare" or "state" without anyone speaking: "the constitution declares ...".
STANDING_TEXTS = frozenset("constitution constitutions charter charters treaty treaties statute statutes law laws "
                           "article articles clause clauses".split())


def said_by_a_text(verb: Token) -> bool:
    """A verb of saying whose every subject is a standing text, not a speaker ("the republic's constitution
    declares the protection of ... a principle"): what a text provides is no act of speaking."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    said_by = subjects(verb)
    return bool(said_by) and all(t.lemma_.lower() in STANDING_TEXTS or t.lower_ in STANDING_TEXTS for t in said_by)


def generic_plural(token: Token) -> bool:
    """A bare plural noun names a kind of act, not an occurrence: "in defiance of international warnings",
    "failing to act on warnings" (no determiner, possessor or number says which ones; "these two warnings" and
    "Hamas's warnings" are specific)."""
    if token.pos_ != "NOUN" or token.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children)


QUOTES = frozenset('"“”‘’\'')


def frames_quote(verb: Token) -> bool:
    """Whether a verb of saying only frames a direct quotation: "'I saw him,' declared the owner",
    "He declared: 'We will win.'" (the quotation, not the act of saying, is what the sentence reports)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis", "dobj", "xcomp") and any(t.text in QUOTES for t in c.subtree):
            return True
        if c.dep_ == "punct" and c.text in QUOTES:
            return True
    return False


def quoted_speakers(verb: Token) -> list[Token]:
    """The speaker after a verb framing a quotation, which the parser often takes for its object: "'We will
    respond,' declared the ministry"."""
    if not frames_quote(verb) or subjects(verb):
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]


#: Marks that open an entry of a list ("* 2007 Bagram Airfield bombing") or a wiki section heading ("==See also==").
LIST_MARKS = ("*", "•", "==")


def list_entry(token: Token) -> bool:
    """A trigger inside an entry of a bulleted list that holds no verb ("See also: * 2007 Bagram Airfield bombing
    * 2014 Bagram Airfield bombing"): such entries are titles of links or related stories, which name past events
    without reporting one. The entry runs from the last list mark before the trigger to the next mark; the text,
    not the parse, tells it, as the parser reads such lists as run-on sentences."""
    doc = token.doc
    if token.pos_ in ("VERB", "AUX"):
        return False
    start = next((i for i in range(token.i - 1, max(token.i - 12, -1), -1) if doc[i].text in LIST_MARKS
                  or doc[i].text.startswith(LIST_MARKS)), None)
    if start is None or (doc[start].text.startswith("==") and not doc[start].text.endswith("==")):
        return False
    end = next((i for i in range(token.i + 1, min(token.i + 12, len(doc))) if doc[i].text.startswith(LIST_MARKS)
                or doc[i].text == "="),
               None)
    if end is None:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[start + 1:end])


#: Natural hazards, after EM-DAT's classification of natural disasters (geophysical, meteorological, hydrological,
#: climatological) and their usual news names: what they "strike", "hit" or "kill" is no act of violence.
HAZARDS = frozenset("""
earthquake earthquakes quake quakes tremor tremors aftershock aftershocks tsunami tsunamis eruption eruptions volcano
landslide landslides mudslide mudslides avalanche avalanches rockfall storm storms hurricane hurricanes typhoon
typhoons cyclone cyclones tornado tornadoes twister twisters blizzard blizzards snowstorm hailstorm hail lightning
flood floods flooding deluge downpour downpours rain rains rainfall monsoon surge wildfire wildfires bushfire
bushfires forest fire fires blaze blazes drought droughts heatwave heatwaves
""".split())


def natural_force(verb: Token) -> bool:
    """A violence verb whose doer is a natural hazard ("a 6.4 earthquake struck southern Turkey, killing 8",
    "floods killed 30", "homes destroyed by the hurricane"): a disaster, not an attack, so no event of ours.
    A participle or a second verb takes the clause's doer ("struck ..., killing 8"), a relative its noun."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    node, doers = verb, subjects(verb)
    while not doers and node.dep_ in ("advcl", "conj") and node.head.i != node.i:
        node = node.head
        doers = subjects(node)
    doers = [node.head if d.lower_ in ("which", "that") and node.dep_ == "relcl" else d for d in doers]
    return any(d.lemma_.lower() in HAZARDS or d.lower_ in HAZARDS for d in doers)


def passive_trigger(token: Token) -> bool:
    """A passive trigger verb leaves its doer unnamed on purpose ("the minister said 45 people were arrested":
    the minister arrested no one), so no actor before it is taken for one."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)

