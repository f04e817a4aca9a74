"""The boundaries of the SINERGI_BOUNDARIES folder, kept ready in the data folder between starts.

Reading, repairing and simplifying the shared Bali files takes about 1 s at every server start;
reading the result back takes about 0.1 s. :func:`folder_boundaries` keeps the result in the
data folder's cache (``cache/boundaries/folder-<fingerprint>.gpkg``, the GeoPackage an upload is
saved as), and reads it back while its fingerprint still matches. The cache folder is derived
data: backups leave it out (they carry ``boundaries/``, where an upload is saved), and deleting it
costs one slower start.

The fingerprint covers everything the result depends on: each file of the folder (path, size,
modification time), the code that reads them (the source of ``lib/geo``), the regions they are
matched against, and the language of the import notes. Any change makes a new fingerprint, and
the boundaries are read from the files again. The copy lives in the app's data folder, never in
the project, like a saved upload.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from lib.core.problems import DataProblem
from lib.core.regions import RegionIndex
from lib.geo.boundaries import Boundaries, boundaries_from_folder, load_saved_boundaries, save_boundaries

LOG = logging.getLogger(__name__)
PREFIX = "folder-"
"""Start of the kept copies' file names (``folder-<fingerprint>.gpkg``)."""
CACHE = "cache"
"""Folder of the data folder that holds derived copies (never backed up)."""
_CODE = Path(__file__).resolve().parent


def fingerprint(folder: Path, index: RegionIndex, *, lang: str = "id") -> str:
    """Return a short hash of what the boundaries read from ``folder`` depend on.

    Examples
    --------
    >>> import tempfile
    >>> from lib.core.regions import RegionIndex
    >>> folder = Path(tempfile.mkdtemp())
    >>> index = RegionIndex(names={"51.08": "Buleleng"}, parents={"51.08": "51"})
    >>> first = fingerprint(folder, index)
    >>> _ = (folder / "bali.geojson").write_text("{}")
    >>> first != fingerprint(folder, index) == fingerprint(folder, index)
    True
    """
    digest = hashlib.sha256(lang.encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(repr((sorted(index.names.items()), sorted(index.parents.items()))).encode())
    return digest.hexdigest()[:16]


def folder_boundaries(folder: Path, index: RegionIndex, data_dir: Path, *, lang: str = "id") -> Boundaries:
    """Return the boundaries of ``folder``: the kept copy if it still matches, else read and kept.

    A kept copy that cannot be read, or a data folder that cannot be written, costs only the
    time: the boundaries are read from the files, as without a copy.
    """
    name = f"{PREFIX}{fingerprint(folder, index, lang=lang)}.gpkg"
    cache = data_dir / CACHE
    try:
        kept = load_saved_boundaries(cache, lang=lang, file_name=name)
    except DataProblem as problem:
        LOG.warning("The kept copy of the boundaries cannot be read; reading the files again: %s", problem)
        kept = None
    if kept is not None:
        return kept
    found = boundaries_from_folder(folder, index, lang=lang)
    try:
        save_boundaries(found, cache, source_text=found.source, licence_text=found.licence, file_name=name)
    except OSError as error:
        LOG.warning("The boundaries could not be kept in %s (read again at the next start): %s", cache, error)
        return found
    for old in (cache / "boundaries").glob(f"{PREFIX}*.gpkg"):
        if old.name != name:
            old.unlink(missing_ok=True)
    return found
