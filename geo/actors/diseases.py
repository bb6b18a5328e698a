"""Diseases and pathogens are no actors, whatever the small model tags them.

Outbreak news names its virus like a person or an organisation ("the H5N1 strain", "Ebola Reston", "Avian Flu"),
and the small model tags those names PERSON or ORG. As actors they would fill the map's actor filter with
viruses and make a virus the initiator of the deaths it causes, so a name that is a disease or a pathogen is
read as neither (the events' own rule for natural causes is ``geo.events.clauses.NATURAL_CAUSES``).

Two general sources: the WHO's nomenclature of influenza A subtypes (an H and an N number: H5N1, H7N9), and the
names of the WHO's health topics and fact sheets on infectious diseases. A name counts when one of its words is
such a name or a word for a disease ("flu", "virus", "fever") and none is a word for a body that fights it: the
Centers for Disease Control and an Ebola treatment centre are organisations.

>>> is_disease("H5N1"), is_disease("Ebola Reston"), is_disease("Avian Flu"), is_disease("Médecins Sans Frontières")
(True, True, True, False)
>>> is_disease("Centers for Disease Control and Prevention"), is_disease("Ebola Treatment Centre")
(False, False)
"""
from __future__ import annotations

import re

from geo.names import fold

__all__ = ["is_disease"]

#: Influenza A subtypes (WHO nomenclature: haemagglutinin and neuraminidase numbers).
INFLUENZA_SUBTYPE = re.compile(r"^h\d{1,2}n\d{1,2}$")

#: Words that make a name a disease's ("Spanish flu", "West Nile virus", "Lassa fever").
DISEASE_WORDS = frozenset("""
flu influenza virus viruses fever disease syndrome pox
""".split())

#: Diseases and pathogens by name (WHO health topics and fact sheets), one word each, as news writes them.
DISEASE_NAMES = frozenset("""
ebola marburg covid coronavirus sars mers zika dengue chikungunya cholera measles mumps rubella polio
poliomyelitis malaria tuberculosis anthrax plague smallpox monkeypox mpox rabies tetanus typhoid diphtheria
hepatitis hiv aids nipah hendra lassa leprosy listeria listeriosis salmonella coli legionella meningitis
pertussis botulism brucellosis leptospirosis bse vcjd norovirus rotavirus
""".split())

#: Words of bodies named after a disease: they stay organisations.
BODY_WORDS = frozenset("""
center centers centre centres institute institutes foundation fund alliance society association program programme
hospital clinic clinics organization organisation agency ministry department council initiative coalition trust
network unit laboratory laboratories lab research control prevention task force team club league
""".split())


def is_disease(name: str) -> bool:
    """Whether a name is a disease's or a pathogen's, not a body's named after one."""
    words = fold(name).split()
    if any(w in BODY_WORDS for w in words):
        return False
    return any(INFLUENZA_SUBTYPE.match(w) or w in DISEASE_NAMES or w in DISEASE_WORDS for w in words)
