"""Who else takes part in an event's clause, beyond the subjects and objects of :mod:`geo.events.clauses`: the "by"
agent of a passive verb or participle, the patient in a noun trigger's "of" phrase, the claimant of an attack, and
the sides of a battle.

Pure functions of spaCy tokens, like the clause readings they complement.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.generics import SITE_NOUNS

__all__ = ["PATIENT_NOUNS", "acting_for", "gender_clash", "in_participant_modifier", "outer_patients",
           "outer_subjects", "parties", "passive_agents", "patients", "possessed_patient", "quoting",
           "relative_patient", "reported_doers", "responsibility_verb", "standing_for", "takes_responsibility"]

#: Singular nouns of an act done to someone whose possessor, with no "of" phrase, is the one it was done to
#: (FrameNet's Killing, Kidnapping, Arrest and Execution frames, whose possessive is the Victim or Suspect): "Maria
#: Lopez's murder", "the opposition leader's assassination", "Navalny's arrest", "his abduction". "The Taliban's
#: killing of 23 soldiers" names the victims in its "of" phrase, and its possessor stays the killer; so does a
#: plural, which counts one doer's acts ("the cartel's killings", "the regime's arrests").
PATIENT_NOUNS = frozenset("""
murder killing assassination kidnapping abduction arrest detention execution stabbing beheading capture
""".split())
#: Words that say where someone is, lives or works (FrameNet's Residence, Being_located and Being_employed frames):
#: "individuals active in Syria", "fighters based in Idlib", "troops stationed in Iraq".
WHEREABOUTS = frozenset("active base based live living reside residing resident stationed station deploy deployed "
                        "operate operating present hide hiding work working stay staying".split())


def passive_agents(token: Token) -> list[Token]:
    """"the attack was carried out by ETA", "the bombing is believed to have been carried out by X": the "by" agent
    of the verb a noun trigger is the passive subject of, through raising verbs' complements; and of its participle
    ("a spate of attacks carried out by extremists")."""
    by = [g for v in token.children if v.dep_ == "acl" for c in v.children if c.dep_ == "agent" for g in c.children]
    if token.pos_ in ("VERB", "AUX"):  # "a teenager was shot and killed by police": the agent both verbs share
        return [g for v in token.children if v.dep_ == "conj" and v.tag_ == "VBN" for c in v.children
                if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] if _passive(token) else []
    if token.dep_ not in ("nsubjpass", "nsubj"):
        return by
    found, verb = [], token.head
    for _ in range(3):
        found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        nxt = [c for c in verb.children if c.dep_ == "xcomp"]
        if found or not nxt:
            break
        verb = nxt[0]
    return found


def in_participant_modifier(place: Token, trigger: Token) -> bool:
    """Whether a place sits in a word of whereabouts under another noun, a participant rather than a site: "involved
    individuals active in conflict zones such as Syria", "fighters based in Idlib". It says where they are, not
    where the event was; the sentence's nearest place is the event's only as a fallback, and such a place is none."""
    node = place
    for _ in range(8):
        if node.i == trigger.i or node.head.i == node.i:
            return False
        if node.dep_ in ("amod", "acl") and node.lemma_.lower() in WHEREABOUTS and node.head.pos_ == "NOUN" \
                and node.head.i != trigger.i and node.head.lower_ not in SITE_NOUNS:
            return True
        node = node.head
    return False


def patients(token: Token) -> list[Token]:
    """The "of" phrase of a noun trigger, its patient: "the assassination of the prime minister", "the arrest
    of three men" (a place there is the scene, which the place roles read: "the bombing of the city")."""
    if token.pos_ in ("VERB", "AUX"):
        return []
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]


def relative_patient(verb: Token) -> list[Token]:
    """The noun a relative clause or a past participle describes, when it is what the verb was done to: "activists
    who had been detained by police", "the man whom soldiers shot", "fishermen abducted by pirates". The relative
    pronoun stands for the noun, so the noun is the patient there, never the doer ("soldiers who attacked a village"
    keeps its soldiers as the attackers)."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    if verb.dep_ == "acl":
        passive = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    else:
        passive = any(c.dep_ in ("nsubjpass", "dobj") and c.tag_ in ("WP", "WDT") for c in verb.children)
    return [verb.head] if passive else []


def _passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children)


def shared_patient(verb: Token) -> list[Token]:
    """The passive subject a passive conjunct verb shares with the verb before it: "two activists were beaten and
    detained", "three journalists were abducted and later killed": the activists were detained too."""
    if verb.dep_ != "conj" or not _passive(verb) or any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubjpass"] if verb.head.pos_ in ("VERB", "AUX") else []


