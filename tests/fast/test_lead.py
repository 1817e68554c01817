"""Datelines leave the summary and stay in the record; leads that open with capitals stay whole.
The openings are those of article-extraction-benchmark pages (wire copy: AP, Reuters, CNN)."""

from __future__ import annotations

import pytest

from briefing.extract.lead import split_dateline


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
