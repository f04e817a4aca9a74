"""Texts of the meeting agenda: collecting views, presenting them, sharing an agenda, link expiry presets."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.agenda": {"id": "Agenda rapat", "en": "Meeting agenda"},
    "access.action.agenda.read": {"id": "membaca agenda rapat", "en": "read meeting agendas"},
    "access.action.agenda.edit": {"id": "menyusun agenda rapat", "en": "edit meeting agendas"},
    "agenda.title": {"id": "Agenda rapat", "en": "Meeting agenda"},
    "agenda.intro": {
        "id": "Kumpulkan tampilan yang akan dibahas (lewat \u201cTambah ke agenda\u201d di samping, dari "
        "halaman mana pun), urutkan, lalu presentasikan satu per satu atau bagikan sebagai satu tautan.",
        "en": "Collect the views to discuss (with \u201cAdd to an agenda\u201d in the sidebar, from any "
        "page), put them in order, then present them one after another or share them as one link.",
    },
    "agenda.denied": {
        "id": "Agenda rapat disusun oleh analis dan admin yang sudah masuk.",
        "en": "Meeting agendas are made by signed-in analysts and admins.",
    },
    "agenda.field.agenda_title": {"id": "Judul agenda", "en": "The agenda's title"},
    "agenda.field.item_title": {"id": "Judul tampilan", "en": "The view's title"},
    "agenda.field.note": {"id": "Catatan", "en": "The note"},
    "agenda.bad_text": {
        "id": "{what} kosong atau lebih dari {limit} karakter.",
        "en": "{what} is empty or longer than {limit} characters.",
    },
    "agenda.bad_text_fix": {
        "id": "Tulis teks antara 1 dan {limit} karakter.",
        "en": "Write a text of 1 to {limit} characters.",
    },
    "agenda.bad_page": {
        "id": "Halaman \u201c{page}\u201d tidak dapat masuk agenda.",
        "en": "The page \u201c{page}\u201d cannot go on an agenda.",
    },
    "agenda.bad_page_fix": {
        "id": "Pilih salah satu halaman: {pages}.",
        "en": "Pick one of the pages: {pages}.",
    },
    "agenda.bad_view": {
        "id": "Tampilan ini terlalu panjang untuk disimpan.",
        "en": "This view is too long to keep.",
    },
    "agenda.bad_view_fix": {
        "id": "Kembalikan bobot atau skenario ke bawaan, lalu tambahkan lagi.",
        "en": "Put the weights or the scenario back to their defaults, then add it again.",
    },
    "agenda.missing": {
        "id": "Agenda atau tampilan ini sudah tidak ada.",
        "en": "This agenda or view no longer exists.",
    },
    "agenda.missing_fix": {
        "id": "Muat ulang halaman Agenda rapat dan pilih dari daftar.",
        "en": "Reload the Meeting agenda page and pick from the list.",
    },
    "agenda.full": {
        "id": "Agenda ini sudah berisi {limit} tampilan.",
        "en": "This agenda holds {limit} views already.",
    },
    "agenda.full_fix": {
        "id": "Hapus tampilan yang tidak dibahas, atau buat agenda baru.",
        "en": "Remove a view that will not be discussed, or make a new agenda.",
    },
    "agenda.level_lower": {
        "id": "Agenda tidak dapat diturunkan ke {level}: isinya sampai {shown}.",
        "en": "The agenda cannot be lowered to {level}: it shows data up to {shown}.",
    },
    "agenda.level_lower_fix": {
        "id": "Pilih {shown} atau lebih tinggi, atau hapus tampilan yang berisi data lebih tinggi.",
        "en": "Pick {shown} or higher, or remove the views that show higher data.",
    },
    "agenda.level_above_fix": {
        "id": "Pilih tingkat yang sama atau di bawah tingkat akun Anda.",
        "en": "Pick your account's level or a lower one.",
    },
    "agenda.copy_suffix": {"id": "(rapat berikutnya)", "en": "(next meeting)"},
    # the sidebar control
    "agenda.add.title": {"id": "Tambah ke agenda", "en": "Add to an agenda"},
    "agenda.add.which": {"id": "Agenda", "en": "Agenda"},
    "agenda.add.new": {"id": "\u2795 Agenda baru", "en": "\u2795 New agenda"},
    "agenda.add.new_title": {"id": "Judul agenda baru", "en": "New agenda's title"},
    "agenda.add.item_title": {"id": "Judul tampilan", "en": "The view's title"},
    "agenda.add.note": {"id": "Catatan untuk rapat", "en": "Note for the meeting"},
    "agenda.add.level": {"id": "Tingkat judul dan catatan", "en": "Level of the title and note"},
    "agenda.add.level_help": {
        "id": "Pembaca di bawah tingkat ini melihat nama halaman saja, tanpa catatan.",
        "en": "A reader below this level sees only the page's name, no note.",
    },
    "agenda.add.submit": {"id": "Tambahkan tampilan ini", "en": "Add this view"},
    "agenda.add.done": {
        "id": "\u201c{title}\u201d ditambahkan ke agenda \u201c{agenda}\u201d.",
        "en": "\u201c{title}\u201d added to the agenda \u201c{agenda}\u201d.",
    },
    # the agenda page
    "agenda.list": {"id": "Agenda yang ada", "en": "Agendas"},
    "agenda.none": {"id": "Belum ada agenda.", "en": "No agenda yet."},
    "agenda.col.title": {"id": "Judul", "en": "Title"},
    "agenda.col.classification": {"id": "Tingkat", "en": "Level"},
    "agenda.col.views": {"id": "Tampilan", "en": "Views"},
    "agenda.col.created_by": {"id": "Dibuat oleh", "en": "Made by"},
    "agenda.col.updated_at": {"id": "Diubah (WITA)", "en": "Changed (WITA)"},
    "agenda.new": {"id": "Agenda baru", "en": "New agenda"},
    "agenda.new_title": {"id": "Judul", "en": "Title"},
    "agenda.new_title_help": {
        "id": "Misalnya \u201cRapat koordinasi Senin 25/11\u201d. Setiap orang yang menerima tautan agenda "
        "membaca judul ini.",
        "en": "E.g. \u201cCoordination meeting Monday 25/11\u201d. Everyone the agenda is shared with "
        "reads this title.",
    },
    "agenda.create": {"id": "Buat agenda", "en": "Create the agenda"},
    "agenda.created": {
        "id": "Agenda \u201c{title}\u201d dibuat.",
        "en": "Agenda \u201c{title}\u201d created.",
    },
    "agenda.pick": {"id": "Agenda yang dibuka", "en": "Agenda to open"},
    "agenda.level_is": {
        "id": "Tingkat agenda: **{level}** (tertinggi dari isinya dan tingkat yang ditetapkan).",
        "en": "The agenda's level: **{level}** (the highest of what it shows and the level set).",
    },
    "agenda.empty": {
        "id": "Agenda ini belum berisi tampilan. Buka halaman yang akan dibahas dan pakai "
        "\u201cTambah ke agenda\u201d di samping.",
        "en": "This agenda has no view yet. Open a page to discuss and use \u201cAdd to an agenda\u201d "
        "in the sidebar.",
    },
    "agenda.item_head": {"id": "{n}. {title} \u2014 {page}", "en": "{n}. {title} \u2014 {page}"},
    "agenda.item_view": {"id": "Tampilan: {view}", "en": "View: {view}"},
    "agenda.item_hidden": {
        "id": "Judul dan catatan tampilan ini di atas tingkat Anda.",
        "en": "This view's title and note are above your level.",
    },
    "agenda.up": {"id": "Naikkan", "en": "Move up"},
    "agenda.down": {"id": "Turunkan", "en": "Move down"},
    "agenda.remove": {"id": "Hapus", "en": "Remove"},
    "agenda.edit": {"id": "Ubah judul dan catatan", "en": "Edit title and note"},
    "agenda.save": {"id": "Simpan", "en": "Save"},
    "agenda.saved": {"id": "Tersimpan.", "en": "Saved."},
    "agenda.removed": {
        "id": "\u201c{title}\u201d dihapus dari agenda.",
        "en": "\u201c{title}\u201d removed.",
    },
    "agenda.present": {"id": "Mulai presentasi", "en": "Start presenting"},
    "agenda.copy": {"id": "Salin untuk rapat berikutnya", "en": "Copy for the next meeting"},
    "agenda.copy_title": {"id": "Judul salinan", "en": "The copy's title"},
    "agenda.copy_do": {"id": "Salin agenda", "en": "Copy the agenda"},
    "agenda.copied": {
        "id": "Salinan \u201c{title}\u201d dibuat dengan tampilan yang sama.",
        "en": "Copy \u201c{title}\u201d made with the same views.",
    },
    "agenda.raise": {"id": "Tingkat agenda", "en": "The agenda's level"},
    "agenda.raise_help": {
        "id": "Dapat dinaikkan, tidak dapat di bawah isinya.",
        "en": "Can be raised, never below what it shows.",
    },
    "agenda.raise_do": {"id": "Tetapkan tingkat", "en": "Set the level"},
    "agenda.rename": {"id": "Judul agenda", "en": "The agenda's title"},
    "agenda.rename_do": {"id": "Ganti judul", "en": "Rename"},
    # presenting
    "agenda.bar": {
        "id": "Agenda: {title} \u2014 {n} / {total}",
        "en": "Agenda: {title} \u2014 {n} / {total}",
    },
    "agenda.prev": {"id": "Sebelumnya", "en": "Previous"},
    "agenda.next": {"id": "Berikutnya", "en": "Next"},
    "agenda.stop": {"id": "Selesai", "en": "Stop"},
    "agenda.shared_intro": {
        "id": "Agenda ini dibagikan kepada Anda untuk dibaca, dengan data sampai tingkat {ceiling}.",
        "en": "This agenda was shared with you to read, with data up to {ceiling}.",
    },
    # sharing an agenda
    "agenda.share": {"id": "Bagikan agenda sebagai satu tautan", "en": "Share the agenda as one link"},
    "agenda.share_intro": {
        "id": "Mitra membuka semua tampilan agenda ini, hanya-baca, dengan data sampai tingkat yang "
        "dipilih, tanpa akun.",
        "en": "The partner opens every view of this agenda, read-only, with data up to the chosen level, "
        "without an account.",
    },
    "agenda.share_create": {"id": "Buat tautan agenda", "en": "Create the agenda link"},
    # exports
    "agenda.export": {"id": "Unduh briefing", "en": "Download the briefing"},
    "agenda.export_pdf": {"id": "Unduh briefing (PDF)", "en": "Download briefing (PDF)"},
    "agenda.export_xlsx": {"id": "Unduh briefing (Excel)", "en": "Download briefing (Excel)"},
    # link expiry presets
    "links.expiry.week": {"id": "Akhir minggu ini ({day})", "en": "End of this week ({day})"},
    "links.expiry.month": {"id": "Akhir bulan ini ({day})", "en": "End of this month ({day})"},
    "links.expiry.stage": {
        "id": "Akhir tahapan \u201c{stage}\u201d ({day})",
        "en": "End of the stage \u201c{stage}\u201d ({day})",
    },
    "links.expiry.date": {"id": "Tanggal di bawah ini", "en": "The date below"},
    "links.expiry.pick": {"id": "Tanggal (akhir hari, WITA)", "en": "Date (end of day, WITA)"},
}
