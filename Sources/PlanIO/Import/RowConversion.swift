import PlanLanguage
import PlanModel

/// Turns a row into the statement a planner would type (`add org jlu "吉林大学" type university`,
/// or with `update` a `set` for an entity that exists), each token located at its cell, so that
/// ``Plan/apply(_:deferring:)`` checks it exactly as a typed command and its errors name the cell.
package enum RowConversion {
  /// The statement of `row`, or `nil` when there is nothing to do (an empty row; a `set` of
  /// nothing but the key).
  /// - Parameters:
  ///   - exists: whether the plan has an entity of this key (then `update` makes it a `set`).
  ///   - location: where cell `column` of the row is.
  /// - Returns: the command and the key it names, and the errors of attribute cells that are no
  ///   value of their column's type (a formula without a value, text in a number column: each
  ///   at its cell), which the command leaves out — every bad cell of a row is reported.
  /// - Throws: a bad or missing key part: at the cell, or at the row.
  package static func command(
    _ row: ImportRow, header: ImportHeader, update: Bool, exists: (EntityKey) -> Bool,
    location: (Int) -> SourceLocation
  ) throws(Diagnostic) -> (command: Command, key: EntityKey, isSet: Bool, cellErrors: [Diagnostic])? {
    let kind = header.kind
    let spec = kind.spec
    // The row's cells by the kind's column, then the constants the rules fill in.
    var cells: [ImportHeader.Column: (value: ImportCell.Value, at: SourceLocation)] = [:]
    for cell in row.cells {
      guard let column = header.columns[cell.column], !cell.isEmpty else { continue }
      cells[column] = (cell.value, location(cell.column))
    }
    guard !cells.isEmpty else { return nil }
    for constant in header.constants where cells[constant.column] == nil {
      cells[constant.column] = (.text(constant.text), constant.location)
    }
    let rowStart = location(1)
    var keyTokens: [Token] = []
    var keyParts: [String] = []
    for (i, part) in spec.keys.enumerated() {
      guard let cell = cells[.key(i)] else {
        throw .error(.missing(EditText.keyPart(kind: kind.rawValue, part: spec.keyNames[i])), at: rowStart)
      }
      let what = EditText.keyPart(kind: kind.rawValue, part: spec.keyNames[i])
      let token = try keyToken(cell.value, at: cell.at, what: what)
      keyTokens.append(token)
      switch part {
      case .year: keyParts.append(try Plan.yearKey(token, what: what))
      case .choice(let allowed):
        guard case .word(let w) = token.kind else { throw .error(.expected(what, found: token.summary), at: token) }
        keyParts.append(
          try Plan.keyword(w, in: allowed, attribute: spec.keyNames[i].lowercased(), at: token))
      case .id, .ref:
        guard case .word(let w) = token.kind else { throw .error(.expected(what, found: token.summary), at: token) }
        keyParts.append(w)
      }
    }
    let key = EntityKey(parts: keyParts)
    let isSet = update && exists(key)
    var arguments = [Token(.word(kind.rawValue), at: rowStart, length: 1)] + keyTokens
    if spec.hasName, let cell = cells[.name] {
      let name = Token(.string(text(cell.value)), at: cell.at, length: 1)
      arguments += isSet ? [Token(.word("name"), at: cell.at, length: 1), name] : [name]
    }
    var cellErrors: [Diagnostic] = []
    for (i, attribute) in spec.attributes.enumerated() {
      guard let cell = cells[.attribute(i)] else { continue }
      do {
        let value = try valueToken(cell.value, for: attribute, at: cell.at)
        arguments.append(Token(.word(attribute.name), at: cell.at, length: 1))
        arguments.append(value)
      } catch {
        cellErrors.append(error)
      }
    }
    if isSet && arguments.count == 1 + keyTokens.count && cellErrors.isEmpty { return nil }
    let verb: Verb = isSet ? .set : .add
    let command = Command(
      verb: verb, verbToken: Token(.word(verb.rawValue), at: rowStart, length: 1), arguments: arguments)
    return (command, key, isSet, cellErrors)
  }

  /// `command` without the attribute whose cell is at `location` (its name and value tokens,
  /// after the kind and `keyCount` key parts), so that the row's other cells can be checked
  /// after an error there; `nil` when no attribute is at `location` (an error in a key part or
  /// the name, or of the row as a whole).
  package static func dropping(attributeAt location: SourceLocation?, from command: Command, keyCount: Int) -> Command?
  {
    guard let location else { return nil }
    let args = command.arguments
    var i = 1 + keyCount
    while i + 1 < args.count {
      if args[i].location == location, args[i + 1].location == location, case .word = args[i].kind {
        var out = command
        out.arguments.removeSubrange(i...(i + 1))
        return out
      }
      // The name of an `add` stands alone; every other argument is a name and value pair.
      i += (command.verb == .add && i == 1 + keyCount && args[i].location != args[i + 1].location) ? 1 : 2
    }
    return nil
  }

  /// The columns of the settings sheet that hold the setting and its value, from its header
  /// (``WorkbookSheets/settingColumn``, ``WorkbookSheets/valueColumn``; the description is not
  /// read); the first two columns when the header names neither.
  package static func settingColumns(_ header: ImportRow) -> (setting: Int, value: Int) {
    func column(_ label: LocalizedText) -> Int? {
      header.cells.first { cell in
        let t = text(cell.value)
        return t.lowercased() == label.en.lowercased() || t == label.zh
      }?.column
    }
    return (column(WorkbookSheets.settingColumn) ?? 1, column(WorkbookSheets.valueColumn) ?? 2)
  }

  /// The `set plan NAME VALUE` of a row of the settings sheet: the setting's keyword (or its
  /// Chinese description) and its value in the columns ``settingColumns(_:)`` found.
  package static func settingCommand(
    _ row: ImportRow, columns: (setting: Int, value: Int), location: (Int) -> SourceLocation
  ) throws(Diagnostic) -> Command? {
    let name = row.cells.first { $0.column == columns.setting && !$0.isEmpty }
    let value = row.cells.first { $0.column == columns.value && !$0.isEmpty }
    guard name != nil || value != nil else { return nil }
    guard let name, let value, case .text(let word) = name.value else {
      throw .error(ImportText.badSettingRow(), at: location(name == nil ? columns.setting : columns.value))
    }
    let at = location(columns.setting)
    let trimmed = word.trimmingWhitespace()
    guard let index = Schema.planAttributeIndex(trimmed) ?? Schema.plan.firstIndex(where: { $0.help.zh == trimmed })
    else {
      let names = Schema.plan.map(\.name)
      throw .error(.unknownAttribute(trimmed, kind: "plan", suggestion: Suggestion.nearest(trimmed, in: names)), at: at)
    }
    let attribute = Schema.plan[index]
    let valueToken = try valueToken(value.value, for: attribute, at: location(value.column))
    return Command(
      verb: .set, verbToken: Token(.word("set"), at: at, length: 1),
      arguments: [Token(.word("plan"), at: at, length: 1), Token(.word(attribute.name), at: at, length: 1), valueToken])
  }

  // MARK: Cells

  /// The token `text` is when it is an ASCII word (`jlu`, `enterprise`, `K-1`), a word of
  /// Chinese letters (`高校`, NFC), a plain decimal number (`12`, `-0.5`) or such a number with
  /// `%`, as the lexer would read it; `nil` for anything else.
  package static func simpleToken(_ text: String) -> Token.Kind? {
    let u = text.utf8
    guard let first = u.first else { return nil }
    func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    if isLetter(first) {
      guard u.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2D }) else { return nil }
      return .word(text)
    }
    if first >= 0x80 {
      // Letters of any script (ideographs are letters: Lo), none of the lexer's other characters.
      guard text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.value > 0x7F && $0.value != 0x3000 })
      else { return nil }
      return .word(text.nfc)
    }
    if u.last == 0x25, case .number(let n)? = simpleToken(String(text.dropLast())), n.form == .plain {
      return .number(NumberLiteral(value: n.value / 100, text: text, form: .percent))
    }
    // -?digits(.digits)?, at most 15 digits: exact as a Double, as the lexer reads it.
    var digits = 0
    var point = false
    var previous: UInt8 = 0
    for (i, b) in u.enumerated() {
      if isDigit(b) {
        digits += 1
      } else if b == 0x2D, i == 0 {
      } else if b == 0x2E, !point, isDigit(previous) {
        point = true
      } else {
        return nil
      }
      previous = b
    }
    guard digits > 0, digits <= 15, isDigit(previous), let value = Double(text) else { return nil }
    return .number(NumberLiteral(value: value, text: text, form: .plain))
  }

  /// A cell as text: a number in its canonical spelling, a date as `YYYY-MM-DD`, a boolean as yes/no.
  static func text(_ value: ImportCell.Value) -> String {
    switch value {
    case .text(let t): t.trimmingWhitespace()
    case .number(let n): Format.number(n)
    case .percent(let p): Format.percent(p)
    case .date(let y, let m, let d): month(y, m) + "-" + (d < 10 ? "0" : "") + String(d)
    case .bool(let b): b ? "yes" : "no"
    case .formulaWithoutValue: ""
    }
  }

  /// `YYYY-MM`, the month of a date cell as a `month` attribute takes it.
  static func month(_ year: Int, _ month: Int) -> String {
    String(year) + (month < 10 ? "-0" : "-") + String(month)
  }

  static func numberToken(_ n: Double, percent: Bool, at location: SourceLocation) -> Token {
    let literal = NumberLiteral(
      value: n, text: percent ? Format.percent(n) : Format.number(n), form: percent ? .percent : .plain)
    return Token(.number(literal), at: location, length: 1)
  }

  /// A key part's token: a word (an ID, a source's keyword or term) or a year.
  static func keyToken(_ value: ImportCell.Value, at location: SourceLocation, what: LocalizedText) throws(Diagnostic)
    -> Token
  {
    switch value {
    case .number(let n): return numberToken(n, percent: false, at: location)
    case .formulaWithoutValue: throw .error(ImportText.formulaWithoutValue(), at: location)
    // A year typed as a date (an actual's or outlay's year): its year.
    case .date(let year, _, _): return numberToken(Double(year), percent: false, at: location)
    default:
      let text = text(value)
      guard let token = try lexOne(text, at: location) else {
        throw .error(.expected(what, found: Token(.string(text), at: location, length: 1).summary), at: location)
      }
      return token
    }
  }

  /// An attribute value's token, by the attribute's type: text as a string whatever it holds;
  /// numbers as numbers (a percent cell as a percent); anything else read as typed.
  static func valueToken(_ value: ImportCell.Value, for attribute: AttributeSpec, at location: SourceLocation)
    throws(Diagnostic) -> Token
  {
    if case .formulaWithoutValue = value { throw .error(ImportText.formulaWithoutValue(), at: location) }
    if attribute.type == .text { return Token(.string(text(value)), at: location, length: 1) }
    switch value {
    case .number(let n): return numberToken(n, percent: false, at: location)
    case .percent(let p): return numberToken(p, percent: true, at: location)
    case .bool(let b): return Token(.word(b ? "yes" : "no"), at: location, length: 1)
    // A date cell (Excel's date format): the month for a `month` (a measure's start), the year
    // for a `year`; elsewhere read as its month, which a type that takes none refuses.
    case .date(let year, let month, _):
      if attribute.type == .year { return numberToken(Double(year), percent: false, at: location) }
      if let token = try lexOne(Self.month(year, month), at: location) { return token }
    default: break
    }
    var text = text(value)
    if attribute.type == .yesNo, let flag = WorkbookSheets.flag(fromCell: text) { text = flag ? "yes" : "no" }
    // A list typed with spaces after its commas (`G1, G2`) is the list `G1,G2`.
    if case .refs = attribute.type {
      text = text.split(separator: ",").map { String($0).trimmingWhitespace() }.joined(separator: ",")
    }
    guard let token = try lexOne(text, at: location) else {
      throw .error(
        .wrongType(
          attribute: attribute.name, expected: attribute.describe,
          found: Token(.string(text), at: location, length: 1).summary),
        at: location)
    }
    return token
  }

  /// The one token `text` is, located at the cell; `nil` when it is not exactly one token.
  /// - Throws: the lexer's error (a malformed number, a bad month…), at the cell.
  /// - Complexity: O(length); an ASCII word or a plain number is recognised without a lexer
  ///   (whose caches cost more to set up than such a cell to read).
  static func lexOne(_ text: String, at location: SourceLocation) throws(Diagnostic) -> Token? {
    if let kind = simpleToken(text) { return Token(kind, at: location, length: 1) }
    var bytes = Array(text.utf8)
    if bytes.contains(0x0A) || bytes.contains(0x23) || bytes.contains(0x5C) { return nil }  // a line break, `#`, `\`
    bytes.append(0x0A)
    return try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) -> Token? in
      var lexer = Lexer(bytes: buffer, file: location.file, allowIncomplete: false)
      var found: Token?
      while true {
        switch lexer.next() {
        case .token(var token):
          guard found == nil else { return nil }
          token.location = location
          token.length = 1
          found = token
        case .endOfCommand: return found
        case .error(var d):
          d.location = location
          d.length = 1
          throw d
        case .incomplete: return nil
        }
      }
    }
  }
}
