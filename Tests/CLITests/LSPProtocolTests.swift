import Foundation
import Testing

/// `cplan lsp` driven over pipes as an editor drives it (SPEC §14 "Editors"; LSP 3.17).
/// Expected findings come from `cplan check --format json` of the same text, an independent
/// path (a file on disk, the loader and the engine without the server); expected UTF-16
/// columns are counted from the text itself.
@Suite struct LSPProtocolTests {
  static let uri = "file:///tmp/cplan-lsp-test/plan.plan"
  static let sample = try! CLI.read(CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan"))

  /// A small plan with CJK and an emoji before the error on line 4 (0-based 3).
  static let cjk = """
    # cplan plan 1
    set plan title "吉林😀" horizon 2025..2030
    add field F1 "新能源汽车"
    add org thu "清华大学😀" type universityx

    """

  /// `cplan check --format json` of `text`: (code, 1-based line, 1-based scalar column).
  static func check(_ text: String) throws -> [(code: String, line: Int, column: Int)] {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.plan")
    try CLI.write(text, to: file)
    let result = try CLI.run(["check", "--format", "json", file.path])
    let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
    return (json["diagnostics"] as! [[String: Any]]).map {
      ($0["code"] as! String, $0["line"] as? Int ?? 0, $0["column"] as? Int ?? 0)
    }
  }

  /// The findings of `cplan check` as the server must publish them: (code, 0-based line,
  /// UTF-16 start), the column converted by counting the UTF-16 units of the line's first
  /// `column - 1` scalars.
  static func expected(_ text: String) throws -> [String] {
    let lines = text.components(separatedBy: "\n")
    return try check(text).map { d in
      let line = d.line - 1
      let scalars = line >= 0 && line < lines.count ? Array(lines[line].unicodeScalars.prefix(d.column - 1)) : []
      let units = scalars.reduce(0) { $0 + String($1).utf16.count }
      return "\(d.code)@\(max(line, 0)):\(units)"
    }.sorted()
  }

  static func published(_ diagnostics: [[String: Any]]?) -> [String] {
    (diagnostics ?? []).map { d in
      let start = (d["range"] as! [String: Any])["start"] as! [String: Any]
      return "\(d["code"] as! String)@\(start["line"] as! Int):\(start["character"] as! Int)"
    }.sorted()
  }

  static func errorCode(_ response: [String: Any]?) -> Int? {
    (response?["error"] as? [String: Any])?["code"] as? Int
  }

  static func result(_ response: [String: Any]?) -> Any? { response?["result"] }

  @Test func initializeAnnouncesUTF16AndIncrementalSync() throws {
    let client = try LSPClient()
    let response = client.request("initialize", ["capabilities": [String: Any]()])
    let capabilities = (Self.result(response) as? [String: Any])?["capabilities"] as? [String: Any]
    #expect(capabilities?["positionEncoding"] as? String == "utf-16")
    #expect((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)  // Incremental
    for provider in [
      "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentFormattingProvider",
      "documentSymbolProvider",
    ] {
      #expect(capabilities?[provider] as? Bool == true, "\(provider)")
    }
    #expect(capabilities?["completionProvider"] != nil)
    #expect(client.close() == 0)
  }

  @Test func diagnosticsCountUTF16UnitsAfterCJKAndAnEmoji() throws {
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, Self.cjk)
    let diagnostics = client.diagnostics(Self.uri, version: 1)
    // Line 3 `add org thu "清华大学😀" type universityx`: before `universityx` stand 13 ASCII
    // units, 4 CJK (1 unit each), the emoji (2 units: a surrogate pair) and 7 more: 26.
    #expect(Self.published(diagnostics) == ["E102@3:26"])
    #expect(try Self.expected(Self.cjk) == ["E102@3:26"])
    let range = diagnostics?.first?["range"] as? [String: Any]
    #expect((range?["end"] as? [String: Any])?["character"] as? Int == 26 + utf16Count("universityx"))
    #expect(diagnostics?.first?["severity"] as? Int == 1)
    #expect(client.close() == 0)
  }

