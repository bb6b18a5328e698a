"""People the small model does not tag: a name right after a title ("Mayor Curtis McCoy", "Superintendent Ed
Hightower"), and a person's name tagged as an organisation ("Tyrise M. Bell").

Local news names most people once with their title and then by surname alone. When the model misses the titled
name, every later "McCoy" has no one to refer to and becomes an organisation of that name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from geo.actors.cues import AGENCY_WORDS, INSTITUTION_WORDS, organisation_kind
from geo.actors.names import NAME_PARTICLES, TITLES
from geo.names import fold
from geo.nlp.memo import per_article

__all__ = ["KIN_NOUNS", "PERSON_TITLES", "ROLE_NOUNS", "after_role_noun", "common_word_in_name",
           "given_names_by_surname", "kin_of", "person_in_context", "person_shaped", "titled_names", "titled_tail",
           "without_origin", "without_role_word"]

#: Titles that stand before a person's name and never begin an organisation's or a place's (the AP Stylebook's
#: titles and abbreviations, US police and armed forces ranks, civic offices). "General", "Major", "Chief",
#: "President" or "King" also begin names of firms, places and bodies ("General Motors", "Major League").
PERSON_TITLES = frozenset("""
mr mrs ms dr sen rep gov lt sgt det cpl pvt supt rev prof insp cmdr
mayor superintendent officer sheriff judge detective senator governor representative sergeant lieutenant trooper
constable inspector councilman councilwoman councilor councillor alderman commissioner deputy coroner
councilmember cllr clerk treasurer comptroller controller auditor trustee archbishop rabbi pastor
""".split())
#: Nouns of a person's part in a violent or criminal event that news sets before the person's name ("the gunman
#: Omar Mateen", "the suspect Morales"): WordNet's noun.person hyponyms of attacker, criminal, victim and accused.
#: A name after one is a person's, whatever the model tags it.
ROLE_NOUNS = frozenset("""
gunman shooter sniper bomber attacker assailant assassin hijacker kidnapper abductor killer murderer robber
suspect accused defendant fugitive convict inmate prisoner hostage victim
""".split())
_INITIAL = re.compile(r"^[A-Z]\.?$")
_LONGEST = 3  # given name, initial, surname


def _name_word(token: Token) -> bool:
    if _title(token):  # "Office of Inspector General": no one's name
        return False
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha \
        or bool(_INITIAL.match(token.text)) or token.text[:2] in ("Mc", "O'")


def titled_names(doc: Doc, taken: Iterable[int]) -> list[Span]:
    """PERSON spans for names after a title that no alias or NER span covers."""
    covered = set(taken)
    found = []
    for token in doc:
        if not (_title(token, PERSON_TITLES) or _role_noun(token)) or token.i + 1 < len(doc) \
                and _title(doc[token.i + 1]) or token.i in _in_headlines(doc):
            continue  # "Detective Inspector William Leahy": the name follows the last title
        end = token.i + 1
        while end < len(doc) and end - token.i <= _LONGEST and _name_word(doc[end]) and end not in covered:
            end += 1
        if end > token.i + 1 and not _INITIAL.match(doc[end - 1].text) and end not in covered:
            found.append(Span(doc, token.i + 1, end, label="PERSON"))
            covered.update(range(token.i + 1, end))
    return found  # a name that runs into a tagged span ("Dr Tia" before "MacGregor") is the model's to read


def _role_noun(token: Token) -> bool:
    """A role noun after "the" ("the gunman"), which the name after it is the person of."""
    return token.lower_ in ROLE_NOUNS and token.is_lower and token.i > 0 and token.doc[token.i - 1].lower_ == "the"


def after_role_noun(span: Span) -> bool:
    """One to three plain name words right after "the" and a role noun ("the gunman Altintas", which the model may
    tag ORG): a person's name, unless a body's word closes it ("the suspect Toyota dealership" is no one)."""
    return 0 < len(span) <= _LONGEST and span.start > 0 and _role_noun(span.doc[span.start - 1]) \
        and all(_plain_name(t) for t in span) and organisation_kind(span.text) == "organisation" \
        and span[-1].lower_ not in INSTITUTION_WORDS


def _title(token: Token, titles: frozenset[str] = PERSON_TITLES | TITLES) -> bool:
    return token.text[:1].isupper() and fold(token.text).rstrip(".") in titles


def _in_headlines(doc: Doc) -> frozenset[int]:
    """The tokens of the article's headline sentences, gathered once per article (a title in a sentence of
    thousands of words does not read the sentence again)."""
    return per_article(doc, "newsmap_headline_tokens", lambda d: frozenset(
        i for s in (d.sents if d.has_annotation("SENT_START") else (d[:],)) if _headline(s)
        for i in range(s.start, s.end)))


def _headline(sentence: Span) -> bool:
    """A title-case headline ("Murmansk's Governor Resigns"), where every word looks like a name."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def titled_tail(span: Span) -> Span | None:
    """The person at the end of an ORG span that runs on past a title: "Mansfield Sheriff Curtis McCoy" is the
    sheriff Curtis McCoy, not a body of that name. A title that may open a body's name ("Chief", "General")
    counts after an agency's word ("Cookville Fire Chief Wesley McCollum"; not "Martin Luther King Parkway")."""
    titles = [t.i for t in span[:-1] if _title(t)]
    if not titles or not (_title(span.doc[titles[-1]], PERSON_TITLES) or _after_agency(span, titles[-1])):
        return None
    rest = span.doc[titles[-1] + 1:span.end]
    if rest[-1].lower_ in AGENCY_WORDS | INSTITUTION_WORDS:  # "Senate Finance Committee": a body's name
        return None
    if len(rest) <= _LONGEST and all(_name_word(t) for t in rest) and not _INITIAL.match(rest[-1].text):
        return Span(span.doc, rest.start, rest.end, label="PERSON")
    return None


