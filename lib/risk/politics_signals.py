"""Signals of the political forces as indicators of the index, per regency, for the election assessed.

Five indicators (``data/indicators.csv`` gives their direction, weight and the sources behind them)
are read from :class:`lib.politics.Forces`:

``head_to_head``
    1 when the ballot offers two choices: two pairs, or a single pair against the empty box
    (*kotak kosong*); 0 with three pairs or more. The Kapolri put both kinds under special
    attention; the single candidate's own risk (a re-run when the box wins) is what
    ``candidate_pairs`` scores as the fewest pairs.
``previous_margin``
    The lead, in percentage points, of the first pair over the second at the most recent earlier
    contest for the same office whose results in the region are complete (as Kekuatan Politik
    computes it, :func:`lib.politics.margin`).
``incumbent_running``
    1 when the holder of the office, or a former holder, runs; 0 when every pair is recorded as
    not one.
``coalition_dominance``
    Share of the DPRD seats (from the legislative election before) held by the parties behind the
    largest coalition: the regency's DPRD for a regent or mayor race, the province's for a
    province-wide one.
``previous_disputes``
    Disputes recorded in the regency at elections before the one assessed (Bawaslu findings,
    objections, re-votes, MK cases, DKPP complaints).

Which contest a regency row reads: the regency's own regent or mayor race in the election
assessed, else the province-wide governor's race (a Pilgub held alone), else another contest
recorded for the province (a Pemilu's presidential race). Unknown stays absent,
never 0: a value is only given when the data that decide it are all recorded (every pair of the
contest, its incumbency, every party's seats …). The assessed election's own disputes do not
count, not even those before voting day: this indicator is the region's history, and what is
reported going into the vote already counts through the events (``disputes``). A dispute recorded
for the whole province (``51``) counts for no regency, like a province-wide event. A count of 0
needs an earlier election mapped in the region (a contest recorded there or province-wide);
without one the count is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.core.regions import REGENCY_CODES
from lib.politics import PROVINCE, Forces, legislature_of, margin, pair_label, standings
from lib.risk.indicators import _row, _value_frame

HEAD_TO_HEAD = "head_to_head"
PREVIOUS_MARGIN = "previous_margin"
INCUMBENT_RUNNING = "incumbent_running"
COALITION_DOMINANCE = "coalition_dominance"
PREVIOUS_DISPUTES = "previous_disputes"
POLITICS_INDICATORS: tuple[str, ...] = (
    HEAD_TO_HEAD,
    PREVIOUS_MARGIN,
    INCUMBENT_RUNNING,
    COALITION_DOMINANCE,
    PREVIOUS_DISPUTES,
)
"""The indicators derived from the political forces, in the order of ``data/indicators.csv``."""
HOLDERS: tuple[str, ...] = ("yes", "former")
"""Incumbency values that count as an office-holder running (:data:`lib.politics.INCUMBENCY`)."""


def politics_signals(
    forces: Forces,
    elections: pd.DataFrame,
    election_id: str,
    *,
    regions: Sequence[str] = REGENCY_CODES,
    lang: str = "id",
) -> pd.DataFrame:
    """Return the five political signals of ``election_id`` per regency, in the long value form.

    Parameters
    ----------
    forces
        The political forces of every stored election the caller may see (:func:`lib.store.read_forces`),
        not limited to one election: the previous margin and disputes read the earlier ones.
    elections
        The elections table (``id``, ``level``, ``voting_day``): which elections are earlier, and
        which legislative election's seats back the pairs.
    election_id
        The election assessed.

    Returns
    -------
    pandas.DataFrame
        :data:`lib.risk.VALUE_COLUMNS`, one row per known (regency, indicator); unknown ones absent.
    """
    table = elections.set_index("id", drop=False)
    day = _day(table.loc[election_id, "voting_day"])
    earlier = {str(e) for e, d in zip(table["id"], table["voting_day"], strict=True) if _day(d) < day}
    seats_from = legislature_of(table.assign(voting_day=table["voting_day"].map(_day)), election_id)
    now, past = _only(forces, {election_id}, seats_from), _only(forces, earlier, None)
    rows: list[dict[str, object] | None] = []
    for code in regions:
        contest = contest_of(now, election_id, code)
        if contest is not None:
            pairs = now.pairs[now.pairs["contest"] == contest["contest"]]
            rows.append(_head_to_head(contest, code, day.year, lang))
            rows.append(_incumbency(contest, pairs, code, day.year, lang))
            rows.append(_dominance(now, contest, pairs, code, seats_from, day.year, lang))
            rows.append(_previous_margin(past, table, contest, code, lang))
        rows.append(_previous_disputes(past, table, code, lang))
    return _value_frame([r for r in rows if r is not None])


def contest_of(forces: Forces, election_id: str, code: str) -> pd.Series | None:
    """Return the contest a regency row reads: its own regent/mayor race, else a province-wide one.

    Of the province-wide contests the governor's race comes first, then any other recorded for
    the province (a Pemilu's presidential race, Bali's part of it).
    """
    mine = forces.contests[forces.contests["election_id"] == election_id]
    own = mine[mine["region_code"] == code]
    if len(own):
        return own.iloc[0]
    province = mine[mine["region_code"] == PROVINCE]
    if province.empty:
        return None
    return province.iloc[int((province["office"] != "gubernur").to_numpy().argmin())]


# --------------------------------------------------------------------------- the five signals


def _head_to_head(contest: pd.Series, code: str, year: int, lang: str) -> dict[str, object] | None:
    """Return 1 when the ballot offers two choices (two pairs, or a pair against the empty box), else 0."""
    if pd.isna(contest["n_pairs"]):
        return None
    n_pairs = int(contest["n_pairs"])
    note = t("risk.politics.h2h_note", lang, contest=contest["contest"], n=n_pairs)
    if n_pairs == 1:
        note = t("risk.politics.h2h_single_note", lang, contest=contest["contest"])
    source = t("risk.politics.h2h_source", lang, detail=note, source=contest["source"])
    return _row(code, HEAD_TO_HEAD, 1.0 if n_pairs <= 2 else 0.0, year, source, note)


def _incumbency(
    contest: pd.Series, pairs: pd.DataFrame, code: str, year: int, lang: str
) -> dict[str, object] | None:
    """Return 1 when a (former) holder runs; 0 only when every pair of the contest is recorded as not one."""
    holders = pairs[pairs["incumbent"].isin(HOLDERS)]
    sources = _joined(pairs["source"])
    if len(holders):
        names = "; ".join(
            f"{pair_label(pair)} ({t('risk.politics.holder.' + str(pair['incumbent']), lang)})"
            for _, pair in holders.iterrows()
        )
        note = t("risk.politics.incumbent_note", lang, contest=contest["contest"], pairs=names)
        return _row(
            code,
            INCUMBENT_RUNNING,
            1.0,
            year,
            t("risk.politics.incumbent_source", lang, detail=note, source=sources),
            note,
        )
    if not _complete(contest, pairs) or not pairs["incumbent"].eq("no").all():
        return None
    note = t("risk.politics.no_incumbent_note", lang, contest=contest["contest"], n=len(pairs))
    return _row(
        code,
        INCUMBENT_RUNNING,
        0.0,
        year,
        t("risk.politics.incumbent_source", lang, detail=note, source=sources),
        note,
    )


def _dominance(
    forces: Forces,
    contest: pd.Series,
    pairs: pd.DataFrame,
    code: str,
    seats_from: str | None,
    year: int,
    lang: str,
) -> dict[str, object] | None:
    """Return the share of the DPRD seats behind the contest's largest coalition (its own region's DPRD)."""
    if seats_from is None or not _complete(contest, pairs):
        return None
    region = str(contest["region_code"])
    seats = forces.seats[
        (forces.seats["election_id"] == seats_from) & (forces.seats["region_code"] == region)
    ]
    totals = seats["total_seats"].dropna()
    if totals.empty or int(totals.iloc[0]) <= 0:
        return None
    held = dict(zip(seats["party"], seats["seats"], strict=True))
    best: tuple[int, str] | None = None
    for _, pair in pairs.iterrows():
        parties = sorted(forces.coalitions.loc[forces.coalitions["pair_id"] == pair["pair_id"], "party"])
        if pair["backing"] == "independent" and not parties:
            behind = 0
        elif not parties or any(p not in held or pd.isna(held[p]) for p in parties):
            return None  # a pair whose backing or a party's seats are not recorded: the largest is unknown
        else:
            behind = sum(int(held[p]) for p in parties)
        if best is None or behind > best[0]:
            best = (behind, pair_label(pair))
    if best is None:
        return None
    total = int(totals.iloc[0])
    note = t(
        "risk.politics.dominance_note",
        lang,
        contest=contest["contest"],
        pair=best[1],
        seats=best[0],
        total=total,
        election=seats_from,
    )
    source = t("risk.politics.dominance_source", lang, detail=note, source=_joined(seats["source"]))
    return _row(code, COALITION_DOMINANCE, best[0] / total, year, source, note)


def _previous_margin(
    past: Forces, elections: pd.DataFrame, contest: pd.Series, code: str, lang: str
) -> dict[str, object] | None:
    """Return the margin (points) of the latest earlier contest for the same office with complete results."""
    forces = past
    before = forces.contests[
        (forces.contests["office"] == contest["office"])
        & (forces.contests["region_code"] == contest["region_code"])
    ]
    order = sorted(
        before.itertuples(index=False),
        key=lambda c: _day(elections.loc[c.election_id, "voting_day"]),
        reverse=True,
    )
    for previous in order:
        visible = forces.pairs[
            (forces.pairs["election_id"] == previous.election_id)
            & (forces.pairs["contest"] == previous.contest)
        ]
        if not pd.isna(previous.n_pairs) and len(visible) != int(previous.n_pairs):
            continue  # a pair not recorded (or not visible) could change who leads
        table = standings(forces, previous.election_id, previous.contest, code)
        lead = margin(table)
        if lead["margin_pp"] is None:
            continue
        year = _day(elections.loc[previous.election_id, "voting_day"]).year
        note = t(
            "risk.politics.margin_note",
            lang,
            contest=previous.contest,
            year=year,
            leader=lead["leader_label"],
            points=formats.number(float(lead["margin_pp"]), lang, digits=2),
            votes=formats.number(int(lead["margin_votes"]), lang),
        )
        source = t("risk.politics.margin_source", lang, detail=note, source=_joined(table["result_source"]))
        return _row(code, PREVIOUS_MARGIN, float(lead["margin_pp"]), year, source, note)
    return None


def _previous_disputes(
    past: Forces, elections: pd.DataFrame, code: str, lang: str
) -> dict[str, object] | None:
    """Return how many disputes earlier elections recorded in the regency (0 only where one was mapped)."""
    disputes = past.disputes[past.disputes["region_code"] == code]
    mapped = past.contests[past.contests["region_code"].isin([code, PROVINCE])]
    if disputes.empty and mapped.empty:
        return None
    seen = {*disputes["election_id"], *mapped["election_id"]}
    year = max(_day(elections.loc[e, "voting_day"]).year for e in seen)
    kinds = disputes["kind"].value_counts()
    counted = ", ".join(f"{t(f'risk.politics.kind.{k}', lang)} {int(n)}" for k, n in kinds.items())
    note = t(
        "risk.politics.disputes_note",
        lang,
        n=len(disputes),
        kinds=counted or "\u2013",
        elections=", ".join(sorted(seen)),
    )
    source = t(
        "risk.politics.disputes_source",
        lang,
        detail=note,
        source=_joined(disputes["source"]) or _joined(mapped["source"]),
    )
    return _row(code, PREVIOUS_DISPUTES, float(len(disputes)), year, source, note)


# --------------------------------------------------------------------------- helpers


def _only(forces: Forces, elections: set[str], seats_from: str | None) -> Forces:
    """Return the forces of ``elections`` (with the DPRD seats of ``seats_from`` only).

    Split once, so that the signals filter small frames per regency: filtering the store's wide
    frames each time cost about a second per assessment of Bali.
    """
    pairs = forces.pairs[forces.pairs["election_id"].isin(elections)]
    return Forces(
        contests=forces.contests[forces.contests["election_id"].isin(elections)],
        pairs=pairs,
        coalitions=forces.coalitions[forces.coalitions["pair_id"].isin(set(pairs["pair_id"]))],
        seats=forces.seats[forces.seats["election_id"] == seats_from],
        results=forces.results[forces.results["election_id"].isin(elections)],
        disputes=forces.disputes[forces.disputes["election_id"].isin(elections)],
    )


def _complete(contest: pd.Series, pairs: pd.DataFrame) -> bool:
    """Return whether every pair of the contest is recorded (and visible): its count is known and met."""
    return not pd.isna(contest["n_pairs"]) and len(pairs) == int(contest["n_pairs"]) > 0


def _joined(sources: pd.Series) -> str:
    """Return the distinct sources, in order, as one text ("a | b")."""
    seen: dict[str, None] = {}
    for text in sources.dropna().astype(str):
        for part in text.split(" | "):
            if part.strip():
                seen.setdefault(part.strip(), None)
    return " | ".join(seen)


def _day(value: object) -> dt.date:
    """Return a voting day as a date, whether stored as a date, a timestamp or ISO text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
