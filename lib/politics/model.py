"""The political forces of an election as data: contests, pairs, coalitions, seats, results, disputes.

Every row carries its source; an unknown value stays empty (``pd.NA``), never 0. The checks
here serve the bundled files and any table shaped like them: the first bad cell raises a
:class:`~lib.core.problems.DataProblem` naming the file, row (the header is row 1) and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES

OFFICES: tuple[str, ...] = ("gubernur", "bupati", "wali_kota", "presiden")
"""The office a contest fills: governor (province), regent (kabupaten), mayor (kota), and the president
(Pemilu: Bali's part of the national race, recorded for the province)."""
PROVINCE_OFFICES: tuple[str, ...] = ("gubernur", "presiden")
"""The offices whose contest is recorded for the whole province (region 51)."""
ELECTION_LEVELS: tuple[str, ...] = ("pemilu", "pilkada")
"""An election's level as the elections table writes it: the general election or the regional one. A
re-vote (PSU) or a by-election takes the level of the election it completes, and a narrower scope."""
INCUMBENCY: tuple[str, ...] = ("yes", "former", "no")
"""Whether the head of a pair holds the office now (``yes``), held it before (``former``) or not."""
BACKING: tuple[str, ...] = ("parties", "independent")
"""How a pair stands: nominated by parties, or independent (*perseorangan*)."""
OUTCOMES: tuple[str, ...] = ("elected", "not_elected")
DISPUTE_KINDS: tuple[str, ...] = ("bawaslu", "objection", "revote", "mk_case", "dkpp")
"""Reports and findings of Bawaslu, objections at a recapitulation, re-votes (PSU), MK cases, DKPP."""
PARTIES: tuple[str, ...] = (
    "PKB",
    "Gerindra",
    "PDI-P",
    "Golkar",
    "NasDem",
    "Partai Buruh",
    "Gelora",
    "PKS",
    "PKN",
    "Hanura",
    "Garuda",
    "PAN",
    "PBB",
    "Demokrat",
    "PSI",
    "Perindo",
    "PPP",
    "Ummat",
)
"""The 18 national parties of Pemilu 2024, as the sources write them."""

CONTEST_COLUMNS = ("election_id", "contest", "region_code", "office", "n_pairs", "source")
PAIR_COLUMNS = (
    "pair_id",
    "election_id",
    "contest",
    "ballot_no",
    "head",
    "deputy",
    "popular_name",
    "incumbent",
    "backing",
    "outcome",
    "source",
    "note",
)
COALITION_COLUMNS = ("pair_id", "party", "source")
SEAT_COLUMNS = ("election_id", "region_code", "party", "seats", "total_seats", "source", "note")
RESULT_COLUMNS = (
    "election_id",
    "contest",
    "pair_id",
    "region_code",
    "votes",
    "share",
    "source",
    "note",
    "conflict",
)
DISPUTE_COLUMNS = (
    "id",
    "election_id",
    "contest",
    "region_code",
    "kind",
    "date",
    "description",
    "conflict",
    "source",
)
FILES: dict[str, str] = {
    "pairs": "candidate_pairs.csv",
    "coalitions": "coalitions.csv",
    "seats": "dprd_seats.csv",
    "results": "results.csv",
    "disputes": "disputes.csv",
}
"""The bundled file of each table of :class:`Forces`."""
TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "candidate_pairs.csv": (("pair_id",), ("note",)),
    "dprd_seats.csv": (("election_id", "region_code", "party"), ("note",)),
    "results.csv": (("pair_id", "region_code"), ("note", "conflict")),
    "disputes.csv": (("id",), ("description", "conflict")),
}
"""Per bundled file: its key columns and the texts a person reads (each with its ``_en`` twin)."""
PROVINCE = "51"


@dataclass(frozen=True)
class Forces:
    """The political forces of the stored elections: one frame per table, checked and typed."""

    contests: pd.DataFrame
    pairs: pd.DataFrame
    coalitions: pd.DataFrame
    seats: pd.DataFrame
    results: pd.DataFrame
    disputes: pd.DataFrame


