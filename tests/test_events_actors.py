"""Who and where of an event: actors from the document's conflict context, sources that are not actors,
and place names the entity recogniser mislabels. Sentences are written for the tests."""

from __future__ import annotations


def _assault(events):
    return next(e for e in events if e.type == "ASSAULT")


YEMEN = "Yemen is at war. Fighting continues in Yemen, and Yemen's ports are shut. "
AFGHANISTAN = "Afghanistan is at war. Fighting continues in Afghanistan, and Afghanistan's roads are shut. "


def test_generic_insurgents_take_the_actor_of_the_documents_conflict(events_of):
    sentence = "Insurgents attacked a checkpoint on Tuesday."
    assert _assault(events_of(YEMEN + sentence)).actor1 == "Houthis"
    assert _assault(events_of(AFGHANISTAN + sentence)).actor1 == "Taliban"


SYRIA = "Syria is at war. Fighting continues in Syria, and Syria's borders are shut. "


def test_government_forces_are_the_government_of_the_documents_conflict(events_of):
    sentence = "Government forces shelled a village on Tuesday."
    assert _assault(events_of(AFGHANISTAN + sentence)).actor1 == "Afghan government"
    assert _assault(events_of(SYRIA + sentence)).actor1 == "Syrian government"
    assert _assault(events_of(YEMEN + sentence)).actor1 == "Yemeni government"


def test_another_countrys_government_forces_are_never_the_afghan_government(events_of):
    sentence = "Syrian government forces shelled a village near the border on Tuesday."
    assert _assault(events_of(sentence)).actor1 == "Syrian government"
    assert _assault(events_of("Government forces shelled a village on Tuesday.")).actor1 != "Afghan government"


def test_generic_insurgents_are_nobody_in_particular_without_a_context(events_of):
    assert _assault(events_of("Insurgents attacked a checkpoint on Tuesday.")).actor1 != "Taliban"


def test_news_agency_reporting_an_attack_is_not_its_actor(events_of):
    assault = _assault(events_of("Reuters reported the attack on Tuesday."))
    assert assault.actor1 != "Reuters"


def test_subject_of_a_clause_is_not_the_actor_of_an_attack_in_its_time_adjunct(events_of):
    events = events_of("Ghani left the meeting after the bombing on Thursday.")
    assert _assault(events).actor1 != "Ashraf Ghani"


def test_place_after_a_place_noun_is_the_location_even_if_taken_for_a_person(events_of):
    assault = _assault(events_of("Airstrikes hit the house of a former minister in the capital, Sanaa, on Sunday."))
    assert assault.location is not None and assault.location["name"] == "Sanaa"


def test_place_after_a_place_noun_is_not_an_actor(events_of):
    assault = _assault(events_of("Troops attacked the town of Lashkar Gah on Friday."))
    assert assault.actor2 != "Lashkar Gah"


def test_target_of_an_attack_noun_is_the_object_of_its_verb(events_of):
    assault = _assault(events_of("Airstrikes hit the home of former president Ali Abdullah Saleh on Sunday."))
    assert assault.actor2 == "Ali Abdullah Saleh"


def test_a_town_is_more_specific_than_its_province_and_is_not_an_actor(events_of):
    assault = _assault(events_of("Militants attacked a base in Maidan Shahr in Wardak province on Monday."))
    assert assault.location["name"] == "Maidan Shahr"
    assert assault.actor2 != "Maidan Shahr"


def test_direction_before_a_country_makes_the_location_a_region(events_of):
    assault = _assault(events_of("Rebels shelled villages in eastern Ukraine on Sunday."))
    assert assault.location["name"] == "eastern Ukraine"


def test_a_verb_after_a_preposition_shares_the_clauses_subject(events_of):
    events = events_of("Senator Jane Roe led ten lawmakers in demanding a ceasefire from the Taliban on Monday.")
    assert any(e.type == "REQUEST" and e.actor1 == "Jane Roe" for e in events)


