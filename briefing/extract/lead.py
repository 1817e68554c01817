"""The dateline a news lead opens with ("WASHINGTON (AP) —", "NEW YORK (Reuters) -", "(CNN)",
"MADRID —"): where and by whom it was filed, not what happened. A summary leaves it out; the
record keeps it as `dateline`."""

from __future__ import annotations

import re

# Capitals (a place, with its state or country: "SANTA FE, N.M.", "ST CATHERINE, Jamaica"), an agency in brackets or not, then a
# dash; or an agency in brackets alone. A colon is no dateline mark ("DEAR ABBY: My husband").
DATELINE = re.compile(
    r"\A(?P<dateline>(?:[A-ZÀ-Ý][A-ZÀ-Ý.'’/-]*(?:[ ,]+[A-ZÀ-Ý][A-ZÀ-Ý.'’/-]*){0,4}\.?"
    r"(?:,\s*[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,3})?\s*(?:\([A-Za-z][\w .&-]{0,24}\))?"
    r"|\([A-Z][\w .&-]{0,24}\)))\s*(?:[—–]|--?)?\s*(?=[A-ZÀ-Ý«\"“‘'0-9])")


def split_dateline(lead: str) -> tuple[str | None, str]:
    """(dateline, the lead without it), or (None, the lead) when it opens with none."""
    match = DATELINE.match(lead)
    if not match:
        return None, lead
    dateline = match.group("dateline").strip(" ,")
    dashed = re.match(r"\s*(?:[—–]|--?)", lead[match.end("dateline"):])
    if not dashed and "(" not in dateline:  # "USA Today", "NASA Goddard": capitals, no dateline
        return None, lead
    return dateline, lead[match.end():]
