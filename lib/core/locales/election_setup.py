"""Strings of setting up an election in the app (Data → Pemilihan) and of the notice when none is coming."""

_FIELDS = {
    "stages": {
        "stage": ("Kode tahapan", "Stage code"),
        "name_id": ("Tahapan", "Stage"),
        "name_en": ("Tahapan dalam bahasa Inggris", "Stage in English"),
        "period": ("Jadwal", "Schedule"),
        "start": ("Mulai", "Start"),
        "end": ("Selesai", "End"),
        "source": ("Sumber", "Source"),
    },
    "contests": {
        "contest": ("Kontestasi", "Contest"),
        "office": ("Jabatan", "Office"),
        "region_code": ("Kabupaten/Kota", "Regency/City"),
        "n_pairs": ("Jumlah pasangan", "Number of pairs"),
        "source": ("Sumber", "Source"),
    },
    "pairs": {
        "pair_id": ("ID pasangan", "Pair ID"),
        "contest": ("Kontestasi", "Contest"),
        "ballot_no": ("No. urut", "Ballot no."),
        "head": ("Calon", "Candidate"),
        "deputy": ("Calon wakil", "Running mate"),
        "popular_name": ("Nama populer", "Popular name"),
        "incumbent": ("Petahana", "Incumbent"),
        "backing": ("Jalur pencalonan", "Backing"),
        "source": ("Sumber", "Source"),
        "note": ("Catatan", "Note"),
        "classification": ("Klasifikasi", "Classification"),
    },
    "coalitions": {
        "pair_id": ("ID pasangan", "Pair ID"),
        "contest": ("Kontestasi", "Contest"),
        "ballot_no": ("No. urut", "Ballot no."),
        "party": ("Partai pengusung", "Backing party"),
        "source": ("Sumber", "Source"),
        "classification": ("Klasifikasi", "Classification"),
    },
    "figures": {
        "region_code": ("Kabupaten/Kota", "Regency/City"),
        "dpt": ("DPT", "Registered voters (DPT)"),
        "n_tps": ("Jumlah TPS", "Polling stations (TPS)"),
        "source": ("Sumber", "Source"),
        "note": ("Catatan", "Note"),
    },
}

