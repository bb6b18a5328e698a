"""What the words around a name say about its actor: whether a state acts, what kind an organisation is, which
group a person belongs to.

Pure functions of the parse, used while an article is read (``geo.actors.reading``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from geo.actors.catalog import Countries
from geo.actors.names import TITLES, fold

__all__ = ["agency_name", "agentive", "described_by", "hostile_on_land", "on_heading", "organisation_kind",
           "title_chain_left", "trim"]

#: Words after which a state or demonym acts ("an Israeli offensive", "the conflict with Israel").
HOSTILE = frozenset("""
attack strike airstrike offensive assault invasion invade war conflict confrontation hostility tension threat
retaliation retaliate response respond fight clash battle raid escalation aggression bombing bombardment
shelling operation plot campaign incursion blockade sanction sanctions pressure support ally deal agreement
truce ceasefire talk talks negotiation fire launch threaten warn confront accuse demand rocket missile
barrage drone shell mortar
""".split())
FORCE_NOUNS = frozenset("military army forces force troops soldiers navy jets warplanes aircraft drones police "
                        "commandos artillery tanks".split())
#: Force nouns of a state's police: "Turkish police" is the police of Turkey (ACLED: Police Forces of Turkey).
POLICE_NOUNS = frozenset("police policemen gendarmerie gendarmes".split())
GOVERNMENT_NOUNS = frozenset("government officials official authorities ministry cabinet leadership administration "
                             "regime diplomats negotiators parliament".split())
PLACE_NOUNS = frozenset("border borders territory city capital north south east west coast region province part "
                        "side soil airspace embassy cities towns villages areas".split())
LEAD_VERBS = frozenset("preside head lead command run direct chair".split())
ORGANISATION_WORDS = {
    "media": "news times post journal press tv television radio broadcasting gazette tribune herald daily "
             "channel magazine media newspaper network".split(),
    # "agency" is a government's ("Environmental Protection Agency", "Canadian Food Inspection Agency"); a news
    # agency says "news" or "press" ("Xinhua News Agency", "Associated Press"), media words read first
    "government": "ministry government parliament cabinet presidency senate congress council department office "
                  "authority commission agency".split(),
    "military": "army military navy air force forces police gendarmerie guard".split(),
    "armed_group": "militia militias brigade brigades battalion battalions front liberation jihad mujahideen rebels "
                   "insurgents movement forces army group".split(),
}
#: Words of a police body's name ("Kentucky State Police", "Athens Police Department", "Sheriff's Office"): its
#: kind is police whatever else the name says (a state's, a department).
POLICE_BODY_WORDS = frozenset("police gendarmerie constabulary sheriff carabinieri patrol troopers".split())
#: The last words of an agency's name: its police ("Alexandria Police", "Dover Sheriff") or an office of government
#: ("Kent County Council", "Fairview Fire Department"). No person's name ends in one.
AGENCY_WORDS = POLICE_BODY_WORDS | frozenset(ORGANISATION_WORDS["government"]) | frozenset(
    "agency board committee ministry".split())
ARMED_CONTEXT = frozenset("militant militants rebel rebels militia armed insurgent insurgents terrorist jihadist "
                          "paramilitary extremist extremists guerrilla separatist".split())


def trim(span: Span) -> Span:
    """Drop leading determiners, trailing possessive markers and an unclosed bracket: "the Islamic Revolutionary
    Guard Corps'" and "the World Health Organization (WHO" (the small model stops before the ")") -> the name."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start + 1 and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    opened = [t.i for t in span.doc[start:end] if t.text in "()"]
    if opened and span.doc[opened[-1]].text == "(" and opened[-1] > start:
        end = opened[-1]
    return Span(span.doc, start, end, label=span.label)


#: The last words of an institution's or a firm's name ("Kit Carson Elementary School", "Frank Buck Zoo", "Stan
#: Winston Studio", "Acme Co."): no person's name ends in one (surnames that are such words, Church or Bank, are
#: left out).
INSTITUTION_WORDS = frozenset("""
school schools elementary academy college university institute center centre zoo hospital hospice clinic studio
studios chapter society club museum library foundation association union league company co co. corp corp. inc
inc. llc ltd ltd. restaurant cafe café station exhibit development
""".split())


def agency_name(span: Span) -> bool:
    """Names before an agency's or an institution's word ("Alexandria Police", "Kent County Council", "Wyatt High
    School"): a body, whatever the model's label. Its words are capitalised, so "Smith told police" is not one."""
    return len(span) >= 2 and span[-1].lower_ in AGENCY_WORDS | INSTITUTION_WORDS \
        and all(t.text[:1].isupper() for t in span if t.is_alpha and t.lower_ not in _NAME_PARTICLES)


#: Small words a body's name may hold in lower case ("the Sam Houston State University Police Department",
#: "Department of Health and Human Services").
_NAME_PARTICLES = frozenset("the of and for".split())


