"""``annotator suggest``: store suggestions for every article, resumably."""

from __future__ import annotations

import click

from annotator.cli.base import cli, defaulted, progress, project_argument
from annotator.core.store import announced, open_project


@cli.command()
@project_argument
@click.option("--model", help="spaCy model name or path (saved as the project's choice).")
@defaulted("--n-process", default=1, type=click.IntRange(1, 64), help="Worker processes for spaCy.")
@defaulted("--batch-size", default=64, type=click.IntRange(1, 10_000), help="Texts per spaCy batch.")
@click.option(
    "--only-new", is_flag=True, help="Only articles nobody has touched yet (state 'new' for every annotator)."
)
@click.option(
    "--force",
    is_flag=True,
    help="Suggest again for articles already done with this model (adds only what is missing; never changes "
    "existing rows). Not needed after a model change: another model's pending suggestions are replaced.",
)
@click.option(
    "--memory/--no-memory",
    default=None,
    help="Turn annotation memory on or off for this project (saved; default: on).",
)
def suggest(
    project: str,
    model: str | None,
    n_process: int,
    batch_size: int,
    only_new: bool,
    force: bool,
    memory: bool | None,
) -> None:
    """Suggest actors, locations, quotes with speakers and casualty figures.

    Resumable: articles finished by an earlier (interrupted) run are skipped. Suggestions never
    change or duplicate a span a person accepted, edited or rejected.
    """
    from annotator.core.suggest import load_pipeline, pending_ids, stale_ids, suggest_articles

    with open_project(project) as proj:  # shares the file with a window or an import (README)
        if memory is not None:
            proj.set_meta("memory_enabled", memory)
        pipeline = load_pipeline(model, proj)
        if pipeline.notice:
            click.echo(f"note: {pipeline.notice}", err=True)
        ids = proj.untouched_ids() if only_new else proj.article_ids()
        todo = ids if force else pending_ids(proj, ids, pipeline.model_name)
        replaced = len(stale_ids(proj, todo, pipeline.model_name))
        withdrawn: list[int] = []
        with (
            announced(proj, "suggesting", "the suggest run"),
            progress(f"suggesting ({pipeline.model_name})", total=len(todo)) as advance,
        ):
            stored = suggest_articles(
                proj,
                todo,
                pipeline,
                force=force,
                batch_size=batch_size,
                n_process=n_process,
                progress=advance,
                withdrew=lambda _article, n: withdrawn.append(n),
            )
    click.echo(
        f"{len(todo)} article(s) processed, {len(ids) - len(todo)} already done; "
        f"{stored} suggestion(s) stored with {pipeline.model_name}"
        + (
            f"; {sum(withdrawn)} memory suggestion(s) withdrawn (memory no longer supports them)"
            if withdrawn
            else ""
        )
        + (f"; {replaced} article(s) had another model's pending suggestions, replaced" if replaced else "")
    )
