"""A ministry named without its country ("the Health Ministry", "the defence ministry", "Nigeria's Ministry of
Health") belongs to a country the text gives around it.

Every country has a health ministry, a defence ministry, a foreign ministry: as a bare name, "Health Ministry" is no
one body, and the actor filter listed the Indonesian, Chinese and British ones as one actor "Health Ministry". The
ministry takes the country written before it ("China's Health Ministry", "the South African ministry") or, failing
that, the one country the article's places lie in; an article that names places of two countries leaves it open,
as a minister's government is left open (``geo.actors.reading.ArticleReading.article_government``).

"Ministry" is a national cabinet's word (a province's or a state's body is a "department" or an "office" in most
news, and a county's "Health Department" is no ministry of its country), so only names with it are read here.
"""
from __future__ import annotations

from spacy.tokens import Span

from geo.actors.catalog import Countries, Country
from geo.actors.names import clean, fold
from geo.names import slug
from geo.records import Actor

__all__ = ["MINISTRY_WORDS", "ministry_country", "ministry_of", "unplaced_alias", "unplaced_ministry"]

#: The words of a cabinet department's name in English-language news (Wikipedia: Ministry (government department)).
MINISTRY_WORDS = frozenset({"ministry", "ministries"})
_POSSESSIVES = frozenset({"'s", "’s"})
_SMALL = frozenset({"of", "and", "for", "the"})


def unplaced_ministry(name: str, countries: Countries) -> bool:
    """A ministry's name that names no country ("Health Ministry", "Ministry of Defence"; not "Turkish Ministry of
    Health", "Health Ministry of Uganda")."""
    words = fold(name).split()
    return bool(MINISTRY_WORDS & set(words)) and not any(
        countries.find(w) for w in clean(name).replace(",", " ").split() if w.lower() not in _SMALL)


def country_before(span: Span, countries: Countries) -> Country | None:
    """The country written right before a name: a possessive ("China's Health Ministry") or a demonym or country
    ("the Nigerian health ministry", tagged apart from it)."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    if i >= 1 and doc[i].text in _POSSESSIVES:
        i -= 1
    if i < 0 or doc[i].ent_type_ not in ("GPE", "NORP"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":  # the whole name: "South Africa's", "the United Kingdom's"
        start -= 1
    return countries.find(clean(doc[start:i + 1].text))


def ministry_country(span: Span, countries: Countries, article_codes: frozenset[str]) -> Country | None:
    """The country of a ministry named without one: the country written before it, else the article's one
    country (``article_codes``: the country codes of its places)."""
    found = country_before(span, countries)
    if found is None and len(article_codes) == 1:
        found = countries.by_code(next(iter(article_codes)))
    return found


def ministry_of(name: str, country: Country, state_id: str) -> Actor:
    """The ministry of one country, named as the text does, with the country in brackets ("Health Ministry
    (Indonesia)"), affiliated to the state; a name in lower case is written with capitals ("defence ministry" ->
    "Defence Ministry (Russia)")."""
    if name == name.lower():
        name = " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in name.split())
    full = f"{name} ({country.name})"
    return Actor(slug(f"{name} {country.name}"), full, "government", (), (state_id,))


def unplaced_alias(alias: str, name: str) -> bool:
    """Whether ``alias`` is ``name`` without the country in its brackets ("Health Ministry" of "Health Ministry
    (Kenya)"): no alias of that actor, or every health ministry of later articles would link to it."""
    return name.endswith(")") and "(" in name and fold(alias) == fold(name[:name.rindex("(")])
