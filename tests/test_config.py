import warnings

import pytest

from tidings.config import Options, load_options
from tidings.errors import ConfigError


def test_defaults():
    o = Options()
    assert o.words == 250 and o.format == "markdown" and o.store is True


@pytest.mark.parametrize("bad", [{"words": 0}, {"words": -3}, {"format": "pdf"}, {"timeout": 0},
                                 {"max_text_bytes": 10}])
def test_bad_values_are_refused_with_a_reason(bad):
    with pytest.raises(ConfigError) as err:
        Options(**bad)
    assert next(iter(bad)) in err.value.message


def test_unknown_keyword_is_refused():
    with pytest.raises(TypeError):
        Options(wrods=3)  # type: ignore[call-arg]
    with pytest.raises(ConfigError) as err:
        load_options({"wrods": 3}, environ={})
    assert "wrods" in err.value.message


def test_incoherent_combinations_warn():
    with pytest.warns(UserWarning, match="store is off"):
        Options(store=False, db="x.db")
    with pytest.warns(UserWarning, match="one or two sentences"):
        Options(words=20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Options(words=100, store=True, db="x.db")  # coherent: no warning


def test_precedence_file_env_flags(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[tidings]\nwords = 120\ntimeout = 5\nfetch_linked = false\n')
    o = load_options({}, config_path=str(cfg), environ={})
    assert (o.words, o.timeout, o.fetch_linked) == (120, 5.0, False)
    o = load_options({}, config_path=str(cfg), environ={"TIDINGS_WORDS": "130", "TIDINGS_FETCH_LINKED": "yes"})
    assert (o.words, o.fetch_linked) == (130, True)
    o = load_options({"words": 140}, config_path=str(cfg), environ={"TIDINGS_WORDS": "130"})
    assert o.words == 140


def test_config_from_environment_variable_path(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("words = 77\n")
    assert load_options({}, environ={"TIDINGS_CONFIG": str(cfg)}).words == 77


def test_missing_explicit_config_and_bad_toml_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_options({}, config_path=str(tmp_path / "nope.toml"), environ={})
    bad = tmp_path / "bad.toml"
    bad.write_text("words = = 3\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_options({}, config_path=str(bad), environ={})
    env_bad = {"TIDINGS_WORDS": "many"}
    with pytest.raises(ConfigError, match="whole number"):
        load_options({}, environ=env_bad)
