"""spaCy's lemmatizer tables, read without a Python call per entry.

The French model's lemmatizer carries a lookup table of 216,849 forms (``lemma_lookup``, 9.6 MB
of msgpack). spaCy reads it with ``Lookups.from_bytes``, which builds each ``Table`` through
``Table.__setitem__``: one Python call per entry, each hashing its key and adding it to the
table's Bloom filter. That is about two thirds of the time the lemmatizer takes to load, and
the lemmatizer more than half of the French model's load (measured: 0.94-1.01 s of CPU against
0.41-0.49 s for the same tables read as below, on a loaded machine), paid by every process that
analyses French: each ingest worker, and the one process of a warm run.

:func:`quick_lookups` reads the same tables into the same objects while a model loads: each
``Table`` of the same class, name, default size and entries in the same order (their keys
hashed as ``Table.__setitem__`` hashes them), and a Bloom filter of the same size with the same
keys added, so the same bits; only the per-entry Python call is gone (the entries and keys go
through ``map`` at C speed). tests/real/test_models.py compares every table of both models,
entries, order, attributes and filter bytes, with spaCy's own reading.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from contextlib import contextmanager
from itertools import repeat

import srsly
from preshed.bloom import BloomFilter
from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id


def quick_table(name: str, data: dict) -> Table:
    """``Table(name, data)`` as spaCy builds it, without a Python call per entry."""
    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    table.name = name
    table.default_size = 1e6
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    keys = list(map(get_string_id, data.keys()))
    deque(map(OrderedDict.__setitem__, repeat(table), keys, data.values()), maxlen=0)
    deque(map(table.bloom.add, keys), maxlen=0)
    return table


def _from_bytes(self: Lookups, bytes_data: bytes, **_kwargs) -> Lookups:
    self._tables = {name: quick_table(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()}
    return self


@contextmanager
def quick_lookups():
    """While it runs, ``Lookups.from_bytes`` (what a lemmatizer's ``from_disk`` reads its
    tables with) builds each table with :func:`quick_table`."""
    original = Lookups.from_bytes
    Lookups.from_bytes = _from_bytes
    try:
        yield
    finally:
        Lookups.from_bytes = original
