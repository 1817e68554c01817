"""The shortfall counts' causes (evaluation/shortfall.py), on a gold article of the dev part
(BBC on New York's coronavirus deaths) and what the ingest path and the model make of it."""

from __future__ import annotations

import yaml

from briefing.enrich.figures import Figure
from briefing.record import Entity, KeyFigure
from evaluation.editorial import GOLD, _names
from evaluation.shortfall import core_cause, entity_cause, pick_cause, table

ITEM = next(item for item in yaml.safe_load(GOLD.read_text("utf-8")) if item["id"] == "tp-bbc.com.52241221")
CORE = ITEM["entities"]["core"]
REAL = [(e["type"], _names(e)) for e in CORE + (ITEM["entities"].get("other") or [])]
PICKS = ITEM["figures"]["picks"]


def test_a_listed_entity_is_right_wrongly_typed_or_no_referent_and_who_made_it_so():
    model = {"hart island": {"place"}, "bill de blasio": {"organization"}, "covid": {"organization"}}
    assert entity_cause(Entity("Hart Island", "place"), REAL, model) == "right"
    assert entity_cause(Entity("Bill de Blasio", "organization"), REAL, model) == "wrong type, the model's"
    assert entity_cause(Entity("Bill de Blasio", "place"), REAL, model) == "wrong type, a rule's"
    assert entity_cause(Entity("Covid", "organization"), REAL, model) == "no referent, the model's span"
    assert entity_cause(Entity("Reporting Desk", "organization"), REAL, model) == "no referent, a rule's name"


def test_a_missing_core_entity_is_told_apart_by_what_the_model_said():
    hart, mayor = CORE[1], CORE[2]
    text = "Burials on Hart Island have increased, Mayor Bill de Blasio said."
    assert core_cause(hart, [Entity("Hart Island", "place")], {}, text) == "listed"
    assert core_cause(hart, [Entity("Hart Island", "organization")], {}, text) == "listed under another type"
    assert core_cause(mayor, [], {"bill de blasio": {"person"}}, text) == "found by the model, lost by a rule"
    assert core_cause(mayor, [], {"bill de blasio": {"other"}}, text) == "found by the model as a name of another kind"
    assert core_cause(mayor, [], {}, text) == "written, missed by the model"
    assert core_cause(mayor, [], {}, "The mayor said.") == "not written as named"
    assert core_cause(hart, [], {}, "Hart Islanders said.") == "not written as named"  # a word, not a piece


def figure(value: float, phrase: str = "deaths", vague: bool = False, display: str = "7,844") -> Figure:
    return Figure(value=value, display=display, qualifier=None, label="deaths", sentence="", start=0, end=0,
                  vague=vague, phrase=phrase)


def test_a_missing_pick_is_below_six_left_out_or_never_found():
    deaths = PICKS[1]  # 7,844 deaths in New York state
    box = [KeyFigure(value=v, display=str(v), label="cases", sentence="") for v in (1, 2, 3, 4, 5, 6, 7844)]
    assert pick_cause(deaths, box[-1:], []) == "in the top six"
    assert pick_cause(deaths, box, []) == "in the box, below six"
    assert pick_cause(deaths, box[:6], []) == "never found"
    assert pick_cause(deaths, [], [figure(7844, phrase="")]) == "found, no phrase"
    assert pick_cause(deaths, [], [figure(7844, vague=True)]) == "found, vague"
    assert pick_cause(PICKS[1] | {"value": 3}, [], [figure(3, display="three")]) == "found, a small count in words"
    assert pick_cause(deaths, [], [figure(7844)]) == "found, ranked out or said twice"


def test_the_table_has_a_column_a_part_and_articles_first():
    from collections import Counter
    lines = table({"tune": Counter({"articles": 2, "pick: never found": 1}), "held": Counter({"articles": 1})}).splitlines()
    assert lines[0] == "| cause | tune | held |"
    assert lines[2] == "| articles | 2 | 1 |" and lines[3] == "| pick: never found | 1 | 0 |"
