"""Whether a trigger word reports an occurrence: something that happened or is happening, not a denied act ("no
attack took place"), nor the name of a kind of act ("charges of murder"), nor a verb of saying that only frames a
quotation ("'I saw him,' declared the owner"). Pure functions of spaCy tokens, used by
:mod:`geo.events.extraction` before an event is made of a trigger.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.actors.diseases import is_disease
from geo.events.clauses import NATURAL_CAUSES, governor, subjects
from geo.events.senses import held

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
offence offences offense offenses suspicion law laws threat threats fear fears risk risks kind kinds type types
form forms strategy strategies tactic tactics policy policies doctrine use practice history
""".split())
#: Heads of "in" phrases that count a kind of act over time: "the rise in kidnappings", "an increase in arrests".
TREND_HEADS = frozenset("rise rises increase increases decline declines drop drops".split())
#: Verbs that rule on a kind of act: "banned all protests", "a law that criminalises peaceful protest".
REGULATING = frozenset("""
ban outlaw prohibit forbid criminalise criminalize legalise legalize permit authorise authorize regulate
""".split())


#: Words of a legal proceeding whose "of/for/with/to" phrase names an offence: "accused of", "convicted of",
#: "charged with", "sentenced for", "jailed for", "pleaded guilty to" (the offence is the charge's kind, the
#: occurrence it charges is told, if at all, as "the murder of X"). Verbs as lemmas, adjectives as words.
LEGAL_OWNERS = frozenset("""
accuse convict charge suspect acquit indict sentence jail imprison prosecute arrest plead guilty innocent
""".split())
#: Prepositions by which such a word or a noun of category names its offence.
OFFENCE_PREPS = frozenset("of for against with to".split())
#: How many gerunds may stand between a charge and its offence: "charged with disturbing the peace by fighting".
CHARGE_DEPTH = 4


def kind_reading(token: Token) -> bool:
    """A noun trigger that names a kind of act, not an occurrence: bare (no determiner, possessor, number or
    prepositional modifier) and no participant, under a noun of category ("charges of murder", "murder charges",
    "a law against incitement") or a word of a legal proceeding ("convicted of assault", "pleaded guilty to
    first-degree murder", "sentenced for assault and robbery", "charged with trafficking in persons and assault",
    "charged with disturbing the peace by fighting")."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ != "pobj":
        return False  # but a gerund an offence is told by: "charged with disturbing the peace by fighting"
    if any(c.dep_ not in ("conj", "cc", "punct", "compound", "amod", "nmod") and not instrument(c)
           for c in token.children):
        return False  # "the strategy of drone strikes", "first-degree assault": a kind is named by its weapon,
        # degree or means ("charged with assault with a weapon")
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "in" and node.head.head.lemma_.lower() in TREND_HEADS:
        return True  # "the rise in kidnappings": a count of such acts, none of them told
    if node.dep_ in ("compound", "nmod") and _category(node.head):
        return True  # "murder charges", "assault and drug charges"
    for _ in range(CHARGE_DEPTH):
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in OFFENCE_PREPS and _category(node.head.head):
            return True
        prep = node.head
        if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.dep_ != "pcomp" or prep.head.pos_ != "VERB":
            return False  # only through a gerund of the offence, not "arrested for involvement in clashes"
        node = prep.head
    return False


def _category(owner: Token) -> bool:
    """A noun of category, a word of a legal proceeding, or the term a court gave ("sentenced to five years for
    assault")."""
    if owner.dep_ == "pobj" and owner.head.lower_ == "to" and _legal(owner.head.head):
        return True
    return owner.lemma_.lower() in CATEGORY_HEADS or owner.lower_ in CATEGORY_HEADS or _legal(owner)


def _legal(word: Token) -> bool:
    return word.lemma_.lower() in LEGAL_OWNERS or word.lower_ in LEGAL_OWNERS


def regulated(token: Token) -> bool:
    """A noun trigger that a verb of ruling takes as its object names the kind of act it rules on: "the government
    banned all protests", "the law criminalises peaceful protest", "protests were outlawed". Bare or under "all"/
    "any"; "banned the rally planned for Saturday" names one (which only a modal or plan makes hypothetical)."""
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if token.head.lemma_.lower() not in REGULATING:
        return False
    return not any(c.dep_ in ("poss", "nummod") or c.dep_ in ("det", "predet") and c.lower_ not in ("all", "any")
                   for c in token.children)


def instrument(child: Token) -> bool:
    """A "with" phrase of means under a noun of an act, which still names a kind ("assault with a weapon")."""
    return child.dep_ == "prep" and child.lower_ == "with"


#: Adverbs of degree, which grade a quality and never an act: "particularly threatening", "very intimidating".
DEGREE = frozenset("very particularly extremely highly so too quite increasingly deeply less least more most".split())


def quality(token: Token) -> bool:
    """A participle of a verb trigger used as an adjective describes a quality, not an act: a noun's modifier
    ("a condemned inmate", "non-life threatening injuries", "a frightened and intimidated population") or graded by
    an adverb of degree ("which is particularly threatening to the region"). The caller keeps the forms the lexicon
    also lists as event nouns ("shelling and bombing runs", "the stabbing victim")."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBG", "VBN"):
        return False
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "amod" or any(c.dep_ == "advmod" and c.lower_ in DEGREE for c in token.children)


#: Adverbs of a habit: "police routinely arrest vendors", "the committee usually meets on Tuesdays".
HABITUAL = frozenset("routinely usually often regularly always normally typically frequently generally sometimes "
                     "rarely seldom never customarily habitually".split())


def habitual(token: Token) -> bool:
    """A verb trigger in the simple present with an adverb of habit or an "every/each" time ("meets every
    Tuesday", "routinely arrest street vendors") tells what usually happens, not an occurrence. The simple
    present alone is no sign: headlines report past events in it ("Roadside bomb kills two")."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBZ", "VBP") and not bare_present(token):
        return False
    for c in token.children:
        if c.dep_ == "advmod" and c.lower_ in HABITUAL:
            return True
        if c.dep_ in ("npadvmod", "prep") and any(g.dep_ == "det" and g.lower_ in ("every", "each")
                                                   for n in [c, *c.children] for g in n.children):
            return True
    return False


def bare_present(verb: Token) -> bool:
    """A base form with a subject and no auxiliary is a simple present the small model tagged VB ("rights groups
    regularly condemn the use of ..."); an infinitive or a form after a modal has an auxiliary or no subject."""
    return verb.tag_ == "VB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


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
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ISSUING:
        return False  # "issued evacuation warnings for three districts": warnings given, so acts
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children)


