"""`briefing ingest` as a user runs it: files written, idempotence, editors' changes, bad inputs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import SEED, SEEDS

from briefing.contentfile import parse


def _files(folder: Path) -> dict[str, bytes]:
    """The content files (not the run's manifest, under a dot-name)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_ingest_writes_one_file_per_seed_and_a_summary(cli, tmp_path: Path):
    content = tmp_path / "content"
    result = cli("ingest", SEEDS, "--content-dir", content, "--date", "2024-01-25")
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1] == "5 written, 0 unchanged, 0 skipped, 0 failed"
    names = sorted(p.name for p in content.glob("[!.]*"))
    assert len(names) == 5 and all(n.endswith(".md") for n in names)
    seed = parse((content / "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.md")
                 .read_text("utf-8"))
    assert seed.category == "Sécurité" and seed.date_source == "option"


def test_same_input_gives_byte_identical_files_and_a_second_run_touches_nothing(cli, tmp_path: Path):
    first, second = tmp_path / "one", tmp_path / "two"
    cli("ingest", SEEDS, "--content-dir", first, "--date", "2024-01-25")
    cli("ingest", SEEDS, "--content-dir", second, "--date", "2024-01-25")
    assert _files(first) == _files(second)
    stamps = {p.name: p.stat().st_mtime_ns for p in first.iterdir()}
    rerun = cli("ingest", SEEDS, "--content-dir", first, "--date", "2024-01-25")
    assert rerun.exit_code == 0
    assert rerun.stderr.strip().splitlines()[-1] == "0 written, 5 unchanged, 0 skipped, 0 failed"
    assert {p.name: p.stat().st_mtime_ns for p in first.iterdir()} == stamps


def test_committed_demo_content_is_in_sync_with_the_seeds(cli, tmp_path: Path):
    """content/ is what `make site` writes from seeds/: a change to ingest must regenerate it."""
    cli("ingest", SEEDS, "--content-dir", tmp_path, "--date", "2024-01-25")
    assert _files(tmp_path) == _files(Path("content"))


def test_an_editors_change_survives_reingest_and_only_force_overwrites(cli, seed_copy: Path, tmp_path: Path):
    content = tmp_path / "content"
    cli("ingest", seed_copy, "--content-dir", content)
    (path,) = content.glob("*.md")
    edited = path.read_text("utf-8").replace("category: Sécurité", "category: Défense")
    path.write_text(edited, "utf-8")
    kept = cli("ingest", seed_copy, "--content-dir", content)
    assert kept.exit_code == 0
    assert f"notice: {path} (from {seed_copy}): changed by hand since ingest: kept (--force overwrites it)" \
        in kept.stderr.splitlines()  # the notice names the content file it is about
    assert path.read_text("utf-8") == edited
    forced = cli("ingest", seed_copy, "--content-dir", content, "--force")
    assert "overwrote changes made by hand (--force)" in forced.stderr
    assert "category: Sécurité" in path.read_text("utf-8")


def test_the_same_story_under_two_names_is_written_once(cli, seed_copy: Path, tmp_path: Path):
    twin = seed_copy.with_name("copie.txt")
    shutil.copy(seed_copy, twin)
    content = tmp_path / "content"
    result = cli("ingest", seed_copy.parent, "--content-dir", content)
    assert result.exit_code == 0
    assert len(list(content.glob("[!.]*"))) == 1
    assert "same story as" in result.stderr and "not written twice" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "1 written, 0 unchanged, 1 skipped, 0 failed"


