"""Animals are no parties to political violence: a cull ("officials killed 5,000 chickens to stop the virus"), a
hunt ("hunters shot two wolves"), an animal put down ("police shot a dog") or an animal's attack ("a dog attacked a
child", "a shark attack") is no attack of ACLED's, whose actors are people and their organisations.

The words are the livestock and poultry of the FAO's livestock statistics (FAOSTAT: cattle, buffaloes, sheep,
goats, pigs, horses, camels, chickens, ducks, geese, turkeys ...), their common names and young, and the general
nouns of animals in a dictionary (animal, bird, beast, wildlife, flock, herd), plus the wild animals that news
reports hunted, put down or attacking (WordNet's common hyponyms of "mammal", "bird" and "fish"). Pure functions of
spaCy tokens.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["ANIMALS", "animal_act"]

ANIMALS = frozenset("""
animal animals beast beasts bird birds fowl fowls poultry livestock wildlife flock flocks herd herds cattle cow cows
bull bulls calf calves ox oxen buffalo buffaloes sheep lamb lambs goat goats pig pigs hog hogs swine piglet piglets
sow sows boar boars horse horses donkey donkeys mule mules camel camels chicken chickens hen hens rooster roosters
chick chicks duck ducks goose geese turkeys pigeon pigeons quail ostrich ostriches dog dogs puppy puppies cat cats
kitten kittens rabbit rabbits deer elk moose wolf wolves bear bears fox foxes coyote coyotes lion lions tiger tigers
leopard leopards elephant elephants rhino rhinos monkey monkeys ape apes shark sharks whale whales dolphin dolphins
fish crocodile crocodiles alligator alligators snake snakes bat bats rat rats mouse mice mink badger
badgers squirrel squirrels raccoon raccoons bee bees swan swans crow crows
""".split())
#: Dependents that name whom a violent act is done to, or who does it.
PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
DOER_DEPS = frozenset({"nsubj"})


def _animal(noun: Token) -> bool:
    """An animal noun, also under a quantity: "thousands of ducks", "a flock of chickens", "5,000 chickens"."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False  # "Navy SEALs", "Sitting Bull": names, not animals
    if noun.lemma_.lower() in ANIMALS or noun.lower_ in ANIMALS:
        return True
    return any(g.dep_ == "pobj" and _animal(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children)


def animal_act(token: Token) -> bool:
    """A violent trigger done only to animals ("killed 5,000 chickens", "two wolves were shot", "the killing of
    the birds") or by one ("a dog attacked a child", "a shark attack", "attacked by a bear"). A person among the
    patients keeps it ("shot two people and a dog")."""
    if token.pos_ in ("VERB", "AUX"):
        patients = [c for c in token.children if c.dep_ in PATIENT_DEPS]
        patients += [g for c in patients for g in c.conjuncts]
        doers = [c for c in token.children if c.dep_ in DOER_DEPS]
        doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if token.dep_ == "relcl" and any(c.lower_ in ("that", "which") and c.dep_ == "nsubj" for c in token.children):
            doers.append(token.head)  # "a dog that had attacked a child"
    else:
        patients = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        doers = [c for c in token.children if c.dep_ in ("compound", "poss") and c.i < token.i]
    if doers and any(_animal(d) for d in doers):
        return True
    return bool(patients) and all(_animal(p) for p in patients)
