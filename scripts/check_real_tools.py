"""Round trips of our Label Studio and doccano exports through the real programs, over their REST APIs.

Not part of the test suite or CI: Label Studio and doccano are not installed there. Run it by hand
with both servers listening on 127.0.0.1 only, each from its own throwaway venv outside the repo:

    python3.11 -m venv /tmp/ls && /tmp/ls/bin/pip install 'label-studio==1.23.*'
    LABEL_STUDIO_USERNAME=admin@example.com LABEL_STUDIO_PASSWORD=PASS \\
        /tmp/ls/bin/label-studio start --internal-host 127.0.0.1 --host http://127.0.0.1:8089 \\
        --port 8089 --no-browser --data-dir /tmp/lsdata

    python3.10 -m venv /tmp/dc && /tmp/dc/bin/pip install doccano==1.8.4 'marshmallow<4' 'numpy<2'
    export DOCCANO_HOME=/tmp/dchome
    /tmp/dc/bin/doccano init && /tmp/dc/bin/doccano createuser --username admin --password PASS
    /tmp/dc/bin/doccano task --concurrency 1          # the celery worker that imports and exports
    # `doccano webserver` binds 0.0.0.0; the same gunicorn app, bound to loopback:
    B=/tmp/dc/lib/python3.10/site-packages/backend STANDALONE=True \\
        DJANGO_SETTINGS_MODULE=config.settings.production \\
        DATABASE_URL=sqlite:////tmp/dchome/db.sqlite3 MEDIA_ROOT=/tmp/dchome/media \\
        PYTHONPATH=$B /tmp/dc/bin/gunicorn --chdir $B --bind 127.0.0.1:8090 config.wsgi

    .venv/bin/python scripts/check_real_tools.py OUT_DIR --password PASS [--big 2000] [--only ls|doccano|big]

It builds a project from the bundled samples (import, suggest, accept every suggestion, done),
exports it, imports the export into the real program, exports it there, imports that back into a
fresh project of ours and prints spans, attributes and relations per label before and after, and
every span or link that differs. ``--big N`` also times Label Studio's own JSON export of N
synthetic articles against our Label Studio and Prodigy JSONL exports of the same project.
Everything the programs wrote is kept in OUT_DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import requests

ANNOTATOR = "ann"
SpanKey = tuple[str, int, int, str]


def annotator(*args: str) -> str:
    """Run our CLI; its output."""
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"annotator {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def samples(n: int) -> list[str]:
    """The first ``n`` bundled sample articles (all of them for 0)."""
    from annotator.paths import samples_dir

    files = sorted(str(p) for p in samples_dir().glob("*.txt"))
    return files[:n] if n else files


def build_samples(db: Path, n: int) -> None:
    """Sample articles, spaCy's suggestions, every one accepted by ANNOTATOR, articles done."""
    from annotator.core import edits
    from annotator.core.store import open_project

    annotator("import", str(db), *samples(n))
    annotator("suggest", str(db))
    with open_project(db) as project:
        for article_id in project.article_ids():
            edits.perform(project, edits.accept_all, article_id, ANNOTATOR)
            edits.perform(project, edits.set_state, article_id, "done", ANNOTATOR)


def snapshot(db: Path, status: str = "accepted") -> dict:
    """Spans ``(text start, start, end, label) -> attrs`` and links ``(head, child, type)`` with
    ``status`` (accepted: people's labels; suggested: pending suggestions)."""
    from annotator.core.store import open_project

    with open_project(db, read_only=True) as project:
        ids = project.article_ids()
        texts = {a.id: a.text for a in project.articles(ids)}
        spans = project.spans_in(ids, (status,))
        key = {s.id: (texts[s.article_id][:40], s.start, s.end, s.label) for s in spans}
        links = {
            (key[r.head_id], key[r.child_id], r.label)
            for r in project.relations_in(ids, (status,))
            if r.head_id in key and r.child_id in key
        }
        return {
            "spans": {key[s.id]: {k: v for k, v in s.attrs.items() if v is not None} for s in spans},
            "links": links,
        }


