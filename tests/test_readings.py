"""Readings that unseen news needs (issue 14, part 2): acts only arranged or left undone are hypothetical, animals
are no parties to violence, a deal that trades goods is no accord, and a participle the parser joins to the wrong
clause keeps its own doer. Each sentence is written for newsmap; each test fails on the code before its rule."""
from __future__ import annotations

import pytest

from tests.test_probe import event, triggers
from tests.test_roles import role_names


def at_trigger(analysis, trigger: str, read) -> list:
    """What ``read`` gives of each event of ``trigger`` (one per event; the trigger must be found)."""
    found = [read(e) for e in analysis.events if e.trigger.text == trigger]
    assert found, f"no {trigger!r} in {[e.trigger.text for e in analysis.events]}"
    return found


def flags(analysis, trigger: str) -> list[bool]:
    return at_trigger(analysis, trigger, lambda e: e.hypothetical)


@pytest.mark.parametrize("text, trigger", [
    ("The peace summit is to be held in Oslo in June.", "summit"),
    ("The envoy is to meet tribal elders in Kandahar next week.", "meet"),
    ("Opposition leaders are set to hold talks with the junta on Friday.", "talks"),
    ("The foreign secretary is due to visit Nairobi on Thursday.", "visit"),
    ("Ministers are expected to sign an accord on water sharing at the summit.", "sign"),
    ("Farmers are scheduled to march on the parliament in Brussels on Monday.", "march"),
    ("Investigators hope to arrest the remaining suspects within days.", "arrest"),
    ("Health officials said it was too early to declare an emergency in the province.", "declare"),
    ("The regulator stopped short of declaring a state of emergency.", "declaring"),
    ("If the rebels enter the valley, the army attacks them at once.", "attacks"),
    ("Security talks between Serbia and Kosovo were postponed on Monday.", "talks"),
    ("Organisers cancelled the march in Kampala after police warnings.", "march"),
])
def test_an_arranged_or_undone_act_is_hypothetical(analyse, text: str, trigger: str) -> None:
    assert flags(analyse(text), trigger) == [True]


@pytest.mark.parametrize("text, trigger", [
    ("The ministers met in Oslo on Tuesday, as expected.", "met"),
    ("Police arrested two men in Leeds on Sunday, even if the charges remain unclear.", "arrested"),
    ("The army attacked the town after the rebels refused to leave.", "attacked"),
    ("The killer is set to be executed in May for the fatal stabbing of a nurse in Leeds in 2009.", "stabbing"),
    ("Militias kept shelling the town as if there was no truce, residents said.", "shelling"),
    ("Heavy gunfire could be heard across Khartoum throughout the night.", "gunfire"),  # session 14
])
def test_an_act_that_happened_stays_real(analyse, text: str, trigger: str) -> None:
    assert flags(analyse(text), trigger) == [False]


@pytest.mark.parametrize("text, trigger", [
    ("Veterinary officials killed 12,000 ducks at a farm near Hanoi to stop the spread of bird flu.", "killed"),
    ("Game wardens shot three lions that had strayed into a village in Kenya.", "shot"),
    ("A stray dog attacked a boy outside a school in Lahore on Monday.", "attacked"),
    ("Two wolves were shot by hunters near the village on Sunday.", "shot"),
])
def test_animals_are_no_parties_to_violence(analyse, text: str, trigger: str) -> None:
    assert trigger not in triggers(analyse, text)


def test_people_among_the_victims_keep_the_attack(analyse) -> None:
    assert "shot" in triggers(analyse, "A gunman shot two women and their dog outside a shop in Denver.")


@pytest.mark.parametrize("text, trigger", [
    ("Shoppers queued overnight for the best deals on laptops in Manchester.", "deals"),
    ("The town council spent a great deal of money on the new bridge.", "deal"),
    ("The retailer agreed to buy its rival's 300 stores for $2bn.", "agreed"),
    ("The firm entered into an agreement to acquire the warehouse in Ohio.", "agreement"),
])
def test_a_deal_that_trades_goods_is_no_accord(analyse, text: str, trigger: str) -> None:
    assert trigger not in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("The army and the rebels agreed to a ceasefire in Juba on Monday.", "agreed"),
    ("The warring parties signed a peace deal that includes an exchange of prisoners.", "signed"),
])
def test_an_accord_between_parties_stays(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)


def test_a_participle_joined_to_a_subordinate_clause_keeps_the_outer_doer(analyse) -> None:
    a = analyse("Witnesses watched as the gunman fired several shots, at one point circling Governor Paul Mensah "
                "as he lay on the floor and shooting him again.")
    assert not any("Mensah" in n for n in role_names(a, "shooting", "initiator"))
    assert event(a, "shooting").actor_roles  # the gunman or the governor as its target, not the governor shooting


