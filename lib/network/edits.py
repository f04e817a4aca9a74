"""Change the stored network: a checked plan from an edit or an upload, saved in one transaction."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import Caller
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.network.files import (
    ColumnMap,
    GraphFile,
    file_cell,
    institution_frames,
    map_columns,
    read_network_file,
)
from lib.network.institutions import (
    LINK_COLUMNS,
    STAKEHOLDER_COLUMNS,
    check_links,
    check_stakeholders,
)


@dataclass(frozen=True)
class EditPlan:
    """A checked change of the stored network: rows to write and rows to delete."""

    stakeholders: pd.DataFrame
    """Checked institutions to add or change (only those that differ from what is stored)."""
    links: pd.DataFrame
    """Checked links to add or change."""
    removed_ids: tuple[str, ...] = ()
    removed_links: tuple[tuple[str, str, str], ...] = ()
    unchanged: int = 0
    """Rows identical to what is stored."""

    def is_empty(self) -> bool:
        """Return True when the plan changes nothing."""
        return not (len(self.stakeholders) or len(self.links) or self.removed_ids or self.removed_links)


def _as_text(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Return ``columns`` of ``frame`` as text cells ("" for empty), for comparing and checking."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        values = frame[column] if column in frame.columns else pd.Series("", index=frame.index)
        out[column] = [file_cell(value) for value in values]
    return out


def _link_id(record: Mapping[str, object]) -> tuple[str, str, str]:
    return (str(record["source_id"]), str(record["target_id"]), str(record["kind"]))


def plan_edits(
    stored_people: pd.DataFrame,
    edited_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    edited_links: pd.DataFrame,
    *,
    lang: str = "id",
) -> EditPlan:
    """Check an edited copy of the network and return what saving it would change.

    Parameters
    ----------
    stored_people, stored_links
        What the caller sees in the store (with ``origin``). Not modified.
    edited_people, edited_links
        The same tables after editing: rows changed, added or deleted. Not modified.

    Raises
    ------
    DataProblem
        For any bad cell (see :func:`lib.network.institutions.check_stakeholders` and
        :func:`lib.network.institutions.check_links`: unknown ids, self-loops, duplicates, negative
        delays), or when a bundled row (from the sources) would be changed or removed.
    """
    people = check_stakeholders(_as_text(edited_people, STAKEHOLDER_COLUMNS), require_source=False, lang=lang)
    stored_people_text = _as_text(stored_people, [*STAKEHOLDER_COLUMNS, "origin"]).set_index("id", drop=False)
    stored_links_text = _as_text(stored_links, [*LINK_COLUMNS, "origin"])
    bundled_people = set(stored_people_text.index[stored_people_text["origin"] == "bundled"])
    kept_people = set(people["id"])
    removed_ids = sorted(set(stored_people_text.index) - kept_people)
    for node in removed_ids:
        if node in bundled_people:
            raise DataProblem(
                t("stakeholderspage.edit.bundled_removed", lang, id=node),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
    links = check_links(
        _as_text(edited_links, LINK_COLUMNS), set(people["id"]), require_source=False, lang=lang
    )
    people_text = _as_text(people, STAKEHOLDER_COLUMNS)
    changed_people, unchanged = [], 0
    for position, record in enumerate(people_text.to_dict("records")):
        old = stored_people_text.loc[record["id"]] if record["id"] in stored_people_text.index else None
        if old is not None and all(old[column] == record[column] for column in STAKEHOLDER_COLUMNS):
            unchanged += 1
            continue
        if record["id"] in bundled_people:
            raise DataProblem(
                t("stakeholderspage.edit.bundled_changed", lang, id=record["id"], row=position + 2),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
        changed_people.append(position)
    stored_by_key = {_link_id(r): r for r in stored_links_text.to_dict("records")}
    links_text = _as_text(links, LINK_COLUMNS)
    kept_links, changed_links = set(), []
    for position, record in enumerate(links_text.to_dict("records")):
        key = _link_id(record)
        kept_links.add(key)
        old = stored_by_key.get(key)
        if old is not None and all(_same_cell(old[c], record[c]) for c in LINK_COLUMNS):
            unchanged += 1
            continue
        if old is not None and old["origin"] == "bundled":
            raise DataProblem(
                t("stakeholderspage.edit.bundled_link_changed", lang, a=key[0], b=key[1], row=position + 2),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
        changed_links.append(position)
    removed_links = sorted(set(stored_by_key) - kept_links)
    for key in removed_links:
        if stored_by_key[key]["origin"] == "bundled":
            raise DataProblem(
                t("stakeholderspage.edit.bundled_link_removed", lang, a=key[0], b=key[1]),
                t("stakeholderspage.edit.bundled_fix", lang),
            )
    return EditPlan(
        stakeholders=people.iloc[changed_people].reset_index(drop=True),
        links=links.iloc[changed_links].reset_index(drop=True),
        removed_ids=tuple(removed_ids),
        removed_links=tuple(removed_links),
        unchanged=unchanged,
    )


def _same_cell(old: str, new: str) -> bool:
    """Compare two text cells, numbers by value ("2" and "2.0")."""
    if old == new:
        return True
    try:
        return math.isclose(float(old), float(new))
    except ValueError:
        return False


def plan_import(
    data: bytes,
    filename: str,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    *,
    max_nodes: int = 5000,
    lang: str = "id",
) -> EditPlan:
    """Read a GraphML or GEXF upload and return what adding it to the store would change.

    Institutions and links already stored are kept (an upload adds and updates, it never
    deletes); bundled rows that the file changes are refused, as in :func:`plan_edits`.

    Raises
    ------
    NotInstitutions
        If the file is a readable network without ``type`` or ``level`` columns (see
        :func:`plan_mapped_import`).
    DataProblem
        If the file is not GraphML/GEXF, too big, unreadable, or has a bad row.
    """
    file = read_network_file(data, filename, max_nodes=max_nodes, lang=lang)
    return plan_file_import(file, stored_people, stored_links, lang=lang)


def plan_file_import(
    file: GraphFile, stored_people: pd.DataFrame, stored_links: pd.DataFrame, *, lang: str = "id"
) -> EditPlan:
    """Return what adding a read institutions network (:func:`read_network_file`) would change.

    Raises
    ------
    NotInstitutions
        If its nodes have no ``type`` or ``level``.
    DataProblem
        For a bad row, or a bundled row the file changes.
    """
    people, links = institution_frames(file, lang=lang)
    return _merged_plan(people, links, stored_people, stored_links, lang=lang)


def plan_mapped_import(
    file: GraphFile,
    mapping: ColumnMap,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    *,
    lang: str = "id",
) -> EditPlan:
    """Return what adding some other network, its columns mapped (:func:`map_columns`), would change.

    Raises
    ------
    DataProblem
        For a mapped row that fails the checks, or a bundled row the file changes.
    """
    people, links = map_columns(file, mapping, lang=lang)
    return _merged_plan(people, links, stored_people, stored_links, lang=lang)


def _merged_plan(
    people: pd.DataFrame,
    links: pd.DataFrame,
    stored_people: pd.DataFrame,
    stored_links: pd.DataFrame,
    *,
    lang: str,
) -> EditPlan:
    """Return the plan of adding checked ``people`` and ``links`` to what is stored (nothing removed)."""
    stored_text = _as_text(stored_people, STAKEHOLDER_COLUMNS)
    merged_people = pd.concat([stored_text[~stored_text["id"].isin(people["id"])], people], ignore_index=True)
    stored_links_text = _as_text(stored_links, LINK_COLUMNS)
    incoming = {_link_id(r) for r in links.to_dict("records")}
    keep = [_link_id(r) not in incoming for r in stored_links_text.to_dict("records")]
    merged_links = pd.concat([stored_links_text[keep], _as_text(links, LINK_COLUMNS)], ignore_index=True)
    return plan_edits(stored_people, merged_people, stored_links, merged_links, lang=lang)


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did."""

    people_written: int
    links_written: int
    people_removed: int
    links_removed: int


