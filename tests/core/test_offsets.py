"""The one offset converter: emoji, CJK, combining marks, CRLF, and property tests."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import OffsetMap, utf16_length


def utf16_index(text: str, cp: int) -> int:
    """Reference: count UTF-16 units by encoding the prefix."""
    return len(text[:cp].encode("utf-16-le")) // 2


def test_ascii_is_identity():
    m = OffsetMap("hello world")
    assert [m.to_units(i) for i in range(12)] == list(range(12))
    assert m.to_codepoints(5) == 5


def test_emoji_counts_two_units():
    text = "a😀b"
    m = OffsetMap(text)
    assert m.to_units(1) == 1
    assert m.to_units(2) == 3
    assert m.to_units(3) == 4
    assert m.to_codepoints(3) == 2
    assert m.length == 4 == utf16_length(text)


def test_span_after_emoji_round_trips():
    text = "🔥🔥 Putin met Witkoff"
    start = text.index("Putin")
    m = OffsetMap(text)
    u_start, u_end = m.span_to_units(start, start + 5)
    assert text.encode("utf-16-le")[u_start * 2 : u_end * 2].decode("utf-16-le") == "Putin"
    assert m.span_to_codepoints(u_start, u_end) == (start, start + 5)


def test_cjk_is_one_unit_each():
    text = "北京说 Beijing"
    m = OffsetMap(text)
    assert m.to_units(text.index("B")) == 4


def test_combining_marks_are_separate_code_points():
    text = "Zelenskyy\u0301 said"  # y + combining acute
    m = OffsetMap(text)
    assert m.to_units(len(text)) == len(text)


def test_inside_surrogate_pair_rounds():
    m = OffsetMap("a😀b")
    assert m.to_codepoints(2) == 1
    assert m.to_codepoints(2, round_up=True) == 2


def test_crlf_folds_for_qt():
    text = "a\r\nb😀\r\nc"
    m = OffsetMap(text, collapse_crlf=True)
    # Qt sees: a ⏎ b 😀(2) ⏎ c
    assert m.to_units(text.index("b")) == 2
    assert m.to_units(text.index("c")) == 6
    assert m.to_codepoints(6) == text.index("c")
    assert m.to_codepoints(1) == 1  # before the CR: a span never swallows the line break


def test_crlf_not_folded_for_utf16():
    text = "a\r\nb"
    assert OffsetMap(text).to_units(3) == 3


def test_out_of_range_raises():
    with pytest.raises(IndexError):
        OffsetMap("abc").to_units(4)


pieces = st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "😀", "北", "é", "e\u0301", "🇺🇦", "\U0001f600"])
texts = st.lists(pieces, max_size=30).map("".join)


@given(texts)
def test_to_units_matches_utf16_encoding(text):
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert m.to_units(cp) == utf16_index(text, cp)


@given(texts)
def test_round_trip_every_boundary(text):
    for collapse in (False, True):
        m = OffsetMap(text, collapse_crlf=collapse)
        for cp in range(len(text) + 1):
            back = m.to_codepoints(m.to_units(cp))
            assert m.to_units(back) == m.to_units(cp)
            if not (collapse and 0 < cp < len(text) and text[cp - 1] == "\r" and text[cp] == "\n"):
                assert back == cp


@given(texts, st.data())
def test_spans_cover_their_units(text, data):
    m = OffsetMap(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    ua, ub = m.span_to_units(a, b)
    assert text.encode("utf-16-le")[ua * 2 : ub * 2].decode("utf-16-le") == text[a:b]
