"""Cleaning text dumps: general rules, checked on the seed, on small cases, and on the corpus."""

from __future__ import annotations

import pytest

from briefing.extract.dump import best_span, clean_text_dump, drop_teaser, find_section, split_units

LEAD = ("Le gouvernement a présenté mardi un plan de relance de l'industrie qui doit créer des emplois "
        "dans les régions les plus touchées par la crise, selon le ministre.")
SECOND = ("Les syndicats ont salué une avancée mais demandent des garanties sur la durée des contrats "
          "et sur le financement des formations pour les salariés concernés.")


def test_english_dump_with_menu_byline_related_box_and_footer():
    dump = "\n\n".join([
        "Skip to main content", "Home", "World", "Business", "Sign in",
        "Latest News - Business",
        "Factory plan promises new jobs in struggling regions",
        "By Jane Doe", "January 25, 2024",
        "The government on Tuesday unveiled a plan to revive industry that should create jobs in the "
        "regions hit hardest by the crisis, the minister said.",
        "Unions welcomed the move but asked for guarantees on the length of contracts and on how the "
        "training of the workers concerned will be paid for.",
        "Economists were more cautious: several of them said that the plan relied on tax credits that "
        "had already been tried in the past without much effect on employment in the regions.",
        "The opposition called the plan a campaign promise and said that it would ask for a vote on each "
        "of the measures rather than on the whole package at once.",
        "Related Coverage", "Factbox: who gets what",
        "The plan will be debated in parliament next month, where the opposition has promised to fight "
        "several of its measures and to ask for an independent review.",
        "Business groups said the measures came late but were a step in the right direction, and that "
        "they would judge the plan by the number of jobs it creates over the next two years.",
        "The minister said the first factories would open in the spring and that the regions would "
        "choose the projects themselves, with a budget voted every year by the local councils.",
        "Reporting by John Smith; Editing by Ann Lee",
        "Most Read", "Celebrity couple splits after ten years", "Privacy Policy", "All rights reserved",
    ])
    cleaned = clean_text_dump(dump, "en")
    assert cleaned.title == "Factory plan promises new jobs in struggling regions"
    assert cleaned.category == "Business"
    # a related box inside a long story goes; the story after it stays, with its credit line
    assert [p.split()[0] for p in cleaned.paragraphs] == ["The", "Unions", "Economists", "The", "The", "Business", "The", "Reporting"]
    assert "January 25, 2024" in cleaned.header


def test_hard_wrapped_paragraphs_are_joined_and_menus_are_not():
    text = ("Le gouvernement a présenté mardi un plan de relance de l'industrie qui\n"
            "doit créer des emplois dans les régions les plus touchées par la crise,\n"
            "selon le ministre.\n\nAccueil\nMonde\nÉconomie\n")
    assert split_units(text) == [
        "Le gouvernement a présenté mardi un plan de relance de l'industrie qui doit créer des emplois dans "
        "les régions les plus touchées par la crise, selon le ministre.", "Accueil", "Monde", "Économie"]


def test_teaser_is_dropped_only_when_it_repeats_the_lead():
    truncated = LEAD[:60] + "..."
    assert drop_teaser([LEAD, SECOND, truncated]) == [LEAD, SECOND]
    glued = LEAD + SECOND[:40] + "…"  # blocks glued together by the scraper
    assert drop_teaser([LEAD, SECOND, glued]) == [LEAD, SECOND]
    other = "Un autre sujet qui finit en suspens..."
    assert drop_teaser([LEAD, SECOND, other]) == [LEAD, SECOND, other]


@pytest.mark.parametrize("label, section", [
    ("Dernières Infos - Sécurité", "Sécurité"),
    ("Actualités > Économie", "Économie"),
    ("À la une | Politique", "Politique"),
    ("Latest News – Business", "Business"),
    ("Les États-Unis et l'Irak entament des discussions", None),
])
def test_section_labels(label: str, section: str | None):
    assert find_section([label]) == section


def test_best_span_is_the_maximum_subarray():
    assert best_span([-5, 10, -3, 8, -20, 4]) == (1, 4)
    assert best_span([-1, -2]) == (0, 0)


def test_every_paragraph_once():
    dump = "\n\n".join(["Un titre qui se répète ici", LEAD, SECOND, LEAD, "Un titre qui se répète ici"])
    cleaned = clean_text_dump(dump, "fr")
    assert cleaned.paragraphs == [LEAD, SECOND]