@pytest.mark.parametrize("text, trigger", [
    ("Hamas accused Israel of breaking the truce in Gaza on Tuesday.", "accused"),
    ("Hezbollah leader Hassan Nasrallah addressed supporters in Beirut on Friday.", "addressed"),
    ("Hezbollah leader Hassan Nasrallah told supporters in Beirut that the group would not disarm.", "told"),
    ("The prime minister said in a televised speech that the curfew would be lifted.", "speech"),
    ("The militia is pressuring farmers to hand over their harvest.", "pressuring"),
    ("The junta coerced journalists into signing pledges of loyalty.", "coerced"),
    # session 14 (events6): a claim of responsibility by any verb, whoever makes it
    ("The Provisional IRA accepted responsibility for the bombings in Belfast.", "accepted"),
    ("The group took credit for the ambush of an army convoy near Gao.", "took"),
    ("The group said it was responsible for the attack on a checkpoint in Kabul.", "said"),
])
def test_speeches_accusations_and_coercion_are_statements(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("The council addressed the problem of potholes on Monday.", "addressed"),
    ("A resident accused her neighbour of stealing her bicycle.", "accused"),
    ("A spokesman told reporters that the meeting went well.", "told"),
    ("She felt obliged to attend the ceremony.", "obliged"),
    ("Residents said they were pressured by rising rents.", "pressured"),
    ("The rebels refused to accept responsibility for the massacre in Bunia.", "accept"),
    ("No group has taken responsibility for the bombing in Quetta.", "taken"),
    ("A witness said the gunmen were responsible for the attack in Kabul.", "said"),
])
def test_sourcing_and_other_senses_stay_no_statement(analyse, text: str, trigger: str) -> None:
    assert trigger not in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("Crews launched a fresh attack on the flames from the roof of the warehouse.", "attack"),
    ("The veteran runner struck out on his own in the final mile.", "struck"),
    ("Doctors in the district said they had arrested cholera within a month.", "arrested"),
    ("A cyclist was struck and killed by a truck in Leeds on Friday.", "killed"),
    ("A highway pileup killed six people near Denver on Saturday.", "killed"),
])
def test_fires_road_deaths_and_figures_of_speech_are_no_violence(analyse, text: str, trigger: str) -> None:
    assert trigger not in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("A car bomb killed five soldiers in Kabul on Monday.", "killed"),
    ("A gunman killed a bus driver in Chicago on Monday.", "killed"),
    ("Rebels struck an army post near Gao at dawn.", "struck"),
])
def test_attacks_near_such_words_stay(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)


def test_an_acronym_read_as_is_names_the_attacker(analyse) -> None:
    a = analyse("Three soldiers were killed in IS attacks near Raqqa on Sunday.")
    assert "Islamic State" in role_names(a, "attacks", "initiator")


def test_is_as_a_verb_names_no_group(analyse) -> None:
    a = analyse("The situation in the city IS calm, the governor said after the clashes in Mosul.")
    assert all(x.name != "Islamic State" for x in a.actors)


@pytest.mark.parametrize("text, trigger", [
    ("Acme Widgets Inc. announced plans to open a factory in Ohio next year.", "announced"),
    ("The company announced on Monday that its profits had doubled.", "announced"),
    ("These forward-looking statements involve risks and uncertainties.", "statements"),
])
def test_a_business_speaking_of_its_business_is_no_statement(analyse, text: str, trigger: str) -> None:
    assert trigger not in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("The central bank announced an emergency rate cut on Monday.", "announced"),
    ("The Kenyan government announced a curfew in Nairobi.", "announced"),
])
def test_public_bodies_still_make_statements(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)


def types(analysis, trigger: str) -> list[str]:
    return at_trigger(analysis, trigger, lambda e: e.type)


@pytest.mark.parametrize("text, trigger, kind", [
    ("A gunman fired into the crowd at a concert in Las Vegas.", "fired", "Violence against civilians"),
    ("Snipers fired at residents fleeing the town of Bakhmut.", "fired", "Violence against civilians"),
    ("Gunmen opened fire on worshippers in Kano.", "opened", "Violence against civilians"),
    ("Hezbollah fired at Israeli positions near Metula.", "fired", "Battles"),
    ("The militants fired rockets at Sderot.", "fired", "Explosions/Remote violence"),
    ("A soldier was killed in a clash between troops and rebels near Goma.", "clash", "Battles"),
])
def test_gunfire_is_no_shelling_and_one_sided_fire_on_civilians_is_an_attack_on_them(analyse, text, trigger, kind):
    """"fire" with no heavy weapon in its clause is gunfire, not a missile attack; one side's fire whose targets are
    all civilians is violence against civilians (ACLED), but a fight between two sides stays a battle."""
    assert types(analyse(text), trigger) == [kind]


