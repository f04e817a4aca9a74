import datetime as dt
import functools

import streamlit as st

from lib import access, posko, store
from lib.core import viewstate
from lib.core.clock import LOCAL_TZ, local_time
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.regions import REGENCY_CODES
from lib.core.viewstate import ViewState
from lib.core.vocab import CATEGORIES
from lib.ui import access as ui_access
from lib.ui import cached
from lib.ui import page as ui
from lib.ui import posko as ui_posko

page = ui.this_page()
lang = page.lang
caller = page.caller
engine = page.ctx.engine
st.title(t("posko.title", lang))
ui.focus_banner(page.view, page.regions)

if not access.can(caller, "report.read"):
    st.info(t("poskopage.partner" if caller.role == "partner" else "poskopage.public", lang))
    st.stop()

region_names = {"51": t("poskopage.form.province", lang)}
region_names.update(dict(zip(page.regions["code"], page.regions["name"], strict=True)))
people = ui_posko.stakeholder_names(page.scope)

counts = ui_posko.status_counts(page.scope)
st.caption(t("poskopage.status_counts", lang))
for column, status in zip(st.columns(len(posko.STATUSES)), posko.STATUSES, strict=True):
    column.metric(t(f"posko.status.{status}", lang), counts[status])

names = [t("poskopage.tab.list", lang), t("poskopage.tab.new", lang)]
if access.can(caller, "share.list"):
    names.append(t("poskopage.tab.links", lang))
ui_posko.show_flash()
tabs = st.tabs(names, key="posko_tabs")

# ---------------------------------------------------------------- log a report
with tabs[1]:
    if not access.can(caller, "report.create"):
        st.info(t("poskopage.form.cannot_create", lang))
    else:
        stamp = cached.boundaries_stamp(page.ctx.settings)
        try:
            index = ui_posko.region_index(page.scope, stamp)
            subregions = ui_posko.subregion_labels(page.scope, stamp)
        except DataProblem as problem:
            ui.stop_with(problem)
        levels = list(access.allowed_levels(caller.ceiling))
        ui_posko.init_form(levels)
        ui_posko.show_form_feedback(lang)
        choose = t("poskopage.form.choose", lang)
        with st.form("posko_form", clear_on_submit=False, enter_to_submit=False):
            left, middle, right = st.columns(3)
            left.date_input(
                t("poskopage.form.date", lang),
                key="posko_date",
                format="DD/MM/YYYY",
                min_value=posko.EARLIEST.date(),
                max_value=ui_posko.now_local().date(),
            )
            middle.time_input(t("poskopage.form.time", lang), key="posko_time", step=60)
            right.selectbox(
                t("posko.field.reporter_id", lang),
                list(people),
                format_func=people.get,
                index=None,
                placeholder=choose,
                key="posko_reporter",
            )
            left, middle, right = st.columns(3)
            left.selectbox(
                t("posko.field.region_code", lang),
                ui_posko.region_options(),
                format_func=region_names.get,
                index=None,
                placeholder=choose,
                key="posko_region",
            )
            if subregions:
                middle.selectbox(
                    t("posko.field.subregion_code", lang),
                    list(subregions),
                    format_func=subregions.get,
                    index=None,
                    placeholder=t("poskopage.form.subregion_none", lang),
                    key="posko_subregion",
                )
            else:
                middle.caption(t("poskopage.form.no_boundaries", lang))
            point_left, point_right = right.columns(2)
            point_left.text_input(
                t("poskopage.form.lat", lang), key="posko_lat", help=t("poskopage.form.point_help", lang)
            )
            point_right.text_input(t("poskopage.form.lon", lang), key="posko_lon")
            left, middle, right = st.columns(3)
            left.selectbox(
                t("posko.field.category", lang),
                list(CATEGORIES),
                format_func=lambda c: t(f"category.{c}", lang),
                index=None,
                placeholder=choose,
                key="posko_category",
            )
            middle.radio(
                t("posko.field.severity", lang),
                [1, 2, 3, 4, 5],
                index=None,
                horizontal=True,
                key="posko_severity",
            )
            right.selectbox(t("posko.field.classification", lang), levels, key="posko_classification")
            st.text_input(t("posko.field.title", lang), max_chars=posko.TITLE_MAX, key="posko_title")
            st.text_area(
                t("posko.field.description", lang),
                max_chars=posko.DESCRIPTION_MAX,
                height=100,
                key="posko_description",
            )
            left, middle, right = st.columns(3)
            left.selectbox(
                t("posko.field.reliability", lang),
                list(posko.RELIABILITIES),
                format_func=lambda r: t(f"posko.reliability.{r}", lang),
                index=None,
                placeholder=choose,
                key="posko_reliability",
            )
            middle.selectbox(
                t("posko.field.credibility", lang),
                list(posko.CREDIBILITIES),
                format_func=lambda c: t(f"posko.credibility.{c}", lang),
                index=None,
                placeholder=choose,
                key="posko_credibility",
            )
            right.multiselect(
                t("posko.field.assigned_to", lang),
                list(people),
                format_func=people.get,
                max_selections=posko.ASSIGNED_MAX,
                placeholder=choose,
                key="posko_assigned",
            )
            st.file_uploader(
                t("posko.field.attachment", lang),
                type=["png", "jpg", "jpeg", "pdf"],
                max_upload_size=posko.ATTACHMENT_MAX_BYTES // (1024 * 1024),
                key=ui_posko.uploader_key(),
            )
            st.form_submit_button(
                t("poskopage.form.submit", lang),
                type="primary",
                icon=":material/save:",
                on_click=ui_posko.submit_report,
                args=(engine, caller, index, frozenset(people), page.ctx.settings.data_dir, lang),
            )

