"""py3langid's model, unpacked once and kept in briefing's cache folder: the identifier read
back from it is the one py3langid makes itself, array for array and answer for answer."""

from __future__ import annotations

import numpy
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from briefing.extract.language import load_identifier

TEXTS = ["Les États-Unis et l'Irak entament des discussions sur la fin de la coalition.",
         "Losing face: 6,000 surgical masks stolen from Kobe hospital",
         "Berne interdit désormais le chlorothalonil", "Der Bundesrat hat entschieden.", "1234 !!"]


def _same(ours: LanguageIdentifier, theirs: LanguageIdentifier) -> None:
    assert numpy.array_equal(ours.nb_ptc, theirs.nb_ptc) and ours.nb_ptc.dtype == theirs.nb_ptc.dtype
    assert numpy.array_equal(ours.nb_pc, theirs.nb_pc) and ours.nb_classes == theirs.nb_classes
    assert ours.tk_nextmove == theirs.tk_nextmove and ours.tk_row == theirs.tk_row
    assert ours.tk_output == theirs.tk_output
    assert [ours.classify(t) for t in TEXTS] == [theirs.classify(t) for t in TEXTS]


def test_the_unpacked_model_kept_in_the_cache_gives_py3langids_own_identifier(tmp_path):
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE)
    made = load_identifier(tmp_path)  # unpacked from py3langid's file, left in the folder
    (kept,) = tmp_path.glob("py3langid-*.npz")
    _same(made, theirs)
    _same(load_identifier(tmp_path), theirs)  # read back from the folder
    kept.write_bytes(b"broken")
    _same(load_identifier(tmp_path), theirs)  # a broken file is unpacked again
    assert kept.stat().st_size > 1_000_000
    _same(load_identifier(None), theirs)  # no cache folder
