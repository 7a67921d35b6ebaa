"""Find quoted text by its marks: straight or curly, double or single, over paragraphs."""

from __future__ import annotations

import re

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„", "”"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"
_BEFORE_OPEN = " \t\n([{—–-/:;,"
_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile("[\"'“”„‘’]")
_DOUBLE_MARK = re.compile('["“”„]')


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Ranges of quoted text without the marks. A paragraph that opens a quote and does not
    close it continues into the next paragraph when that one opens with a mark too, or when
    the next one's first mark closes a quote (a message quoted over two lines whose second
    line lost its opening mark)."""
    quotes: list[tuple[int, int]] = []
    carry: int | None = None  # start of a quote still open from an earlier paragraph
    for para in _PARAGRAPH.finditer(text):
        start = para.start()
        close = _first_mark_closes(text, start, para.end()) if carry is not None else None
        if carry is not None and close is not None:
            quotes.append((carry, close))
            carry, start = None, close + 1
        found, open_at = _scan(text, start, para.end(), carry is not None)
        if carry is not None:
            if found and found[0][0] == -1:
                found[0] = (carry, found[0][1])
            elif open_at == -1:
                open_at = carry
            else:
                quotes.append((carry, _last_content(text, para.start())))
        quotes.extend(found)
        carry = open_at
    if carry is not None:
        quotes.append((carry, len(text)))
    return [q for q in (_trim(text, s, e) for s, e in quotes) if q]


def _scan(text: str, start: int, end: int, continuing: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Quotes closed inside one paragraph, and where a quote left open starts (or None).

    With ``continuing``, a paragraph that begins with an opening mark continues the open
    quote: its first closed quote (or the open one) starts at -1 for the caller to fill in."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    kind: str | None = None
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    skip_to = -1
    single_at = -1
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        if i <= skip_to:
            continue
        if kind == "double" and (inner_end := _nested_name(text, i, end)) is not None:
            skip_to = inner_end  # 'The "United States" is not …' inside a quote
            continue
        if kind is None:
            kind = _opening(text, i, start)
            if kind:
                open_at = -1 if continuing and i == start + lead else i + 1
                single_at = i if kind == "single" else -1
        elif open_at is not None and kind == "double" and _reopens(text, i):
            open_at = i + 1  # the mark before opened a quote it never closed
        elif open_at is not None and _closing(text, i, kind):
            found.append((open_at, i))
            kind, open_at = None, None
    if kind == "single":  # an unclosed single mark is an apostrophe far more often than a quote
        # ("Apple's iLife '11 suite"): read on after it, so it hides no quote that follows
        more, open_at = _scan(text, single_at + 1, end, False)
        found.extend(more)
    return found, open_at


def _nested_name(text: str, i: int, end: int) -> int | None:
    """Inside an open double quote, where a short quoted name nested in it closes (`"… The
    "United States" is not holding …"`): a mark after a space opens at most four words without
    a sentence's end, its closing mark runs on into a lower-case word, and a mark after it is
    left to close the outer quote. None for any other mark."""
    if text[i] not in '"“' or i == 0 or not text[i - 1].isspace() or not text[i + 1 : i + 2].isalnum():
        return None
    close = _DOUBLE_MARK.search(text, i + 1, end)
    if close is None or not _DOUBLE_MARK.search(text, close.end(), end):
        return None
    inner = text[i + 1 : close.start()]
    if len(inner.split()) > 4 or any(c in inner for c in ".!?") or text[close.start() - 1].isspace():
        return None
    after = text[close.end() : close.end() + 2]
    return close.start() if len(after) == 2 and after[0] == " " and after[1].islower() else None


def _first_mark_closes(text: str, start: int, end: int) -> int | None:
    """Where a paragraph that does not open with a mark has a closing double mark as its
    first mark (`… in his grave."`), else None."""
    mark = _DOUBLE_MARK.search(text, start, end)  # not the apostrophe of "I've"
    if mark is None or not text[start:end].strip() or text[start:end].lstrip()[0] in "\"'“”„‘’":
        return None
    i = mark.start()
    if text[i] not in '"”' or text[i - 1].isspace() or _opening(text, i, start) is not None:
        return None
    return i


def _opening(text: str, i: int, para_start: int) -> str | None:
    ch, prev = text[i], text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return "double" if _spaced_opening(text, i, prev) else None
    if ch in _DOUBLE_OPEN or (ch == '"' and prev in _BEFORE_OPEN):
        return "double"
    if (ch in _SINGLE_OPEN or ch == "'") and prev in _BEFORE_OPEN and nxt.isalnum():
        return "single"
    return None


def _spaced_opening(text: str, i: int, prev: str) -> bool:
    """A mark standing apart on both sides, as in tokenised wire text (`" We will win , " he
    said .`), opens a quote when words follow it on the same line and another mark comes later
    (to close it, or to open the paragraph it continues into)."""
    if text[i] not in '"“„' or not prev.isspace() or not _MARK.search(text, i + 1):
        return False
    line_end = text.find("\n", i)
    rest = text[i + 1 : line_end if line_end >= 0 else len(text)].lstrip(" \t")
    return bool(rest) and (rest[0].isalnum() or rest[0] in "'‘(")


def _reopens(text: str, i: int) -> bool:
    """A double mark with a space before it and a word right after it (`disagreed. "The plan`)
    opens a quote even while one is open: that one was never closed (in text stored as one
    line no paragraph end stops a stray mark from pairing with the next quote's opening)."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return text[i] in '"“„' and text[i - 1].isspace() and (nxt.isalnum() or nxt in "‘(")


def _closing(text: str, i: int, kind: str) -> bool:
    ch = text[i]
    if kind == "double":
        return ch in _DOUBLE_CLOSE or ch == '"'
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return ch in (_SINGLE_CLOSE, "'") and not text[i - 1].isspace() and not nxt.isalnum()


def _last_content(text: str, para_start: int) -> int:
    return len(text[:para_start].rstrip())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