#: Verbs of giving out a statement (FrameNet's Text_creation and Giving: issue, send, give ...): their bare plural
#: object is statements made, not a kind ("ignored repeated warnings" names warnings as a kind).
ISSUING = frozenset("issue send give broadcast post deliver publish".split())


def bare_singular(token: Token) -> bool:
    """A bare singular statement noun that no verb takes as its object or subject names the faculty or a kind, not
    one act of speaking: "hate speech levelled at women", "freedom of speech", "fired without warning", a label
    "Warning:". "Gave warning", "30 minutes' warning was given" and "a speech" are acts."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children)


def generic_subject(token: Token) -> bool:
    """A bare plural trigger that is the subject of a present-tense "be" with a predicate says what such acts are
    like, not that one happened: "kidnappings for ransom are common", "hostage negotiations are a delicate art"."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod", "predet")
                                                            for c in token.children):
        return False
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    verb = node.head
    return node.dep_ == "nsubj" and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(
        c.dep_ in ("acomp", "attr") for c in verb.children)


#: Words whose phrase only points at an occurrence told before: "arrested in connection with the attack", "those
#: involved in the failed attack", "searches related to the attacks", "injuries suffered during the attack".
REFERENCE_HEADS = frozenset("connection involve involvement relate link connect authorship suffer investigation probe "
                            "inquiry enquiry".split())
DEFINITE = frozenset("the this that these those".split())


def back_reference(token: Token) -> bool:
    """A definite noun trigger in a phrase that only points at an occurrence ("in connection with Saturday's
    attack", "involved in the assassination attempt", "whoever is behind this attack"): the sentence reports
    something else, and the occurrence was told before (the caller checks that an event of the family came
    earlier in the article)."""
    if token.pos_ != "NOUN":
        return False
    node = token
    if node.dep_ == "compound" and node.head.lemma_.lower() in ("attempt", "plot"):
        node = node.head  # "the assassination attempt"
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in node.children):
        return False
    if node.dep_ != "pobj":
        return False
    prep = node.head
    return prep.lower_ == "behind" or prep.head.lemma_.lower() in REFERENCE_HEADS


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


