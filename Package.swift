// swift-tools-version:6.0
import PackageDescription

// MARK: - Products

let package = Package(
  name: "cplan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cplan", targets: ["cplan"])
  ],
  // MARK: - Dependencies
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
  ],
  // MARK: - Targets
  targets: [
    /** libedit (BSD editline) as a system library; shim.h wraps the variadic C calls. */
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    /** libzip as a system library: the zip container of XLSX and DOCX (export and import). */
    .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    /** libxml2 as a system library: reads the XML parts of an XLSX workbook on import. */
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    /** SQLite as a system library: `export sqlite` writes a database through it. */
    .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    /** Source locations, diagnostics and their renderer, the message catalog, lexer and parser. Knows no plan. */
    .target(name: "PlanLanguage"),
    /** The plan, its kinds and attributes (the schema), values, and the edits add/set/remove/rename. */
    .target(
      name: "PlanModel",
      dependencies: [
        "PlanLanguage",
        .product(name: "OrderedCollections", package: "swift-collections"),
      ]
    ),
    /** The planning engine: ranking (weighted sum, TOPSIS, AHP, sensitivity) and validation rules (one file each). */
    .target(name: "PlanEngine", dependencies: ["PlanModel"], plugins: ["RuleList"]),
    /** Writes the list of PlanEngine's validation rules from the files Validation/Rules/RNN.swift. */
    .plugin(name: "RuleList", capability: .buildTool()),
    /** Plan files (canonical writer, loader, atomic save), exporters, display-width text tables, diff. */
    .target(name: "PlanIO", dependencies: ["PlanModel", "PlanEngine", "CZip", "CLibXML2", "CSQLite3"]),
    /** The session, command execution, line readers (libedit and pipes), completion, help, journal. */
    .target(name: "PlanShell", dependencies: ["PlanIO", "PlanEngine", "CEditLine"]),
    /** `cplan lsp`: the Language Server Protocol server (JSON-RPC framing, documents, features). */
    .target(name: "PlanLSP", dependencies: ["PlanShell", "PlanIO", "PlanEngine"]),
    /** The executable: swift-argument-parser subcommands. Wiring only. */
    .executableTarget(
      name: "cplan",
      dependencies: [
        "PlanShell",
        "PlanLSP",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    /** The libFuzzer target over lexer, parser, plan loader, engine and exports (`make fuzz`, Fuzz/run.sh). */
    .executableTarget(name: "CPlanFuzz", dependencies: ["PlanIO", "PlanEngine"], path: "Fuzz/CPlanFuzz"),
    /** Times validation alone on a plan file (bench/README.md); not part of cplan. */
    .executableTarget(name: "ValidationBench", dependencies: ["PlanIO", "PlanEngine"], path: "bench/ValidationBench"),

    // MARK: - Tests
    .testTarget(name: "PlanLanguageTests", dependencies: ["PlanLanguage"]),
    .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
    .testTarget(name: "PlanEngineTests", dependencies: ["PlanEngine", "PlanIO"]),
    /** `Golden/` holds the export golden files, read through `#filePath` (not bundled resources). */
    .testTarget(name: "PlanIOTests", dependencies: ["PlanIO", "CZip"], exclude: ["Golden", "ImportFixtures"]),
    .testTarget(name: "PlanShellTests", dependencies: ["PlanShell"]),
    .testTarget(name: "PlanLSPTests", dependencies: ["PlanLSP"]),
    /** `Neovim/` holds the Lua client NeovimLSPIntegration hands to nvim by path. */
    .testTarget(name: "CLITests", dependencies: ["PlanShell"], exclude: ["Neovim"]),
  ],
  swiftLanguageModes: [.v6]
)