def counts(snap: dict) -> Counter:
    """Spans and attribute values per label, links per type."""
    out: Counter = Counter()
    for (_, _, _, label), attrs in snap["spans"].items():
        out[f"span {label}"] += 1
        for name in attrs:
            out[f"attr {label}.{name}"] += 1
    for _, _, kind in snap["links"]:
        out[f"link {kind}"] += 1
    return out


def without_attrs(snap: dict) -> dict:
    """The snapshot with no attributes (for a tool that cannot hold them)."""
    return {"spans": {k: {} for k in snap["spans"]}, "links": snap["links"]}


def compare(title: str, before: dict, after: dict, expected_lost: set | None = None) -> bool:
    """Print the per-label counts before/after and the first differences; whether nothing but
    ``expected_lost`` (span keys) was lost."""
    a, b = counts(before), counts(after)
    print(f"\n== {title}")
    for name in sorted(set(a) | set(b)):
        mark = "" if a[name] == b[name] else "   <-- differs"
        print(f"  {name:<28} {a[name]:5} -> {b[name]:5}{mark}")
    lost = [k for k in before["spans"] if k not in after["spans"]]
    extra = [k for k in after["spans"] if k not in before["spans"]]
    changed = [k for k in before["spans"] if k in after["spans"] and before["spans"][k] != after["spans"][k]]
    for what, keys in (("lost", lost), ("new", extra), ("attrs changed", changed)):
        for k in keys[:10]:
            print(f"  span {what}: {k[3]} {k[1]}..{k[2]} {before['spans'].get(k)} -> {after['spans'].get(k)}")
    lost_links, new_links = before["links"] - after["links"], after["links"] - before["links"]
    for k in list(lost_links)[:5]:
        print(f"  link lost: {k}")
    if expected_lost is not None and set(lost) == expected_lost:
        print(f"  ({len(lost)} span(s) lost: exactly the ones the export report lists as overlapping)")
        lost = []
    same = not (lost or extra or changed or lost_links or new_links)
    verdict = "nothing lost but what the export report announced" if expected_lost else "all kept"
    print(f"  => {verdict if same else 'DIFFERS'}")
    return same


def overlapping(snap: dict) -> set:
    """Keys of the spans that overlap an earlier span of the same article (doccano drops those)."""
    out, spans = set(), sorted(snap["spans"])
    for i, key in enumerate(spans):
        if any(o[0] == key[0] and o[1] < key[2] and key[1] < o[2] for o in spans[:i]):
            out.add(key)
    return out