def natural_force(verb: Token) -> bool:
    """A violence verb whose doer is a natural hazard, a disease or an accident (``NATURAL_CAUSES``: "a 6.4
    earthquake struck southern Turkey, killing 8", "homes destroyed by the hurricane"): no attack, so no event.
    A participle or a second verb takes the clause's doer ("struck ..., killing 8"), a relative its noun."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    node, doers = verb, subjects(verb)
    while not doers and node.dep_ in ("advcl", "conj") and node.head.i != node.i:
        node = node.head
        doers = subjects(node)
    doers = [node.head if d.lower_ in ("which", "that") and node.dep_ == "relcl" else d for d in doers]
    return any(d.lemma_.lower() in NATURAL_CAUSES or d.lower_ in NATURAL_CAUSES or pathogen(d) for d in doers)


#: Heads of a pathogen's name whose modifiers name it: "the H5N1 strain", "the Ebola virus".
PATHOGEN_HEADS = frozenset("strain strains virus viruses bacterium bacteria pathogen subtype".split())


def pathogen(doer: Token) -> bool:
    """A doer named as a disease or a pathogen ("H5N1 has killed two women", "the H7N9 strain that killed 30",
    "Ebola killed 11,000 people": ``geo.actors.diseases``, after the WHO's names). Modifiers count only before a
    pathogen's head: "the anthrax attacks that killed five" were someone's attacks."""
    name = [doer.text]
    if doer.lemma_.lower() in PATHOGEN_HEADS:
        name = [c.text for c in doer.children if c.dep_ in ("compound", "nmod", "amod")] + name
    return is_disease(" ".join(name))


def passive_trigger(token: Token) -> bool:
    """A passive trigger verb leaves its doer unnamed on purpose ("the minister said 45 people were arrested":
    the minister arrested no one), so no actor before it is taken for one."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


#: Appositions that describe a private person: a witness speaks for no party.
PRIVATE_NOUNS = frozenset("""
student pupil resident witness eyewitness owner shopkeeper neighbour neighbor man woman boy girl father mother
son daughter husband wife survivor passer-by driver worker teacher doctor nurse farmer relative friend
""".split())


def private_person(speaker: Token) -> bool:
    """"Eva, a 17-year-old student", "Eldon Elliott, owner of a body shop": the apposition's head is a private
    person's noun, or names an age."""
    for appos in (c for c in speaker.children if c.dep_ == "appos"):
        words = speaker.doc[appos.left_edge.i:appos.right_edge.i + 1].text.lower()
        if appos.lemma_.lower() in PRIVATE_NOUNS or "year-old" in words or "years old" in words:
            return True
    return False


#: Verbs that put someone into custody: with them "under house arrest", "in detention" is the arrest itself.
CUSTODY_VERBS = frozenset("place put take send transfer move order".split())


def in_custody(token: Token) -> bool:
    """An arrest noun that names a state, not the act: "has been under house arrest since 2021", "remains in
    detention", "sentenced to a year under house arrest". ACLED codes the arrest when it happens; a state of custody
    and a court's sentence are no new event. Only a verb of putting someone there makes it the arrest ("placed the
    former prime minister under house arrest")."""
    if on_record(token):
        return True
    if token.pos_ in ("VERB", "AUX") or token.dep_ != "pobj" or token.head.lower_ not in ("under", "in", "into"):
        return False
    if token.head.lower_ != "under" and token.lemma_.lower() == "arrest":
        return False  # "the events that culminated in his arrest": the arrest itself
    verb = token.head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() not in CUSTODY_VERBS


#: Adjectives of a record: "prior arrests for trespassing", "his previous arrest in 2009".
RECORD = frozenset("prior previous past earlier".split())


def on_record(token: Token) -> bool:
    """An arrest noun that names someone's record, not an arrest reported now: "has prior arrests for
    trespassing", "a previous arrest"."""
    return token.pos_ == "NOUN" and (any(c.dep_ == "amod" and c.lower_ in RECORD for c in token.children)
                                     or held(token))


def characterised(token: Token) -> bool:
    """A noun trigger in the "as" phrase of a verb says what the verb's object is taken for, not that an act of its
    own happened: "condemned the vote as an attack on her government", "the attack, seen as a warning to Kyiv". When
    the object is itself an act ("condemned the bombing as an attack on civilians") the object is the event."""
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "as" \
        and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB"

