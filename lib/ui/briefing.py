"""One slide of a meeting briefing from a saved view: the page's charts and tables at a ceiling.

:func:`slide_for` reads a view (page and URL parameters) the way the page would: the same cached
reads, keyed by a :class:`~lib.ui.cached.Scope` at the lower of the caller's ceiling and the
agenda's, and the same chart and table builders (lib/risk, lib/history, lib/network, lib/geo
through the page modules' own functions in lib/ui). Widgets that are not part of the view
(the map's measure, the timeline's frequency, assumed delays...) take their default values, as
on a page opened from the link. The layout lives in :mod:`lib.briefing`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from lib import access, history, politics, posko, risk
from lib.briefing import Slide, event_sources, highest, period_text, rows_classification, split_sources
from lib.core import clock, formats, viewstate
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.core.viewstate import ViewState
from lib.ui import cached, exports, maps, peta, ringkasan, skenario
from lib.ui import history as ui_history
from lib.ui import page as ui
from lib.ui import politics as ui_politics
from lib.ui import posko as ui_posko
from lib.ui.cached import Scope
from lib.ui.maps import Period

PAGES: tuple[str, ...] = (*exports.PAGES, "kekuatan_politik")
"""The pages a slide can be made of (their URL paths)."""
MAP_HEIGHT = 420
SOURCE_LIMIT = 200
"""At most this many sources are listed per slide (the rest would not be read in a meeting)."""


@dataclass
class Parts:
    """What a page builder found: charts, tables, the rows' classifications, sources and caveats."""

    charts: list[Callable[[], alt.TopLevelMixin]] = field(default_factory=list)
    """How to draw each chart: only a slide that shows them (the PDF) draws them, not the workbook's."""
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    """Attributions a licence asks for (the boundaries'): listed before every other source."""
    continued: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    """Tables printed on pages after the slide's own (:attr:`lib.briefing.Slide.continued`)."""
    sheets: list[tuple[str, pd.DataFrame]] | None = None
    """The workbook's tables when they differ from those printed (:attr:`lib.briefing.Slide.sheets`)."""

    def draw(self, build: Callable[[], alt.TopLevelMixin]) -> None:
        """Add a chart, drawn by ``build`` when the slide is made with its charts."""
        self.charts.append(build)


@dataclass(frozen=True)
class Shown:
    """The view a builder draws: its scope (at the lowered ceiling), view, period and caller."""

    scope: Scope
    view: ViewState
    period: Period
    caller: access.Caller
    today: dt.date

    @property
    def lang(self) -> str:
        """Return the slide's language."""
        return self.view.lang


def publications_first(sources: list[str]) -> list[str]:
    """Return ``sources`` with the publications (those with an address) before computations.

    >>> publications_first(["dihitung: DPT dibagi TPS", "https://kpu.go.id"])
    ['https://kpu.go.id', 'dihitung: DPT dibagi TPS']
    """
    return sorted(sources, key=lambda source: "://" not in source)


def _map_parts(shown: Shown, parts: Parts, *, period: Period, points: bool) -> None:
    """Add the regency map (and its sources and caveats) as Ringkasan and Peta draw it."""
    scope, view, lang = shown.scope, shown.view, shown.lang
    measure = "category" if not points else next(iter(risk.MEASURES))
    parts.draw(
        lambda: maps.map_chart(
            scope,
            election=view.election,
            weights=view.weights,
            period=period,
            focus=view.focus,
            measure=measure,
            level="kabupaten",
            points=points,
            lang=lang,
            height=MAP_HEIGHT,
        )
    )
    shapes = cached.current_boundaries(scope.settings)
    if shapes is None:
        parts.caveats.append(t("brief.caveat.no_boundaries", lang))
    else:
        parts.credits.append(t("brief.source.boundaries", lang, source=shapes.source, licence=shapes.licence))
    _index_parts(shown, parts)


def _index_parts(shown: Shown, parts: Parts) -> None:
    """Add what the vulnerability index rests on: every event it counts, its indicators' sources."""
    scope, view = shown.scope, shown.view
    found = cached.assessment(scope, view.election, view.weights)
    parts.levels.append(rows_classification(cached.events(scope)))
    parts.sources += publications_first(split_sources(found.values["source"]))
    names = skenario.region_names(scope)
    index = found.index
    for code, known, total in zip(index["region_code"], index["n_known"], index["n_total"], strict=True):
        if int(known) < int(total) and (not view.focus or code == view.focus):
            known_of = t("format.known_of", shown.lang, known=int(known), total=int(total))
            parts.caveats.append(f"{names.get(code, code)}: {known_of}")


