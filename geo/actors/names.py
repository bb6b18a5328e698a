"""Actor names: cleaning and transliteration-aware comparison (folding and slugs are in ``geo.names``).

Arabic and Persian names reach English news in many spellings ("Esmail"/"Ismail",
"Qaani"/"Ghaani", "Hassan"/"Hasan", "Mohammed"/"Muhammad"). Comparing a consonant
skeleton of each word (vowels dropped, look-alike consonants merged) catches these
without a transliteration table, and a character ratio from rapidfuzz catches the
rest. Thresholds are conservative: two people who share a surname stay apart unless
their given names also agree.

>>> same_person("Esmail Qaani", "Ismail qaani")
True
>>> same_person("Yahya Sinwar", "Mohammed Sinwar")
False

The functions are pure and called for every pair of names an article meets, so their
results are memoised: ingest meets the same names again and again.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from geo.names import INITIAL_SKIPS, SURNAME_PARTICLES, fold, initials

# The abbreviations news style writes before names (the AP Stylebook's titles, the US armed forces' and police
# ranks: "Sgt.", "Det.", "Lt. Gov."; the Commonwealth's members of parliaments and assemblies: "MP", "MLA", "MPP").
# Alone, they name no one; a full word may be a surname ("Major", "King").
ABBREVIATED_TITLES = frozenset("mr mrs ms dr lt col gen maj capt sgt rep gov sen rev prof det cpl pvt pfc spc insp "
                               "supt cmdr adm mp mla mpp mha mep".split())
TITLES = frozenset("""
mr mrs ms dr sir sheikh shaikh sayyed sayyid ayatollah imam cleric king queen prince emir crown
president vice prime minister ministers premier chancellor secretary general secretary-general spokesman
spokeswoman spokesperson commander chief leader head deputy lieutenant lt col colonel gen maj major brigadier
admiral captain capt sgt sergeant defense defence foreign interior finance senator rep representative
governor mayor former late top senior acting supreme director ambassador envoy officer
trooper constable sheriff judge detective corporal inspector superintendent
councilmember cllr clerk treasurer comptroller controller auditor trustee archbishop rabbi pastor chairman chairwoman
""".split()) | ABBREVIATED_TITLES
#: Generational suffixes after a surname (the AP Stylebook's "Jr." and "Sr.", and Roman numerals).
SUFFIXES = frozenset("jr sr ii iii iv".split())
ARTICLES = frozenset({"the", "a", "an"})
#: The small words that people's names hold in lower case ("Ludwig van Beethoven", "Mohammed bin Salman", "Muqtada
#: al-Sadr", "Charles de Gaulle"): Dutch, German, Romance and Arabic name particles.
NAME_PARTICLES = frozenset("de da di do dos das du del della der den van von ter ten le la las los al el bin ibn bint "
                           "abu y e".split())


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """A mention's surface form without leading articles, possessives and line breaks."""
    text = re.sub(r"\s+", " ", text.replace("’", "'"))
    text = re.sub(r"\[\d*\]?$", "", text).strip(" \"'.,;:-")  # an encyclopaedia's note mark: "McBride[9]"
    text = re.sub(r"(?:'s|')$", "", text)
    words = text.split(" ")
    while words and words[0].lower() in ARTICLES:
        words = words[1:]
    return " ".join(words)


def only_titles(text: str) -> bool:
    """A name made of abbreviated titles alone ("Sgt" of "Sgt. Michael Green", which the small model tags on its
    own). A whole title word alone may be a surname ("Major said"), so it is left to the reading."""
    words = clean(text).replace(".", " ").split()
    return bool(words) and all(fold(w) in ABBREVIATED_TITLES for w in words)


def person_words(text: str) -> list[str]:
    """The words of a person's name without titles ("Major General Vyacheslav Gladkikh" -> Vyacheslav Gladkikh)."""
    return list(_person_words(text))


@lru_cache(maxsize=1 << 16)
def _person_words(text: str) -> tuple[str, ...]:
    words = [w for w in clean(text).split(" ") if w]
    while len(words) > 1 and fold(words[0]).replace(" ", "-") in TITLES | {"secretary-general"}:
        words = words[1:]
    return _with_particles(words)


