"""Datelines leave the summary and stay in the record; leads that open with capitals stay whole.
The openings are those of article-extraction-benchmark pages (wire copy: AP, Reuters, CNN)."""

from __future__ import annotations

import pytest

from briefing.extract.lead import lead_paragraphs, split_dateline, split_kicker


@pytest.mark.parametrize("lead, dateline, rest", [
    ("WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness", "WASHINGTON (AP)", "Ambassador Gordon"),
    ("NEW YORK (Reuters) - Oil prices fell sharply on Tuesday", "NEW YORK (Reuters)", "Oil prices"),
    ("COLUMBIA, S.C. (AP) — About a dozen black female small-business owners", "COLUMBIA, S.C. (AP)", "About a dozen"),
    ("SIOUX FALLS, S.D. – People across the nation are talking about it", "SIOUX FALLS, S.D.", "People across"),
    ("BERLIN -- The European Space Agency says", "BERLIN", "The European"),
    ("(CNN)President Donald Trump, according to the White House", "(CNN)", "President Donald"),
    ("(Reuters) — The New York State Attorney General (NYAG) is investigating", "(Reuters)", "The New York State"),
    ("ST CATHERINE, Jamaica — A female police inspector had to seek", "ST CATHERINE, Jamaica", "A female"),  # corpus
    ("DUBAI, United Arab Emirates — Dubai's flagship carrier", "DUBAI, United Arab Emirates", "Dubai's"),
    ("KVELLER via JTA — The state of Washington has sworn in", "KVELLER via JTA", "The state"),  # corpus
])
def test_a_dateline_is_split_from_the_lead(lead: str, dateline: str, rest: str):
    found, remainder = split_dateline(lead)
    assert found == dateline and remainder.startswith(rest)


@pytest.mark.parametrize("lead", [
    "DEAR ABBY: My husband of more than 20 years just purchased plane tickets to India.",  # a column, not a dateline
    "NASA announced Nov. 18 that it was adding five companies to a contract.",
    "USA Today reported on Monday that the deal was off.",
    "Les États-Unis et l'Irak sont sur le point d'entamer des discussions.",
    "AT&T a annoncé mardi une fusion.",
    "Senator representing Yobe North , Ahmad Lawan , on Tuesday moved a motion.",
])
def test_a_lead_without_a_dateline_stays_whole(lead: str):
    assert split_dateline(lead) == (None, lead)


def test_the_publication_crediting_itself_is_a_dateline_another_name_is_not():
    lead = "Kaieteur News – Police investigators in Region Two are currently trying to unravel the mystery."
    assert split_dateline(lead, "Kaieteur News") == ("Kaieteur News", lead[len("Kaieteur News – "):])
    assert split_dateline(lead, None) == (None, lead)
    assert split_dateline("Barack Obama - The former president said it.", "CNN") == (None, "Barack Obama - The former president said it.")


def test_notes_and_the_byline_above_the_lead_leave_the_summary():
    lead = "S’il fallait ne retenir qu’une seule promesse du candidat Macron, la « moralisation » décrocherait la palme."
    assert lead_paragraphs(["Article mis à jour le 7 janvier 2020.", lead], "fr") == (None, None, [lead])  # regards.fr
    meta = "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad"  # a benchmark page (pt)
    assert lead_paragraphs([meta, "Um texto longo aqui, com muitas palavras."], "pt")[2] == ["Um texto longo aqui, com muitas palavras."]
    assert lead_paragraphs(["This post originally appeared on Grist.", lead], "en")[2] == [lead]
    wire = "LOS ANGELES (Reuters) - South Korean thriller “Parasite” was the upset winner at the SAG awards on Sunday."
    assert lead_paragraphs(["By Jill Serjeant", wire], "en") == (
        "LOS ANGELES (Reuters)", "Jill Serjeant", ["South Korean thriller “Parasite” was the upset winner at the SAG awards on Sunday."])
    # a lead is never taken for a note, even one that opens with a date
    dated = "Le 14 mars 2020, Olivier Véran a mis en garde les Français contre la dangerosité supposée de l'ibuprofène."
    assert lead_paragraphs([dated, lead], "fr") == (None, None, [dated, lead])
    assert lead_paragraphs([lead], "fr") == (None, None, [lead])
    short = ["By Monday, the deal was done.", "The two companies had talked for a year about it."]
    assert lead_paragraphs(short, "en") == (None, None, short)  # a short lead is no byline


def test_a_kicker_glued_to_the_lead_is_cut_a_brand_name_is_not():
    lead = "L'Office fédéral de l'agriculture a décidé de retirer l'autorisation de mise en circulation des produits."
    assert split_kicker("Agriculture" + lead, "fr") == ("Agriculture", lead)  # tdg.ch (corpus)
    for whole, lang in (("PowerPoint est un logiciel que beaucoup de gens utilisent tous les jours au bureau.", "fr"),
                        ("SoundCloud is a platform where many artists share their music with the whole world.", "en"),
                        ("LinkedIn says it will cut six hundred jobs in its sales teams this year.", "en"),
                        ("AgricultureLe plan.", "fr")):  # too short to be a lead
        assert split_kicker(whole, lang) == (None, whole)
