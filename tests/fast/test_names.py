"""The gazetteers behind entity typing, without a spaCy model: given names (Faker's locales)
and places (CLDR through Babel, GeoNames)."""

from __future__ import annotations

from briefing.enrich.gazetteer import given_names, is_given_name, is_place, is_territory


def test_given_names_of_many_languages_are_known_and_institution_words_are_not():
    # names the small English model typed an organisation on corpus pages (issue 14)
    for name in ("Anders", "Gustav", "Raquel", "Joaquin", "Joaquín", "Tahir", "Alvaro", "Donald", "Jiří", "Marie-Pierre"):
        assert is_given_name(name), name
    for word in ("Nooksack", "Supreme", "Tribe", "Office", "Hôpital", "Critics", "Recognizing"):
        assert not is_given_name(word), word
    assert is_given_name("anders") and len(given_names()) > 20_000  # compared case aside; every locale read


def test_territories_and_cities_are_places_given_names_alone_are_not():
    assert is_territory("Tchéquie") and is_territory("République tchèque") and is_territory("United States")
    assert is_place("Phoenix") and not is_territory("Phoenix")  # a city: "Joaquin Phoenix" stays a person
    assert not is_place("Alibaba") and not is_place("Mediapart")
    # subdivisions (ISO 3166-2), in their own languages
    assert is_place("British Columbia") and is_place("Somerset") and is_place("Hauts-de-Seine") and is_place("Berne")


def test_airport_codes_are_no_place_names():
    # GeoNames lists airport codes among a big city's other names: "LRU" (Las Cruces) and
    # "MSC" (Mesa) had made a French law's acronym and a shipping company places (issue 14)
    for code in ("LRU", "MSC", "DXB", "QC"):
        assert not is_place(code), code
    assert is_place("Las Cruces") and is_place("Mesa") and is_place("Dubai") and is_place("Téhéran")


def test_a_nickname_a_middle_initial_or_a_suffix_makes_no_other_person():
    from briefing.person_names import joined_names, one_person

    # thehill.com and vox.com stories outside the gold set: several names each, one person
    assert joined_names(["Carlineo", "Patrick Carlineo Jr", "Pat Carlineo", "Patrick W. Carlineo"]) == [
        ("Patrick Carlineo Jr", "Pat Carlineo", "Patrick W. Carlineo")]
    assert joined_names(["Apte", "Josh Apte", "Joshua Apte"]) == [("Josh Apte", "Joshua Apte")]
    assert one_person("Joe Biden", "Joseph R. Biden Jr.") and not one_person("Joe Biden", "Hunter Biden")
    assert not one_person("Patrick W. Smith", "Patrick J. Smith")  # two middle names that differ: two people
    # a nickname two people could answer to joins neither; they stay apart
    assert joined_names(["Pat Smith", "Patrick Smith", "Patricia Smith"]) == []
