"""Settings are declared once; the README documents every one of them."""
from geo.settings import declarations, load_settings
from tests.conftest import REPO


def test_every_setting_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, _default, help_, env in declarations():
        assert f"`{env}`" in readme, f"{env} missing from README settings table"
        assert f"--{name.replace('_', '-')}" in readme, f"--{name} missing from README"
        assert help_


def test_environment_then_overrides():
    s = load_settings({"NEWSMAP_MAX_BYTES": "10", "NEWSMAP_MODEL": "x"}, model="y", db=None)
    assert (s.max_bytes, s.model, s.db) == (10, "y", "")


def test_db_url_defaults_to_the_data_folder(tmp_path):
    s = load_settings({}, data_dir=str(tmp_path))
    assert s.db_url == f"sqlite:///{tmp_path}/newsmap.sqlite"
    assert load_settings({}, db="postgresql://u@h/d").db_url == "postgresql://u@h/d"


def test_read_only_is_a_flag_from_the_environment_or_the_command_line():
    assert load_settings({}).read_only is False
    assert load_settings({"NEWSMAP_READ_ONLY": "1"}).read_only is True
    assert load_settings({"NEWSMAP_READ_ONLY": "no"}).read_only is False
    assert load_settings({"NEWSMAP_READ_ONLY": "0"}, read_only=True).read_only is True
