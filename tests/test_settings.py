"""One settings class for the library, the store and the API: every EXTRACTOR_* variable."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.settings import PREFIX, Settings, SettingsError, get_settings
from extractor.store.engine import resolve_url

README = Path(__file__).resolve().parent.parent / "README.md"


def _variable(name: str) -> str:
    alias = Settings.model_fields[name].validation_alias
    return alias if isinstance(alias, str) else PREFIX + name.upper()


def test_every_setting_is_documented_in_the_readme():
    documented = set(re.findall(r"^\| `(EXTRACTOR_[A-Z_]+)` \|", README.read_text(encoding="utf-8"), re.M))
    assert {_variable(name) for name in Settings.model_fields} == documented


def test_settings_are_read_when_asked_and_empty_means_unset(monkeypatch, tmp_path):
    monkeypatch.setenv("EXTRACTOR_DB", "sqlite:///elsewhere.db")
    monkeypatch.setenv("EXTRACTOR_MODELS", str(tmp_path))
    assert resolve_url(None) == "sqlite:///elsewhere.db" and get_settings().models_dir == tmp_path
    monkeypatch.setenv("EXTRACTOR_DB", "")
    monkeypatch.setenv("EXTRACTOR_MODELS", "")
    assert resolve_url(None) == "sqlite:///extractor.db" and get_settings().models_dir is None
    assert Settings(models_dir=tmp_path, api_keys="a, b").keys == ["a", "b"]  # keywords win


@pytest.mark.parametrize("name, value", [("EXTRACTOR_READ_AUTH", "maybe"), ("EXTRACTOR_FETCH_TIMEOUT", "-1"),
                                         ("EXTRACTOR_API_MAX_BODY_BYTES", "6MB")])
def test_a_bad_value_names_its_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=f"^{name}={value!r}: settings: .*or unset it"):
        get_settings()
