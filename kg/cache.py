"""A per-document cache of first-pass extractions, keyed by content hash and code version.

Rebuilding after adding one report re-extracts only that report.  The key includes a
hash of the package's own source and resources, so any change to the extractor
invalidates every entry.  Entries are pickles written by ZoneGraph itself into the
output folder; the folder is trusted like the code.

>>> len(code_version())
16
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from kg.types import Extraction

PACKAGE = Path(__file__).resolve().parent
SOURCES = ("*.py", "resources/*", "templates/*")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's source files and resources: changes when the extractor does."""
    digest = hashlib.sha256()
    for pattern in SOURCES:
        for path in sorted(PACKAGE.rglob(pattern)):
            if "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PACKAGE)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _variant(recogniser: str) -> str:
    """The cache's sub-folder for a recogniser: its name, or the hash of a model file's bytes."""
    if recogniser in ("packaged", "lac", "none"):
        return recogniser
    try:
        return hashlib.sha256(Path(recogniser).read_bytes()).hexdigest()[:16]
    except OSError:
        return hashlib.sha256(recogniser.encode()).hexdigest()[:16]


class ExtractionCache:
    """First-pass extractions on disk, one file per (document content, code version)."""

    def __init__(self, directory: Path, recogniser: str = "packaged") -> None:
        self.directory = directory / code_version() / _variant(recogniser)

    def _path(self, sha256: str, name: str) -> Path:
        return self.directory / f"{sha256}-{hashlib.sha256(name.encode()).hexdigest()[:8]}.pickle"

    def get(self, sha256: str, name: str) -> Extraction | None:
        """The cached extraction of a document, or ``None``."""
        path = self._path(sha256, name)
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return value if isinstance(value, Extraction) else None

    def put(self, extraction: Extraction) -> None:
        """Store an extraction (atomically: a reader never sees half a file)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        document = extraction.document
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(extraction, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path(document.sha256, document.name))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