def resultative_object(verb: Token) -> list[Token]:
    """The object the parse hangs on the adjective of a result: "a gunman shot dead four people" (the people are
    the object of "dead" in the parse, as if the adjective had taken them)."""
    return [g for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and c.pos_ == "ADJ"
            for g in c.children if g.dep_ == "dobj"]


def outer_patients(verb: Token) -> list[Token]:
    """What a verb was done to, named off its own node in the parse: the noun of its relative clause or participle,
    the passive subject it shares with the verb before it, or an object hung on the adjective of a result."""
    return relative_patient(verb) + shared_patient(verb) + resultative_object(verb)


def standing_for(token: Token) -> Token:
    """The noun a relative pronoun stands for ("students who were marching": the students), else the token."""
    clause = token.head
    if token.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return token


def possessed_patient(token: Token) -> list[Token]:
    """The possessor of a noun trigger of :data:`PATIENT_NOUNS` with no "of" phrase: the victim, not the doer."""
    if token.pos_ in ("VERB", "AUX") or token.lower_ not in PATIENT_NOUNS or patients(token):
        return []
    return [c for c in token.children if c.dep_ == "poss"]


#: Verbs that take responsibility for an act as their object ("claim" is a statement trigger of its own).
OWNING = frozenset("accept admit take assume bear".split())
#: What those verbs take: "accepted responsibility", "took credit".
RESPONSIBILITY = frozenset({"responsibility", "credit"})


def responsibility_verb(token: Token) -> Token | None:
    """"X claimed/accepted/admitted responsibility for the bombings", "X claimed a bombing", "X was responsible
    for the bombing": the verb whose subject is the initiator."""
    if token.pos_ not in ("VERB", "AUX") and token.dep_ == "dobj" and token.head.lemma_.lower() == "claim":
        return token.head
    if token.pos_ in ("VERB", "AUX") or token.dep_ != "pobj" or token.head.lower_ != "for":
        return None
    noun = token.head.head
    if noun.lower_ == "responsible" and noun.dep_ == "acomp":  # "police said ETA was responsible for the bombing"
        return noun.head
    if noun.lemma_.lower() not in RESPONSIBILITY or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    return verb if verb.lemma_.lower() in OWNING | {"claim"} else None


#: Subjects that say the speaker itself is responsible: "the group said it was responsible for the attack".
SELF = frozenset("it they we".split())