class _Cells:
    """The checks of one table: each failure names the file, the row and the column."""

    def __init__(self, frame: pd.DataFrame, name: str, lang: str):
        self.frame = frame.reset_index(drop=True)
        self.name = name
        self.lang = lang

    def fail(self, row: int, column: str, value: object, expected: str) -> DataProblem:
        return DataProblem(
            t(
                "bundle.bad_cell",
                self.lang,
                name=self.name,
                row=row + 2,
                column=column,
                value="" if value is None or value is pd.NA else value,
                expected=expected,
            ),
            t("bundle.bad_cell_fix", self.lang),
        )

    def required(self, *columns: str) -> None:
        for column in columns:
            empty = self.frame[column].isna() | (self.frame[column].astype("string").str.strip() == "")
            if empty.any():
                row = int(empty.to_numpy().nonzero()[0][0])
                raise self.fail(row, column, "", t("politics.expect.filled", self.lang))

    def allowed(self, column: str, allowed: Iterable[str], *, empty: bool = True) -> None:
        choices = tuple(allowed)
        for row, value in enumerate(self.frame[column]):
            if pd.isna(value) and empty:
                continue
            if value not in choices:
                listed = ", ".join(choices) if len(choices) <= 20 else ", ".join(choices[:20]) + " …"
                raise self.fail(row, column, value, t("bundle.expect.one_of", self.lang, values=listed))

    def numbers(self, column: str, *, kind: str, low: float = 0, high: float | None = None) -> None:
        converted = pd.to_numeric(self.frame[column], errors="coerce")
        for row, (text, value) in enumerate(zip(self.frame[column], converted, strict=True)):
            if pd.isna(text):
                continue
            whole = kind != "int" or (not pd.isna(value) and float(value).is_integer())
            inside = not pd.isna(value) and value >= low and (high is None or value <= high)
            if not (whole and inside):
                expected = t(
                    "politics.expect.range" if high is not None else "politics.expect.at_least",
                    self.lang,
                    low=low,
                    high=high,
                )
                raise self.fail(row, column, text, expected)
        self.frame[column] = converted.astype("Int64") if kind == "int" else converted.astype("Float64")

    def unique(self, *columns: str) -> None:
        doubled = self.frame.duplicated(list(columns))
        if doubled.any():
            row = int(doubled.to_numpy().nonzero()[0][0])
            raise self.fail(
                row, columns[-1], self.frame[columns[-1]].iloc[row], t("bundle.expect.unique_id", self.lang)
            )

    def dates(self, column: str) -> None:
        values: list[dt.date | None] = []
        for row, text in enumerate(self.frame[column]):
            if pd.isna(text):
                values.append(None)
                continue
            try:
                values.append(dt.date.fromisoformat(str(text)))
            except ValueError:
                raise self.fail(row, column, text, t("bundle.expect.iso_date", self.lang)) from None
        self.frame[column] = pd.Series(values, dtype=object)


