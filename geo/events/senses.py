"""Senses of two trigger words that report no violence and no meeting: the strike of a labour dispute, of a
road accident or of a fist, and the "meet" of a goal or a reception.

"Strike" is an air strike in war news, and a walkout, a car hitting a tree or a punch in business and local news;
"met" is a meeting with someone and also "met the goal", "met with criticism". The words around them tell the
senses apart: the vocabulary of an industrial dispute or of traffic in the sentence, the striker, the object of
"meet" or of its "with". The lists are common collocations of English (the Oxford Collocations Dictionary's entries
for "strike" and "meet"), not corpus phrases. So are the other readings that report no event: a warning that
advises ("advice"), a lease signed, salt trucks deployed, a view agreed with, play in a match ("play"), a deal of
trade ("commercial_deal"), a road death ("run_over"); and the company a statement word needs: an audience for a
speech ("addressed"), someone made to act for coercion ("made_to_act").
Pure functions of spaCy tokens, asked by :func:`geo.events.clauses.licensed`.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.taxonomy import DEFAULT_TAXONOMY
from geo.nlp.memo import per_article
from geo.nlp.sentences import words_near

__all__ = ["AUDIENCES", "accord_not_made", "addressed", "advice", "agreed_with_a_view", "blow", "collision",
           "commercial_deal", "deployed_no_force", "dismissed", "held", "made_to_act", "met_no_one", "play",
           "run_over", "set_off_a_mine", "signed_no_accord", "walkout", "interception", "launched", "person_taken"]

#: Words of an industrial dispute anywhere in a strike's sentence ("a minority of trade union members").
INDUSTRIAL = frozenset("union unions unionists walkout walkouts picket pickets picketing pay wage wages salary "
                       "salaries pension pensions bargaining".split())
#: What is "met" when no one is met: "two met the goal", "met the deadline".
MET_STANDARDS = frozenset("demand need expectation requirement target deadline goal goals standard standards criteria "
                          "criterion threshold quota benchmark obligation obligations condition conditions "
                          "challenge".split())
#: What a plan or a person "met with" when no one is met: "the plan met with criticism".
RECEPTIONS = frozenset("criticism resistance opposition approval skepticism scepticism anger outrage success praise "
                       "disapproval derision ridicule".split())

#: Vehicles and road words: "the car overturned, striking a tree", "a pickup truck struck a cyclist".
TRAFFIC = frozenset("car cars truck trucks pickup vehicle vehicles van bus train suv sedan motorcycle motorcyclist "
                    "tractor trailer lorry taxi motorist driver drivers crash collision pedestrian cyclist drive wreck "
                    "roadway highway intersection crosswalk".split())
#: What a blow is dealt with: "striking him in the face with his fist".
BLUNT = frozenset("fist fists hand hands bat hammer stick rock club baton bottle pipe elbow knee foot".split())


#: People who go on strike ("the medical workers' strike", "a doctors' strike"): a strike they own is a walkout.
STRIKERS = frozenset("""
worker workers employee employees staff doctor doctors nurse nurses teacher teachers driver drivers miner miners
docker dockers pilot pilots union unions
""".split())


def walkout(strike: Token) -> bool:
    """"Union members planned a strike over pay", "nurses will strike over wages", "the medical workers'
    strike", "dock workers went on strike": a walkout, not an air strike."""
    if any(c.dep_ == "poss" and c.lower_ in STRIKERS for c in strike.children):
        return True
    if strike.lower_ == "strike" and strike.head.lower_ == "on" and not any(c.dep_ == "det" for c in strike.children):
        return True  # "went on strike", "nurses remain on strike": the idiom of a walkout, whoever strikes
    return any(t.lower_ in INDUSTRIAL for t in strike.sent)


