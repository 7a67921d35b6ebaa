"""Which article each editing window has open, so that annotation memory in every process (the
window's own suggester, ``annotator suggest`` from the command line) learns an article's
decisions only once it is left or marked done: while it is open and unfinished they may be half
done (a span being resized). See :func:`unfinished`.

A window writes one row for its session (``PID:TOKEN``, with the host) when it opens an article,
refreshes ``seen`` now and then (the heartbeat) and deletes the row when the project is closed.
A window that crashed leaves its row behind; it is ignored as soon as its process is gone (same
host), or once its heartbeat is older than ``STALE_AFTER`` (a row written on another host,
whose process cannot be asked), and removed by the next window that opens an article. So a
crash never keeps an article out of memory for good.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlite_utils import Database

from annotator.core.processes import process_alive

FINISHED = ("done", "reviewed")  # an article in these states counts as finished while open
STALE_AFTER = timedelta(minutes=10)  # a row from another host counts this long after its heartbeat
HEARTBEAT_SECONDS = 120  # how often an open window refreshes ``seen`` (well inside STALE_AFTER)
_LIVE: set[str] = set()  # sessions of this process that have not been closed


def new_session() -> str:
    """A session name unique to one window's project (``PID:random``), live until ``close``."""
    session = f"{os.getpid()}:{os.urandom(6).hex()}"
    _LIVE.add(session)
    return session


def host() -> str:
    """This machine's name, as recorded with each session."""
    return socket.gethostname()


def set_open(
    db: Database,
    session: str,
    annotator: str,
    article_id: int | None,
    now: str,
    others_gone: bool = False,
    mine: Collection[str] = (),
) -> None:
    """Record that ``session`` has ``article_id`` open (None: none), after removing the rows of
    sessions that are gone (all but ``mine``, the other views of this window, when
    ``others_gone``: this window holds the project's writer lock, so no other window edits it)."""
    keep = {session, *mine}
    for other, pid, where, seen in db.execute("SELECT session, pid, host, seen FROM window_sessions"):
        if other not in keep and (others_gone or not _alive(other, pid, where, seen, now)):
            db.execute("DELETE FROM window_sessions WHERE session = ?", [other])
    db.execute(
        "INSERT INTO window_sessions (session, pid, host, annotator, article_id, since, seen) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(session) DO UPDATE SET "
        "annotator = excluded.annotator, article_id = excluded.article_id, seen = excluded.seen",
        [session, os.getpid(), host(), annotator, article_id, now, now],
    )


def touch(db: Database, session: str, now: str) -> None:
    """The heartbeat: ``session`` is still open."""
    db.execute("UPDATE window_sessions SET seen = ? WHERE session = ?", [now, session])


def close(db: Database, session: str) -> None:
    """``session`` ended: its article is no longer open."""
    close_here(session)
    db.execute("DELETE FROM window_sessions WHERE session = ?", [session])


def close_here(session: str) -> None:
    """``session`` ended, in this process (its row, if left, is ignored from now on)."""
    _LIVE.discard(session)


def open_articles(db: Database, now: str) -> set[int]:
    """The articles open in a window of a living session (any process)."""
    return {article_id for article_id, _ in _open_by(db, now)}


def unfinished(db: Database, now: str, editing: Collection[int] = (), editor: str | None = None) -> set[int]:
    """The open articles whose decisions are not finished: open in a living window session
    whose annotator has not marked them done or reviewed, and ``editing`` (open in this
    process for ``editor``) unless ``editor`` has. Without ``editor``, ``editing`` is left out.

    "Done" counts only while it is the annotator's last edit there: one edited after it while
    still open (a boundary being moved again) is unfinished until it is left or marked done
    again, like any open article; set back to not done (undo), it is unfinished too."""
    pairs = _open_by(db, now) | {(article_id, editor) for article_id in editing}
    return {a for a, who in pairs if who is None or not _finished_last(db, a, who)}


def _finished_last(db: Database, article_id: int, annotator: str) -> bool:
    """Whether ``annotator`` marked the article done or reviewed and edited nothing there since
    (their last edit-log entry, if any, is the one that set the state)."""
    row = db.execute(
        "SELECT state FROM article_states WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    if row is None or row[0] not in FINISHED:
        return False
    last = db.execute(
        "SELECT id FROM edits WHERE article_id = ? AND annotator = ? ORDER BY id DESC LIMIT 1",
        [article_id, annotator],
    ).fetchone()
    if last is None:  # finished elsewhere (imported, merged): nothing edited here since
        return True
    set_state = db.execute(
        "SELECT 1 FROM history WHERE edit_id = ? AND table_name = 'article_states' LIMIT 1", [last[0]]
    ).fetchone()
    return set_state is not None


def _open_by(db: Database, now: str) -> set[tuple[int, str | None]]:
    """(article, annotator) for each living session that has an article open."""
    if not db["window_sessions"].exists():  # a file opened read-only, before m008
        return set()
    rows = db.execute(
        "SELECT session, pid, host, seen, article_id, annotator FROM window_sessions"
    ).fetchall()
    return {
        (article_id, annotator)
        for session, pid, where, seen, article_id, annotator in rows
        if article_id is not None and _alive(session, pid, where, seen, now)
    }


def _alive(session: str, pid: int, where: str, seen: str, now: str) -> bool:
    """Whether a session still runs: in this process (not closed), in a living process of this
    host, or (another host's) with a recent heartbeat."""
    if where != host():
        try:
            return datetime.fromisoformat(now) - datetime.fromisoformat(seen) < STALE_AFTER
        except (TypeError, ValueError):
            return False
    if pid == os.getpid():
        return session in _LIVE
    return process_alive(pid)
