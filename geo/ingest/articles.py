"""Reading news articles from files, folders, stdin and uploads.

Every reader turns bytes into :class:`~geo.records.Article` records or a
:class:`~geo.records.ReadFailure` with a one-line reason that tells the user the
fix. A bad file never stops the others: callers get failures as values, not
exceptions, so an ingest of a thousand files reports the three broken ones and
stores the rest.

>>> [a.source for a in read_bytes(b"Shafaq News/ Rockets hit Haifa.", "x.txt")]
['Shafaq News']
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from geo.ingest.encodings import decode, sniff_sample, utf16_encoding
from geo.records import Article, ReadFailure

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

BOILERPLATE = re.compile(
    r"^\s*(advertis(e)?ment|sponsored( content)?|read more|related articles?|share this( article)?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
SOURCE_PREFIX = re.compile(r"\A\s*([A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4})/\s+")
DATE_PREFIX = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
HEADLINE_MAX = 160

ReadResult = Article | ReadFailure


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised text.

    Normalisation (Unicode NFC, whitespace folded) makes the same story read from a
    file with Windows line endings or a trailing newline get the same id.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def parse_text(text: str) -> dict[str, object]:
    """Split a plain-text article into its fields using the conventions of our sources.

    A leading ``Shafaq News/ `` names the source, a leading ``date 2024-03-15`` gives
    the publication date, lines such as ``Advertisement`` are boilerplate, and a
    short first line without a final full stop is the headline.
    """
    fields: dict[str, object] = {}
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    for _ in range(2):  # the two prefixes may come in either order
        if m := SOURCE_PREFIX.match(body):
            fields.setdefault("source", m.group(1).strip())
            body = body[m.end():]
        if m := DATE_PREFIX.match(body):
            fields.setdefault("published", _parse_date(m.group(1)))
            body = body[m.end():]
    body = clean_text(body)
    title, rest = _split_headline(body)
    if title:
        fields["title"] = title
        body = rest
    fields["text"] = body
    return fields


def clean_text(text: str) -> str:
    """Remove boilerplate lines and the blank lines they leave behind."""
    text = BOILERPLATE.sub("", text)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)
    return text.strip()


def _split_headline(body: str) -> tuple[str | None, str]:
    first, sep, rest = body.partition("\n")
    first = first.strip().lstrip("#").strip()
    if not sep or not rest.strip():
        return None, body
    if len(first) > HEADLINE_MAX or first.endswith((".", ",", ";", ":")) or len(first.split()) < 2:
        return None, body
    return first, rest.strip()


#: Abbreviations whose period ends no sentence: titles (AP Stylebook: "Gov.", "Sen.", "Dr."), initials ("U.S.",
#: "J."), and a short capitalised word after a comma, as datelines qualify their town ("SPRINGFIELD, Ill. -").
TITLE_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Gen Gov Sen Rep Lt Col Capt Sgt Cpl Maj Adm Prof Rev St Jr Sr No".split())
ABBREVIATED = re.compile(r"(?:\b(?:[A-Z]\.)+|, [A-Z][a-z]{0,4}\.|\b(?P<word>[A-Z][a-z]{0,3})\.)\Z")


def derived_title(text: str, limit: int = 90) -> str:
    """A readable title for articles that have none: the first sentence, shortened at a word."""
    text = text.strip()
    first = text
    for end in re.finditer(r"[.!?](?=\s)", text[:limit + 1]):  # a sentence ending later is cut at ``limit``
        found = ABBREVIATED.search(text, 0, end.end())
        if end.group() == "." and found and (not found.group("word") or found.group("word") in TITLE_ABBREVIATIONS):
            continue
        first = text[:end.end()]
        break
    first = first.strip()
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _parse_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    for candidate in (s[:10], s):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    raise ValueError(f"published date {s!r} is not YYYY-MM-DD")


def make_article(fields: dict[str, object], origin: str, raw: bytes, notes: tuple[str, ...] = ()) -> Article:
    """An Article from parsed fields; refuses an empty text.

    NUL characters are removed from every field, with a note: PostgreSQL's text type cannot hold them, and the
    same input must give the same article (and id) on either database. The raw bytes keep them.
    """
    nuls = sum(str(fields.get(key) or "").count("\x00") for key in ("text", "title", "source", "url"))
    if nuls:
        notes = (*notes, f"{nuls} NUL character(s) removed (a database text cannot hold them)")
    text = str(fields.get("text") or "").replace("\x00", "").strip()
    if not text:
        raise ValueError("empty article (no text)")
    title = _clean_field(fields.get("title")) or derived_title(text)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        source=_clean_field(fields.get("source")),
        url=_clean_field(fields.get("url")),
        published=_parse_date(fields.get("published")),
        origin=origin,
        raw=raw,
        notes=notes,
    )


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).replace("\x00", "").split())
    return s or None


def read_bytes(data: bytes, origin: str, kind: str | None = None) -> Iterator[ReadResult]:
    """Articles in one file's bytes; ``kind`` is a suffix such as ".json" (default: from origin)."""
    kind = (kind or Path(origin).suffix).lower()
    if not data.strip():
        yield ReadFailure(origin, "empty file")
        return
    if kind in JSONL_SUFFIXES and not utf16_encoding(data):
        # judged line by line, as a stream is: one binary or malformed line loses only itself
        yield from _read_jsonl_stream(io.BytesIO(data), origin, len(data))
        return
    try:
        text, notes = decode(data, origin)
    except ValueError as err:
        yield ReadFailure(origin, str(err))
        return
    if kind in JSON_SUFFIXES:
        yield from _read_json(text, origin, data, notes)
    elif kind in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, notes)
    elif kind in HTML_SUFFIXES:
        yield _guard(lambda: _read_html(text, origin, data, notes), origin)
    else:
        yield _guard(lambda: make_article(parse_text(text), origin, data, notes), origin)


