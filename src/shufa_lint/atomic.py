"""Replace a file in one step, through a temporary file nobody else could have prepared.

The temporary file is created exclusively (``mkstemp``: ``O_CREAT | O_EXCL``, a random name, mode 0600)
in the target's own folder, so a planted ``<target>.tmp`` symlink is never followed and the rename
never crosses file systems; readers see the old file or the new one, never half of either.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` as the new content of ``path`` (a symlink at ``path`` is replaced, not followed)."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
