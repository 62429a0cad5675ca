import PlanEngine
import PlanLanguage
import PlanModel

/// The language reference of `docs/reference.md` (Markdown), written from the schema (kinds,
/// keys, attributes, types, defaults, plan settings) and the rule catalog, so the committed
/// document cannot drift from the code: `make docs` rewrites it (`cplan reference`), and a test
/// compares the committed file with ``markdown``.
package enum LanguageReference {
  /// The whole document, in English with the Chinese names beside them.
  package static var markdown: String {
    var out = """
      # cplan language reference

      Generated from the schema and the rule catalog by `make docs` (`cplan reference`); do not edit
      by hand. A plan file is a list of statements, one per line (`# cplan plan 1` first):

      ```
      add KIND KEY… ["NAME"] [ATTRIBUTE VALUE]…
      set KIND KEY… ATTRIBUTE VALUE…        set plan SETTING VALUE…
      remove KIND KEY… [cascade]
      rename KIND KEY NEW-ID
      ```

      `none` as a value unsets an optional attribute. A percent (`30%`) is accepted only where
      the type below is a percent.

      ## Kinds

      | Kind | 中文 | Key | Name | Purpose |
      |---|---|---|---|---|

      """
    for spec in Schema.kinds {
      out +=
        "| [`\(spec.kind.rawValue)`](#\(spec.kind.rawValue)) | \(spec.kind.chineseName) | "
        + "\(spec.keyNames.joined(separator: " ")) | \(spec.hasName ? "yes" : "no") | \(cell(spec.help.en)) |\n"
    }
    for spec in Schema.kinds {
      out += "\n### \(spec.kind.rawValue)\n\n\(spec.help.en) — \(spec.help.zh)\n\n"
      out += "```\n\(spec.example)\n```\n\n"
      out += attributeTable(spec.attributes, positional: spec.positional)
    }
    out += "\n## Plan settings\n\n`set plan SETTING VALUE`.\n\n" + attributeTable(Schema.plan, positional: nil)
    out += "\n## Rules\n\n`cplan check` and `validate` report these; `help RULE` in the shell explains one.\n\n"
    out += "| Code | Severity | Rule | 规则 |\n|---|---|---|---|\n"
    for rule in RuleCatalog.rules {
      out +=
        "| \(rule.code) | \(rule.severity == .error ? "error" : "warning") | \(cell(rule.summary.en)) | "
        + "\(cell(rule.summary.zh)) |\n"
    }
    return out
  }

  /// Attribute | type | required | default | meaning (en, zh).
  static func attributeTable(_ attributes: [AttributeSpec], positional: Int?) -> String {
    guard !attributes.isEmpty else { return "No attributes.\n" }
    var out = "| Attribute | Type | Required | Default | Meaning | 含义 |\n|---|---|---|---|---|---|\n"
    for (i, a) in attributes.enumerated() {
      let name = "`\(a.name)`" + (i == positional ? " (or a bare value after the key)" : "")
      out +=
        "| \(name) | \(cell(a.describe.en)) | \(a.required ? "yes" : "no") | "
        + "\(a.defaultValue.map { "`\($0.canonical(as: a.type))`" } ?? "") | \(cell(a.help.en)) | \(cell(a.help.zh)) |\n"
    }
    return out
  }

  /// Text for a Markdown table cell: `|` escaped, newlines as spaces.
  static func cell(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "|": out += "\\|"
      case "\n": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
