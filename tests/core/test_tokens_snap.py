"""Token-edge snapping and one-token boundary moves (spaCy's blank tokenizer, no model)."""

from annotator.core.tokens import move_edge, snap, token_at, tokenize

TEXT = 'Putin said: "We will not retreat," adding that (at least) 19 people died.'


def _cut(span):
    return TEXT[span[0] : span[1]] if span else None


def test_partial_words_are_taken_whole():
    tokens = tokenize(TEXT)
    start = TEXT.index("utin")
    assert _cut(snap(tokens, start, start + 2)) == "Putin"


def test_spaces_and_punctuation_never_end_a_span():
    tokens = tokenize(TEXT)
    start = TEXT.index(' "We')
    end = TEXT.index('," adding') + 3
    assert _cut(snap(tokens, start, end)) == "We will not retreat"
    start = TEXT.index("(at")
    assert _cut(snap(tokens, start - 1, TEXT.index(")") + 2)) == "at least"


def test_selection_of_only_punctuation_or_space_snaps_to_nothing():
    tokens = tokenize(TEXT)
    colon = TEXT.index(":")
    assert snap(tokens, colon, colon + 2) is None
    assert snap(tokens, 5, 5) is None


def test_token_at_position():
    tokens = tokenize(TEXT)
    assert _cut(token_at(tokens, TEXT.index("retreat") + 3)) == "retreat"
    assert token_at(tokens, TEXT.index(":") + 1) is None


def test_move_edges_by_one_word_token():
    tokens = tokenize(TEXT)
    span = (TEXT.index("will"), TEXT.index("will") + 4)
    assert _cut(move_edge(tokens, *span, "start", -1)) == "We will"
    assert _cut(move_edge(tokens, *span, "end", +1)) == "will not"
    grown = move_edge(tokens, *span, "end", +1)
    assert _cut(move_edge(tokens, *grown, "start", +1)) == "not"
    assert _cut(move_edge(tokens, *grown, "end", -1)) == "will"
    # crossing punctuation lands on the next word, never on the mark
    assert _cut(move_edge(tokens, TEXT.index("We"), TEXT.index("We") + 2, "start", -1)) == 'said: "We'


def test_moves_that_would_empty_the_span_or_leave_the_text_are_refused():
    tokens = tokenize(TEXT)
    assert move_edge(tokens, 0, 5, "start", +1) is None
    assert move_edge(tokens, 0, 5, "end", -1) is None
    assert move_edge(tokens, 0, 5, "start", -1) is None
    last = TEXT.index("died")
    assert move_edge(tokens, last, last + 4, "end", +1) is None


def test_emoji_text_keeps_code_point_offsets():
    text = "🎉🎉 Zelensky 👍 spoke."
    tokens = tokenize(text)
    start = text.index("Zelensky")
    assert snap(tokens, start - 1, start + 3) == (start, start + len("Zelensky"))