#: Words of an agency that a title may follow ("Fire Chief", "Police Chief", "County Judge"; ``AGENCY_WORDS``).
_AGENCY_BEFORE_TITLE = AGENCY_WORDS | frozenset("fire county city state school schools district town".split())
#: Titles of the head of a body, which may also open a body's own name ("Chief", "General"): after an agency's
#: word they are the head's title. A portfolio ("Finance" of "Senate Finance Committee") is none.
_HEAD_TITLES = frozenset("chief director president chairman chairwoman commander captain marshal".split())


def _after_agency(span: Span, i: int) -> bool:
    doc = span.doc
    return i > span.start and doc[i - 1].lower_ in _AGENCY_BEFORE_TITLE and doc[i].lower_ in _HEAD_TITLES


#: The lower-case words right after a name that only a person takes: "Nadia Moayyad, who", "X, 34, of Dover".
_PERSON_AFTER = frozenset({"who", "whose"})


def person_in_context(span: Span) -> bool:
    """Two or three capitalised words the model tags ORG that the article treats as a person's name: its last word
    stands elsewhere after a person's title or in a name the model tags PERSON ("Ms. Moayyad" beside "Nadia
    Moayyad"), or a relative "who" or an age follows it ("Brett Hartmann, 24, of Dover"). The words must be
    plain names: none a body's word (``geo.actors.cues.organisation_kind``), none in capitals."""
    words = list(span)
    if not 2 <= len(words) <= _LONGEST or not all(_plain_name(t) for t in words) \
            or organisation_kind(span.text) != "organisation" or words[-1].lower_ in INSTITUTION_WORDS:
        return False  # "Mound Interpretive Center": a body's name, whatever the article tags PERSON
    return _named_as_person_elsewhere(span) or _followed_as_person(span) or _among_people(span)


def _among_people(span: Span) -> bool:
    """A name listed with people ("board members Pete Thaw and Robin Rector", "Mia Gipson, Morgan McGhee, Ann
    Wright") or set beside a noun of kinship ("her mother, Prudence Young"): most of the list's other names are
    tagged PERSON, and the name is no plural ("Jody Nix and the Texas Cowboys": a band)."""
    root = span.root
    if root.tag_ in ("NNS", "NNPS"):
        return False
    if root.dep_ == "appos" and root.head.lower_ in KIN_NOUNS:
        return True
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    listed = [t for t in (top, *top.subtree) if (t is top or t.dep_ == "conj") and not span.start <= t.i < span.end]
    people = sum(t.ent_type_ == "PERSON" for t in listed)
    return people > 0 and people * 2 > len(listed)


