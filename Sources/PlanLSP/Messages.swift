/// JSON-RPC 2.0 messages as LSP 3.17 uses them: requests (with an `id`), notifications
/// (without), responses and the error codes.
enum RPC {
  /// The error codes of JSON-RPC 2.0 and LSP 3.17.
  enum ErrorCode: Int {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
  }

  /// An error answered to a request.
  struct Failure: Error {
    var code: ErrorCode
    var message: String

    init(_ code: ErrorCode, _ message: String) {
      self.code = code
      self.message = message
    }
  }

  /// One message read: a request, a notification, or a client's response (ignored).
  enum Incoming {
    case request(id: JSON, method: String, params: JSON?)
    case notification(method: String, params: JSON?)
    case response
  }

  /// Reads a message body.
  /// - Throws: ``Failure`` with `parseError` for a body that is not JSON, `invalidRequest` for
  ///   JSON that is not a JSON-RPC 2.0 message; the `id` is the request's when it could be read.
  static func read(_ body: [UInt8]) throws(Rejection) -> Incoming {
    let json: JSON
    do {
      json = try JSON.parse(body)
    } catch {
      throw Rejection(id: .null, failure: Failure(.parseError, "the message is not JSON (byte \(error.offset))"))
    }
    guard case .object = json else {
      throw Rejection(id: .null, failure: Failure(.invalidRequest, "a message is a JSON object"))
    }
    let id = json["id"]
    let validID: JSON? =
      switch id {
      case .number?, .string?: id
      default: nil
      }
    guard json["jsonrpc"]?.string == "2.0" else {
      throw Rejection(id: validID ?? .null, failure: Failure(.invalidRequest, "\"jsonrpc\" must be \"2.0\""))
    }
    guard let methodValue = json["method"] else {
      if validID != nil, json["result"] != nil || json["error"] != nil { return .response }
      throw Rejection(id: validID ?? .null, failure: Failure(.invalidRequest, "a request has a \"method\""))
    }
    guard let method = methodValue.string else {
      throw Rejection(id: validID ?? .null, failure: Failure(.invalidRequest, "\"method\" must be a string"))
    }
    let params = json["params"]
    if id != nil {
      guard let validID else {
        throw Rejection(id: .null, failure: Failure(.invalidRequest, "\"id\" must be a number or a string"))
      }
      return .request(id: validID, method: method, params: params)
    }
    return .notification(method: method, params: params)
  }

  /// A message that cannot be handled, and the error response it gets.
  struct Rejection: Error {
    var id: JSON
    var failure: Failure
  }

  static func response(id: JSON, result: JSON) -> JSON {
    .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
  }

  static func error(id: JSON, _ failure: Failure) -> JSON {
    .object([
      ("jsonrpc", .string("2.0")), ("id", id),
      ("error", .object([("code", .int(failure.code.rawValue)), ("message", .string(failure.message))])),
    ])
  }

  static func notification(_ method: String, _ params: JSON) -> JSON {
    .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
  }
}
