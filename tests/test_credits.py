"""geo.events.credits: a photo credit flattened into news text names no participant of the story."""
from __future__ import annotations

from geo.events.credits import credit_spans, outside_credits
from geo.records import ActorMention, Mention


def test_credits_in_the_agencies_forms_are_found() -> None:
    text = ("Crowds fled. (Thomas Mukoya/Reuters) Police came. REUTERS/Karim Haddad Tanks came. "
            "(Photo: Jane Doe/AFP) Rain fell.")
    assert [text[s:e] for s, e in credit_spans(text)] == [
        "(Thomas Mukoya/Reuters)", "REUTERS/Karim Haddad", "(Photo: Jane Doe/AFP)"]


def test_a_slash_in_prose_is_no_credit() -> None:
    for text in ("Talks on and/or after the vote (see 24/7 coverage).", "The Israel-Hamas war (2023) goes on.",
                 "He won 52/48 in Ohio."):
        assert credit_spans(text) == [], text


def test_mentions_inside_a_credit_are_left_out() -> None:
    text = "(Thomas Mukoya/Reuters) Reuters reported the attack."
    inside = ActorMention("reuters", Mention(15, 22, "Reuters", "ORG"))
    story = ActorMention("reuters", Mention(24, 31, "Reuters", "ORG"))
    assert outside_credits(text, [inside, story]) == [story]


def test_each_mention_is_looked_up_among_many_credits() -> None:
    """Every mention is kept or dropped as a scan of all credits would decide (the lookup bisects the credits, so an
    article of nothing but credits and names costs the sum of their numbers, not their product)."""
    text = "(Ab Cd/Reuters) Reuters " * 300
    mentions = [ActorMention("reuters", Mention(i, i + 7, "Reuters", "ORG")) for i in range(0, len(text), 3)]
    spans = credit_spans(text)
    assert len(spans) == 300
    assert outside_credits(text, mentions) == [
        am for am in mentions if not any(s <= am.mention.start < e for s, e in spans)]
