/// A catalog of user-facing text in both languages (SPEC §10): static members and functions
/// returning ``LocalizedText`` or ``Message``, grouped by area, one catalog per file under a
/// module's `Catalog/` folder. Use sites look a text up by name (`ExportLabels.goals`,
/// `Message.unknownKind(…)`); no text is written inline.
///
/// Where a new text goes — in the lowest module that shows it:
/// - a message with a code (`E0xx` syntax, `E1xx` commands and files): `PlanLanguage/Catalog/Message.swift`
///   (and a sample in `Message+Entries.swift`); the lexer's and parser's other words: `SyntaxText`;
///   severities and the summary line: `DiagnosticText`;
/// - what an edit expects and its ranges: `PlanModel/Catalog/EditText.swift`; attribute types:
///   `SchemaText` (a kind's or attribute's help stays beside its declaration in `Schema` and is
///   gathered into `SchemaText.entries`);
/// - the `rank` report and why a plan cannot be ranked: `PlanEngine/Catalog/RankingText.swift`;
/// - export headings, columns and phrases: `PlanIO/Catalog/ExportLabels.swift`; `diff`: `DiffText`;
/// - the shell's banner and the journal's notices: `PlanShell/Catalog/ShellText.swift`.
/// A new catalog conforms to ``TextCatalog`` and is added to the list in `CatalogTests`.
///
/// ``entries`` lists every text of the catalog by its name, a parameterised one with sample
/// arguments, so that a test can check that each has both languages; the test also reads the
/// catalog's source file and fails when a static member is missing from ``entries``.
package protocol TextCatalog {
  /// Every text of the catalog by name; parameterised texts with sample arguments.
  static var entries: [CatalogEntry] { get }
}

/// One text of a ``TextCatalog``: its name (the static member's) and the text, with a message's
/// notes as further texts.
package struct CatalogEntry: Sendable {
  package var name: String
  package var texts: [LocalizedText]

  package init(_ name: String, _ text: LocalizedText) {
    self.name = name
    self.texts = [text]
  }

  package init(_ name: String, _ message: Message) {
    self.name = name
    self.texts = [message.text] + message.notes
  }
}