def takes_responsibility(verb: Token) -> bool:
    """Whether a verb claims an act for its subject, which makes it a statement whoever speaks (a claim of
    responsibility, docs/events.md): "the IRA accepted responsibility for the bombings", "the group took credit for
    the attack", "the group said it was responsible for the attack". "Police said ETA was responsible" accuses
    someone else, and stays the police's account; an infinitive ("refused to accept responsibility", "had to admit
    responsibility") is a claim not made."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.lemma_.lower() in OWNING:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in RESPONSIBILITY for c in verb.children)
    return any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ in SELF for g in c.children)
               and any(g.dep_ == "acomp" and g.lower_ == "responsible" for g in c.children) for c in verb.children)


def parties(token: Token) -> list[Token]:
    """The sides of a noun trigger (or a gerund: "Fighting between the army and the RSF spread"), also when the
    parse hangs them on the verb the trigger is the subject of ("fighting broke out between the army and the
    RSF", "clashes erupted between herders and farmers")."""
    holders = [token] + ([token.head] if token.dep_ == "nsubj" and token.head.pos_ == "VERB" else [])
    return next(([g for c in h.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
                  if g.dep_ == "pobj"] for h in holders if any(c.lower_ == "between" for c in h.children)), [])


#: Titles and nouns that say a person's gender where a name does not: "Spokeswoman Ashley Hildebrandt", "Mrs Haley".
FEMALE = frozenset("ms mrs miss madam spokeswoman chairwoman congresswoman businesswoman policewoman woman".split())
MALE = frozenset("mr sir spokesman chairman congressman businessman policeman man".split())


def gender_clash(pronoun: Token, start: int) -> bool:
    """Whether the person mentioned from token ``start`` cannot be what ``pronoun`` stands for: the two words before
    the name (or its first, when the model takes the title in) say she is a woman and the pronoun is "he/him/his"
    ("Spokeswoman Ashley Hildebrandt said the nature of his arrest ..." is no one's arrest of her), or the reverse."""
    before = {t.lower_.rstrip(".") for t in pronoun.doc[max(start - 2, 0):start + 1]}  # the title may be in the name
    if pronoun.lower_ in ("he", "him", "his"):
        return bool(before & FEMALE)
    return pronoun.lower_ in ("she", "her", "hers") and bool(before & MALE)


#: Quotation marks, straight and curly.
QUOTE_MARKS = frozenset('"\u201c\u201d')


def quoting(pronoun: Token, person: Token) -> bool:
    """Whether ``person`` speaks the quotation ``pronoun`` is in: a speaker calls themself "I", so "he/she" inside
    their own words is someone else ("Her husband, John Finney, said, 'He started shooting'": not Finney). The
    pronoun is inside a quotation when an odd number of quotation marks come before it in its sentence; the
    speaker is the subject of the verb of saying the quotation hangs on, or an apposition of it."""
    before = sum(1 for t in pronoun.sent if t.i < pronoun.i and t.text in QUOTE_MARKS)
    if before % 2 == 0:
        return False
    node = person
    while node.dep_ in ("appos", "compound", "flat") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "nsubj" and node.head.lemma_.lower() in ("say", "tell", "add", "recall", "explain", "describe")


def acting_for(verb: Token) -> Token | None:
    """The verb whose subject does a verb that has none of its own: a purpose clause's ("militants crossed the
    border to attack a post") or a gerund of means' ("the army retaliated by firing artillery", "police dispersed
    the crowd by firing tear gas"), or None."""
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head
    by = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and by.lower_ == "by" and by.head.pos_ in ("VERB", "AUX"):
        return by.head
    return None


def outer_subjects(clause: Token) -> list[Token]:
    """A participle the parser joined to a finite verb of a subordinate clause belongs to the clause around it:
    the subject of the nearest verb above that has one ("the gunman fired ..., walking around X as he lay
    motionless and shooting him": the gunman shot, not "he")."""
    node = clause.head
    while True:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return [c for c in node.children if c.dep_ == "nsubj"]
        if node.head.i == node.i:
            return []
        node = node.head


#: Verbs by which a party reports its own acts ("Hezbollah said it fired", "the army announced it had killed").
REPORTING_VERBS = frozenset("say tell announce claim confirm state report add admit acknowledge".split())
#: Pronouns a party names itself by in the report of its act.
PARTY_PRONOUNS = frozenset("it they".split())
QUOTATION_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
#: Words between a reporting verb and the pronoun of the act it reports, at most: a self-report is short ("Hezbollah
#: said on Friday that it had fired"), and an endless sentence is not searched for quotation marks end to end.
REPORT_REACH = 40


def reported_doers(doers: list[Token]) -> list[Token]:
    """The doers with "it"/"they" that subject a clause a party reports replaced by that party: "Hezbollah said it
    fired dozens of rockets", "The Houthis said they launched drones", "The army said it killed 12 militants": the
    speaker's own act. A person's "they" is others ("'They have tried to assassinate me,' Maduro said"), and so is
    a pronoun inside a quotation (the same reading for "he"/"she" is the actors' antecedent of a person)."""
    found = []
    for doer in doers:
        clause = doer.head
        reporting = doer.lower_ in PARTY_PRONOUNS and doer.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" \
            and clause.head.lemma_.lower() in REPORTING_VERBS and not _quoted_between(doer, clause.head)
        speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"
                    and _may_say(c, doer)] if reporting else []
        found += speakers or [doer]
    return found


def _may_say(speaker: Token, pronoun: Token) -> bool:
    """Whether a speaker can be what "it"/"they" stands for: not one person ("Maduro said they ..."); a group can,
    though the model may tag it PERSON ("The Houthis said they": a name with "the" is no one person's)."""
    return speaker.ent_type_ != "PERSON" or pronoun.lower_ == "they" and (
        speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" and c.lower_ == "the" for c in speaker.children))


def _quoted_between(a: Token, b: Token) -> bool:
    """Whether a quotation mark lies between two words of a sentence (or they lie too far apart to tell)."""
    if abs(a.i - b.i) > REPORT_REACH:
        return True
    return any(t.text in QUOTATION_MARKS for t in a.doc[min(a.i, b.i):max(a.i, b.i)])
