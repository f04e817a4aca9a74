"""Files attached to Posko reports: recognised by their first bytes, stored under generated names."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
ATTACHMENT_TYPES: dict[str, tuple[bytes, str]] = {
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "pdf": (b"%PDF-", "application/pdf"),
}
"""Accepted attachment types, recognised by their first bytes, never by the file name."""
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|pdf)$")


@dataclass(frozen=True)
class Attachment:
    """A stored attachment: generated file name, sanitised original name, type and size."""

    stored_name: str
    original_name: str
    content_type: str
    size_bytes: int

    def columns(self) -> dict[str, Any]:
        """Return the report columns that describe this attachment."""
        return {
            "attachment_path": self.stored_name,
            "attachment_name": self.original_name,
            "attachment_type": self.content_type,
            "attachment_size": self.size_bytes,
        }


def sanitise_filename(name: str, *, limit: int = 100) -> str:
    r"""Return the last part of ``name`` with only safe characters, for showing and downloading.

    >>> sanitise_filename("../../etc/passwd")
    'passwd'
    >>> sanitise_filename("C:\\Users\\op\\foto kejadian (1).JPG")
    'foto_kejadian_1_.JPG'
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")
    return base[-limit:] or "lampiran"


def attachment_dir(data_dir: Path) -> Path:
    """Return the folder attachments are stored in (inside the data folder)."""
    return data_dir / "attachments"


def store_attachment(data: bytes, filename: str, data_dir: Path, *, lang: str = "id") -> Attachment:
    """Store an uploaded image or PDF under a generated name and return its description.

    The type comes from the file's first bytes (PNG, JPEG or PDF), never from its name; the
    name the user gave is kept only sanitised, for display. Nothing is written for a
    refused file.

    Raises
    ------
    DataProblem
        If the file is empty, larger than :data:`ATTACHMENT_MAX_BYTES` or not PNG/JPEG/PDF.
    """
    shown = sanitise_filename(filename)
    if not data:
        raise DataProblem(t("posko.attach.empty", lang, name=shown), t("posko.attach.fix", lang))
    if len(data) > ATTACHMENT_MAX_BYTES:
        raise DataProblem(
            t(
                "posko.attach.too_big",
                lang,
                name=shown,
                size_mb=formats.number(len(data) / 1048576, lang, digits=1),
                limit_mb=5,
            ),
            t("posko.attach.too_big_fix", lang),
        )
    kind = next((ext for ext, (magic, _) in ATTACHMENT_TYPES.items() if data.startswith(magic)), None)
    if kind is None:
        raise DataProblem(t("posko.attach.bad_type", lang, name=shown), t("posko.attach.fix", lang))
    folder = attachment_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{secrets.token_hex(16)}.{kind}"
    with (folder / stored).open("xb") as handle:
        handle.write(data)
    return Attachment(stored, shown, ATTACHMENT_TYPES[kind][1], len(data))


def attachment_path(data_dir: Path, stored_name: str) -> Path:
    """Return the path of a stored attachment; a name not made by :func:`store_attachment` is a bug."""
    if not _STORED_NAME.match(stored_name or ""):
        raise ValueError(f"not a stored attachment name: {stored_name!r}.")
    return attachment_dir(data_dir) / stored_name


def download_name(original_name: str | None, stored_name: str) -> str:
    """Return the name to offer an attachment under: the sender's name, the extension of its real type.

    The type was recognised from the file's first bytes when it was stored, so a PDF sent as
    ``x.html`` downloads as ``x.pdf`` and never opens as a web page.

    >>> download_name("x.html", "0" * 32 + ".pdf"), download_name("foto kejadian.JPG", "a" * 32 + ".jpg")
    ('x.pdf', 'foto_kejadian.jpg')
    """
    extension = stored_name.rsplit(".", 1)[-1]
    stem = sanitise_filename(original_name or "lampiran").rsplit(".", 1)[0] or "lampiran"
    return f"{stem}.{extension}"
