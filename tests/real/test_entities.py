"""Entity rules on real sentences: cleaning, typing, merging; the language picks the model."""

from __future__ import annotations

from briefing.enrich import enrich_texts
from briefing.enrich.entities import ORGANIZATION, _credible, entities_of
from briefing.enrich.nlp import pipeline
from briefing.record import Entity
from conftest import needs_corpus


def entities(lang: str, text: str):
    return {(e.name, e.type, e.mentions, e.aliases) for e in entities_of(pipeline(lang)(text), lang)}


def test_alias_table_and_parentheses_merge_one_organisation():
    text = ("Le groupe État islamique (Daech) a revendiqué l'attaque. Daech avait déjà frappé la ville. "
            "L'Organisation mondiale de la santé (OMS) a réagi.")
    found = entities("fr", text)
    assert ("État islamique", "organization", 3, ("groupe État islamique", "Daech")) in found
    assert ("Organisation mondiale de la santé", "organization", 2, ("OMS",)) in found


def test_a_shorter_name_is_the_same_person_only_when_unambiguous():
    found = entities("fr", "Le Premier ministre Mohammad Chia al-Soudani a parlé. M. Soudani a insisté.")
    assert ("Mohammad Chia al-Soudani", "person", 2, ("M. Soudani",)) in found
    found = entities("en", "Mark Meadows and Debbie Meadows spoke on Monday. On Tuesday, Meadows said he would retire.")
    names = {name for name, *_ in found}
    assert {"Mark Meadows", "Debbie Meadows", "Meadows"} <= names  # two candidates: not merged


def test_functions_are_not_organisations_and_titles_are_not_names():
    found = entities("fr", "Le ministre de la Santé Roman Prymula a démissionné. Le Premier ministre a réagi.")
    names = {name for name, *_ in found}
    assert "Santé" not in names and "Premier ministre" not in names
    assert "Roman Prymula" in names


def test_a_place_named_inside_an_event():
    found = entities("fr", "Depuis le début de la guerre de Gaza, les attaques se multiplient.")
    assert ("Gaza", "place", 1, ()) in found


def test_english_text_goes_through_the_english_model_and_other_languages_get_nothing():
    english, german = enrich_texts([
        ("en", "Talks in Baghdad", ["Iraqi Prime Minister Mohammed Shia al-Sudani met US envoys in Baghdad."]),
        ("de", "Gespräche in Bagdad", ["Der irakische Ministerpräsident traf Gesandte in Bagdad."]),
    ])
    assert {(e.name, e.type) for e in english.entities} >= {("Baghdad", "place")}
    assert german.entities == () and german.key_figures == ()
    assert pipeline("en").lang == "en" and pipeline("fr").lang == "fr"


def test_one_referent_one_slug_across_articles_and_languages():
    from briefing.aliases import entity_slug

    assert entity_slug("État islamique") == entity_slug("Islamic State") == "etat-islamique"
    assert entity_slug("Mohammad Chia al-Soudani") == "mohammad-chia-al-soudani"
    assert entity_slug("Téhéran") == "teheran"


# Issue 14: what the name and the text say about a name's type, on sentences of the gold set's
# tuned part. group_entities is given the model's mentions as the model typed them on the real
# page, so each rule is tested whatever the model does on a short sentence.
def grouped(lang: str, text: str, *typed: tuple[str, str]):
    from briefing.enrich.entities import Mention, group_entities

    mentions, at = [], 0
    for name, kind in typed:
        at = text.index(name, at)
        mentions.append(Mention(name, kind, at, at + len(name)))
        at += len(name)
    return {(e.name, e.type) for e in group_entities(mentions, text, lang)}


def test_a_name_opening_with_a_given_name_is_a_person():
    text = "The real state epidemiologist Anders Tegnell at one of the briefings. The Golden State Warriors won."
    found = grouped("en", text, ("Anders Tegnell", "organization"), ("Golden State Warriors", "organization"))
    assert ("Anders Tegnell", "person") in found
    assert ("Golden State Warriors", "organization") in found  # "golden" is a word before it is a name


def test_the_fullest_name_typed_a_person_keeps_its_surname_apart_from_the_model_votes():
    text = 'Zashay Tastas drew it. Tastas advertised the design. "I just made it," Tastas told AFP.'
    found = grouped("en", text, ("Zashay Tastas", "person"), ("Tastas", "organization"), ("Tastas", "organization"))
    assert found == {("Zashay Tastas", "person")}


def test_a_noun_in_front_says_organisation_even_for_common_words_and_towns():
    text = "l’expérience a été un échec et que les entreprises Lime et Bird n’ont pas été en mesure d’encadrer"
    found = grouped("fr", text, ("Lime", "person"), ("Bird", "person"))
    assert found == {("Lime", "organization"), ("Bird", "organization")}
    found = grouped("en", "The soft-spoken but firm Tegnell spoke. Tegnell said no.", ("Tegnell", "person"),
                    ("Tegnell", "person"))  # named twice: a word typed a person once, no one's name, is no referent
    assert found == {("Tegnell", "person")}  # "firm" is no cue: an adjective there


