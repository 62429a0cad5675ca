import Foundation

/// `cplan lsp` run on pipes: writes framed messages, reads every message it sends on a thread
/// of its own (LSP 3.17 base protocol: `Content-Length` header, JSON body).
final class LSPClient: @unchecked Sendable {  // `received` is guarded by `condition`
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let condition = NSCondition()
  private var received: [[String: Any]] = []
  private var nextID = 100

  init() throws {
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = ["lsp", "--lang", "en"]
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let handle = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      var buffer = Data()
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { return }
        buffer.append(chunk)
        while let message = LSPClient.takeFrame(&buffer) {
          condition.lock()
          received.append(message)
          condition.broadcast()
          condition.unlock()
        }
      }
    }
  }

  /// The first whole frame in `buffer`, removed from it.
  static func takeFrame(_ buffer: inout Data) -> [String: Any]? {
    guard let end = buffer.range(of: Data("\r\n\r\n".utf8)) else { return nil }
    let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
    guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
      let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
    else { return nil }
    guard buffer.count - (end.upperBound - buffer.startIndex) >= length else { return nil }
    let body = buffer[end.upperBound..<(end.upperBound + length)]
    buffer = Data(buffer[(end.upperBound + length)...])
    return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
  }

  /// Writes raw bytes (a frame, or something that is not one).
  func write(_ bytes: Data) { input.fileHandleForWriting.write(bytes) }

  /// Writes `message` framed.
  func send(_ message: [String: Any]) {
    let body = try! JSONSerialization.data(withJSONObject: message)
    write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  func notify(_ method: String, _ params: [String: Any]) {
    send(["jsonrpc": "2.0", "method": method, "params": params])
  }

  /// Sends a request and waits for its response.
  @discardableResult
  func request(_ method: String, _ params: [String: Any] = [:]) -> [String: Any]? {
    nextID += 1
    let id = nextID
    send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    return wait { ($0["id"] as? Int) == id }
  }

  /// The first message received that satisfies `predicate` (taken out of the list), waiting
  /// up to `timeout` seconds for it.
  func wait(timeout: TimeInterval = 60, _ predicate: ([String: Any]) -> Bool) -> [String: Any]? {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let i = received.firstIndex(where: predicate) { return received.remove(at: i) }
      guard condition.wait(until: deadline) else { return nil }
    }
  }

  /// The diagnostics published for `uri` at `version`.
  func diagnostics(_ uri: String, version: Int) -> [[String: Any]]? {
    let m = wait {
      ($0["method"] as? String) == "textDocument/publishDiagnostics"
        && (($0["params"] as? [String: Any])?["uri"] as? String) == uri
        && (($0["params"] as? [String: Any])?["version"] as? Int) == version
    }
    return (m?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
  }

  /// Initializes the server.
  func initialize() {
    _ = request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()])
    notify("initialized", [:])
  }

  func open(_ uri: String, _ text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": uri, "languageId": "cplan", "version": version, "text": text]])
  }

  func change(_ uri: String, version: Int, line: Int, from start: Int, to end: Int, _ text: String) {
    notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": uri, "version": version],
        "contentChanges": [
          [
            "range": ["start": ["line": line, "character": start], "end": ["line": line, "character": end]],
            "text": text,
          ]
        ],
      ])
  }

  /// Ends the server as the protocol says (`shutdown`, then `exit`) and returns its status.
  func close(shutdown: Bool = true) -> Int32 {
    if shutdown { request("shutdown") }
    notify("exit", [:])
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// The position parameters of a request.
  static func at(_ uri: String, _ line: Int, _ character: Int) -> [String: Any] {
    ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
  }
}

/// The number of UTF-16 code units of `s` (LSP's `character` unit).
func utf16Count(_ s: some StringProtocol) -> Int { s.utf16.count }
