/// A catalog of user-facing text in both languages (SPEC §10): static members and functions
/// returning ``LocalizedText`` or ``Message``, grouped by area, one catalog per file under a
/// module's `Catalog/` folder. Use sites look a text up by name (`ExportLabels.goals`,
/// `Message.unknownKind(…)`); no text is written inline.
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