def test_a_place_the_gazetteer_does_not_know_needs_something_in_it():
    text = "One of Alibaba’s New York-listed shares will be worth more. The plant is near Domdidier."
    found = grouped("en", text, ("Alibaba", "place"), ("Domdidier", "place"))
    assert found == {("Alibaba", "organization"), ("Domdidier", "place")}


def test_an_institution_word_makes_an_organisation_and_a_word_of_geography_a_place():
    text = "The ruling concerns the Nooksack Indian Tribe and the Miami-Dade County Public Schools."
    found = grouped("en", text, ("Nooksack Indian Tribe", "place"), ("Miami-Dade County Public Schools", "place"))
    assert found == {("Nooksack Indian Tribe", "organization"), ("Miami-Dade County Public Schools", "organization")}
    text = "Los Angeles County has reported more cases. British Columbia's health officer spoke."
    found = grouped("en", text, ("Los Angeles County", "place"), ("British Columbia", "place"))
    assert found == {("Los Angeles County", "place"), ("British Columbia", "place")}  # no locative needed there
    text = "The crash happened on Miller Drive. Petersallee and Manga-Bell-Platz were renamed."
    found = grouped("en", text, ("Miller Drive", "person"), ("Petersallee", "person"), ("Manga-Bell-Platz", "organization"))
    assert found == {("Miller Drive", "place"), ("Petersallee", "place"), ("Manga-Bell-Platz", "place")}  # streets
    # a firm's or a party's closing word (foxnews.com, washingtonpost.com, outside the gold set)
    text = "Big Machine and Dick Clark Productions came to terms. Virginia Democrats won both chambers."
    found = grouped("en", text, ("Dick Clark Productions", "person"), ("Virginia Democrats", "person"))
    assert found == {("Dick Clark Productions", "organization"), ("Virginia Democrats", "organization")}
    # a building (an Indiana teachers' rally outside the gold set: the model said a person, 12 times)
    text = "Thousands of teachers packed the Indiana Statehouse on Tuesday."
    assert grouped("en", text, ("Indiana Statehouse", "person")) == {("Indiana Statehouse", "place")}


def test_names_the_model_missed_after_a_cue_or_a_locative():
    found = entities("fr", "Le site d’information Les Jours a entrepris de décrypter la communication de l’Élysée.")
    assert ("Les Jours", "organization") in {(name, kind) for name, kind, *_ in found}
    assert ("Élysée", "organization") in {(name, kind) for name, kind, *_ in found}  # the presidency: alias table
    text = ("Three streets in Wedding will be renamed. The streets in Wedding's so-called African Quarter "
            "were named after colonists.")
    assert ("Wedding", "place") in {(name, kind) for name, kind, *_ in entities("en", text)}


def test_credits_bylines_dates_and_common_words_are_no_referents():
    text = ("Le projet a été présenté par Olivier Dupont au Sénat.\n\nPar Jacques Munier\n\n"
            "Revue Projet : Savons-nous encore débattre ? © Denis Meyer\n\nCrédit photo : KB / Bondy Blog")
    names = {name for name, *_ in grouped("fr", text, ("Olivier Dupont", "person"), ("Jacques Munier", "person"),
                                          ("Denis Meyer", "person"), ("Crédit photo", "organization"))}
    assert names == {"Olivier Dupont"}
    text = "(Credit: Clayton Aldern / Grist)\n\nThe strike began in February. L’affaire Benalla a éclaté."
    assert grouped("en", text, ("Clayton Aldern", "person"), ("February", "organization")) == set()
    assert grouped("fr", "L’Affaire Benalla a éclaté. Alors l’Etat a réagi.", ("Affaire Benalla", "person"),
                   ("Etat", "place")) == set()


def test_an_english_common_word_opens_no_two_word_person_name():
    # the Amsterdam Light Festival page of the extraction benchmark (outside the gold set): the
    # model types an artwork a person; the rule reads the model's dictionary, so it is tested here
    text = ("Ivana Jelić and Pavle Petrović (Serbia) found inspiration for their work Starry Night in Van Gogh’s "
            "famous painting of the same name. With the installation Starry Night, the Serbian duo gives Amsterdam "
            "its stars back.")
    found = grouped("en", text, ("Ivana Jelić", "person"), ("Starry Night", "person"), ("Van Gogh", "person"),
                    ("Starry Night", "person"))
    assert found == {("Ivana Jelić", "person"), ("Van Gogh", "person")}
    text = "Director Bong Joon Ho thanked the cast. Rabbi Seth Goldstein spoke."  # three words: a family name, a title
    assert grouped("en", text, ("Bong Joon Ho", "person"), ("Rabbi Seth Goldstein", "person")) == {
        ("Bong Joon Ho", "person"), ("Rabbi Seth Goldstein", "person")}


