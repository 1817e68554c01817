"""The ingest manifest as a file: named sections kept whole, rebuilt when unusable, written only
when it changed and never half."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.manifest import FAILED_WITH, MANIFEST_PATH, SAME_AS, WRITTEN_AS, Manifest, SourceLedger, SourceOutcome


def test_a_section_it_does_not_know_is_kept_as_it_is(tmp_path: Path):
    path = tmp_path / MANIFEST_PATH
    path.parent.mkdir()
    feeds = {"https://example.org/rss": {"etag": "\"abc\"", "last_modified": "Wed, 25 Nov 2026 10:00:00 GMT"}}
    path.write_text(json.dumps({"format": 1, "sections": {"fetch": feeds, "groups": ["a", "b"]}}), "utf-8")
    manifest = Manifest.load(tmp_path)
    assert manifest.notice == ""
    SourceLedger(manifest).record("seeds/a.html", SourceOutcome("aa" * 32, "k1", WRITTEN_AS, slug="a"))
    manifest.save()
    saved = json.loads(path.read_text("utf-8"))["sections"]
    assert saved["fetch"] == feeds and saved["groups"] == ["a", "b"]
    assert saved["ingest"]["sources"]["seeds/a.html"] == {"sha256": "aa" * 32, "ingest_key": "k1",
                                                          "outcome": "written", "slug": "a"}


def test_outcomes_come_back_as_they_were_recorded(tmp_path: Path):
    outcomes = {"a.html": SourceOutcome("11" * 32, "k", WRITTEN_AS, slug="story"),
                "b.html": SourceOutcome("22" * 32, "k", SAME_AS, slug="story"),
                "c.txt": SourceOutcome("33" * 32, "k", FAILED_WITH, reason="empty file")}
    manifest = Manifest.load(tmp_path)
    ledger = SourceLedger(manifest)
    for name, outcome in outcomes.items():
        ledger.record(name, outcome)
    manifest.save()
    again = SourceLedger(Manifest.load(tmp_path))
    assert {name: again.get(name) for name in outcomes} == outcomes
    assert again.get("d.html") is None


def test_an_unreadable_manifest_is_one_notice_and_rebuilt(tmp_path: Path):
    path = tmp_path / MANIFEST_PATH
    path.parent.mkdir()
    for broken, reason in (('{"format": 1, "sect', "unreadable (invalid JSON at line 1)"),
                           ('[1, 2]', "not a format 1 manifest"),
                           ('{"format": 99, "sections": {}}', "not a format 1 manifest"),
                           (b"\xff\xfe\x00garbage", "unreadable (UnicodeDecodeError)")):
        path.write_bytes(broken if isinstance(broken, bytes) else broken.encode())
        manifest = Manifest.load(tmp_path)
        assert manifest.notice.startswith(f"{path}: {reason}") and "\n" not in manifest.notice
        assert manifest.sections == {}
        manifest.save()
        assert json.loads(path.read_text("utf-8")) == {"format": 1, "sections": {}}


def test_an_entry_it_cannot_read_counts_as_unknown(tmp_path: Path):
    path = tmp_path / MANIFEST_PATH
    path.parent.mkdir()
    sources = {"a.html": {"outcome": "exploded"}, "b.html": "written", "c.html": {"outcome": "written", "slug": 3}}
    path.write_text(json.dumps({"format": 1, "sections": {"ingest": {"sources": sources}}}), "utf-8")
    ledger = SourceLedger(Manifest.load(tmp_path))
    assert [ledger.get(name) for name in sources] == [None, None, None]


def test_saving_what_is_already_there_touches_nothing(tmp_path: Path):
    manifest = Manifest.load(tmp_path)
    SourceLedger(manifest).record("a.html", SourceOutcome("11" * 32, "k", WRITTEN_AS, slug="a"))
    manifest.save()
    path = tmp_path / MANIFEST_PATH
    before = path.stat().st_mtime_ns, path.stat().st_ino
    reloaded = Manifest.load(tmp_path)
    SourceLedger(reloaded).record("a.html", SourceOutcome("11" * 32, "k", WRITTEN_AS, slug="a"))
    reloaded.save()
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before
    assert [p.name for p in path.parent.iterdir()] == ["manifest.json"]  # no temporary file beside it


def test_the_same_state_gives_the_same_bytes(tmp_path: Path):
    first, second = tmp_path / "one", tmp_path / "two"
    for folder, order in ((first, ["b.html", "a.html"]), (second, ["a.html", "b.html"])):
        manifest = Manifest.load(folder)
        ledger = SourceLedger(manifest)
        for name in order:
            ledger.record(name, SourceOutcome("11" * 32, "k", WRITTEN_AS, slug=name[0]))
        manifest.save()
    assert (first / MANIFEST_PATH).read_bytes() == (second / MANIFEST_PATH).read_bytes()