STRINGS = {
    **{
        f"import.header.{kind}.{name}": {"id": texts[0], "en": texts[1]}
        for kind, fields in _FIELDS.items()
        for name, texts in fields.items()
    },
    "import.kind.stages": {"id": "tahapan pemilihan", "en": "election stages"},
    "import.kind.contests": {"id": "kontestasi", "en": "contests"},
    "import.kind.pairs": {"id": "pasangan calon", "en": "candidate pairs"},
    "import.kind.coalitions": {"id": "partai pengusung", "en": "backing parties"},
    "import.kind.figures": {"id": "DPT dan TPS per wilayah", "en": "DPT and TPS per region"},
    "politics.office.presiden": {"id": "Presiden", "en": "President"},
    "access.action.election.setup": {"id": "menyiapkan pemilihan", "en": "set up elections"},
    "datapage.tab.elections": {"id": "Pemilihan", "en": "Elections"},
    "setup.level.pemilu": {"id": "Pemilu (pemilihan umum)", "en": "Pemilu (general election)"},
    "setup.level.pilkada": {"id": "Pilkada (pemilihan kepala daerah)", "en": "Pilkada (regional election)"},
    # Periods of a schedule
    "setup.range.need_day": {
        "id": "\u201c{text}\u201d tidak menyebut hari: tahapan perlu tanggal lengkap.",
        "en": "\u201c{text}\u201d names no day: a stage needs full dates.",
    },
    "setup.range.unreadable": {
        "id": "\u201c{text}\u201d tidak terbaca sebagai tanggal atau rentang tanggal.",
        "en": "\u201c{text}\u201d cannot be read as a date or a period.",
    },
    "setup.range.fix": {
        "id": "Tulis mis. 14 Februari 2029, 14/02/2029, 1 Jan 2029 s.d. 3 Feb 2029 "
        "atau 1 \u2013 3 Februari 2029.",
        "en": "Write e.g. 14 Februari 2029, 14/02/2029, 1 Jan 2029 s.d. 3 Feb 2029 "
        "or 1 \u2013 3 Februari 2029.",
    },
    "setup.range.order": {
        "id": "\u201c{text}\u201d berakhir ({end}) sebelum mulai ({start}).",
        "en": "\u201c{text}\u201d ends ({end}) before it starts ({start}).",
    },
    "setup.range.order_fix": {
        "id": "Periksa urutan tanggal: yang pertama adalah hari mulai.",
        "en": "Check the order of the dates: the first is the start.",
    },
    # The election's form
    "setup.form.id": {"id": "ID pemilihan", "en": "Election ID"},
    "setup.form.name_id": {"id": "Nama (bahasa Indonesia)", "en": "Name (Indonesian)"},
    "setup.form.name_en": {"id": "Nama (bahasa Inggris)", "en": "Name (English)"},
    "setup.form.level": {"id": "Jenis pemilihan", "en": "Level"},
    "setup.form.voting_day": {"id": "Hari pemungutan suara", "en": "Voting day"},
    "setup.form.scope": {"id": "Wilayah", "en": "Scope"},
    "setup.form.source": {"id": "Sumber (mis. nomor PKPU, tautan)", "en": "Source (e.g. PKPU number, link)"},
    "setup.form.note": {"id": "Catatan", "en": "Note"},
    "setup.form.empty": {"id": "wajib diisi", "en": "must be filled in"},
    "setup.form.choice": {"id": "pilih salah satu pilihan", "en": "pick one of the choices"},
    "setup.form.bad_id": {
        "id": "hanya huruf kecil, angka dan tanda hubung, paling banyak 64 (mis. pemilu-2029)",
        "en": "lower-case letters, digits and hyphens only, at most 64 (e.g. pemilu-2029)",
    },
    "setup.form.bundled": {
        "id": "pemilihan ini bawaan Sinergi dan tidak diubah di sini; pakai ID lain",
        "en": "this election comes with Sinergi and is not changed here; use another ID",
    },
    # Rows
    "setup.none_yet": {"id": "(belum ada)", "en": "(none yet)"},
    "setup.entered": {"id": "tabel isian", "en": "the table typed in"},
    "setup.row.unknown_contest": {
        "id": "bukan kontestasi pemilihan ini; yang ada: {contests}",
        "en": "not a contest of this election; known: {contests}",
    },
    "setup.row.end_before": {
        "id": "tanggal selesai sebelum tanggal mulai ({start})",
        "en": "the end is before the start ({start})",
    },
    "setup.row.no_dates": {
        "id": "tidak ada tanggal: isi jadwal (mis. 1 Jan 2029 s.d. 3 Feb 2029) atau mulai dan selesai",
        "en": "no dates: fill in the schedule (e.g. 1 Jan 2029 s.d. 3 Feb 2029) or a start and an end",
    },
    "setup.row.regency_only": {
        "id": "harus Bali (51) atau salah satu kabupaten/kota",
        "en": "must be Bali (51) or one of its regencies",
    },
    "setup.row.office_region": {
        "id": "gubernur dan presiden untuk Bali (51); bupati dan wali kota untuk kabupaten/kota",
        "en": "governor and president are for Bali (51); regent and mayor for a regency or city",
    },
    "setup.row.outside_scope": {
        "id": "di luar wilayah pemilihan ini ({scope})",
        "en": "outside this election's scope ({scope})",
    },
    "setup.row.at_least_one": {
        "id": "harus 1 atau lebih (kosongkan jika belum diketahui)",
        "en": "must be 1 or more (leave empty while unknown)",
    },
    "setup.row.unknown_pair": {
        "id": "tidak ada pasangan dengan nomor urut ini di {contest}; impor pasangan calonnya dulu",
        "en": "no pair has this ballot number in {contest}; import its candidate pairs first",
    },
    "setup.row.independent": {
        "id": "pasangan ini perseorangan: tidak punya partai pengusung",
        "en": "this pair is independent: it has no backing parties",
    },
    "setup.row.no_figure": {
        "id": "isi DPT atau jumlah TPS (atau keduanya)",
        "en": "fill in the DPT or the number of TPS (or both)",
    },
    # Saving
    "setup.outcome.new": {"id": "{name} ditambahkan.", "en": "{name} added."},
    "setup.outcome.changed": {"id": "{name} diperbarui.", "en": "{name} updated."},
    "setup.outcome.election_stages": {
        "id": "Tahapan: {added} baru, {updated} diubah, {unchanged} tetap.",
        "en": "Stages: {added} added, {updated} updated, {unchanged} unchanged.",
    },
    "setup.outcome.contests": {
        "id": "Kontestasi: {added} baru, {updated} diubah, {unchanged} tetap.",
        "en": "Contests: {added} added, {updated} updated, {unchanged} unchanged.",
    },
    "setup.outcome.candidate_pairs": {
        "id": "Pasangan calon: {added} baru, {updated} diubah, {unchanged} tetap.",
        "en": "Candidate pairs: {added} added, {updated} updated, {unchanged} unchanged.",
    },
    "setup.outcome.coalitions": {
        "id": "Partai pengusung: {added} baru, {updated} diubah, {unchanged} tetap.",
        "en": "Backing parties: {added} added, {updated} updated, {unchanged} unchanged.",
    },
    "setup.outcome.election_figures": {
        "id": "DPT/TPS: {added} baru, {updated} diubah, {unchanged} tetap.",
        "en": "DPT/TPS: {added} added, {updated} updated, {unchanged} unchanged.",
    },
    "setup.store.bundled": {
        "id": "Pemilihan {id} bawaan Sinergi; datanya tidak diubah lewat aplikasi.",
        "en": "The election {id} comes with Sinergi; its data is not changed through the app.",
    },
    "setup.store.bundled_fix": {
        "id": "Buat pemilihan baru dengan ID lain (mis. untuk pemungutan suara ulang).",
        "en": "Create a new election with another ID (e.g. for a re-vote).",
    },
    # The notice when no election is coming
    "setup.notice.past": {
        "id": "Belum ada pemilihan mendatang yang tercatat, jadi Sinergi menampilkan pemilihan terakhir: "
        "{name}, pemungutan suara {day}. Admin atau analis dapat menambahkan pemilihan berikutnya di "
        "Data \u2192 Pemilihan.",
        "en": "No upcoming election is set up, so Sinergi shows the latest one: {name}, voting day {day}. "
        "An admin or analyst can add the next election under Data \u2192 Elections.",
    },
    # The Elections tab
    "setup.intro": {
        "id": "Siapkan pemilihan berikutnya (mis. Pemilu 2029), pemungutan suara ulang atau pemilihan "
        "susulan: isi datanya, impor jadwal tahapan PKPU dan tabel kontestasi, pasangan calon, partai "
        "pengusung serta DPT/TPS. Setiap baris diperiksa; tidak ada yang disimpan sebelum tombol simpan "
        "ditekan.",
        "en": "Set up the next election (e.g. Pemilu 2029), a re-vote or a by-election: fill in its details, "
        "import the PKPU stage schedule and the tables of contests, candidate pairs, backing parties and "
        "DPT/TPS. Every row is checked; nothing is stored until you press save.",
    },
    "setup.target": {"id": "Pemilihan", "en": "Election"},
    "setup.target.new": {"id": "Pemilihan baru (belum tersimpan)", "en": "New election (not saved yet)"},
    "setup.form.id_help": {
        "id": "Dibuat dari nama bila dikosongkan; tidak dapat diubah setelah disimpan.",
        "en": "Made from the name when left empty; cannot change once saved.",
    },
    "setup.form.revote": {
        "id": "Pemungutan suara ulang (PSU) atau pemilihan susulan: buat pemilihan tersendiri dengan jenis "
        "pemilihan yang diulang dan wilayah tempat pemungutan itu berlangsung (mis. PSU Pilbup Karangasem, "
        "Pilkada, Karangasem).",
        "en": "A re-vote (PSU) or a by-election: create it as its own election with the level of the one it "
        "completes and the region where it is held (e.g. PSU Pilbup Karangasem, Pilkada, Karangasem).",
    },
    "setup.still_needed": {
        "id": "Untuk melanjutkan, lengkapi: {items}.",
        "en": "To go on, complete: {items}.",
    },
    "setup.templates": {"id": "Templat isian", "en": "Templates to fill in"},
    "setup.templates_caption": {
        "id": "Satu lembar untuk diisi dan satu lembar nilai yang diterima. "
        "Hapus baris CONTOH sebelum mengunggah.",
        "en": "One sheet to fill in and one sheet of accepted values. "
        "Delete the EXAMPLE rows before uploading.",
    },
    "setup.stages": {"id": "Tahapan", "en": "Stages"},
    "setup.stages.how": {"id": "Cara mengisi tahapan", "en": "How to give the stages"},
    "setup.stages.file": {
        "id": "Impor jadwal PKPU (Excel/CSV)",
        "en": "Import the PKPU schedule (Excel/CSV)",
    },
    "setup.stages.editor": {"id": "Ketik di tabel", "en": "Type into a table"},
    "setup.stages.file_hint": {
        "id": "Kolom Tahapan, lalu Jadwal (mis. “1 Jan 2029 s.d. 3 Feb 2029”) atau Mulai dan Selesai "
        "(teks tanggal, sel tanggal Excel, dd/mm/yyyy). Jadwal yang diimpor menggantikan tahapan yang "
        "tersimpan.",
        "en": "A Stage column, then a Schedule (e.g. “1 Jan 2029 s.d. 3 Feb 2029”) or Start and End "
        "(date text, Excel date cells, dd/mm/yyyy). An imported schedule replaces the stored stages.",
    },
    "setup.section.contests": {"id": "Kontestasi", "en": "Contests"},
    "setup.section.pairs": {"id": "Pasangan calon", "en": "Candidate pairs"},
    "setup.section.coalitions": {"id": "Partai pengusung", "en": "Backing parties"},
    "setup.section.figures": {"id": "DPT dan TPS per wilayah", "en": "DPT and TPS per region"},
    "setup.save": {"id": "Simpan", "en": "Save"},
    "setup.save_caption": {"id": "Akan disimpan: {tables}.", "en": "To be saved: {tables}."},
    "setup.confirm": {"id": "Simpan {name}", "en": "Save {name}"},
    "setup.count.election_stages": {"id": "{n} tahapan", "en": "{n} stages"},
    "setup.count.contests": {"id": "{n} kontestasi", "en": "{n} contests"},
    "setup.count.candidate_pairs": {"id": "{n} pasangan calon", "en": "{n} candidate pairs"},
    "setup.count.coalitions": {"id": "{n} partai pengusung", "en": "{n} backing parties"},
    "setup.count.election_figures": {"id": "{n} wilayah DPT/TPS", "en": "{n} regions' DPT/TPS"},
    "setup.count.none": {
        "id": "data pemilihan saja (tabel dapat ditambahkan nanti)",
        "en": "the election only (tables can be added later)",
    },
}