def test_a_short_family_name_that_is_an_english_word_opens_a_chinese_name():
    # the extraction benchmark's plague and Hong Kong pages (the gold set's fresh part): the
    # family name is an English word ("fan", "xi"), the given name is none; "Magic Box" stays out
    text = ("Fan Mengguang, deputy director of Inner Mongolia’s disease prevention and control centre, said. "
            "President Xi Jinping of China is likely to deploy forces. The Magic Box opened.")
    found = grouped("en", text, ("Fan Mengguang", "person"), ("Xi Jinping", "person"), ("Magic Box", "person"))
    assert found == {("Fan Mengguang", "person"), ("Xi Jinping", "person")}


def test_an_acronym_spelled_out_in_common_nouns_is_not_listed():
    # nature.com (the gold set's dev part): the model types the acronym of a thing an organisation
    text = ("Astronomers detected hundreds of bursts from a repeating fast radio burst (FRB) source known as 121102, "
            "says Di Li of the National Astronomical Observatories (NAOC).")
    assert grouped("en", text, ("FRB", "organization"), ("Di Li", "person"), ("NAOC", "organization")) == {
        ("Di Li", "person"), ("NAOC", "organization")}


def test_a_given_name_that_is_a_word_too_opens_a_person_s_name_before_a_family_name():
    # sports.fr (the gold set's fresh part): the model types "Fabien Lemoine" a place ("fabien" is
    # in the French dictionary); a family name that is no word makes it a person's name
    text = "74' Sortie de Fabien Lemoine. Entree de Jonathan Delaplace. Une émission de France Culture."
    found = grouped("fr", text, ("Fabien Lemoine", "place"), ("Jonathan Delaplace", "person"), ("France Culture", "organization"))
    assert ("Fabien Lemoine", "person") in found and ("France Culture", "organization") in found


def test_a_former_union_keeps_its_name():
    # archive.org (Alternatives économiques, the gold set's tuned part): "l’ex-Union européenne à quinze"
    text = ("Au sein de l’ex-Union européenne à quinze, la France ne brille pas par son taux d’emploi global. "
            "C’est le plus faible de tous les pays de l’ex-Union à quinze.")
    names = {(name, kind) for name, kind, *_ in entities("fr", text)}
    assert ("Union européenne", "organization") in names and not any(name == "Union" for name, _ in names)


def test_one_english_word_typed_a_person_once_stays_when_it_is_someone_s_name():
    # cbsnews.com (the gold set's dev part): "Clyburn" is the surname of a person the article
    # names in full; a given name ("Pete") or a family name the gazetteer knows is someone's name too
    from briefing.enrich.entities import _credible
    from briefing.record import Entity

    text = ("One of the Buttigieg campaign organizers was Walter A. Clyburn Reed, the grandson of South Carolina "
            "Congressman James Clyburn.\n\"So your grandfather, Congressman Clyburn, has been on the record\"")
    found = grouped("en", text, ("Walter A. Clyburn Reed", "person"), ("James Clyburn", "person"), ("Clyburn", "person"))
    assert ("Clyburn", "person") in found  # two persons have the name: not merged, and not dropped
    assert ("Singleframe", "person") not in grouped("en", "Audi’s familiar Singleframe grille.", ("Singleframe", "person"))
    for name in ("Pete", "Anderson"):
        assert _credible(Entity(name, "person", 1), set(), "en")


def test_events_and_glued_lines_are_no_referents():
    text = "Parasite won at the Golden Globes and the Producers Guild Awards, then at the Dubai Air Show with Netflix."
    found = grouped("en", text, ("Golden Globes", "person"), ("Producers Guild Awards", "organization"),
                    ("Dubai Air Show", "organization"), ("Netflix", "organization"))
    assert found == {("Netflix", "organization")}
    text = "l’Office fédéral de l’agriculture\n\nAgricultureL'Office a réagi, comme le ministre."
    assert grouped("fr", text, ("AgricultureL'Office", "organization")) == set()
    assert grouped("en", "The MoDem and SunExpress agreed.", ("MoDem", "organization"), ("SunExpress", "organization")) == \
        {("MoDem", "organization"), ("SunExpress", "organization")}  # a capital inside a name is no glue


# Issue 14, third round: rules checked on corpus pages outside the gold set before they were kept.
def test_a_french_headword_typed_a_place_needs_something_in_it_or_a_second_mention():
    text = "La Tunisie occupait la deuxième place parmi les pays du Moyen Orient et le Nord de l’Afrique en 2018."
    assert ("Nord", "place") not in grouped("fr", text, ("Nord", "place"))  # a direction, not the department
    assert ("Nord", "place") in grouped("fr", "Elle vit dans le Nord depuis 2010.", ("Nord", "place"))
    assert ("Nord", "place") in grouped("fr", "Le Nord vote. Le Nord hésite.", ("Nord", "place"), ("Nord", "place"))
    # "paris" is a plural of "pari", no headword: the capital named once stays; so does an acronym
    assert ("Paris", "place") in grouped("fr", "Paris a pris la décision.", ("Paris", "place"))
    assert ("SUD", "organization") in grouped("fr", "Le syndicat SUD a appelé à la grève.", ("SUD", "organization"))


