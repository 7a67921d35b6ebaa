"""Projects labelled by several annotators through the edits API (the way a person labels)."""

from __future__ import annotations

from annotator.core import edits
from annotator.core.ingest import import_sources


def add_texts(project, tmp_path, texts: list[str]) -> list[int]:
    """Import ``texts`` as .txt articles; their ids in order."""
    folder = tmp_path / f"texts{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    import_sources(project, [str(folder)], fmt="txt")
    by_text = {project.article(a).text.strip(): a for a in range(1, project.article_count() + 1)}
    return [by_text[t.strip()] for t in texts]


def label(project, article_id: int, annotator: str, spans: list[tuple], done: bool = True) -> dict:
    """Add ``(start, end, label[, attrs])`` spans for ``annotator``; mark done. Returns {edges: id}."""
    ids = {}
    for start, end, name, *attrs in spans:
        edit = edits.perform(
            project, edits.add_span, article_id, start, end, name, annotator, attrs[0] if attrs else None
        )
        ids[(start, end)] = edit.focus_span_id
    if done:
        edits.perform(project, edits.set_state, article_id, "done", annotator)
    return ids
