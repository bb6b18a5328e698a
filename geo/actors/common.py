"""Words the small model tags as names that name no actor: common words capitalised by their place in a sentence,
abbreviations of common nouns, numbered units, and a family's plural surname.

Local news is full of them ("Riot police fired", "charged with DUI", "Troop 415 meets", "the two Hartmanns"), and
each one tagged PERSON or ORG became an actor of the map's filter. Pure functions of the parse, used while an
article is read (``geo.actors.reading``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from geo.actors.cues import AGENCY_WORDS, INSTITUTION_WORDS, ORGANISATION_WORDS
from geo.actors.names import clean
from geo.actors.titled import common_word_in_name, given_names_by_surname
from geo.nlp.memo import per_article

__all__ = ["COMMON_ABBREVIATIONS", "LANGUAGES", "STORM_WORDS", "UNIT_WORDS", "capitalised_by_position",
           "family_name", "in_capitals", "language", "names_no_one", "numbered_unit", "whole_body_name"]

#: Abbreviations of common nouns that news writes in capitals (the AP Stylebook's and Merriam-Webster's entries:
#: offences, hospital wards, vehicles, tests, titles of office holders). None names a body.
COMMON_ABBREVIATIONS = frozenset("""
DUI DWI OWI OUI ER ICU CCU OR EMT CPR AED GPS ATV ATVs SUV SUVs RV RVs ATM ATMs DNA ID IDs TV PC CEO CFO COO CTO PTSD
ADHD MRI IV GED GPA SAT MBA PhD MD RN LPN HR VP MVP PSA FAQ LED HVAC PPE BBQ DVD DVDs CD CDs AM FM PM SMS LLC
GMT UTC EST EDT CST CDT MST MDT PST PDT
""".split())
#: Words that close a street's name (the US Postal Service's street suffixes, those that are no surnames: Lane,
#: Way and Court are left out).
STREET_WORDS = frozenset("street st avenue ave road rd boulevard blvd parkway pkwy highway hwy drive circle "
                          "turnpike expressway freeway".split())
#: The street suffixes' abbreviations among them: a body's name never closes with one ("Augusta St", "DeKalb Ave"
#: tagged ORG are streets), where "Downing Street said" may stand for the office in it.
STREET_ABBREVIATIONS = frozenset("st ave rd blvd pkwy hwy".split())
#: Words before the number of a numbered road ("Interstate 85", "Route 9", "Highway 401").
ROAD_WORDS = frozenset("interstate route highway hwy".split())
#: Words that open the name of a storm (the WMO's names of tropical cyclones: "Hurricane Katrina", "Cyclone
#: Larry", "Tropical Storm Fay"): a storm is no actor, as a disease is none (``geo.actors.diseases``).
STORM_WORDS = frozenset("hurricane typhoon cyclone storm tropical superstorm".split())
#: Units named by a number, not by a name of their own: the Boy Scouts of America's unit types (Pack, Troop, Den;
#: its Crew, Ship and Post are common words too), and a fire company's engines and ladders. "Troop 415" is one unit
#: among thousands.
UNIT_WORDS = frozenset("troop troops pack packs den engine ladder".split())
_NUMBER = re.compile(r"^\d+[A-Za-z]?$")
#: Languages, and the peoples most of them also name (ISO 639-1's English names of one word: "Tamil", "Pashto",
#: "Yoruba"): the small model tags them PERSON ("the Tamil community"), but they name no one.
LANGUAGES = frozenset("""
Abkhazian Afrikaans Akan Albanian Amharic Arabic Aragonese Armenian Assamese Avaric Avestan Aymara Azerbaijani
Bambara Bashkir Basque Belarusian Bengali Bislama Bosnian Breton Bulgarian Burmese Catalan Chamorro Chechen Chichewa
Chinese Chuvash Cornish Corsican Croatian Czech Danish Divehi Dutch Dzongkha English Esperanto Estonian Faroese
Fijian Finnish French Fulah Galician Georgian German Greek Guarani Gujarati Hausa Hebrew Herero Hindi Hungarian
Icelandic Igbo Indonesian Inuktitut Inupiaq Irish Italian Japanese Javanese Kalaallisut Kannada Kanuri Kashmiri
Kazakh Khmer Kikuyu Kinyarwanda Kirghiz Korean Kurdish Kuanyama Latin Latvian Lingala Lithuanian Luxembourgish
Macedonian Malagasy Malay Malayalam Maltese Maori Marathi Marshallese Mongolian Navajo Ndonga Nepali Norwegian
Occitan Ojibwa Oriya Oromo Ossetian Pashto Persian Polish Portuguese Punjabi Quechua Romanian Romansh Russian
Samoan Sanskrit Sardinian Serbian Shona Sindhi Sinhala Sinhalese Slovak Slovenian Somali Sotho Spanish Sundanese
Swahili Swati Swedish Tagalog Tahitian Tajik Tamil Tatar Telugu Thai Tibetan Tigrinya Tsonga Tswana Turkish
Turkmen Twi Uighur Ukrainian Urdu Uzbek Venda Vietnamese Walloon Welsh Wolof Xhosa Yiddish Yoruba Zhuang Zulu
""".split())


#: Words that make a name in lower case a body's ("the defence ministry", "congress", "the supreme court").
BODY_WORDS = AGENCY_WORDS | INSTITUTION_WORDS | frozenset(w for words in ORGANISATION_WORDS.values() for w in words) \
    | frozenset("court courts".split())


#: Words that join a body's name to more of it ("Department of Fish and Wildlife", "Fish & Wildlife"): the small
#: model often ends a name on one of them.
JOINING_WORDS = frozenset({"and", "&", "of", "for", "the"})


def whole_body_name(span: Span) -> Span:
    """An ORG span without the small words the model let trail after the name ("Air Evac to", "the Institute of
    Business and Law at", "Kellogg later"), or, ended on a joining word after capitalised words, with the one to
    three capitalised words that finish it ("the Kentucky Department of Fish and" Wildlife): no body's name ends in
    a small word. Body's words stay ("Unite union", "Xinhua news agency")."""
    doc, end = span.doc, span.end
    if span.label_ != "ORG" or len(span) < 2 or span[-1].text[:1].isupper() or span[-1].lower_ in BODY_WORDS:
        return span
    if span[-1].lower_ in JOINING_WORDS and span[0].text[:1].isupper():
        more = end
        while more < min(end + 3, len(doc)) and _finishes_name(doc[more]):
            more += 1
        if more > end:
            return Span(doc, span.start, more, label=span.label)
    while end > span.start + 1 and doc[end - 1].tag_ in _SMALL_WORD_TAGS and not doc[end - 1].text[:1].isupper():
        end -= 1
    return Span(doc, span.start, end, label=span.label) if end < span.end else span


#: Penn Treebank tags of the small words that end no name: prepositions, conjunctions, adverbs, determiners, "to".
_SMALL_WORD_TAGS = frozenset({"IN", "CC", "RB", "DT", "TO"})


def _finishes_name(token: Token) -> bool:
    """A capitalised singular name word outside any other entity ("Wildlife"; not "Officers", not a town)."""
    return token.text[:1].isupper() and token.ent_iob_ == "O" and token.tag_ == "NNP" and not token.is_sent_start


def names_no_one(span: Span) -> bool:
    """A PERSON or ORG span of the model that names no actor: lower case words ("marijuana", "baggy jeans"; "the
    defence ministry" is a body), an abbreviation of a common noun ("DUI", "ER"), a numbered unit ("Troop 415"), a
    family's plural ("the two Hartmanns"), a storm ("Cyclone Larry"), a "person" with digits ("Bill 461") or with
    a common word in lower case ("George in Twickenham"), a street tagged PERSON ("W. Bridge St") or a common word
    capitalised by its place ("Riot" of "Riot police")."""
    text = clean(span.text)
    if not any(c.isupper() for c in text):  # a body named in lower case has a body's word in it
        return span.label_ == "PERSON" or not set(text.split()) & BODY_WORDS
    if text in COMMON_ABBREVIATIONS or span[0].lower_ in STORM_WORDS:
        return True
    if span.label_ == "PERSON" and any(c.isdigit() for c in text):  # "Bill 461", "AD36": no one's name has digits
        return True
    if span.label_ == "PERSON" and any(common_word_in_name(t) for t in span):
        return True  # "George in Twickenham", "anthracis Sterne": a common word in it, no one's name (see titled)
    if span.label_ == "PERSON" and span[-1].lower_.rstrip(".") in STREET_WORDS | INSTITUTION_WORDS | AGENCY_WORDS:
        return True  # "W. Bridge St", "Martin Luther King Parkway": a street; "Elementary" alone: a school's word
    if span.label_ == "ORG" and road(span):
        return True
    return numbered_unit(span) or family_name(span) or capitalised_by_position(span) or language(span)


def road(span: Span) -> bool:
    """A street or a numbered road the model tagged ORG ("Main St.", "Interstate 85"): a place, no body."""
    words = [t.lower_.rstrip(".") for t in span]
    numbered = len(words) >= 2 and span[-1].like_num and words[-2] in ROAD_WORDS
    return words[-1] in STREET_ABBREVIATIONS or numbered


def language(span: Span) -> bool:
    """One word that is a language's name or its people's plural ("Tamil", "the Tamils"), unless the article closes
    a person's full name with it (a surname such as "Kashmiri")."""
    if len(span) != 1:
        return False
    word = span.text[:-1] if span.text.endswith("s") and span.text[:-1] in LANGUAGES else span.text
    return word in LANGUAGES and word not in given_names_by_surname(span.doc)


def numbered_unit(span: Span) -> bool:
    """A span that ends in a unit word before a number ("Troop" and "Boy Scout Troop" of "Troop 415"), or holds a
    unit word and its number ("Troop 415", "Troop 415 of Dover")."""
    doc = span.doc
    if any(t.lower_ in UNIT_WORDS and t.i + 1 < span.end and _NUMBER.match(doc[t.i + 1].text) for t in span):
        return True  # "Troop 172", "Troop 172 of Wakefield"
    after = doc[span.end] if span.end < len(doc) else None
    return span[-1].lower_ in UNIT_WORDS and after is not None and bool(_NUMBER.match(after.text))


def family_name(span: Span) -> bool:
    """A plural name ("the two Hartmanns", "both Hartmanns", "the Hartmanns"): a family or several people of one
    surname (or several things of one make: "two Hondas"), no single actor. Counted after a number, and after
    "the", "both" or "all" when the article also writes the name in the singular after a given name ("the
    Hartmanns" beside "Brett Hartmann"; "the Royals" beside "Royal Oak" stays a team)."""
    if len(span) != 1 or not span.text.endswith("s") or span.text.endswith("ss") or span.start == 0:
        return False
    doc, before = span.doc, span.doc[span.start - 1]
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.pos_ == "NOUN":
        return False  # "four Ulsterbus workers": a name before its noun, the noun is what is counted
    if before.like_num:
        return True
    return before.lower_ in ("the", "both", "all") and span.text[:-1] in _after_given_names(doc)


def _after_given_names(doc: Doc) -> frozenset[str]:
    """The words the article writes after a capitalised word that is no article ("Hartmann" of "Brett Hartmann"),
    gathered once per article: a lookup per plural name, not a pass over the article."""
    return per_article(doc, "newsmap_after_given_names", lambda d: frozenset(
        t.text for t in d[1:]
        if d[t.i - 1].is_title and d[t.i - 1].is_alpha and d[t.i - 1].lower_ not in ("the", "a", "an")))


def capitalised_by_position(span: Span) -> bool:
    """One word tagged PERSON that opens its sentence and modifies the lower-case noun after it ("Riot" of "Riot
    police fired"), written capitalised nowhere else in the article but at a sentence's start: a common word,
    capitalised for its place. A name is written capitalised wherever it stands ("the Wagner group ... Wagner
    fighters"), and a body's name opening a sentence is left to the model ("Ulsterbus services were cut")."""
    if len(span) != 1 or span.label_ != "PERSON":  # "Ulsterbus services": a firm the model tags ORG
        return False
    token, doc = span[0], span.doc
    if not _opens_sentence(span) or token.i + 1 >= len(doc):
        return False
    head = doc[token.i + 1]
    if not (head.is_lower and head.pos_ == "NOUN" and token.head.i == head.i):
        return False
    return token.text not in _written_within_sentences(doc)


def _written_within_sentences(doc: Doc) -> frozenset[str]:
    """The words the article writes somewhere other than at a sentence's opening, gathered once per article."""
    return per_article(doc, "newsmap_written_within_sentences", _gather_within_sentences)


def _gather_within_sentences(doc: Doc) -> frozenset[str]:
    words = set()
    for sentence in doc.sents if doc.has_annotation("SENT_START") else (doc[:],):
        opened = False  # past the sentence's first word (what comes before it is punctuation or space)
        for t in sentence:
            if opened:
                words.add(t.text)
            opened = opened or not (t.is_punct or t.is_space)
    return frozenset(words)


def _opens_sentence(span: Span) -> bool:
    start = span.sent.start if span.doc.has_annotation("SENT_START") else 0
    return all(t.is_punct or t.is_space for t in span.doc[start:span.start])


def in_capitals(span: Span) -> bool:
    """Whether the sentence around a span is written in capitals ("THE CITY IS READY"), where capitals say nothing:
    more than half of its other words of two letters or more are upper case."""
    doc = span.doc
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    upper, words = _capitals_by_sentence(doc)[sent.start]
    own = [t for t in span if _word(t)]  # the span's own words do not count
    upper, words = upper - sum(t.is_upper for t in own), words - len(own)
    return not words or upper * 2 > words


def _word(token: Token) -> bool:
    return token.is_alpha and len(token) > 1


def _capitals_by_sentence(doc: Doc) -> dict[int, tuple[int, int]]:
    """Each sentence's start -> its words in capitals and its words, counted once per article: a sentence of
    thousands of names is not read again for each name."""
    def gather(d: Doc) -> dict[int, tuple[int, int]]:
        sentences = d.sents if d.has_annotation("SENT_START") else (d[:],)
        return {s.start: (sum(t.is_upper for t in s if _word(t)), sum(1 for t in s if _word(t))) for s in sentences}
    return per_article(doc, "newsmap_capitals_by_sentence", gather)
