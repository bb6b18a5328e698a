"""One error hierarchy for newsmap.

Every error names the bad value and the fix. Each also inherits a builtin so
callers that know nothing of newsmap can still catch it sensibly (as geopy does
with ``GeocoderQueryError(GeocoderServiceError, ValueError)``). The CLI turns them
into one clear line and a non-zero exit; the dashboard into ``st.error``.
"""
from __future__ import annotations


class NewsmapError(Exception):
    """Base of every error newsmap raises on purpose."""


class StoreError(NewsmapError, RuntimeError):
    """The database cannot be opened, migrated or written."""


class ModelError(NewsmapError, RuntimeError):
    """The spaCy model named in the settings is not installed or cannot load."""


class GazetteerError(NewsmapError, RuntimeError):
    """The offline gazetteer is missing, outdated or corrupt."""


class GeocoderError(NewsmapError, RuntimeError):
    """A geocoding service failed (timeout, quota, bad answer)."""


class SnapshotError(NewsmapError, LookupError):
    """A snapshot id is unknown or malformed, or a snapshot is given no title."""


class ViewStateError(NewsmapError, ValueError):
    """A dashboard URL parameter has a value newsmap cannot use."""


class ExportError(NewsmapError, ValueError):
    """An export cannot be written as asked (unknown format, image size out of range, missing map assets)."""
