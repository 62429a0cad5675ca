import FoundationEssentials
import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

/// What Tab offers at the cursor (SPEC §10): verbs, kinds, attribute names for the kind being
/// written, enum values for the attribute, the IDs that fit the position (Chinese IDs too),
/// keywords of the actions, and paths. Computed on whole characters, without a terminal.
package struct Completion: Equatable, Sendable {
  /// The text being completed: the end of the input before the cursor, as typed.
  package var word: String
  /// What may replace ``word``, in the order they are listed.
  package var candidates: [String]
  /// Candidates are file names: a folder ends in `/` and takes no space after it.
  package var isPath = false
  /// The name of each candidate that is the ID of a named entity (`K1` → its consortium's
  /// name), shown beside it when the candidates are listed (issue 17 item 19).
  package var names: [String: String] = [:]

  package init(word: String, candidates: [String], isPath: Bool = false) {
    self.word = word
    self.candidates = candidates
    self.isPath = isPath
  }

  /// What Tab does with the line.
  package enum Action: Equatable, Sendable {
    /// Nothing fits.
    case none
    /// Replace ``Completion/word`` by this text (one candidate, or the longer common start of several).
    case replace(String)
    /// Several candidates and nothing to add: list them, keep the line as typed.
    case list([String])
  }

  package var action: Action {
    guard let first = candidates.first else { return .none }
    if candidates.count == 1 {
      return .replace(isPath && first.hasSuffix("/") ? first : first + " ")
    }
    let common = candidates.dropFirst().reduce(first) { Completion.commonPrefix($0, $1) }
    if common.count > word.count { return .replace(common) }
    return .list(candidates)
  }

  /// The candidates as Tab lists them below the line, within `width` columns: in columns
  /// (``columns(_:width:limit:language:)``), or, when some are IDs with names, one a line with
  /// the name beside the ID (`K1  碳纤维及复合材料创新联合体`), the names aligned.
  package func listing(width: Int, language: MessageLanguage = .en) -> String {
    guard !names.isEmpty else { return Completion.columns(candidates, width: width, language: language) }
    let idWidth = candidates.filter { names[$0] != nil }.map { DisplayWidth.width($0) }.max() ?? 0
    let lines = candidates.map { c in names[c].map { DisplayWidth.pad(c, to: idWidth) + "  " + $0 } ?? c }
    return Completion.columns(lines, width: 0, limit: 100, language: language)
  }

  /// The longest common start of two texts, in whole characters.
  static func commonPrefix(_ a: String, _ b: String) -> String {
    var end = a.startIndex
    var j = b.startIndex
    while end < a.endIndex, j < b.endIndex, a[end] == b[j] {
      end = a.index(after: end)
      j = b.index(after: j)
    }
    return String(a[..<end])
  }

  /// Lays out `items` in columns aligned by display width (a CJK character takes two columns),
  /// filled column by column like `ls`, within `width` columns. Each line ends in a newline.
  /// - Parameter limit: at most this many items are shown; a last line says how many more there are.
  package static func columns(_ items: [String], width: Int, limit: Int = 240, language: MessageLanguage = .en)
    -> String
  {
    // Names as the terminal may show them: a file name's ESC or U+202E escaped, as every
    // output is (SPEC §15; issue 18 item 6 — the list was drawn raw).
    let shown = items.prefix(limit).map(\.escapingControls)
    guard !shown.isEmpty else { return "" }
    let cell = (shown.map { DisplayWidth.width($0) }.max() ?? 0) + 2
    let perRow = max(1, (max(width, 1) + 2) / cell)
    let rows = (shown.count + perRow - 1) / perRow
    var out = ""
    for row in 0..<rows {
      var line = ""
      var column = 0
      while row + column * rows < shown.count {
        let item = shown[row + column * rows]
        let isLast = row + (column + 1) * rows >= shown.count
        line += isLast ? item : DisplayWidth.pad(item, to: cell)
        column += 1
      }
      out += line.trimmingTrailingSpaces() + "\n"
    }
    if items.count > shown.count {
      let more = items.count - shown.count
      out += CommandText.more(more).text(language) + "\n"
    }
    return out
  }
}

