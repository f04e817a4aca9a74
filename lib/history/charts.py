"""Altair charts of the conflict history: timeline with a period brush, voting-day alignment, heatmap.

Pure builders: frames in, charts out. Aggregation happens in :mod:`lib.history`
first, so each chart carries a small table however many events there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import altair as alt
import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.core.regions import PROVINCE, REGENCY_CODES
from lib.core.vocab import CATEGORIES
from lib.history import timeline as history

INTERVAL = "time_brush"
"""Name of the interval selection on the timeline; read it with :func:`lib.history.brush_range`."""

COMPARED_ELECTIONS: tuple[str, ...] = (
    "pilgub-2018",
    "pemilu-2019",
    "pilkada-2020",
    "pemilu-2024",
    "pilkada-2024-bali",
)
"""Elections the voting-day alignment compares by default (those the store holds)."""

CATEGORY_COLOURS: dict[str, str] = {
    "riot": "#8c1c13",
    "clash": "#d62728",
    "violence": "#ff7f0e",
    "intimidation": "#e7ba52",
    "money_politics": "#9467bd",
    "asn_neutrality": "#1f77b4",
    "hoax": "#17becf",
    "logistics": "#8c564b",
    "dispute": "#7f9a3a",
    "other": "#9e9e9e",
}
"""One fixed colour per category, so each keeps its colour whatever the filters."""

MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DESCRIPTION_CHARS = 160
MAX_ALIGNED_POINTS = 2000
"""Above this many events the aligned chart counts events per day instead of drawing each."""


def category_labels(lang: str) -> list[str]:
    """Return the category names in the user's language, in :data:`lib.events.CATEGORIES` order."""
    return [t(f"category.{c}", lang) for c in CATEGORIES]


def category_colour(lang: str, title: str | None = None) -> alt.Color:
    """Return the colour encoding of ``category_label`` with the fixed domain and colours."""
    return alt.Color(
        "category_label:N",
        title=title or t("history.axis.category", lang),
        scale=alt.Scale(domain=category_labels(lang), range=[CATEGORY_COLOURS[c] for c in CATEGORIES]),
        legend=alt.Legend(orient="bottom", columns=5, symbolType="square"),
    )