def test_a_tag_split_dump_gets_its_sentences_back():
    """BeautifulSoup's get_text("\\n\\n") cuts a sentence at every link (Le Devoir, corpus)."""
    from briefing.extract.dump import rejoin

    units = ["En raison du taux élevé de délinquance chez les utilisateurs, l’administration de", "Valérie Plante",
             "a décidé de ne pas autoriser ces véhicules dans les rues de la ville en 2020.",
             "Selon le", "rapport", ", la Ville a dressé le bilan du projet-pilote mené l’an dernier."]
    assert rejoin(units, "fr") == [
        "En raison du taux élevé de délinquance chez les utilisateurs, l’administration de Valérie Plante a décidé "
        "de ne pas autoriser ces véhicules dans les rues de la ville en 2020.",
        "Selon le rapport, la Ville a dressé le bilan du projet-pilote mené l’an dernier."]


def test_menus_bylines_and_dates_are_not_glued_to_a_headline():
    from briefing.extract.dump import rejoin

    units = ["Flint flake tool adds to evidence of Neanderthal complex thinking", "by Bob Yirka , Phys.org",
             "Décisions de l’AG du mardi 10 septembre", "mercredi 11 septembre 2019",
             "Emmanuel Macron", "Vos réactions (11)", "envoyer par mail"]
    assert rejoin(units, "en") == units


def test_a_byline_under_the_standfirst_goes_to_the_header():
    from briefing.extract.dump import clean_text_dump

    lead = ("Les entreprises de trottinettes et de vélos en libre-service sans ancrage ont enregistré 365 000 "
            "déplacements entre le 21 juin et le 15 novembre 2019, dont 61 % en trottinettes.")
    body = ["C’est ce qu’a annoncé Éric Alan Caldwell, responsable de la mobilité au comité exécutif, mercredi matin.",
            "Le bilan du projet-pilote mené l’an dernier fait état d’un taux important de délinquance chez les utilisateurs."]
    text = "\n\n".join(["La fin des trottinettes en libre-service à Montréal", lead, "Jeanne Corriveau", "19 février 2020",
                        "Montréal", *body]) + "\n"
    cleaned = clean_text_dump(text, "fr")
    assert cleaned.paragraphs == [lead, *body]
    assert "19 février 2020" in cleaned.header


def test_a_tag_split_dump_keeps_a_sentence_cut_before_a_bracket_and_a_dateline_cut_at_its_dash():
    """France Culture's "Le dossier d’<em>Esprit</em> (décembre 2019), …" and the Japan Times'
    "<strong>KOBE –</strong> A total of …", as get_text("\\n\\n") saves them (corpus)."""
    from briefing.extract.dump import rejoin

    units = ["Quand le langage travaille",
             ". Là où nos sociétés connaissent des tensions, là aussi travaille le langage. Le dossier d’", "Esprit",
             "(décembre 2019), coordonné par Anne Dujin, se met à son écoute, pour entendre l’écho de nos angoisses, "
             "de nos espoirs et de nos désirs.", "À ÉCOUTER AUSSI"]
    assert rejoin(units, "fr") == [
        "Quand le langage travaille. Là où nos sociétés connaissent des tensions, là aussi travaille le langage. "
        "Le dossier d’Esprit (décembre 2019), coordonné par Anne Dujin, se met à son écoute, pour entendre l’écho "
        "de nos angoisses, de nos espoirs et de nos désirs.", "À ÉCOUTER AUSSI"]
    units = ["PRINT", "SHARE", "KOBE –", "A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was "
             "learned Tuesday. The Hyogo Prefectural Police is investigating the incident as a case of theft."]
    assert rejoin(units, "en")[2].startswith("KOBE – A total of 6,000 surgical masks")
    # a republished story's credit, cut at its link, is one line again, and the story's first
    units = ["Nathanael Johnson", "January 10, 2020 9:00AM (UTC)", "This post originally appeared on", "Grist", "."]
    assert rejoin(units, "en")[2:] == ["This post originally appeared on Grist."]


def test_a_story_keeps_its_credit_line_and_crosses_a_match_s_minutes():
    story = [LEAD, SECOND, "Belle opportunité pour Cornet sur coup-franc mais Nardi repousse parfaitement !", "7'", "3'",
             "Les deux équipes se cherchent en ce début de match, sous la pluie.", "0'"]
    cleaned = clean_text_dump("\n\n".join(["Menu", "This post originally appeared on Grist.", *story]) + "\n", "fr")
    assert cleaned.paragraphs == ["This post originally appeared on Grist.", *story[:3], story[5]]


