"""``annotator merge``: bring other project files' articles, decisions and history into one.

Articles are matched by content hash. One annotator's decisions on one article (their
spans, relations and article state: a *group*) are taken whole from the file where they are
newest, by the decisions' own times; equal times with different content are settled by a
content fingerprint, so merging A into B and B into A give the same decisions, and merging
again changes nothing. Suggestions are united by (start, end, label). History rows are
copied unless the target already has the same event. All files go in one transaction, and
every file is checked (readable, same project version or older, same scheme) before it starts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.batching import batched
from annotator.core.errors import ProjectError
from annotator.core.model import now_iso
from annotator.core.review.merge_log import IdMaps, merge_comments, merge_edit_log
from annotator.core.scheme import scheme_from_dict
from annotator.core.store.merge import Source, Target, history_key

if TYPE_CHECKING:
    from annotator.core.store import Project

Row = dict[str, Any]
Rows = tuple[list[Row], list[Row], list[Row]]  # spans, relations, states
ArticleMap = dict[int, int]  # source article id -> target article id
Groups = dict[int, set[str]]  # source article id -> annotators whose decisions to take
GroupKey = tuple[int, str]  # (article id, annotator)

BATCH = 2000


@dataclass
class FileReport:
    """What one merged file brought in."""

    path: str
    articles_new: int = 0
    articles_matched: int = 0
    decisions: dict[str, dict[str, int]] = field(default_factory=dict)
    conflicts_by_time: int = 0
    kept_newer_here: int = 0
    suggestions_added: int = 0
    history_added: int = 0
    comments_added: int = 0
    edits_added: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def summary(self) -> str:
        lines = [
            f"{self.path}: {self.articles_new} new article(s), {self.articles_matched} matched; "
            f"{self.conflicts_by_time} conflict(s) resolved by time for that file, "
            f"{self.kept_newer_here} kept as newer here; {self.suggestions_added} suggestion(s), "
            f"{self.history_added} history row(s), {self.comments_added} note(s), "
            f"{self.edits_added} edit-log entries added"
        ]
        for name, counts in sorted(self.decisions.items()):
            lines.append(f"  {name}: {counts['articles']} article(s), {counts['spans']} span(s) taken")
        return "\n".join(lines)


def merge(
    project: Project, others: list[str | Path], label_map: dict[str, str] | None = None
) -> list[FileReport]:
    """Merge ``others`` into ``project`` in one transaction; refuse before writing anything."""
    label_map = label_map or {}
    sources: list[Source] = []
    try:
        for path in others:
            if Path(path).resolve() == Path(project.path).resolve():
                raise ProjectError(f"{path}: is the project itself; nothing to merge")
            sources.append(Source(Path(path)))
            _check_scheme(project, sources[-1], label_map)
        reports: list[FileReport] = []
        with project.transaction(doing="the merge"):
            target = Target(project)
            for source in sources:
                reports.append(_merge_one(target, source, label_map))
        return reports
    finally:
        for source in sources:
            source.close()


def _check_scheme(project: Project, source: Source, label_map: dict[str, str]) -> None:
    raw = source.scheme()
    theirs = set(scheme_from_dict(raw, source=str(source.path)).label_names) if raw else set()
    theirs |= source.used_labels()
    unknown_keys = sorted(set(label_map) - theirs)
    if unknown_keys:
        raise ProjectError(
            f"{source.path}: --label-map names labels it does not have: {', '.join(unknown_keys)}"
        )
    ours = set(project.scheme.label_names)
    mapped = {label_map.get(label, label) for label in theirs}
    extra = sorted(mapped - ours)
    missing = sorted(ours - mapped) if not label_map and raw else []
    if extra or missing:
        parts: list[str] = []
        if extra:
            parts.append(f"labels not in {project.path}: {', '.join(extra)}")
        if missing:
            parts.append(f"labels only in {project.path}: {', '.join(missing)}")
        raise ProjectError(
            f"{source.path}: a different label scheme ({'; '.join(parts)}); "
            "map its labels with --label-map OLD=NEW"
        )


def _merge_one(target: Target, source: Source, label_map: dict[str, str]) -> FileReport:
    report = FileReport(path=str(source.path))
    article_map = _merge_articles(target, source, report)
    take = _groups_to_take(target, source, article_map, label_map, report)
    maps = IdMaps()
    ids = sorted(article_map)
    for part in batched(ids, BATCH):
        suggestion_map = _merge_suggestions(target, source, part, article_map, label_map, report)
        maps.spans.update(suggestion_map)
        wanted = [a for a in part if a in take]
        if wanted:
            _take_groups(target, source, wanted, take, article_map, maps, label_map, report)
    report.comments_added = merge_comments(target, source, article_map, maps)
    report.edits_added = merge_edit_log(target, source, article_map, maps, label_map)
    _merge_history(target, source, article_map, maps, report)
    return report


def _merge_articles(target: Target, source: Source, report: FileReport) -> dict[int, int]:
    """Source article id -> target article id, inserting the articles the target lacks."""
    ours = {h: i for i, h in target.article_hashes().items()}
    theirs = source.article_hashes()
    mapping = {i: ours[h] for i, h in theirs.items() if h in ours}
    report.articles_matched = len(mapping)
    fresh = sorted(i for i in theirs if i not in mapping)
    for part in batched(fresh, BATCH):
        for source_id, (target_id, _new) in zip(part, target.add_articles(source.article_items(part))):
            mapping[source_id] = target_id
    report.articles_new = len(fresh)
    return mapping


def _groups_to_take(
    target: Target, source: Source, article_map: ArticleMap, label_map: dict[str, str], report: FileReport
) -> Groups:
    """{source article id: {annotator, ...}} whose decisions are newer in the source."""
    ours = target.group_times()
    take: Groups = {}
    ties: list[GroupKey] = []
    for (article_id, name), theirs in source.group_times().items():
        here = ours.get((article_map[article_id], name))
        if here is None or theirs > here:
            take.setdefault(article_id, set()).add(name)
            report.conflicts_by_time += here is not None
        elif theirs == here:
            ties.append((article_id, name))
        else:
            report.kept_newer_here += 1
    for article_id, name in _ties_won(target, source, ties, article_map, label_map):
        take.setdefault(article_id, set()).add(name)
        report.conflicts_by_time += 1
    return take


def _ties_won(
    target: Target, source: Source, ties: list[GroupKey], article_map: ArticleMap, label_map: dict[str, str]
) -> list[GroupKey]:
    """Groups with equal newest times: the larger content fingerprint wins (in both directions)."""
    won: list[GroupKey] = []
    by_article: dict[int, list[str]] = {}
    for article_id, name in ties:
        by_article.setdefault(article_id, []).append(name)
    names = sorted({name for _, name in ties})
    for part in batched(sorted(by_article), BATCH):
        theirs = _fingerprints(source.group_content(part, names), label_map)
        ours = _fingerprints(target.group_content([article_map[a] for a in part], names), {})
        for article_id in part:
            for name in by_article[article_id]:
                mine = ours.get((article_map[article_id], name), "")
                if theirs.get((article_id, name), "") > mine:
                    won.append((article_id, name))
    return won


def _fingerprints(
    rows: tuple[list[Any], list[Any], list[Any]], label_map: dict[str, str]
) -> dict[GroupKey, str]:
    """A digest of each group's content without file-specific ids: the same content in two
    files gives the same digest (each row as a line of text, the lines sorted)."""
    spans, relations, states = rows
    keys = {s[0]: f"{s[3]}\x1f{s[4]}\x1f{label_map.get(s[5], s[5])}" for s in spans}
    content: dict[GroupKey, list[str]] = {}
    for span_id, article_id, name, _start, _end, _label, attrs, origin, status in spans:
        line = f"span\x1f{keys[span_id]}\x1f{attrs}\x1f{origin}\x1f{status}"
        content.setdefault((article_id, name), []).append(line)
    for article_id, name, head_id, child_id, label, status in relations:
        line = f"rel\x1f{keys.get(head_id, '')}\x1e{keys.get(child_id, '')}\x1e{label}\x1f{status}"
        content.setdefault((article_id, name), []).append(line)
    for article_id, name, state in states:
        content.setdefault((article_id, name), []).append(f"state\x1f{state}")
    return {
        key: hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest() for key, lines in content.items()
    }


def _merge_suggestions(
    target: Target,
    source: Source,
    part: list[int],
    article_map: ArticleMap,
    label_map: dict[str, str],
    report: FileReport,
) -> dict[int, int]:
    """Unite suggestions by (article, start, end, label); source suggestion id -> target id."""
    spans, relations, _ = source.article_rows(part, people=False)
    if not spans:
        return {}
    ours_spans, ours_relations, _ = target.article_rows([article_map[a] for a in part], people=False)
    by_key = {(s["article_id"], s["start"], s["end"], s["label"]): s["id"] for s in ours_spans}
    mapping: dict[int, int] = {}
    fresh: list[Row] = []
    next_id = target.next_id("spans")
    for s in spans:
        row = {
            **s,
            "article_id": article_map[s["article_id"]],
            "label": label_map.get(s["label"], s["label"]),
        }
        key = (row["article_id"], row["start"], row["end"], row["label"])
        if key not in by_key:
            by_key[key] = next_id
            fresh.append({**row, "id": next_id, "suggestion_id": None})
            next_id += 1
        mapping[s["id"]] = by_key[key]
    target.insert("spans", fresh)
    report.suggestions_added += len(fresh)
    known = {(r["head_id"], r["child_id"], r["label"]) for r in ours_relations}
    next_rel = target.next_id("relations")
    new_relations: list[Row] = []
    for r in relations:
        head, child = mapping.get(r["head_id"]), mapping.get(r["child_id"])
        if head and child and (head, child, r["label"]) not in known:
            known.add((head, child, r["label"]))
            new_relations.append(
                {
                    **r,
                    "id": next_rel,
                    "article_id": article_map[r["article_id"]],
                    "head_id": head,
                    "child_id": child,
                }
            )
            next_rel += 1
    target.insert("relations", new_relations)
    return mapping


def _take_groups(
    target: Target,
    source: Source,
    part: list[int],
    take: Groups,
    article_map: ArticleMap,
    maps: IdMaps,
    label_map: dict[str, str],
    report: FileReport,
) -> None:
    spans, relations, states = source.article_rows(part, people=True)
    chosen = {(a, n) for a in part for n in take.get(a, ())}
    maps.taken |= chosen
    suggestion_map = maps.spans
    spans = [s for s in spans if (s["article_id"], s["annotator"]) in chosen]
    relations = [r for r in relations if (r["article_id"], r["annotator"]) in chosen]
    states = [st for st in states if (st["article_id"], st["annotator"]) in chosen]
    keys = sorted((article_map[a], n) for a, n in chosen)
    before = _span_counts(target.article_rows(sorted({k[0] for k in keys}), people=True)[0])
    target.drop_groups(keys)
    span_map = suggestion_map
    next_id = target.next_id("spans")
    new_spans: list[Row] = []
    for s in spans:
        span_map[s["id"]] = next_id
        new_spans.append(
            {
                **s,
                "id": next_id,
                "article_id": article_map[s["article_id"]],
                "label": label_map.get(s["label"], s["label"]),
                "suggestion_id": suggestion_map.get(s["suggestion_id"]),
            }
        )
        next_id += 1
    target.insert("spans", new_spans)
    next_rel = target.next_id("relations")
    new_relations: list[Row] = []
    for r in relations:
        head, child = span_map.get(r["head_id"]), span_map.get(r["child_id"])
        if head and child:
            maps.relations[r["id"]] = next_rel
            row = {**r, "id": next_rel, "article_id": article_map[r["article_id"]], "head_id": head}
            new_relations.append({**row, "child_id": child})
            next_rel += 1
    target.insert("relations", new_relations)
    target.insert("article_states", [{**st, "article_id": article_map[st["article_id"]]} for st in states])
    after = _span_counts(new_spans)
    _log_groups(target, source, keys, before, after, report)


def _span_counts(spans: list[Row]) -> dict[GroupKey, int]:
    counts: dict[GroupKey, int] = {}
    for s in spans:
        key = (s["article_id"], s["annotator"])
        counts[key] = counts.get(key, 0) + 1
    return counts


def _log_groups(
    target: Target,
    source: Source,
    keys: list[GroupKey],
    before: dict[GroupKey, int],
    after: dict[GroupKey, int],
    report: FileReport,
) -> None:
    stamp = now_iso()
    rows: list[tuple[Any, ...]] = []
    for article_id, name in keys:
        counts = report.decisions.setdefault(name, {"articles": 0, "spans": 0})
        counts["articles"] += 1
        counts["spans"] += after.get((article_id, name), 0)
        was = {"annotator": name, "spans": before.get((article_id, name), 0)}
        now = {"annotator": name, "spans": after.get((article_id, name), 0), "from": source.path.name}
        rows.append((stamp, name, "merge", "decisions", None, article_id, _dump(was), _dump(now)))
    target.add_history(rows)


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _merge_history(
    target: Target, source: Source, article_map: ArticleMap, maps: IdMaps, report: FileReport
) -> None:
    """Copy the source's history rows that the target does not have yet (same event: same
    time, person, action, table, before and after). Rows of an edit-log entry the target
    has are left out: the entry's own rows are there (copied with it, on the target's ids).
    Rows an earlier merge of the same file read are not read again (the history is append-only:
    the same first and last rows mean the same rows)."""
    first = source.history_key_at(1)
    if first is None:
        return
    skip = max(
        (done for done, last in target.history_read(first) if source.history_key_at(done) == last), default=0
    )
    total = source.history_count()
    if total > skip:
        known = target.history_keys()
        fresh: list[tuple[Any, ...]] = []
        for row, edit_id in zip(source.history(skip), source.history_edit_ids(skip)):
            if edit_id in maps.edits:
                continue
            key = history_key(row)
            if key in known:
                continue
            known.add(key)
            at, annotator, action, table, _row_id, article_id, before, after = row
            fresh.append((at, annotator, action, table, None, article_map.get(article_id), before, after))
            if len(fresh) >= BATCH:
                target.add_history(fresh)
                report.history_added += len(fresh)
                fresh = []
        target.add_history(fresh)
        report.history_added += len(fresh)
    target.remember_history_read(first, total, source.history_key_at(total) or "")