def _ringkasan(shown: Shown) -> Parts:
    scope, view, lang = shown.scope, shown.view, shown.lang
    parts = Parts()
    _map_parts(shown, parts, period=shown.period, points=False)
    if access.can(shown.caller, "report.read"):
        parts.tables.append(
            (
                t("brief.table.posko_counts", lang),
                posko.counts_display(scope.ctx.bundle.regions, cached.posko_counts(scope), lang),
            )
        )
        # the table counts the last 24 hours and 7 days, and open alerts of any age: all reports count
        parts.levels.append(rows_classification(posko.read_reports(scope.ctx.engine, ceiling=scope.ceiling)))
        parts.sources.append(t("brief.source.posko", lang))
    else:
        parts.caveats.append(t("brief.caveat.posko_hidden", lang))
    parts.tables.append((t("brief.table.change", lang), ringkasan.change_table(scope, shown.today, lang)))
    parts.tables.append(
        (t("brief.table.latest", lang), ringkasan.latest_events(scope, shown.period, view.focus, lang))
    )
    latest = maps.events_in_scope(scope, shown.period, view.focus).sort_values(
        ["date", "id"], ascending=False
    )
    parts.sources = event_sources(latest.head(8)) + parts.sources
    figures = ringkasan.key_figures(scope, view.election, shown.today, lang, view.focus)
    if figures.figures_source:
        parts.sources.append(t("brief.source.figures", lang, source=figures.figures_source))
    return parts


def _peta(shown: Shown) -> Parts:
    scope, view, lang = shown.scope, shown.view, shown.lang
    period, _ = peta.period_and_brush(shown.period, view.brush, lang)
    parts = Parts()
    _map_parts(shown, parts, period=period, points="events" in view.layers)
    if not view.focus:
        parts.draw(lambda: skenario.ranking_chart(scope, view.election, view.weights, lang))
        return parts
    name = scope.ctx.bundle.regions.loc[view.focus, "name"]
    explained = peta.explanation(scope, view.election, view.weights, view.focus, lang)
    parts.draw(lambda: risk.contribution_chart(explained, name, lang))
    if missing := risk.unknown_indicators(explained, lang):
        parts.caveats.append(t("map.detail.unknown_list", lang, keys="; ".join(missing)))
    digits = {t("map.col.value", lang): 4, t("map.col.score", lang): 1, t("map.col.contribution", lang): 2}
    indicators = formats.as_text(risk.contributions_display(explained, lang), lang, digits)
    parts.tables.append((t("brief.table.indicators", lang), indicators))
    parts.tables.append(
        (t("brief.table.focus_events", lang), peta.focus_events(scope, period, view.focus, lang))
    )
    shown_events = maps.events_in_scope(scope, period, view.focus).sort_values(
        ["date", "id"], ascending=False
    )
    parts.sources = (
        event_sources(shown_events.head(50))
        + publications_first(split_sources(explained["source"]))
        + parts.sources
    )
    return parts


def _riwayat(shown: Shown) -> Parts:
    scope, view, lang = shown.scope, shown.view, shown.lang
    parts = Parts()
    rows = ui_history.enriched(scope, shown.period, view.election)
    parts.levels.append(rows_classification(rows))
    if rows.empty:
        parts.caveats.append(t("historypage.empty", lang))
        return parts
    parts.draw(
        lambda: ui_history.timeline_chart(scope, shown.period, view.election, view.focus, "year", lang)
    )
    brush = history.decode_range(view.brush, lang=lang) if view.brush else None
    chosen = ui_history.selected(scope, shown.period, view.election, view.focus, brush)
    names = ui_history.region_names(scope)
    elections = ui_history.elections(scope)
    compared = [e for e in history.COMPARED_ELECTIONS if e in set(elections["id"])]
    parts.draw(
        lambda: history.aligned_chart(
            history.align_on_voting_day(chosen, elections, election_ids=compared), lang, region_names=names
        )
    )
    parts.draw(lambda: history.heatmap(history.heatmap_counts(chosen), names, lang))
    table = ui_history.event_table(scope, shown.period, view.election, view.focus, brush, lang)
    parts.tables.append((t("brief.table.events", lang), table))
    parts.sources = event_sources(chosen)
    return parts


