"""Bytes to text: refuse what is not a usable article file, detect encoding and format."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
SUPPORTED_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
# Soft hyphens and zero-width marks split words; C0/C1 control characters are not text
# (and XML cannot carry them).
INVISIBLE_CHARACTERS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
# the characters below a space that are not allowed, counted by one regex pass (a Python loop
# over every character cost a tenth of a second of a 200-page ingest per 10 MB)
_CONTROLS = re.compile("[%s]" % "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS))


@dataclass(frozen=True)
class RawDocument:
    path: Path
    text: str
    kind: str  # "html" or "text"
    encoding: str
    sha256: str
    mtime: float


def read_source(path: Path, max_bytes: int) -> RawDocument:
    """Read one raw article, or raise InputError with a one-line reason."""
    data, mtime = read_bytes(path, max_bytes)
    return raw_document(path, data, mtime)


def read_bytes(path: Path, max_bytes: int) -> tuple[bytes, float]:
    """A raw file's bytes and modification time (InputError: missing, a folder, too large)."""
    try:
        if path.is_dir():
            raise InputError(path, "is a folder, not a file")
        if not path.exists():
            raise InputError(path, "no such file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"too large ({_megabytes(size)} MB, limit {_megabytes(max_bytes)} MB)")
        data = path.read_bytes()
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # grew after stat
        raise InputError(path, f"too large (limit {_megabytes(max_bytes)} MB)")
    return data, mtime


def raw_document(path: Path, data: bytes, mtime: float) -> RawDocument:
    """The text of a raw file's bytes (read here or by another machine), or InputError."""
    if not data.strip():
        raise InputError(path, "empty file")
    text, encoding = decode(data, path)
    if not any(ch.isalpha() for ch in text):
        raise InputError(path, "no text in it")
    kind = sniff_kind(path, data)
    return RawDocument(path=path, text=normalize_text(text), kind=kind,
                       encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), mtime=mtime)


def normalize_text(text: str) -> str:
    """Unix newlines, NFC, no invisible or control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return INVISIBLE_CHARACTERS.sub("", text)


def sniff_kind(path: Path, data: bytes) -> str:
    """HTML when it starts like HTML, whatever the suffix; else by suffix."""
    head = data[:2048].lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(head):
        return "html"
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    raise InputError(path, f"unsupported file type '{suffix}' (expected .txt, .html or .htm)")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16/32 with or without BOM, a declared HTML charset, else
    cp1252/latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), path), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {encoding} text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data:
        encoding = bomless_utf(data)
        if encoding is None:
            raise InputError(path, "binary file (contains NUL bytes)")
        try:
            return _checked(data.decode(encoding), path), f"{encoding} (no BOM)"
        except UnicodeDecodeError as exc:
            raise InputError(path, f"binary file, or invalid {encoding} text ({exc.reason} at byte {exc.start})") from exc
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return _checked(data[:exc.start].decode("utf-8"), path), "utf-8 (truncated)"
        if _mostly_utf8(data):
            return _checked(data.decode("utf-8", "cp1252_fallback"), path), "utf-8 + cp1252"
    candidates = []
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", "ignore").lower())
    candidates += ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding), path), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(path, "unknown text encoding")  # unreachable: latin-1 decodes any bytes


# Which of every four bytes are NUL in a Latin-script text saved as UTF-16 or UTF-32.
_NUL_PATTERNS = {"utf-32-le": (0, 1, 1, 1), "utf-32-be": (1, 1, 1, 0), "utf-16-le": (0, 1, 0, 1), "utf-16-be": (1, 0, 1, 0)}


def bomless_utf(data: bytes) -> str | None:
    """The UTF-16/32 encoding of a text saved without a byte order mark, told by where its
    NUL bytes fall (the high bytes of Latin letters); None when they fall in no such pattern."""
    sample = data[:4096]
    quarters = len(sample) // 4
    if quarters < 2:
        return None
    nul_share = [sum(1 for b in sample[i:quarters * 4:4] if b == 0) / quarters for i in range(4)]
    for encoding, pattern in _NUL_PATTERNS.items():
        if all(share >= 0.7 if nul else share <= 0.1 for share, nul in zip(nul_share, pattern)):
            return encoding
    return None


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 inside a UTF-8 file, read as cp1252 (a page pasted together)."""
    return exc.object[exc.start:exc.end].decode("cp1252", "replace"), exc.end


codecs.register_error("cp1252_fallback", _cp1252_fallback)


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences, with only a few bytes that are not."""
    valid = len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data))
    invalid = len(data.decode("utf-8", "replace")) - len(data.decode("utf-8", "ignore"))
    return valid > 0 and invalid <= max(2, valid // 4)


def _checked(text: str, path: Path) -> str:
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError(path, "binary file (too many control characters)")
    return text


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