def _with_particles(words: list[str]) -> tuple[str, ...]:
    """The words of a name with each surname particle joined to the word after it, so that the surname is one
    word: "De Groot" of one article is a bare surname, as "Groot" would be, and the "de Groot" of "Annelies de
    Groot"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and words[j].lower() in SURNAME_PARTICLES:
            j += 1
        out.append(" ".join(words[i:j + 1]))
        i = j + 1
    return tuple(out)


#: Words of ``TITLES`` that tell no office: courtesy titles and words that qualify an office ("Mr", "former",
#: "President-elect"). Two stories' "Mr Smith" are as likely two men as one.
COURTESY = frozenset("mr mrs ms dr sir former late top senior acting elect".split())
#: News style's abbreviated titles written out (the AP Stylebook's list), so that "Sen. Whitfield" and "Senator
#: Ann Whitfield" hold one office.
SPELLED_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant",
                  "col": "colonel", "gen": "general", "maj": "major", "capt": "captain", "sgt": "sergeant",
                  "prof": "professor", "det": "detective", "cpl": "corporal", "insp": "inspector",
                  "supt": "superintendent", "cmdr": "commander", "adm": "admiral", "rev": "reverend",
                  "cllr": "councillor", "councilmember": "councillor"}
#: The offices of one who heads a government, of a country, a state or a town, and the nouns news writes after
#: such a person's surname for the government itself ("the Trudeau government", "the Obama administration").
HEADS = frozenset("president prime premier chancellor king queen emir governor mayor".split())
GOVERNED = frozenset("administration government regime presidency cabinet".split())
#: The office "the Obama administration" tells: a head of a government, at whatever level.
HEAD = "head of a government"


def offices(before: str, name: str, after: str = "") -> frozenset[str]:
    """The office words written with a person's name: in the name's span ("Mayor Karim Haddad") or right before
    it ("Finance Minister Morneau" -> minister, finance), abbreviations written out, courtesy titles left out;
    and :data:`HEAD` when a government noun follows the name ("the Trudeau government"). Across articles a bare
    surname is one person with a full name only when the two hold an office in common (``geo.actors.linking``).

    >>> sorted(offices("On Monday, Sen.", "Whitfield"))
    ['senator']
    >>> sorted(offices("the ", "Obama", " administration said"))
    ['head of a government']
    """
    words = clean(name).split(" ")
    inside = words[:len(words) - sum(len(w.split()) for w in person_words(name))]  # "Mayor" of "Mayor Karim Haddad"
    found = _titles_before(before[-80:] + "".join(f"{w} " for w in inside))
    following = re.match(r"(?:'s|’s)?\s+([A-Za-z]+)", after)
    if following and following.group(1).lower() in GOVERNED:
        found.append(HEAD)
    return frozenset(found) - COURTESY


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)(\.?)\s*$")


def _titles_before(text: str) -> list[str]:
    """The title words that close ``text`` (the words right before a name), nearest first, written out: a comma or
    a sentence's end between a title and the name ends them ("said the mayor. Smith added": no office of Smith's),
    an abbreviation's full stop does not ("Sen. Whitfield")."""
    found: list[str] = []
    while last := _LAST_WORD.search(text):
        parts = fold(last.group(1)).split()
        if not parts or not all(p in TITLES or p == "elect" for p in parts):
            break
        if last.group(2) and not all(p in ABBREVIATED_TITLES for p in parts):
            break
        found.extend(SPELLED_TITLES.get(p, p) for p in parts)
        text = text[:last.start()]
    return found


