"""The seed's entities and key figures, exactly as DESIGN.md lists them."""

from __future__ import annotations

import json

import pytest

from conftest import SEED


@pytest.fixture(scope="module")
def record():
    from typer.testing import CliRunner

    from briefing.cli import app

    result = CliRunner().invoke(app, ["inspect", str(SEED), "--json", "--date", "2024-01-25"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _names(record, kind):
    return {e["name"] for e in record["entities"] if e["type"] == kind}


def test_the_three_people(record):
    assert _names(record, "person") == {"Alina Romanowski", "Fouad Hussein", "Mohammad Chia al-Soudani"}
    soudani = next(e for e in record["entities"] if e["name"] == "Mohammad Chia al-Soudani")
    assert soudani["aliases"] == ["M. Soudani"] and soudani["mentions"] == 2


def test_the_places(record):
    assert _names(record, "place") == {"États-Unis", "Irak", "Syrie", "Iran", "Israël", "Gaza", "Téhéran",
                                       "Washington"}


def test_the_organisations_with_their_aliases(record):
    assert _names(record, "organization") == {"État islamique", "Commission militaire supérieure",
                                              "ministère irakien des Affaires étrangères"}
    islamic_state = next(e for e in record["entities"] if e["name"] == "État islamique")
    assert "Daech" in islamic_state["aliases"]
    assert islamic_state["mentions"] == 4  # État islamique ×3 (one "groupe État islamique") + Daech


def test_no_junk(record):
    names = {e["name"] for e in record["entities"]}
    assert not names & {"Rechercher", "Premier ministre", "Premier ministre irakien", "État", "M.",
                        "ministre irakien des Affaires étrangères", "guerre de Gaza"}
    assert all(e["type"] in ("person", "organization", "place") for e in record["entities"])


def test_the_two_figures_come_first(record):
    first, second = record["key_figures"][:2]
    assert (first["value"], first["display"], first["qualifier"], first["label"]) == (2500, "2 500", None, "soldats")
    assert first["sentence"].startswith("Les États-Unis ont 2 500 soldats en Irak")
    assert (second["value"], second["qualifier"], second["label"]) == (150, "~", "attaques")
    assert "attaquées environ 150 fois" in second["sentence"]


def test_hundreds_of_soldiers_and_no_year(record):
    figures = {(f["display"].lower(), f["label"]) for f in record["key_figures"]}
    assert ("des centaines", "soldats") in figures
    assert not any(f["value"] in (2014, 2023) for f in record["key_figures"])
