import PlanIO

extension LanguageServer {
  /// `textDocument/formatting`: the canonical form of the plan (``PlanWriter``, as `cplan fmt`
  /// writes it) as one edit of the whole text; none when it is canonical already.
  /// - Throws: ``RPC/Failure`` (`requestFailed`) when the text does not load.
  func formatting(_ params: JSON?) throws -> JSON {
    let open = try document(params)
    let bytes = open.document.bytes
    guard let plan = try? PlanLoader.load(bytes: bytes, file: open.analysis.file) else {
      throw RPC.Failure(
        .requestFailed,
        language == .zh ? "计划文件有错误，无法格式化" : "the plan does not load: fix its errors to format it")
    }
    let canonical = PlanWriter.write(plan)
    if Array(canonical.utf8) == bytes { return .array([]) }
    return .array([.object([("range", open.document.wholeRange.json), ("newText", .string(canonical))])])
  }
}
