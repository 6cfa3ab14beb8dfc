/// The words books in each language use for their divisions: chapter and part labels
/// (`Chapitre`, `Kapitel`, `Глава`; `Partie`, `Teil`, `Libro`) and named sections (`Préface`,
/// `Vorwort`, `Эпилог`). A heading is recognised with the words of every language, since a
/// book's language is known only once its text is read; words that are also common English
/// headings of something else (`List`, `Brief`, `Band`) are left out.
package enum ChapterWords {
  /// Lowercased labels of a chapter.
  package static let chapterLabels: Set<String> = [
    "chapter", "letter", "chapitre", "lettre", "kapitel", "capítulo", "capitulo", "capitolo", "lettera",
    "hoofdstuk", "rozdział", "rozdzial", "глава", "письмо",
  ]

  /// Lowercased labels of a part that groups chapters.
  package static let partLabels: Set<String> = [
    "part", "book", "volume", "partie", "livre", "tome", "teil", "buch", "parte", "libro", "tomo", "volumen",
    "deel", "boek", "część", "księga", "часть", "книга", "том",
  ]

  /// Lowercased sections that stand alone as headings, without a number.
  static let namedSections: Set<String> = [
    "preface", "prologue", "epilogue", "introduction", "foreword", "afterword", "etymology", "extracts",
    "préface", "avant-propos", "épilogue", "postface", "vorwort", "prolog", "epilog", "einleitung", "nachwort",
    "prefacio", "prólogo", "epílogo", "introducción", "prefazione", "prologo", "epilogo", "introduzione",
    "voorwoord", "proloog", "epiloog", "inleiding", "nawoord", "prefácio", "introdução", "posfácio",
    "przedmowa", "wstęp", "posłowie", "предисловие", "пролог", "эпилог", "введение", "послесловие",
  ]

  /// The label a chapter heading that is a numeral alone (`IV.`) is read with.
  package static func label(in language: String?) -> String {
    switch BookLanguage.primary(of: language) {
    case "fr": "Chapitre"
    case "de": "Kapitel"
    case "es", "pt": "Capítulo"
    case "it": "Capitolo"
    case "nl": "Hoofdstuk"
    case "pl": "Rozdział"
    case "ru": "Глава"
    default: "Chapter"
    }
  }
}