def test_a_title_shared_by_two_stories_gets_two_slugs(cli, tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    body = "Le conseil municipal a voté le budget de l'année prochaine après un long débat en séance."
    (raw / "a.txt").write_text(f"Le budget est voté\n\n{body}\n", "utf-8")
    (raw / "b.txt").write_text(f"Le budget est voté\n\n{body.replace('long', 'court')}\n", "utf-8")
    content = tmp_path / "content"
    assert cli("ingest", raw, "--content-dir", content, "--date", "2024-01-01").exit_code == 0
    names = sorted(p.name for p in content.glob("[!.]*"))
    assert len(names) == 2 and "le-budget-est-vote.md" in names  # the first input keeps the plain slug
    (other,) = set(names) - {"le-budget-est-vote.md"}
    assert other.startswith("le-budget-est-vote-") and len(other) == len("le-budget-est-vote-12345678.md")


def test_bad_inputs_fail_in_one_line_each_and_the_others_are_written(cli, seed_copy: Path, tmp_path: Path):
    folder = seed_copy.parent
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (folder / "chrome.txt").write_text("Rechercher\n\nMenu\n\nSe connecter\n", "utf-8")
    content = tmp_path / "content"
    result = cli("ingest", folder, folder / "missing.txt", "--content-dir", content)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert sorted(errors) == sorted([
        f"error: {folder / 'chrome.txt'}: no article text found (only site chrome or an empty page)",
        f"error: {folder / 'empty.txt'}: empty file",
        f"error: {folder / 'image.html'}: binary file (contains NUL bytes)",
        f"error: {folder / 'missing.txt'}: no such file",
    ])
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1] == "1 written, 0 unchanged, 0 skipped, 4 failed"
    assert [p.name for p in content.glob("[!.]*")] == [
        "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.md"]


def test_usage_errors_exit_2(cli, tmp_path: Path):
    result = cli("ingest", SEED, "--content-dir", tmp_path, "--date", "hier")
    assert result.exit_code == 2
    assert "not an ISO 8601 date" in result.output
    assert not list(tmp_path.iterdir())


def test_an_unwritable_content_folder_fails_cleanly(cli, seed_copy: Path, tmp_path: Path):
    blocker = tmp_path / "content"
    blocker.write_text("a file where the folder should be")
    result = cli("ingest", seed_copy, "--content-dir", blocker)
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.output


def test_the_file_time_is_the_last_resort_date(cli, seed_copy: Path):
    result = cli("inspect", seed_copy, "--json")
    record = json.loads(result.stdout)
    assert record["date_source"] == "file"
    assert record["date"] == "2023-11-14T23:13:20+01:00"  # mtime 1_700_000_000 in Europe/Paris


def test_inspect_prints_records_in_input_order_and_writes_nothing(cli, tmp_path: Path):
    before = sorted(os.listdir(Path.cwd()))
    html = sorted(SEEDS.glob("*.html"))
    result = cli("inspect", *html, SEED, "--json")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source_sha256"] for r in records][-1] == json.loads(
        cli("inspect", SEED, "--json").stdout)["source_sha256"]
    assert [r["title"] for r in records[:2]] == ["Le ministre de la Santé sommé de démissionner",
                                                "Essequibo hunter found dead with gunshot wounds"]
    assert sorted(os.listdir(Path.cwd())) == before


def test_inspect_without_json_is_a_readable_summary(cli):
    result = cli("inspect", SEED)
    assert result.exit_code == 0
    assert "title      Les États-Unis et l'Irak" in result.stdout
    assert "13 paragraphs, 3 min read" in result.stdout


def test_nothing_half_written_is_left_behind(cli, seed_copy: Path, tmp_path: Path):
    content = tmp_path / "content"
    cli("ingest", seed_copy, "--content-dir", content)
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()) == [
        ".briefing/manifest.json", "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.md"]


def test_an_unchanged_source_costs_a_hash_and_nothing_else(cli, seed_copy: Path, tmp_path: Path, monkeypatch):
    import briefing.ingest as ingest

    content = tmp_path / "content"
    assert cli("ingest", seed_copy, "--content-dir", content).exit_code == 0

    def must_not_run(*_args, **_kwargs):
        raise AssertionError("an unchanged source was processed again")

    monkeypatch.setattr(ingest, "extract_story", must_not_run)  # a spy: cleaning must not happen
    rerun = cli("ingest", seed_copy, "--content-dir", content)
    assert rerun.stderr.strip().splitlines()[-1] == "0 written, 1 unchanged, 0 skipped, 0 failed"
    monkeypatch.undo()
    # other options (or other code, data, models) make another record: it is redone
    changed = cli("ingest", seed_copy, "--content-dir", content, "--category", "Monde")
    assert changed.stderr.strip().splitlines()[-1] == "1 written, 0 unchanged, 0 skipped, 0 failed"


