import Foundation
import PackagePlugin

/// Lists the validation rules of PlanEngine: every file `Rules/RNN.swift` of the target declares
/// `RuleBook.RNN`, and this plugin writes `RuleList.swift`, `RuleBook.declared`, the list of them
/// in code order. Adding a rule is then adding its file: nothing else names it.
@main
struct RuleList: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let files = target.sourceFiles(withSuffix: "swift").map(\.url).filter { url in
      url.deletingLastPathComponent().lastPathComponent == "Rules"
        && url.lastPathComponent.range(of: #"^R[0-9]+\.swift$"#, options: .regularExpression) != nil
    }
    let codes = files.map { $0.deletingPathExtension().lastPathComponent }.sorted {
      (Int($0.dropFirst()) ?? 0, $0) < (Int($1.dropFirst()) ?? 0, $1)
    }
    let text =
      "// Written by the RuleList plugin from the files Rules/RNN.swift: do not edit.\n\n"
      + "extension RuleBook {\n  /// Every rule declared in Rules/, in code order.\n"
      + "  static let declared: [RuleSpec] = [\(codes.map { "RuleBook.\($0)" }.joined(separator: ", "))]\n}\n"
    let output = context.pluginWorkDirectoryURL.appending(path: "RuleList.swift")
    return [
      .buildCommand(
        displayName: "Listing the validation rules of \(target.name)",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", "printf '%s' \"$1\" > \"$2\"", "sh", text, output.path],
        inputFiles: files, outputFiles: [output])
    ]
  }
}
