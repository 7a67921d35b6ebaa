"""File → Import / Export and dropped files: background jobs behind a cancellable progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from annotator._qt import settings as saved
from annotator._qt.background import BackgroundOp, Changes, OpContext
from annotator._qt.widgets import file_dialogs
from annotator._qt.widgets.doccano_credit import MEMBERS, MINE, ask_doccano_credit
from annotator._qt.window_words import in_window_words
from annotator.core.store import open_project

IMPORT_FILTER = "Articles (*.txt *.jsonl *.json *.csv *.tsv *.zip);;All files (*)"


class FileJobs(QObject):
    """Starts import and export jobs for one project and reports how they ended."""

    changed = Signal(object)  # Changes of a finished job
    message = Signal(str)

    def __init__(self, window, path: Path, annotator: Callable[[], str]):
        super().__init__(window)
        self._window, self._path, self._annotator = window, Path(path), annotator
        self._jobs: list[BackgroundOp] = []

    def choose_import(self) -> None:
        settings = self._window.settings
        files, _ = file_dialogs.open_file_names(
            self._window, "Import articles", saved.files_folder(settings), IMPORT_FILTER
        )
        if files:
            saved.remember_folder(settings, files[0])
            self.start_import(files)

    def start_import(self, files: list[str]) -> BackgroundOp | None:
        """Import ``files`` in the background; the views refresh when it is done. A Label
        Studio export first asks for its users' names, doccano per-member export files whose
        labels they are (None: that was cancelled)."""
        from annotator.core.ingest import reads_labelstudio

        user_map: dict[str, str] | None = {}
        if reads_labelstudio(files):
            from annotator._qt.widgets.user_map_dialog import ask_user_map

            user_map = ask_user_map(self._window)
        credit = self._doccano_credit(files) if user_map is not None else None
        if user_map is None or credit == "":
            self.message.emit("Import cancelled.")
            return None
        job = self._run(
            "Importing",
            import_work(self._path, files, self._annotator(), user_map, credit),
            "records read",
            changes=lambda report: Changes(articles=True),
        )
        job.succeeded.connect(self._import_done)
        return job

    def _doccano_credit(self, files: list[str]) -> str | None:
        """For doccano per-member export files, who gets their labels (:data:`MEMBERS` or
        :data:`MINE`; asked unless they are all named for the annotator); "" when cancelled,
        None for other files."""
        from annotator.core.ingest import doccano_members

        users = doccano_members(files)
        if not users:
            return None
        me = self._annotator()
        if set(users) == {me}:
            return MEMBERS
        return ask_doccano_credit(self._window, files, users, me) or ""

    def choose_export(self) -> None:
        filters = export_filters()
        settings = self._window.settings
        folder, last = saved.export_choice(settings)
        fmt = last if last is not None and last in filters.values() else next(iter(filters.values()))
        out, chosen = ask_export_file(self._window, folder, project_stem(self._path), filters, fmt)
        if out:
            target, fmt = export_target(out, filters.get(chosen, fmt))
            saved.remember_export(settings, target, fmt)
            self.start_export(target, fmt)

    def start_export(self, out: Path, fmt: str) -> BackgroundOp:
        """Export the done articles to ``out`` in the background."""
        job = self._run("Exporting", export_work(self._path, out, fmt, None), "articles written")
        job.succeeded.connect(lambda report: self._report(f"Exported to {out} ({fmt})", report))
        return job

    def _run(self, title: str, work, unit: str, changes=None) -> BackgroundOp:
        job = BackgroundOp(work, changes, self)
        job.changed.connect(self.changed)
        dialog = QProgressDialog(f"{title}…", "Cancel", 0, 0, self._window)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)
        job.progressed.connect(lambda n: dialog.setLabelText(f"{title}… {n:,} {unit}"))
        job.failed.connect(lambda error: self._failed(title, error))
        job.cancelled.connect(lambda text: self.message.emit(f"{title} stopped: {text}"))
        job.finished.connect(dialog.reset)
        job.finished.connect(lambda: self._jobs.remove(job))
        self._jobs.append(job)
        return job.start()

    def _import_done(self, report) -> None:
        added = report.articles_added
        text = f"Imported {added:,} new article{'' if added == 1 else 's'} ({report.articles_existing:,} already there)"
        self.message.emit(text)
        if report.notes:  # who got what, and what was left out or credited by file name
            QMessageBox.information(self._window, "Done", f"{text}\n\n{report.summary_text()}")

    def _report(self, text: str, report) -> None:
        summary = in_window_words(report.summary()) if hasattr(report, "summary") else ""
        self.message.emit(text)
        if summary:
            QMessageBox.information(self._window, "Done", f"{text}\n\n{summary}")

    def _failed(self, title: str, error: str) -> None:
        error = in_window_words(error)
        self.message.emit(f"{title} failed: {error}")
        QMessageBox.warning(self._window, f"{title} failed", error)

    def wait_all(self) -> None:
        """Let running jobs finish or cancel (on close)."""
        for job in list(self._jobs):
            job.cancel()
            job.wait()


def import_work(
    path: Path,
    sources: list[str],
    annotator: str,
    user_map: dict[str, str] | None = None,
    doccano: str | None = None,
):
    """Work importing ``sources`` into the project at ``path`` through its own connection;
    ``user_map`` names Label Studio users (as ``--user-map``); ``doccano`` says who gets the
    labels of doccano per-member export files (:data:`MEMBERS`: each file's member,
    :data:`MINE`: ``annotator``)."""

    def work(ctx: OpContext):
        from annotator.core.ingest import ImportOptions, import_sources, unused_notes

        options = ImportOptions(user_map=user_map or {})
        with open_project(path) as project:
            report = import_sources(
                project,
                sources,
                fmt="doccano" if doccano else "auto",
                annotator=annotator,
                single_annotator=doccano == MINE,
                doccano_members=doccano == MEMBERS,
                options=options,
                progress=ctx.progress,
                cancelled=ctx.cancelled,
            )
        report.notes += unused_notes(options.user_map, report.annotators)
        return report

    return work


def export_work(path: Path, out_path: Path, fmt: str, annotator: str | None):
    """Work exporting the done articles of the project at ``path``."""

    def work(ctx: OpContext):
        from annotator.core.export import export_project

        with open_project(path) as project:
            return export_project(
                project, out_path, fmt, annotator=annotator, progress=ctx.progress, cancelled=ctx.cancelled
            )

    return work


def export_target(out: str, fmt: str) -> tuple[Path, str]:
    """The file and format to export to, from the save dialog's name ``out`` and the format
    ``fmt`` of its file-type filter. A name ending in another format's suffix is written in
    that format (a typed ``corpus.jsonl`` is JSONL, whichever filter showed); a name without
    one gets ``fmt``'s suffix (the dialog adds none)."""
    from annotator.core.export import FORMATS

    path, wanted = Path(out), FORMATS[fmt].suffix
    suffix = path.suffix.lower()
    if not wanted or suffix == wanted:
        return path, fmt
    named = [name for name, writer in FORMATS.items() if suffix and writer.suffix == suffix]
    return (path, named[0]) if named else (path.with_name(path.name + wanted), fmt)