def test_worker_processes_give_the_same_records_in_the_same_order(tmp_path: Path):
    """The parallel path (spawned workers, batches) on the seeds plus two bad files: every
    record and every error equals the single-process one, in input order."""
    from briefing.config import IngestOptions
    from briefing.ingest import build_articles

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    paths = [*sorted(SEEDS.iterdir())[:3], tmp_path / "empty.txt", *sorted(SEEDS.iterdir())[3:], tmp_path / "image.html"]
    options = IngestOptions()

    def results(jobs: int):
        return [(path, result.to_record() if hasattr(result, "to_record") else str(result))
                for path, result in build_articles(paths, options, batch=2, jobs=jobs)]

    serial, parallel = results(1), results(2)
    assert [path for path, _ in parallel] == paths
    assert parallel == serial
    assert parallel[3][1] == f"{tmp_path / 'empty.txt'}: empty file"
    assert sum(isinstance(record, dict) and bool(record["entities"]) for _, record in parallel) == 5


def test_a_text_longer_than_one_analysis_is_read_in_pieces_beside_a_good_one(cli, seed_copy: Path, tmp_path: Path):
    """260,000 characters (three pieces for spaCy): names and figures are found in every piece,
    at the right place, and the good article beside it is written too."""
    paragraph = ("La commission des finances a examiné le dossier numéro {} pendant la longue séance de lundi, "
                 "selon le rapport publié par la mairie après des heures de débat entre les élus.")
    paragraphs = [paragraph.format(i) for i in range(1400)]
    paragraphs[-1] = ("Enfin, la Fédération nationale des transporteurs routiers (FNTR) a annoncé que 2 500 camions "
                      "seraient bloqués dans la région.")
    (seed_copy.parent / "long.txt").write_text("Un très long rapport de la commission\n\n" + "\n\n".join(paragraphs), "utf-8")
    content = tmp_path / "content"
    result = cli("ingest", seed_copy.parent, "--content-dir", content, "--date", "2024-01-25")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1] == "2 written, 0 unchanged, 0 skipped, 0 failed"
    (long,) = [parse(p.read_text("utf-8")) for p in content.glob("un-tres-long*.md")]
    assert len(long.body) > 240_000  # the whole text: three pieces of at most 100,000 characters
    # "Name (Alias)" is merged by where both stand in the whole text: offsets of the last piece are right
    fntr = next(e for e in long.entities if e.name == "Fédération nationale des transporteurs routiers")
    assert fntr.aliases == ("FNTR",)
    figure = next(f for f in long.key_figures if f.value == 2500)
    assert figure.phrase == "camions" and figure.sentence == paragraphs[-1]


def _loaded_in_worker() -> tuple[int, bool]:
    """(how many pipelines a worker holds before it analyses anything, whether its process
    imported briefing.warm): run inside an ingest worker."""
    import sys

    from briefing.enrich.nlp import pipeline

    return pipeline.cache_info().currsize, "briefing.warm" in sys.modules


def test_ingest_workers_start_with_the_models_loaded():
    """Workers come from a server that loaded every model once (briefing/warm.py): a fresh
    worker, replaced or not, holds the pipelines before its first batch instead of loading
    them again (about 2.5 s of CPU a worker)."""
    from briefing.enrich.nlp import MODELS
    from briefing.ingest import _pool

    with _pool(2) as pool:
        first, second = pool.submit(_loaded_in_worker).result(), pool.submit(_loaded_in_worker).result()
    assert first == second == (len(MODELS), True)