# ---------------------------------------------------------------- the list and one report
with tabs[0]:
    if "posko_filter_region" not in st.session_state:
        st.session_state["posko_filter_region"] = [page.view.focus] if page.view.focus else []
    period_choices = ["all", "24h", "7d", "30d"] + (["view"] if page.period() else [])
    a, b, c, d = st.columns(4)
    statuses = a.multiselect(
        t("poskopage.filter.status", lang),
        list(posko.STATUSES),
        format_func=lambda s: t(f"posko.status.{s}", lang),
        placeholder=t("poskopage.filter.all", lang),
        key="posko_filter_status",
    )
    regions = b.multiselect(
        t("poskopage.filter.region", lang),
        ["51", *REGENCY_CODES],
        format_func=region_names.get,
        placeholder=t("poskopage.filter.all", lang),
        key="posko_filter_region",
    )
    categories = c.multiselect(
        t("poskopage.filter.category", lang),
        list(CATEGORIES),
        format_func=lambda x: t(f"category.{x}", lang),
        placeholder=t("poskopage.filter.all", lang),
        key="posko_filter_category",
    )
    span = page.period()
    period = d.selectbox(
        t("poskopage.filter.period", lang),
        period_choices,
        format_func=lambda p: t(
            f"poskopage.filter.period.{p}",
            lang,
            **({"period": f"{span[0]:%d/%m/%Y}\u2013{span[1]:%d/%m/%Y}"} if p == "view" and span else {}),
        ),
        key="posko_filter_period",
    )
    now = ui_posko.now_local()
    since = until = None
    if period in ("24h", "7d", "30d"):
        since = (
            now
            - {"24h": dt.timedelta(hours=24), "7d": dt.timedelta(days=7), "30d": dt.timedelta(days=30)}[
                period
            ]
        )
    elif period == "view" and span:
        since = dt.datetime.combine(span[0], dt.time(0, 0))
        until = dt.datetime.combine(span[1] + dt.timedelta(days=1), dt.time(0, 0))
    listing = ui_posko.report_list(
        page.scope,
        statuses=tuple(statuses),
        regions=tuple(regions),
        categories=tuple(categories),
        since=since,
        until=until,
        lang=lang,
    )
    if not listing.total:
        st.info(t("poskopage.list.empty", lang))
    else:
        st.caption(t("poskopage.list.count", lang, shown=len(listing.ids), total=listing.total))
        if listing.total > len(listing.ids):
            st.caption(t("poskopage.list.more", lang, limit=ui_posko.LIST_LIMIT))
        st.dataframe(
            listing.table,
            hide_index=True,
            key=ui_posko.TABLE_KEY,
            on_select=functools.partial(ui_posko.pick_from_table, listing.ids),
            selection_mode="single-row",
        )
        st.caption(t("poskopage.list.pick_hint", lang))

    with st.expander(t("poskopage.briefing", lang), icon=":material/table_view:"):
        day = st.date_input(
            t("poskopage.briefing.day", lang), value=now.date(), format="DD/MM/YYYY", key="posko_briefing_day"
        )
        st.download_button(
            t("poskopage.briefing.download", lang),
            lambda: ui_posko.briefing_bytes(
                engine,
                ceiling=page.ceiling,
                day=day,
                region_names=region_names,
                stakeholders=people,
                lang=lang,
            ),
            file_name=f"sinergi-rekap-posko-{day:%Y-%m-%d}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/download:",
            key="posko_briefing",
            on_click="ignore",
        )

    opened = st.session_state.get(ui_posko.OPEN_KEY)
    choices = list(listing.ids)
    if isinstance(opened, int) and opened not in choices:
        choices.insert(0, opened)
    labels = dict(listing.labels)
    report_id = st.selectbox(
        t("poskopage.open", lang),
        choices,
        index=None,
        placeholder=t("poskopage.open.none", lang),
        format_func=lambda i: labels.get(i, f"#{i}"),
        key=ui_posko.OPEN_KEY,
    )
    if report_id is not None:
        try:
            report = posko.get_report(engine, int(report_id), ceiling=page.ceiling, lang=lang)
        except DataProblem as problem:
            st.error(f"**{problem.what}**\n\n{problem.fix}")
            st.stop()
        version = ui_posko.opened_version(report)
        st.subheader(t("poskopage.detail", lang, id=report["id"]))
        st.text(report["title"])
        stamp_fmt = "%d/%m/%Y %H:%M"
        st.caption(
            ui_posko.plain(
                t(
                    "poskopage.detail.version",
                    lang,
                    version=report["version"],
                    created_by=report["created_by"],
                    created_at=local_time(report["created_at"]).strftime(stamp_fmt),
                    updated_by=report["updated_by"],
                    updated_at=local_time(report["updated_at"]).strftime(stamp_fmt),
                )
            )
        )
        if int(report["version"]) != version:
            st.warning(
                ui_posko.plain(
                    t(
                        "poskopage.detail.changed",
                        lang,
                        who=report["updated_by"],
                        opened=version,
                        version=report["version"],
                    )
                ),
                icon=":material/sync_problem:",
            )
            if st.button(t("poskopage.detail.reload", lang), key="posko_reload"):
                ui_posko.keep_version(report["id"], report["version"])
                st.rerun()
        where = region_names.get(report["region_code"], report["region_code"])
        if report["subregion_code"]:
            where += f" \u00b7 {report['subregion_code']}"
        cols = st.columns(4)
        cols[0].metric(t("posko.field.status", lang), t(f"posko.status.{report['status']}", lang))
        cols[1].metric(t("posko.field.severity", lang), report["severity"])
        cols[2].metric(t("posko.field.grading", lang), f"{report['reliability']}{report['credibility']}")
        cols[3].metric(t("posko.field.classification", lang), report["classification"])
        facts = {
            t("posko.field.received_at", lang): local_time(report["received_at"]).strftime(stamp_fmt),
            t("poskopage.detail.where", lang): where,
            t("posko.field.category", lang): t(f"category.{report['category']}", lang),
            t("posko.field.reporter_id", lang): people.get(report["reporter_id"], report["reporter_id"]),
            t("posko.field.assigned_to", lang): ", ".join(
                people.get(s, s) for s in posko.split_ids(report["assigned_to"])
            )
            or "\u2014",
        }
        if report["lat"] is not None:
            facts[t("poskopage.detail.point", lang)] = f"{report['lat']:.5f}, {report['lon']:.5f}"
        if report["reject_reason"]:
            facts[t("posko.field.reject_reason", lang)] = report["reject_reason"]
        st.text("\n".join(f"{label}: {value}" for label, value in facts.items()))
        st.text(report["description"])
        if report["attachment_path"]:
            try:
                path = posko.attachment_path(page.ctx.settings.data_dir, report["attachment_path"])
            except ValueError:
                path = None
            if path is not None and path.exists():
                st.download_button(
                    t(
                        "poskopage.detail.attachment",
                        lang,
                        name=ui_posko.plain(report["attachment_name"]),
                        size_kb=max(1, int(report["attachment_size"] or 0) // 1024),
                    ),
                    path.read_bytes,
                    file_name=report["attachment_name"] or path.name,
                    mime=report["attachment_type"],
                    icon=":material/attach_file:",
                    key="posko_attachment_get",
                    on_click="ignore",
                )
            else:
                st.warning(
                    t(
                        "poskopage.detail.attachment_missing",
                        lang,
                        name=ui_posko.plain(report["attachment_name"]),
                    )
                )

        severe = int(report["severity"]) >= posko.ALERT_SEVERITY and report["status"] != "ditolak"
        if severe and report["alert_ack_at"] is None:
            st.warning(
                t("poskopage.detail.alert_open", lang, severity=report["severity"]),
                icon=":material/notifications_active:",
            )
            if access.can(caller, "alert.ack") and st.button(
                t("poskopage.detail.ack", lang), key="posko_ack", icon=":material/done_all:"
            ):
                try:
                    done = posko.acknowledge_alert(engine, int(report["id"]), actor=caller, lang=lang)
                except DataProblem as problem:
                    st.error(f"**{problem.what}**\n\n{problem.fix}")
                else:
                    said = "poskopage.detail.ack_done" if done else "poskopage.detail.ack_already"
                    ui_posko.flash(t(said, lang, id=report["id"]))
                    st.rerun()
        elif severe:
            st.caption(
                ui_posko.plain(
                    t(
                        "poskopage.detail.alert_ack",
                        lang,
                        who=report["alert_ack_by"],
                        at=local_time(report["alert_ack_at"]).strftime(stamp_fmt),
                    )
                )
            )

        def apply(changes: dict) -> None:
            """Save ``changes`` with the version this session opened; a refusal shows the latest."""
            try:
                new = posko.update_report(
                    engine, int(report["id"]), changes, expected_version=version, actor=caller, lang=lang
                )
            except posko.StaleReport as stale:
                ui_posko.keep_version(report["id"], stale.version)
                st.error(f"**{ui_posko.plain(stale.what)}**\n\n{stale.fix}", icon=":material/sync_problem:")
                latest = stale.latest
                st.text(
                    "\n".join(
                        [
                            f"{t('posko.field.status', lang)}: {t('posko.status.' + latest['status'], lang)}",
                            f"{t('posko.field.assigned_to', lang)}: "
                            + (
                                ", ".join(people.get(s, s) for s in posko.split_ids(latest["assigned_to"]))
                                or "\u2014"
                            ),
                            f"{t('posko.field.title', lang)}: {latest['title']}",
                        ]
                    )
                )
                return
            except DataProblem as problem:
                st.error(f"**{ui_posko.plain(problem.what)}**\n\n{problem.fix}")
                return
            ui_posko.keep_version(report["id"], new)
            ui_posko.flash(t("poskopage.detail.saved", lang, id=report["id"], version=new))
            st.rerun()

        if access.can(caller, "report.edit"):
            st.markdown(f"**{t('poskopage.detail.move', lang)}**")
            moves = [
                s
                for s in posko.TRANSITIONS[report["status"]]
                if s != "ditolak"
                and access.can(
                    caller,
                    "report.verify"
                    if (report["status"], s) in posko.VERIFY_TRANSITIONS
                    else "report.progress",
                )
            ]
            buttons = st.columns(max(len(moves), 1) + 2)
            for column, status in zip(buttons, moves, strict=False):
                if column.button(
                    t("poskopage.detail.to", lang, status=t(f"posko.status.{status}", lang)),
                    key=f"posko_to_{status}",
                ):
                    apply({"status": status})
            can_reject = "ditolak" in posko.TRANSITIONS[report["status"]] and access.can(
                caller, "report.verify"
            )
            if not moves and not can_reject:
                st.caption(t("poskopage.detail.no_moves", lang))
            if can_reject:
                left, right = st.columns([3, 1], vertical_alignment="bottom")
                reason = left.text_input(
                    t("poskopage.detail.reason", lang),
                    max_chars=posko.REASON_MAX,
                    key=f"posko_reason_{report['id']}",
                )
                if right.button(
                    t("poskopage.detail.reject", lang), key="posko_reject", icon=":material/block:"
                ):
                    apply({"status": "ditolak", "reject_reason": reason})
            if access.can(caller, "report.assign"):
                left, right = st.columns([3, 1], vertical_alignment="bottom")
                assigned_key = f"posko_assign_{report['id']}_{report['version']}"
                chosen = left.multiselect(
                    t("posko.field.assigned_to", lang),
                    list(people),
                    format_func=people.get,
                    default=[s for s in posko.split_ids(report["assigned_to"]) if s in people],
                    max_selections=posko.ASSIGNED_MAX,
                    placeholder=t("poskopage.form.choose", lang),
                    key=assigned_key,
                )
                if right.button(
                    t("poskopage.detail.assign", lang), key="posko_assign", icon=":material/group_add:"
                ):
                    apply({"assigned_to": list(chosen)})

        st.markdown(f"**{t('poskopage.timeline', lang)}**")
        st.dataframe(
            ui_posko.timeline(page.scope, int(report["id"]), lang),
            hide_index=True,
            key="posko_timeline",
        )

# ---------------------------------------------------------------- share links
if access.can(caller, "share.list"):
    with tabs[2]:
        st.caption(t("poskopage.links.intro", lang))
        secret = ui_access.secret_key()
        params = viewstate.encode(page.view, ViewState(election=page.default_election))
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or t("poskopage.links.view_default", lang)
        st.caption(t("poskopage.links.view", lang, view=shown))
        if not secret or len(secret) < access.SECRET_MIN:
            st.warning(
                f"**{t('access.share.no_secret', lang, minimum=access.SECRET_MIN)}**\n\n"
                + ui_posko.plain(t("access.share.no_secret_fix", lang)),
                icon=":material/key_off:",
            )
        elif access.can(caller, "share.create"):
            pages = {
                "peta": t("nav.peta", lang),
                "riwayat_konflik": t("nav.riwayat", lang),
                "ringkasan": t("nav.ringkasan", lang),
                "pemangku_kepentingan": t("nav.pemangku", lang),
                "skenario": t("nav.skenario", lang),
            }
            today = ui_posko.now_local().date()
            with st.form("posko_share_form", clear_on_submit=False, enter_to_submit=False):
                left, right = st.columns(2)
                label = left.text_input(
                    t("poskopage.links.label", lang),
                    max_chars=access.LABEL_MAX,
                    help=t("poskopage.links.label_help", lang),
                    key="share_label",
                )
                target = right.selectbox(
                    t("poskopage.links.page", lang), list(pages), format_func=pages.get, key="share_page"
                )
                levels = list(access.allowed_levels(caller.ceiling))
                ceiling = left.selectbox(
                    t("poskopage.links.ceiling", lang),
                    levels,
                    index=levels.index("TERBATAS") if "TERBATAS" in levels else 0,
                    key="share_ceiling",
                )
                expires = right.date_input(
                    t("poskopage.links.expiry", lang),
                    value=today + dt.timedelta(days=14),
                    min_value=today,
                    max_value=today + dt.timedelta(days=access.LINK_MAX_DAYS - 1),
                    format="DD/MM/YYYY",
                    key="share_expiry",
                )
                create = st.form_submit_button(
                    t("poskopage.links.create", lang), type="primary", icon=":material/add_link:"
                )
            if create:
                try:
                    link = store.create_link(
                        engine,
                        secret=secret,
                        creator=caller,
                        label=label,
                        ceiling=ceiling,
                        expires=expires,
                        view_params=params,
                        page=target,
                        lang=lang,
                    )
                except DataProblem as problem:
                    st.error(f"**{ui_posko.plain(problem.what)}**\n\n{ui_posko.plain(problem.fix)}")
                else:
                    base = f"{ui_posko.app_base_url()}/{target}"
                    ui_posko.created_link(link, access.share_url(base, params, link.token), label)
            made = ui_posko.created_link()
            if made:
                url, made_label, until = made
                st.success(
                    ui_posko.plain(
                        t(
                            "poskopage.links.created",
                            lang,
                            label=made_label,
                            until=until.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
                        )
                    ),
                    icon=":material/link:",
                )
                st.code(url, language=None, wrap_lines=True)

        st.subheader(t("poskopage.links.list", lang))
        try:
            links = store.list_links(engine, actor=caller, lang=lang)
        except DataProblem as problem:
            ui.stop_with(problem)
        if links.empty:
            st.info(t("poskopage.links.none", lang))
        else:
            stamp_fmt = "%d/%m/%Y %H:%M"
            table = links.assign(
                status=links["status"].map(lambda s: t(f"access.share.status.{s}", lang)),
                **{c: links[c].dt.strftime(stamp_fmt) for c in ("created_at", "expires_at", "last_used_at")},
            )[
                [
                    "label",
                    "ceiling",
                    "page",
                    "created_by",
                    "created_at",
                    "expires_at",
                    "last_used_at",
                    "use_count",
                    "status",
                    "revoked_by",
                ]
            ]
            st.dataframe(
                table.rename(columns={c: t(f"poskopage.links.col.{c}", lang) for c in table.columns}),
                hide_index=True,
                key="share_table",
            )
            active = links[links["status"] == "active"]
            if len(active) and access.can(caller, "share.revoke"):
                link_labels = dict(
                    zip(active["id"], active["label"] + " (" + active["ceiling"] + ")", strict=True)
                )
                left, right = st.columns([3, 1], vertical_alignment="bottom")
                pick = left.selectbox(
                    t("poskopage.links.revoke_pick", lang),
                    list(link_labels),
                    format_func=link_labels.get,
                    key="share_revoke_pick",
                )
                if right.button(
                    t("poskopage.links.revoke", lang), key="share_revoke", icon=":material/link_off:"
                ):
                    try:
                        store.revoke_link(engine, pick, actor=caller, lang=lang)
                    except DataProblem as problem:
                        st.error(f"**{problem.what}**\n\n{problem.fix}")
                    else:
                        ui_posko.flash(
                            t("poskopage.links.revoked", lang, label=ui_posko.plain(link_labels[pick]))
                        )
                        st.rerun()