def test_a_grammar_word_opening_a_sentence_is_no_name():
    text = "Parce qu’elle se fonde sur la poursuite de la vérité, l’université résiste."
    assert grouped("fr", text, ("Parce", "person")) == set()


def test_two_coordinated_names_are_two_and_a_name_ends_with_a_name_word():
    from briefing.enrich.entities import ORGANIZATION, _cleaned, _coordinated

    assert _coordinated("Assemblée et le Sénat", 10, ORGANIZATION) == [("Assemblée", 10), ("Sénat", 26)]
    assert _coordinated("the House and the Senate", 0, ORGANIZATION) == [("the House", 0), ("Senate", 18)]
    assert _coordinated("Pacific Gas and Electric", 0, ORGANIZATION) == [("Pacific Gas and Electric", 0)]  # one company
    cut = _cleaned("Agence des participations de", 40, ORGANIZATION, "fr")
    assert (cut.text, cut.start, cut.end) == ("Agence des participations", 40, 65)
    assert _cleaned("Bank of", 0, ORGANIZATION, "en").text == "Bank"
    assert _cleaned("Banque de France", 0, ORGANIZATION, "fr").text == "Banque de France"


def test_a_cultural_institution_is_an_organisation():
    text = "des rencontres avec les danseurs grévistes de l’Opéra de Paris, des pièces de théâtre"
    assert grouped("fr", text, ("Opéra de Paris", "place")) == {("Opéra de Paris", "organization")}
    text = "The exhibition opens at the Berlin City Museum on Friday."
    assert grouped("en", text, ("Berlin City Museum", "place")) == {("Berlin City Museum", "organization")}


def test_a_surname_joins_the_one_full_name_it_ends_whatever_its_type():
    text = "Mason Rudolph threw twice. Rudolph said the line held. Later Rudolph smiled."
    found = grouped("en", text, ("Mason Rudolph", "organization"), ("Rudolph", "person"), ("Rudolph", "person"))
    assert found == {("Mason Rudolph", "person")}
    text = "Caitlyn Smith and Kate York wrote it. “It’s a totally different muscle,” York said."
    found = grouped("en", text, ("Caitlyn Smith", "person"), ("Kate York", "place"), ("York", "organization"))
    assert ("York", "organization") not in found and ("Smith", "person") not in found
    text = "Heat waves hit North India this week. India recorded its hottest day."
    found = grouped("en", text, ("North India", "place"), ("India", "place"))
    assert {name for name, _kind in found} == {"North India", "India"}  # a place alone is not a part of another


# Issue 14, sixth round: which names a reader must see. An organisation named once in passing
# (after the headline and the lead of a text longer than PASSING_TEXT) by one plain word is left
# out; named in the lead, twice, by an acronym or a longer name, or in a short text, it stays.
def test_an_organisation_named_once_in_passing_by_one_plain_word_is_left_out():
    from briefing.enrich.entities import PASSING_TEXT, Mention, group_entities

    lead = "A fast radio burst was traced to a galaxy by the FAST telescope in Guizhou."
    filler = " ".join(["Astronomers compared the signal with earlier bursts seen from other dishes."] * 15)
    body = f"{filler} The burst came from outside the Galaxy, the team told the CDC, the Senate and Reuters Institute."
    text = f"Telescope finds a burst\n\n{lead}\n\n{body}"
    lead_end = len("Telescope finds a burst") + 2 + len(lead)
    assert len(text) > PASSING_TEXT

    def found(*typed: str, lead_end=lead_end, text=text):
        mentions = []
        for name in typed:
            at = text.rindex(name)
            mentions.append(Mention(name, "organization", at, at + len(name)))
        return {e.name for e in group_entities(mentions, text, "en", lead_end)}

    assert found("Galaxy", "CDC", "Senate", "Reuters Institute") == {"CDC", "Senate", "Reuters Institute"}
    assert found("Galaxy", "CDC", "Reuters Institute", lead_end=None) == {"Galaxy", "CDC", "Reuters Institute"}
    short = f"Telescope finds a burst\n\n{lead}\n\nThe burst came from outside the Galaxy."
    assert found("Galaxy", text=short, lead_end=lead_end) == {"Galaxy"}  # a short text: nothing is in passing
    in_lead = text.replace("to a galaxy", "to the Galaxy", 1)
    assert "Galaxy" in {e.name for e in group_entities(
        [Mention("Galaxy", "organization", i, i + 6) for i in (in_lead.index("Galaxy"), in_lead.rindex("Galaxy"))],
        in_lead, "en", lead_end)}  # named in the lead (and twice): it stays