  @Test func incrementalChangesFixAndMakeFindings() throws {
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, Self.cjk)
    _ = client.diagnostics(Self.uri, version: 1)
    // `universityx` → `university`: the error goes.
    client.change(
      Self.uri, version: 2, line: 3, from: 26 + utf16Count("university"), to: 26 + utf16Count("universityx"), "")
    var text = Self.cjk.replacingOccurrences(of: "universityx", with: "university")
    #expect(Self.published(client.diagnostics(Self.uri, version: 2)) == (try Self.expected(text)))
    // A line inserted before it (the lines move): a new error on line 3, a reference to a missing field.
    client.change(Self.uri, version: 3, line: 3, from: 0, to: 0, "add consortium K1 \"联合体\" field F9\n")
    var lines = text.components(separatedBy: "\n")
    lines.insert("add consortium K1 \"联合体\" field F9", at: 3)
    text = lines.joined(separator: "\n")
    let third = Self.published(client.diagnostics(Self.uri, version: 3))
    #expect(third == (try Self.expected(text)))
    #expect(!third.isEmpty)
    #expect(client.close() == 0)
  }

  @Test func engineFindingsOfTheSampleAfterAnEdit() throws {
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, Self.sample)
    #expect(Self.published(client.diagnostics(Self.uri, version: 1)) == (try Self.expected(Self.sample)))
    // K2's lead becomes a core member: an engine rule (no loader error) finds it.
    var lines = Self.sample.components(separatedBy: "\n")
    let row = try #require(lines.firstIndex(of: "add member K2 faw role lead chain downstream"))
    let start = utf16Count("add member K2 faw role ")
    client.change(Self.uri, version: 2, line: row, from: start, to: start + utf16Count("lead"), "core")
    lines[row] = "add member K2 faw role core chain downstream"
    let text = lines.joined(separator: "\n")
    let found = Self.published(client.diagnostics(Self.uri, version: 2))
    #expect(found == (try Self.expected(text)))
    #expect(found.contains { $0.hasPrefix("R") })
    #expect(client.close() == 0)
  }

  /// The line and UTF-16 range of the first `word` standing alone on a line that starts with `prefix`.
  static func locate(_ word: String, after prefix: String, in text: String) -> (line: Int, start: Int)? {
    for (i, line) in text.components(separatedBy: "\n").enumerated() where line.hasPrefix(prefix) {
      let rest = line.dropFirst(prefix.count)
      guard rest.hasPrefix(word + " ") || rest == word else { continue }
      return (i, utf16Count(prefix))
    }
    return nil
  }

  /// Every token `id` in `text` (between blanks, commas or line ends), as (line, UTF-16 start).
  static func tokens(_ id: String, in text: String) -> [String] {
    var found: [String] = []
    for (i, line) in text.components(separatedBy: "\n").enumerated() where !line.hasPrefix("#") {
      var offset = 0
      for piece in line.split(separator: " ", omittingEmptySubsequences: false) {
        var inner = 0
        for part in piece.split(separator: ",", omittingEmptySubsequences: false) {
          if part == id { found.append("\(i):\(offset + inner)") }
          inner += utf16Count(part) + 1
        }
        offset += utf16Count(piece) + 1
      }
    }
    return found.sorted()
  }

  static func starts(_ locations: Any?) -> [String] {
    ((locations as? [[String: Any]]) ?? []).map { l in
      let start = (l["range"] as! [String: Any])["start"] as! [String: Any]
      return "\(start["line"] as! Int):\(start["character"] as! Int)"
    }.sorted()
  }

  @Test func hoverDefinitionReferencesAndRenameOfAnOrg() throws {
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, Self.sample)
    let member = try #require(Self.locate("faw", after: "add member K2 ", in: Self.sample))
    let definition = try #require(Self.locate("faw", after: "add org ", in: Self.sample))

    let hover = Self.result(client.request("textDocument/hover", LSPClient.at(Self.uri, member.line, member.start + 1)))
    let value = ((hover as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
    #expect(value.contains("add org faw \"中国第一汽车集团有限公司\""))
    #expect(value.contains("member K2 faw"))

    let target = Self.result(
      client.request("textDocument/definition", LSPClient.at(Self.uri, member.line, member.start)))
    #expect(Self.starts([target].compactMap { $0 }) == ["\(definition.line):\(definition.start)"])

    var params = LSPClient.at(Self.uri, member.line, member.start)
    params["context"] = ["includeDeclaration": true]
    let references = Self.result(client.request("textDocument/references", params))
    let expected = Self.tokens("faw", in: Self.sample)
    #expect(Self.starts(references) == expected)
    #expect(expected.count > 2)

    params = LSPClient.at(Self.uri, member.line, member.start)
    params["newName"] = "yiqi"
    let edit = Self.result(client.request("textDocument/rename", params)) as? [String: Any]
    let edits = (edit?["changes"] as? [String: Any])?[Self.uri] as? [[String: Any]] ?? []
    #expect(Self.starts(edits) == expected)
    #expect(edits.allSatisfy { $0["newText"] as? String == "yiqi" })

    // Renaming to an ID the kind has already is refused, as the shell's `rename` refuses it.
    params["newName"] = "jlu"
    #expect(Self.errorCode(client.request("textDocument/rename", params)) == -32803)
    #expect(client.close() == 0)
  }

  @Test func formattingGivesWhatFmtWrites() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Not canonical: two statements swapped and extra blanks.
    var lines = Self.sample.components(separatedBy: "\n")
    lines.swapAt(10, 11)
    lines[12] = lines[12].replacingOccurrences(of: " ", with: "   ")
    let text = lines.joined(separator: "\n")
    let file = folder.appendingPathComponent("p.plan")
    try CLI.write(text, to: file)
    _ = try CLI.run(["fmt", file.path])
    let canonical = try CLI.read(file)

    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, text)
    let edits =
      Self.result(
        client.request(
          "textDocument/formatting",
          ["textDocument": ["uri": Self.uri], "options": ["tabSize": 2, "insertSpaces": true]])) as? [[String: Any]]
    #expect(edits?.count == 1)
    #expect(edits?.first?["newText"] as? String == canonical)
    #expect(canonical != text)
    #expect(client.close() == 0)
  }

  @Test func documentSymbolsNameEveryAdd() throws {
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, Self.sample)
    let symbols =
      Self.result(client.request("textDocument/documentSymbol", ["textDocument": ["uri": Self.uri]]))
      as? [[String: Any]] ?? []
    let adds = Self.sample.components(separatedBy: "\n").filter { $0.hasPrefix("add ") }
    #expect(symbols.count == adds.count)
    let names = Set(symbols.compactMap { $0["name"] as? String })
    #expect(names.contains("org faw"))
    #expect(names.contains("score F1 C1"))
    #expect(client.close() == 0)
  }

  static func labels(_ response: [String: Any]?) -> [String] {
    ((Self.result(response) as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap {
      $0["label"] as? String
    }
  }

  @Test func completionOffersWhatTheShellOffers() throws {
    let client = try LSPClient()
    client.initialize()
    var lines = Self.sample.components(separatedBy: "\n")
    lines.append("add member K1 ")
    lines.append("add org x \"某\" type uni")
    client.open(Self.uri, lines.joined(separator: "\n"))
    let ids = Self.labels(client.request("textDocument/completion", LSPClient.at(Self.uri, lines.count - 2, 14)))
    // The text does not load (a statement is being typed): the IDs its `add`s name, the new org's too.
    let orgs = lines.filter { $0.hasPrefix("add org ") }.map {
      String($0.split(separator: " ")[2])
    }
    #expect(ids == orgs)
    let values = Self.labels(
      client.request("textDocument/completion", LSPClient.at(Self.uri, lines.count - 1, utf16Count(lines.last!))))
    #expect(values == ["university"])
    #expect(client.close() == 0)
  }

  @Test func lifeCycleAndBadInput() throws {
    let client = try LSPClient()
    // A request before `initialize`.
    #expect(Self.errorCode(client.request("textDocument/hover", LSPClient.at(Self.uri, 0, 0))) == -32002)
    // A header without Content-Length, then a body that is not JSON: both answered, the server goes on.
    client.write(Data("X-Nonsense: 1\r\n\r\n".utf8))
    #expect(Self.errorCode(client.wait { ($0["id"] is NSNull) }) == -32700)
    client.write(Data("Content-Length: 9\r\n\r\n{not json".utf8))
    #expect(Self.errorCode(client.wait { ($0["id"] is NSNull) }) == -32700)
    client.initialize()
    #expect(Self.errorCode(client.request("no/such/method")) == -32601)
    #expect(Self.errorCode(client.request("textDocument/hover", ["textDocument": ["uri": Self.uri]])) == -32602)
    // A position past the end of a line: the end of the line (LSP 3.17).
    client.open(Self.uri, Self.cjk)
    _ = client.diagnostics(Self.uri, version: 1)
    client.change(Self.uri, version: 2, line: 3, from: 999, to: 999, " size large")
    let text = Self.cjk.replacingOccurrences(of: "universityx", with: "universityx size large")
    #expect(Self.published(client.diagnostics(Self.uri, version: 2)) == (try Self.expected(text)))
    let hover = client.request("textDocument/hover", LSPClient.at(Self.uri, 1, 999))
    #expect(hover?["error"] == nil)
    request(client, "textDocument/completion", line: 2, character: 999)
    // After `shutdown` a request is invalid; `exit` ends with 0.
    client.request("shutdown")
    #expect(Self.errorCode(client.request("textDocument/hover", LSPClient.at(Self.uri, 0, 0))) == -32600)
    #expect(client.close(shutdown: false) == 0)
  }

  private func request(_ client: LSPClient, _ method: String, line: Int, character: Int) {
    let response = client.request(method, LSPClient.at(Self.uri, line, character))
    #expect(response != nil && response?["error"] == nil, "\(method)")
  }

  @Test func exitWithoutShutdownIsStatusOne() throws {
    let client = try LSPClient()
    client.initialize()
    #expect(client.close(shutdown: false) == 1)
  }

  @Test func replacementCharactersFromInvalidUTF8() throws {
    // A client reading a file with invalid UTF-8 sends U+FFFD in its place.
    let text = "# cplan plan 1\nadd field F1 \"新能源汽车\"\nadd org t\u{FFFD}u \"清华大学\" type university\n"
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, text)
    let found = Self.published(client.diagnostics(Self.uri, version: 1))
    #expect(found == (try Self.expected(text)))
    #expect(!found.isEmpty)
    #expect(client.close() == 0)
  }

  @Test func tenThousandQuickChangesEndWithTheLastTextsFindings() throws {
    let client = try LSPClient()
    client.initialize()
    client.open(Self.uri, Self.sample)
    _ = client.diagnostics(Self.uri, version: 1)
    var lines = Self.sample.components(separatedBy: "\n")
    let row = try #require(lines.firstIndex(of: "add member K2 faw role lead chain downstream"))
    let start = utf16Count("add member K2 faw role ")
    let roles = ["core", "lead", "member"]
    var current = "lead"
    let count = 10_000
    for i in 0..<count {
      let next = roles[(i * 7 + 1) % roles.count]
      client.change(Self.uri, version: 2 + i, line: row, from: start, to: start + utf16Count(current), next)
      current = next
    }
    lines[row] = "add member K2 faw role \(current) chain downstream"
    let last = client.diagnostics(Self.uri, version: 1 + count)
    #expect(last != nil)
    #expect(Self.published(last) == (try Self.expected(lines.joined(separator: "\n"))))
    #expect(client.close() == 0)
  }
}
