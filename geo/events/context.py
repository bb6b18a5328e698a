"""What an article already knows when its events are read: its actors, places and dates, indexed by token.

An event's roles are phrases of the parse; :class:`ArticleContext` turns a phrase into the actors it names
(through conjuncts, pronouns and appositions), the places it names with their roles (origin, target, location,
or the article's main place as ``context``), its date, and the generic actors and sites ("gunmen", "the
station") its common nouns stand for.
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from geo.actors.offices import official
from geo.events.clauses import CLAUSE_DEPS, CONTEXT_PREPS, apposed, clause_tokens, describes, objects, phrase, place_tops
from geo.events.credits import outside_credits
from geo.events.dates import UNKNOWN, ResolvedDate, own_date, resolve
from geo.events.generics import (GENERIC, SITE, SITE_NOUNS, UNITS, country_name, generic_actor, generic_kind,
                                 generic_mention, phrase_heads, site_kind, site_mention, surface)
from geo.events.occurrence import private_person
from geo.events.peoples import names_people, people_kind
from geo.events.participants import gender_clash, in_participant_modifier, quoting
from geo.events.placing import (about, attackers, describes_another, directed, doers_origin, elsewhere, performs,
                                prep_role, scene_first, spoken_of, subject_places)
from geo.events.scene import nearest_first, sentence_countries
from geo.events.speech import business_voice, media_voice
from geo.events.suffering import answered_elsewhere
from geo.events.targets import antecedents, facility_kind, referring, target_kind
from geo.names import slug
from geo.nlp.sentences import token_index
from geo.places.focus import dateline_end, is_backdrop, is_demonym, main_country, main_place
from geo.places.placewords import doc_text
from geo.records import CONTEXT_ROLE, Actor, ActorMention, Article, Mention, PlaceMention

__all__ = ["ArticleContext"]

PRONOUNS = frozenset("he she him her his".split())
#: Preposition heads of a site: "at the station", "outside a hospital", "in a house".
SITE_PREPS = frozenset("at in inside outside near on into against".split())


class ArticleContext:
    """Token-level indexes of one article's actor mentions, place mentions and dates."""

    def __init__(self, doc: Doc, article: Article, places: Sequence[PlaceMention], actors: Sequence[Actor],
                 actor_mentions: Sequence[ActorMention]) -> None:
        self.doc = doc
        self.article = article
        self.kinds = {a.id: a.kind for a in actors}
        self.affiliated = {a.id: a.affiliations for a in actors}
        self.actor_at = token_index(doc, ((am.mention, am.actor_id)
                                     for am in outside_credits(article.text, actor_mentions)))
        resolved = [pm for pm in places if pm.place is not None]
        self.place_at = token_index(doc, ((pm.mention, pm) for pm in resolved))
        self.nation_at = token_index(doc, ((pm.mention, pm) for pm in resolved if pm.place.kind == "country"))
        focus = main_place(resolved, countries=True, text=article.text)  # settled by geo.events.scene
        self.focus = focus.place.id if focus is not None else None
        self.resolved = resolved
        self.dateline_end = dateline_end(article.text, resolved)  # where the report was filed: no event's place
        country = main_country(resolved, focus)
        # "Belfast" alone: its country named from the country table
        self.country = country.name or (country_name(country.code) if country.code else None)
        self.sentence_countries = sentence_countries(doc, self.place_at)
        self.generic_actors: dict[str, Actor] = {}
        self.generic_mentions: dict[tuple[str, int], ActorMention] = {}
        self.sites: dict[tuple[str, int], PlaceMention] = {}
        self.triggers: dict[int, str] = {}  # the trigger tokens of the sentence being read -> their family
        self.dates = [e for e in doc.ents if e.label_ == "DATE"]  # asked per trigger: gathered once, in text order
        self.date_starts = [e.start for e in self.dates]
        self.country_names = {pm.place.country_code: pm.place.name for pm in resolved
                              if pm.place.kind == "country" and not is_demonym(pm)}

    def country_of(self, head: Token, *, initiator: bool = False) -> str | None:
        """"militants in southern Lebanon": a place's country in the phrase; an initiator's, where it acts from
        ("fired rockets from Gaza": Palestine's, as ACLED codes it); else the sentence's one country, the article's."""
        names = self.country_names
        code = None if initiator else self._nationality(head)  # "Kurdish militants" act in Turkey
        code = code or self._country_in(sorted(phrase(head), key=lambda t: t.i), among=names)
        code = code or (self._country_in(doers_origin(head)) if initiator else None)
        code = code or self.sentence_countries.get(head.sent.start)
        return (names.get(code) or country_name(code) or self.country) if code else self.country

    def _nationality(self, head: Token) -> str | None:
        """The country a country word before the noun gives its people or site: "Armenian villagers", "a US base";
        not "Iranian-backed militants", nor a people's name that is no country's ("Kurdish": Kurdistan Region)."""
        return next((pm.place.country_code for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i
                     and (pm := self.nation_at.get(c.i)) is not None), None)

    def _country_in(self, tokens: Iterable[Token], among: Iterable[str] | None = None) -> str | None:
        """The country code of the first place among ``tokens`` (and ``among`` these codes)."""
        return next((code for t in tokens if (pm := self.place_at.get(t.i)) is not None and not is_demonym(pm)
                     and (code := pm.place.country_code) and (among is None or code in among)), None)

    def generics(self, tokens: Sequence[Token], role: str) -> list[str]:
        """Generic actors of role phrases that name no actor: "gunmen" -> "Unidentified Armed Group (Spain)";
        through conjuncts and quantities ("dozens of civilians")."""
        found = []
        for token in tokens:
            for head in phrase_heads(token):
                kind = generic_kind(head, role) or people_kind(head, self.place_at.get(head.i))
                if kind is None or head.i in self.actor_at:
                    continue
                found.append(self.generic(head, kind, initiator=role == "initiator"))
        return found

    def attacked(self, tokens: Sequence[Token]) -> list[str]:
        """Generic targets of the sites and objects a violent clause is aimed at that name no actor: "stormed a
        bakery" -> "Businesses (Iraq)", "a military camp" -> "Military Forces (Iraq)" (``geo.events.targets``);
        through conjuncts and "of" phrases ("a row of shops")."""
        found = []
        for token in tokens:
            for head in phrase_heads(token):
                head = self.referent(head) or head
                pm = self.place_at.get(head.i)
                if pm is not None and pm.place.kind == "facility":  # "attacked Camp Bastion": a named site
                    found += self.named_target(head, pm)
                    continue
                kind = site_kind(head)
                owned = any(c.i in self.actor_at for c in head.children if c.i < head.i)  # "Russian drones": Russia's
                if kind is not None and head.i not in self.actor_at and pm is None and not owned:
                    found.append(self.generic(head, kind))
        return found

    def referent(self, token: Token) -> Token | None:
        """What "it"/"the building" stands for (``targets.referring``): the nearest earlier facility or site noun;
        a place or actor nearer to "it" is what "it" means ("took the town and burned it"), not to "the building"."""
        reading = referring(token)
        if reading is None:
            return None
        for t in antecedents(token, reading):
            pm = self.place_at.get(t.i)
            if pm is not None and pm.place.kind == "facility" and facility_kind(pm.mention.text):
                return t
            if pm is None and t.i not in self.actor_at and site_kind(t) is not None:
                return t
            if reading == "it" and (pm is not None or t.i in self.actor_at):
                return None
        return None

    def named_target(self, head: Token, pm: PlaceMention) -> list[str]:
        """The generic target a named facility stands for ("Camp Bastion": Military Forces), its name the mention."""
        kind = facility_kind(pm.mention.text)
        if kind is None:
            return []
        country = self.country_of(head)
        actor = generic_actor(kind, country)
        actor_id, m = self.state_force(kind, country) or actor.id, pm.mention
        mention = ActorMention(actor_id, Mention(m.start, m.end, m.text, kind))
        if actor_id != actor.id:  # "attacked Camp Shorabak" in a text that names the Afghan army: its camp
            self.generic_mentions.setdefault((actor_id, m.start), mention)
            return [actor_id]
        return [self._record(actor, m.start, mention)]

    def state_force(self, kind: str, country: str | None) -> str | None:
        """The state's own military or police the article names ("the Sudanese Armed Forces"): "the army", "troops"."""
        own = f"{slug(country)}-{kind}" if country and kind in ("military", "police") else None
        return own if own is not None and self.kinds.get(own) == kind else None

    def generic(self, head: Token, kind: str, *, initiator: bool = False) -> str:
        """The generic actor of ``kind`` a common noun stands for, recorded with the noun as its mention. A state's
        military or police that the article names is what "the army", "troops" or "police" of that state are
        ("the Sudanese Armed Forces ... the army": one actor, the state's military)."""
        country = self.country_of(head, initiator=initiator)
        own = self.state_force(kind, country)
        if own is not None:
            return self._own(own, head)
        actor = generic_actor(kind, country)
        return self._record(actor, head.idx, generic_mention(head, actor))

    def _record(self, actor: Actor, at: int, mention: ActorMention) -> str:
        """Keep a generic actor of the article and its first mention at character ``at``; returns its id."""
        self.generic_actors.setdefault(actor.id, actor)
        self.generic_mentions.setdefault((actor.id, at), mention)
        return actor.id

    def opponents(self, tokens: Sequence[Token]) -> list[str]:
        """The actors "anti-" modifiers name: an actor of the text ("anti-Israel"), "government" as the article's
        one government actor, or the government of its country among several ("anti-government protests" in a text
        on Venezuela that also names its congress), else a generic actor ("anti-police riots")."""
        found = []
        governments = [a for a, kind in self.kinds.items() if kind == "government"]
        national = f"{slug(self.country)}-government" if self.country else None
        governments = [national] if national in governments else governments
        for token in tokens:
            if token.i in self.actor_at:
                found.append(self.actor_at[token.i])
            elif token.lower_ == "government" and len(governments) == 1:
                found.append(governments[0])
            elif token.lower_ in GENERIC:  # "anti-police": the parser tags the word an adjective
                found.append(self.generic(token, GENERIC[token.lower_]))
        return found

    def speaks_for_party(self, speaker: Token) -> bool:
        """Whether a speaker phrase is a party's voice: it names a political actor and no apposition
        describes it as a private person ("Eva, a 17-year-old student", "X, owner of a body shop"), which
        also catches a name the model took for an organisation."""
        if private_person(speaker) or media_voice(speaker) or business_voice(speaker):
            return False  # "the state-run news agency reported": a medium, sourcing; "the company said": commerce
        return any(self.political(a) for a in self.actors_of(speaker))

    def political(self, actor_id: str) -> bool:
        """Whether an actor speaks for a party: any kind but media, a person only with an affiliation."""
        kind = self.kinds.get(actor_id)
        if kind == "person":
            return bool(self.affiliated.get(actor_id))
        return kind not in (None, "media")

    def actors_of(self, token: Token) -> list[str]:
        """The actors a role phrase names: its head's actor (and conjuncts'), a pronoun's antecedent,
        else the actors inside it, leaving out appositions ("Qaani, the commander of the Quds Force" is Qaani)."""
        if token.i in self.actor_at:
            found = [self.actor_at[token.i]]
            return found + [a for c in token.children if c.dep_ == "conj" for a in self.actors_of(c)]
        if token.pos_ == "PRON" and token.lower_ in PRONOUNS:
            return self.antecedent(token)
        tokens = sorted(phrase(token, CLAUSE_DEPS | {"appos"}), key=lambda t: t.i)
        found = list(dict.fromkeys(self.actor_at[t.i] for t in tokens if t.i in self.actor_at))
        if not found and token.pos_ == "NOUN":  # "the opposition leader Alexei Navalny": a title before the name
            found = [a for c in token.children if c.dep_ == "appos" for a in self.actors_of(c)]
        owner = [self.actor_at[c.i] for c in token.children if c.dep_ == "poss" and c.i in self.actor_at]
        if token.lower_ in UNITS and owner:  # "the IRA's Belfast brigade": the group's, named by its unit too
            self._own(owner[0], token)
        return found

    def _own(self, actor_id: str, token: Token) -> str:
        """Record a common noun as a mention of an actor the article names: "the Belfast brigade" of the IRA."""
        start, end = surface(token)
        kind = self.kinds.get(actor_id) or "organisation"
        mention = Mention(start, end, doc_text(token.doc)[start:end], kind)
        self.generic_mentions.setdefault((actor_id, start), ActorMention(actor_id, mention))
        return actor_id

    def stray_subject(self, verb: Token) -> list[str]:
        """When the parse gives a verb no subject ("Amid the war, X, the commander of Y, held talks"
        parsed with X as a conjunct), the first actor before the verb that is no modifier or object."""
        for t in verb.sent:
            if t.i >= verb.i:
                break
            if t.i in self.actor_at and t.dep_ in ("nsubj", "conj", "ROOT", "dep", "npadvmod"):
                return [self.actor_at[t.i]]
        return []

    def instigator(self, means: Token) -> list[str]:
        """Whose means an event is ("Hezbollah's support ..., evident through a rocket barrage"): the nearest actor
        before it in its sentence that owns or does something (a possessor or a subject), not the event's own target."""
        aimed = {a for t in objects(means) for a in self.actors_of(t)}
        for i in range(means.i - 1, means.sent.start - 1, -1):
            actor = self.actor_at.get(i)
            if actor and actor not in aimed and self.doc[i].dep_ in ("poss", "nsubj"):
                return [actor]
        return []

    def antecedent(self, pronoun: Token) -> list[str]:
        """"he"/"she": the last person (or official named by office: "the Thai premier") before it, in its sentence
        or the one before."""
        sent = pronoun.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(pronoun.i - 1, first - 1, -1):
            actor = self.actor_at.get(i)
            person = actor and (self.kinds.get(actor) == "person" or official(self.doc[i]))
            if person and self.actor_at.get(i - 1) != actor and not gender_clash(pronoun, i) \
                    and not quoting(pronoun, self.doc[i]):  # "Spokeswoman X": no "he"
                return [actor]
        return []

    def dates_in(self, token: Token) -> list[Span]:
        """DATE entities of the phrase, except those of a scene-setting or appositive phrase inside it
        ("this meeting, the third since the attack in October" is not dated October)."""
        ids = {t.i for t in phrase(token, CLAUSE_DEPS | {"appos"})}
        near = self.dates[max(bisect.bisect_left(self.date_starts, min(ids)) - 1, 0):
                          bisect.bisect_right(self.date_starts, max(ids))]  # the ones that can have a root there
        return [e for e in near if e.root.i in ids and own_date(e.root, token)]

    def date(self, token: Token) -> ResolvedDate:
        """The trigger phrase's DATE entity ("the October attacks"), else the clause's nearest the trigger,
        else a DATE attached to the sentence's main verb
        ("Earlier on Friday, Nasrallah marked ... with a speech")."""
        top = clause_tokens(token)
        candidates = self.dates_in(token) or (self.dates_in(top[0]) if top else [])
        if not candidates:
            sent = token.sent
            inside = self.dates[bisect.bisect_left(self.date_starts, sent.start):
                                bisect.bisect_left(self.date_starts, sent.end)]
            candidates = [e for e in inside if e.end <= sent.end and sent.root.i in (e.root.i, e.root.head.i)]
            if len(candidates) != 1:
                return UNKNOWN
        best = min(candidates, key=lambda e: abs(e.root.i - token.i))
        return resolve(best.text, self.article.published)

    def place_roles(self, token: Token, family: str) -> tuple[tuple[str, str], ...]:
        """Origin ("from Gaza"), target ("at Israel") and location ("in Beirut") places of the clause.

        Each place takes its role from the first preposition on its path up to the top of its phrase; a place in
        the subject is the origin of a directed attack. A noun trigger's own phrase comes first ("a meeting at
        Hillsborough Castle", "the attack on the market"); then the clause of the verb that governs it: the light
        verb ("held talks in Beirut") or the verb it is the subject of ("the explosion was at the station", "the
        blast hit a shop on Rue de la Paix"); an attacker's country last (``placing.attackers``), then a people's
        word ("Kurds")."""
        roles, people, seen = [], [], set()
        for top in place_tops(token):
            for t in sorted(phrase(top), key=lambda t: t.i):
                pm = self.place_at.get(t.i)
                if pm is None or id(pm) in seen or top.i != token.i and self.anothers(t, token, top):
                    continue  # a governing verb's phrase may hold another event's place
                seen.add(id(pm))
                role = self.path_role(t, top, family if directed(top) else "scene")
                if top.i != token.i and not performs(top, token) and (
                        role == "subject" or in_participant_modifier(t, token) or answered_elsewhere(t, token)):
                    continue  # "militants active in Syria claimed a bombing", "the talks involved envoys based in
                    # Idlib": the claimant's and the envoys' places, not the bombing's or the talks'
                if role and self.usable(pm, role):  # "Papuan students": who, not where (geo.events.peoples)
                    (people if names_people(t, pm) else roles).append((role, pm.place.id))
        if family == "violence":  # a subject's place: where the fire came from, or landed ("came under fire")
            roles = subject_places(roles, token)
        roles, fired = scene_first(roles), attackers(roles)
        roles += self.site_roles(token, family, [p for _, p in roles])
        roles = roles or self.nearest_place(token)
        if not roles and self.focus:
            roles = [(CONTEXT_ROLE, self.focus)]
        return tuple(dict.fromkeys(roles or fired or scene_first(people)))

    def site_roles(self, token: Token, family: str, clause_places: list[str]) -> list[tuple[str, str]]:
        """Common-noun scenes of the clause ("at the station", "in a house in the city"), at the point
        of the enclosing place: a place inside the phrase, else the clause's, else the sentence's
        nearest below country level, else the article's main place."""
        roles = []
        for top in place_tops(token):
            for t in sorted(phrase(top), key=lambda t: t.i):
                if not self.is_site(t):
                    continue
                role = self.path_role(t, top, family if directed(top) else "scene")
                parent = self.site_parent(t, clause_places)
                if role is None or parent is None:
                    continue
                key = (parent.place.id, t.i)
                pm = self.sites.setdefault(key, site_mention(t, parent))
                roles.append((role if role != "subject" else "location", pm.place.id))
        return roles

    def is_site(self, t: Token) -> bool:
        if t.pos_ != "NOUN" or not t.is_lower or t.lower_ not in SITE_NOUNS or t.i in self.place_at or t.ent_type_:
            return False
        if t.i in self.actor_at or t.dep_ != "pobj" or t.head.lower_ not in SITE_PREPS:
            return False
        # "the towns of Budennovsk and Kizlyar", "areas under Israeli control": named or described elsewhere
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)

    def site_parent(self, t: Token, clause_places: list[str]) -> PlaceMention | None:
        inner = [self.place_at[c.i] for c in t.subtree if c.i in self.place_at]
        by_id = {pm.place.id: pm for pm in self.resolved}
        candidates = inner + [by_id[p] for p in clause_places if p in by_id]
        sentence = [self.place_at[c.i] for c in t.sent if c.i in self.place_at]
        candidates += nearest_first(sentence, t.idx, self.dateline_end)
        candidates += [by_id[self.focus]] if self.focus in by_id else []
        for pm in candidates:
            if pm.place.kind not in ("country", "continent", "water", "demonym", SITE, "facility", "local") \
                    and not is_demonym(pm) and pm.place.lat is not None:
                return pm
        countries = [pm for pm in candidates if pm.place.kind == "country" and not is_demonym(pm)]
        return countries[0] if countries else None

    def path_role(self, place: Token, top: Token, family: str) -> str | None:
        if self.is_descriptor(place) or describes_another(place, self.place_at):
            return None
        node, subject, role = place, False, ""
        for _ in range(12):
            if node.i == top.i or node.head.i == node.i:
                break
            if node.dep_ == "pobj" and node.head.lower_ in CONTEXT_PREPS or apposed(node, self.actor_at):
                return None  # "amid the war in Gaza"; "Brunson, a North Carolina native, was detained"
            if node.dep_ == "pobj" and not role and node.head.lower_ != "of":
                role = prep_role(node.head.lower_, family, on_top=node.head.head.i == top.i) or "none"
                if role == "origin" and describes(node.head, top):
                    return None  # "a refugee from Afghanistan was stabbed", "leaders from Iraq met"
            if node.dep_ in ("nsubj", "csubj") and node.head.i != top.i and node.head.pos_ in ("VERB", "AUX"):
                return None  # another verb's doer: "skirmishes ..., with Israel intensifying its strikes"
            subject |= node.dep_ in ("nsubj", "csubj")
            if node.dep_ in ("dobj", "nsubjpass") and node.head.i == top.i and family == "violence" and not role:
                return "target"
            node = node.head
        if subject and role in ("", "location"):
            if place.i in self.actor_at:  # "Israel intensified its strikes": the attacker, not the scene
                return "doer" if family == "violence" else None
            return "subject"
        return None if role == "none" else (role or "location")

    def is_descriptor(self, place: Token) -> bool:
        """"Gaza's Hamas", "Lebanon's Hezbollah movements", "Tehran's ally": the place describes an actor."""
        if place.dep_ not in ("poss", "compound", "amod", "nmod"):
            return False
        head = place.head
        if self.place_at.get(head.i) is self.place_at.get(place.i):
            return self.is_descriptor(head) if head.i != place.i else False  # "northern Israel": one name
        if place.i in self.actor_at and place.dep_ == "poss":
            return True
        return head.i in self.actor_at or any(c.i in self.actor_at and c.i != place.i for c in head.children
                                              if c.dep_ in ("compound", "amod"))

    def usable(self, pm: PlaceMention, role: str) -> bool:
        """Demonyms ("Israeli sites") name a target's country, never where the event was; a backdrop ("the
        Middle East") is never the place of an event (``geo.places.focus.is_backdrop``); nor is the dateline,
        which the parser reads into the first sentence's clause: it says where the report was filed ("KYIV,
        Ukraine (AP) - Russian drones struck ... in the Odesa region"), and stays the article's scene for
        events whose sentences name no place."""
        if pm.mention.start < self.dateline_end:
            return False
        return not is_backdrop(pm.place) and (role == "target" or not is_demonym(pm))

    def nearest_place(self, token: Token) -> list[tuple[str, str]]:
        """Fallback: the sentence's place nearest the trigger, when the clause names none and it is no actor, nor
        describes a participant ("involved individuals active in Syria", "U.S. envoy X responded to the bombing":
        ``placing.spoken_of``; "a citizen of Tajikistan": ``placing.belonging``), nor lies in another participant's
        clause ("..., while the president was on holiday in Florida": ``placing.elsewhere``), nor names a people."""
        found = [(abs(t.i - token.i), self.place_at[t.i]) for t in token.sent
                 if t.i in self.place_at and t.i not in self.actor_at and not self.anothers(t, token)
                 and not in_participant_modifier(t, token) and not elsewhere(t, token) and not spoken_of(t, token)
                 and not describes_another(t, self.place_at) and not names_people(t, self.place_at[t.i])
                 and not about(t, token, self.triggers.get(token.i))]  # "the talks focused on Ukraine"
        found = [(d, pm) for d, pm in found if self.usable(pm, "location")]
        return [("location", min(found, key=lambda x: x[0])[1].place.id)] if found else []

    def anothers(self, place: Token, token: Token, top: Token | None = None) -> bool:
        """Whether a place is in the phrase of an event of another family in the sentence ("the rocket attack was
        planned in Qaani's meetings in Beirut": Beirut is the meetings' place, not the attack's); the search stops
        at the verb governing the trigger whose phrase is read ("the minister said a meeting was under way in
        Lagos": Lagos is the meeting's, under its "was", not the statement's that governs both)."""
        family = self.triggers.get(token.i)
        for t in itertools.islice(place.ancestors, 5):
            if t.i == token.i:
                return False
            if self.triggers.get(t.i, family) != family:
                return True  # "a Metcalfe County man is arrested after a shooting": the arrest's, also as the top
            if top is not None and t.i == top.i:
                return False
        return False