@needs_corpus
def test_a_corpus_page_lists_no_plain_word_organisation_named_once_in_passing():
    # The gold set's tuned page on a crash in Miami-Dade (wsvn.com): "Turnpike" (the road) and
    # "Audi" (the car) are named once deep in the story and typed organisations by the model;
    # the hospital named once by its full name, the station's acronym and the victim stay.
    from briefing.config import IngestOptions
    from briefing.ingest import build_articles
    from evaluation.corpus import CORPUS

    [(_path, article)] = list(build_articles([CORPUS / "trafilatura-pages/html/wsvn.com-crash.html"], IngestOptions()))
    names = {e.name for e in article.entities}
    assert not names & {"Turnpike", "Audi"}
    assert {"HCA Florida Kendall Hospital", "WSVN", "Alvaro Zabaleta"} <= names


def test_a_kind_of_organisation_in_front_is_no_part_of_its_name():
    text = "Le groupe LREM a voté. LREM a perdu trois députés. Le parti LREM se tait."
    found = grouped("fr", text, ("groupe LREM", "organization"), ("LREM", "organization"), ("parti LREM", "organization"))
    assert found == {("LREM", "organization")}
    assert grouped("fr", "Le groupe Bolloré a racheté Havas.", ("groupe Bolloré", "organization")) == \
        {("groupe Bolloré", "organization")}  # named only so, it stays as written


def test_a_surname_shared_by_two_persons_of_the_article_stays_a_person_not_a_city():
    # telegraph.co.uk (outside the gold set): two Andersons; "Anderson" alone cannot join either,
    # and is a city in the gazetteer, but the article names only persons so.
    text = "Zoe Anderson called a plumber. Chris Anderson, her husband, paid. Anderson said it was a scam."
    found = grouped("en", text, ("Zoe Anderson", "person"), ("Chris Anderson", "person"), ("Anderson", "place"))
    assert ("Anderson", "person") in found and ("Anderson", "place") not in found
    text = "Michael Jordan and Eddie Jordan spoke at the summit. Jordan hosted it."  # a country stays one
    found = grouped("en", text, ("Michael Jordan", "person"), ("Eddie Jordan", "person"), ("Jordan", "place"))
    assert ("Jordan", "place") in found


# Issue 14, eighth round: a French organisation named once in passing by capitalised common
# nouns only ("Crédit d'Impôt Recherche", "Traités internationaux") is no name a reader must see;
# one with a word that makes an institution ("École normale supérieure"), a place or named twice stays.
@needs_corpus
def test_a_french_organisation_of_plain_words_named_once_in_passing_is_left_out():
    from briefing.config import IngestOptions
    from briefing.ingest import build_articles
    from evaluation.corpus import CORPUS

    pages = [CORPUS / "trafilatura-pages/html" / f"{name}.html" for name in ("soundofscience.fr.1927", "psl.eu.luniversite")]
    (_, science), (_, psl) = build_articles(pages, IngestOptions())
    names = {e.name for e in science.entities}
    assert "Crédit d’Impôt Recherche" not in names
    assert {"RogueESR", "France Stratégie", "Thierry Coulhon"} <= names
    assert {"École nationale des chartes", "École normale supérieure"} <= {e.name for e in psl.entities}


def test_a_long_word_in_capitals_that_the_dictionary_holds_is_no_acronym():
    # what the model typed organisations on corpus pages: the share buttons of infocomcgt.fr
    # ("DONNEZ", "PARTAGEZ"), a line-up heading of sports.fr ("ARBITRE"), a masthead of the
    # Jamaica Observer ("OBSERVER"); acronyms and short words in capitals stay ("SUD" is a union)
    for name, lang in (("DONNEZ", "fr"), ("PARTAGEZ", "fr"), ("ARBITRE", "fr"), ("OBSERVER", "en")):
        assert not _credible(Entity(name, ORGANIZATION, 1), set(), lang), name
    for name, lang in (("CNRS", "fr"), ("SUD", "fr"), ("AIDES", "fr"), ("UNESCO", "fr"), ("NATO", "en")):
        assert _credible(Entity(name, ORGANIZATION, 1), set(), lang), name
    # named twice, it is a name written in capitals (Politico's masthead, quoted as a source)
    assert _credible(Entity("POLITICO", ORGANIZATION, 2), set(), "en")


def test_a_name_the_model_took_for_a_place_that_ends_with_a_family_name_is_a_person():
    # inexhibit.com (the gold set's fresh part): an artist named beside his country
    found = entities("en", "Ivana Jelić and Pavle Petrović (Serbia) found inspiration for their work Starry Night in "
                           "Van Gogh’s famous painting of the same name.")
    assert ("Pavle Petrović", "person", 1, ()) in found and ("Serbia", "place", 1, ()) in found
    # a place the gazetteer does not know, with something put in it, stays one
    found = entities("en", "The fire started in Forest Hill, a suburb, on Monday.")
    assert not {name for name, kind, *_ in found if kind == "person"}


def test_a_country_the_model_glued_to_the_person_named_after_it_is_split_off():
    # an AP story of the benchmark (the gold set's fresh part)
    found = entities("en", "Another diplomat, former special envoy to Ukraine Kurt Volker, shifted his own account of "
                           "the July 10 meeting to say Sondland did, in fact, discuss investigations.")
    assert ("Kurt Volker", "person", 1, ()) in found and ("Ukraine", "place", 1, ()) in found
    assert not {name for name, *_ in found if "Ukraine " in name}


