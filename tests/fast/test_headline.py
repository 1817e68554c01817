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
    assert shared_suffix_names(["Covid-19 | What we know", "Covid-19: what we know"]) == []  # one split is no rule
    assert shared_suffix_names(["A - B", "C - D", "A"]) == []


def test_the_visible_headline_wins_when_another_statement_agrees_with_it():
    stated = ["New York ramps up mass burials amid virus outbreak", "New York ramps up burials | BBC News"]
    assert choose_headline(["BBC News", "Coronavirus: New York ramps up mass burials amid outbreak"], stated, ["BBC"]) \
        == "Coronavirus: New York ramps up mass burials amid outbreak"  # the logo's <h1> agrees with nothing
    assert choose_headline(["Menu"], ["Le port rouvre - La Gazette"], ["La Gazette"]) == "Le port rouvre"
    assert choose_headline([], [None, ""], []) is None
    assert choose_headline(["Ukraine war: what we know on day 100", "Ukraine war: what we know on day 101"],
                           ["Ukraine war: what we know on day 101"], []) == "Ukraine war: what we know on day 101"


def test_a_headline_s_own_words_are_never_taken_for_the_site_s_name():
    assert strip_site_name("Reuters/Ipsos poll: Biden's approval slips", ["Reuters"]) == "Reuters/Ipsos poll: Biden's approval slips"
    assert strip_site_name("Time to act: climate summit opens", site_names([], "https://time.com/x")) \
        == "Time to act: climate summit opens"
    assert strip_site_name("Brexit - What Le Monde said | Le Monde", ["Le Monde"]) == "Brexit - What Le Monde said"
    assert strip_site_name("France 24 - France - Élections: le second tour", ["France 24"]) == "France - Élections: le second tour"
    assert site_names([], "https://edition.cnn.com/2020/a") == ["cnn"]
    assert site_names([], "https://www.japantimes.co.jp/news/") == ["japantimes"]


def test_a_dump_names_the_site_from_a_headline_said_twice_not_from_a_kicker():
    from briefing.extract.dump import glued_names

    assert glued_names(["Caisse de solidarité financière - Info'Com-CGT", "Caisse de solidarité financière"]) \
        == ["Info'Com-CGT"]
    assert glued_names(["Live updates now", "Live updates now - Government plan to revive industry creates jobs"]) \
        == []  # a kicker said again before the headline: the headline is no site name