def _pemangku(shown: Shown) -> Parts:
    from lib import network  # at the first network slide: a server start does without networkx
    from lib.ui import network as ui_network

    scope, view, lang = shown.scope, shown.view, shown.lang
    parts = Parts()
    people, links = ui_network.stored(scope)
    parts.levels.append(rows_classification(people, links))
    chosen = dict(network.DEFAULT_ASSUMED_DELAY_HOURS)
    delays = network.delays_key(chosen)
    graph = ui_network.graph(scope, delays)
    scenario_text, comparison = "", None
    if view.scenario:
        try:
            network.decode_scenario(view.scenario, set(graph.nodes), lang=lang)
            comparison = ui_network.comparison(scope, delays, view.scenario, lang)
            scenario_text = view.scenario
        except DataProblem as problem:
            parts.caveats.append(f"{problem.what} {problem.fix}")
    members = network.focus_members(graph, view.focus) if view.focus else set()
    keep = tuple(sorted(network.neighbourhood(graph, members))) if view.focus else None
    nodes, edges = ui_network.chart_frames(scope, delays, scenario_text, keep, lang)
    parts.draw(
        lambda: network.network_chart(
            nodes,
            edges,
            size_field=next(iter(network.SIZE_FIELDS)),
            highlight=network.highlight_ids(graph, "", comparison, members),
            lang=lang,
            height=ui_network.CHART_HEIGHT,
            label_top=ui_network.LABEL_TOP,
        )
    )
    metrics = ui_network.metrics_table(scope, delays, view.focus or "", lang)
    parts.tables.append((t("brief.table.metrics", lang), metrics.drop(columns="id")))
    parts.tables.append((t("brief.table.failures", lang), ui_network.failures_table(scope, delays, lang)))
    parts.tables.append((t("brief.table.reach", lang), ui_network.reach_table(scope, delays, lang)))
    parts.caveats.append(t("stakeholderspage.assumed_note", lang, delays=network.delays_text(chosen, lang)))
    if comparison is not None:
        parts.caveats.append(t("stakeholderspage.scenario_active", lang, n=len(comparison.cut_off)))
    sources = split_sources(people.get("source", pd.Series(dtype=str)))
    sources += split_sources(links.get("source_ref", pd.Series(dtype=str)))
    parts.sources = [t("brief.source.network", lang, source=s) for s in sources]
    return parts


def _skenario(shown: Shown) -> Parts:
    scope, view, lang = shown.scope, shown.view, shown.lang
    parts = Parts()
    parts.draw(lambda: skenario.ranking_chart(scope, view.election, view.weights, lang))
    ranges = cached.sensitivity(scope, view.election, view.weights, 0.3)
    parts.draw(lambda: risk.rank_ranges(ranges, lang, names=skenario.region_names(scope)))
    _index_parts(shown, parts)
    region = view.focus or "51"
    known, source = risk.known_tps(scope.ctx.bundle.tps_categories, view.election, region)
    preset_key = next(iter(risk.PRESETS))
    try:
        plan = skenario.deployment(tuple(known.items()), 100, preset_key, lang)
    except DataProblem as problem:
        parts.caveats.append(f"{problem.what} {problem.fix}")
    else:
        name = skenario.region_names(scope).get(region, region)
        parts.tables.append((f"{t('scenario.deployment', lang)} {name}", plan))
    if source is None:
        parts.caveats.append(t("scenario.tps_unknown", lang))
    else:
        parts.sources.append(source)
    preset = risk.PRESETS[preset_key]
    parts.sources.append(t("brief.source.deployment", lang, source=preset.source))
    return parts


def _posko(shown: Shown) -> Parts:
    scope, view, lang = shown.scope, shown.view, shown.lang
    parts = Parts()
    if not access.can(shown.caller, "report.read"):
        parts.caveats.append(t("brief.caveat.posko_hidden", lang))
        return parts
    since = until = None
    if shown.period is not None:
        since = dt.datetime.combine(shown.period[0], dt.time(0), tzinfo=clock.LOCAL_TZ)
        until = dt.datetime.combine(shown.period[1], dt.time(23, 59, 59), tzinfo=clock.LOCAL_TZ)
    regions = (view.focus,) if view.focus else ()
    frame = posko.read_reports(
        scope.ctx.engine, ceiling=scope.ceiling, regions=regions or None, since=since, until=until
    )
    parts.levels.append(rows_classification(frame))
    counts = ui_posko.status_counts(scope)
    status = pd.DataFrame(
        {
            t("posko.field.status", lang): [t(f"posko.status.{s}", lang) for s in posko.STATUSES],
            t("brief.col.rows", lang): [counts[s] for s in posko.STATUSES],
        }
    )
    parts.levels.append(rows_classification(posko.read_reports(scope.ctx.engine, ceiling=scope.ceiling)))
    listing = ui_posko.report_list(
        scope, statuses=(), regions=regions, categories=(), since=since, until=until, lang=lang
    )
    parts.tables.append((t("brief.table.status", lang), status))
    parts.tables.append((t("brief.table.reports", lang), listing.table))
    if listing.total > len(listing.ids):
        parts.caveats.append(t("brief.caveat.list_limit", lang, shown=len(listing.ids), total=listing.total))
    parts.sources.append(t("brief.source.posko", lang))
    return parts


