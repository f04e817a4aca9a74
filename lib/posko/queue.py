"""The Posko's message queue under the Posko's rules: chats imported (files checked), items made reports.

An import stores only the messages the queue lacks (by their stable key), each file a message
carries checked and stored like every Posko attachment (:func:`lib.posko.attachments.store_attachment`),
all in one transaction: a refused import leaves the queue as it was. A report made from items
links them to it, names them in its history and, when it has no attachment of its own, takes
the first stored file of its messages.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import Caller
from lib.core import formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.posko.attachments import store_attachment
from lib.posko.reads import get_report
from lib.posko.triage import import_summary
from lib.posko.whatsapp import ChatImport, ChatMessage, notice_summary
from lib.posko.writes import update_report

Progress = Callable[[float, str], None]
"""Told the share done (0-1) and what is being done, for a progress bar."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did: new and known messages, the new items' ids, and what the operator should know."""

    new: int
    known: int
    ids: tuple[int, ...]
    notes: tuple[str, ...] = ()

    def summary(self, lang: str = "id") -> str:
        """Return "N baru, M sudah ada"."""
        return import_summary(self.new, self.known, lang=lang)


def _attachments(
    chat: ChatImport, message: ChatMessage, data_dir: Path, lang: str, refused: list[str]
) -> list[dict[str, Any]]:
    """Return the files a message carries, each stored if the Posko accepts it, else with why not."""
    present = dict(chat.files_of(message))
    found: list[dict[str, Any]] = []
    for name in message.attachments:
        if name not in present:
            found.append({"name": name, "stored": None, "note": t("triage.attach.missing", lang)})
            continue
        try:
            kept = store_attachment(present[name], name, data_dir, lang=lang)
        except DataProblem as problem:
            refused.append(problem.what)
            found.append({"name": name, "stored": None, "note": problem.what})
            continue
        found.append(
            {
                "name": kept.original_name,
                "stored": kept.stored_name,
                "type": kept.content_type,
                "size": kept.size_bytes,
            }
        )
    if message.media_omitted:
        found.append({"name": t("triage.attach.omitted", lang), "stored": None, "note": ""})
    return found


def import_chat(
    engine: Engine,
    chat: ChatImport,
    *,
    source: str,
    classification: str,
    actor: Caller,
    data_dir: Path,
    progress: Progress | None = None,
    lang: str = "id",
) -> ImportResult:
    """Add a read chat's new messages to the queue; return how many were new and known, with notes.

    Raises
    ------
    DataProblem
        If ``actor`` may not file reports, or the chat still needs its date order chosen
        (``chat.ambiguity``): then nothing is stored.
    """
    access.require(actor, "report.create", lang=lang)
    if chat.ambiguity is not None:
        raise DataProblem(t("triage.problem.order", lang), t("triage.problem.order_fix", lang))
    tell = progress or (lambda share, text: None)
    tell(0.0, t("triage.progress.keys", lang, count=formats.number(len(chat.messages), lang)))
    known = store.known_keys(engine, [m.key for m in chat.messages], actor=actor, lang=lang)
    fresh = [m for m in chat.messages if m.key not in known]
    refused: list[str] = []
    rows = []
    for done, message in enumerate(fresh, start=1):
        carries = message.attachments or message.media_omitted
        files = _attachments(chat, message, data_dir, lang, refused) if carries else []
        rows.append(
            {
                "key": message.key,
                "time": message.sent_at,
                "sender": message.sender,
                "text": message.text,
                "attachments": files,
                "classification": classification,
            }
        )
        if message.attachments and done % 20 == 0:
            tell(0.5 * done / len(fresh), t("triage.progress.files", lang))

    def stored(done: int, total: int) -> None:
        tell(0.5 + 0.5 * done / max(total, 1), t("triage.progress.rows", lang, done=done, total=total))

    outcome = store.add_items(engine, rows, source=source, actor=actor, progress=stored, lang=lang)
    notes = list(chat.notes)
    if summary := notice_summary(chat, lang=lang):
        notes.append(summary)
    if refused:
        notes.append(t("triage.attach.refused", lang, count=len(refused), first=refused[0]))
    tell(1.0, import_summary(outcome.new, len(known) + outcome.known, lang=lang))
    return ImportResult(
        new=outcome.new, known=len(chat.messages) - outcome.new, ids=outcome.added, notes=tuple(notes)
    )


def link_report(
    engine: Engine, report_id: int, item_ids: Collection[int], *, actor: Caller, lang: str = "id"
) -> int:
    """Link the items a report was made from to it; give it their first stored file if it has none.

    Returns how many items were linked now (0 when a retry finds them linked already).

    Raises
    ------
    DataProblem
        If the report or an item is not visible to ``actor``, or an item was triaged otherwise.
    """
    linked = store.mark_reported(engine, item_ids, report_id, actor=actor, lang=lang)
    report = get_report(engine, report_id, ceiling=actor.ceiling, lang=lang)
    if not linked or report["attachment_path"]:
        return linked
    items = store.read_items(engine, actor=actor, ids=item_ids, lang=lang).sort_values(["at", "id"])
    first = next((a for files in items["attachments"] for a in files if a.get("stored")), None)
    if first is not None:
        update_report(
            engine,
            report_id,
            _attachment_columns(first),
            expected_version=int(report["version"]),
            actor=actor,
            lang=lang,
        )
    return linked


def _attachment_columns(file: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "attachment_path": file["stored"],
        "attachment_name": file["name"],
        "attachment_type": file.get("type"),
        "attachment_size": file.get("size"),
    }


def report_for_token(engine: Engine, client_token: str, *, actor: Caller) -> int | None:
    """Return the id of the report saved with the form token ``client_token``, if the caller may see it."""
    return store.report_for_token(engine, client_token, ceiling=actor.ceiling)
