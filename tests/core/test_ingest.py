"""Importing .txt, .jsonl and .csv: dedupe, labels of the annotator named, and every bad input."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.ingest import ImportCancelled, ImportOptions, import_sources
from annotator.core.stats import project_stats
from annotator.core.store import spans as span_rows
from annotator.paths import samples_dir

TEXT = "Putin met Witkoff in Moscow. “We agree,” Ushakov said."


def jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def span(text, word, label, **extra):
    start = text.index(word)
    return {"start": start, "end": start + len(word), "label": label, **extra}


def test_samples_import_once(project):
    report = import_sources(project, [str(samples_dir())], fmt="txt")
    assert report.articles_added == 5
    again = import_sources(project, [str(samples_dir() / "*.txt")])
    assert again.articles_added == 0 and again.articles_existing == 5
    assert project.article_count() == 5
    first = project.article(1)
    assert first.title and first.meta["file"].endswith(".txt")


def test_jsonl_prodigy_spans_become_accepted_and_done(project, tmp_path):
    row = {
        "text": TEXT,
        "meta": {"source": "wire", "id": 7},
        "spans": [
            span(TEXT, "Putin", "ACTOR"),
            span(TEXT, "Moscow", "LOCATION"),
            span(TEXT, "We agree,", "QUOTE"),
            span(TEXT, "Ushakov", "ACTOR"),
        ],
        "relations": [
            {
                "head_span": span(TEXT, "We agree,", "QUOTE"),
                "child_span": span(TEXT, "Ushakov", "ACTOR"),
                "label": "SPEAKER",
            }
        ],
    }
    import_sources(project, [str(jsonl(tmp_path / "a.jsonl", [row]))], annotator="ann")
    spans = span_rows.accepted(project.db, 1, "ann")
    assert next((s.text_in(TEXT), s.label, s.origin) for s in spans) == ("Putin", "ACTOR", "human")
    assert len(spans) == 4
    assert project.state(1, "ann") == "done"
    assert project.article(1).meta == {"source": "wire", "id": 7}
    rel = project.relations_for(1, "ann")
    assert len(rel) == 1 and project.span(rel[0].head_id).label == "QUOTE"


def test_doccano_label_and_entities_forms(project, tmp_path):
    rows = [
        {"text": TEXT, "label": [[0, 5, "ACTOR"]]},
        {
            "text": TEXT + " More.",
            "entities": [{"id": 1, "start_offset": 21, "end_offset": 27, "label": "LOCATION"}],
        },
    ]
    import_sources(project, [str(jsonl(tmp_path / "d.jsonl", rows))], annotator="ann")
    assert [s.label for s in span_rows.accepted(project.db, 1)] == ["ACTOR"]
    assert [s.text_in(TEXT) for s in span_rows.accepted(project.db, 2)] == ["Moscow"]


def test_same_file_twice_adds_nothing_two_annotators_make_one_project(project, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [{"text": TEXT, "spans": [span(TEXT, "Putin", "ACTOR")]}])
    import_sources(project, [str(path)], annotator="ann")
    again = import_sources(project, [str(path)], annotator="ann")
    assert again.spans_added == 0 and again.spans_existing == 1
    import_sources(project, [str(path)], annotator="bob")
    stats = project_stats(project)
    assert stats["articles"] == 1
    assert stats["spans"]["ACTOR"] == 2
    assert set(stats["annotators"]) == {"ann", "bob"}


def test_csv_text_column_and_meta(project, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,body,source\n1,"First, article",bbc\n2,"Second\nline",dw\n', encoding="utf-8")
    import_sources(project, [str(path)], options=ImportOptions(text_column="body"))
    assert project.article(2).text == "Second\nline"
    assert project.article(1).meta == {"id": "1", "source": "bbc"}


def test_utf8_bom_is_accepted(project, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffKyiv said".encode("utf-8"))
    import_sources(project, [str(path)])
    assert project.article(1).text == "Kyiv said"


def test_other_encoding_refused_naming_file_then_read_with_flag(project, tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "Zelensk\xe9"}\n')
    with pytest.raises(InputError, match=r"latin\.jsonl:2: not UTF-8 text.*--encoding"):
        import_sources(project, [str(path)])
    assert project.article_count() == 0
    import_sources(project, [str(path)], options=ImportOptions(encoding="latin-1"))
    assert project.article(2).text == "Zelenské"


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"text": "a"', "not valid JSON"),
        ('["text"]', "expected a JSON object"),
        ('{"title": "no text"}', 'missing "text"'),
        ('{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "ACTOR"}]}', "outside the text"),
        ('{"text": "abc", "spans": [{"start": 2, "end": 1, "label": "ACTOR"}]}', "does not start before"),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PERSON"}]}',
            "'PERSON' is not in the scheme",
        ),
        (
            '{"text": "abc", "spans": [{"start": "0", "end": 1, "label": "ACTOR"}]}',
            "offsets must be integers",
        ),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "CASUALTY", "attrs": {"kind": "eaten"}}]}',
            "kind must be one of",
        ),
        ('{"text": "abc", "meta": [1]}', '"meta" must be an object'),
        ('{"text": "abc", "label": [[0, 1]]}', "doccano label must be"),
    ],
)
def test_broken_line_refused_as_file_line_and_nothing_written(project, tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "a good article", "spans": [{"start": 0, "end": 1, "label": "ACTOR"}]})
    path.write_text(good + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_sources(project, [str(path)], annotator="ann")
    assert str(info.value).startswith(f"{path}:3: ")
    assert problem in str(info.value)
    assert project.article_count() == 0
    assert project.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_add_labels_extends_the_scheme(project, tmp_path):
    path = jsonl(
        tmp_path / "a.jsonl", [{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "WEAPON"}]}]
    )
    report = import_sources(project, [str(path)], annotator="ann", add_labels=True)
    assert report.labels_added == ["WEAPON"]
    assert "WEAPON" in project.scheme.label_names
    assert "WEAPON" in project.get_meta("scheme")["labels"][-1]["name"]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("body\nx\n", "no column 'text'"),
        ("", "empty CSV file"),
        ('text,a\n"x",1\n"y",2,3\n', "row has 3 fields"),
        ('text,a\n"",1\n', "empty 'text' cell"),
    ],
)
def test_bad_csv(project, tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        import_sources(project, [str(path)])
    assert project.article_count() == 0


def test_empty_txt_refused(project, tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.txt:1: empty file"):
        import_sources(project, [str(tmp_path / "empty.txt")])


def test_missing_source_and_unmatched_glob(project, tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        import_sources(project, [str(tmp_path / "nope.jsonl")])
    with pytest.raises(InputError, match="matches no file"):
        import_sources(project, [str(tmp_path / "*.jsonl")])


def test_unknown_ending_needs_format(project, tmp_path):
    (tmp_path / "a.dat").write_text("x")
    with pytest.raises(InputError, match="--format"):
        import_sources(project, [str(tmp_path / "a.dat")])
    import_sources(project, [str(tmp_path / "a.dat")], fmt="txt")
    assert project.article_count() == 1


def test_cancel_writes_nothing(project, tmp_path):
    path = jsonl(tmp_path / "many.jsonl", [{"text": f"article {i}"} for i in range(2500)])
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ImportCancelled):
        import_sources(project, [str(path)], cancelled=cancelled)
    assert project.article_count() == 0


def test_crlf_and_emoji_text_kept_exactly(project, tmp_path):
    text = "Line one 😀\r\nLine two 北京 e\u0301"
    path = jsonl(tmp_path / "a.jsonl", [{"text": text, "spans": [span(text, "北京", "LOCATION")]}])
    import_sources(project, [str(path)], annotator="ann")
    article = project.article(1)
    assert article.text == text
    assert span_rows.accepted(project.db, 1)[0].text_in(article.text) == "北京"


def test_import_is_one_history_entry(project, tmp_path):
    import_sources(project, [str(samples_dir())])
    rows = project.history()
    assert len(rows) == 1 and rows[0]["action"] == "import"


def test_csv_bad_byte_names_its_line(project, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b'text\nfine\n"also\nfine"\nbad \xff\n')
    with pytest.raises(InputError, match=r"a\.csv:5: not UTF-8"):
        import_sources(project, [str(path)])


def test_utf16_with_encoding_flag(project, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "Київ 😀"}\n{"text": "two"}\n'.encode("utf-16"))
    import_sources(project, [str(path)], options=ImportOptions(encoding="utf-16"))
    assert project.article(1).text == "Київ 😀"


def test_unknown_encoding_is_named(project, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [{"text": "x"}])
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        import_sources(project, [str(path)], options=ImportOptions(encoding="klingon"))