def test_a_studio_is_an_organisation():
    # inexhibit.com (the gold set's fresh part): the model typed a design studio a person
    found = entities("en", "Balmond Studio (United Kingdom) has become a friend of the festival. The studio’s innovative "
                           "artworks are inspired by science, math, and biology. With Optilli, Balmond Studio creates "
                           "an optical illusion.")
    assert ("Balmond Studio", "organization", 2, ()) in found


def test_a_place_that_speaks_is_an_organisation_unless_it_is_a_capital_or_a_surname():
    # Sky News (the gold set's fresh part), where the model typed the club a place, the district
    # of London; a capital speaks for its government, "Anderson said" is a person's surname
    text = ("Jose Mourinho has been appointed as Tottenham manager. Tottenham said in a statement: “Jose is one "
            "of the world's most accomplished managers.” Beijing said on Monday that Hong Kong must calm down.")
    found = grouped("en", text, ("Tottenham", "place"), ("Tottenham", "place"), ("Beijing", "place"))
    assert ("Tottenham", "organization") in found and ("Beijing", "place") in found
    text = "Chris Anderson, her husband, paid. Anderson said it was a scam."
    found = grouped("en", text, ("Chris Anderson", "person"), ("Anderson", "place"))
    assert ("Anderson", "organization") not in found


def test_a_football_club_is_an_organisation():
    # the Mourinho page of the extraction benchmark (the gold set's fresh part): the model typed
    # "Manchester United" a place; "United Kingdom" stays one
    text = ("Mourinho has managed FC Porto, Inter Milan, Chelsea, Real Madrid and Manchester United. "
            "He lives in the United Kingdom.")
    found = grouped("en", text, ("Manchester United", "place"), ("United Kingdom", "place"))
    assert found == {("Manchester United", "organization"), ("United Kingdom", "place")}


def test_a_person_named_after_a_nationality_is_found():
    # the Taliban hostages page of the extraction benchmark (the gold set's fresh part): the model
    # reads "Australian" as a nationality and "Weeks" as a date, and names no person there
    text = ("American Kevin King and Australian Timothy Weeks, both professors at the American University of Kabul, "
            "were abducted in 2016. British Airways flew them out.")
    names = {(name, kind) for name, kind, *_ in entities("en", text)}
    assert ("Timothy Weeks", "person") in names and ("Kevin King", "person") in names
    assert ("British Airways", "organization") in names


def test_a_name_only_in_a_work_s_quoted_title_is_not_listed():
    # reuters.com (the gold set's tuned part): a show's title, not a person of the story
    text = ("Comedy “The Marvelous Mrs Maisel” and British royal drama “The Crown” took the prizes. "
            "“Mrs Maisel” actress Alex Borstein said the comedy was a joy.")
    assert grouped("en", text, ("Mrs Maisel", "person"), ("Mrs Maisel", "person"), ("Alex Borstein", "person")) == {
        ("Alex Borstein", "person")}


def test_a_name_that_qualifies_the_noun_after_a_locative_is_no_place():
    # reuters.com (the gold set's tuned part): the model typed Netflix a place, and "in" stood
    # before it; the name qualifies "domestic drama". A plague page of the extraction benchmark
    # (outside the gold set): "in Qinghai province" names a place
    text = ("Laura Dern won best supporting actress for playing a ruthless divorce lawyer in Netflix domestic drama. "
            "Several people died in the town of Ziketan in Qinghai province on the Tibetan Plateau.")
    found = grouped("en", text, ("Laura Dern", "person"), ("Netflix", "place"), ("Qinghai", "place"))
    assert ("Netflix", "organization") in found and ("Qinghai", "place") in found


def test_a_french_institution_keeps_the_complements_the_model_cut_off():
    # soundofscience.fr, tdg.ch, regards.fr (the gold set's tuned part)
    text = ("Emmanuel Macron a nommé Thierry Coulhon à la présidence du Haut Conseil de l’évaluation de la recherche "
            "et de l’enseignement supérieur (Hcéres). La valeur fixée par l'Office fédéral de la sécurité alimentaire "
            "et des affaires vétérinaires est dépassée. Il a représenté l’Agence des participations de l’Etat auprès "
            "des Chantiers de l’Atlantique. Le Conseil de sécurité de l'ONU a voté.")
    names = {name for name, *_ in entities("fr", text)}
    assert {"Haut Conseil de l’évaluation de la recherche et de l’enseignement supérieur",
            "Office fédéral de la sécurité alimentaire et des affaires vétérinaires",
            "Agence des participations de l’Etat", "Conseil de sécurité"} <= names  # "de l'ONU" is a name of its own
    assert not names & {"Haut Conseil", "Agence des participations", "Etat"}


