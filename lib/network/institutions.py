"""What a stakeholder and a coordination link are: columns, allowed values and the checks on them.

Link strength, one scale for every link (column ``strength``):

====  ========================================================================================
3     formal or statutory: a law, regulation, decree or chain of command sets the link up
      (PP 12/2022 Forkopimda membership, Sentra Gakkumdu, Polda over the Polres).
2     documented and regular: sources show the link working repeatedly or describe it as an
      ongoing channel (Ditintelkam's liaison meetings, weekly FKUB meetings in 2018).
1     occasional or assumed: documented once, or inferred; every link marked
      ``assumption`` = true has strength 1.
====  ========================================================================================

``directed`` is true only where the sources describe a one-way flow (a report, a letter, the
Posko taking in intelligence). A command link names the superior first and is undirected,
because reports travel back up the same chain. ``delay_hours`` stays empty: no source gives how
long a message takes on any link, so :mod:`lib.network` uses explicit, labelled assumptions.

Rows are counted as in a spreadsheet: the header is row 1, the first stakeholder row 2.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection

import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import normalise_code
from lib.core.vocab import CLASSIFICATIONS, LEVELS, LINK_KINDS, TYPES

STAKEHOLDER_COLUMNS: tuple[str, ...] = (
    "id",  # slug: lower-case letters, digits and hyphens ("polres-buleleng")
    "name",  # full name, as the institution writes it
    "acronym",  # short name, may be empty
    "type",  # one of TYPES
    "level",  # one of LEVELS
    "region_code",  # Kemendagri code ("51", "51.08"); empty only for national institutions
    "role",  # role in election security, may be empty
    "classification",  # TERBUKA | TERBATAS | RAHASIA
    "source",  # URL(s) or research reference, " | " between several
    "note",  # caveats, may be empty
)
LINK_COLUMNS: tuple[str, ...] = (
    "source_id",  # stakeholder id
    "target_id",  # stakeholder id, not the source
    "kind",  # one of LINK_KINDS
    "directed",  # true | false (see the module docstring)
    "strength",  # 1 | 2 | 3 (see the module docstring)
    "delay_hours",  # hours >= 0, or empty = unknown
    "channel",  # meeting, letter, radio, forum, chain of command, ...; may be empty
    "assumption",  # true where the research marks the link "(assumption)" or it is inferred
    "source_ref",  # URL(s) or research reference
    "note",  # may be empty
    "classification",  # TERBUKA | TERBATAS | RAHASIA
)
STRENGTHS: tuple[int, ...] = (1, 2, 3)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_TRUE = {"true", "1", "yes", "ya", "benar"}
_FALSE = {"false", "0", "no", "tidak", "salah"}


def _text(value: object) -> str:
    """Return a cell as stripped text, with NaN, None and pd.NA as ""."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def _problem(table: str, row: int, column: str, value: str, expected: str, lang: str) -> DataProblem:
    """Return the problem for one bad cell, naming the table, the row and the column."""
    return DataProblem(
        t(
            "network.bad_cell",
            lang,
            table=t(f"network.table.{table}", lang),
            row=row,
            column=column,
            value=value,
        )
        + " "
        + expected,
        t("network.bad_cell_fix", lang),
    )


