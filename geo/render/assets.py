"""Leaflet, fetched from the npm registry at set-up, for maps without internet.

``newsmap assets`` (run by ``make setup``) packs the pinned versions with ``npm pack``, checks each
tarball against its pinned sha512 (the registry's ``dist.integrity``), and extracts only the files the
map uses into ``DATA_DIR/assets/``. Nothing is committed to the repository. The map builder takes the
URLs this module gives: ``data:`` URLs (the CSS with its images inlined) work inside Streamlit's
component iframe and in a self-contained HTML file alike, with no server and no request leaving the
machine.

>>> bundle = ensure_assets("cache")          # doctest: +SKIP
>>> sorted(bundle.urls())[:2]                # doctest: +SKIP
['leaflet.css', 'leaflet.js']
"""
from __future__ import annotations

import base64
import hashlib
import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from geo.errors import NewsmapError


class AssetError(NewsmapError, RuntimeError):
    """The offline map assets cannot be obtained or are corrupt."""


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str  # the registry's dist.integrity of the tarball
    files: dict[str, str]  # asset name -> path inside the tarball


PACKAGES = (
    Package("leaflet", "1.9.4",
            "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
            {"leaflet.js": "package/dist/leaflet.js", "leaflet.css": "package/dist/leaflet.css",
             "images/layers.png": "package/dist/images/layers.png",
             "images/layers-2x.png": "package/dist/images/layers-2x.png",
             "images/marker-icon.png": "package/dist/images/marker-icon.png",
             "images/marker-icon-2x.png": "package/dist/images/marker-icon-2x.png",
             "images/marker-shadow.png": "package/dist/images/marker-shadow.png"}),
)
# What a map loads, in order; the images are only referenced from the CSS.
SCRIPTS = ("leaflet.js",)
STYLES = ("leaflet.css",)
_MIME = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


@dataclass(frozen=True)
class Assets:
    """The extracted asset files under ``root`` and the URLs a map loads them from."""

    root: Path

    def path(self, name: str) -> Path:
        return self.root / name

    def text(self, name: str) -> str:
        """The file's text; CSS with its ``url(images/...)`` replaced by data URLs, so it stands alone."""
        text = self.path(name).read_text(encoding="utf-8")
        if name.endswith(".css"):
            text = re.sub(r"url\((images/[\w.-]+\.png)\)", lambda m: f"url({self._data_url(m.group(1))})", text)
        return text

    def _data_url(self, name: str) -> str:
        mime = _MIME[Path(name).suffix]
        data = self.text(name).encode() if mime != "image/png" else self.path(name).read_bytes()
        return f"data:{mime};base64,{base64.b64encode(data).decode()}"

    def urls(self) -> dict[str, str]:
        """Asset name -> ``data:`` URL for every script and style sheet a map loads."""
        return {name: self._data_url(name) for name in (*SCRIPTS, *STYLES)}


def assets_dir(data_dir: str | Path) -> Path:
    return Path(data_dir) / "assets"


def ensure_assets(data_dir: str | Path, npm: str = "npm") -> Assets:
    """The assets under ``DATA_DIR/assets``, fetched with ``npm pack`` and verified when missing.

    Quick and offline when they are present (a stamp file records the pinned versions).
    """
    root = assets_dir(data_dir)
    if _stamp(root).exists() and _stamp(root).read_text() == _expected_stamp() and _complete(root):
        return Assets(root)
    if shutil.which(npm) is None:
        raise AssetError("npm is not installed, so the offline map assets (Leaflet) cannot be fetched: "
                         "install Node.js and npm (e.g. `apt-get install npm`), then run `newsmap assets`")
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsmap-npm-") as tmp:
        for package in PACKAGES:
            _extract(package, _pack(package, Path(tmp), npm), root)
    _stamp(root).write_text(_expected_stamp())
    return Assets(root)


def available_assets(data_dir: str | Path) -> Assets | None:
    """The assets when they were fetched before, else None (never runs npm)."""
    root = assets_dir(data_dir)
    return Assets(root) if _complete(root) else None


def verify(data: bytes, integrity: str) -> None:
    """Raise :class:`AssetError` unless ``data`` has the Subresource-Integrity-style ``integrity``."""
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise AssetError(f"downloaded tarball has {algorithm} {actual}, expected {expected}: the registry "
                         "returned another file; check your npm registry setting and run `newsmap assets` again")


def _pack(package: Package, tmp: Path, npm: str) -> bytes:
    spec = f"{package.name}@{package.version}"
    proc = subprocess.run([npm, "pack", spec, "--pack-destination", str(tmp), "--silent"],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise AssetError(f"`npm pack {spec}` failed ({reason}): check that the npm registry is reachable")
    tarball = tmp / f"{package.name}-{package.version}.tgz"
    if not tarball.exists():
        raise AssetError(f"`npm pack {spec}` wrote no {tarball.name}")
    data = tarball.read_bytes()
    verify(data, package.integrity)
    return data


def _extract(package: Package, data: bytes, root: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for name, member in package.files.items():
            source = tar.extractfile(member)
            if source is None:
                raise AssetError(f"{package.name}@{package.version} has no {member}")
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read())


def _complete(root: Path) -> bool:
    return all((root / name).is_file() for p in PACKAGES for name in p.files)


def _stamp(root: Path) -> Path:
    return root / ".versions"


def _expected_stamp() -> str:
    return "\n".join(f"{p.name}@{p.version} {p.integrity}" for p in PACKAGES) + "\n"


def cdn_reachable(host: str = "cdn.jsdelivr.net", timeout: float = 1.5) -> bool:
    """Whether folium's CDN answers a TCP connection; when not, the map uses the local assets."""
    import socket

    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False