def ask_export_file(parent, folder: str, stem: str, filters: dict[str, str], fmt: str) -> tuple[str, str]:
    """The export's save dialog, proposing ``stem`` with the suffix of format ``fmt`` in
    ``folder``; the name follows the file-type filter chosen. ``(file, filter)``, or ``("", "")``
    when cancelled."""
    dialog = file_dialogs.file_dialog(parent, "Export done articles", folder, ";;".join(filters))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectNameFilter(next(shown for shown, name in filters.items() if name == fmt))
    dialog.selectFile(follow_format(stem, fmt))

    def follow(shown: str) -> None:
        typed = Path(dialog.selectedFiles()[0]).name if dialog.selectedFiles() else stem
        dialog.selectFile(follow_format(typed, filters.get(shown, fmt)))

    dialog.filterSelected.connect(follow)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def follow_format(name: str, fmt: str) -> str:
    """``name`` with the suffix of format ``fmt`` in place of another format's (brat writes a
    folder: no suffix)."""
    from annotator.core.export import FORMATS

    path = Path(name)
    known = {writer.suffix for writer in FORMATS.values() if writer.suffix}
    base = path.stem if path.suffix.lower() in known else path.name
    return base + FORMATS[fmt].suffix


def project_stem(path: Path) -> str:
    """The project's name without its file suffixes (``samples.annotator.db`` -> ``samples``)."""
    name = Path(path).name
    while Path(name).suffix.lower() in _PROJECT_SUFFIXES and Path(name).stem:
        name = Path(name).stem
    return name


_PROJECT_SUFFIXES = {".db", ".sqlite", ".sqlite3", ".annotator"}


def export_filters() -> dict[str, str]:
    """File-dialog filter -> export format, one per format the core writes."""
    from annotator.core.export import FORMATS  # imported on demand: it loads spaCy

    return {
        f"{name} (*{writer.suffix})" if writer.suffix else f"{name} (folder)": name
        for name, writer in FORMATS.items()
    }
