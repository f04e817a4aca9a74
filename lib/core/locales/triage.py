"""Texts of the Posko's message queue: imports, the queue, suggestions, dismissals, source messages."""

STRINGS: dict[str, dict[str, str]] = {
    "triage.summary": {"id": "{new} baru, {known} sudah ada", "en": "{new} new, {known} already there"},
    "triage.title": {"id": "Antrean pesan WhatsApp", "en": "WhatsApp message queue"},
    "triage.box": {
        "id": "Antrean pesan WhatsApp: {count} belum ditangani",
        "en": "WhatsApp message queue: {count} untriaged",
    },
    "triage.age.hour": {"id": "< 1 jam", "en": "< 1 h"},
    "triage.age.day": {"id": "< 24 jam", "en": "< 24 h"},
    "triage.age.older": {"id": "lebih lama", "en": "older"},
    "triage.counts": {
        "id": "Pesan belum ditangani: {total} (< 1 jam: {hour} \u00b7 < 24 jam: {day} \u00b7 "
        "lebih lama: {older})",
        "en": "Untriaged messages: {total} (< 1 h: {hour} \u00b7 < 24 h: {day} \u00b7 older: {older})",
    },
    "triage.upload": {
        "id": "Ekspor chat WhatsApp (.txt atau .zip)",
        "en": "WhatsApp chat export (.txt or .zip)",
    },
    "triage.level": {"id": "Klasifikasi pesan yang diimpor", "en": "Classification of imported messages"},
    "triage.import": {"id": "Impor ke antrean", "en": "Import into the queue"},
    "triage.import.none": {
        "id": "Pilih berkas ekspor chat terlebih dahulu.",
        "en": "Choose a chat export file first.",
    },
    "triage.order": {"id": "Urutan tanggal dalam berkas", "en": "Date order in the file"},
    "triage.order.ask": {
        "id": "Tanggal di berkas ini bisa dibaca hari/bulan maupun bulan/hari. Pilih urutan yang benar, "
        "lalu klik \u00ab{button}\u00bb lagi.",
        "en": "The dates in this file read both as day/month and as month/day. Choose the right order, "
        "then click \u201c{button}\u201d again.",
    },
    "triage.paste": {
        "id": "Atau tempel pesan yang diteruskan",
        "en": "Or paste forwarded messages",
    },
    "triage.paste.add": {"id": "Tambahkan ke antrean", "en": "Add to the queue"},
    "triage.paste.source": {"id": "teks ditempel", "en": "pasted text"},
    "triage.progress.keys": {"id": "Memeriksa {count} pesan\u2026", "en": "Checking {count} messages\u2026"},
    "triage.progress.files": {"id": "Memeriksa lampiran\u2026", "en": "Checking attachments\u2026"},
    "triage.progress.rows": {
        "id": "Menyimpan {done} dari {total}\u2026",
        "en": "Storing {done} of {total}\u2026",
    },
    "triage.imported": {"id": "{name}: {summary}.", "en": "{name}: {summary}."},
    "triage.kept": {
        "id": "Pesan yang sudah ada di antrean tetap seperti semula.",
        "en": "The messages already in the queue stay as they were.",
    },
    "triage.attach.missing": {"id": "tidak ada dalam ekspor", "en": "not in the export"},
    "triage.attach.omitted": {"id": "media tidak disertakan", "en": "media omitted"},
    "triage.attach.refused": {
        "id": "{count} lampiran tidak disimpan (hanya PNG, JPG dan PDF hingga 5 MB diterima), "
        "misalnya: {first}",
        "en": "{count} attachments were not stored (only PNG, JPG and PDF up to 5 MB are accepted), "
        "e.g.: {first}",
    },
    "triage.queue.empty": {"id": "Tidak ada pesan yang menunggu.", "en": "No messages are waiting."},
    "triage.queue.more": {
        "id": "Menampilkan {shown} pesan terbaru dari {total}.",
        "en": "Showing the newest {shown} of {total} messages.",
    },
    "triage.col.age": {"id": "Umur", "en": "Age"},
    "triage.col.time": {"id": "Waktu (WITA)", "en": "Time (WITA)"},
    "triage.col.sender": {"id": "Pengirim", "en": "Sender"},
    "triage.col.text": {"id": "Pesan", "en": "Message"},
    "triage.col.files": {"id": "Lampiran", "en": "Attachments"},
    "triage.col.source": {"id": "Sumber", "en": "Source"},
    "triage.col.level": {"id": "Klasifikasi", "en": "Classification"},
    "triage.pick": {"id": "Pesan terpilih", "en": "Selected messages"},
    "triage.pick.help": {
        "id": "Pilih satu atau beberapa pesan (atau klik barisnya di tabel) untuk dijadikan laporan "
        "atau diabaikan.",
        "en": "Choose one or several messages (or click their rows in the table) to make a report "
        "or dismiss.",
    },
    "triage.pick.none": {"id": "Belum ada pesan terpilih", "en": "No message selected"},
    "triage.suggest": {
        "id": "Saran Sinergi (belum dipakai sampai Anda menerimanya)",
        "en": "Sinergi's suggestions (not used until you accept them)",
    },
    "triage.suggest.none": {
        "id": "Tidak ada nama tempat atau kata kunci kategori yang dikenali.",
        "en": "No place name or category keyword was recognised.",
    },
    "triage.suggest.place": {
        "id": "{level}: {name} (dari \u00ab{matched}\u00bb)",
        "en": "{level}: {name} (from \u201c{matched}\u201d)",
    },
    "triage.suggest.close": {"id": " \u2013 ejaan mirip", "en": " \u2013 similar spelling"},
    "triage.suggest.category": {
        "id": "Kategori: {name} (kata: {words})",
        "en": "Category: {name} (words: {words})",
    },
    "triage.suggest.accept": {"id": "Pakai", "en": "Use"},
    "triage.suggest.accepted": {
        "id": "Dipakai di formulir laporan: {what}",
        "en": "Used in the report form: {what}",
    },
    "triage.level.kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "triage.level.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "triage.level.desa": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
    "triage.make": {
        "id": "Isi formulir laporan dari {count} pesan",
        "en": "Fill the report form from {count} messages",
    },
    "triage.made": {
        "id": "Formulir di tab \u00abLaporan baru\u00bb sudah terisi dari {count} pesan: lengkapi pelapor, "
        "tempat, kategori dan penilaian, lalu simpan. Pesan akan ditautkan ke laporan itu.",
        "en": "The form in the \u201cNew report\u201d tab is filled from {count} messages: complete "
        "the reporter, place, category and grading, then save. The messages will be linked to that report.",
    },
    "triage.pending": {
        "id": "Menunggu laporan dari pesan {ids} disimpan.",
        "en": "Waiting for the report from messages {ids} to be saved.",
    },
    "triage.pending.cancel": {"id": "Batalkan", "en": "Cancel"},
    "triage.linked": {
        "id": "Laporan #{id} dibuat dari {count} pesan; pesan itu kini tertaut ke laporan.",
        "en": "Report #{id} was made from {count} messages; they are now linked to it.",
    },
    "triage.dismiss.reason": {"id": "Alasan mengabaikan", "en": "Reason to dismiss"},
    "triage.dismiss": {"id": "Abaikan {count} pesan", "en": "Dismiss {count} messages"},
    "triage.dismissed": {
        "id": "{count} pesan diabaikan: {reason}",
        "en": "{count} messages dismissed: {reason}",
    },
    "triage.sources": {"id": "Pesan asal ({count})", "en": "Source messages ({count})"},
    "triage.source.file": {"id": "Unduh {name}", "en": "Download {name}"},
    "triage.source.line": {
        "id": "#{id} \u00b7 {time} \u00b7 {sender} \u00b7 {source}",
        "en": "#{id} \u00b7 {time} \u00b7 {sender} \u00b7 {source}",
    },
    "triage.prefill.files": {"id": "lampiran: {names}", "en": "attachments: {names}"},
    "triage.prefill.title": {"id": "Laporan dari pesan WhatsApp", "en": "Report from WhatsApp messages"},
    "triage.problem.not_found": {
        "id": "Pesan {ids} tidak ada di antrean (atau di atas tingkat akses Anda).",
        "en": "Messages {ids} are not in the queue (or are above your access level).",
    },
    "triage.problem.triaged": {
        "id": "Pesan {ids} sudah ditangani orang lain (dijadikan laporan atau diabaikan).",
        "en": "Messages {ids} were triaged already by someone else (made a report or dismissed).",
    },
    "triage.problem.reload_fix": {
        "id": "Muat ulang halaman dan pilih lagi dari antrean.",
        "en": "Reload the page and choose again from the queue.",
    },
    "triage.problem.reason_empty": {
        "id": "Alasan mengabaikan masih kosong.",
        "en": "The reason to dismiss is empty.",
    },
    "triage.problem.reason_long": {
        "id": "Alasan mengabaikan terlalu panjang ({length} karakter, paling banyak {limit}).",
        "en": "The reason to dismiss is too long ({length} characters, at most {limit}).",
    },
    "triage.problem.reason_fix": {
        "id": "Tulis alasan singkat, misalnya \u00abduplikat\u00bb atau \u00absalam, bukan laporan\u00bb.",
        "en": "Write a short reason, e.g. \u201cduplicate\u201d or \u201ca greeting, not a report\u201d.",
    },
    "triage.problem.order": {
        "id": "Urutan tanggal berkas ini belum dipilih.",
        "en": "The date order of this file has not been chosen.",
    },
    "triage.problem.order_fix": {
        "id": "Pilih urutan tanggal (hari/bulan atau bulan/hari), lalu impor lagi.",
        "en": "Choose the date order (day/month or month/day), then import again.",
    },
    "posko.field.intake_items": {"id": "Pesan asal", "en": "Source messages"},
}
