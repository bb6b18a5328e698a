"""Reading an event's clause off the dependency parse: whether an ambiguous trigger word is used as an event
("fired rockets", not "fired the coach"), who its subjects, agents and objects are, which words make up its
phrase and clause, and whether it is reported as fact or only as possible ("could strike", "plots to attack").

Pure functions of spaCy tokens; :mod:`geo.events.extraction` combines them with what the article already knows (its
actors, places and dates) into events.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.gatherings import no_party_gathering
from geo.events.modality import conditional, denied, past_background, perceived, setting, unrealised
from geo.events.participants import acting_for, outer_patients, outer_subjects, possessed_patient, standing_for
from geo.events.senses import (ACCORDS, accord_not_made, addressed, advice, agreed_with_a_view, blow, collision,
                               commercial_deal, deployed_no_force, dismissed, launched, made_to_act, met_no_one,
                               person_taken, play, run_over, set_off_a_mine, signed_no_accord, walkout)

#: Verbs that only carry a noun trigger: "held talks", "launched an attack"; their subject does the event.
LIGHT_VERBS = frozenset("hold launch carry conduct stage mount have make execute begin start continue convene "
                        "intensify step unleash wage respond retaliate mark deliver give issue lodge".split())
MODALS = frozenset("could may might would should will can shall must".split())
#: Words whose complements are not facts: "the possibility of an attack", "plots to attack", "threatened to strike".
IRREALIS = frozenset("""
possibility potential possible threat risk fear fears danger prospect plan plot intend intention aim seek want
prepare effort efforts threaten vow pledge promise warn prevent avoid deter likely unlikely order readiness ready willing
need
call urge demand consider propose scenario hypothetical toward towards about if unless whether
warning foil thwart avert right refuse decline
""".split())
EVENT_HEADS = frozenset("attempt campaign wave spree incident operation plot series".split())
LABOUR = frozenset("general hunger labor labour workers national hour day week opposition-called nationwide".split())
PROTESTERS = frozenset("people protesters demonstrators students workers residents supporters thousands hundreds "
                       "dozens crowd crowds women activists farmers villagers opponents".split())
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
TARGET_PREPS = frozenset("at against on into toward towards upon".split())
WITH_PREPS = frozenset({"with"})
#: Phrases that set the scene of another event: "amid the conflict in Gaza", "since the attack in October".
CONTEXT_PREPS = frozenset("amid amidst despite since after before following like than about during".split())
#: Verbs of casualties in a violent clause: "killing two soldiers", "where six people were killed".
CASUALTY_VERBS = frozenset("kill wound injure hurt maim die".split())
#: Verbs of a relative clause naming the target: "bombings, which seemed to be aimed at civilians".
AIM_VERBS = frozenset("aim target direct".split())


#: Modifiers that deny an act: violence needs an agent who meant it.
ACCIDENTAL = frozenset("accidental accidentally inadvertent inadvertently unintentional unintentionally".split())
#: Objects that make a violent word a metaphor: "fight the epidemic", "combat a cholera outbreak", "fight corruption",
#: "killed the trade deal", "attacked the bill".
METAPHOR_OBJECTS = frozenset("""
virus viruses disease diseases outbreak epidemic pandemic infection cancer illness cholera malaria measles polio
flu influenza problem crisis poverty
inflation corruption crime unemployment fire fires blaze blazes flames wildfire wildfires flood floods drought hunger
democracy freedom freedoms liberty liberties rights justice truth values principle principles sovereignty dignity
deal deals bill bills proposal proposals plan plans project projects idea ideas legislation momentum hopes
""".split())
#: Causes of death and damage that are no one's act: "an outbreak that has killed 70 people", "the storm killed
#: four", "a 6.4 earthquake struck". Natural hazards after EM-DAT's classes of natural disasters (geophysical,
#: meteorological, hydrological, climatological), diseases, and accidents.
NATURAL_CAUSES = frozenset("""
storm storms hurricane hurricanes cyclone cyclones typhoon typhoons tornado tornadoes twister twisters blizzard
blizzards snowstorm hailstorm hail lightning earthquake earthquakes quake quakes tremor tremors aftershock aftershocks
tsunami tsunamis eruption eruptions volcano flood floods flooding deluge downpour downpours rain rains rainfall
monsoon surge landslide landslides mudslide mudslides avalanche avalanches rockfall heatwave heatwaves heat cold
drought droughts famine disease virus outbreak epidemic pandemic illness cancer infection fever crash collision
accident wreck wrecks pileup blaze blazes wildfire wildfires bushfire bushfires fire fires liquor alcohol overdose
overdoses
""".split())
#: Violent nouns a group claims: "the group claimed the bombing".
CLAIMED = frozenset("attack attacks bombing bombings blast blasts explosion killing killings shooting assault "
                    "ambush raid strike strikes kidnapping abduction".split())


#: Kinds of warning that advise the public rather than threaten anyone.
ADVISORIES = frozenset("travel weather storm flood gale tsunami heat health safety tornado hurricane frost fog snow "
                       "avalanche cyclone typhoon".split())
#: Modifiers of a rally held to win votes (an election campaign's meeting with supporters, not a protest).
CAMPAIGN = frozenset("campaign election electoral".split())


def licensed(token: Token) -> bool:
    """Ambiguous trigger words need their usual company: "fire" needs a weapon or a target, "blow" needs "up";
    a violent word aimed at a disease or a social problem is a metaphor."""
    kids = list(token.children)
    if play(token):
        return False  # "the striker fired a shot into the top corner": play in a match
    if commercial_deal(token) or no_party_gathering(token):
        return False  # "the best deals on televisions": trade, no accord; "the town council met": no consultation
    if token.lemma_.lower() in ("attack", "battle", "fight", "combat", "strike", "kill", "arrest") and any(
            a.lemma_.lower() in METAPHOR_OBJECTS or a.lower_ in METAPHOR_OBJECTS for a in _aimed_at(token, kids)):
        return False
    if any(c.lower_ in ACCIDENTAL for c in kids if c.dep_ in ("advmod", "amod")):
        return False  # "an accidental explosion", "the device detonated accidentally": no one's act
    if token.pos_ in ("VERB", "AUX"):
        return _verb_licensed(token, kids)
    return _noun_licensed(token, kids)


def _aimed_at(token: Token, kids: list[Token]) -> list[Token]:
    """What a trigger is aimed at: its objects, the objects of its prepositions, and the noun its clause modifies
    ("no disease to battle", "no virus left to fight": up to two clauses up)."""
    aimed = [c for c in kids if c.dep_ in ("dobj", "pobj")] + [g for c in kids if c.dep_ == "prep"
                                                               for g in c.children if g.dep_ == "pobj"]
    node = token
    for _ in range(2):
        if node.dep_ not in ("acl", "relcl", "advcl", "xcomp") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN":
            aimed.append(node)
            break
    return aimed


#: What weapons and attacks are called as the object of "fire" or "launch".
WEAPONS = frozenset({"rocket", "missile", "shell", "mortar", "projectile", "shot", "round", "drone", "barrage",
                     "salvo", "bullet", "grenade", "volley", "attack", "strike", "airstrike", "offensive", "raid",
                     "operation"})
#: What is launched or fired, not the act itself ("launched an attack": the noun is the trigger).
MUNITIONS = WEAPONS - {"attack", "strike", "airstrike", "offensive", "raid", "operation"}


#: What strikes from the air: "coalition aircraft hit a wedding party".
AIRCRAFT = frozenset("aircraft warplane jet helicopter bomb bomber artillery".split())


def _verb_licensed(token: Token, kids: list[Token]) -> bool:
    """The company an ambiguous trigger verb needs (a verb with no rule needs none)."""
    objs = {c.lemma_.lower() for c in kids if c.dep_ in ("dobj", "nsubjpass")}
    preps = {c.lower_ for c in kids if c.dep_ == "prep"}
    rules = {
        "fire": lambda: (bool(objs & WEAPONS) or bool(preps & {"at", "on", "into", "toward", "towards"})
                         or launched(token, MUNITIONS))
        and not dismissed(token, MUNITIONS),  # "Trump fired Comey on Tuesday": a dismissal
        "launch": lambda: bool(objs & MUNITIONS),
        "demonstrate": lambda: bool(preps & {"against", "in", "outside", "for", "near"})
        or any(c.dep_ == "nsubj" and c.lemma_.lower() in PROTESTERS for c in kids),
        "blow": lambda: any(c.dep_ == "prt" and c.lower_ == "up" for c in kids),
        "go": lambda: any(c.dep_ == "prt" and c.lower_ == "off" for c in kids)
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in {"bomb", "device", "explosive", "ied", "mine"} for c in kids),
        "kill": lambda: _killer(token) and not run_over(token, WEAPONS | AIRCRAFT | ATTACKERS),
        "crash": lambda: _rammed(token, preps),
        "ram": lambda: _rammed(token, preps) or any(c.dep_ == "dobj" and c.ent_type_ != "MONEY" for c in kids),
        "claim": lambda: bool(objs & ({"responsibility"} | CLAIMED)),
        "hit": lambda: any(c.dep_ == "nsubj" and c.lemma_.lower() in WEAPONS | AIRCRAFT for c in kids)
        or bool(objs & ATTACKERS) or set_off_a_mine(token),  # "it hit three gunmen", "their truck hit a mine"
        "open": lambda: "fire" in objs,  # "opened fire on demonstrators"
        "return": lambda: "fire" in objs,
        "capture": lambda: person_taken(token),
        "seize": lambda: person_taken(token),
        "boost": lambda: bool(objs & {"presence", "troops", "forces", "security", "deployment"}),
        "station": lambda: bool(objs & {"troops", "forces", "soldiers"}),
        "meet": lambda: not met_no_one(token),
        "address": lambda: bool(addressed(token)),  # "addressed the nation", not "addressed the problem"
        "coerce": lambda: made_to_act(token),  # "pressuring employees to vote", not "felt obliged"
        "pressure": lambda: made_to_act(token),
        "oblige": lambda: made_to_act(token),
        "sign": lambda: not signed_no_accord(token),
        "deploy": lambda: not deployed_no_force(token),
        "agree": lambda: not agreed_with_a_view(token),
        "march": lambda: token.is_lower,
        "strike": lambda: set_off_a_mine(token)
        or not objs & {"deal", "balance", "chord", "note", "tone"} and not walkout(token)
        and not blow(token) and not collision(token, WEAPONS | AIRCRAFT | ATTACKERS)
        and not any(c.dep_ == "prt" and c.lower_ in ("out", "up") for c in kids),  # "strikes out", "struck up"
        # "had pledged allegiance to Islamic State": joining a side (an affiliation), not a statement
        "pledge": lambda: not objs & {"allegiance", "loyalty", "fealty"},
        # "the Met Office warned of fog", "officials warned that a storm could bring floods": advice, no threat
        "warn": lambda: not any(t.lower_ in ADVISORIES for c in kids if c.dep_ not in ("nsubj", "nsubjpass")
                                for t in c.subtree) and not advice(token),
    }
    return rules.get(token.lemma_.lower(), lambda: True)()


def _killer(verb: Token) -> bool:
    """"kill" needs an explicit killer: "gunmen killed", "the bomb killed", "killed by a sniper". Whether the killer
    is someone's act, not a storm or an outbreak, is asked of every violent verb by
    :func:`geo.events.occurrence.natural_force`."""
    return any(c.dep_ == "nsubj" or c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children)
               for c in verb.children)


def acronym(be: Token, noun: Token) -> bool:
    """"killed in IS attacks": a form of "be" in capitals before a lower-case noun is a name's acronym (the parser
    reads "IS" as "is"), and the noun its act; a headline in capitals ("THIS IS WAR") has no lower-case noun."""
    return be.text.isupper() and len(be.text) > 1 and noun.is_lower and noun.i == be.i + 1


def _noun_licensed(token: Token, kids: list[Token]) -> bool:
    """Whether a trigger noun (or a capitalised verb form) names an event here, not a thing or a stance."""
    if token.lower_ in ("march", "fire") and not token.is_lower:
        return False
    if token.lemma_.lower() == "appeal":  # "police issued an appeal for information", not a court appeal
        light = governor(token)
        return light is not None and light.lemma_.lower() in ("issue", "launch", "make", "renew", "broadcast")
    if token.lemma_.lower() == "rally" and (token.head.lemma_.lower() in ("tell", "address") and token.dep_ == "dobj"
                                            or any(c.lower_ in CAMPAIGN for c in kids)):
        return False  # "told a campaign rally": a politician's audience, not a protest
    if token.lower_ in ACCORDS and accord_not_made(token):
        return False  # "nodded in agreement", "Chile has nine agreements"
    if token.dep_ == "attr" and token.head.lemma_ == "be" and not acronym(token.head, token):
        return False  # "This is our battle" names a stance, not an event
    if token.lemma_.lower() == "warning" and any(c.lower_ in ADVISORIES for c in kids
                                                 if c.dep_ in ("compound", "amod")):
        return False  # "a travel warning for citizens", "a storm warning": advice, not a threat
    if token.dep_ == "compound" and token.head.lemma_.lower() not in EVENT_HEADS:
        return False  # "arrest warrants", "attack helicopter": the noun modifies another thing
    if token.lower_ in ("strike", "strikes") and any(
            c.lower_ in LABOUR or "-hour" in c.lower_ or "-day" in c.lower_ for c in token.subtree if c.i < token.i):
        return False  # "a 48-hour general strike" is a protest tactic, not an air strike
    if token.lower_ == "strike" and any(c.lower_ in ("general", "hunger", "labor", "labour") for c in kids):
        return False
    if token.lemma_.lower() == "strike" and walkout(token):
        return False
    return True


ATTACKERS = frozenset("bomber bombers attacker attackers assailant assailants gunman gunmen militant militants "
                      "insurgent insurgents".split())


def _rammed(token: Token, preps: set[str]) -> bool:
    """A vehicle-borne attack: "a suicide bomber crashed his car into a convoy" (not "a plane crashed into the sea")."""
    return "into" in preps and any(c.dep_ == "nsubj" and c.lemma_.lower() in ATTACKERS | {"bomber"} for c in token.children)


def absorbed(token: Token, family: str, verbs: dict[int, str]) -> bool:
    """Whether a noun trigger only names the object of a verb trigger of the same family ("fired a barrage")."""
    node = token
    for _ in range(4):
        if node.dep_ in CLAUSE_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.i in verbs:
            return verbs[node.i] == family
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def governor(token: Token) -> Token | None:
    """The light verb a noun trigger is the object of: "held" in "held talks", "respond" in "respond with airstrikes"."""
    node = token
    for _ in range(3):
        if node.dep_ in ("dobj", "pobj", "prep", "attr", "nsubjpass", "conj") and node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        else:
            return None
    return None


def subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, inherited through conjunctions, control ("prompting Israel to respond") and relatives."""
    found = [standing_for(c) for c in verb.children if c.dep_ in ("nsubj", "csubj")]  # "who": the noun
    found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if found:
        return found
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        if verb.tag_ == "VBG" and verb.head.tag_ in ("VBD", "VBZ", "VBP") and verb.head.dep_ == "advcl":
            return outer_subjects(verb.head)  # "..., walking around X as he lay and shooting him": not "he"
        return subjects(verb.head)
    if verb.dep_ == "xcomp":
        controller = [c for c in verb.head.children if c.dep_ == "dobj"]
        return controller or subjects(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and not outer_patients(verb):
        return [verb.head]  # "soldiers who attacked": the noun does it; "activists who were detained": it is done to
    if (doer := acting_for(verb)) is not None:
        return subjects(doer)  # "militants crossed the border to attack a post", "retaliated by firing artillery"
    return []


def agents(token: Token) -> list[Token]:
    """Who initiates the event of a trigger word."""
    if token.pos_ in ("VERB", "AUX"):
        return subjects(token)
    victims = possessed_patient(token)  # "Maria Lopez's murder": the victim
    found = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < token.i
             and c.ent_type_ != "DATE" and c not in victims]  # "the October attacks": when, not who
    found += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    if token.dep_ == "attr" and acronym(token.head, token):
        found.append(token.head)  # "killed in IS attacks": the acronym the parser read as "is" names the attacker
    return found