def _plain_name(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper and not _title(token)


def _named_as_person_elsewhere(span: Span) -> bool:
    """The span's last word stands elsewhere after a person's title, or in a PERSON name other than the span's own
    words (the model tagging the same two words PERSON once and ORG once says nothing)."""
    doc, surname = span.doc, span[-1].text
    for token in (doc[i] for i in per_article(doc, "actors.tokens_by_text", _tokens_by_text).get(surname, ())):
        if span.start <= token.i < span.end:
            continue
        if token.i > 0 and _title(doc[token.i - 1], PERSON_TITLES):
            return True
        if token.ent_type_ == "PERSON" and _entity_words(token) != [t.text for t in span]:
            return True
    return False


def _tokens_by_text(doc: Doc) -> dict[str, list[int]]:
    """Where each word stands in the article, in order: a name's other places are looked up, not searched for
    (an article of a thousand bodies read its whole text once per body)."""
    found: dict[str, list[int]] = {}
    for token in doc:
        found.setdefault(token.text, []).append(token.i)
    return found


def _entity_words(token: Token) -> list[str]:
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return [t.text for t in doc[start:end] if t.text not in ("'s", "’s")]


def _followed_as_person(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end:min(span.end + 3, len(doc))]
    if len(after) < 2 or after[0].text != ",":
        return False
    return after[1].lower_ in _PERSON_AFTER or (after[1].like_num and len(after) == 3 and after[2].text == ","
                                                and after[1].text.isdigit() and 0 < int(after[1].text) < 110)


def person_shaped(span: Span) -> bool:
    """A given name, a middle initial and a surname ("Tyrise M. Bell"): how people's names are written, not
    bodies' ("J. P. Morgan" begins with its initial; "John F. Kennedy Center" has more words)."""
    words = span.text.split()
    return len(words) == 3 and bool(_INITIAL.match(words[1])) and all(
        w[:1].isupper() and w[1:].replace("'", "").isalpha() and len(w) > 1 for w in (words[0], words[2]))


def common_word_in_name(token: Token) -> bool:
    """A lower-case word that no person's name holds: not a name particle ("van", "bin", "de") and not a part of a
    hyphenated name ("Jong-un", "al-Sadr")."""
    doc = token.doc
    joined = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        or token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return token.is_alpha and token.is_lower and token.lower_ not in NAME_PARTICLES and not joined


def without_role_word(span: Span) -> Span | None:
    """The person's name in a PERSON span that opens with a word for the person's role or trade, or None when it
    opens with none. A lower-case word before two name words or more ("magician Daryl Miller"); a capitalised
    word opening its sentence before the surname of a person the article names in full with another given name,
    when the article also writes that word in lower case as a noun ("Finalist Sommers tackles the budget" beside
    "Bob Sommers was the first of three finalists")."""
    if span.label_ != "PERSON" or len(span) < 2:
        return None
    leading = 0
    while leading < len(span) and common_word_in_name(span[leading]):
        leading += 1
    if leading:
        rest = span[leading:]
        named = len(rest) >= 2 and all(t.text[:1].isupper() for t in rest if t.is_alpha)
        return Span(span.doc, rest.start, rest.end, label="PERSON") if named else None
    first, surname = span[0], span[-1]
    nouns = _lower_case_nouns(span.doc)
    if len(span) != 2 or not first.is_title or first.lower_ not in nouns and first.lemma_.lower() not in nouns:
        return None
    given = given_names_by_surname(span.doc).get(surname.text, frozenset())
    if not given - {first.text} or not _opens_sentence(span):
        return None
    return Span(span.doc, surname.i, surname.i + 1, label="PERSON")


def _opens_sentence(span: Span) -> bool:
    """Whether only punctuation stands between the span and its sentence's start, read backwards from the span (a
    name in a sentence of thousands of words is not read from the sentence's start: Span.sent walks there too)."""
    doc, i = span.doc, span.start
    while i > 0 and not doc[i].is_sent_start and (doc[i - 1].is_punct or doc[i - 1].is_space):
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


def _lower_case_nouns(doc: Doc) -> frozenset[str]:
    """The nouns the article writes in lower case, and their lemmas ("finalists", "finalist"), gathered once."""
    return per_article(doc, "newsmap_lower_case_nouns", lambda d: frozenset(
        w for t in d if t.is_lower and t.pos_ == "NOUN" for w in (t.lower_, t.lemma_.lower())))


def given_names_by_surname(doc: Doc) -> dict[str, frozenset[str]]:
    """Surname -> the first words of the article's full names (PERSON entities of two words or more) it closes."""
    def gather(d: Doc) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for e in d.ents:
            if e.label_ == "PERSON" and len(e) > 1:
                found.setdefault(e[-1].text, set()).add(e[0].text)
        return {k: frozenset(v) for k, v in found.items()}
    return per_article(doc, "newsmap_given_names_by_surname", gather)


#: Nouns of kinship (WordNet's noun.person hyponyms of relative): only a person has a father or a wife.
KIN_NOUNS = frozenset("""
father mother parent parents son daughter child children wife husband brother sister sibling siblings grandfather
grandmother grandson granddaughter uncle aunt nephew niece cousin fiance fiancee widow stepfather stepmother
stepson stepdaughter
""".split())


def kin_of(span: Span) -> bool:
    """One plain capitalised word the model tags ORG that the article writes before "'s" and a noun of kinship
    ("Mason's father"): a person's name, wherever the article writes it."""
    return len(span) == 1 and _plain_name(span[0]) and span.text in _kin_owners(span.doc)


def _kin_owners(doc: Doc) -> frozenset[str]:
    """The words the article writes before "'s" and a noun of kinship, gathered once per article."""
    return per_article(doc, "newsmap_kin_owners", lambda d: frozenset(
        d[t.i - 1].text for t in d[1:-1] if t.text in ("'s", "’s") and d[t.i + 1].lower_ in KIN_NOUNS))


#: Prepositions between a person's name and the place the person comes from ("Leonard of Ada", "Ann Cole from Enid").
_ORIGIN = frozenset("of from".split())


def without_origin(span: Span) -> Span | None:
    """The person's name in a PERSON span that runs on into the place the person comes from ("Leonard of Ada,
    Oklahoma" in an obituary's list of relatives): the capitalised words before "of" or "from"; None otherwise."""
    cut = next((t.i for t in span[1:] if t.lower_ in _ORIGIN), None)
    if span.label_ != "PERSON" or cut is None or cut + 1 >= span.end or not span.doc[cut + 1].text[:1].isupper():
        return None
    name = span.doc[span.start:cut]
    return Span(span.doc, name.start, name.end, label="PERSON") if all(_name_word(t) for t in name) else None
