"""``annotator train``: fine-tune the spaCy pipeline on the project's finished articles."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import click

from annotator.cli.base import cli, defaulted, project_argument, status_option
from annotator.core.errors import ProjectError
from annotator.core.store import open_project


@cli.command()
@project_argument
@click.option(
    "--output",
    type=click.Path(file_okay=False),
    help="Model folder (default: under the project's folder, and it becomes the project's model).",
)
@click.option(
    "--base", help="spaCy model to start from (default: the project's model, or the one it was trained from)."
)
@click.option(
    "--labels", help="Entity labels to train, comma-separated (default: the scheme's entity labels)."
)
@defaulted("--dev", default=0.2, type=float, help="Share of the articles held out to score.")
@defaulted("--seed", default=0, type=int, help="Random seed of the split and the training.")
@defaulted(
    "--max-minutes",
    default=10.0,
    type=click.FloatRange(0.1),
    help="Stop after this long, keeping the best model.",
)
@defaulted(
    "--max-epochs", default=30, type=click.IntRange(1), help="Passes over the training articles at most."
)
@click.option("--annotator", help="Learn from this annotator's articles only.")
@status_option(["done", "reviewed"], "Which articles count as finished.")
def train(project: str, output: str | None, labels: str | None, **choices: Any) -> None:
    """Fine-tune the spaCy model on the labels of finished articles.

    spaCy's own training loop updates the entity recognizer (ACTOR, LOCATION), rehearsing the
    base model's dates, times, numbers and sums so it keeps them for the casualty rules; the
    tokenizer, tagger and parser come unchanged from the base model. QUOTE and CASUALTY stay
    rule-based (benchmarks/bench_spancat.py: a span categorizer trained on the dev golds
    stays far below the rules). Prints one line per epoch and, at
    the end, P/R/F1 per label of the base and the trained suggestions on the held-out
    articles, with a warning naming any label the trained model scores lower on. Ctrl+C
    stops and keeps the best model so far.
    """
    from annotator.core.train import TrainOptions, train_project

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a window's Cancel stops cleanly too
    options = TrainOptions(
        output=Path(output) if output else None,
        labels=[x.strip() for x in labels.split(",") if x.strip()] if labels else None,
        **choices,
    )
    with open_project(project) as proj:  # shares the file with a window (README)
        if output is None and proj.read_only:
            raise ProjectError(f"{project}: opened read-only; give --output to save the model elsewhere")
        result = train_project(proj, options, report=lambda line: click.echo(line))
    click.echo(score_table(result.scores))
    click.echo(f"model: {result.output}  (annotator suggest {project} --model {result.output})")
    warning = below_base_warning(result.scores, project, result.base, recorded=output is None)
    if warning:
        click.echo(warning)


def below_base_warning(scores: dict[str, Any], project: str, base: str, recorded: bool) -> str | None:
    """A plain warning when the trained suggestions score below the base's on the held-out
    articles for some label, saying how to go back; None when none does."""
    from annotator.core.train import below_base

    lower = below_base(scores)
    if not lower:
        return None
    which = ", ".join(f"{label} {trained:.2f} < {was:.2f}" for label, trained, was in lower)
    now = "it is now the project's model; " if recorded else ""
    return (
        f"warning: the trained suggestions score below the base's on the held-out articles ({which}). "
        f"Label more articles before relying on it: {now}`annotator suggest {project} --model {base}` goes back."
    )


def score_table(scores: dict[str, Any]) -> str:
    """Per-label P/R/F1 of the base and the trained suggestions, one row per label."""
    lines = [f"{'dev':<10}{'base P':>8}{'R':>6}{'F1':>6}   {'trained P':>9}{'R':>6}{'F1':>6}   n"]
    for label, (base_prf, n) in scores.get("base", {}).items():
        trained_prf, _ = scores["trained"][label]
        lines.append(
            f"{label:<10}" + "".join(f"{v:{8 if i == 0 else 6}.2f}" for i, v in enumerate(base_prf))
            + "   " + "".join(f"{v:{9 if i == 0 else 6}.2f}" for i, v in enumerate(trained_prf))
            + f"   {n}"
        )  # fmt: skip
    return "\n".join(lines)