def import_back(path: Path, fmt: str, db: Path) -> str:
    """Import a file the real program wrote into a fresh project of ours; the import's output."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return annotator("import", str(db), str(path), "--format", fmt, "--annotator", ANNOTATOR)


class LabelStudio:
    """Label Studio's REST API with a logged-in session (legacy tokens are off by default in 1.23)."""

    def __init__(self, url: str, email: str, password: str):
        self.url, self.http = url.rstrip("/"), requests.Session()
        self.http.get(f"{self.url}/user/login/").raise_for_status()
        token = self.http.cookies["csrftoken"]
        sent = self.http.post(
            f"{self.url}/user/login/",
            data={"email": email, "password": password, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.url}/user/login/"},
        )
        sent.raise_for_status()
        self.http.headers["X-CSRFToken"] = self.http.cookies["csrftoken"]
        self.http.headers["Referer"] = self.url
        self.version = self.call("GET", "/api/version").json()["release"]

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        done = self.http.request(method, f"{self.url}{path}", timeout=3600, **kwargs)
        if done.status_code >= 400:
            raise SystemExit(f"Label Studio {method} {path}: {done.status_code} {done.text[:2000]}")
        return done

    def create_project(self, title: str, config: str) -> int:
        return int(
            self.call("POST", "/api/projects", json={"title": title, "label_config": config}).json()["id"]
        )

    def import_tasks(self, project: int, tasks_file: Path) -> dict:
        """Import a JSON task file (as the web page's upload does); waits for an async import."""
        with tasks_file.open("rb") as fh:
            answer = self.call(
                "POST",
                f"/api/projects/{project}/import",
                files={"file": (tasks_file.name, fh, "application/json")},
            ).json()
        if "import" in answer and "task_count" not in answer:
            while True:
                state = self.call("GET", f"/api/projects/{project}/imports/{answer['import']}").json()
                if state.get("status") in ("completed", "failed"):
                    if state["status"] == "failed":
                        raise SystemExit(f"Label Studio import failed: {state.get('error')}")
                    return state
                time.sleep(1)
        return answer

    def export_json(self, project: int, out: Path) -> float:
        """Label Studio's own JSON export of every task into ``out``; the seconds it took."""
        started = time.perf_counter()
        done = self.call(
            "GET",
            f"/api/projects/{project}/export",
            params={"exportType": "JSON", "download_all_tasks": "true"},
        )
        seconds = time.perf_counter() - started
        out.write_bytes(done.content)
        return seconds

    def export_snapshot(self, project: int, out: Path) -> None:
        """The export snapshot API with full predictions (the direct export gives only their ids)."""
        body = {
            "title": "round trip",
            "serialization_options": {"predictions": {"only_id": False}},
            "task_filter_options": {"only_with_annotations": False},
        }
        export = self.call("POST", f"/api/projects/{project}/exports", json=body).json()
        while export.get("status") not in ("completed", "failed"):
            time.sleep(1)
            export = self.call("GET", f"/api/projects/{project}/exports/{export['id']}").json()
        if export["status"] == "failed":
            raise SystemExit(f"Label Studio export snapshot failed: {export}")
        path = f"/api/projects/{project}/exports/{export['id']}/download"
        out.write_bytes(self.call("GET", path, params={"exportType": "JSON"}).content)


class Doccano:
    """doccano's REST API with a token from /v1/auth/login/."""

    def __init__(self, url: str, username: str, password: str):
        self.url, self.http = url.rstrip("/"), requests.Session()
        key = self.call("POST", "/v1/auth/login/", json={"username": username, "password": password}).json()
        self.http.headers["Authorization"] = f"Token {key['key']}"
        self.http.cookies.clear()  # the login's session cookie would make every POST need a CSRF token

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        done = self.http.request(method, f"{self.url}{path}", timeout=3600, **kwargs)
        if done.status_code >= 400:
            raise SystemExit(f"doccano {method} {path}: {done.status_code} {done.text[:2000]}")
        return done

    def create_project(self, name: str, overlapping: bool, relations: bool) -> int:
        body = {
            "name": name,
            "description": "round trip of our export",
            "project_type": "SequenceLabeling",
            "resourcetype": "SequenceLabelingProject",
            "allow_overlapping": overlapping,
            "use_relation": relations,
            "guideline": "",
        }
        return int(self.call("POST", "/v1/projects", json=body).json()["id"])

    def wait(self, task_id: str) -> dict:
        while True:
            state = self.call("GET", f"/v1/tasks/status/{task_id}").json()
            if state.get("ready"):
                return state
            time.sleep(1)

    def upload(self, project: int, path: Path, relations: bool) -> dict:
        """Upload a JSONL file (filepond, then the import task) and wait for the worker."""
        with path.open("rb") as fh:
            upload_id = self.call("POST", "/v1/fp/process/", files={"filepond": (path.name, fh)}).text
        body = {
            "uploadIds": [upload_id],
            "format": "JSONL",
            "task": "RelationExtraction" if relations else "SequenceLabeling",
            "column_data": "text",
            "column_label": "label",
            "encoding": "utf_8",
        }
        task = self.call("POST", f"/v1/projects/{project}/upload", json=body).json()["task_id"]
        return self.wait(task)

    def export_jsonl(self, project: int, out: Path) -> None:
        """doccano's own JSONL export (a zip with one file per member); its lines into ``out``."""
        task = self.call("POST", f"/v1/projects/{project}/download", json={"format": "JSONL"}).json()[
            "task_id"
        ]
        self.wait(task)
        zipped = out.with_suffix(".zip")
        zipped.write_bytes(
            self.call("GET", f"/v1/projects/{project}/download", params={"taskId": task}).content
        )
        with zipfile.ZipFile(zipped) as archive:
            names = archive.namelist()
            out.write_bytes(b"".join(archive.read(n) for n in names))


