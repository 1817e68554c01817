"""Headlines without the site's name, on the forms the corpus pages glue it on."""

from __future__ import annotations

from briefing.extract.headline import choose_headline, shared_suffix_names, site_names, strip_site_name


def test_the_site_name_is_cut_wherever_it_is_glued_on():
    names = site_names(["The Japan Times"], "https://www.japantimes.co.jp/news/2020/03/05/masks/")
    assert strip_site_name("Losing face: 6,000 surgical masks stolen from Kobe hospital | The Japan Times", names) \
        == "Losing face: 6,000 surgical masks stolen from Kobe hospital"  # its own colon kept
    assert strip_site_name("La perte des terres fertiles | DW | 23.05.2011", ["DW"]) == "La perte des terres fertiles"
    assert strip_site_name("Bondy Blog - A Paris-8, un peu de tension", ["Bondy Blog"]) == "A Paris-8, un peu de tension"
    assert strip_site_name("Le Monde: la grève continue", ["Le Monde"]) == "la grève continue"
    assert strip_site_name("Coronavirus: New York ramps up mass burials", ["BBC"]) == "Coronavirus: New York ramps up mass burials"
    assert strip_site_name("Pour le néolibéralisme, la retraite est un archaïsme | AOC media - Analyse Opinion Critique",
                           ["AOC media"]) == "Pour le néolibéralisme, la retraite est un archaïsme"


def test_a_name_every_candidate_but_one_carries_is_the_sites():
    assert shared_suffix_names(["Caisse de solidarité - Info'Com-CGT", "Grève - Info'Com-CGT", "Caisse de solidarité"]) \
        == ["Info'Com-CGT"]
    assert shared_suffix_names(["A - B", "C"]) == ["B"] and shared_suffix_names(["A - B", "C - D"]) == []


def test_the_visible_headline_wins_when_another_statement_agrees_with_it():
    stated = ["New York ramps up mass burials amid virus outbreak", "New York ramps up burials | BBC News"]
    assert choose_headline(["BBC News", "Coronavirus: New York ramps up mass burials amid outbreak"], stated, ["BBC"]) \
        == "Coronavirus: New York ramps up mass burials amid outbreak"  # the logo's <h1> agrees with nothing
    assert choose_headline(["Menu"], ["Le port rouvre - La Gazette"], ["La Gazette"]) == "Le port rouvre"
    assert choose_headline([], [None, ""], []) is None
