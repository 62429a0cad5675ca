import Foundation
import Testing

/// `cplan lsp` driven by a real client: Neovim's built-in LSP client, headless (Debian's
/// Neovim 0.7: `vim.lsp.start_client`, `vim.lsp.buf_attach_client`). Part of
/// `make test-integration` (the Makefile installs `neovim`), not of `make test`.
@Suite struct NeovimLSPIntegration {
  @Test func neovimReceivesTheDiagnosticsAndACompletionList() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // An error on line 4 (0-based 3): a field that does not exist; the last line is being typed.
    let text =
      [
        "# cplan plan 1", "add field F1 \"新能源汽车\"", "add org faw \"中国一汽\" type enterprise",
        "add org jlu \"吉林大学😀\" type university", "add consortium K1 \"汽车联合体\" field F9", "add member K1 ",
      ].joined(separator: "\n") + "\n"
    let plan = folder.appendingPathComponent("plan.plan")
    try CLI.write(text, to: plan)
    let checked = try CLI.run(["check", "--format", "json", plan.path])
    let expected =
      (try JSONSerialization.jsonObject(with: Data(checked.out.utf8)) as! [String: Any])["diagnostics"]
      as! [[String: Any]]
    let out = folder.appendingPathComponent("out.json")
    let nvim = Process()
    nvim.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    nvim.arguments = [
      "nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
      "luafile " + CLI.root.appendingPathComponent("Tests/CLITests/Neovim/lsp_client.lua").path,
    ]
    nvim.environment = [
      "PATH": "/usr/bin:/bin", "HOME": folder.path, "CPLAN_BIN": CLI.binary, "PLAN_FILE": plan.path,
      "OUT_FILE": out.path,
    ]
    nvim.standardInput = FileHandle.nullDevice
    nvim.standardOutput = FileHandle.nullDevice
    nvim.standardError = FileHandle.nullDevice
    try nvim.run()
    nvim.waitUntilExit()
    let result = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
    #expect(result["error"] == nil, "\(result["error"] ?? "")")
    #expect(result["diagnostics_arrived"] as? Bool == true)
    let diagnostics = result["diagnostics"] as? [[String: Any]] ?? []
    #expect(
      diagnostics.map { "\($0["code"] ?? "")@\(($0["lnum"] as? Int ?? -1) + 1)" }.sorted()
        == expected.map { "\($0["code"]!)@\($0["line"]!)" }.sorted())
    #expect(!expected.isEmpty)
    #expect(
      diagnostics.map { $0["message"] as? String ?? "" }.sorted() == expected.map { $0["message"] as! String }.sorted())
    // The orgs of the plan, in the order the shell offers them.
    #expect(result["completion"] as? [String] == ["faw", "jlu"])
  }
}