def test_a_listed_town_taken_for_an_organisation_is_a_place(events_of):
    events = events_of("Militants launched an assault in Ghazni in August 2018.")
    assert _assault(events).location["name"] == "Ghazni"


def test_a_place_in_another_triggers_adjunct_is_not_this_events_place(events_of):
    events = events_of("The president cancelled the meeting after the rebels claimed an attack in Kabul.")
    rejection = next(e for e in events if e.type == "REJECT")
    assert rejection.location is None
    assert _assault(events).location["name"] == "Kabul"


def test_the_place_of_a_cancelled_summit_is_the_cancellations_place(events_of):
    events = events_of("The king cancelled plans to attend the summit at Camp David because of the fighting.")
    rejection = next(e for e in events if e.type == "REJECT")
    assert rejection.location["name"] == "Camp David"


def test_the_subject_of_a_clause_is_not_the_doer_of_a_following_bombing(events_of):
    events = events_of("Ashraf Ghani dismissed the offer as meaningless following Thursday's suicide bombing.")
    assert _assault(events).actor1 is None


def test_a_named_person_heads_the_phrase_not_the_country_before_the_title(events_of):
    events = events_of("On Monday, Ukraine's prime minister Arseniy Yatsenyuk accused Russian president Vladimir Putin "
                       "of arming the rebels.")
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert (accusation.actor1, accusation.actor2) == ("Arseniy Yatsenyuk", "Vladimir Putin")


def test_a_capital_named_only_by_its_country_is_the_capital_city(events_of):
    assert _assault(events_of("Militants attacked a checkpoint in Afghanistan's capital on Monday.")).location[
        "name"] == "Kabul"
    assert _assault(events_of("Militants attacked a checkpoint in the Afghan capital on Monday.")).location[
        "name"] == "Kabul"


def test_coordinated_forces_keep_the_first_named_side(events_of):
    events = events_of("A statement said the US and NATO troops would withdraw from Afghanistan within 14 months.")
    assert next(e for e in events if e.type == "RETREAT").actor1 == "United States"


def test_the_country_in_a_document_about_one_country_is_that_country(events_of):
    text = YEMEN + "The cease-fire is scheduled to begin on Tuesday to let aid reach civilians in the war-torn country."
    truce = next(e for e in events_of(text) if e.type == "RETREAT")
    assert truce.location["name"] == "Yemen"


def test_the_country_stays_unknown_when_the_document_names_two_countries(events_of):
    text = YEMEN + "Saudi Arabia is wary. The cease-fire is scheduled to begin on Tuesday across the country."
    truce = next(e for e in events_of(text) if e.type == "RETREAT")
    assert truce.location is None


def test_unknown_official_after_a_nationality_and_title_is_the_actor(events_of):
    events = events_of("Dutch Foreign Minister Pieter Vandermolen condemned the airstrikes on Monday.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.actor1 == "Pieter Vandermolen"


def test_country_named_before_an_unnamed_official_stays_the_actor(events_of):
    events = events_of("The Dutch foreign minister condemned the airstrikes on Monday.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.actor1 != "foreign minister"


def test_capital_that_expels_an_envoy_is_its_countrys_government(events_of):
    sanction = next(e for e in events_of("Oslo expelled the Iranian ambassador on Monday.") if e.type == "SANCTION")
    assert sanction.actor1 == "Norway"


def test_capital_where_a_happening_took_place_is_no_actor(events_of):
    assault = _assault(events_of("Gunmen attacked a hotel in Oslo on Monday."))
    assert assault.actor1 != "Norway"


def test_place_in_what_is_discussed_is_the_topic_not_the_meeting_place(events_of):
    events = events_of("The ministers gathered in Cairo on Wednesday to discuss Libya-Turkey relations.")
    consult = [e for e in events if e.type == "CONSULT"][0]
    assert consult.location["name"] == "Cairo"


def test_place_naming_an_attacked_site_is_still_its_place(events_of):
    events = events_of("Militants attacked the Kabul embassy on Monday.")
    assert [e for e in events if e.type == "ASSAULT"][0].location["name"] == "Kabul"
