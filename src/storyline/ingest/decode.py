"""Turning input bytes into text: binary sniffing and encoding detection."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

# Leading bytes of formats people save with a text extension by mistake.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
    b"RIFF": "a media file",
}

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """Bytes that are not text; the message is one line for the user."""


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format ``data`` looks like, or None when it may be text."""
    for magic, name in MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return None


def _text_like(text: str) -> bool:
    """True when almost every character is printable: control bytes mean a wrong guess."""
    if not text:
        return True
    sample = text[:20000]
    bad = sum(
        1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\t\n\r\f"
    )
    return bad / len(sample) < 0.01


def _guesses(data: bytes) -> list[str]:
    """charset-normalizer's best guess, preferring Windows-1252 where it fits as well.

    On short Western text several single-byte code pages tie; news in such a tie is
    far more often Windows-1252 than, say, Central European 1250.
    """
    matches = list(from_bytes(data))
    if not matches:
        return []
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence - 0.02:
            return ["cp1252"]
    return [best.encoding]


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)`` or raise DecodeError.

    Order of trust: a byte-order mark, a declared charset that decodes cleanly, UTF-8,
    then charset-normalizer's guess, then Windows-1252 (what most mislabelled Western
    pages are), and Latin-1 as the last resort since it decodes anything.
    """
    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"not text: looks like {kind}")
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    candidates: list[str] = []
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    candidates.append("utf-8")
    if not data.isascii():
        # Even a one-line report in Cyrillic or Greek needs the guess: Windows-1252 would
        # decode its bytes into Latin mojibake without an error.
        candidates += _guesses(data[:200000])
    candidates += ["cp1252", "latin-1"]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _text_like(text):
            return text, encoding
    raise DecodeError("not text: too many control characters for any text encoding")
