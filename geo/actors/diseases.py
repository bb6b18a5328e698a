"""Diseases and pathogens are no actors, whatever the small model tags them.

Outbreak news names its virus like a person or an organisation ("the H5N1 strain", "Ebola Reston", "Avian Flu"),
and the small model tags those names PERSON or ORG. As actors they would fill the map's actor filter with
viruses and make a virus the initiator of the deaths it causes, so a name that is a disease or a pathogen is
read as neither (the events' own rule for natural causes is ``geo.events.clauses.NATURAL_CAUSES``).

General sources: the WHO's nomenclature of influenza A subtypes (an H and an N number: H5N1, H7N9), the names and
abbreviations of the WHO's health topics and fact sheets on infectious diseases and of the WOAH's listed animal
diseases, the genera of the pathogens those fact sheets name, and the rules of biological nomenclature: a family
of viruses ends in "-viridae" (ICTV), a species is a genus and a lower-case epithet, the genus often abbreviated
to its initial ("T. b. gambiense"). A name counts when one of its words is such a name or a word for
a disease ("flu", "virus", "fever") and none is a word for a body that fights it: the Centers for Disease Control
and an Ebola treatment centre are organisations. A hyphen joins two such words ("MDR-TB", "Creutzfeldt-Jakob"). A name
before "strain" or "disease" is the strain's or the disease's, and an abbreviation the article spells out as a
disease's name ("Reston ebolavirus (ERV)") is the disease's wherever the article writes it.

>>> is_disease("H5N1"), is_disease("Ebola Reston"), is_disease("Avian Flu"), is_disease("Médecins Sans Frontières")
(True, True, True, False)
>>> is_disease("Centers for Disease Control and Prevention"), is_disease("Ebola Treatment Centre")
(False, False)
>>> is_disease("XDR-TB"), is_disease("Filoviridae"), is_disease("Plasmodium"), is_disease("T. b. gambiense")
(True, True, True, True)
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from geo.actors.names import NAME_PARTICLES
from geo.names import fold
from geo.nlp.memo import per_article

__all__ = ["binomial", "is_disease", "names_a_strain", "spelled_out_disease"]

#: Influenza A subtypes (WHO nomenclature: haemagglutinin and neuraminidase numbers; "H7" alone names the H7 viruses).
INFLUENZA_SUBTYPE = re.compile(r"^h\d{1,2}(?:n\d{1,2})?$")
#: Taxa of viruses by their ICTV suffixes: order, family, subfamily, genus ("Filoviridae", "Ebolavirus").
VIRUS_TAXON = re.compile(r"^[a-z]{3,}vir(?:idae|inae|ales|us|uses)$")

#: Words that make a name a disease's ("Spanish flu", "West Nile virus", "Lassa fever", "Colony Collapse Disorder").
DISEASE_WORDS = frozenset("""
flu influenza virus viruses fever disease syndrome pox disorder
""".split())

#: Diseases and pathogens by name (WHO health topics and fact sheets, WOAH listed diseases), one word each, as news
#: writes them.
DISEASE_NAMES = frozenset("""
ebola marburg covid coronavirus sars mers zika dengue chikungunya cholera measles mumps rubella polio
poliomyelitis malaria tuberculosis anthrax plague smallpox monkeypox mpox rabies tetanus typhoid diphtheria
hepatitis hiv aids nipah hendra lassa leprosy listeria listeriosis salmonella coli legionella meningitis
pertussis botulism brucellosis leptospirosis bse vcjd norovirus rotavirus
creutzfeldt bluetongue chytridiomycosis trypanosomiasis leishmaniasis
""".split())
#: The abbreviations those sources use ("TB", "MDR-TB", "HFMD", "MRSA"): a disease's only when the whole name is made
#: of them (a firm's initials may be the same letters: "TB Bank").
DISEASE_ABBREVIATIONS = frozenset("tb mdr xdr hfmd mrsa htlv".split())

#: Genera of the pathogens the WHO's fact sheets and the WOAH's listed diseases name (bacteria, protozoa, fungi):
#: "Plasmodium falciparum", "Vibrio cholerae", "Batrachochytrium dendrobatidis".
PATHOGEN_GENERA = frozenset("""
plasmodium trypanosoma leishmania toxoplasma cryptosporidium giardia vibrio staphylococcus streptococcus
clostridium clostridioides mycobacterium escherichia shigella campylobacter yersinia neisseria borrelia treponema
chlamydia bordetella brucella francisella rickettsia coxiella bacillus candida aspergillus batrachochytrium
""".split())

#: Words of bodies named after a disease: they stay organisations.
BODY_WORDS = frozenset("""
center centers centre centres institute institutes foundation fund alliance society association program programme
hospital clinic clinics organization organisation agency ministry department council initiative coalition trust
network unit laboratory laboratories lab research control prevention task force team club league
""".split())

#: A species' name with its genus abbreviated to the initial and lower-case epithets ("E. coli", "T. b.
#: gambiense"). No person's name has that shape; name particles ("de", "van", "al-") are not epithets. A genus
#: written in full before an epithet has the shape of a name and a common noun ("Israeli government"): only the
#: pathogens' genera above count.
_BINOMIAL = re.compile(r"^[A-Z]\.(?: [a-z]\.)* [a-z]{3,}$")
_NOT_EPITHETS = NAME_PARTICLES | frozenset("and the for with from".split())


def is_disease(name: str) -> bool:
    """Whether a name is a disease's or a pathogen's, not a body's named after one."""
    words = fold(name).replace("-", " ").split()
    if any(w in BODY_WORDS for w in words):
        return False
    if words and all(w in DISEASE_ABBREVIATIONS for w in words):
        return True
    return binomial(name) or any(INFLUENZA_SUBTYPE.match(w) or VIRUS_TAXON.match(w) or w in DISEASE_NAMES
                                 or w in DISEASE_WORDS or w in PATHOGEN_GENERA for w in words)


def binomial(name: str) -> bool:
    """A species' name by the shape of biological nomenclature, its genus abbreviated: "E. coli", "T. b. gambiense"."""
    name = " ".join(name.split())
    return bool(_BINOMIAL.match(name)) and not _NOT_EPITHETS & set(name.lower().split())


#: Nouns that a pathogen's or a disease's own name stands before ("the Sterne strain", "Creutzfeldt-Jakob disease").
STRAIN_WORDS = DISEASE_WORDS | frozenset("strain strains serotype subtype bacterium bacteria pathogen".split())


def names_a_strain(span: Span) -> bool:
    """A name right before "strain", "virus", "disease" ... is the name of that strain or disease ("the H7 strain",
    "the Sterne strain"), whatever the name itself is."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in STRAIN_WORDS


def spelled_out_disease(span: Span) -> bool:
    """An abbreviation the article spells out as a disease's or a pathogen's name ("Reston ebolavirus (ERV)",
    "tuberculosis (TB)"): no actor, wherever the article writes it."""
    return span.text in per_article(span.doc, "newsmap_disease_abbreviations", lambda doc: frozenset(
        doc[t.i + 1].text for t in doc[1:-2]
        if t.text == "(" and doc[t.i + 2].text == ")" and doc[t.i + 1].text[:1].isupper()
        and is_disease(doc[t.i - 1].text)))
