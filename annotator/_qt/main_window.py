"""The main window: layout, menus, status bar, and wiring of the parts (no editing logic here)."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from annotator._qt import preferences
from annotator._qt import settings as saved
from annotator._qt.actions import ACTIONS, MENUS, build_actions, label_action
from annotator._qt.activity import ActivityWatcher
from annotator._qt.annotating import Annotating
from annotator._qt.background import ChangeBus, Changes
from annotator._qt.file_jobs import FileJobs
from annotator._qt.focus_return import FocusReturn
from annotator._qt.label_style import palette_setting
from annotator._qt.models.article_list import ArticleListModel
from annotator._qt.open_article import OpenArticleNote
from annotator._qt.place import PlaceKeeper
from annotator._qt.review.view_menu import ViewMenu, blind_setting
from annotator._qt.train_dialog import add_model_menu
from annotator._qt.widgets import dialogs, file_dialogs
from annotator._qt.widgets.article_list import ArticleListPane
from annotator._qt.widgets.settings_dialog import ASK_DONE, flag
from annotator._qt.widgets.shortcuts_sheet import ShortcutsSheet
from annotator._qt.widgets.span_panel import SpanPanel
from annotator._qt.widgets.text_view import SpanTextView
from annotator.core.store import ArticleQuery, search_hits

AHEAD = 3  # unfinished articles whose suggestions are computed ahead


class MainWindow(QMainWindow):
    """One project open for one annotator."""

    def __init__(
        self,
        project,
        annotator: str,
        settings: QSettings,
        suggester=None,
        open_project_cb: Callable[[Path], None] | None = None,
        blind: bool | None = None,
    ):
        super().__init__()
        self.project, self.annotator, self.settings = project, annotator, settings
        self.suggester, self._open_project_cb = suggester, open_project_cb
        self._started, self._done_here, self._closed = time.monotonic(), 0, False
        self._open_id: int | None = None  # the article open for editing
        self._edited_ids: set[int] = set()  # edited since opened: memory learns once they are left
        self.bus = ChangeBus(self)  # every view refreshes itself from what changed
        self.view, self.panel = SpanTextView(), SpanPanel()
        self.annotating = Annotating(project, annotator, self.view, self.panel, self)
        self.annotating.set_palette(palette_setting(settings))
        self.list_model = ArticleListModel(project, ArticleQuery(annotator), self)
        self.article_list = ArticleListPane(self.list_model)
        self.jobs = FileJobs(self, project.path, lambda: self.annotator)
        self.open_note = OpenArticleNote(project, self)  # memory in every process leaves it out
        self._build_layout()
        self.named_actions = self._build_menus()  # by name (QWidget.actions() stays Qt's)
        self.view_menu = ViewMenu(self, blind_setting(settings) if blind is None else blind)
        self._build_status_bar()
        self._connect()
        self.place = PlaceKeeper(self)
        self.focus_return = FocusReturn(self, self.view)  # keys back to the text after a dialog
        self.setAcceptDrops(not project.read_only)
        self.setWindowTitle(
            f"{Path(project.path).name} — annotator" + (" (read-only)" if project.read_only else "")
        )
        if not saved.restore_layout(settings, self, self.splitter):
            self._fit_screen(1360, 860)

    # -- building ----------------------------------------------------------------------
    def _fit_screen(self, width: int, height: int) -> None:
        """Open at ``width`` x ``height``, smaller on a smaller screen (a 1366x768 laptop
        would otherwise lose the status bar and the bottom of the text)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width() - 20), min(height, screen.height() - 40)
        self.resize(width, height)

    def _build_layout(self) -> None:
        reason = getattr(self.project, "read_only_reason", "read-only")
        self.banner = QLabel(f"{reason[0].upper()}{reason[1:]}, so nothing can be changed here.")
        self.banner.setStyleSheet("background:#fff3b0; color:#5a4500; padding:6px;")
        self.banner.setVisible(self.project.read_only)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.view, 1)
        if not self.project.read_only:  # shown while no article is open: an empty project
            self.view.setPlaceholderText(
                "No articles yet: File → Import (Ctrl+I), or drop files (.txt, .jsonl, .csv, .zip, …) on the window."
            )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.article_list, middle, self.panel):
            splitter.addWidget(widget)
        splitter.setSizes([360, 740, 260])
        splitter.setStretchFactor(1, 1)
        splitter.splitterMoved.connect(lambda *_: saved.save_layout(self.settings, self, splitter))
        self.setCentralWidget(splitter)
        self.splitter = splitter

    def _build_menus(self) -> dict[str, Any]:
        a = self.annotating
        handlers: dict[str, Callable[[], object]] = {
            "open": self._choose_project,
            "import": self.jobs.choose_import,
            "export": self.jobs.choose_export,
            "quit": self.close,
            "undo": a.undo,
            "redo": a.redo,
            "next_span": lambda: a.step(+1),
            "prev_span": lambda: a.step(-1),
            "accept": a.accept,
            "reject": a.reject,
            "accept_all": a.accept_all,
            "start_left": lambda: a.move_edge("start", -1),
            "start_right": lambda: a.move_edge("start", +1),
            "end_left": lambda: a.move_edge("end", -1),
            "end_right": lambda: a.move_edge("end", +1),
            "speaker": a.link_speaker,
            "attributes": a.edit_attributes,
            "done_next": self.done_next,
            "next_article": lambda: self._neighbour(+1),
            "prev_article": lambda: self._neighbour(-1),
            "search": self.article_list.focus_search,
            "annotator": self.change_annotator,
            "shortcuts": self.show_shortcuts,
            "settings": lambda: preferences.open_settings(self),
            "about": lambda: preferences.about(self),
        }
        actions = build_actions(self, handlers)
        menus = {name: self.menuBar().addMenu("&" + name) for name in MENUS}
        for spec in ACTIONS:
            menus[spec.menu].addAction(actions[spec.name])
            actions[spec.name].setEnabled(not (spec.writes and self.project.read_only))
        self.recent_menu = QMenu("Open &recent", self)
        menus["File"].insertMenu(actions["import"], self.recent_menu)
        self._fill_recent()
        for label in self.project.scheme.labels:
            action = label_action(self, label.name, label.hotkey, partial(self.annotating.label, label.name))
            action.setEnabled(not self.project.read_only)
            menus["Span"].addAction(action)
            actions[f"label:{label.name}"] = action
        add_model_menu(self)
        return actions

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in saved.recent_projects(self.settings):
            self.recent_menu.addAction(entry, partial(self._switch, Path(entry)))

    def _build_status_bar(self) -> None:
        self.progress_label, self.who_label = QLabel(), QLabel()
        self.activity = ActivityWatcher(self.project, self)
        # another process's import added articles
        self.activity.finished.connect(lambda: self.bus.announce(Changes(articles=True)))
        for widget in (self.activity.label, self.progress_label, self.who_label):
            self.statusBar().addPermanentWidget(widget)
        self._update_status()

    def _connect(self) -> None:
        a = self.annotating
        a.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        a.articleOpened.connect(self._article_opened)
        a.edited.connect(self._article_edited)
        self.jobs.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.jobs.changed.connect(self.bus.announce)
        for view in (self.list_model.apply_changes, a.apply_changes, self._changes_seen):
            self.bus.changed.connect(view)
        self.article_list.articleChosen.connect(self.open_article)
        self.list_model.modelReset.connect(lambda: self._show_search_hits(scroll=False))
        self.article_list.leave.connect(self.view.setFocus)
        if self.suggester is not None:
            self.suggester.stored.connect(self._suggestions_stored)
            self.suggester.changed.connect(self.bus.announce)
            self.suggester.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
            self.suggester.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
            self.suggester.following.connect(self._following_model)

    def present(self) -> None:
        """Show the window with the keys in it."""
        self.show()
        # Without a window manager (Xvfb, a kiosk) nothing else activates a new window, and
        # every key but plain typing (the n, a, x shortcuts) is dead until a click.
        self.activateWindow()

    # -- articles ----------------------------------------------------------------------
    def open_start_article(self) -> None:
        """Open the article worked on last, or the first unfinished one, or the first."""
        project, name = self.project, self.annotator
        last = saved.last_article(self.settings, project.path, name)
        known = last is not None and project.has_article(last)
        target = last if known else (project.next_unfinished(name) or project.first_article_id())
        if target is not None:
            self.open_article(target)
        if known and target is not None:  # and where in it: the focused span, the scroll position
            self.place.restore(target)

    def open_article(self, article_id: int) -> None:
        self.annotating.open_article(article_id)

    def done_next(self) -> None:
        """Ctrl+Enter: mark the article done (asking first while suggestions are undecided,
        unless told not to) and open the next unfinished one."""
        if not self._confirm_done():
            return
        current = self.annotating.state.article.id if self.annotating.state else None
        following = self.annotating.mark_done()
        if following is not None and current is not None:
            following = self._next_in_list(current, following)
        if following is None:
            if (
                self.annotating.state
                and self.project.state(self.annotating.state.article.id, self.annotator) == "done"
            ):
                self._done_here += 1
                self.statusBar().showMessage("Every article is done.", 10000)
            return
        self._done_here += 1
        self.open_article(following)

    def _next_in_list(self, current: int, following: int) -> int:
        """Where Ctrl+Enter goes with a search or a status filter: the list's next unfinished
        article, so its row shows selected; when the list holds none, the project's next one,
        with the filter cleared (a row that is not listed cannot be shown selected)."""
        query = self.list_model.query
        if not (query.state or query.search):
            return following
        in_list = self.project.list_next_unfinished(query, current)
        if in_list is not None:
            self.list_model.refresh()  # a status filter may drop the article just done
            return in_list
        self.article_list.clear_filters()
        self.statusBar().showMessage("No unfinished article left in the search: showing all articles", 8000)
        return following

    def _confirm_done(self) -> bool:
        state = self.annotating.state
        pending = len(state.pending()) if state else 0
        if not pending or self.project.read_only or not flag(self.settings, ASK_DONE, True):
            return True
        go, never = dialogs.confirm_done(self, pending)
        self.annotating.back_to_text()
        if never:
            self.settings.setValue(ASK_DONE, False)
            self.settings.sync()
        return go

    def _neighbour(self, delta: int) -> None:
        state = self.annotating.state
        row = self.list_model.row_of(state.article.id) if state else None
        target = self.list_model.article_id((row or 0) + delta) if row is not None else None
        if target is not None:
            self.open_article(target)

    def _article_opened(self, article_id: int) -> None:
        if not self.project.read_only:
            saved.set_last_article(self.settings, self.project.path, self.annotator, article_id)
        self.article_list.show_current(article_id)
        self._show_search_hits(scroll=True)
        self._update_status()
        left, self._open_id = self._open_id, article_id
        self.open_note.note(self.annotator, article_id)
        if self.suggester is not None:
            self.suggester.set_editing(article_id, self.annotator)
            wanted = [article_id, *self._unfinished_after(article_id)]
            if left is not None and left in self._edited_ids:  # memory learns what was decided there
                self._edited_ids.discard(left)
                self.suggester.refresh(wanted)
            else:
                self.suggester.request(wanted)

    def _show_search_hits(self, scroll: bool) -> None:
        """Highlight where the list's search matches the open article; with ``scroll`` (it was
        just opened), bring the first match into view."""
        state = self.annotating.state
        if state is not None:
            hits = search_hits(state.article.text, self.list_model.query.search)
            self.view.show_hits([state.to_qt(*hit) for hit in hits], scroll)

    def left_in_review(self, article_id: int) -> None:
        """The review window left an article it edited: memory learns it now, unless it is
        open here too (then it learns once it is left here, as any edit here: once)."""
        if article_id == self._open_id:
            self._edited_ids.add(article_id)
        elif self.suggester is not None and self._open_id is not None:
            self.suggester.refresh([self._open_id, *self._unfinished_after(self._open_id)])

    def suggest_with_project_model(self) -> None:
        """The project's model changed (Model -> Train): the open and the next articles get
        its suggestions now, in place of the other model's pending ones."""
        if self.suggester is None or self._closed:
            return
        ahead = [] if self._open_id is None else [self._open_id, *self._unfinished_after(self._open_id)]
        self.suggester.use_project_model(ahead)
        self.statusBar().showMessage("New model: suggesting the open and the next articles again…", 10000)

    def _following_model(self, left: int) -> None:
        """The other articles' pending suggestions are being redone with the project's model."""
        if self._closed:
            return
        if left:
            text = f"Redoing another model's suggestions in {left} article{'' if left == 1 else 's'}, in the background…"
        else:
            text = "Every article's undecided suggestions are now the project model's."
        self.statusBar().showMessage(text, 8000)

    def _unfinished_after(self, article_id: int) -> list[int]:
        ahead: list[int] = []
        after: int | None = article_id
        while len(ahead) < AHEAD:
            after = self.project.next_unfinished(self.annotator, after)
            if after is None:
                break
            ahead.append(after)
        return ahead

    def _article_edited(self, article_id: int) -> None:
        self.bus.announce(Changes.of_articles(article_id, origin=self.annotating))
        self._edited_ids.add(article_id)  # annotation memory learns from it once it is left

    def _suggestions_stored(self, article_id: int, count: int) -> None:
        """Say so when the open article got suggestions (the views show them: ``bus``)."""
        if self._closed:  # a signal queued by the worker before it stopped; the project is closed
            return
        state = self.annotating.state
        if state and state.article.id == article_id and count:
            self.statusBar().showMessage(f"{count} suggestion{'' if count == 1 else 's'} ready", 4000)

    def _changes_seen(self, changes: Changes) -> None:
        """The status bar's counts; the first article once an empty project gets some."""
        self._update_status()
        if changes.articles and self.annotating.state is None:
            self.open_start_article()

    def _update_status(self) -> None:
        done, total = self.project.progress(self.annotator)
        hours = max(time.monotonic() - self._started, 60) / 3600
        self.progress_label.setText(
            f"Done {done:,} / {total:,} · this session {self._done_here} ({self._done_here / hours:.0f}/h)"
        )
        mode = " · read-only" if self.project.read_only else ""
        self.who_label.setText(f"Annotator: {self.annotator}{mode}")

    # -- menus ---------------------------------------------------------------------------
    def change_annotator(self) -> None:
        name = dialogs.ask_name(self, self.annotator)
        if name:
            self.set_annotator(name)

    def set_annotator(self, name: str) -> None:
        """Work (and save the name) as ``name`` from now on."""
        saved.set_annotator_name(self.settings, name)
        if name != self.annotator:
            self.annotator = self.annotating.annotator = name
            self.list_model.set_query(ArticleQuery(name, blind=self.view_menu.blind))
            self.open_start_article()
            self._update_status()

    def show_shortcuts(self) -> None:
        """Show the F1 sheet (one sheet: F1 again brings it to the front)."""
        if getattr(self, "_sheet", None) is None:
            labels = [(label.name, label.hotkey) for label in self.project.scheme.labels]
            self._sheet = ShortcutsSheet(labels, self)
        self._sheet.show()
        self._sheet.raise_()
        self._sheet.activateWindow()

    def _choose_project(self) -> None:
        path, _ = file_dialogs.open_file_name(
            self, "Open project", saved.files_folder(self.settings), "Projects (*.db);;All files (*)"
        )
        if path:
            saved.remember_folder(self.settings, path)
            self._switch(Path(path))

    def _switch(self, path: Path) -> None:
        if self._open_project_cb is not None and Path(path).resolve() != Path(self.project.path).resolve():
            self._open_project_cb(path)

    # -- drag and drop, closing --------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.jobs.start_import([url.toLocalFile() for url in event.mimeData().urls()])
        event.acceptProposedAction()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.place.apply_pending)  # once laid out at its shown size

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work and close the project (every edit is already committed)."""
        if self._closed:
            return
        self._closed = True
        self.place.save()
        saved.save_layout(self.settings, self, self.splitter)
        self.bus.close()
        self.activity.stop()
        for note in self.findChildren(OpenArticleNote):  # a review window's closes after the project
            note.stop()
        if self.suggester is not None:
            self.suggester.stop()
        self.jobs.wait_all()
        self.settings.sync()
        self.project.close()