def agentive(span: Span) -> bool:
    """Whether a state or place name is used as an actor rather than a location.

    Subjects, objects, possessors of non-place nouns, and objects of "between",
    "against", "by" or of a hostile word ("attack on Israel", "conflict with Israel") are
    agents; "in Beirut", "from Gaza", "Israel's border" are places.
    """
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    dep = token.dep_
    if dep in ("nsubj", "nsubjpass", "dobj", "dative") or (dep in ("poss", "compound") and hostile_on_land(token.head)):
        return True
    if dep == "poss":
        names = [token.head, *(c for c in token.head.children if c.dep_ == "compound")]
        return token.head.lower_ not in PLACE_NOUNS and not any(t.ent_type_ in ("ORG", "PERSON", "NORP") for t in names)
    if dep == "pobj":
        prep = token.head
        if prep.lower_ in ("between", "against", "by"):
            return True
        governor = prep.head
        return prep.lower_ in ("with", "on", "at", "into", "toward", "towards", "of") and (
            governor.lemma_.lower() in HOSTILE or governor.lower_ in HOSTILE)
    if dep in ("amod", "compound", "npadvmod") and token.head.lemma_.lower() in HOSTILE:
        return True
    return False


#: Nouns that stand for a country's land in "attacks on British soil", "strikes on Syrian territory".
LAND_NOUNS = frozenset("soil territory airspace".split())


def hostile_on_land(noun: Token) -> bool:
    """"attacks on British soil", "an incursion into Iraqi airspace": a hostile word aimed at a country's land is
    aimed at the country, as "attacks on Britain" is."""
    prep = noun.head
    return noun.lower_ in LAND_NOUNS and noun.dep_ == "pobj" and prep.lower_ in ("on", "into", "against") and (
        prep.head.lemma_.lower() in HOSTILE or prep.head.lower_ in HOSTILE)


def on_heading(span: Span, text: str) -> bool:
    """Whether a span sits on a sub-heading line ("Fears of Escalation"), where title case fools NER.

    ``text`` is ``span.doc.text``, passed in because spaCy rebuilds it on every access.
    """
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    # 13 pieces at most: a text with no line break is not split whole for every name on it
    return len(line.split(None, 12)) <= 12 and not line.endswith((".", "!", "?", '"', "”", ":"))


TITLE_WORDS = TITLES | {"secretary general"}
TITLE_CHAIN_WORDS = TITLES | FORCE_NOUNS | GOVERNMENT_NOUNS | {"'s", "’s", "-", "party", "movement", "group",
                                                               "secretary general"}


def title_chain_left(span: Span) -> list[Token]:
    """The token just left of a run of title words before a name: "Hamas" in "Hamas leader Khaled Meshaal"."""
    doc, i, titles = span.doc, span.start - 1, 0
    while i >= 0 and fold(doc[i].text) in TITLE_CHAIN_WORDS and _in_sentence_of(span, i):
        titles += fold(doc[i].text) in TITLE_WORDS
        if fold(doc[i].text) in FORCE_NOUNS | GOVERNMENT_NOUNS:
            return [doc[i]] + ([doc[i - 1]] if i > 0 else [])
        i -= 1
    return [doc[i]] if i >= 0 and titles and _in_sentence_of(span, i) else []


def _in_sentence_of(span: Span, i: int) -> bool:
    """Whether token ``i``, a few words before the span, is in the span's sentence: no sentence starts between them
    (read over those few words; Token.sent walks to the sentence's start, long in a long sentence)."""
    return not any(span.doc[k].is_sent_start for k in range(i + 1, span.start + 1))


def described_by(span: Span) -> list[Token]:
    """Groups named in an apposition or relative clause: "X, the commander of the Quds Force", "X, who heads Y"."""
    head, found = span.root, []
    titles = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        titles.append(head.head)
    for title in titles:
        found += [c for c in title.children if c.dep_ == "poss"]
        found += [g for p in title.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                  for g in p.children if g.dep_ == "pobj"]
    for clause in (c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in LEAD_VERBS):
        found += [c for c in clause.children if c.dep_ == "dobj"]
        found += [g for p in clause.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return found


def organisation_kind(name: str, span: Span | None = None, countries: Countries | None = None) -> str:
    """Kind of an organisation the catalogue does not list, from its name and the words around it.

    >>> organisation_kind("Radio Dabanga"), organisation_kind("Rapid Support Forces")
    ('media', 'armed_group')
    >>> organisation_kind("Kentucky State Police"), organisation_kind("Tri-State Transit Authority")
    ('police', 'government')
    """
    words = set(fold(name).split())
    if words & POLICE_BODY_WORDS:
        return "police"
    for kind in ("media", "government"):
        if words & set(ORGANISATION_WORDS[kind]):
            return kind
    if span is not None and context_is_armed(span):
        return "armed_group"
    mentions_country = countries is not None and any(countries.find(w) for w in name.split())
    if words & set(ORGANISATION_WORDS["military"]) and mentions_country:
        return "military"
    if words & set(ORGANISATION_WORDS["armed_group"]):
        return "armed_group"
    return "organisation"


def context_is_armed(span: Span) -> bool:
    """"the militant group X", "X, a paramilitary force", "X rebels": armed words within three tokens."""
    doc = span.doc
    window = [t for t in doc[max(span.start - 3, span.sent.start): min(span.end + 4, span.sent.end)]
              if not (span.start <= t.i < span.end)]
    return any(t.lower_ in ARMED_CONTEXT for t in window)