def _label_categories(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Return the localised category name of each row."""
    names = dict(zip(CATEGORIES, category_labels(lang), strict=True))
    return frame["category"].astype("string").map(names).fillna(frame["category"].astype("string"))


def _month_names(lang: str) -> tuple[str, ...]:
    return MONTHS_ID if lang == "id" else MONTHS_EN


def format_day(day: object, precision: str, lang: str) -> str:
    """Return a date as the user reads it: "27 Nov 2024", "Nov 2024" or "2024".

    >>> format_day(pd.Timestamp("2024-11-27"), "day", "id")
    '27 Nov 2024'
    >>> format_day(pd.Timestamp("2024-08-01"), "month", "id")
    'Agu 2024'
    """
    stamp = pd.Timestamp(day)
    month = _month_names(lang)[stamp.month - 1]
    if precision == "year":
        return f"{stamp.year}"
    if precision == "month":
        return f"{month} {stamp.year}"
    return f"{stamp.day} {month} {stamp.year}"


def _time_axis(start: pd.Timestamp, end: pd.Timestamp, lang: str) -> alt.Axis:
    """Return a time axis labelled by year over long spans, by localised month otherwise."""
    if (end - start).days > 3 * 366:
        return alt.Axis(format="%Y", labelAngle=0, tickCount="year")
    months = "[" + ",".join(f"'{m}'" for m in _month_names(lang)) + "]"
    return alt.Axis(
        labelExpr=f"{months}[month(datum.value)] + ' ' + year(datum.value)",
        labelAngle=0,
        tickCount="month",
        labelOverlap=True,
    )


def _elections_in(
    elections: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp, region: str | None
) -> pd.DataFrame:
    """Return elections whose voting day lies in [first, last] and that concern ``region``."""
    days = pd.to_datetime(elections["voting_day"].astype("string"), format="%Y-%m-%d")
    keep = (days >= first) & (days <= last)
    if region is not None and "scope" in elections:
        scopes = elections["scope"].astype("string").fillna(PROVINCE).str.strip()
        concerns = [s in (PROVINCE, region) or region.startswith(s + ".") for s in scopes]
        keep &= pd.Series(concerns, index=elections.index)
    chosen = elections.loc[keep]
    return pd.DataFrame(
        {
            "voting_day": days[keep],
            "name": chosen["name"].astype("string"),
            "election_id": chosen["id"].astype("string"),
        }
    ).sort_values("voting_day", ignore_index=True)


def _stacked(counts: pd.DataFrame) -> pd.DataFrame:
    """Return counts with ``y0``/``y1``: stacked per period in category order, focus first."""
    rank = {c: i for i, c in enumerate(CATEGORIES)}
    ordered = counts.assign(
        _rank=counts["category"].map(rank).fillna(len(rank)), _outside=~counts["in_focus"].astype(bool)
    ).sort_values(["period_start", "_outside", "_rank"], kind="stable")
    top = ordered.groupby("period_start", sort=False)["count"].cumsum()
    return ordered.assign(y0=top - ordered["count"], y1=top)


def _thinned_labels(
    voting: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp, *, width_px: int = 760
) -> list[str]:
    """Return each election's label, or "" where it would overlap the previous label.

    Assumes the chart is about ``width_px`` wide; a hidden label's rule keeps its tooltip.
    """
    span_days = max((last - first).days, 1)
    labels: list[str] = []
    previous: pd.Timestamp | None = None
    for day, name in zip(voting["voting_day"], voting["name"], strict=True):
        if previous is not None and (day - previous).days * width_px / span_days < 13:
            labels.append("")
            continue
        labels.append(str(name))
        previous = day
    return labels


def timeline(
    events: pd.DataFrame,
    elections: pd.DataFrame,
    *,
    freq: str,
    lang: str = "id",
    highlight_region: str | None = None,
) -> alt.LayerChart | alt.VConcatChart:
    """Build stacked bars of events per month or year, voting days marked, with a period brush.

    Bars span their whole month or year. Events whose date is coarser than
    ``freq`` (only the year known, in a monthly view) are not put in a month:
    they appear in a strip below as translucent spans across their year.
    The bars carry the interval selection :data:`INTERVAL` on x; the page reads it
    with ``history.brush_range(event.selection[INTERVAL])``.

    Parameters
    ----------
    events
        Columns of :data:`lib.events.EVENT_COLUMNS`, enriched or not. Not modified.
    elections
        Table of elections (id, name, voting_day, scope); those within the shown
        period and concerning ``highlight_region`` are drawn as dashed rules.
    freq
        ``"month"`` or ``"year"``.
    lang
        Language of titles and labels.
    highlight_region
        A regency code: its events (and province-wide ones) full colour, others faded.
    """
    focused = (
        pd.Series(True, index=events.index)
        if highlight_region is None
        else history.in_focus(events, highlight_region)
    )
    marked = events.assign(in_focus=focused)
    counts = history.counts_by(marked, freq, by=["category", "in_focus"])
    counts = counts.assign(
        x_end=counts["period_end"] + pd.Timedelta(days=1),
        category_label=_label_categories(counts, lang),
        period_label=[
            format_day(s, "year" if coarse or freq == "year" else "month", lang)
            for s, coarse in zip(counts["period_start"], counts["coarse"], strict=True)
        ],
        focus_label=[
            t("history.in_focus" if f else "history.outside_focus", lang) for f in counts["in_focus"]
        ],
    )
    if counts.empty:
        first, last = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31")
    else:
        first, last = counts["period_start"].min(), counts["x_end"].max()
    axis = _time_axis(first, last, lang)
    period_word = t(f"history.axis.{freq}", lang)
    x_title = t("history.axis.period", lang)
    tooltip = [
        alt.Tooltip("period_label:N", title=period_word),
        alt.Tooltip("category_label:N", title=t("history.axis.category", lang)),
        alt.Tooltip("count:Q", title=t("history.axis.count", lang), format=",d"),
    ]
    if highlight_region is not None:
        tooltip.append(alt.Tooltip("focus_label:N", title=t("history.axis.focus", lang)))
    opacity: alt.OpacityValue | alt.Opacity = alt.OpacityValue(0.9)
    if highlight_region is not None:
        opacity = alt.Opacity(
            "in_focus:N",
            scale=alt.Scale(domain=[True, False], range=[0.95, 0.3]),
            legend=None,
        )

    brush = alt.selection_interval(name=INTERVAL, encodings=["x"])
    shown = ["period_start", "x_end", "count", "category_label", "period_label"]
    if highlight_region is not None:
        shown += ["in_focus", "focus_label"]
    fine = _stacked(counts.loc[~counts["coarse"]])[[*shown, "y0", "y1"]]
    bars = (
        alt.Chart(fine)
        .mark_bar(stroke="white", strokeWidth=0.3)
        .encode(
            x=alt.X("period_start:T", title=x_title, axis=axis),
            x2=alt.X2("x_end:T"),
            y=alt.Y("y0:Q", title=t("history.axis.count", lang), axis=alt.Axis(format="d", tickMinStep=1)),
            y2=alt.Y2("y1:Q"),
            color=category_colour(lang),
            opacity=opacity,
            tooltip=tooltip,
        )
        .add_params(brush)
    )
    voting = _elections_in(elections, first, last, highlight_region)
    voting = voting.assign(
        day_label=[format_day(d, "day", lang) for d in voting["voting_day"]],
        label=_thinned_labels(voting, first, last),
    )
    voting_tooltip = [
        alt.Tooltip("name:N", title=t("history.axis.election", lang)),
        alt.Tooltip("day_label:N", title=t("history.axis.voting_day", lang)),
    ]
    rules = (
        alt.Chart(voting)
        .mark_rule(color="#333333", strokeDash=[4, 3], strokeWidth=1)
        .encode(x=alt.X("voting_day:T", title=x_title), tooltip=voting_tooltip)
    )
    labels = (
        alt.Chart(voting)
        .mark_text(angle=270, align="right", baseline="bottom", dx=-2, dy=-2, fontSize=10, color="#333333")
        .encode(x=alt.X("voting_day:T", title=x_title), y=alt.YValue(0), text=alt.Text("label:N"))
    )
    main = alt.layer(bars, rules, labels).properties(
        height=260,
        title=alt.TitleParams(
            t("history.timeline_title", lang, period=period_word.lower()),
            subtitle=t("history.timeline_brush_hint", lang),
            anchor="start",
        ),
    )
    coarse = counts.loc[counts["coarse"], shown]
    if coarse.empty:
        return main
    strip = (
        alt.Chart(coarse)
        .mark_bar(opacity=0.45, stroke="#555555", strokeDash=[3, 2], strokeWidth=0.8)
        .encode(
            x=alt.X("period_start:T", title=x_title, axis=axis),
            x2=alt.X2("x_end:T"),
            y=alt.Y("category_label:N", title=None, sort=category_labels(lang)),
            color=category_colour(lang),
            tooltip=[
                alt.Tooltip("period_label:N", title=t("history.axis.year", lang)),
                alt.Tooltip("category_label:N", title=t("history.axis.category", lang)),
                alt.Tooltip("count:Q", title=t("history.axis.count", lang), format=",d"),
            ],
        )
        .properties(
            height=alt.Step(16),
            title=alt.TitleParams(t("history.coarse_title", lang), fontSize=11, anchor="start"),
        )
    )
    return alt.vconcat(main, strip, spacing=8).resolve_scale(x="shared", color="shared")


def _truncate(text: object, limit: int = DESCRIPTION_CHARS) -> str:
    """Return ``text`` cut at a word boundary to about ``limit`` characters, with an ellipsis."""
    value = "" if text is None or pd.isna(text) else str(text)
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(" ", 1)[0] + "\u2026"


def aligned_chart(
    aligned: pd.DataFrame,
    lang: str = "id",
    *,
    window_days: tuple[int, int] = (-120, 60),
    region_names: Mapping[str, str] | None = None,
    max_points: int = MAX_ALIGNED_POINTS,
) -> alt.LayerChart:
    """Build a strip per election of events by days from voting day, sized by severity.

    Takes the frame of :func:`lib.history.align_on_voting_day`. Only day-precision
    events are drawn; the subtitle says how many month- or year-dated ones are left
    out. Events on the same day are set side by side. Above ``max_points`` events,
    points become counts per day, election and category (sized by count).

    Parameters
    ----------
    aligned
        From :func:`lib.history.align_on_voting_day`. Not modified.
    lang
        Language of titles and labels.
    window_days
        The x range, as given to ``align_on_voting_day``.
    region_names
        Display names by region code, for the tooltip's place.
    max_points
        See above.
    """
    names = dict(region_names or {})
    names.setdefault(PROVINCE, t("history.province_wide", lang))
    precise = aligned.loc[aligned["precise"].astype(bool)]
    not_shown = int((~aligned["precise"].astype(bool)).sum())
    order = aligned.drop_duplicates("aligned_election_id").sort_values("voting_day", ascending=False)[
        "election_name"
    ]
    election_order = [str(n) for n in order]
    subtitle: list[str] = []
    if not_shown:
        subtitle.append(t("history.aligned_not_shown", lang, n=not_shown))
    low, high = window_days
    x = alt.X(
        "days:Q",
        title=t("history.axis.days", lang),
        scale=alt.Scale(domain=[low, high], nice=False),
        axis=alt.Axis(format="d"),
    )
    # The whole name: "Pilkada Serentak 2024 (Bali)" and "... 2020 (Bali)" differ at the end.
    y = alt.Y(
        "election_name:N",
        title=t("history.axis.election", lang),
        sort=election_order,
        axis=alt.Axis(labelLimit=0),
    )
    if len(precise) > max_points:
        subtitle.append(t("history.aligned_binned", lang))
        grouped = (
            precise.assign(days=precise["days_from_voting_day"].astype("int64"))
            .groupby(["election_name", "days", "category"], observed=True)
            .agg(count=("days", "size"), max_severity=("severity", "max"))
            .reset_index()
        )
        data = grouped.assign(category_label=_label_categories(grouped, lang))
        data["max_severity"] = pd.to_numeric(data["max_severity"], errors="coerce").astype("Int64")
        points = (
            alt.Chart(data)
            .mark_circle(opacity=0.75)
            .encode(
                x=x,
                y=y,
                size=alt.Size("count:Q", title=t("history.axis.events_on_day", lang), legend=None),
                color=category_colour(lang),
                tooltip=[
                    alt.Tooltip("election_name:N", title=t("history.axis.election", lang)),
                    alt.Tooltip("days:Q", title=t("history.axis.days", lang), format="d"),
                    alt.Tooltip("category_label:N", title=t("history.axis.category", lang)),
                    alt.Tooltip("count:Q", title=t("history.axis.count", lang), format=",d"),
                    alt.Tooltip("max_severity:Q", title=t("history.axis.max_severity", lang), format="d"),
                ],
            )
        )
    else:
        days = precise["days_from_voting_day"].astype("int64")
        codes = precise["region_code"].astype("string")
        places = [
            ", ".join(p for p in (str(loc) if pd.notna(loc) else "", names.get(str(code), str(code))) if p)
            for loc, code in zip(precise["location"], codes, strict=True)
        ]
        data = pd.DataFrame(
            {
                "election_name": precise["election_name"].astype("string"),
                "days": days,
                "lane": precise.assign(days=days).groupby(["aligned_election_id", "days"]).cumcount() % 6,
                "category_label": _label_categories(precise, lang),
                "severity": pd.to_numeric(precise["severity"], errors="coerce").astype("Int64"),
                "date_label": [format_day(d, "day", lang) for d in history.date_intervals(precise)["start"]],
                "place": places,
                "description": [_truncate(d) for d in precise["description"]],
                "source": precise["source_title"]
                .astype("string")
                .fillna(precise["source_url"].astype("string")),
                "source_url": precise["source_url"].astype("string"),
            }
        )
        points = (
            alt.Chart(data)
            .mark_circle(opacity=0.8, stroke="white", strokeWidth=0.5)
            .encode(
                x=x,
                y=y,
                yOffset=alt.YOffset("lane:O", title=None),
                size=alt.Size(
                    "severity:Q",
                    title=t("history.axis.severity", lang),
                    scale=alt.Scale(domain=[1, 5], range=[30, 360]),
                    legend=alt.Legend(format="d", values=[1, 2, 3, 4, 5], orient="bottom"),
                ),
                color=category_colour(lang),
                tooltip=[
                    alt.Tooltip("date_label:N", title=t("history.axis.date", lang)),
                    alt.Tooltip("days:Q", title=t("history.axis.days", lang), format="+d"),
                    alt.Tooltip("election_name:N", title=t("history.axis.election", lang)),
                    alt.Tooltip("place:N", title=t("history.axis.place", lang)),
                    alt.Tooltip("category_label:N", title=t("history.axis.category", lang)),
                    alt.Tooltip("severity:Q", title=t("history.axis.severity", lang), format="d"),
                    alt.Tooltip("description:N", title=t("history.axis.description", lang)),
                    alt.Tooltip("source:N", title=t("history.axis.source", lang)),
                ],
            )
        )
    zero = pd.DataFrame({"days": [0], "label": [t("history.voting_day", lang)]})
    rule = alt.Chart(zero).mark_rule(color="#333333", strokeWidth=1.5).encode(x=x)
    rule_label = (
        alt.Chart(zero)
        .mark_text(align="left", baseline="top", dx=4, dy=2, fontSize=11, fontWeight="bold", color="#333333")
        .encode(x=x, y=alt.YValue(0), text=alt.Text("label:N"))
    )
    title = alt.TitleParams(
        t("history.aligned_title", lang), subtitle=subtitle or alt.Undefined, anchor="start"
    )
    height = alt.Step(44, **{"for": "position"}) if election_order else 60
    return alt.layer(rule, points, rule_label).properties(title=title, height=height)


def heatmap(counts: pd.DataFrame, region_names: Mapping[str, str], lang: str = "id") -> alt.LayerChart:
    """Build a regency x category grid coloured by event count, with harm in the tooltip.

    Parameters
    ----------
    counts
        From :func:`lib.history.heatmap_counts`. Not modified.
    region_names
        Display names by region code; "51" shows as province-wide.
    lang
        Language of titles and labels.
    """
    names = dict(region_names)
    names[PROVINCE] = t("history.province_wide", lang)
    unknown = t("history.unknown", lang)
    order_codes = [PROVINCE, *REGENCY_CODES]
    present = list(
        dict.fromkeys([*[c for c in order_codes if c in set(counts["region_code"])], *counts["region_code"]])
    )
    region_order = [names.get(str(c), str(c)) for c in present]
    data = counts.assign(
        region_label=[names.get(str(c), str(c)) for c in counts["region_code"]],
        category_label=_label_categories(counts, lang),
        fatalities_text=[
            unknown if pd.isna(f) else formats.number(int(f), lang) for f in counts["fatalities"]
        ],
        max_severity=pd.to_numeric(counts["max_severity"], errors="coerce").astype("Int64"),
    )
    base = alt.Chart(data).encode(
        x=alt.X(
            "category_label:N",
            title=t("history.axis.category", lang),
            sort=category_labels(lang),
            scale=alt.Scale(domain=category_labels(lang)),
            axis=alt.Axis(labelAngle=-35, labelLimit=260),  # whole names at 16 px too (projector mode)
        ),
        y=alt.Y("region_label:N", title=t("history.axis.region", lang), sort=region_order),
    )
    tooltip = [
        alt.Tooltip("region_label:N", title=t("history.axis.region", lang)),
        alt.Tooltip("category_label:N", title=t("history.axis.category", lang)),
        alt.Tooltip("count:Q", title=t("history.axis.count", lang), format=",d"),
        alt.Tooltip("max_severity:Q", title=t("history.axis.max_severity", lang), format="d"),
        alt.Tooltip("fatalities_text:N", title=t("history.axis.fatalities", lang)),
        alt.Tooltip("fatalities_known:Q", title=t("history.axis.fatalities_known", lang), format=",d"),
    ]
    top = float(data["count"].max()) if len(data) else 1.0
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "count:Q",
            title=t("history.axis.count", lang),
            scale=alt.Scale(scheme="orangered", domainMin=0),
            legend=alt.Legend(format=",d"),
        ),
        tooltip=tooltip,
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("count:Q", format=",d"),
        color=alt.condition(f"datum.count > {top / 2}", alt.value("white"), alt.value("#222222")),
        tooltip=tooltip,
    )
    return alt.layer(cells, text).properties(
        title=alt.TitleParams(t("history.heatmap_title", lang), anchor="start"),
        height=alt.Step(26),
        width=alt.Step(58),
    )


def selected_days(selection: Mapping[str, object] | None) -> tuple[dt.date, dt.date] | None:
    """Return the days brushed on :func:`timeline` from ``event.selection``, or None.

    A convenience over :func:`lib.history.brush_range` that picks :data:`INTERVAL`
    out of the whole selection state Streamlit returns.
    """
    if not selection:
        return None
    value = selection.get(INTERVAL)
    return history.brush_range(value) if isinstance(value, Mapping) else None