def test_a_paragraph_a_paywall_cuts_is_prose_a_short_teaser_is_not():
    from briefing.extract.dump import prose_words
    from briefing.extract.language import stopwords

    # aoc.media's paywall (corpus): the text stops mid-word, the rest is for subscribers
    cut = ("Pour réaliser ce programme, il impose aux populations un nouveau grand récit sur le sens de l’histoire et "
           "sur la fin de l’évolution, qui n’hésite pas à mobiliser le lexique biologique de l’adaptation, de la "
           "sélection et de la compétition dans la lutte pour la vie. Mais à la différence du vieux darwinisme social "
           "inspiré par Herbert Spencer, qui croyait qu’il suffisait de démanteler l’État social et de laisser faire "
           "les interactions économi…")
    # a blog's blurb in the sidebar (Le Monde diplomatique, corpus)
    teaser = ("Hier à peine considérée – sauf pour sa composante japonaise –, l’Asie devient l’une des clefs du monde "
              "contemporain. Depuis le début du XXIe siècle, le centre de gravité se déplace de l’Occident vers "
              "l’Extrême-Orient. Inéluctablement. Cela mérite attention...")
    assert prose_words(cut, stopwords("fr")) > 0
    assert prose_words(teaser, stopwords("fr")) == 0


def test_a_cookie_notice_is_chrome_even_when_it_reads_as_prose():
    # a motorcycle magazine's review page of the article-extraction-benchmark, split at every tag: the cookie
    # dialog at the foot of the page says more than the short review, and was read as the story
    story = ["If you want a book that makes you feel great about being a biker, this is it. The 180 page coffee-table "
             "publication comes with a 10-inch vinyl featuring seven classic rock tracks, including Born to be Wild "
             "and The Road to Hell. While we all know vinyl is best, there’s also a download code to get all the "
             "tracks as 256kps MP3s.",
             "As I write this review, listening to the Bike & Style soundtrack and flicking through the book again, "
             "the idea, from Ear Books in Germany, makes brilliant sense. Classic rock may seem something of a cliché "
             "for bikers, but looking at shots of Freddie Spencer and Evel Knievel whilst listening to Steppenwolf "
             "makes me want to get out on the bike.",
             "There are some stunning photos in the book, but it’s disappointing to also find a few low-resolution "
             "images spoiling the quality impression, as well as some design touches that intrude a little too much."]
    overview = ("This website uses cookies to improve your experience while you navigate through the website. Out of "
                "these cookies, the cookies that are categorized as necessary are stored on your browser as they are "
                "essential for the working of basic functionalities of the website. We also use third-party cookies "
                "that help us analyze and understand how you use this website. These cookies will be stored in your "
                "browser only with your consent. You also have the option to opt-out of these cookies. But opting out "
                "of some of these cookies may have an effect on your browsing experience.")
    dialog = ["This website uses cookies to improve your experience. We'll assume you're ok with this, but you can "
              "opt-out if you wish.", "Accept", "Read More", "Privacy & Cookies Policy", "Privacy Overview", overview,
              "Privacy Overview", overview, "Necessary", "Always Enabled",
              "Necessary cookies are absolutely essential for the website to function properly. This category only "
              "includes cookies that ensures basic functionalities and security features of the website. These "
              "cookies do not store any personal information."]
    blocks = ["Fast Bikes", "Bike & Style book with soundtrack review", "21/06/2014", "Tony Carter", "Kit Reviews",
              *story, "Advert", "This slideshow requires JavaScript.", "Terms and conditions", *dialog]
    cleaned = clean_text_dump("\n\n".join(blocks) + "\n", "en")
    assert cleaned.paragraphs == story
    assert cleaned.title == "Bike & Style book with soundtrack review"
    from briefing.extract.dump import is_chrome

    assert is_chrome("En poursuivant, vous acceptez l’utilisation des cookies pour mesurer l’audience de ce site et "
                     "vous proposer des contenus adaptés à vos centres d’intérêt.", prose=True)
    assert not is_chrome("Google veut supprimer les cookies tiers de son navigateur Chrome d’ici deux ans, ce qui "
                         "inquiète les éditeurs de presse et les régies publicitaires.", prose=True)