/// Computes ``Completion``s from the input before the cursor and the plan's IDs.
package struct Completer {
  package var plan: Plan
  /// The folder relative paths are completed from.
  package var currentDirectory: String

  package init(plan: Plan, currentDirectory: String = FileManager.default.currentDirectoryPath) {
    self.plan = plan
    self.currentDirectory = currentDirectory
  }

  /// One word of the input before the cursor.
  struct Word {
    var text: String
    /// A quoted string (a NAME or a STRING value), never a keyword.
    var quoted: Bool
  }

  /// The candidates for the end of `input` (everything typed before the cursor, earlier lines
  /// of a continued command included).
  package func complete(_ input: String) -> Completion {
    guard let (words, current) = Completer.split(input) else { return Completion(word: "", candidates: []) }
    var completion = complete(words: words, current: current)
    if !completion.isPath { completion.names = names(of: completion.candidates) }
    return completion
  }

  /// The kinds whose IDs are shown with their names when listed.
  static let namedKinds = Kind.allCases.filter { $0.spec.hasOwnID && $0.spec.hasName }

  /// The names of the candidates that are the ID of exactly one named entity (an ID that two
  /// kinds share, or a keyword, gets none).
  /// - Complexity: O(candidates × named kinds), each a hash lookup.
  func names(of candidates: [String]) -> [String: String] {
    var names: [String: String] = [:]
    for c in candidates {
      let found = Completer.namedKinds.compactMap { plan.entity($0, c) }
      if found.count == 1, let name = found[0].name, !name.isEmpty { names[c] = name }
    }
    return names
  }

  /// Splits the input into finished words and the word under the cursor; `nil` when the cursor
  /// is inside a string or a comment (nothing to complete there).
  static func split(_ input: String) -> (words: [Word], current: String)? {
    var words: [Word] = []
    var current = String.UnicodeScalarView()
    var quoted = false
    var scalars = Array(input.unicodeScalars)[...]
    func finish() {
      if !current.isEmpty || quoted { words.append(Word(text: String(current), quoted: quoted)) }
      current = String.UnicodeScalarView()
      quoted = false
    }
    while let c = scalars.popFirst() {
      switch c {
      case " ", "\t", "\u{3000}", "\n", "\r":
        finish()
      case "\\" where scalars.first == "\n":
        scalars.removeFirst()
        finish()
      case "#" where current.isEmpty:
        return nil
      case "\"", "“", "「":
        let close: Unicode.Scalar = c == "\"" ? "\"" : (c == "“" ? "”" : "」")
        var closed = false
        while let d = scalars.popFirst() {
          if d == "\\" && c == "\"" {
            if let e = scalars.popFirst() { current.append(e) }
            continue
          }
          if d == close {
            closed = true
            break
          }
          current.append(d)
        }
        if !closed { return nil }
        quoted = true
      default:
        current.append(c)
      }
    }
    if quoted { finish() }
    return (words, String(current))
  }

  func complete(words: [Word], current: String) -> Completion {
    func offer(_ options: [String], keywords: Bool = true) -> Completion {
      Completion(word: current, candidates: Completer.matching(options, prefix: current, caseInsensitive: keywords))
    }
    // Chinese names are offered for a word begun in Chinese (添<Tab> → 添加), keywords otherwise.
    guard let first = words.first else { return offer(current.isASCII ? Verb.allCases.map(\.rawValue) : Verb.allNames) }
    guard !first.quoted, let verb = Verb(keyword: first.text) else { return offer([]) }
    let args = Array(words.dropFirst())
    if verb.isEdit { return completeEntity(verb, args, current) }
    return completeArguments(ShellCommand.of(verb), args, current)
  }

  /// What may follow `args` by the command's grammar (``ShellCommand``): for each form that
  /// takes the words typed so far, the values of the next argument (and of those after it while
  /// they are optional), then its options not given yet, or the value of the option just typed.
  /// Literal words are offered first, then keywords, then IDs, then files.
  func completeArguments(_ command: ShellCommand, _ args: [Word], _ current: String) -> Completion {
    var literals: [String] = []
    var keywords: [String] = []
    var ids: [String] = []
    var paths = false
    func offer(_ argument: ShellCommand.Argument, kind: Kind?, typedKeys: [String]) {
      switch argument.source {
      case .literal(let w): literals.append(w)
      case .kind(let kinds): keywords += kinds.map(\.rawValue)
      case .keys: if let kind { ids += keyParts(kind, typed: typedKeys) }
      case .id(let k): ids += self.ids(of: k)
      case .choice(let values): keywords += values
      case .path: paths = true
      case .topic: keywords += Help.topics
      case .year: ids += horizonYears
      case .number(let value): keywords.append(value)
      case .text: keywords.append("none")
      }
    }
    forms: for form in command.forms {
      var i = 0
      var kind: Kind?
      var values: [String: String] = [:]
      for (j, argument) in form.enumerated() {
        if case .keys = argument.source, let k = kind {
          let count = k.spec.keys.count
          if args.count - i < count {
            offer(argument, kind: k, typedKeys: args[i...].map(\.text))
            continue forms
          }
          guard args[i..<(i + count)].allSatisfy({ !$0.quoted }) else { continue forms }
          i += count
          continue
        }
        guard i < args.count else {
          offer(argument, kind: kind, typedKeys: [])
          // An optional argument may be left out: what may come after it is offered too.
          if form[j...].allSatisfy(\.optional) { continue } else { continue forms }
        }
        guard Completer.accepts(argument.source, args[i]) else {
          if argument.optional { continue }
          continue forms
        }
        if case .kind = argument.source { kind = Kind(keyword: args[i].text) }
        values[argument.name] = args[i].text.lowercased()
        i += 1
      }
      // The options, in any order after the form's arguments.
      var used = Set<String>()
      while i < args.count {
        let word = args[i]
        guard !word.quoted,
          let option = command.options.first(where: { $0.keyword == word.text.lowercased() })
        else { continue forms }
        used.insert(option.keyword)
        if let value = option.value {
          guard i + 1 < args.count else {
            offer(value, kind: nil, typedKeys: [])
            continue forms
          }
          i += 2
        } else {
          i += 1
        }
      }
      for option in command.options where !used.contains(option.keyword) {
        if let when = option.onlyWhen, values[when.argument] != when.value { continue }
        keywords.append(option.keyword)
      }
    }
    let words =
      Completer.matching(literals + keywords, prefix: current, caseInsensitive: true)
      + Completer.matching(ids, prefix: current, caseInsensitive: false)
    guard paths else { return Completion(word: current, candidates: words) }
    var files = completePath(current)
    if !current.contains("/") { files.candidates += words.filter { !files.candidates.contains($0) } }
    return files
  }

  /// Whether a typed word may stand where `source` is expected (as ``ShellCommand`` reads it).
  static func accepts(_ source: ArgumentSource, _ word: Word) -> Bool {
    let lower = word.text.lowercased()
    switch source {
    case .literal(let w): return !word.quoted && lower == w
    case .kind(let kinds): return !word.quoted && Kind(keyword: word.text).map { kinds.contains($0) } == true
    case .keys, .id: return !word.quoted
    case .choice(let values): return !word.quoted && values.contains(lower)
    case .path, .topic: return true
    case .year:
      return !word.quoted && !word.text.isEmpty && word.text.allSatisfy(\.isASCII) && word.text.allSatisfy(\.isNumber)
    case .number: return Double(word.text.hasSuffix("%") ? String(word.text.dropLast()) : word.text) != nil
    case .text: return word.quoted || lower == "none"
    }
  }

  /// The key parts of the plan's entities of `kind` at the position after `typed` parts that
  /// occur after the parts already typed, in creation order.
  func keyParts(_ kind: Kind, typed: [String]) -> [String] {
    let position = typed.count
    var seen = Set<String>()
    var options: [String] = []
    for key in plan[kind].keys {
      let parts = key.parts
      guard parts.count > position, Array(parts.prefix(position)) == typed else { continue }
      if seen.insert(parts[position]).inserted { options.append(parts[position]) }
    }
    return options
  }

  /// `add|set|remove|rename KIND KEY... [ATTR VALUE]...`: the statement grammar, by the schema.
  private func completeEntity(_ verb: Verb, _ args: [Word], _ current: String) -> Completion {
    func offer(_ options: [String], keywords: Bool = true) -> Completion {
      Completion(word: current, candidates: Completer.matching(options, prefix: current, caseInsensitive: keywords))
    }
    let kinds = current.isASCII ? Kind.allCases.map(\.rawValue) : Kind.allNames
    guard let kindWord = args.first else {
      switch verb {
      case .set: return offer(kinds + ["plan"])
      case .rename: return offer(Kind.allCases.filter { $0.spec.hasOwnID }.map(\.rawValue))
      default: return offer(kinds)
      }
    }
    let rest = Array(args.dropFirst())
    if verb == .set, !kindWord.quoted, kindWord.text.lowercased() == "plan" || kindWord.text == Schema.chinesePlanName {
      return completeAttributes(Schema.plan, named: false, rest, verb: verb, current)
    }
    guard !kindWord.quoted, let kind = Kind(keyword: kindWord.text) else { return offer([]) }
    let spec = kind.spec
    if rest.count < spec.keys.count {
      let position = rest.count
      if verb == .add {
        switch spec.keys[position] {
        case .id: return offer([])
        case .ref(let k): return offer(ids(of: k), keywords: false)
        case .choice(let choices): return offer(Completer.choiceOptions(choices, typed: current))
        case .year: return offer(yearOptions(kind, keys: rest.map(\.text)))
        }
      }
      // An existing entity: the key parts that occur after the parts already typed.
      return offer(keyParts(kind, typed: rest.map(\.text)), keywords: false)
    }
    switch verb {
    case .remove: return offer(rest.count == spec.keys.count ? ["cascade"] : [])
    case .rename: return offer([])
    default:
      return completeAttributes(
        spec.attributes, named: spec.hasName, Array(rest.dropFirst(spec.keys.count)),
        verb: verb, current)
    }
  }

  /// The attribute names not given yet, or the values of the attribute just named.
  private func completeAttributes(
    _ attributes: [AttributeSpec], named: Bool, _ words: [Word], verb: Verb,
    _ current: String
  ) -> Completion {
    func offer(_ options: [String], keywords: Bool = true) -> Completion {
      Completion(word: current, candidates: Completer.matching(options, prefix: current, caseInsensitive: keywords))
    }
    var expecting: AttributeSpec?
    var expectingName = false
    var given = Set<String>()
    for word in words {
      if expecting != nil || expectingName {
        expecting = nil
        expectingName = false
        continue
      }
      guard !word.quoted else { continue }
      let lower = word.text.lowercased()
      if named && lower == "name" {
        expectingName = true
        given.insert(lower)
      } else if let a = attributes.first(where: { $0.name == lower }) {
        expecting = a
        given.insert(lower)
      }
    }
    if expectingName { return offer([]) }
    guard let attribute = expecting else {
      var names = attributes.map(\.name)
      if named && verb == .set { names.insert("name", at: 0) }
      return offer(names.filter { !given.contains($0) })
    }
    let none = verb == .set && !attribute.required && attribute.defaultValue == nil ? ["none"] : []
    switch attribute.type {
    case .choice(let values): return offer(Completer.choiceOptions(values, typed: current) + none)
    case .yesNo: return offer(["yes", "no"])
    case .ref(let k): return offer(ids(of: k) + none, keywords: false)
    case .refs(let k):
      // A comma list: complete the ID after the last comma.
      let parts = current.split(separator: ",", omittingEmptySubsequences: false)
      let last = String(parts.last ?? "")
      let already = Set(parts.dropLast().map(String.init))
      let options = Completer.matching(
        ids(of: k).filter { !already.contains($0) }, prefix: last, caseInsensitive: false)
      return Completion(word: last, candidates: options)
    default: return offer(none)
    }
  }

  /// The values to offer for a keyword attribute: the keywords, or, once the planner has begun
  /// with a Chinese character, their Chinese terms (`项<Tab>` → 项目资助), which are read as the
  /// keywords (``Schema/chineseLabels``).
  static func choiceOptions(_ keywords: [String], typed: String) -> [String] {
    guard let first = typed.unicodeScalars.first, !first.isASCII else { return keywords }
    return keywords.compactMap { Schema.chineseLabels[$0] }
  }

  /// The years to offer for a year key part (`add actual G1 <Tab>`): those of the plan's horizon
  /// that no entity of `kind` with the parts `keys` already has (none without a horizon).
  func yearOptions(_ kind: Kind, keys: [String]) -> [String] {
    guard let horizon = plan.horizon, horizon.start.year <= horizon.end.year else { return [] }
    let taken = Set(keyParts(kind, typed: keys))
    return (horizon.start.year...horizon.end.year).map(String.init).filter { !taken.contains($0) }
  }

  /// The years to offer for a year under review (`review as-of <Tab>`): the horizon's, else
  /// those the phases' periods span; none when neither is there.
  var horizonYears: [String] {
    let periods = plan.horizon.map { [$0] } ?? plan[.phase].values.compactMap { $0[Attr.Phase.period]?.period }
    guard let first = periods.map(\.start.year).min(), let last = periods.map(\.end.year).max(), first <= last
    else { return [] }
    return (first...last).map(String.init)
  }

  /// The IDs of `kind`, in creation order.
  func ids(of kind: Kind) -> [String] {
    plan[kind].keys.map(\.a)
  }

  /// Files and folders that start with `current` (a path as typed; `~/` is the home folder).
  private func completePath(_ current: String) -> Completion {
    let slash = current.lastIndex(of: "/")
    let folderPart = slash.map { String(current[...$0]) } ?? ""
    let namePart = slash.map { String(current[current.index(after: $0)...]) } ?? current
    var folder = folderPart.isEmpty ? currentDirectory : folderPart
    if folder.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
      folder = home + folder.dropFirst()
    } else if !folder.hasPrefix("/") {
      folder = currentDirectory + "/" + folder
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var options: [String] = []
    for name in names.sorted() where name.hasPrefix(namePart) && (namePart.hasPrefix(".") || !name.hasPrefix(".")) {
      var isFolder = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
      options.append(name + (isFolder ? "/" : ""))
    }
    return Completion(word: namePart, candidates: options, isPath: true)
  }

  /// The options that start with `prefix`: keywords ignoring ASCII case, IDs exactly (then ignoring case);
  /// for a prefix that begins with a Chinese (non-ASCII) character and starts no option, the
  /// options that contain it anywhere (`场<Tab>` → 应用场景; issue 17 item 5).
  static func matching(_ options: [String], prefix: String, caseInsensitive: Bool) -> [String] {
    let prefix = prefix.nfc
    var seen = Set<String>()
    let unique = options.filter { seen.insert($0).inserted }
    if prefix.isEmpty { return unique }
    let exact = unique.filter { $0.hasPrefix(prefix) }
    if !exact.isEmpty && !caseInsensitive { return exact }
    let lower = prefix.lowercased()
    let starting = unique.filter { $0.lowercased().hasPrefix(lower) }
    guard starting.isEmpty, let first = prefix.unicodeScalars.first, !first.isASCII else { return starting }
    return unique.filter { $0.contains(prefix) }
  }
}