def _boundary_credit(shown: Shown, parts: Parts) -> None:
    """Credit the boundaries a map is drawn on (their licence asks for it), or say the tile grid stands in."""
    shapes = cached.current_boundaries(shown.scope.settings)
    if shapes is None:
        parts.caveats.append(t("brief.caveat.no_boundaries", shown.lang))
    else:
        parts.credits.append(
            t("brief.source.boundaries", shown.lang, source=shapes.source, licence=shapes.licence)
        )


def _politik(shown: Shown) -> Parts:
    """Kekuatan Politik as the page shows it: the balance map and table, the flags, every contest's forces.

    Focused on a regency, the flags and contests narrow to the province's and the regency's own, the
    governor's race shows its results there (as on the page). The PDF prints the map and the balance
    on the slide's page, the flags and each contest on the pages after it; the workbook holds the
    balance, the flags, one table of every contest's pairs and the coalitions, sources included.
    """
    scope, view, lang = shown.scope, shown.view, shown.lang
    parts = Parts()
    seen = ui_politics.forces(scope, view.election)
    parts.levels.append(
        rows_classification(seen.pairs, seen.coalitions, seen.seats, seen.results, seen.disputes)
    )
    elections = cached.elections(scope.settings, scope.revision, lang)
    if seen.contests.empty:
        name = elections.loc[view.election, "name"]
        parts.caveats.append(
            f"{t('politics.no_contests', lang, election=name)} {t('politics.no_contests_fix', lang)}"
        )
        return parts
    names = skenario.region_names(scope)
    province = seen.contests[seen.contests["region_code"] == politics.PROVINCE]
    source = t("col.source", lang)
    sheets = []
    if not province.empty:
        contest = str(province["contest"].iloc[0])
        for measure in ui_politics.MEASURES:  # the page's map, each measure it offers: share, margin
            parts.draw(
                lambda measure=measure: ui_politics.balance_chart(
                    scope,
                    election=view.election,
                    contest=contest,
                    measure=measure,
                    focus=view.focus,
                    lang=lang,
                )  # fmt: skip
            )
        _boundary_credit(shown, parts)
        balance = politics.balance_table(ui_politics.balance(scope, view.election, contest), names, lang)
        title = t("brief.table.balance", lang, contest=contest)
        parts.tables.append((title, balance.drop(columns=source)))  # each row's source is in the footer
        sheets.append((title, balance))
    flags = ui_politics.flag_table(scope, view.election, view.focus)
    (parts.continued if parts.charts else parts.tables).append((t("politics.flags", lang), flags))
    sheets.append((t("politics.flags", lang), flags))
    forces = _contest_tables(shown, seen, elections, names, parts)
    coalitions = politics.coalitions_table(seen, view.focus, names, lang)
    parts.sheets = [
        *sheets,
        (t("brief.table.forces", lang), pd.concat(forces, ignore_index=True) if forces else pd.DataFrame()),
        (t("brief.table.coalitions", lang), coalitions),
    ]
    if seen.seats.empty:
        parts.caveats.append(t("politics.no_seats", lang))
    shown_contests = set(politics.contests_in_focus(seen, view.focus)["contest"])
    pairs = seen.pairs[seen.pairs["contest"].isin(shown_contests)]
    results = seen.results[seen.results["contest"].isin(shown_contests)]
    parts.sources = publications_first(
        split_sources(
            [
                *flags.get(source, pd.Series(dtype=str)),
                *pairs["source"],
                *coalitions.get(source, pd.Series(dtype=str)),
                *results["source"],
                *seen.seats["source"],
            ]
        )
    )
    return parts


