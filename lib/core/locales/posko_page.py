"""Texts of the Posko page (intake form, report list and detail) and of the share-link page."""

STRINGS: dict[str, dict[str, str]] = {
    # access
    "poskopage.public": {
        "id": "Laporan Posko hanya untuk operator Posko dan analis yang sudah masuk "
        "(lihat \u201cMasuk\u201d di samping). Laporan yang sudah diverifikasi tampil sebagai kejadian "
        "di Peta dan Riwayat Konflik.",
        "en": "Command-post reports are for signed-in Posko operators and analysts (see \u201cSign in\u201d "
        "in the sidebar). Verified reports appear as events on the Map and in the Conflict history.",
    },
    "poskopage.partner": {
        "id": "Tautan berbagi hanya untuk membaca: daftar laporan Posko tidak termasuk. Laporan yang sudah "
        "diverifikasi tampil sebagai kejadian di Peta dan Riwayat Konflik, sesuai tingkat tautan ini.",
        "en": "A share link is read-only and does not include the command-post report list. Verified "
        "reports appear as events on the Map and in the Conflict history, at this link's level.",
    },
    # tabs
    "poskopage.tab.new": {"id": "Catat laporan", "en": "Log a report"},
    "poskopage.tab.list": {"id": "Daftar laporan", "en": "Reports"},
    "poskopage.status_counts": {"id": "Laporan yang dapat Anda lihat", "en": "Reports you can see"},
    # form
    "poskopage.form.date": {"id": "Tanggal diterima", "en": "Date received"},
    "poskopage.form.time": {"id": "Jam diterima (WITA)", "en": "Time received (WITA)"},
    "poskopage.form.lat": {"id": "Lintang (opsional)", "en": "Latitude (optional)"},
    "poskopage.form.lon": {"id": "Bujur (opsional)", "en": "Longitude (optional)"},
    "poskopage.form.point_help": {
        "id": "Contoh: -8.1120 dan 114.9610. Kosongkan bila tidak diketahui.",
        "en": "E.g. -8.1120 and 114.9610. Leave empty when unknown.",
    },
    "poskopage.form.province": {"id": "Seluruh Provinsi Bali", "en": "The whole province of Bali"},
    "poskopage.form.subregion_none": {
        "id": "(tidak ada \u2014 hanya kabupaten/kota)",
        "en": "(none \u2014 regency/city only)",
    },
    "poskopage.form.no_boundaries": {
        "id": "Kecamatan/desa dapat dipilih setelah batas wilayah dimuat di halaman Data.",
        "en": "Districts/villages can be picked once boundaries are loaded on the Data page.",
    },
    "poskopage.form.choose": {"id": "Pilih\u2026", "en": "Choose\u2026"},
    "poskopage.form.submit": {"id": "Simpan laporan", "en": "Save report"},
    "poskopage.form.saved": {
        "id": "Laporan #{id} tersimpan (status Baru). Formulir siap untuk laporan berikutnya.",
        "en": "Report #{id} saved (status New). The form is ready for the next report.",
    },
    "poskopage.form.problems": {
        "id": "Laporan belum disimpan: {n} isian perlu diperbaiki. Isian Anda tetap di formulir.",
        "en": "The report was not saved: {n} field(s) need correcting. What you typed is kept in the form.",
    },
    "poskopage.form.not_saved": {
        "id": "Laporan belum disimpan. Isian Anda tetap di formulir.",
        "en": "The report was not saved. What you typed is kept in the form.",
    },
    "poskopage.form.cannot_create": {
        "id": "Peran Anda tidak dapat mencatat laporan.",
        "en": "Your role cannot log reports.",
    },
    # list
    "poskopage.filter.status": {"id": "Status", "en": "Status"},
    "poskopage.filter.region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "poskopage.filter.category": {"id": "Kategori", "en": "Category"},
    "poskopage.filter.period": {"id": "Diterima", "en": "Received"},
    "poskopage.filter.period.all": {"id": "Kapan saja", "en": "Any time"},
    "poskopage.filter.period.24h": {"id": "24 jam terakhir", "en": "Last 24 hours"},
    "poskopage.filter.period.7d": {"id": "7 hari terakhir", "en": "Last 7 days"},
    "poskopage.filter.period.30d": {"id": "30 hari terakhir", "en": "Last 30 days"},
    "poskopage.filter.period.view": {
        "id": "Periode di samping ({period})",
        "en": "Period in the sidebar ({period})",
    },
    "poskopage.filter.all": {"id": "Semua", "en": "All"},
    "poskopage.list.count": {
        "id": "{shown} dari {total} laporan yang cocok, terbaru lebih dulu.",
        "en": "{shown} of {total} matching reports, newest first.",
    },
    "poskopage.list.more": {
        "id": "Hanya {limit} laporan terbaru ditampilkan; persempit saringan untuk melihat yang lain.",
        "en": "Only the {limit} newest reports are shown; narrow the filters to see others.",
    },
    "poskopage.list.empty": {
        "id": "Tidak ada laporan yang cocok dengan saringan ini.",
        "en": "No report matches these filters.",
    },
    "poskopage.list.pick_hint": {
        "id": "Klik sebuah baris atau pilih nomornya di bawah untuk membuka laporan.",
        "en": "Click a row or pick its number below to open a report.",
    },
    "poskopage.col.id": {"id": "No.", "en": "No."},
    "poskopage.col.alert": {"id": "Peringatan", "en": "Alert"},
    "poskopage.alert.open": {"id": "belum dikonfirmasi", "en": "not acknowledged"},
    "poskopage.briefing": {"id": "Rekap harian (Excel)", "en": "Daily recap (Excel)"},
    "poskopage.briefing.day": {"id": "Hari (WITA)", "en": "Day (WITA)"},
    "poskopage.briefing.download": {"id": "Unduh rekap harian", "en": "Download the daily recap"},
    # detail
    "poskopage.open": {"id": "Buka laporan", "en": "Open report"},
    "poskopage.open.none": {"id": "(tidak ada)", "en": "(none)"},
    "poskopage.detail": {"id": "Laporan #{id}", "en": "Report #{id}"},
    "poskopage.detail.version": {
        "id": "Versi {version} \u00b7 dicatat oleh {created_by} pada {created_at} \u00b7 terakhir diubah "
        "oleh {updated_by} pada {updated_at} (WITA)",
        "en": "Version {version} \u00b7 logged by {created_by} at {created_at} \u00b7 last changed by "
        "{updated_by} at {updated_at} (WITA)",
    },
    "poskopage.detail.changed": {
        "id": "Laporan ini diubah oleh {who} sejak Anda membukanya (versi {opened} \u2192 {version}). "
        "Yang tampil di sini adalah versi terbaru.",
        "en": "This report was changed by {who} since you opened it (version {opened} \u2192 {version}). "
        "What is shown here is the latest version.",
    },
    "poskopage.detail.reload": {
        "id": "Lanjutkan dengan versi terbaru",
        "en": "Continue with the latest version",
    },
    "poskopage.detail.where": {"id": "Wilayah", "en": "Where"},
    "poskopage.detail.point": {"id": "Titik", "en": "Point"},
    "poskopage.detail.alert_open": {
        "id": "Peringatan: keparahan {severity}, belum dikonfirmasi.",
        "en": "Alert: severity {severity}, not yet acknowledged.",
    },
    "poskopage.detail.alert_ack": {
        "id": "Peringatan dikonfirmasi oleh {who} pada {at} WITA.",
        "en": "Alert acknowledged by {who} at {at} WITA.",
    },
    "poskopage.detail.ack": {"id": "Konfirmasi peringatan", "en": "Acknowledge alert"},
    "poskopage.detail.ack_done": {
        "id": "Peringatan laporan #{id} dikonfirmasi.",
        "en": "Alert of report #{id} acknowledged.",
    },
    "poskopage.detail.ack_already": {
        "id": "Peringatan laporan #{id} sudah dikonfirmasi orang lain.",
        "en": "Someone else already acknowledged the alert of report #{id}.",
    },
    "poskopage.detail.move": {"id": "Ubah status", "en": "Change status"},
    "poskopage.detail.to": {"id": "Jadikan: {status}", "en": "Set to: {status}"},
    "poskopage.detail.no_moves": {
        "id": "Tidak ada perubahan status yang dapat Anda lakukan pada laporan ini.",
        "en": "There is no status change you can make on this report.",
    },
    "poskopage.detail.reject": {"id": "Tolak laporan", "en": "Reject the report"},
    "poskopage.detail.reason": {"id": "Alasan penolakan", "en": "Reason for rejection"},
    "poskopage.detail.assign": {"id": "Simpan penugasan", "en": "Save the assignment"},
    "poskopage.detail.saved": {
        "id": "Laporan #{id} disimpan (versi {version}).",
        "en": "Report #{id} saved (version {version}).",
    },
    "poskopage.detail.attachment": {
        "id": "Unduh lampiran ({name}, {size_kb} KB)",
        "en": "Download the attachment ({name}, {size_kb} KB)",
    },
    "poskopage.detail.attachment_missing": {
        "id": "Berkas lampiran {name} tidak ditemukan di folder data.",
        "en": "The attachment file {name} is not in the data folder.",
    },
    "poskopage.timeline": {"id": "Riwayat perubahan", "en": "Change history"},
    "poskopage.timeline.at": {"id": "Waktu (WITA)", "en": "When (WITA)"},
    "poskopage.timeline.who": {"id": "Oleh", "en": "By"},
    "poskopage.timeline.field": {"id": "Isian", "en": "Field"},
    "poskopage.timeline.old": {"id": "Sebelumnya", "en": "Before"},
    "poskopage.timeline.new": {"id": "Menjadi", "en": "After"},
    "poskopage.timeline.alert_ack": {"id": "Konfirmasi peringatan", "en": "Alert acknowledged"},
    # share links (pages/tautan.py)
    "tautan.title": {"id": "Tautan berbagi", "en": "Share links"},
    "tautan.denied": {
        "id": "Tautan berbagi dibuat dan dikelola oleh analis dan admin yang sudah masuk "
        "(lihat \u201cMasuk\u201d di samping).",
        "en": "Share links are made and managed by signed-in analysts and admins "
        "(see \u201cSign in\u201d in the sidebar).",
    },
    "poskopage.links.intro": {
        "id": "Buat tautan hanya-baca untuk lembaga mitra. Tautan membawa tampilan Anda sekarang "
        "(pemilihan, periode, fokus, bahasa) dan hanya menampilkan data sampai tingkat yang dipilih.",
        "en": "Create a read-only link for a partner institution. The link carries your current view "
        "(election, period, focus, language) and shows data up to the chosen level only.",
    },
    "poskopage.links.view": {"id": "Tampilan yang dibagikan: {view}", "en": "View shared: {view}"},
    "poskopage.links.view_default": {"id": "tampilan awal", "en": "the default view"},
    "poskopage.links.label": {"id": "Untuk siapa", "en": "For whom"},
    "poskopage.links.label_help": {
        "id": "Misalnya \u201cKPU Bali, sampai 30 Nov\u201d.",
        "en": "E.g. \u201cKPU Bali, until 30 Nov\u201d.",
    },
    "poskopage.links.ceiling": {"id": "Tingkat data tertinggi", "en": "Highest data level"},
    "poskopage.links.expiry": {
        "id": "Berlaku sampai (akhir hari, WITA)",
        "en": "Valid until (end of day, WITA)",
    },
    "poskopage.links.page": {"id": "Halaman yang dibuka", "en": "Page it opens"},
    "poskopage.links.create": {"id": "Buat tautan", "en": "Create the link"},
    "poskopage.links.created": {
        "id": "Tautan untuk \u201c{label}\u201d dibuat, berlaku sampai {until} WITA. Salin alamat ini "
        "dan kirimkan:",
        "en": "Link for \u201c{label}\u201d created, valid until {until} WITA. "
        "Copy this address and send it:",
    },
    "poskopage.links.list": {"id": "Tautan yang sudah dibuat", "en": "Links made so far"},
    "poskopage.links.none": {"id": "Belum ada tautan berbagi.", "en": "No share link yet."},
    "poskopage.links.revoke_pick": {"id": "Tautan yang dicabut", "en": "Link to revoke"},
    "poskopage.links.revoke": {"id": "Cabut tautan", "en": "Revoke the link"},
    "poskopage.links.revoked": {
        "id": "Tautan \u201c{label}\u201d dicabut; tautan itu kini hanya menampilkan data TERBUKA.",
        "en": "Link \u201c{label}\u201d revoked; it now shows TERBUKA (open) data only.",
    },
    "poskopage.links.col.label": {"id": "Untuk", "en": "For"},
    "poskopage.links.col.ceiling": {"id": "Tingkat", "en": "Level"},
    "poskopage.links.col.page": {"id": "Halaman", "en": "Page"},
    "poskopage.links.col.created_by": {"id": "Dibuat oleh", "en": "Made by"},
    "poskopage.links.col.created_at": {"id": "Dibuat (WITA)", "en": "Made (WITA)"},
    "poskopage.links.col.expires_at": {"id": "Berlaku sampai", "en": "Valid until"},
    "poskopage.links.col.last_used_at": {"id": "Terakhir dipakai", "en": "Last used"},
    "poskopage.links.col.use_count": {"id": "Dipakai (kali)", "en": "Uses"},
    "poskopage.links.col.status": {"id": "Status", "en": "Status"},
    "poskopage.links.col.revoked_by": {"id": "Dicabut oleh", "en": "Revoked by"},
}
