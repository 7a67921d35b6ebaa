"""The default project holds the five bundled sample articles, created once."""

from annotator.core.samples import default_project_path, ensure_sample_project
from annotator.core.store import open_project
from annotator.paths import samples_dir


def test_bundled_samples_are_the_five_seed_articles():
    files = sorted(samples_dir().glob("*.txt"))
    assert len(files) == 5
    assert any("“" in f.read_text(encoding="utf-8") for f in files)  # curly quotes survive


def test_sample_project_created_once(tmp_path):
    path = tmp_path / "samples.db"
    assert ensure_sample_project(path) == path
    ensure_sample_project(path)
    with open_project(path, read_only=True) as project:
        assert project.article_count() == 5


def test_default_project_lives_in_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert str(default_project_path()).startswith(str(tmp_path))