def met_no_one(meet: Token) -> bool:
    """"Six districts met the standard", "the plan met with criticism": a standard met or a reception, no meeting;
    "he was met by a man with a gun": an encounter with someone unnamed, no meeting ("was met by the foreign
    minister" is one)."""
    kids = list(meet.children)
    if any(g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an", "some") for d in g.children)
           for c in kids if c.dep_ == "agent" for g in c.children):
        return True
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MET_STANDARDS for c in kids):
        return True
    return any(g.lemma_.lower() in RECEPTIONS for c in kids if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj")


def collision(strike: Token, armed: frozenset[str]) -> bool:
    """A vehicle striking something ("the car overturned, striking a tree"): a sentence with a word of traffic and
    none of ``armed`` (weapons, aircraft, attackers: "a drone struck a car" stays an air strike)."""
    others = [t for t in strike.sent if t.lemma_ != strike.lemma_]  # "struck several trees ... striking a fence"
    words = {t.lemma_.lower() for t in others} | {t.lower_ for t in others}
    return bool(words & TRAFFIC) and not words & armed


def run_over(kill: Token, armed: frozenset[str]) -> bool:
    """A vehicle or a wreck as the killer ("killed by a car", "a motorcycle wreck killed a passenger"), in a sentence
    with no word of ``armed``: a road death, no attack ("a truck bomb killed" names a bomb)."""
    doers = [g for node in [kill, *kill.conjuncts] for c in node.children if c.dep_ == "agent"
             for g in c.children if g.dep_ == "pobj"]  # "was struck and killed by a car"
    doers += [c for c in kill.children if c.dep_ == "nsubj"]
    return any(d.lemma_.lower() in TRAFFIC or d.lower_ in TRAFFIC for d in doers) and collision(
        kill, armed - {"strike"})  # "was struck and killed by a car": the car's strike, no weapon


def blow(strike: Token) -> bool:
    """"Striking him in the face with his fist": a blow by hand or club, no strike from the air."""
    return any(g.lemma_.lower() in BLUNT for c in strike.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj")


#: What a threat threatens with, after CAMEO 13's sub-codes (threaten with sanctions, a boycott, force, military
#: action, war; reprisals and consequences): words of an act a party will do to another.
THREATENED = frozenset("""
consequence consequences retaliation retaliate reprisal reprisals revenge response respond force war sanction
sanctions boycott action punish punishment escalation
""".split())
#: Named parties: a person, an organisation, a people; a country only as the one warned or acting.
PARTY_ENTS = frozenset({"PERSON", "ORG", "NORP"})
WARNED = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj"})


#: What a gun or a police line fires besides the munitions the caller passes (``clauses.MUNITIONS``): lemmas.
FIRED = frozenset("gun rifle pistol weapon cannon gas teargas flare burst torpedo arrow artillery ammunition munition "
                  "canister pellet blank dart it".split())


def dismissed(fire: Token, munitions: frozenset[str]) -> bool:
    """"fire" in its sense of dismissing someone: an object (or passive subject) that is none of ``munitions`` nor
    of ``FIRED`` ("Trump fired Comey on Tuesday", "the club fired its coach", "the mayor fired the police chief at a
    meeting", "he was fired on Monday"; not "fired rockets at", "shots were fired into the crowd", "fired tear
    gas", "fired dozens of rockets")."""
    fired = FIRED | munitions
    held = [c for c in fire.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(not _fired(c, fired) and not any(_fired(g, fired) for p in c.children
                                                if p.dep_ == "prep" and p.lower_ == "of"
                                                for g in p.children if g.dep_ == "pobj") for c in held)


def _fired(word: Token, fired: frozenset[str]) -> bool:
    return bool({word.lemma_.lower(), word.lower_, word.lower_[:-1]} & fired)  # "Rockets were fired"


def advice(warn: Token) -> bool:
    """A "warn" that advises the public rather than threatens anyone (CAMEO 13 is a threat to a party): no party is
    warned or named in what it warns of, and what it warns of is no act of a party: no event word and no word of
    force, sanction or retaliation ("the sheriff is warning residents about two scams", "drivers were warned of icy
    roads", "the airline warned of delays"; but "Hamas warned Israel", "warned that it would respond with force",
    "warned that officers would arrest anyone", "warned residents to leave before the strikes" threaten)."""
    content = [t for c in warn.children if c.dep_ != "nsubj" for t in c.subtree]
    for t in content:
        if t.ent_type_ in PARTY_ENTS or t.ent_type_ == "GPE" and t.dep_ in WARNED:
            return False
        if t.pos_ == "PRON" and t.dep_ in WARNED and t.lower_ not in ("it", "that", "this", "there"):
            return False  # "warned him": a person threatened
        if t.lemma_.lower() in THREATENED or t.lower_ in THREATENED:
            return False
        if t.pos_ in ("NOUN", "VERB") and DEFAULT_TAXONOMY.trigger(t.lemma_, t.pos_) is not None:
            return False
    return True


#: What parties sign when they agree (ACLED's Agreement: a peace deal, ceasefire, accord between parties); a lease,
#: a bill, a note or a law signed is no agreement between parties.
ACCORDS = frozenset("""
agreement agreements accord accords treaty treaties truce truces ceasefire ceasefires cease-fire deal deals pact pacts
memorandum protocol armistice declaration communique settlement convention
""".split())
#: What is deployed when a deployment changes a force's posture (ACLED's "change to group/activity", CAMEO 15):
#: troops, units, police, ships, aircraft, weapons; not salt trucks or a flood wall.
FORCES = frozenset("""
troops soldiers forces force army military police policemen officers units unit battalion battalions brigade brigades
personnel marines peacekeepers guards guardsmen commandos warships ships vessels jets warplanes aircraft drones tanks
artillery missiles missile batteries battery navy fighters militia militiamen reinforcements contingent division
""".split())
#: Views one agrees with ("agreed with defence claims", "agrees with the CIA's conclusion"): an opinion shared.
VIEWS = frozenset("claim claims conclusion conclusions view views assessment assessments finding findings opinion "
                  "opinions argument arguments analysis point statement sentiment premise".split())


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def signed_no_accord(verb: Token) -> bool:
    """"signed a lease", "signed an online note", "signed the Act": what was signed is no accord between parties."""
    objs = _objects(verb)
    return bool(objs) and not any(o.lemma_.lower() in ACCORDS or o.lower_ in ACCORDS for o in objs)


def deployed_no_force(verb: Token) -> bool:
    """"deployed a portable wall system", "salt trucks were deployed": no force was deployed. A named force or
    group ("deployed the 82nd Airborne") is one."""
    objs = _objects(verb)
    return bool(objs) and not any(o.lemma_.lower() in FORCES or o.lower_ in FORCES
                                  or o.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") for o in objs)


#: Auxiliaries of a clause that arranges what is to happen: "agreed that investigators would fly to Ankara".
ARRANGING = frozenset("would will shall should must could can may might".split())


def agreed_with_a_view(verb: Token) -> bool:
    """"agreed with defence claims that ...", "the FBI agrees with the CIA's conclusion", "agreed that problems had
    gone on long enough", "agrees offences by children are a problem": an opinion shared, no agreement between
    parties; a clause of what is to happen ("agreed that investigators would fly to Ankara") is one. A participle
    that describes a thing ("agreed upon meeting points") reports no agreement."""
    if verb.dep_ == "amod" or (any(c.lower_ == "upon" for c in verb.children)
                               and not any(c.dep_.startswith("nsubj") for c in verb.children)):
        return True
    if any(g.dep_ == "pobj" and g.lemma_.lower() in VIEWS
           for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(a.dep_ in ("aux", "auxpass") and a.lower_ in ARRANGING | {"to"}
                                     for c in clauses for a in c.children)


def accord_not_made(noun: Token) -> bool:
    """An accord noun that reports no agreement made: a stance ("nodded in agreement", "in agreement with") or
    accords a country holds ("Canada has only one trade agreement in Asia", "Chile has nine agreements")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and not any(c.dep_ in ("det", "poss") for c in noun.children):
        return True
    return held(noun)


def held(noun: Token) -> bool:
    """A noun someone has, not an act reported: "Chile has nine agreements", "he has prior arrests"."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have"


#: Words of buying and selling (the Oxford Collocations Dictionary's "deal": "a business/property/tax deal", "the
#: best deals on", "a $1bn deal to buy"): an agreement that trades goods or money is no ACLED agreement.
COMMERCE = frozenset("""
buy buys buying bought buyout purchase purchases purchasing sell sells selling sold sale sales acquire acquiring
acquisition acquisitions stake shares merger mergers lease leases price prices discount discounts bargain bargains
shopper shoppers customer customers retailer retailers store stores business property tax taxes loan loans
sponsorship licensing franchise investor investors transaction transactions exchange
""".split())
#: Words on either side of a deal that tell what it trades ("agreed to buy out its partner for $1.3bn").
WINDOW = 12
#: Grades of "deal" as a quantity or a bargain: "a great deal of money", "the best deals".
DEAL_GRADES = frozenset("great good better best big cheap cheaper cheapest special raw".split())


def commercial_deal(token: Token) -> bool:
    """"Deal"/"agreement"/"agree" that trades goods or money, or measures a quantity, reports no agreement between
    parties: "a great deal of money", "the best deals on televisions", "agreed to buy out its partner for $1.3bn",
    "entered into an agreement to acquire the property". Peace or ceasefire words near it keep it."""
    word = token.lemma_.lower()
    if word == "deal" and token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in DEAL_GRADES for c in token.children):
        return True  # "a great deal of", "the best deals": a quantity or a bargain
    if word not in ("deal", "agreement", "agree"):
        return False
    near = words_near(token, WINDOW)  # a window, not the clause's subtree: a hostile sentence of deals stays linear
    if any(t.lower_ in ACCORDS - {"deal", "deals", "agreement", "agreements"} for t in near):
        return False  # "a ceasefire agreement", "a peace deal to exchange prisoners"
    return any(t.lower_ in COMMERCE or t.lemma_.lower() in COMMERCE or t.ent_type_ == "MONEY" for t in near)


#: Assemblies and publics that a speech is given to (CAMEO 010, make a public statement: "addressed the nation",
#: "told parliament", "told a rally"); reporters and the press are the audience of sourcing, not of a speech.
AUDIENCES = frozenset("""
nation nations parliament parliaments congress senate assembly assemblies legislature lawmakers legislators
parliamentarians deputies council summit conference convention rally rallies crowd crowds supporters followers
troops soldiers graduates delegates people country citizens
""".split())


def addressed(verb: Token) -> list[Token]:
    """The audience a verb of speaking is given to: its object ("addressed the nation"), its dative ("told
    parliament"), its "to" phrase ("said to a rally of supporters"), when the head noun is an assembly or a public."""
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    heard += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
              if g.dep_ == "pobj"]
    return [t for t in heard if t.lemma_.lower() in AUDIENCES or t.lower_ in AUDIENCES]


def made_to_act(verb: Token) -> bool:
    """Coercion (CAMEO 13, KAIROS ThreatenCoerce) makes someone act: "pressuring employees to vote", "coerced them
    into signing"; "feel obliged", "pressured by deadlines" name a state of mind or a burden."""
    return verb.tag_ != "VBN" and any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)


#: Words of a sports report: there "attack", "fired a shot" and "strike" are play, not violence.
SPORTS = frozenset("""
striker strikers midfielder goalkeeper penalty referee goalless equaliser equalizer hat-trick wicket innings
tournament championship match substitution substitutions half-time halftime
""".split())
#: Trigger words that are also play in a match: "a 90th-minute strike", "rarely threatened the goalkeeper".
PLAY = frozenset("attack fire shoot shot strike assault threaten clash battle".split())
#: Words of real violence that a sports report's sentence may still hold ("gunmen attacked the team bus").
ARMED = frozenset("gun guns gunman gunmen gunfire rifle bomb bombs bomber explosive explosives grenade militant "
                  "militants attacker attackers assailant assailants police soldiers troops".split())


def sports_report(token: Token) -> bool:
    """Whether the article is a sports report (three or more distinct words of ``SPORTS`` in its text): there
    "strike", "attack" and "threatened" are play even in a sentence with no word of the game ("a brace and a
    90th-minute strike sealed the win"), unless the sentence holds a word of real violence (``ARMED``, asked by
    :func:`play`: "after the match, gunmen attacked the team bus")."""
    doc = token.doc
    return per_article(doc, "newsmap_sports_words", lambda d: len({t.lower_ for t in d if t.lower_ in SPORTS})) >= 3


def play(token: Token) -> bool:
    """A trigger word that is play in a match: in a sentence with a word of the game, or anywhere in a sports report,
    and in a sentence with no word of real violence ("the striker fired a shot into the top corner")."""
    if token.lemma_.lower() not in PLAY or any(t.lower_ in ARMED for t in token.sent):
        return False
    return any(t.lower_ in SPORTS for t in token.sent) or sports_report(token)


#: What air defences down: munitions and drones on their way to a target (not aircraft, whose downing is an attack
#: on the aircraft's side: "Russian forces shot down a Ukrainian jet").
INTERCEPTED = frozenset("drone drones missile missiles rocket rockets projectile projectiles shell shells "
                        "munition munitions".split())


def interception(token: Token) -> bool:
    """"Air defences shot down 14 Russian drones": the event is the drones' owner's strike, which the defenders
    foiled, so the owner is its initiator and the defenders its target (ACLED codes an intercepted drone or missile
    attack as the attacker's Air/drone strike or missile attack), not the reverse."""
    if token.lemma_.lower() != "shoot" or not any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in INTERCEPTED for c in token.children)


#: Hidden explosives a vehicle or a foot patrol sets off by touching them: "the patrol hit a landmine".
HIDDEN_EXPLOSIVES = frozenset("mine mines landmine landmines ied ieds bomb explosive explosives".split())


def set_off_a_mine(token: Token) -> bool:
    """"Their patrol hit a landmine", "a bus struck a roadside bomb": a hidden explosive set off by its victims, an
    explosion (ACLED's Remote explosive/landmine/IED) whoever laid it; the subject is what it hit, not who attacked
    (``extraction`` turns the roles round, as for an interception)."""
    if token.lemma_.lower() not in ("hit", "strike") or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "dobj" and (c.lower_ in HIDDEN_EXPLOSIVES or c.lemma_.lower() == "device" and any(
        g.lower_ in ("explosive", "improvised") for g in c.children)) for c in token.children)


