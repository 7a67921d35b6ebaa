"""``annotator merge``, ``annotator agreement`` and ``annotator history``."""

from __future__ import annotations

import json

import click

from annotator.cli.base import cli, project_argument, status_option
from annotator.core.label_map import parse_label_map
from annotator.core.review import compute_agreement, history_entries, iso_date
from annotator.core.review import merge_projects as merge_files
from annotator.core.store import open_project


@cli.command()
@project_argument
@click.argument("others", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--label-map", "label_map", multiple=True, help="Rename a label of the other files: OLD=NEW.")
def merge(project: str, others: tuple[str, ...], as_json: bool, label_map: tuple[str, ...]) -> None:
    """Bring other project files' articles, decisions, states and history into PROJECT.

    An annotator's decisions on an article come whole from the file where they are
    newest; merging twice, or both ways, changes nothing more. One transaction: a refused
    file (another scheme, newer version, corrupt) leaves PROJECT as it was.
    """
    mapping = parse_label_map(label_map)
    with open_project(project) as proj:
        reports = merge_files(proj, list(others), mapping)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in reports], indent=2, ensure_ascii=False))
        return
    for report in reports:
        click.echo(report.summary())


def _fmt(value) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


@cli.command()
@project_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--label", help="Only this label.")
@click.option("--annotators", help="Comma-separated annotators to compare (default: everyone).")
@status_option(
    ["done", "all"], "done: articles at least two of them marked done; all: articles at least two worked on."
)
def agreement(project: str, as_json: bool, label: str | None, annotators: str | None, status: str) -> None:
    """Agreement between annotators: span F1, Cohen's and Fleiss' kappa, Krippendorff's alpha."""
    names = [n.strip() for n in annotators.split(",") if n.strip()] if annotators else None
    with open_project(project, read_only=True) as proj:
        result = compute_agreement(proj, label=label, annotators=names, status=status)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    overall = result["overall"]
    click.echo(
        f"annotators: {', '.join(result['annotators']) or '-'}; {overall['articles']} article(s) compared "
        f"({overall['kappa_articles']} by all), {overall['spans']} span(s), {overall['tokens']} token(s)"
    )
    click.echo(f"{'label':<12} {'F1 exact':>8} {'F1 overlap':>10} {'kappa':>6} {'alpha':>6} {'spans':>6}")
    for name, row in [*result["labels"].items(), ("overall", overall)]:
        click.echo(
            f"{name:<12} {_fmt(row['f1_exact']):>8} {_fmt(row['f1_overlap']):>10} "
            f"{_fmt(row['kappa']):>6} {_fmt(row['alpha']):>6} {row['spans']:>6}"
        )
    for key, title in (
        ("quote_speaker", "QUOTE speaker agrees"),
        ("casualty_count", "CASUALTY counts agree"),
    ):
        part = overall[key]
        click.echo(f"{title}: {_fmt(part['share']).strip()} ({part['agree']} of {part['shared']} shared)")
    for pair in result["pairs"]:
        a, b = pair["annotators"]
        click.echo(
            f"pair {a} / {b}: F1 exact {_fmt(pair['f1_exact']).strip()}, overlap {_fmt(pair['f1_overlap']).strip()}, "
            f"Cohen's kappa {_fmt(pair['kappa']).strip()} ({pair['articles']} article(s), {pair['spans']} span(s))"
        )


@cli.command()
@project_argument
@click.option("--article", type=int, help="Only this article id.")
@click.option("--annotator", help="Only this person's changes.")
@click.option("--since", help="Only changes at or after this ISO date or time (UTC), e.g. 2026-11-28.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def history(
    project: str, article: int | None, annotator: str | None, since: str | None, as_json: bool
) -> None:
    """Every change from the append-only history: who, when, what before and after."""
    with open_project(project, read_only=True) as proj:
        entries = history_entries(proj, article_id=article, annotator=annotator, since=iso_date(since))
    if as_json:
        click.echo(json.dumps(entries, indent=2, ensure_ascii=False))
        return
    for entry in entries:
        where = f"article {entry['article_id']}" if entry["article_id"] is not None else "project"
        click.echo(
            f"{entry['at']}  {entry['annotator'] or '-':<10} {entry['action']:<24} {where}: {entry['summary']}"
        )