def _require_columns(frame: pd.DataFrame, columns: tuple[str, ...], table: str, lang: str) -> None:
    """Raise DataProblem naming the first missing columns."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise DataProblem(
            t(
                "network.missing_columns",
                lang,
                table=t(f"network.table.{table}", lang),
                columns=", ".join(missing),
            ),
            t("network.missing_columns_fix", lang, columns=", ".join(columns)),
        )


def _flag(text: str, table: str, row: int, column: str, lang: str) -> bool:
    """Read true/false (also ya/tidak, 1/0)."""
    folded = text.lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise _problem(table, row, column, text, t("network.expected_flag", lang), lang)


def _one_of(text: str, allowed: Collection[str], table: str, row: int, column: str, lang: str) -> str:
    """Return ``text`` if it is allowed, else raise naming the allowed values."""
    if text not in allowed:
        raise _problem(
            table, row, column, text, t("network.expected_one_of", lang, options=", ".join(allowed)), lang
        )
    return text


def check_stakeholders(frame: pd.DataFrame, *, require_source: bool = True, lang: str = "id") -> pd.DataFrame:
    """Return the stakeholder list checked and typed, one row per institution.

    Parameters
    ----------
    frame
        Rows with :data:`STAKEHOLDER_COLUMNS`, as text (``pd.read_csv(dtype=str)``); empty cells may
        be NaN. Not modified.
    require_source
        Refuse rows without a source (bundled and imported data must say where they come from).
    lang
        Language of the problem message.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`STAKEHOLDER_COLUMNS` in that order, all text; an empty cell is "".
        ``region_code`` is in dotted form ("51.08").

    Raises
    ------
    DataProblem
        For a missing column, an empty or duplicate id, an unknown type, level or classification,
        a region code that is not a Kemendagri code, or a row without a source.
    """
    _require_columns(frame, STAKEHOLDER_COLUMNS, "stakeholders", lang)
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for position, record in enumerate(frame[list(STAKEHOLDER_COLUMNS)].itertuples(index=False, name=None)):
        row = position + 2
        cells = {column: _text(value) for column, value in zip(STAKEHOLDER_COLUMNS, record, strict=True)}
        if not _ID.match(cells["id"]):
            raise _problem("stakeholders", row, "id", cells["id"], t("network.expected_id", lang), lang)
        if cells["id"] in seen:
            raise _problem(
                "stakeholders",
                row,
                "id",
                cells["id"],
                t("network.expected_unique", lang, other=seen[cells["id"]]),
                lang,
            )
        seen[cells["id"]] = row
        if not cells["name"]:
            raise _problem("stakeholders", row, "name", "", t("network.expected_text", lang), lang)
        _one_of(cells["type"], TYPES, "stakeholders", row, "type", lang)
        _one_of(cells["level"], LEVELS, "stakeholders", row, "level", lang)
        _one_of(cells["classification"], CLASSIFICATIONS, "stakeholders", row, "classification", lang)
        if cells["region_code"]:
            code = normalise_code(cells["region_code"])
            if code is None:
                raise _problem(
                    "stakeholders",
                    row,
                    "region_code",
                    cells["region_code"],
                    t("network.expected_code", lang),
                    lang,
                )
            cells["region_code"] = code
        elif cells["level"] != "national":
            raise _problem("stakeholders", row, "region_code", "", t("network.expected_code", lang), lang)
        if require_source and not cells["source"]:
            raise _problem("stakeholders", row, "source", "", t("network.expected_source", lang), lang)
        rows.append(cells)
    return pd.DataFrame(rows, columns=list(STAKEHOLDER_COLUMNS), dtype=str)


def _hours(text: str, row: int, lang: str) -> float:
    """Read a delay in hours ("2", "1,5"); empty is NaN (unknown)."""
    if not text:
        return math.nan
    try:
        hours = float(text.replace(",", "."))
    except ValueError:
        raise _problem("links", row, "delay_hours", text, t("network.expected_hours", lang), lang) from None
    if not math.isfinite(hours) or hours < 0:
        raise _problem("links", row, "delay_hours", text, t("network.expected_hours", lang), lang)
    return hours


def check_links(
    frame: pd.DataFrame,
    stakeholder_ids: Collection[str],
    *,
    require_source: bool = True,
    lang: str = "id",
) -> pd.DataFrame:
    """Return the link list checked and typed, one row per link.

    Parameters
    ----------
    frame
        Rows with :data:`LINK_COLUMNS`, as text; empty cells may be NaN. Not modified.
    stakeholder_ids
        Ids of the checked stakeholder list; every link end must be one of them.
    require_source
        Refuse links without ``source_ref``.
    lang
        Language of the problem message.

    Returns
    -------
    pandas.DataFrame
        :data:`LINK_COLUMNS` in order: ids and text as str ("" when empty), ``directed`` and
        ``assumption`` as bool, ``strength`` as int, ``delay_hours`` as float (NaN = unknown).

    Raises
    ------
    DataProblem
        For an unknown id, a link from an institution to itself, the same link twice (an
        undirected link also repeats its reverse), an unknown kind, strength outside 1-3, a
        negative or unreadable delay, a flag that is not true/false, or a link without a source.
    """
    _require_columns(frame, LINK_COLUMNS, "links", lang)
    known = set(stakeholder_ids)
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for position, record in enumerate(frame[list(LINK_COLUMNS)].itertuples(index=False, name=None)):
        row = position + 2
        cells = {column: _text(value) for column, value in zip(LINK_COLUMNS, record, strict=True)}
        for column in ("source_id", "target_id"):
            if cells[column] not in known:
                raise _problem(
                    "links", row, column, cells[column], t("network.expected_known_id", lang), lang
                )
        source, target = cells["source_id"], cells["target_id"]
        if source == target:
            raise _problem("links", row, "target_id", target, t("network.expected_other_end", lang), lang)
        kind = _one_of(cells["kind"], LINK_KINDS, "links", row, "kind", lang)
        directed = _flag(cells["directed"], "links", row, "directed", lang)
        assumption = _flag(cells["assumption"], "links", row, "assumption", lang)
        try:
            strength = int(cells["strength"])
        except ValueError:
            strength = 0
        if strength not in STRENGTHS:
            raise _problem(
                "links", row, "strength", cells["strength"], t("network.expected_strength", lang), lang
            )
        hours = _hours(cells["delay_hours"], row, lang)
        _one_of(cells["classification"], CLASSIFICATIONS, "links", row, "classification", lang)
        if require_source and not cells["source_ref"]:
            raise _problem("links", row, "source_ref", "", t("network.expected_source", lang), lang)
        keys = [(source, target, kind)] if directed else [(source, target, kind), (target, source, kind)]
        for key in keys:
            if key in seen:
                raise _problem(
                    "links",
                    row,
                    "target_id",
                    target,
                    t("network.expected_unique_link", lang, other=seen[key], source=source),
                    lang,
                )
        seen[(source, target, kind)] = row
        if not directed:
            seen[(target, source, kind)] = row
        rows.append(
            {
                **cells,
                "directed": directed,
                "assumption": assumption,
                "strength": strength,
                "delay_hours": hours,
            }
        )
    links = pd.DataFrame(rows, columns=list(LINK_COLUMNS))
    text_columns = [c for c in LINK_COLUMNS if c not in ("directed", "assumption", "strength", "delay_hours")]
    return links.astype(
        {
            **dict.fromkeys(text_columns, str),
            "directed": bool,
            "assumption": bool,
            "strength": int,
            "delay_hours": float,
        }
    )
