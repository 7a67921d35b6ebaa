"""Project statistics, as printed by ``annotator stats``."""

from __future__ import annotations

from annotator.core.store import articles
from annotator.core.store import spans as span_rows


def project_stats(project) -> dict:
    """Counts a user or a script wants to see about a project.

    Keys: ``articles``; ``done`` (articles done by at least one annotator); ``spans``
    (accepted spans per label, every label of the scheme listed); ``suggestions``
    (pending suggestions nobody decided); ``annotators`` (per annotator: done articles
    and accepted spans); ``scheme``; ``model``.
    """
    db = project.db
    accepted = {label: 0 for label in project.scheme.label_names}
    accepted.update(span_rows.label_counts(db, "accepted"))
    pending = db.execute(
        "SELECT count(*) FROM spans s WHERE annotator IS NULL AND status = 'suggested' "
        "AND NOT EXISTS (SELECT 1 FROM spans d WHERE d.suggestion_id = s.id)"
    ).fetchone()[0]
    return {
        "articles": articles.count(db),
        "done": len(articles.done_ids(db)),
        "spans": accepted,
        "suggestions": pending,
        "annotators": {name: _annotator_stats(db, name) for name in articles.annotators(db)},
        "scheme": project.scheme.name,
        "model": project.get_meta("model"),
    }


def _annotator_stats(db, name: str) -> dict:
    done = articles.done_count(db, name)
    spans = db.execute(
        "SELECT count(*) FROM spans WHERE annotator = ? AND status = 'accepted'", [name]
    ).fetchone()[0]
    return {"done": done, "spans": spans}