@pytest.mark.parametrize("text", [
    "President Jordan Hale fired his national security adviser on Tuesday.",
    "The club fired its coach after the defeat in Leeds.",
    "The mayor fired the police chief at a council meeting in Dayton.",
    "The editor was fired on Monday after the paper's owners met in Boston.",
])
def test_firing_someone_from_a_job_is_no_attack(analyse, text: str) -> None:
    """"fire" with a person as its object is a dismissal; "on Tuesday" or "at a meeting" made it licensed as fire
    "at/on" someone."""
    assert "fired" not in [e.trigger.text for e in analyse(text).events]


@pytest.mark.parametrize("text", [
    "Hezbollah said it fired dozens of rockets at army positions near Metula.",
    "Rockets were fired at Sderot from the Gaza Strip on Sunday.",
    "Police fired tear gas at the crowd in Nairobi on Tuesday.",
    "The gunman fired three shots at the guards outside the embassy in Vienna.",
])
def test_firing_weapons_stays_an_event(analyse, text: str) -> None:
    assert "fired" in [e.trigger.text for e in analyse(text).events]


@pytest.mark.parametrize("text", [
    "The army said it had seized the town of Abu Hamad from the militia.",
    "Rebels captured the town of Ali Sabieh on Friday.",
])
def test_a_town_taken_is_no_arrest(analyse, text: str) -> None:
    """The "of" phrase names the town ("the town of Bentiu"), not people taken; a small model may tag the name
    PERSON. Only a quantity's "of" phrase names who was seized ("seized dozens of hostages")."""
    assert [e.trigger.text for e in analyse(text).events if e.type == "Strategic developments"] == []


def test_dozens_of_hostages_seized_stay_an_arrest(analyse) -> None:
    analysis = analyse("Security forces seized dozens of suspects in dawn raids across Mombasa on Tuesday.")
    assert "seized" in [e.trigger.text for e in analysis.events if e.subtype == "Arrests"]


@pytest.mark.parametrize("text, trigger", [
    ("The mining firm said it would close the mine after gunmen attacked a convoy of its workers near Bunia.",
     "attacked"),
    ("Airlines may suspend flights to Goma because rebels had shelled the airport on Monday.", "shelled"),
    ("The minister vowed to track down the militants, who kidnapped 40 villagers in Katsina last month.",
     "kidnapped"),
])
def test_a_past_act_in_a_clause_of_reason_or_a_relative_stays_real(analyse, text: str, trigger: str) -> None:
    """The modal or the pledge governs what is to come (closing the mine), not the past act that explains it."""
    assert flags(analyse(text), trigger) == [False]


def test_an_act_after_which_something_will_happen_is_still_hypothetical(analyse) -> None:
    assert flags(analyse("The army will respond at once if militants attack the dam."), "attack") == [True]


@pytest.mark.parametrize("text, trigger, role, kind", [
    ("Snipers shot at mourners outside a church in Juba on Sunday.", "shot", "initiator", "Unidentified Armed Group"),
    ("Bandits abducted a village chief near Gusau on Tuesday.", "abducted", "initiator", "Unidentified Armed Group"),
    ("Separatist guerrillas ambushed an army patrol near Bamenda.", "ambushed", "initiator",
     "Unidentified Armed Group"),
    ("Commandos raided an insurgent hideout near the border on Friday.", "raided", "initiator", "Military Forces"),
    ("Gunmen opened fire on coal miners near Quetta, killing six.", "opened", "target", "Civilians"),
])
def test_wire_words_for_unnamed_parties_are_generic_actors(analyse, text: str, trigger: str, role: str,
                                                           kind: str) -> None:
    """ACLED's actor categories by the nouns wire reports use for them (a dictionary's words: snipers, bandits,
    guerrillas, commandos, miners)."""
    assert any(name.startswith(kind) for name in role_names(analyse(text), trigger, role))


@pytest.mark.parametrize("text, initiator, target", [
    ("Polish air defences shot down two Belarusian drones over Lublin province on Friday.", "Belarus", "Poland"),
    ("Saudi air defences shot down four Iranian missiles over Riyadh, the coalition said.", "Iran", "Saudi Arabia"),
])
def test_drones_shot_down_are_their_owners_strike(analyse, text: str, initiator: str, target: str) -> None:
    """The defenders foiled the owner's strike: the owner is the initiator, the defenders the target."""
    analysis = analyse(text)
    assert any(initiator in n for n in role_names(analysis, "shot", "initiator"))
    assert not any(target in n for n in role_names(analysis, "shot", "initiator"))