def save_plan(
    engine: Engine, plan: EditPlan, *, caller: Caller, origin: str, lang: str = "id"
) -> SaveOutcome:
    """Store an :class:`EditPlan` in one transaction: all of it, or nothing.

    Raises
    ------
    DataProblem
        If ``caller`` may not change data (``data.import``), or an institution to remove
        still has links the plan does not remove (some perhaps above the caller's ceiling).
    """
    access.require(caller, "data.import", lang=lang)
    if plan.is_empty():
        return SaveOutcome(0, 0, 0, 0)
    people_table, links_table = store.stakeholders, store.links
    with engine.begin() as conn:
        removing = set(plan.removed_links)
        for node in plan.removed_ids:
            touching = conn.execute(
                sa.select(links_table.c.source_id, links_table.c.target_id, links_table.c.kind).where(
                    sa.or_(links_table.c.source_id == node, links_table.c.target_id == node)
                )
            ).all()
            left = [tuple(row) for row in touching if tuple(row) not in removing]
            if left:
                raise DataProblem(
                    t("stakeholderspage.edit.still_linked", lang, id=node, count=len(left)),
                    t("stakeholderspage.edit.still_linked_fix", lang),
                )
        for source, target, kind in plan.removed_links:
            conn.execute(
                links_table.delete().where(
                    (links_table.c.source_id == source)
                    & (links_table.c.target_id == target)
                    & (links_table.c.kind == kind)
                    & (links_table.c.origin != "bundled")
                )
            )
        for node in plan.removed_ids:
            conn.execute(
                people_table.delete().where(
                    (people_table.c.id == node) & (people_table.c.origin != "bundled")
                )
            )
        for record in plan.stakeholders.to_dict("records"):
            _write(conn, people_table, {**record, "origin": origin}, ("id",))
        for record in plan.links.to_dict("records"):
            _write(conn, links_table, {**record, "origin": origin}, ("source_id", "target_id", "kind"))
        store.bump_revision(conn)
    return SaveOutcome(
        len(plan.stakeholders), len(plan.links), len(plan.removed_ids), len(plan.removed_links)
    )


def _write(conn: sa.Connection, table: sa.Table, record: dict[str, object], keys: tuple[str, ...]) -> None:
    """Insert or update one row by its key; bundled rows are never overwritten."""
    values = {name: _db_value(value) for name, value in record.items() if name in table.c}
    where = sa.and_(*[table.c[key] == values[key] for key in keys])
    old = conn.execute(sa.select(table.c.origin).where(where)).first()
    if old is None:
        conn.execute(table.insert().values(**values))
    elif old[0] != "bundled":
        conn.execute(table.update().where(where).values(**values))
    else:
        raise ValueError(f"bundled row {values} reached the write; plan_edits must refuse it.")


def _db_value(value: object) -> object:
    """Return a value the database driver takes (None for empty or NaN)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    if value == "":
        return None
    return value
