extension SentenceRules {
  /// The rules of each language with rules of its own, by ISO 639-1 code (`BookLanguage.supported`).
  /// French, Spanish, Italian and Portuguese are in SentenceRules+Romance.swift, German and Dutch in
  /// SentenceRules+Germanic.swift, Polish and Russian in SentenceRules+Slavic.swift.
  static let byLanguage: [String: SentenceRules] = [
    "en": english, "fr": french, "de": german, "es": spanish, "it": italian, "nl": dutch, "pt": portuguese,
    "pl": polish, "ru": russian,
  ].mapValues { $0.withAll() }
}
