"""Strings of the Pemangku Kepentingan page: drawing, tables, what-if, editing and import."""


def _s(id_text: str, en_text: str) -> dict[str, str]:
    return {"id": id_text, "en": en_text}


STRINGS: dict[str, dict[str, str]] = {
    "stakeholderspage.title": _s("Pemangku Kepentingan", "Stakeholders"),
    "stakeholderspage.intro": _s(
        "Siapa berkoordinasi dengan siapa, di mana rantai bisa putus, dan seberapa cepat peringatan Posko "
        "sampai. Semua angka dihitung dengan networkx dari jaringan tersimpan.",
        "Who coordinates with whom, where the chain can break, and how fast a Posko alert arrives. "
        "Every figure is computed with networkx from the stored network.",
    ),
    "stakeholderspage.delays.title": _s(
        "Waktu tempuh per jenis hubungan (ASUMSI, bisa diubah)",
        "Time a message takes per kind of link (ASSUMED, adjustable)",
    ),
    "stakeholderspage.delays.intro": _s(
        "Tidak ada sumber yang mencatat berapa lama pesan berjalan pada suatu hubungan. Angka ini asumsi "
        "untuk membandingkan rute; ubah sebagai skenario.",
        "No source records how long a message takes on any link. These figures are assumptions for "
        "comparing routes; change them as a scenario.",
    ),
    "stakeholderspage.delays.kind": _s("Jam per hubungan {kind}", "Hours per {kind} link"),
    "stakeholderspage.delay_item": _s("{kind} {hours} jam", "{kind} {hours} h"),
    "stakeholderspage.assumed_note": _s(
        "Jam di sini berdasarkan waktu tempuh ASUMSI, bukan data: {delays}.",
        "Hours here rest on ASSUMED delays, not data: {delays}.",
    ),
    "stakeholderspage.hours": _s("{hours} jam", "{hours} h"),
    "stakeholderspage.unreachable": _s("tak terjangkau", "not reached"),
    "stakeholderspage.kpi.institutions": _s("Lembaga", "Institutions"),
    "stakeholderspage.kpi.links": _s("Hubungan", "Links"),
    "stakeholderspage.kpi.failures": _s("Titik rawan tunggal", "Single points of failure"),
    "stakeholderspage.kpi.worst": _s("Peringatan terlama (asumsi)", "Slowest alert (assumed)"),
    "stakeholderspage.kpi.worst_note": _s(
        "Peringatan terlama: dari Posko ke semua Polres, KPU dan Bawaslu {region}, dengan asumsi {delays}.",
        "Slowest alert: from the Posko to every Polres, KPU and Bawaslu office of {region}, "
        "assuming {delays}.",
    ),
    "stakeholderspage.scenario_active": _s(
        "Skenario \u201cbagaimana jika\u201d aktif: {n} lembaga terputus dari Posko. "
        "Lihat tab Bagaimana jika.",
        "A what-if scenario is active: {n} institutions cut off from the Posko. See the What-if tab.",
    ),
    "stakeholderspage.tab.network": _s("Jaringan", "Network"),
    "stakeholderspage.tab.metrics": _s("Metrik", "Metrics"),
    "stakeholderspage.tab.failures": _s("Titik rawan", "Weak points"),
    "stakeholderspage.tab.reach": _s("Jangkauan Posko", "Posko reach"),
    "stakeholderspage.tab.coverage": _s("Cakupan kabupaten", "Regency coverage"),
    "stakeholderspage.tab.whatif": _s("Bagaimana jika", "What-if"),
    "stakeholderspage.tab.data": _s("Data", "Data"),
    "stakeholderspage.size_by": _s("Ukuran lingkaran menurut", "Circle size by"),
    "stakeholderspage.pick": _s("Lembaga terpilih", "Selected institution"),
    "stakeholderspage.pick_none": _s("(klik lingkaran atau pilih di sini)", "(click a circle or pick here)"),
    "stakeholderspage.focus_only": _s("Hanya kabupaten fokus", "Focus regency only"),
    "stakeholderspage.chart_hint": _s(
        "Kiri: lembaga provinsi & nasional; kanan: satu kolom per kabupaten/kota; baris = jenis lembaga. "
        "Garis putus-putus = hubungan asumsi. Klik lingkaran untuk melihat tetangganya dan rinciannya.",
        "Left: province & national institutions; right: one column per regency/city; rows = types of "
        "institution. Dashed lines = assumed links. Click a circle to see its neighbours and its detail.",
    ),
    "stakeholderspage.chart_scenario": _s(
        "Gambar menunjukkan jaringan dalam skenario; lembaga yang berubah ditonjolkan.",
        "The drawing shows the network in the scenario; the institutions affected stand out.",
    ),
    "stakeholderspage.detail": _s("Rincian: {name}", "Detail: {name}"),
    "stakeholderspage.detail.role": _s("Peran", "Role"),
    "stakeholderspage.detail.route_from": _s("Rute tercepat dari Posko", "Fastest route from the Posko"),
    "stakeholderspage.detail.route_to": _s("Rute tercepat ke Posko", "Fastest route to the Posko"),
    "stakeholderspage.detail.assumed_route": _s(
        "Rute ini memakai setidaknya satu hubungan asumsi.", "This route uses at least one assumed link."
    ),
    "stakeholderspage.detail.note": _s("Catatan", "Note"),
    "stakeholderspage.metrics_intro": _s(
        "Klik judul kolom untuk mengurutkan. Keperantaraan = bagian rute terpendek yang melewati lembaga; "
        "skor perantara = rute antara klaster keamanan dan klaster adat/sipil/agama.",
        "Click a column header to sort. Betweenness = share of shortest routes through the institution; "
        "broker score = routes between the security cluster and the customary/civil/religious cluster.",
    ),
    "stakeholderspage.failures_intro": _s(
        "Lembaga atau hubungan yang bila hilang sendirian memutus lembaga lain dari Posko (titik artikulasi "
        "dan jembatan).",
        "Institutions or links whose loss alone cuts others off from the Posko (articulation points and "
        "bridges).",
    ),
    "stakeholderspage.failures_none": _s(
        "Tidak ada satu lembaga atau hubungan pun yang bila hilang memutus lembaga lain dari Posko.",
        "No single institution or link cuts others off from the Posko when lost.",
    ),
    "stakeholderspage.reach_intro": _s(
        "Waktu sampai peringatan dari Posko mencapai semua Polres, KPU dan Bawaslu di tiap kabupaten/kota; "
        "yang terlama di atas.",
        "Time until an alert from the Posko reaches every Polres, KPU and Bawaslu office of each regency; "
        "the slowest first.",
    ),
    "stakeholderspage.suggest.title": _s("Usulan hubungan baru", "Suggested new links"),
    "stakeholderspage.suggest.faster": _s(
        "Cari hubungan yang mempercepat peringatan", "Find links that speed up alerts"
    ),
    "stakeholderspage.suggest.backup": _s(
        "Cari hubungan cadangan untuk titik rawan", "Find backup links for weak points"
    ),
    "stakeholderspage.suggest.none": _s(
        "Tidak ditemukan hubungan baru yang memperbaiki hasil.",
        "No new link was found that improves the result.",
    ),
    "stakeholderspage.suggest.how": _s("Cara menemukannya:", "How they were found:"),
    "stakeholderspage.coverage_intro": _s(
        "Apakah tiap kabupaten/kota punya rantai Posko \u2192 Polres \u2192 Bawaslu/KPU \u2192 desa adat? "
        "\u201cberdasarkan asumsi\u201d = langkah itu hanya ada lewat hubungan asumsi.",
        "Does each regency have a chain Posko \u2192 Polres \u2192 Bawaslu/KPU \u2192 desa adat? "
        "\u201crests on an assumption\u201d = that step exists only through assumed links.",
    ),
    "stakeholderspage.coverage_gaps": _s(
        "{n} dari {total} kabupaten/kota punya celah atau langkah yang hanya asumsi.",
        "{n} of {total} regencies have a gap or a step that is only assumed.",
    ),
    "stakeholderspage.step.documented": _s("terdokumentasi", "documented"),
    "stakeholderspage.step.assumed": _s("berdasarkan asumsi", "rests on an assumption"),
    "stakeholderspage.step.missing": _s("TIDAK ADA", "MISSING"),
    "stakeholderspage.whatif_intro": _s(
        "Hapus lembaga atau hubungan (mis. \u201cKesbangpol tak bisa dihubungi\u201d), atau tambah hubungan, "
        "lalu bandingkan dengan jaringan hari ini. Tautan halaman menyimpan skenario.",
        "Remove institutions or links (e.g. \u201cKesbangpol unreachable\u201d), or add a link, and compare "
        "with today's network. The page link keeps the scenario.",
    ),
    "stakeholderspage.whatif.nodes": _s("Lembaga yang tidak bisa dihubungi", "Institutions unreachable"),
    "stakeholderspage.whatif.links": _s("Hubungan yang putus", "Links down"),
    "stakeholderspage.whatif.added": _s("Hubungan yang ditambahkan", "Links added"),
    "stakeholderspage.whatif.placeholder": _s("Pilih\u2026", "Choose\u2026"),
    "stakeholderspage.whatif.added_none": _s("Belum ada; tambahkan di bawah", "None yet; add one below"),
    "stakeholderspage.whatif.add_intro": _s(
        "Tambah hubungan baru (diperlakukan sebagai asumsi, dengan waktu tempuh asumsi jenisnya).",
        "Add a new link (treated as an assumption, with the assumed delay of its kind).",
    ),
    "stakeholderspage.whatif.from": _s("Dari", "From"),
    "stakeholderspage.whatif.to": _s("Ke", "To"),
    "stakeholderspage.whatif.add": _s("Tambahkan", "Add"),
    "stakeholderspage.whatif.empty": _s(
        "Belum ada skenario. Pilih lembaga atau hubungan di atas.",
        "No scenario yet. Choose institutions or links above.",
    ),
    "stakeholderspage.whatif.summary": _s("Sebelum dan sesudah", "Before and after"),
    "stakeholderspage.whatif.cut_off": _s(
        "Terputus dari Posko: {n} lembaga", "Cut off from the Posko: {n} institutions"
    ),
    "stakeholderspage.whatif.none_cut": _s(
        "Tidak ada lembaga yang terputus dari Posko.", "No institution is cut off from the Posko."
    ),
    "stakeholderspage.whatif.changes": _s("Lembaga yang berubah", "Institutions that change"),
    "stakeholderspage.whatif.regencies": _s(
        "Waktu peringatan per kabupaten/kota (asumsi)", "Alert time per regency (assumed)"
    ),
    "stakeholderspage.whatif.today": _s("Hari ini: {value}", "Today: {value}"),
    "stakeholderspage.whatif.clear": _s("Hapus skenario", "Clear the scenario"),
    "stakeholderspage.summary.joined": _s("Lembaga terhubung ke Posko", "Institutions joined to the Posko"),
    "stakeholderspage.summary.reached": _s(
        "Lembaga terjangkau peringatan Posko", "Institutions reached by Posko alerts"
    ),
    "stakeholderspage.summary.worst_hours": _s(
        "Peringatan terlama ke kabupaten (jam, asumsi)", "Slowest alert to a regency (hours, assumed)"
    ),
    "stakeholderspage.summary.unreached_offices": _s(
        "Kantor Polres/KPU/Bawaslu tak terjangkau", "Polres/KPU/Bawaslu offices not reached"
    ),
    "stakeholderspage.summary.failures": _s("Titik rawan tunggal", "Single points of failure"),
    "stakeholderspage.summary.chains": _s(
        "Kabupaten dengan rantai lengkap", "Regencies with a complete chain"
    ),
    "stakeholderspage.change.better": _s("lebih baik", "better"),
    "stakeholderspage.change.worse": _s("LEBIH BURUK", "WORSE"),
    "stakeholderspage.change.same": _s("sama", "same"),
    "stakeholderspage.col.name": _s("Lembaga", "Institution"),
    "stakeholderspage.col.acronym": _s("Singkatan", "Acronym"),
    "stakeholderspage.col.type": _s("Jenis", "Type"),
    "stakeholderspage.col.region": _s("Wilayah", "Region"),
    "stakeholderspage.col.hours_from": _s("Jam dari Posko (asumsi)", "Hours from the Posko (assumed)"),
    "stakeholderspage.col.hours_to": _s("Jam ke Posko (asumsi)", "Hours to the Posko (assumed)"),
    "stakeholderspage.col.what": _s("Apa", "What"),
    "stakeholderspage.col.cut_off_count": _s("Jumlah terputus", "Cut off"),
    "stakeholderspage.col.cut_off_names": _s("Yang terputus dari Posko", "Cut off from the Posko"),
    "stakeholderspage.col.offices": _s("Kantor terjangkau", "Offices reached"),
    "stakeholderspage.col.alert_hours": _s("Jam sampai semua (asumsi)", "Hours to reach all (assumed)"),
    "stakeholderspage.col.slowest": _s("Kantor terakhir", "Last office reached"),
    "stakeholderspage.col.unreachable": _s("Tak terjangkau", "Not reached"),
    "stakeholderspage.col.chain": _s("Rantai lengkap", "Complete chain"),
    "stakeholderspage.col.gaps": _s("Celah", "Gaps"),
    "stakeholderspage.col.status": _s("Status", "Status"),
    "stakeholderspage.col.hours_before": _s("Jam sebelum (asumsi)", "Hours before (assumed)"),
    "stakeholderspage.col.hours_after": _s("Jam sesudah (asumsi)", "Hours after (assumed)"),
    "stakeholderspage.col.measure": _s("Ukuran", "Measure"),
    "stakeholderspage.col.before": _s("Hari ini", "Today"),
    "stakeholderspage.col.after": _s("Dalam skenario", "In the scenario"),
    "stakeholderspage.col.from": _s("Dari", "From"),
    "stakeholderspage.col.to": _s("Ke", "To"),
    "stakeholderspage.col.kind": _s("Jenis hubungan", "Kind of link"),
    "stakeholderspage.col.worst_before": _s("Terlama sebelum (jam)", "Slowest before (h)"),
    "stakeholderspage.col.worst_after": _s("Terlama sesudah (jam)", "Slowest after (h)"),
    "stakeholderspage.col.minutes_saved": _s(
        "Menit dihemat, peringatan terlama", "Minutes saved, slowest alert"
    ),
    "stakeholderspage.col.minutes_saved_total": _s(
        "Menit dihemat, semua kantor bersama", "Minutes saved, all offices together"
    ),
    "stakeholderspage.col.offices_gained": _s("Kantor baru terjangkau", "Offices newly reached"),
    "stakeholderspage.col.protected": _s(
        "Lembaga tak lagi bisa terputus", "Institutions no longer at risk of being cut off"
    ),
    "stakeholderspage.col.no_longer_critical": _s("Tak lagi titik rawan", "No longer a weak point"),
    "stakeholderspage.col.direction": _s("Arah", "Direction"),
    "stakeholderspage.col.source": _s("Sumber", "Source"),
    "stakeholderspage.direction.both": _s("dua arah", "both ways"),
    "stakeholderspage.direction.out": _s("keluar", "outgoing"),
    "stakeholderspage.direction.in": _s("masuk", "incoming"),
    "stakeholderspage.what.node": _s("Lembaga", "Institution"),
    "stakeholderspage.what.link": _s("Hubungan", "Link"),
    "stakeholderspage.data.export": _s("Unduh jaringan", "Download the network"),
    "stakeholderspage.data.people": _s("{n} lembaga", "{n} institutions"),
    "stakeholderspage.data.links": _s("{n} hubungan", "{n} links"),
    "stakeholderspage.data.graphml": _s("Unduh GraphML (yEd, Gephi)", "Download GraphML (yEd, Gephi)"),
    "stakeholderspage.data.gexf": _s("Unduh GEXF (Gephi)", "Download GEXF (Gephi)"),
    "stakeholderspage.data.read_only": _s(
        "Mengubah atau mengimpor jaringan hanya untuk analis dan admin yang masuk. Anda bisa melihat dan "
        "mengunduh.",
        "Changing or importing the network is for signed-in analysts and admins. You can look and download.",
    ),
    "stakeholderspage.data.edit": _s("Sunting lembaga dan hubungan", "Edit institutions and links"),
    "stakeholderspage.data.edit_intro": _s(
        "Tambah baris di bawah tabel, hapus baris yang Anda tambahkan sendiri, lalu Simpan. Baris bawaan "
        "(origin = bundled) berasal dari sumber riset dan tidak diubah di sini.",
        "Add rows below a table, delete rows you added yourself, then Save. Bundled rows (origin = bundled) "
        "come from the research sources and are not changed here.",
    ),
    "stakeholderspage.data.save": _s("Periksa dan simpan", "Check and save"),
    "stakeholderspage.data.nothing": _s("Tidak ada perubahan untuk disimpan.", "Nothing changed to save."),
    "stakeholderspage.data.saved": _s(
        "Tersimpan: {people_written} lembaga dan {links_written} hubungan ditulis, {people_removed} lembaga "
        "dan {links_removed} hubungan dihapus.",
        "Saved: {people_written} institutions and {links_written} links written, "
        "{people_removed} institutions "
        "and {links_removed} links removed.",
    ),
    "stakeholderspage.data.import": _s("Impor GraphML atau GEXF", "Import GraphML or GEXF"),
    "stakeholderspage.data.import_intro": _s(
        "Misalnya jaringan yang diunduh di sini, disunting di Gephi, lalu dikembalikan. Impor menambah dan "
        "memperbarui, tidak menghapus. Tabel CSV/Excel dari mitra diimpor di halaman Data.",
        "For example the network downloaded here, edited in Gephi and brought back. An import adds and "
        "updates, it never deletes. CSV/Excel tables from partners are imported on the Data page.",
    ),
    "stakeholderspage.data.upload": _s("Berkas .graphml atau .gexf", "A .graphml or .gexf file"),
    "stakeholderspage.data.preview": _s(
        "Pratinjau: {people} lembaga dan {links} hubungan baru atau berubah; {unchanged} baris sama dengan "
        "yang tersimpan.",
        "Preview: {people} institutions and {links} links new or changed; {unchanged} rows are as stored.",
    ),
    "stakeholderspage.data.confirm": _s("Simpan impor ini", "Save this import"),
    "stakeholderspage.edit.bundled_removed": _s(
        "Lembaga \u201c{id}\u201d berasal dari data bawaan bersumber dan tidak bisa dihapus di sini.",
        "The institution \u201c{id}\u201d comes from the sourced bundled data and cannot be removed here.",
    ),
    "stakeholderspage.edit.bundled_changed": _s(
        "Baris {row}: lembaga \u201c{id}\u201d berasal dari data bawaan bersumber dan tidak diubah di sini.",
        "Row {row}: the institution \u201c{id}\u201d comes from the sourced bundled data "
        "and is not changed here.",
    ),
    "stakeholderspage.edit.bundled_link_changed": _s(
        "Baris {row}: hubungan {a} \u2192 {b} berasal dari data bawaan bersumber dan tidak diubah di sini.",
        "Row {row}: the link {a} \u2192 {b} comes from the sourced bundled data and is not changed here.",
    ),
    "stakeholderspage.edit.bundled_link_removed": _s(
        "Hubungan {a} \u2192 {b} berasal dari data bawaan bersumber dan tidak bisa dihapus di sini.",
        "The link {a} \u2192 {b} comes from the sourced bundled data and cannot be removed here.",
    ),
    "stakeholderspage.edit.bundled_fix": _s(
        "Kembalikan baris itu; untuk menguji hilangnya, pakai tab Bagaimana jika. Koreksi data bawaan "
        "lewat data/stakeholders.csv atau data/links.csv beserta sumbernya.",
        "Put the row back; to test its loss use the What-if tab. Correct bundled data in "
        "data/stakeholders.csv or data/links.csv with its source.",
    ),
    "stakeholderspage.edit.still_linked": _s(
        "Lembaga \u201c{id}\u201d masih dipakai oleh {count} hubungan yang tidak ikut dihapus (mungkin ada "
        "yang tidak terlihat oleh Anda).",
        "The institution \u201c{id}\u201d is still used by {count} links that are not being "
        "removed (some may "
        "be hidden from you).",
    ),
    "stakeholderspage.edit.still_linked_fix": _s(
        "Hapus hubungannya lebih dulu, atau minta admin menghapus lembaga itu.",
        "Remove its links first, or ask an admin to remove the institution.",
    ),
}
