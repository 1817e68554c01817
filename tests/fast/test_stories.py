"""Near-duplicate stories (briefing.stories.story_groups): copies of one story grouped, other
stories about the same people kept apart, the same groups whatever the order."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing.contentfile import parse, render
from briefing.stories import Copy, _read_entry, containment, entry_for, shingles, sketch, story_groups

from conftest import PROJECT

SEED_ARTICLE = PROJECT / "content" / "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.md"


def _copy(key: str, text: str, date: str = "2024-01-25T00:00:00+01:00", source: str = "") -> Copy:
    return Copy(key, date, source or f"https://{key}.example/story", sketch(text))


def _seed_body() -> str:
    return parse(SEED_ARTICLE.read_text("utf-8"), str(SEED_ARTICLE)).body


def _updated(body: str) -> str:
    """A lightly updated copy: a new first paragraph, the last one gone, a word changed."""
    paragraphs = body.split("\n\n")
    return "\n\n".join(["Mise à jour : le Pentagone a confirmé la tenue des discussions mardi soir.",
                        *paragraphs[:-1]]).replace("ont déclaré", "ont indiqué", 1)


def test_an_updated_copy_on_another_site_is_one_story_named_by_the_first_published():
    body = _seed_body()
    groups = story_groups([_copy("reuters", body, "2024-01-25T08:00:00+01:00"),
                           _copy("wire", _updated(body), "2024-01-25T10:00:00+01:00")])
    assert groups["reuters"].story == groups["wire"].story == "reuters"
    assert groups["reuters"].also == ("https://wire.example/story",)
    assert groups["wire"].also == ("https://reuters.example/story",)


def test_other_stories_about_the_same_people_are_never_merged():
    body = _seed_body()
    other = ("Alina Romanowski, l'ambassadrice des États-Unis en Irak, a rencontré Mohammad Chia al-Soudani "
             "à Bagdad pour parler d'électricité, de gaz iranien et des salaires des fonctionnaires. "
             "Fouad Hussein a ensuite reçu la délégation américaine au ministère des affaires étrangères, "
             "où il a été question des visas, des étudiants irakiens et de la coopération universitaire. "
             "Aucune question militaire n'a été abordée, selon un communiqué publié dans la soirée.")
    assert story_groups([_copy("a", body), _copy("b", other)]) == {}


def test_the_groups_do_not_depend_on_the_order_of_the_copies():
    body = _seed_body()
    copies = [_copy("c", _updated(body)), _copy("a", body), _copy("b", _updated(_updated(body))),
              _copy("d", "Un autre sujet entièrement, sur la culture et les musées de province. " * 6)]
    assert story_groups(copies) == story_groups(list(reversed(copies)))
    assert {key: m.story for key, m in story_groups(copies).items()} == {"a": "a", "b": "a", "c": "a"}


def test_a_brief_is_never_grouped():
    brief = "Les États-Unis et l'Irak entament des discussions sur la coalition."
    assert story_groups([_copy("a", brief), _copy("b", brief)]) == {}


def test_shingles_ignore_case_punctuation_and_markdown_escapes():
    assert shingles(r"Le \*chiffre\* est de 2 500 soldats, dit-il.") == shingles("le chiffre est de 2 500 soldats dit il")



def test_containment_is_estimated_from_the_signatures():
    words = [f"mot{i}" for i in range(400)]
    whole, half = sketch(" ".join(words)), sketch(" ".join(words[:200]))
    assert abs(containment(half, whole) - 1.0) < 0.15  # the first half is all in the whole
    assert containment(whole, sketch(" ".join(reversed(words)))) < 0.1  # the same words, no shared shingle
    assert sketch("trop court").shingles == 0 and containment(sketch("trop court"), whole) == 0.0


def test_what_ingest_hands_over_is_what_the_grouping_would_read_back():
    # a cold ingest gives the grouping each file it has just written (entry_for) instead of
    # letting it parse the folder again: both must see the same thing, or warm would differ
    # from cold (every demo content file)
    files = sorted((PROJECT / "content").glob("*.md"))
    assert files
    for path in files:
        text = path.read_text("utf-8")
        article = parse(text, str(path))
        assert render(article) == text, path  # what ingest wrote: its rendering
        read_back = _read_entry(text, path, hashlib.sha256(text.encode()).hexdigest())
        assert read_back is not None and entry_for(article, text) == read_back, path


def test_a_folder_as_the_last_grouping_left_it_is_not_grouped_again(tmp_path: Path):
    # an unchanged re-run must cost a hash per file: the groups written last time stand (no
    # sketch, no LSH, no datasketch import); a file removed is still seen at once
    import dataclasses
    import shutil

    from briefing.stories import CACHE, regroup

    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    seed = parse(SEED_ARTICLE.read_text("utf-8"), str(SEED_ARTICLE))
    copy = content / "copie-de-la-depeche.md"
    copy.write_text(render(dataclasses.replace(seed, source_file="raw/copie.html", source="https://copie.example/depeche")),
                    "utf-8")
    first = list(regroup(content, set()))
    assert {report.content.name for report in first} == {copy.name, SEED_ARTICLE.name}  # one story, two files
    cache = tmp_path / CACHE.format("content")
    recorded, files = cache.stat().st_mtime_ns, {p.name: p.read_bytes() for p in content.glob("*.md")}

    assert list(regroup(content, set())) == []
    assert cache.stat().st_mtime_ns == recorded  # nothing computed, nothing written
    assert {p.name: p.read_bytes() for p in content.glob("*.md")} == files

    copy.unlink()
    (alone,) = regroup(content, set())
    assert alone.content.name == SEED_ARTICLE.name and alone.message == "no longer a copy of another story"
