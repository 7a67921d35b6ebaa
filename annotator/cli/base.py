"""The click group, error handling (one ``error:`` line, ``--debug`` for the traceback), progress."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from click_default_group import DefaultGroup

from annotator import __version__
from annotator.cli.self_check import self_check_option
from annotator.core.errors import AnnotatorError

F = TypeVar("F", bound=Callable[..., Any])


class AnnotatorGroup(DefaultGroup):  # type: ignore[misc]  # click-default-group ships no type information
    """``annotator PROJECT`` means ``annotator open PROJECT``; errors print as one line.

    Command modules are imported only when their command runs (or help lists them), so
    ``annotator --version`` and light commands never pay for spaCy, Qt or the store.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_modules: dict[str, str] = {}  # command name -> module that registers it

    def _load(self, names: list[str]) -> None:
        for name in names:
            module = self.lazy_modules.pop(name, None)
            if module and name not in self.commands:
                importlib.import_module(module)

    def get_command(self, ctx: click.Context, cmd_name: str):
        self._load([cmd_name] if cmd_name in self.lazy_modules else [self.default_cmd_name])
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load(list(self.lazy_modules))
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):
        from annotator.core.store import RAW_ERRORS  # loaded when a command runs, not for --version

        shown: tuple[type[BaseException], ...] = (AnnotatorError, *RAW_ERRORS, RecursionError, MemoryError)
        try:
            return super().invoke(ctx)
        except shown as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {_explained(exc)}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("error: interrupted; everything committed so far is kept", err=True)
            sys.exit(130)


def _explained(exc: BaseException) -> str:
    """The message for an error that reached the command line."""
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read (refused)"
    if isinstance(exc, MemoryError):
        return "out of memory; the input is too large for this machine"
    from annotator.core.store import RAW_ERRORS, translate

    mapped = translate(exc, getattr(exc, "filename", None) or "project", "the command")
    return str(mapped if isinstance(exc, RAW_ERRORS) and mapped else exc)


@click.group(
    cls=AnnotatorGroup,
    default="open",
    default_if_no_args=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="annotator")
@self_check_option
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Label actors, locations, quotes and casualty figures in news text.

    Run `annotator PROJECT` (or just `annotator`) to open the desktop window.
    """
    ctx.ensure_object(dict)["debug"] = debug


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[Callable[..., None]]:
    """A progress bar on a terminal (rich); silent when stderr is not a terminal.

    Yields ``advance(n=1, total=None)``.
    """
    if not sys.stderr.isatty():
        yield lambda n=1, total=None: None
        return
    from rich.progress import Progress

    with Progress(transient=False) as bar:
        task = bar.add_task(description, total=total)

        def advance(n: int = 1, total: int | None = None) -> None:
            if total is None:
                bar.update(task, advance=n)
            else:
                bar.update(task, advance=n, total=total)

        yield advance


def defaulted(*decls: str, default: Any, type: Any, help: str) -> Callable[[F], F]:
    """An option whose help shows its default (the CLI's numbers, seeds and formats)."""
    return click.option(*decls, default=default, show_default=True, type=type, help=help)


def status_option(choices: list[str], help: str) -> Callable[[F], F]:
    """``--status``: which articles a command takes; the first choice is the default."""
    return defaulted("--status", default=choices[0], type=click.Choice(choices), help=help)


def project_argument(func):
    """The PROJECT argument shared by commands."""
    return click.argument("project", type=click.Path(dir_okay=False))(func)
