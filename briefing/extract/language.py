"""Language identification (py3langid, a bundled model) and per-language stop words (jusText's lists).

py3langid unpacks its model (a 68 MB npz packed with LZMA into 4.6 MB) in every process that
classifies: 0.5-0.7 s of each warm run and of each ingest worker's start. `identifier` keeps
the unpacked npz in briefing's cache folder (briefing.tables: `BRIEFING_CACHE_DIR`, empty to
turn it off), named by the hash of py3langid's model file and its version, and reads it back in
0.13-0.22 s. Either way the arrays are made by `_from_npz`, the way py3langid's own
`LanguageIdentifier.from_model_file` makes them (tests/fast/test_read.py compares them).
"""

from __future__ import annotations

import io
import lzma
import zipfile
from functools import cache
from pathlib import Path

import justext
import numpy
from babel import Locale, UnknownLocaleError
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import _to_array

from briefing.files import write_atomically
from briefing.lexicon import LANGUAGES
from briefing.tables import cache_folder, table_key


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; 'und' when there is nothing to judge."""
    sample = " ".join(text.split())[:20000]
    if sum(ch.isalpha() for ch in sample) < 3:
        return "und"
    code, _score = identifier().classify(sample)
    return code


@cache
def identifier() -> LanguageIdentifier:
    """py3langid's identifier with its bundled model, once per process."""
    return load_identifier(cache_folder())


def load_identifier(folder: Path | None) -> LanguageIdentifier:
    """The identifier, its model read unpacked from `folder` when a run left it there, else
    unpacked from py3langid's file (and left there for the next run)."""
    model = MODEL_DIR / MODEL_FILE
    if folder is None:
        return _from_npz(io.BytesIO(lzma.decompress(model.read_bytes())))
    path = folder / f"py3langid-{table_key([model], ['py3langid', 'numpy'])}.npz"
    try:
        return _from_npz(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        pass  # not there yet, or broken: unpacked again
    data = lzma.decompress(model.read_bytes())
    try:
        write_atomically(path, data, durable=False)
        for old in folder.glob("py3langid-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)  # another py3langid's
    except OSError:
        pass  # a cache that cannot be written only makes the next run slower
    return _from_npz(io.BytesIO(data))


def _from_npz(source) -> LanguageIdentifier:
    """py3langid's identifier from its unpacked model, as py3langid's own loader makes it."""
    with numpy.load(source, allow_pickle=False) as data:
        return LanguageIdentifier(numpy.asarray(data["ptc"]), numpy.asarray(data["pc"]), data["classes"].tolist(),
                                  _to_array(data["nextmove"]), data["out_feat"].tolist(),
                                  tk_row=_to_array(data["nextmove_row"]))


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Function words of a language, for telling prose from menus; French and English
    together when the language has no list."""
    names = set(justext.get_stoplists())
    try:
        name = Locale.parse(lang).english_name
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        name = None
    if name in names:
        return frozenset(justext.get_stoplist(name))
    return frozenset().union(*(stopwords(code) for code in LANGUAGES))
