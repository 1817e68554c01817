"""How the editorial gold set is split into parts: the held-out and fresh articles are measured,
never tuned on (evaluation/editorial.py)."""

from __future__ import annotations

import yaml

from evaluation.editorial import GOLD, parts_of, tuned_errors


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


def test_errors_print_only_the_tuned_part():
    items = gold()
    printed = tuned_errors({item["id"]: [f"entity not a referent: X of {item['id']}"] for item in items})
    shown = {line.split(": ")[0].strip() for line in printed.splitlines()[1:]}
    assert shown == {item["id"] for item in items if item["split"] == "tune"}
    assert not shown & {item["id"] for item in items if item["split"] in ("held", "fresh")}