def test_a_name_after_a_title_is_a_person_not_the_city_of_that_name():
    # the Prince Andrew page of the extraction benchmark (the gold set's fresh part): "Elizabeth"
    # is a city of New Jersey too, but "Queen" names a person
    text = "The interview was a disaster for the British monarchy. His mother, Queen Elizabeth, was said to disapprove."
    assert ("Elizabeth", "person") in {(name, kind) for name, kind, *_ in entities("en", text)}
    # politico.com (a seed): "general" is a title too, but "Assembly" is a word, no one's name
    text = ('"About 15 percent of the General Assembly is out there in the mountains. And the rest of the '
            'Republicans in the Assembly are furious," said one GOP operative.')
    assert not any(kind == "person" and "Assembly" in name for name, kind, *_ in entities("en", text))


def test_a_french_article_capitalised_inside_a_sentence_is_part_of_the_name():
    # sports.fr (the gold set's fresh part): "Le Goff"; aoc.media (dev): "de L’État social" is a slip
    text = ("Parti en profondeur, Hamel décale Le Goff qui tente sa chance. Le Goff est lancé dans le couloir gauche. "
            "Son objectif était le démantèlement de L’État social.")
    names = {name for name, *_ in entities("fr", text)}
    assert "Le Goff" in names and "Goff" not in names and "L’État" not in names


def test_no_complement_is_read_after_a_clause_or_into_a_name_of_the_model_s_own():
    # FENEC (Wikinews/Sequoia): "CGT" and "Rapides de la Meuse" are two names; "Commission diverge de
    # la position du" is a clause the model took with the name, and "Conseil" a name of its own
    from briefing.enrich.entities import find_mentions

    for text, expected in (
            ("ce que soulignent M. Christian Langlois et M. Patrice Lanini, délégués syndicaux CGT des Rapides de la "
             "Meuse.", {"CGT", "Rapides de la Meuse"}),
            ("Dans ce cas-ci, la position de la Commission diverge de la position du Conseil et de celle du Parlement.",
             {"Commission", "Conseil", "Parlement"})):
        found = {m.text for m in find_mentions(pipeline("fr")(text), "fr")}
        assert expected <= found, found


def test_an_honorific_or_a_title_is_no_part_of_the_name_it_stands_before():
    # corpus pages outside the gold set: a Gaza hospital story, a story on Indiana's teachers
    text = ("“For several days we have been talking about the lack of fuel and electricity inside the hospital,” "
            "Dr. Sobhi Skaik, the director of the Turkish Friendship Hospital in the Mughraqa area in the central "
            "Gaza Strip, said in an interview last week. During an interview, Skaik paused, reeling in disbelief "
            "that all contact with patients in Gaza are being severed. “A cancer patient in Gaza dies three times,” "
            "Skaik said.")
    assert ("Sobhi Skaik", "person", 3, ("Dr. Sobhi Skaik", "Skaik")) in entities("en", text)
    text = ("Republican state schools Superintendent Jennifer McCormick has cited a study showing Indiana as the "
            "state with the lowest teacher salary increases since 2002. McCormick, who has split from many fellow "
            "Republicans on issues such as the state’s private school voucher program, told cheering teachers "
            "that they weren’t “asking for the moon.”")
    assert ("Jennifer McCormick", "person", 2, ("McCormick",)) in entities("en", text)
    # a plumber's trial: an honorific names a person, though Anderson (Indiana) is a city
    text = ("Mr Anderson, who quit Future Publishing in 2001 and now runs organisation TED, had previously taken "
            "to the court's witness box during Hartley's trial.")
    assert ("Anderson", "person", 1, ("Mr Anderson",)) in entities("en", text)


def test_a_name_s_last_word_is_no_cue_that_the_next_name_is_an_organisation():
    # a story on the impeachment hearings (outside the gold set): "union" before a name says
    # organisation ("the union Unite"), "Union" ending "European Union" does not
    text = ("Volker denied that he, U.S. Ambassador to the European Union Gordon Sondland and others were "
            "pursuing a shadow policy. Volker said he didn't always follow through on suggestions from Sondland.")
    assert ("Gordon Sondland", "person") in {(name, kind) for name, kind, *_ in entities("en", text)}


def test_an_english_preposition_between_two_names_ends_the_first():
    # a football story outside the gold set: the model read one organisation across "to"
    found = {(name, kind) for name, kind, *_ in entities("en", "This has freed of the £38million move of Thibaut "
                                                                "Courtois to Real Madrid.")}
    assert ("Thibaut Courtois", "person") in found and not any(" to " in name for name, _kind in found)
    # an institution's name links its own words, "to" among them
    found = entities("en", "The National Society for the Prevention of Cruelty to Children said it was concerned.")
    assert ("National Society for the Prevention of Cruelty to Children", "organization") in \
        {(name, kind) for name, kind, *_ in found}


