"""Stored suggestions never go over human work; runs resume; speakers are linked."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.model import SPEAKER_GUESS
from annotator.core.store import articles
from annotator.core.store import spans as span_rows
from annotator.core.suggest import suggest_articles
from annotator.core.suggest.runner import SUGGESTER
from annotator.core.suggest.suggestion import Suggestion

pytestmark = pytest.mark.model

TEXT = (
    '"Europe is not a plaything," Friedrich Merz told the German Bundestag in Berlin. '
    "At least 19 people were wounded in Zaporizhzhia."
)


def add_articles(project, texts):
    with project.transaction():
        return [i for i, _ in articles.insert_batch(project.db, [{"text": t} for t in texts])]


def rows(project, article_id):
    return span_rows.by_article(project.db, article_id)


def find(project, article_id, label, text):
    article = project.article(article_id).text
    return next(
        s
        for s in rows(project, article_id)
        if s.label == label and article[s.start : s.end] == text and s.annotator is None
    )


def test_suggestions_are_stored_with_origin_score_and_speaker(project, pipeline):
    [aid] = add_articles(project, [TEXT])
    stored = suggest_articles(project, [aid], pipeline)
    spans = rows(project, aid)
    assert stored == len(spans) > 0
    assert all(s.status == "suggested" and s.annotator is None and s.score for s in spans)
    assert {s.origin for s in spans} <= {"model", "pattern", "memory"}
    quote, merz = (
        find(project, aid, "QUOTE", "Europe is not a plaything,"),
        find(project, aid, "ACTOR", "Friedrich Merz"),
    )
    [rel] = span_rows.relations_of(project.db, aid)
    assert (rel.head_id, rel.child_id, rel.label, rel.status, rel.annotator) == (
        quote.id,
        merz.id,
        "SPEAKER",
        "suggested",
        None,
    )
    casualty = find(project, aid, "CASUALTY", "At least 19 people")
    assert project.scheme.check_attrs("CASUALTY", casualty.attrs) is None


def test_done_articles_are_not_redone(project, pipeline):
    [aid] = add_articles(project, [TEXT])
    first = suggest_articles(project, [aid], pipeline)
    assert suggest_articles(project, [aid], pipeline) == 0
    assert suggest_articles(project, [aid], pipeline, force=True) == 0  # nothing new to add
    assert len(rows(project, aid)) == first


def test_human_decisions_survive_a_forced_rerun(project, pipeline):
    [aid] = add_articles(project, [TEXT])
    suggest_articles(project, [aid], pipeline)
    merz = find(project, aid, "ACTOR", "Friedrich Merz")
    berlin = find(project, aid, "LOCATION", "Berlin")
    bundestag = find(project, aid, "ACTOR", "Bundestag")
    edits.perform(project, edits.accept, merz.id, annotator="ann")
    edits.perform(project, edits.reject, berlin.id, annotator="ann")
    edits.perform(project, edits.resize, bundestag.id, bundestag.start - 7, bundestag.end, annotator="ann")
    before = {s.id: s for s in rows(project, aid)}
    with project.transaction():  # the suggestions vanish; a rerun must not bring them back
        project.db.execute("DELETE FROM relations")
    suggest_articles(project, [aid], pipeline, force=True)
    after = {s.id: s for s in rows(project, aid)}
    assert all(after[i] == s for i, s in before.items())  # nothing changed
    assert after.keys() == before.keys()  # nothing duplicated, the rejection stands
    pending = {(s.start, s.end, s.label) for s in project.spans_for(aid, "ann") if s.is_suggestion}
    assert (berlin.start, berlin.end, "LOCATION") not in pending


def test_a_persons_span_is_not_overlapped_and_speaks_for_the_quote(project, pipeline):
    [aid] = add_articles(project, [TEXT])
    start = TEXT.index("Friedrich Merz") + len("Friedrich ")
    edits.perform(project, edits.add_span, aid, start, start + 4, "ACTOR", annotator="ann")
    suggest_articles(project, [aid], pipeline)
    actors = [s for s in rows(project, aid) if s.label == "ACTOR" and s.start < start + 4 and start < s.end]
    assert [(s.annotator, s.start) for s in actors] == [("ann", start)]
    quote = find(project, aid, "QUOTE", "Europe is not a plaything,")
    [rel] = span_rows.relations_of(project.db, aid)
    assert (rel.head_id, rel.child_id) == (quote.id, actors[0].id)  # linked to the person's ACTOR


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_interrupted_run_resumes(project, pipeline, monkeypatch, n_process):
    import annotator.core.suggest.runner as runner

    monkeypatch.setattr(runner, "WRITE_BATCH", 2)
    ids = add_articles(project, [f"{TEXT} Article {n}." for n in range(5)])
    calls = []

    def crash_after_first_batch(n):
        calls.append(n)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        suggest_articles(
            project, ids, pipeline, batch_size=1, n_process=n_process, progress=crash_after_first_batch
        )
    done = [
        r[0]
        for r in project.db.execute("SELECT article_id FROM suggest_done WHERE suggester = ?", [SUGGESTER])
    ]
    assert sorted(done) == ids[:2]
    counts = {aid: len(rows(project, aid)) for aid in ids}
    assert counts[ids[2]] == 0
    suggest_articles(project, ids, pipeline, n_process=n_process)
    assert all(len(rows(project, aid)) == counts[ids[0]] for aid in ids)


def test_cancel_stops_after_the_current_batch(project, pipeline, monkeypatch):
    import annotator.core.suggest.runner as runner

    monkeypatch.setattr(runner, "WRITE_BATCH", 1)
    ids = add_articles(project, [f"{TEXT} Item {n}." for n in range(3)])
    suggest_articles(project, ids, pipeline, cancelled=lambda: True)
    assert runner.pending_ids(project, ids) == ids[1:]


def keys(project, ids):
    return [
        [(s.start, s.end, s.label, s.origin, s.attrs.get("kind")) for s in rows(project, aid)] for aid in ids
    ]


def test_two_processes_store_the_same_as_one(project_path, tmp_path, pipeline):
    from annotator.core.store import open_project

    texts = [f"{TEXT} Report {n} from Abu Shouk." for n in range(6)]
    results = []
    for name, n_process in (("one.db", 1), ("two.db", 2)):
        with open_project(tmp_path / name, create=True) as proj:
            ids = add_articles(proj, texts)
            start = texts[0].index("Abu Shouk")
            edits.perform(proj, edits.add_span, ids[0], start, start + 9, "LOCATION", annotator="ann")
            suggest_articles(proj, ids, pipeline, batch_size=2, n_process=n_process)
            results.append(keys(proj, ids))
    assert results[0] == results[1]
    assert any(origin == "memory" for *_, origin, _ in results[1][1])


def test_words_a_person_labelled_get_no_second_label(project, pipeline):
    """A person accepted "Zaporizhzhia" as ACTOR: no LOCATION suggestion on the same words."""
    project.set_meta("memory_enabled", False)  # memory would relabel it ACTOR and hide the rule
    [aid] = add_articles(project, [TEXT])
    start = TEXT.index("Zaporizhzhia")
    edits.perform(project, edits.add_span, aid, start, start + len("Zaporizhzhia"), "ACTOR", annotator="ann")
    suggest_articles(project, [aid], pipeline)
    on_those_words = [
        (s.label, s.annotator)
        for s in rows(project, aid)
        if (s.start, s.end) == (start, start + len("Zaporizhzhia"))
    ]
    assert on_those_words == [("ACTOR", "ann")]


def test_a_guessed_speaker_is_linked_with_origin_guess_a_tagged_one_with_model(project, pipeline):
    text = (
        '"We want firefighters to have timely information," said Halem, adding that in the field, '
        '"there is generally no internet," he said.'
    )
    [aid] = add_articles(project, [text])
    suggest_articles(project, [aid], pipeline)
    by_id = {s.id: text[s.start : s.end].strip(' ,"') for s in rows(project, aid)}
    origins = {
        by_id[r.head_id]: (by_id[r.child_id], r.origin) for r in span_rows.relations_of(project.db, aid)
    }
    assert origins == {
        "We want firefighters to have timely information": ("Halem", "model"),
        "there is generally no internet": ("Halem", SPEAKER_GUESS),
    }


def test_a_guess_survives_the_trip_to_a_worker_process_and_back():
    quote = Suggestion(0, 9, "QUOTE", "pattern", 0.9, speaker=(12, 17), speaker_guess=True)
    assert Suggestion.from_dict(quote.to_dict()) == quote
    assert not Suggestion.from_dict({**quote.to_dict(), "speaker_guess": None}).speaker_guess