def _present(frame: pd.DataFrame, columns: tuple[str, ...], name: str, lang: str) -> None:
    """Check that ``frame`` has ``columns``."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataProblem(
            t("bundle.missing_columns", lang, name=name, columns=", ".join(missing)),
            t("bundle.missing_columns_fix", lang),
        )


def check_contests(
    frame: pd.DataFrame, election_ids: Iterable[str], *, name: str, lang: str = "id"
) -> pd.DataFrame:
    """Return the contests checked: known election, region, office, a count of pairs, a source."""
    _present(frame, CONTEST_COLUMNS, name, lang)
    cells = _Cells(frame, name, lang)
    cells.required("election_id", "contest", "region_code", "office", "source")
    cells.allowed("election_id", election_ids, empty=False)
    cells.allowed("region_code", (PROVINCE, *REGENCY_CODES), empty=False)
    cells.allowed("office", OFFICES, empty=False)
    cells.numbers("n_pairs", kind="int", low=1)
    cells.unique("election_id", "contest")
    for row, (office, region) in enumerate(
        zip(cells.frame["office"], cells.frame["region_code"], strict=True)
    ):
        if (office in PROVINCE_OFFICES) != (region == PROVINCE):
            raise cells.fail(row, "office", office, t("politics.expect.office_region", lang, region=region))
    return cells.frame


def check_pairs(frame: pd.DataFrame, contests: pd.DataFrame, *, name: str, lang: str = "id") -> pd.DataFrame:
    """Return the candidate pairs checked: each in a known contest, with names and a source."""
    _present(frame, PAIR_COLUMNS, name, lang)
    cells = _Cells(frame, name, lang)
    cells.required("pair_id", "election_id", "contest", "head", "deputy", "source")
    known = set(zip(contests["election_id"], contests["contest"], strict=True))
    for row, key in enumerate(zip(cells.frame["election_id"], cells.frame["contest"], strict=True)):
        if key not in known:
            raise cells.fail(row, "contest", key[1], t("politics.expect.contest", lang, election=key[0]))
    cells.numbers("ballot_no", kind="int", low=1, high=20)
    cells.allowed("incumbent", INCUMBENCY)
    cells.allowed("backing", BACKING)
    cells.allowed("outcome", OUTCOMES)
    cells.unique("pair_id")
    numbered = cells.frame[cells.frame["ballot_no"].notna()]
    doubled = numbered.duplicated(["election_id", "contest", "ballot_no"])
    if doubled.any():
        row = int(numbered.index[doubled.to_numpy().nonzero()[0][0]])
        raise cells.fail(
            row, "ballot_no", cells.frame["ballot_no"].iloc[row], t("bundle.expect.unique_id", lang)
        )
    return cells.frame


def check_coalitions(
    frame: pd.DataFrame, pairs: pd.DataFrame, *, name: str, lang: str = "id"
) -> pd.DataFrame:
    """Return the coalitions checked: a known pair, a national party, a source, each party once."""
    _present(frame, COALITION_COLUMNS, name, lang)
    cells = _Cells(frame, name, lang)
    cells.required("pair_id", "party", "source")
    cells.allowed("pair_id", tuple(pairs["pair_id"]), empty=False)
    cells.allowed("party", PARTIES, empty=False)
    cells.unique("pair_id", "party")
    return cells.frame


def check_seats(
    frame: pd.DataFrame, election_ids: Iterable[str], *, name: str, lang: str = "id"
) -> pd.DataFrame:
    """Return the DPRD seats checked: a known election and region, a party, seats within the total."""
    _present(frame, SEAT_COLUMNS, name, lang)
    cells = _Cells(frame, name, lang)
    cells.required("election_id", "region_code", "party", "source")
    cells.allowed("election_id", election_ids, empty=False)
    cells.allowed("region_code", (PROVINCE, *REGENCY_CODES), empty=False)
    cells.allowed("party", PARTIES, empty=False)
    cells.numbers("seats", kind="int", low=0, high=200)
    cells.numbers("total_seats", kind="int", low=1, high=200)
    cells.unique("election_id", "region_code", "party")
    over = cells.frame["seats"].fillna(0) > cells.frame["total_seats"].fillna(10**6)
    if over.any():
        row = int(over.to_numpy().nonzero()[0][0])
        raise cells.fail(
            row, "seats", cells.frame["seats"].iloc[row], t("politics.expect.within_total", lang)
        )
    return cells.frame


def check_results(
    frame: pd.DataFrame, pairs: pd.DataFrame, contests: pd.DataFrame, *, name: str, lang: str = "id"
) -> pd.DataFrame:
    """Return the results checked: a pair of that contest, a region it covers, votes and share in range."""
    _present(frame, RESULT_COLUMNS, name, lang)
    cells = _Cells(frame, name, lang)
    cells.required("election_id", "contest", "pair_id", "region_code", "source")
    cells.allowed("pair_id", tuple(pairs["pair_id"]), empty=False)
    contest_of = dict(zip(pairs["pair_id"], pairs["contest"], strict=True))
    region_of = {
        (e, c): r
        for e, c, r in zip(contests["election_id"], contests["contest"], contests["region_code"], strict=True)
    }
    for row, record in enumerate(
        cells.frame[["election_id", "contest", "pair_id", "region_code"]].itertuples()
    ):
        if contest_of[record.pair_id] != record.contest:
            raise cells.fail(
                row,
                "contest",
                record.contest,
                t("politics.expect.pair_contest", lang, contest=contest_of[record.pair_id]),
            )
        home = region_of.get((record.election_id, record.contest))
        if record.region_code not in ((PROVINCE, *REGENCY_CODES) if home == PROVINCE else (home,)):
            raise cells.fail(
                row, "region_code", record.region_code, t("politics.expect.contest_region", lang)
            )
    cells.numbers("votes", kind="int", low=0)
    cells.numbers("share", kind="float", low=0, high=100)
    cells.unique("pair_id", "region_code")
    return cells.frame


def check_disputes(
    frame: pd.DataFrame, contests: pd.DataFrame, *, name: str, lang: str = "id"
) -> pd.DataFrame:
    """Return the disputes checked: an id, a kind, a known contest (or none: every contest), a source."""
    _present(frame, DISPUTE_COLUMNS, name, lang)
    cells = _Cells(frame, name, lang)
    cells.required("id", "election_id", "region_code", "kind", "description", "source")
    cells.allowed("kind", DISPUTE_KINDS, empty=False)
    cells.allowed("region_code", (PROVINCE, *REGENCY_CODES), empty=False)
    known = set(zip(contests["election_id"], contests["contest"], strict=True))
    for row, key in enumerate(zip(cells.frame["election_id"], cells.frame["contest"], strict=True)):
        if not pd.isna(key[1]) and key not in known:
            raise cells.fail(row, "contest", key[1], t("politics.expect.contest", lang, election=key[0]))
    cells.dates("date")
    cells.unique("id")
    return cells.frame


def check_forces(
    contests: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    election_ids: Iterable[str],
    *,
    lang: str = "id",
) -> Forces:
    """Check every table of the political forces against each other; return them typed.

    Parameters
    ----------
    contests
        The contests (``contests.csv``), already read as text.
    tables
        The frames read from :data:`FILES`, keyed like it (``pairs``, ``coalitions`` …).
    election_ids
        The elections the contests and seats may name.

    Raises
    ------
    DataProblem
        At the first bad cell, naming the file, row and column.
    """
    ids = tuple(election_ids)
    checked = check_contests(contests, ids, name="contests.csv", lang=lang)
    pairs = check_pairs(tables["pairs"], checked, name=FILES["pairs"], lang=lang)
    return Forces(
        contests=checked,
        pairs=pairs,
        coalitions=check_coalitions(tables["coalitions"], pairs, name=FILES["coalitions"], lang=lang),
        seats=check_seats(tables["seats"], ids, name=FILES["seats"], lang=lang),
        results=check_results(tables["results"], pairs, checked, name=FILES["results"], lang=lang),
        disputes=check_disputes(tables["disputes"], checked, name=FILES["disputes"], lang=lang),
    )
