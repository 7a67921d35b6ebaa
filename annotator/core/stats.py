"""Project statistics, as printed by ``annotator stats``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.store import Project


def project_stats(project: Project) -> dict[str, Any]:
    """Counts a user or a script wants to see about a project.

    Keys: ``articles``; ``done`` (articles done by at least one annotator); ``spans``
    (accepted spans per label, every label of the scheme listed); ``suggestions``
    (pending suggestions nobody decided); ``annotators`` (per annotator: done articles
    and accepted spans); ``scheme``; ``model``; ``agreement`` (as ``annotator agreement
    --json`` prints it, over the articles at least two annotators marked done).
    """
    from annotator.core.review.agreement import agreement

    accepted = {label: 0 for label in project.scheme.label_names}
    accepted.update(project.label_counts("accepted"))
    return {
        "articles": project.article_count(),
        "done": len(project.done_ids()),
        "spans": accepted,
        "suggestions": project.undecided_count(),
        "annotators": {name: _annotator_stats(project, name) for name in project.annotators()},
        "scheme": project.scheme.name,
        "model": project.get_meta("model"),
        "agreement": agreement(project),
    }


def _annotator_stats(project: Project, name: str) -> dict[str, int]:
    return {"done": project.done_count(name), "spans": project.accepted_count(name)}