def test_a_missile_fired_from_somewhere_is_a_missile_attack(analyse) -> None:
    analysis = analyse("Israeli air defences intercepted a ballistic missile fired from Yemen, the army said.")
    assert at_trigger(analysis, "fired", lambda e: e.subtype) == ["Shelling/artillery/missile attack"]


def test_what_is_pledged_is_to_come(analyse) -> None:
    analysis = analyse("The two presidents pledged to hold talks on the border dispute in Addis Ababa.")
    assert flags(analysis, "talks") == [True]


def test_the_one_who_vows_is_no_act_to_come(analyse) -> None:
    """A participle describing the subject of an intention verb tells what happened to the subject."""
    analysis = analyse("The suspected bomber, shot dead by police in Liege, had vowed revenge on the city.")
    assert flags(analysis, "shot") == [False]


def test_armed_robbers_are_an_armed_group(analyse) -> None:
    names = role_names(analyse("Armed robbers attacked a cash van near Johannesburg on Monday."), "attacked",
                       "initiator")
    assert any(n.startswith("Unidentified Armed Group") for n in names)


@pytest.mark.parametrize("text", [
    "The former mayor has been under house arrest in Caracas since March.",
    "The blogger remains in detention in Hanoi, his wife said.",
    "A court in Rabat sentenced the activist to two years under house arrest.",
])
def test_custody_as_a_state_is_no_arrest(analyse, text: str) -> None:
    assert [e for e in analyse(text).events if e.subtype == "Arrests"] == []


def test_putting_someone_under_house_arrest_is_an_arrest(analyse) -> None:
    analysis = analyse("Soldiers placed the president under house arrest in Niamey on Wednesday.")
    assert "arrest" in [e.trigger.text for e in analysis.events if e.subtype == "Arrests"]


def test_missiles_of_a_kind_are_no_launch(analyse) -> None:
    """A bare plural names what a system is built against, not a launch."""
    analysis = analyse("The radar is there to track long-range missiles fired by hostile states.")
    assert "fired" not in [e.trigger.text for e in analysis.events]


def test_an_arrest_something_culminated_in_is_the_arrest(analyse) -> None:
    analysis = analyse("The chase that ended in his arrest began in Tacoma on Monday, police said.")
    assert "arrest" in [e.trigger.text for e in analysis.events if e.subtype == "Arrests"]


@pytest.mark.parametrize("text, trigger, hypothetical", [
    ("The army denied that its soldiers had fired on protesters in Lagos.", "fired", True),
    ("Officials in Dhaka denied that police had arrested the opposition leader.", "arrested", True),
    ("The group denied responsibility for the bombing of a bus in Kabul.", "bombing", False),
])
def test_a_denied_clause_is_only_possible_but_a_denied_responsibility_is_not(analyse, text: str, trigger: str,
                                                                            hypothetical: bool) -> None:
    """Session 14 (events6): docs/events.md said a denial higher up marks the act hypothetical; nothing did."""
    assert flags(analyse(text), trigger) == [hypothetical]


@pytest.mark.parametrize("text, trigger, threatened", [
    ("Hezbollah threatened to strike Israeli cities if the offensive in Lebanon continued.", "threatened", "strike"),
    ("The junta warned it would bomb rebel towns in Shan State unless the fighters withdrew.", "warned", "bomb"),
])
def test_a_conditional_threat_was_made(analyse, text: str, trigger: str, threatened: str) -> None:
    """The "if" clause is the condition of the threatened act, not of the threat (session 14, own sentences)."""
    a = analyse(text)
    assert flags(a, trigger) == [False] and flags(a, threatened) == [True]


@pytest.mark.parametrize("text, trigger", [
    ("The rise in kidnappings has alarmed foreign companies operating in the Niger Delta.", "kidnappings"),
    ("Rights groups have long criticised the use of arbitrary detention in Eritrea.", "detention"),
    ("The Chilean author has written a history of political assassinations.", "assassinations"),
    ("The government has banned all protests in Minsk until further notice.", "protests"),
    ("Critics say the new law criminalises peaceful protest in Hong Kong.", "protest"),
])
def test_a_kind_of_act_counted_recorded_or_ruled_on_is_no_occurrence(analyse, text: str, trigger: str) -> None:
    """Session 14 (events6), own sentences: a trend's "in" phrase, a practice's or a history's "of" phrase and the
    object of a verb of ruling (ban, outlaw, criminalise ...) name a kind of act, as "charges of murder" does."""
    assert trigger not in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("A history teacher was kidnapped in Port Harcourt on Monday.", "kidnapped"),
    ("Police banned the rally after protesters clashed with officers in Minsk on Sunday.", "clashed"),
])
def test_acts_near_such_words_stay(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)