def _guard(make, origin: str) -> ReadResult:
    try:
        return make()
    except ValueError as err:
        return ReadFailure(origin, str(err))


def load_json(text: str, line: int | None = None) -> object:
    """``json.loads`` whose every failure is a ``ValueError`` with the user-facing reason: malformed JSON names
    its line and column, and JSON nested deeper than Python's parser goes (``[[[[...`` a hundred thousand deep,
    which ``json`` answers with a RecursionError) says so instead of ending the program."""
    try:
        return json.loads(text, object_pairs_hook=JsonObject.from_pairs)
    except json.JSONDecodeError as err:
        raise ValueError(f"malformed JSON at line {line or err.lineno}, column {err.colno}: {err.msg}") from None
    except ValueError as err:  # Python refuses integers of more than 4,300 digits (a guard against slow parsing)
        if "digits" not in str(err):
            raise
        raise ValueError("JSON holds a number of more than 4,300 digits; write it as a string, or leave it "
                         "out") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply (arrays or objects inside each other more than about 1,000 "
                         "levels); give one object per article") from None


class JsonObject(dict):
    """A JSON object that remembers the keys written in it more than once. Every JSON reader keeps the last
    value of a repeated key without a word, so an article whose ``title`` was given twice (a feed put together
    by hand, two exports merged) lost the first one silently; the reader says so instead."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, object]]) -> "JsonObject":
        obj = cls(pairs)
        if len(obj) < len(pairs):
            seen: set[str] = set()
            obj.repeated = tuple(dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)))
        return obj


def repeated_keys_note(item: object) -> tuple[str, ...]:
    """The note for an article object with repeated keys ("key 'title' given more than once in the JSON object:
    the last value is kept"), or none."""
    repeated = getattr(item, "repeated", ())
    if not repeated:
        return ()
    keys = ", ".join(repr(k) for k in repeated)
    return (f"{'keys' if len(repeated) > 1 else 'key'} {keys} given more than once in the JSON object: the last "
            "value is kept",)


def _read_json(text: str, origin: str, raw: bytes, notes: tuple[str, ...]) -> Iterator[ReadResult]:
    try:
        value = load_json(text)
    except ValueError as err:
        yield ReadFailure(origin, str(err))
        return
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        where = origin if len(items) == 1 else f"{origin}[{i}]"
        item_raw = raw if len(items) == 1 else json.dumps(item, ensure_ascii=False).encode("utf-8")
        yield _guard(lambda: _article_from_object(item, where, item_raw, notes), where)


def _read_jsonl(text: str, origin: str, notes: tuple[str, ...]) -> Iterator[ReadResult]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _jsonl_line(line, lineno, origin, notes)


def _jsonl_line(line: str, lineno: int, origin: str, notes: tuple[str, ...]) -> ReadResult:
    where = f"{origin}:{lineno}"
    try:
        item = load_json(line, lineno)
    except ValueError as err:
        return ReadFailure(where, str(err))
    return _guard(lambda: _article_from_object(item, where, line.encode("utf-8"), notes), where)


def _article_from_object(item: object, origin: str, raw: bytes, notes: tuple[str, ...]) -> Article:
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object with a 'text' field, got {type(item).__name__}")
    if not isinstance(item.get("text"), str):
        raise ValueError("JSON object has no 'text' string field")
    notes = (*notes, *repeated_keys_note(item))
    fields = parse_text(item["text"]) if item.get("title") is None else {"text": clean_text(item["text"])}
    for key in ("title", "url", "source", "published"):
        if isinstance(item.get(key), (list, dict)):
            raise ValueError(f"JSON field {key!r} is a {type(item[key]).__name__}; give a string")
        if item.get(key) not in (None, ""):
            fields[key] = item[key]
    return make_article(fields, origin, raw, notes)


def _read_html(text: str, origin: str, raw: bytes, notes: tuple[str, ...]) -> Article:
    """Main text of a saved web page, extracted locally (never fetched)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_recall=True)
    if not body or not body.strip():
        raise ValueError("no article text found in the HTML page")
    meta = trafilatura.extract_metadata(text)
    fields: dict[str, object] = {"text": clean_text(body)}
    if meta is not None:
        fields.update(title=meta.title, source=meta.sitename, url=meta.url)
        if meta.date:
            fields["published"] = _safe_date(meta.date)
    return make_article(fields, origin, raw, notes)


def _safe_date(value: str) -> dt.date | None:
    try:
        return _parse_date(value)
    except ValueError:
        return None


def read_file(path: Path, max_bytes: int) -> Iterator[ReadResult]:
    """Articles in one file, refusing files over ``max_bytes`` before reading them."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadFailure(origin, _too_big(size, max_bytes))
            return
        with path.open("rb") as f:  # a pipe or a device has no size: read no more than the limit all the same
            data = f.read(max_bytes + 1)
    except OSError as err:
        yield ReadFailure(origin, f"cannot read: {err.strerror or err}")
        return
    if len(data) > max_bytes:
        yield ReadFailure(origin, _too_big(len(data), max_bytes).replace("file is", "input is at least"))
        return
    yield from read_bytes(data, origin)


def _too_big(size: int, max_bytes: int) -> str:
    return (f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit "
            "(split it, or raise the limit with --max-bytes / NEWSMAP_MAX_BYTES)")


def read_stream(stream: BinaryIO, origin: str, max_bytes: int, kind: str | None = None) -> Iterator[ReadResult]:
    """Articles from stdin or an upload; JSON Lines are read line by line so memory stays flat."""
    if (kind or "").lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_stream(stream, origin, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadFailure(origin, _too_big(len(data), max_bytes).replace("file is", "input is at least"))
        return
    yield from read_bytes(data, origin, kind or _sniff_kind(data))


def _read_jsonl_stream(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[ReadResult]:
    for lineno, data in enumerate(_bounded_lines(stream, max_bytes), start=1):
        if data is None:
            yield ReadFailure(f"{origin}:{lineno}", f"line is over the {max_bytes / 1e6:g} MB limit "
                              "(split it, or raise the limit with --max-bytes / NEWSMAP_MAX_BYTES)")
            continue
        if not data.strip():
            continue
        try:
            line, notes = decode(data, origin)
        except ValueError as err:
            yield ReadFailure(f"{origin}:{lineno}", str(err))
            continue
        yield _jsonl_line(line, lineno, origin, notes)


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of ``stream``, or None for a line over ``max_bytes`` (read to its end, never held whole)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line if len(line) <= max_bytes else None
            continue
        while (more := stream.readline(max_bytes + 1)) and not more.endswith(b"\n"):
            pass
        yield None


def _sniff_kind(data: bytes) -> str:
    """The reader for stdin, judged on its first characters: a byte-order mark (UTF-8 or UTF-16) or UTF-16
    without one is read past, or JSON sent from Windows was stored as one article whose text was the JSON."""
    data = sniff_sample(data)
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        first_line = data.lstrip().split(b"\n", 1)[0].strip()
        try:
            json.loads(first_line)
            return ".jsonl" if data.strip().count(b"\n") and head == b"{" else ".json"
        except (ValueError, RecursionError):
            return ".json"
    if head == b"<":
        return ".html"
    return ".txt"


def iter_paths(paths: Iterable[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[ReadResult]:
    """Articles from every path: files, folders (recursive, known suffixes) and ``-`` for stdin."""
    for name in paths:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "<stdin>", max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield ReadFailure(name, DANGLING if path.is_symlink() else "no such file or folder")


def _read_folder(folder: Path, max_bytes: int) -> Iterator[ReadResult]:
    unreadable: list[OSError] = []
    files = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders are skipped, not even listed
        files += [Path(root) / n for n in names if not n.startswith(".") and Path(n).suffix.lower() in KNOWN_SUFFIXES]
    for err in unreadable:  # a folder that cannot be listed is reported, as an unreadable file is
        yield ReadFailure(str(err.filename or folder), f"cannot read: {err.strerror or err}")
    if not files and not unreadable:
        yield ReadFailure(str(folder), "folder holds no .txt, .md, .json, .jsonl or .html files")
    for path in sorted(files):
        if path.is_file():
            yield from read_file(path, max_bytes)
        else:  # said, not skipped: a link that leads nowhere may be the one article the user looks for
            yield ReadFailure(str(path), DANGLING if not path.exists() else NOT_A_FILE)


DANGLING = "a symbolic link that leads nowhere (its target is missing, or links point at each other in a loop)"
NOT_A_FILE = "not a regular file (a pipe, socket or device named like an article); skipped"
