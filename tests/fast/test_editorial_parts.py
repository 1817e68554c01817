"""How the editorial gold set is split into parts: the held-out and fresh articles are measured,
never tuned on (evaluation/editorial.py)."""

from __future__ import annotations

import yaml

from evaluation.editorial import BLIND, GOLD, parts_of, shown_mistakes, tuned_errors


def gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text("utf-8"))


def test_the_fresh_and_dev_sets_are_reported_apart_never_in_all():
    counts: dict[str, int] = {}
    for item in gold():
        for part in parts_of(item):
            counts[part] = counts.get(part, 0) + 1
    assert counts["all"] == counts["tune"] + counts["held"] == 36
    assert counts["dev"] == 7
    assert counts["fresh"] == counts["fresh_fr"] + counts["fresh_en"] == 16
    assert counts[BLIND] == 12 and BLIND == "fresh2"
    blind = [item for item in gold() if item["split"] == BLIND]
    assert all(parts_of(item) == (BLIND,) for item in blind) and all(item["lang"] == "en" for item in blind)


def test_errors_print_only_the_tuned_part():
    items = gold()
    printed = tuned_errors({item["id"]: [f"entity not a referent: X of {item['id']}"] for item in items})
    shown = {line.split(": ")[0].strip() for line in printed.splitlines()[1:]}
    assert shown == {item["id"] for item in items if item["split"] == "tune"}
    assert not shown & {item["id"] for item in items if item["split"] in ("held", "fresh", "fresh2")}


def test_no_option_prints_the_held_out_or_the_blind_sets_mistakes():
    """`--mistakes` and `--json` print the seen parts' mistakes only: not the held-out part's,
    not the blind set's (fresh2)."""
    items = gold()
    kept = shown_mistakes({item["id"]: ["figure missing: 3 x"] for item in items})
    assert set(kept) == {item["id"] for item in items if item["split"] in ("tune", "dev", "fresh")}
    assert len(kept) == len(items) - 12 - 13