def without_links(db: Path, out_db: Path, work: Path) -> None:
    """A copy of the project without its links (so that the doccano export takes the label form)."""
    jsonl = work / "ours_for_label_form.jsonl"
    annotator("export", str(db), str(jsonl), "--format", "jsonl")
    lines = [json.loads(line) for line in jsonl.read_text().splitlines() if line.strip()]
    for line in lines:
        line["relations"] = []
    jsonl.write_text("".join(json.dumps(line) + "\n" for line in lines))
    import_back(jsonl, "prodigy", out_db)


def check_label_studio(args: argparse.Namespace, db: Path, work: Path) -> bool:
    """Round-trip our export through the Label Studio server; whether every check passed."""
    ls = LabelStudio(args.ls, args.ls_user, args.password)
    print(f"\nLabel Studio {ls.version} at {args.ls}")
    ours = work / "ours_ls.json"
    print(annotator("export", str(db), str(ours), "--format", "labelstudio"))
    config = (work / "ours_ls.config.xml").read_text()
    project = ls.create_project(f"round trip {time.strftime('%H:%M:%S')}", config)
    print(f"  import into Label Studio project {project}: {ls.import_tasks(project, ours)}")
    theirs = work / "ls_export.json"
    ls.export_json(project, theirs)
    print(import_back(theirs, "labelstudio", work / "back_ls.db"))
    ok = compare("Label Studio: ours -> Label Studio -> ours", snapshot(db), snapshot(work / "back_ls.db"))
    return check_ls_suggestions(ls, work, args.samples) and ok


def check_ls_suggestions(ls: LabelStudio, work: Path, n: int) -> bool:
    """Pending suggestions (``--include-suggestions``) go as predictions and come back as suggestions,
    from an export snapshot with full predictions (the direct export gives their ids only)."""
    db = work / "suggested.db"
    if not db.exists():
        annotator("import", str(db), *samples(n))
        annotator("suggest", str(db))
    ours = work / "suggested_ls.json"
    annotator(
        "export", str(db), str(ours), "--format", "labelstudio", "--status", "all", "--include-suggestions"
    )
    project = ls.create_project(
        f"suggestions {time.strftime('%H:%M:%S')}", (work / "suggested_ls.config.xml").read_text()
    )
    print(f"  import into Label Studio project {project}: {ls.import_tasks(project, ours)}")
    ls.export_json(project, work / "suggested_ls_export.json")
    print("  Label Studio's direct JSON export, imported back:")
    print(import_back(work / "suggested_ls_export.json", "labelstudio", work / "back_suggested_direct.db"))
    ls.export_snapshot(project, work / "suggested_ls_snapshot.json")
    print("  Label Studio's export snapshot with full predictions, imported back:")
    print(import_back(work / "suggested_ls_snapshot.json", "labelstudio", work / "back_suggested.db"))
    before, after = snapshot(db, "suggested"), snapshot(work / "back_suggested.db", "suggested")
    return compare("Label Studio predictions: our suggestions -> Label Studio -> ours", before, after)