def objects(token: Token) -> list[Token]:
    """Whom the event is aimed at: objects, passive subjects, and "at/against/on/with" phrases."""
    heads = [token]
    if token.pos_ not in ("VERB", "AUX"):
        heads += [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() == "target"]
    found = []
    for head in heads:
        found += [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "dative")] + outer_patients(head)
        found += [g for c in head.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS | WITH_PREPS
                  for g in c.children if g.dep_ == "pobj"]
    if found and token.pos_ == "VERB":
        # A noun "conjunct" of the verb is an object the parser attached one level too high:
        # "met with the leaders of Hamas ..., and Lebanon's Hezbollah movements".
        found += [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    light = governor(token)
    if light is not None and token.pos_ not in ("VERB", "AUX"):
        found += [g for c in light.children if c.dep_ == "prep" and c.lower_ in WITH_PREPS
                  for g in c.children if g.dep_ == "pobj" and g.i != token.i]
    return found


def opposed(token: Token) -> list[Token]:
    """What an "anti-" modifier names as the event's target: "anti-government protests" -> "government",
    "an anti-Israel rally" -> "Israel". The parse splits "anti-government" into "anti", "-", "government".
    "Protests or other anti-government acts" says the protests are anti-government acts too: the "anti-" of an
    "other" conjunct counts."""
    found = []
    others = [c for c in token.children if c.dep_ == "conj" and any(g.lower_ == "other" for g in c.children)]
    for c in [c for noun in [token, *others] for c in noun.children]:
        if c.i >= c.head.i or c.dep_ not in ("amod", "compound", "nmod"):
            continue
        if c.lower_.startswith("anti-") and c.i + 1 < c.head.i:
            found.append(c)
        prev = c.doc[c.i - 2:c.i] if c.i >= 2 else None
        if prev is not None and len(prev) == 2 and prev[0].lower_ == "anti" and prev[1].text == "-":
            found.append(c)
    return found


def casualties(token: Token) -> list[Token]:
    """Victims named in the trigger's clause: "killing two soldiers", "where at least six people were killed",
    "a man died"."""
    top = (place_tops(token) if token.pos_ in ("VERB", "AUX") else _noun_tops(token))[-1]
    verbs = [t for t in top.subtree if t.pos_ == "VERB" and t.lemma_.lower() in CASUALTY_VERBS and t.i != token.i]
    node = top  # "in the attack, five people were killed": the casualty verb governs the trigger
    for _ in range(6):
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "ccomp", "parataxis"):
            break
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in CASUALTY_VERBS:
            verbs.append(node)
            break
    found = []
    for t in verbs:
        deps = ("nsubj",) if t.lemma_.lower() == "die" else ("dobj", "nsubjpass")
        found += [c for c in t.children if c.dep_ in deps]
    # "bombings, which were aimed at civilians"
    for clause in (c for c in token.children if c.dep_ in ("relcl", "acl")):
        for t in clause.subtree:
            if t.lemma_.lower() in AIM_VERBS and t.pos_ == "VERB":
                found += [c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.i != token.i]
                found += [g for c in t.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                          for g in c.children if g.dep_ == "pobj"]
    return found