def same_office(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of :func:`offices` name one office: a word in common, or a government named after one
    person ("the Obama administration") and the head's office of the other ("President Barack Obama")."""
    return bool(a & b) or HEAD in a and bool(b & HEADS) or HEAD in b and bool(a & HEADS)


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant skeleton of one word, merging letters that transliterations swap.

    "esmail" and "ismail" -> "sml"; "qaani" and "ghaani" -> "kn". Equal skeletons alone are
    not enough (Mohammed and Mahmoud share "md"), so ``same_word`` also asks for a
    character ratio.
    """
    w = fold(word).replace(" ", "")
    for a, b in (("kh", "k"), ("gh", "k"), ("q", "k"), ("c", "k"), ("ph", "f"), ("th", "t"), ("dh", "d"),
                 ("sh", "s"), ("z", "s"), ("g", "k"), ("j", "k"), ("w", "v")):
        w = w.replace(a, b)
    w = re.sub(r"[aeiouh]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=1 << 18)
def same_word(a: str, b: str) -> bool:
    """One name word in two spellings: equal skeletons (of at least two letters) or a near-equal spelling."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    ka, kb = skeleton(fa), skeleton(fb)
    if ka and ka == kb and fuzz.ratio(fa, fb) >= 70:
        return True
    return min(len(fa), len(fb)) >= 5 and fuzz.ratio(fa, fb) >= 88


@lru_cache(maxsize=1 << 18)
def same_person(a: str, b: str) -> bool:
    """Two full names of one person: surnames and given names both agree.

    A bare surname is not enough here; whether "Qaani" alone refers to "Esmail Qaani"
    depends on which people the article (or the store) knows, see ``surname_matches``.
    """
    wa, wb = person_words(a), person_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    return same_word(wa[-1], wb[-1]) and same_word(wa[0], wb[0])


@lru_cache(maxsize=1 << 18)
def surname_matches(surname: str, full_name: str, exact: bool = False) -> bool:
    """Whether a bare surname ("Nasrallah") can refer to ``full_name`` ("Hassan Nasrallah"), also after a
    generational suffix ("Pehrson" for "Richard Pehrson II"). ``exact`` asks for the same spelling: a person of
    another article is not reached through a near one ("Rose" is not "Ross")."""
    words = person_words(full_name)
    if len(words) > 2 and fold(words[-1]).strip(".,") in SUFFIXES:
        words = [*words[:-2], words[-2].rstrip(",")]
    if len(words) < 2:
        return False
    return fold(surname) == fold(words[-1]) if exact else same_word(surname, words[-1])


@lru_cache(maxsize=1 << 16)
def acronym(name: str) -> str:
    """Initials of the significant words: "Islamic Revolutionary Guard Corps" -> "IRGC". Two words give none: two
    initials are shared by too many names to stand for one across articles ("Alexandria Police" is not the AP,
    Associated Press, which the catalogue lists under both names); within one article see ``initials``."""
    words = initials(name)
    return words if len(words) >= 3 else ""


class OrganisationName(NamedTuple):
    """What ``same_organisation`` compares of one name, computed once per name (see ``organisation_name``)."""

    folded: str  # fold(clean(name))
    compact: str  # folded, without spaces, upper case: compared with the other name's acronym
    acronym: str
    qualifier: str = ""  # the country a name closes with in brackets: "Health Ministry (Kenya)" -> "kenya"


_QUALIFIER = re.compile(r"\(([^()]+)\)\s*$")


@lru_cache(maxsize=1 << 16)
def organisation_name(name: str) -> OrganisationName:
    folded = fold(clean(name))
    qualifier = _QUALIFIER.search(name)
    return OrganisationName(folded, folded.replace(" ", "").upper(), acronym(name),
                            fold(qualifier.group(1)) if qualifier else "")


@lru_cache(maxsize=1 << 18)
def same_organisation(a: str, b: str) -> bool:
    """Two names of one organisation: equal after cleaning, one the other's acronym, or a near-equal spelling."""
    return same_organisation_name(organisation_name(a), organisation_name(b))


def same_organisation_name(a: OrganisationName, b: OrganisationName) -> bool:
    """``same_organisation`` of two names prepared by ``organisation_name``: linking compares each new
    organisation with every known one of a similar name, so the names are prepared once, not per pair."""
    fa, fb = a.folded, b.folded
    if not fa or not fb or a.qualifier != b.qualifier:  # the Health Ministry (Niger) is not that of Nigeria
        return False
    if fa == fb:
        return True
    if a.compact == b.acronym or b.compact == a.acronym:
        return True
    return spelled_alike(a, b)


def spelled_alike(a: OrganisationName, b: OrganisationName) -> bool:
    """Two names of one body written a little differently ("Kenya Wildlife Service" and "Services", "Centre" and
    "Center", "Organisation" and "Organization"): equal, or a near-equal spelling whose words pair up one by one,
    each the same word in another spelling. A near spelling that changes a whole word is another body, however
    close the letters ("Northfield" and "Southfield Farmers Council", "Eastfield" and "Westfield Mall"). Initials
    are not compared here: across articles they are no evidence by themselves (``geo.actors.linking``)."""
    fa, fb = a.folded, b.folded
    if not fa or not fb or a.qualifier != b.qualifier:
        return False
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 6 or fuzz.ratio(fa, fb) < 92:
        return False
    wa, wb = _significant_words(fa), _significant_words(fb)
    if len(wa) != len(wb):
        return "".join(wa) == "".join(wb)  # one word written as two ("Mid-America", "MidAmerica")
    return all(_same_name_word(x, y) for x, y in zip(wa, wb))


def _significant_words(folded: str) -> tuple[str, ...]:
    return tuple(w for w in folded.split() if w not in INITIAL_SKIPS)


@lru_cache(maxsize=1 << 16)
def _same_name_word(a: str, b: str) -> bool:
    """One word of a body's name in two spellings: equal, the same consonant skeleton ("Hizbollah", "Hezbollah"),
    or a near spelling that keeps the word's first letter ("Centre", "Center"). Words that open differently are
    other words ("North", "South"; "Eastfield", "Westfield")."""
    if a == b:
        return True
    if skeleton(a) and skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= 70:
        return True
    return a[0] == b[0] and fuzz.ratio(a, b) >= 80