def _contest_tables(
    shown: Shown, seen: politics.Forces, elections: pd.DataFrame, names: dict[str, str], parts: Parts
) -> list[pd.DataFrame]:
    """Add each contest of the view as a continued table; return them with their contest named (workbook).

    The tables are the page's own (:func:`lib.ui.politics.contest_rows`, cached per view); what the
    page writes under a contest (result notes, sources that disagree) becomes a caveat.
    """
    view, lang = shown.view, shown.lang
    legislature = politics.legislature_of(elections, view.election)
    found = []
    for section in ui_politics.contest_rows(shown.scope, view.election, view.focus, legislature, lang):
        contest = section.contest
        if section.table.empty:
            n_pairs = contest["n_pairs"]
            n = t("common.unknown", lang) if pd.isna(n_pairs) else int(n_pairs)
            text = t("politics.no_pairs", lang, n=n)
            parts.caveats.append(t("brief.caveat.contest", lang, contest=contest["contest"], text=text))
            continue
        heading = t(
            "brief.table.contest", lang, title=section.title, region=names.get(section.region, section.region)
        )
        parts.continued.append((heading, section.table))
        if section.notes:
            parts.caveats.append(
                t("brief.caveat.contest", lang, contest=contest["contest"], text=section.notes)
            )
        found.append(section.exported)
    return found


BUILDERS: dict[str, Callable[[Shown], Parts]] = {
    "ringkasan": _ringkasan,
    "peta": _peta,
    "riwayat_konflik": _riwayat,
    "pemangku_kepentingan": _pemangku,
    "skenario": _skenario,
    "posko": _posko,
    "kekuatan_politik": _politik,
}


def view_period(scope: Scope, view: ViewState, voting_day: dt.date) -> Period:
    """Return the view's period as dates (:meth:`lib.ui.page.Page.period` for a view not on screen)."""
    stages = cached.reference(scope, "election_stages")
    mine = stages[stages["election_id"] == view.election]
    return view.period_range(voting_day, list(zip(mine["start"], mine["end"], strict=True)))


def slide_for(
    page: ui.Page,
    *,
    page_name: str,
    params: Mapping[str, str],
    title: str,
    note: str,
    ceiling: str,
    charts: bool = True,
) -> Slide:
    """Return the slide of one agenda view: ``page_name`` opened with URL ``params``, read at ``ceiling``.

    The data are read at the lower of the caller's ceiling and ``ceiling``: an agenda prepared at
    TERBATAS never shows a RAHASIA row, whoever prints it. Invalid parameters fall back as the
    page does (their notices become caveats). Without ``charts`` the slide has none: the workbook
    holds only tables, and drawing a map or a network costs more than reading its data.

    Raises
    ------
    DataProblem
        If ``page_name`` is not a page a slide can be made of, or the view's data cannot be read
        (boundaries, weights that are all 0).
    """
    page_name = page_name.removeprefix("pages/").removesuffix(".py").strip("/")
    if page_name not in BUILDERS:
        lang = page.lang
        raise DataProblem(t("brief.unknown_page", lang, page=page_name), t("brief.unknown_page_fix", lang))
    view = viewstate.decode(
        dict(params),
        elections=list(page.elections["id"]),
        regions=REGENCY_CODES,
        default_election=page.default_election,
        lang_hint=page.lang,
    )
    level = access.lower_ceiling(page.caller.ceiling, ceiling)
    caller = dataclasses.replace(page.caller, ceiling=level)
    scope = Scope(page.ctx.settings, page.rev, level, view.lang)
    elections = cached.elections(scope.settings, scope.revision, view.lang)
    election = elections.loc[view.election]
    moment = clock.now().astimezone(clock.LOCAL_TZ)
    period = view_period(scope, view, election["voting_day"])
    shown = Shown(scope=scope, view=view, period=period, caller=caller, today=moment.date())
    parts = BUILDERS[page_name](shown)
    regions = scope.ctx.bundle.regions
    focus = regions.loc[view.focus, "name"] if view.focus in regions.index else t("brief.all_bali", view.lang)
    return Slide(
        title=title or t(f"brief.page.{page_name}", view.lang),
        note=note,
        page=t(f"brief.page.{page_name}", view.lang),
        election=str(election["name"]),
        generated_at=moment,
        focus=str(focus),
        period=period_text(period, view.period, view.lang),
        classification=highest(parts.levels),
        charts=tuple(build() for build in parts.charts) if charts else (),
        tables=tuple(parts.tables),
        sources=tuple(dict.fromkeys([*parts.credits, *parts.sources]))[:SOURCE_LIMIT],
        caveats=tuple(dict.fromkeys([*view.notices, *parts.caveats])),
        lang=view.lang,
        continued=tuple(parts.continued),
        sheets=None if parts.sheets is None else tuple(parts.sheets),
    )