def phrase(token: Token, skip: frozenset[str] = CLAUSE_DEPS) -> list[Token]:
    """A phrase's tokens without its embedded clauses ("militants who ..." keeps "militants")."""
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in skip)
    return out


def clause_tokens(token: Token) -> list[Token]:
    """The trigger's clause: its own phrase, or the phrase of the light verb governing a noun trigger."""
    top = governor(token) if token.pos_ not in ("VERB", "AUX") else token
    return phrase(top or token)


def is_hypothetical(token: Token, *, speech: bool = False) -> bool:
    """Whether the event is possible, intended, negated or conditional rather than reported as having happened.

    Climbs from the trigger to the clause root looking for modals ("could"), negation,
    "if", and words of intention or possibility ("plots to attack", "the potential for
    escalated hostilities", "the possibility of Israel launching an attack"), and a denial of the clause ("denied
    that troops attacked"). A statement's own "if" clause (``speech``) is the condition of what it threatens, not
    of the threat: "Hezbollah threatened to strike if the offensive continued" reports a threat that was made.
    """
    node, below, steps, own_clause, reason = token, None, 0, True, False
    while steps < 8:
        kids = list(node.children)
        if (not reason and (unrealised(node, below) or denied(node, below))) or (
                own_clause and node.pos_ in ("VERB", "AUX") and conditional(node)
                and not (speech and node.i == token.i)):
            return True  # "is to be held", "too early to declare", "if you cook meat well, it kills"
        own_clause = own_clause and node.pos_ not in ("VERB", "AUX")
        reason = reason or (node.dep_ == "pobj" and node.head.lower_ == "for")  # "is to die for the stabbing"
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in kids) and not perceived(node):
            return True  # "could attack"; but "gunfire could be heard" was heard
        if any(c.dep_ == "neg" or (c.dep_ == "prep" and c.lower_ == "without") for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True
        if any(c.dep_ == "amod" and c.lower_ in ("potential", "possible", "planned", "future") for c in kids):
            return True
        if node.i != token.i and (node.lemma_.lower() in IRREALIS or node.lower_ in IRREALIS) \
                and not (node.pos_ in ("VERB", "AUX") and below.dep_ in ("nsubj", "nsubjpass") or setting(node, below)):
            return True  # what is vowed is to come; the one who vows ("X, shot dead by police, had vowed") is not
        if node.i != token.i and any(irrealis_complement(c) for c in kids):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in CONTEXT_PREPS or past_background(node):
            return False  # "since the October attacks", "after rebels attacked": a background event's own modality
        if node.head.i == node.i:
            return False
        node, below, steps = node.head, node, steps + 1
    return False


def irrealis_complement(child: Token) -> bool:
    """"reports of potential plots": an "of" phrase naming an intention, which the parser may not attach to the verb."""
    if child.dep_ != "prep" or child.lower_ != "of":
        return False
    return any(g.dep_ == "pobj" and (g.lemma_.lower() in IRREALIS or any(
        a.dep_ == "amod" and a.lemma_.lower() in ("potential", "possible") for a in g.children)) for g in child.children)


def place_tops(token: Token) -> list[Token]:
    """Phrases whose places belong to the event, most specific first: a noun trigger's own relative clause tells
    its scene too ("a bombing that killed nine people at a bus station in Ankara")."""
    if token.pos_ in ("VERB", "AUX"):
        return [token]
    return _noun_tops(token)[:1] + [c for c in token.children if c.dep_ == "relcl"] + _noun_tops(token)[1:]


def _noun_tops(token: Token) -> list[Token]:
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in EVENT_HEADS:
        return [token] + _noun_tops(token.head.head)  # "a wave of shooting broke out in ..."
    light = governor(token)
    if light is not None:
        return [token, light]
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        return [token, token.head]
    return [token]


def describes(prep: Token, top: Token) -> bool:
    """A "from" phrase under a participant's noun, its subject or object (not the trigger, not a weapon: "rockets
    from Gaza"), says where the participant comes from, not where the event was: "a refugee from Afghanistan was
    stabbed", "envoys from Iran met". Under a phrase's other nouns the parse often misplaces the "from" of the verb
    ("fired at Israeli sites from Gaza")."""
    noun = prep.head
    return noun.i != top.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.pos_ in ("NOUN", "PROPN") \
        and noun.lemma_.lower() not in WEAPONS \
        and noun.lower_ not in WEAPONS


def apposed(node: Token, actor_at: dict[int, object]) -> bool:
    """An apposition to a named participant describes them, and a place in it is no scene: "Brunson, a North
    Carolina native, has been detained in Turkey" (not in North Carolina), "X, the mayor of Y, was shot". An
    apposition to a place names the place again ("in Aleppo, Syria's largest city")."""
    return node.dep_ == "appos" and (node.head.i in actor_at or node.head.ent_type_ in ("PERSON", "ORG"))
