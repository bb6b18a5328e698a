"""Bytes to text for the readers: which encoding an input is in, and whether it is text at all.

A reader must not lose an article to its encoding: UTF-8 with or without a byte-order mark, UTF-16 with or
without one, and Windows-1252 (with a note) are read; binary data is refused in one line.
"""
from __future__ import annotations

import codecs

#: The byte-order marks of UTF-16, little- and big-endian.
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, origin: str) -> tuple[str, tuple[str, ...]]:
    """Bytes to text, refusing binary data and saying when a fallback encoding was used.

    Raises ``ValueError`` with the user-facing reason.
    """
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16"), ("decoded as UTF-16 (byte-order mark)",)
    if _looks_binary(data):
        if encoding := utf16_without_bom(data):
            try:
                return data.decode(encoding), (f"decoded as {encoding.upper()} (no byte-order mark)",)
            except UnicodeDecodeError:
                pass
        raise ValueError("binary file (not text); give a .txt, .md, .json, .jsonl or .html file")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        text = data.decode("cp1252", errors="replace")
        note = f"not valid UTF-8 (byte {err.start}); decoded as Windows-1252 instead"
        return text, (note,)


def _looks_binary(data: bytes) -> bool:
    """Judged on the first 8 KB. A NUL byte marks binary data (images, archives, databases, UTF-16 without a
    byte-order mark) unless the bytes are valid UTF-8 and NULs are rare: a stray NUL in a story pasted from
    another program is removed with a note (:func:`make_article`), not a reason to lose the story."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 12, 13))
    nuls = head.count(0)
    if controls / len(head) > 0.1 or nuls > max(1, len(head) // 100):
        return True
    return bool(nuls) and not _valid_utf8_start(head)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when bytes without a byte-order mark read as text in one of them (Notepad's
    "Unicode", PowerShell's ``>``), else None. Every other byte of such a text is NUL (or, in Arabic or Cyrillic, a
    control byte), which made it a "binary file" and lost the article; binary data almost never decodes as
    UTF-16 to printable characters (NUL pairs, unpaired surrogates)."""
    head = data[:8192]
    head = head[:len(head) - len(head) % 2]
    if len(head) < 4 or len(data) % 2 or not _looks_binary(head):  # a UTF-8 text decodes as UTF-16 too
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(c.isprintable() or c in "\n\r\t" for c in text) >= 0.95 * len(text):
            return encoding
    return None


def utf16_encoding(data: bytes) -> str | None:
    """The UTF-16 codec to read ``data`` with: "utf-16" after a byte-order mark, else :func:`utf16_without_bom`'s
    answer; None for bytes that are no UTF-16 text."""
    return "utf-16" if data.startswith(UTF16_BOMS) else utf16_without_bom(data)


def _valid_utf8_start(head: bytes) -> bool:
    """Whether these bytes begin a UTF-8 text (a character cut at the end of the sample does not count)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def sniff_sample(data: bytes) -> bytes:
    """The start of ``data`` as UTF-8 bytes without a byte-order mark (``data`` itself when it is not UTF-16)."""
    sample = data[:65536]
    encoding = utf16_encoding(sample)
    if encoding:
        return sample[:len(sample) - len(sample) % 2].decode(encoding, errors="replace").encode("utf-8")
    return data.removeprefix(codecs.BOM_UTF8)
