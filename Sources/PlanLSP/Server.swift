import Dispatch
import PlanLanguage
import Synchronization

/// `cplan lsp`: a Language Server Protocol server (LSP 3.17, JSON-RPC 2.0) over standard input
/// and output, for plan files (SPEC §14 "Editors").
///
/// A thread reads frames as they come; this one handles them in order. Changes are applied to
/// the document at once, but a document is analysed and its diagnostics published only when no
/// message is waiting: a burst of changes is analysed once, on its last text.
package final class LanguageServer {
  /// The protocol's life cycle (LSP 3.17 "Lifecycle Messages").
  enum State {
    case uninitialized, running, shutDown
  }

  let language: MessageLanguage
  private let writer: FrameWriter
  private var state = State.uninitialized
  var documents: [String: OpenDocument] = [:]
  /// The documents changed since their diagnostics were last published.
  private var stale: Set<String> = []

  init(language: MessageLanguage, output: Int32) {
    self.language = language
    writer = FrameWriter(fd: output)
  }

  /// Serves standard input and output until `exit` or the end of the input.
  /// - Returns: the process exit status: 0 after `shutdown` then `exit`, 1 otherwise (LSP 3.17).
  package static func run(language: MessageLanguage) -> Int32 {
    LanguageServer(language: language, output: 1).serve(input: 0)
  }

  func serve(input: Int32) -> Int32 {
    let inbox = Inbox()
    let reader = FrameReader(fd: input)
    DispatchQueue(label: "cplan.lsp.read").async {
      while true {
        let frame = reader.next()
        inbox.put(frame)
        if frame == .end { return }
      }
    }
    while true {
      let frame = inbox.take()
      switch frame {
      case .end: return state == .shutDown ? 0 : 1
      case .missingLength:
        send(RPC.error(id: .null, RPC.Failure(.parseError, "a message header without Content-Length")))
      case .body(let body):
        if let status = handle(body) { return status }
      }
      if inbox.isEmpty { publishStale() }
    }
  }

  /// Handles one message body. Returns the exit status once `exit` came.
  private func handle(_ body: [UInt8]) -> Int32? {
    let incoming: RPC.Incoming
    do {
      incoming = try RPC.read(body)
    } catch {
      send(RPC.error(id: error.id, error.failure))
      return nil
    }
    switch incoming {
    case .response: return nil
    case .notification(let method, let params):
      if method == "exit" { return state == .shutDown ? 0 : 1 }
      guard state == .running else { return nil }  // dropped before `initialize` and after `shutdown`
      notify(method, params)
      return nil
    case .request(let id, let method, let params):
      do {
        send(RPC.response(id: id, result: try request(method, params)))
      } catch let failure as RPC.Failure {
        send(RPC.error(id: id, failure))
      } catch {
        send(RPC.error(id: id, RPC.Failure(.internalError, "\(error)")))
      }
      return nil
    }
  }

  private func request(_ method: String, _ params: JSON?) throws -> JSON {
    switch state {
    case .uninitialized:
      guard method == "initialize" else {
        throw RPC.Failure(.serverNotInitialized, "the server is not initialized: send \"initialize\" first")
      }
      state = .running
      return LanguageServer.initializeResult
    case .shutDown:
      throw RPC.Failure(.invalidRequest, "the server is shut down: only \"exit\" is accepted")
    case .running: break
    }
    switch method {
    case "initialize": throw RPC.Failure(.invalidRequest, "the server is already initialized")
    case "shutdown":
      state = .shutDown
      return .null
    case "textDocument/completion": return try completion(params)
    case "textDocument/hover": return try hover(params)
    case "textDocument/definition": return try definition(params)
    case "textDocument/references": return try references(params)
    case "textDocument/rename": return try rename(params)
    case "textDocument/formatting": return try formatting(params)
    case "textDocument/documentSymbol": return try documentSymbols(params)
    default: throw RPC.Failure(.methodNotFound, "no method \"\(method)\"")
    }
  }

  /// What the server offers (LSP 3.17 `ServerCapabilities`).
  static let initializeResult: JSON = .object([
    (
      "capabilities",
      .object([
        ("positionEncoding", .string("utf-16")),
        ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2))])),
        ("completionProvider", .object([("triggerCharacters", .array([.string(" "), .string(",")]))])),
        ("hoverProvider", .bool(true)),
        ("definitionProvider", .bool(true)),
        ("referencesProvider", .bool(true)),
        ("renameProvider", .bool(true)),
        ("documentFormattingProvider", .bool(true)),
        ("documentSymbolProvider", .bool(true)),
      ])
    ),
    ("serverInfo", .object([("name", .string("cplan"))])),
  ])

  // MARK: Text synchronisation

  private func notify(_ method: String, _ params: JSON?) {
    switch method {
    case "textDocument/didOpen":
      guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
        return
      }
      documents[uri] = OpenDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
      stale.insert(uri)
    case "textDocument/didChange":
      guard let uri = params?["textDocument"]?["uri"]?.string, let open = documents[uri],
        let changes = params?["contentChanges"]?.array
      else { return }
      for change in changes {
        guard let text = change["text"]?.string else { continue }
        if let range = TextRange(change["range"]) {
          open.document.replace(range, with: text)
        } else {
          open.document.replaceAll(text)
        }
      }
      if let version = params?["textDocument"]?["version"]?.int { open.document.version = version }
      open.textChanged()
      stale.insert(uri)
    case "textDocument/didClose":
      guard let uri = params?["textDocument"]?["uri"]?.string else { return }
      documents[uri] = nil
      stale.remove(uri)
      send(
        RPC.notification(
          "textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))])))
    default: break  // `initialized`, `didSave`, `$/…` and the rest need nothing
    }
  }

  /// Analyses the changed documents and publishes their diagnostics.
  private func publishStale() {
    for uri in stale.sorted() {
      guard let open = documents[uri] else { continue }
      open.analyse()
      publish(open)
    }
    stale = []
  }

  /// The document `uri` named in `params`, analysed up to its text.
  func document(_ params: JSON?) throws -> OpenDocument {
    guard let uri = params?["textDocument"]?["uri"]?.string else {
      throw RPC.Failure(.invalidParams, "\"textDocument\" with a \"uri\" is required")
    }
    guard let open = documents[uri] else { throw RPC.Failure(.invalidParams, "the document \(uri) is not open") }
    if stale.contains(uri) {
      open.analyse()
      publish(open)
      stale.remove(uri)
    }
    return open
  }

  func position(_ params: JSON?) throws -> Position {
    guard let p = Position(params?["position"]) else {
      throw RPC.Failure(.invalidParams, "\"position\" with \"line\" and \"character\" is required")
    }
    return p
  }

  private func publish(_ open: OpenDocument) {
    let diagnostics = open.analysis.diagnostics.map { lspDiagnostic($0, in: open.document) }
    send(
      RPC.notification(
        "textDocument/publishDiagnostics",
        .object([
          ("uri", .string(open.document.uri)), ("version", .int(open.document.version)),
          ("diagnostics", .array(diagnostics)),
        ])))
  }

  func send(_ message: JSON) { writer.send(message.bytes) }
}

/// Frames read and not yet handled, handed from the reading thread to the serving one.
final class Inbox: Sendable {
  private let frames = Mutex<[Framing.Frame]>([])
  private let available = DispatchSemaphore(value: 0)

  func put(_ frame: Framing.Frame) {
    frames.withLock { $0.append(frame) }
    available.signal()
  }

  /// The next frame, waiting for one.
  func take() -> Framing.Frame {
    available.wait()
    return frames.withLock { $0.removeFirst() }
  }

  var isEmpty: Bool { frames.withLock { $0.isEmpty } }
}
