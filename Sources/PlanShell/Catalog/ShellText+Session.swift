import PlanLanguage

extension Session {
  /// A catalog text in the session's language.
  func text(_ text: LocalizedText) -> String { text.text(settings.language) }

  /// A catalog text as a notice for a person at the terminal (stderr; only interactively, not
  /// with `--quiet`).
  func notice(_ text: LocalizedText) { notice(text.en, text.zh) }
}