def test_a_brand_and_a_common_word_the_article_shortens_to_the_brand_is_a_product():
    # a review of Stadia outside the gold set: the model typed "Xbox Live" a person, and
    # "Stadia Offer" one of 29 mentions, the rest "Stadia"; a person is shortened to a
    # family name instead (a plague story: "Sui-Lee Wee" then "Wee")
    assert not _credible(Entity("Xbox Live", "person", 3, ("Xbox", "XBox")), set(), "en")
    assert not _credible(Entity("Stadia Offer", "person", 29, ("Stadia",)), set(), "en")
    assert _credible(Entity("Sui-Lee Wee", "person", 2, ("Wee",)), set(), "en")
    assert _credible(Entity("Masayoshi Son", "person", 2), set(), "en")


def test_an_english_hospital_is_an_organisation_whatever_name_it_bears():
    # a Gaza story outside the gold set: the model typed the hospital named after Youssef Al-Najjar a person
    text = ("“We are working in very difficult conditions,” said Dr. Marwan Al-Hams, director of Youssef "
            "Al-Najjar Hospital in the southern Gazan city of Rafah.")
    found = {(name, kind) for name, kind, *_ in entities("en", text)}
    assert ("Youssef Al-Najjar Hospital", "organization") in found, found


def test_a_name_the_model_often_calls_a_person_is_one_whatever_its_other_votes():
    # a column outside the gold set ("The Impeachment Clock"): the model typed "Trump" a person 8
    # times and an organisation 10 times; a product it calls a person now and then stays one
    text = ("Far from tormenting Trump and the Republicans, Trump’s supporters feel it. Polls show that Trump "
            "is back. Once Trump released the transcript, Schiff attacked Trump’s wife. The longer Trump "
            "survives, the more he grows. Attacking Trump failed.")
    kinds = ("person", "organization", "person", "organization", "organization", "person", "organization")
    assert grouped("en", text, *[("Trump", kind) for kind in kinds]) == {("Trump", "person")}  # 3 of 7
    kinds = ("person", "organization", "organization", "organization", "organization", "person", "organization")
    assert grouped("en", text, *[("Trump", kind) for kind in kinds]) == {("Trump", "organization")}  # 2 of 7: chance


def test_a_surname_the_model_reads_alike_every_time_is_a_person_not_the_town():
    # an NHL game story outside the gold set: "Nelson won it when he fired a shot at Matt
    # Murray", "Nelson tapped the rebound" (a person each time; Nelson is a town too)
    text = "Nelson won it when he fired a shot at Matt Murray. Nelson tapped the rebound into the open net."
    assert ("Nelson", "person") in grouped("en", text, ("Nelson", "person"), ("Nelson", "person"))
    assert ("Nelson", "place") in grouped("en", text, ("Nelson", "person"))  # once is no evidence
    text = "The schools in Nelson, a town of 50,000, closed. Nelson reopened them."
    assert ("Nelson", "place") in grouped("en", text, ("Nelson", "person"), ("Nelson", "person"))  # put somewhere
    text = "Washington said no. Washington then said yes."
    assert ("Washington", "place") in grouped("en", text, ("Washington", "person"), ("Washington", "person"))


def test_a_given_name_that_a_town_bears_opens_a_person_s_name_before_a_family_name():
    # a WSJ column outside the gold set: "Browns defensive end Myles Garrett pulled off Steelers
    # quarterback Mason Rudolph's helmet" (the model: an organisation; Mason is a town in Ohio)
    text = "Myles Garrett pulled off quarterback Mason Rudolph’s helmet. France Culture aired the game."
    found = grouped("en", text, ("Mason Rudolph", "organization"), ("France Culture", "organization"))
    assert found == {("Mason Rudolph", "person"), ("France Culture", "organization")}  # a country is no given name


def test_a_name_english_writes_after_the_is_no_person_s():
    # outside the gold set: the model typed "the Browns", "the Doobie Brothers" and, 14 times in a
    # NASA story, "the Moon" persons; "the Trump administration" qualifies a noun, "Trump" stays
    text = ("The Browns won, and the Moon rose over the Browns’ stadium. Trump cheered. "
            "The Trump administration said so.")
    found = grouped("en", text, ("Browns", "person"), ("Moon", "person"), ("Browns", "person"), ("Trump", "person"),
                    ("Trump", "person"))
    assert found == {("Browns", "organization"), ("Trump", "person")}


def test_a_surname_the_model_cut_from_its_given_name_gets_it_back():
    # an NHL round-up outside the gold set: "Brock Nelson's second goal" (the model: "Nelson"); alone,
    # "Nelson" was joined on the site to the one other Nelson, a physicist of another story
    text = ("Brock Nelson's second goal of the game 2:55 into overtime capped a frantic comeback. Nelson won it "
            "when he fired a shot at Matt Murray.")
    found = grouped("en", text, ("Nelson", "person"), ("Nelson", "person"), ("Matt Murray", "person"))
    assert found == {("Brock Nelson", "person"), ("Matt Murray", "person")}
    text = "Will Nelson play? Judge Nelson ruled."  # words of the language are no given names here
    assert grouped("en", text, ("Nelson", "person"), ("Nelson", "person")) == {("Nelson", "person")}