def check_doccano(args: argparse.Namespace, db: Path, work: Path) -> bool:
    """Round-trip our export through the doccano server; whether every check passed."""
    dc = Doccano(args.doccano, args.doccano_user, args.password)
    print(f"\ndoccano at {args.doccano}")
    ok = True
    plain = work / "ours_nolinks.db"
    without_links(db, plain, work)
    label_form = work / "ours_doccano_label.jsonl"
    print(annotator("export", str(plain), str(label_form), "--format", "doccano"))
    linked = work / "ours_doccano_entities.jsonl"
    print(annotator("export", str(db), str(linked), "--format", "doccano"))
    rounds = [
        ("label form, default project", plain, label_form, False, False),
        ("label form, allow overlapping", plain, label_form, True, False),
        ("entities + relations, relation project with overlapping", db, linked, True, True),
    ]
    for n, (title, source, path, overlapping_allowed, relations) in enumerate(rounds):
        name = f"round trip {n} {time.strftime('%H:%M:%S')}"
        project = dc.create_project(name, overlapping_allowed, relations)
        print(f"  doccano project {project} ({title}): import {dc.upload(project, path, relations)}")
        theirs = work / f"doccano_export_{n}.jsonl"
        dc.export_jsonl(project, theirs)
        back = work / f"back_doccano_{n}.db"
        print(import_back(theirs, "doccano", back))
        before = without_attrs(snapshot(source))  # doccano holds no attributes (the export says so)
        print("\n  (attributes: not carried by doccano, as the export report says; compared without)")
        lost = None if overlapping_allowed else overlapping(before)
        ok &= compare(f"doccano ({title}): ours -> doccano -> ours", before, snapshot(back), lost)
    return ok


def time_big(args: argparse.Namespace, work: Path) -> None:
    """Label Studio's own JSON export of N synthetic articles vs our exports of the same project."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_export import build

    from annotator.core.export import export_project
    from annotator.core.store import open_project

    db = work / f"big{args.big}.db"
    if not db.exists():
        build(db, args.big)
    ours: dict[str, float] = {}
    with open_project(db, read_only=True) as project:
        for fmt, name in (("labelstudio", "big_ls.json"), ("jsonl", "big.jsonl")):
            started = time.perf_counter()
            export_project(project, work / name, fmt)
            ours[fmt] = time.perf_counter() - started
    ls = LabelStudio(args.ls, args.ls_user, args.password)
    config = (work / "big_ls.config.xml").read_text()
    project = ls.create_project(f"big {args.big} {time.strftime('%H:%M:%S')}", config)
    started = time.perf_counter()
    ls.import_tasks(project, work / "big_ls.json")
    imported = time.perf_counter() - started
    theirs = ls.export_json(project, work / "big_ls_export.json")
    started = time.perf_counter()
    ls.export_snapshot(project, work / "big_ls_snapshot.json")
    snapshot_seconds = time.perf_counter() - started
    tasks = json.loads((work / "big_ls_export.json").read_text())
    print(f"\n== {args.big} articles (benchmarks/bench_export.build), Label Studio {ls.version}")
    print(f"  Label Studio import of our export: {imported:.1f} s; its export has {len(tasks)} tasks")
    print(
        f"  Label Studio's own JSON export:    {theirs:7.2f} s (GET /api/projects/ID/export, direct download)"
    )
    print(f"  Label Studio's export snapshot:    {snapshot_seconds:7.2f} s (create, wait, download)")
    print(f"  (load average while timing: {' '.join(f'{x:.1f}' for x in os.getloadavg())})")
    for fmt, seconds in ours.items():
        print(f"  our {fmt:<12} export:         {seconds:7.2f} s  x{seconds / theirs:.2f} of Label Studio's")


def main() -> None:
    """Run the round trips against the servers named and exit non-zero on a failure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="work folder (kept: every file written on the way)")
    parser.add_argument("--ls", default="http://127.0.0.1:8089")
    parser.add_argument("--ls-user", default="admin@example.com")
    parser.add_argument("--doccano", default="http://127.0.0.1:8090")
    parser.add_argument("--doccano-user", default="admin")
    parser.add_argument("--password", required=True)
    parser.add_argument("--only", choices=("ls", "doccano", "big"), help="run only this part")
    parser.add_argument("--samples", type=int, default=0, help="use the first N samples (default: all)")
    parser.add_argument("--big", type=int, default=0, help="also time exports of N synthetic articles")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "ours.db"
    if not db.exists():
        build_samples(db, args.samples)
    ok = True
    if args.only in (None, "ls"):
        ok &= check_label_studio(args, db, args.out)
    if args.only in (None, "doccano"):
        ok &= check_doccano(args, db, args.out)
    if args.big:
        time_big(args, args.out)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