def launched(token: Token, munitions: frozenset[str]) -> bool:
    """A participle describing a counted munition is its launch: "a missile fired from Yemen", "two rockets fired
    at the base"; a bare plural names a kind ("long-range missiles fired by Iran" that a system is to intercept)."""
    return token.dep_ == "acl" and token.head.lemma_.lower() in munitions \
        and any(c.dep_ in ("det", "nummod") for c in token.head.children)


#: Heads of a quantity whose "of" phrase names who was taken ("seized dozens of hostages"), not a place's name
#: ("seized the town of Wad Madani", whose name the model may tag PERSON).
QUANTITIES = frozenset("dozens hundreds thousands scores number group handful couple some several".split())


def person_taken(token: Token) -> bool:
    """"Capture"/"seize" take a person (an arrest), not a thing or a town: "seized dozens of hostages", "captured
    two suspects"; not "seized the town of Abu Hamad"."""
    people = {"suspect", "suspects", "man", "men", "woman", "member", "members", "militant", "militants", "leader",
              "hostage", "hostages", "civilian", "civilians",
              "commander", "people", "soldier", "soldiers", "fighter", "fighters", "journalist", "activist"}
    objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for o in objs if o.pos_ == "NUM" or o.lower_ in QUANTITIES for p in o.children
             if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]  # "dozens of hostages"
    return any(c.lower_ in people or c.ent_type_ == "PERSON" for c in objs)
