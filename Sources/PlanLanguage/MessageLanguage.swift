/// The language of messages, help and export headings (SPEC §10). Keywords stay ASCII.
package enum MessageLanguage: String, Sendable, CaseIterable {
  case en, zh

  /// Chooses the language as SPEC §10 and §15 say: the explicit option, else `CPLAN_LANG`,
  /// else the plan's `language`, else `zh` when `LC_ALL`/`LC_MESSAGES`/`LANG` (the first that is set) starts with `zh`, else `en`.
  /// - Parameters:
  ///   - option: the value of `--lang`, if given.
  ///   - environment: the process environment.
  ///   - plan: the plan's `language` setting, if it has one (SPEC §15: after `CPLAN_LANG`,
  ///     before the locale).
  package static func resolve(
    option: MessageLanguage?, environment: [String: String], plan: MessageLanguage? = nil
  ) -> MessageLanguage {
    if let option { return option }
    if let env = environment["CPLAN_LANG"], let lang = MessageLanguage(rawValue: env.lowercased()) {
      return lang
    }
    if let plan { return plan }
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("zh") ? .zh : .en
      }
    }
    return .en
  }

  /// The language's BCP 47 tag, as HTML's `lang` attribute takes it: `en`, `zh-CN`.
  package var languageTag: String {
    switch self {
    case .en: "en"
    case .zh: "zh-CN"
    }
  }
}

/// A text in both message languages.
package struct LocalizedText: Sendable, Hashable {
  package var en: String
  package var zh: String

  package init(en: String, zh: String) {
    self.en = en
    self.zh = zh
  }

  /// The same text in both languages (IDs, numbers, file names).
  package init(_ both: String) {
    self.en = both
    self.zh = both
  }

  package func text(_ language: MessageLanguage) -> String {
    language == .zh ? zh : en
  }
}
