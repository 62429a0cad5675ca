import ArgumentParser
import PlanEngine
import PlanIO
import PlanLSP
import PlanLanguage
import PlanShell

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Options of the shell only: commands to run first.
struct ShellOptions: ParsableArguments {
  @Option(name: [.short, .customLong("command")], help: "Run a command (repeatable), then exit unless -i.")
  var command: [String] = []
  @Flag(name: [.short, .long], help: "Stay in the shell after -c commands.")
  var interactive = false
}

/// Options every subcommand takes (SPEC §1).
struct CommonOptions: ParsableArguments {
  @Option(help: "Message language (default: CPLAN_LANG, then the locale).")
  var lang: MessageLanguage?
  @Option(help: "When to colour diagnostics.")
  var color: ColorChoice = .auto
  @Flag(name: [.short, .long], help: "Print less (no banner, no notices).")
  var quiet = false

  var settings: CommonSettings {
    var s = CommonSettings()
    s.language = lang
    s.color = color
    s.quiet = quiet
    return s
  }
}

/// `--lang en|zh`, in any case (`--lang ZH`).
extension MessageLanguage: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension ColorChoice: ExpressibleByArgument {}
extension RankingMethod: ExpressibleByArgument {}

struct CPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cplan",
    abstract: "A shell for planning innovation consortia (创新联合体).",
    version: Version.string,
    subcommands: [
      Shell.self, Run.self, Check.self, Rank.self, Export.self, Fmt.self, Diff.self, Merge.self, Lsp.self,
      Reference.self, Review.self, Import.self,
    ],
    defaultSubcommand: Shell.self
  )
}

struct Shell: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The interactive shell; piped standard input runs as a script.")
  @OptionGroup var shell: ShellOptions
  @OptionGroup var common: CommonOptions
  @Argument(help: "A plan file to load first.") var plan: String?
  func run() throws {
    var settings = common.settings
    settings.commands = shell.command
    settings.interactive = shell.interactive
    throw ExitCode(Driver.shell(plan: plan, common: settings))
  }
}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Execute script files in order on one plan.")
  @OptionGroup var common: CommonOptions
  @Flag(help: "Report every failure instead of stopping at the first.") var keepGoing = false
  @Argument(help: "Script files; - is standard input.") var scripts: [String]
  func run() throws {
    throw ExitCode(Driver.run(scripts: scripts, keepGoing: keepGoing, common: common.settings))
  }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Load and validate plan files.")
  @OptionGroup var common: CommonOptions
  @Flag(help: "Warnings fail too.") var strict = false
  @Option(help: "text or json.") var format: ReportFormat = .text
  @Argument(help: "Plan files.") var plans: [String]
  func run() throws {
    throw ExitCode(Driver.check(plans: plans, strict: strict, json: format == .json, common: common.settings))
  }
}

struct Rank: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the priority ranking.")
  @OptionGroup var common: CommonOptions
  @Option(help: "Ranking method (default: the plan's method).") var method: RankingMethod?
  @Flag(help: "How far each weight may move before the top changes.") var sensitivity = false
  @Flag(help: "Sample the weights: how often each field ranks first and within the cutoff.") var robustness = false
  @Option(help: "Robustness: the number of weight samples (default 10000).") var samples: Int?
  @Option(help: "Robustness: how far each weight is scaled either way, in percent (default 30%).") var spread: String?
  @Option(help: "Robustness: the seed of the generator (default 1).") var seed: UInt64?
  @Option(help: "text or json.") var format: ReportFormat = .text
  @Argument(help: "A plan file.") var plan: String
  func run() throws {
    throw ExitCode(
      Driver.rank(
        plan: plan, method: method, sensitivity: sensitivity, json: format == .json,
        robustness: robustness || samples != nil || spread != nil || seed != nil
          ? Driver.RobustnessArguments(samples: samples, spread: spread, seed: seed) : nil,
        common: common.settings))
  }
}

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write the roadmap as text, markdown, json, csv or html, a workbook (xlsx) or document (docx) file, or the plan as SQL or a SQLite database."
  )
  @OptionGroup var common: CommonOptions
  @Option(help: "text, markdown, json, csv, html, xlsx, docx, sql or sqlite (xlsx, docx and sqlite need -o FILE).")
  var format: ExportFormat
  @Option(name: [.short, .customLong("output")], help: "Write to FILE instead of standard output.") var output: String?
  @Flag(help: "Overwrite an existing output file.") var force = false
  @Option(help: "Width of text tables in columns, 40 to 1000 (default: the terminal's, or 100).") var width: Int?
  @Flag(help: "ASCII instead of Unicode block characters in the text timeline.") var ascii = false
  @Flag(help: "Start a CSV export with a UTF-8 byte-order mark (for Excel on Chinese Windows).") var bom = false
  @Option(help: "Export the roadmap of this consortium only.") var consortium: String?
  @Flag(help: "sqlite: add the plan to an existing cplan database (a plan of the same name is replaced).")
  var append = false
  @Flag(help: "Leave the IDs out of a docx document's text.") var noIds = false
  @Flag(help: "Sample the weights: the ranking's robustness in the text, markdown, html and json exports.")
  var robustness = false
  @Option(help: "Robustness: the number of weight samples (default 10000).") var samples: Int?
  @Option(help: "Robustness: how far each weight is scaled either way, in percent (default 30%).") var spread: String?
  @Option(help: "Robustness: the seed of the generator (default 1).") var seed: UInt64?
  @Argument(help: "A plan file.") var plan: String

  /// Tables are laid out and tested down to 40 columns; narrower, they cannot keep every line
  /// within the width.
  func validate() throws {
    if let width, !(40...1000).contains(width) {
      throw ValidationError("--width must be 40 to 1000 columns (got \(width))")
    }
    if append, format != .sqlite { throw ValidationError("--append is for --format sqlite") }
    if noIds && format != .docx { throw ValidationError("--no-ids goes with --format docx") }
    if robustness || samples != nil || spread != nil || seed != nil,
      ![ExportFormat.text, .markdown, .json, .html].contains(format)
    {
      throw ValidationError(
        "--robustness, --samples, --spread and --seed go with --format text, markdown, json or html")
    }
  }

  func run() throws {
    var options = ExportOptions(width: width, ascii: ascii)
    options.byteOrderMark = bom
    options.consortium = consortium
    options.hidesIDs = noIds
    throw ExitCode(
      Driver.export(
        plan: plan, format: format, output: output, force: force, append: append, options: options,
        robustness: robustness || samples != nil || spread != nil || seed != nil
          ? Driver.RobustnessArguments(samples: samples, spread: spread, seed: seed) : nil,
        common: common.settings))
  }
}

extension ReviewFormat: ExpressibleByArgument {}

struct Review: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The annual review (年度评估): goals' status, money planned vs paid, changes since approval.",
    discussion: """
      Exit status: 0; 1 when the plan has errors (listed on standard error after the report); \
      2 when PLAN or the approved plan does not load.
      退出状态：0；计划有错误时为 1（错误在报告之后输出到标准错误）；计划或批复版本无法载入时为 2。
      """)
  @OptionGroup var common: CommonOptions
  @Option(help: "The year under review (default: the plan's as-of, else the latest year recorded).") var asOf: Int?
  @Option(help: "The plan as approved: list every goalpost moved since.") var against: String?
  @Option(help: "text, markdown, json, csv, html or docx (a Word document: with -o FILE only).")
  var format: ReviewFormat = .text
  @Option(name: [.short, .customLong("output")], help: "Write to FILE instead of standard output.") var output: String?
  @Flag(help: "Overwrite an existing output file.") var force = false
  @Option(help: "Width of text tables in columns, 40 to 1000 (default: the terminal's, or 100).") var width: Int?
  @Argument(help: "A plan file.") var plan: String

  func validate() throws {
    if let asOf, !(1000...9999).contains(asOf) {
      throw ValidationError("--as-of must be a year of four digits (got \(asOf))")
    }
    if let width, !(40...1000).contains(width) {
      throw ValidationError("--width must be 40 to 1000 columns (got \(width))")
    }
  }

  func run() throws {
    throw ExitCode(
      Driver.review(
        plan: plan, asOf: asOf, against: against, format: format, output: output, force: force, width: width,
        common: common.settings))
  }
}

struct Fmt: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Rewrite plan files in canonical form.")
  @OptionGroup var common: CommonOptions
  @Flag(help: "Only report files that are not canonical (exit 1).") var check = false
  @Flag(
    help: ArgumentHelp(
      "Print the canonical form instead of rewriting (a file that does not load: as it is).",
      discussion: "For git's textconv: git config diff.cplan.textconv 'cplan fmt --stdout'"))
  var stdout = false
  @Argument(help: "Plan files.") var plans: [String]
  func validate() throws {
    if check && stdout { throw ValidationError("--check and --stdout cannot be used together") }
  }
  func run() throws {
    throw ExitCode(Driver.fmt(plans: plans, check: check, toStandardOutput: stdout, common: common.settings))
  }
}

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List what differs between two plan files.")
  @OptionGroup var common: CommonOptions
  @Option(help: "text or json.") var format: ReportFormat = .text
  @Argument(help: "The old plan file.") var a: String
  @Argument(help: "The new plan file.") var b: String
  func run() throws { throw ExitCode(Driver.diff(a, b, json: format == .json, common: common.settings)) }
}

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Three-way merge of plan files (三方合并计划文件), entity by entity; git's merge driver.",
    discussion: """
      Exit status: 0 merged, 1 merged with conflicts (marked <<<<<<< ours / ======= / >>>>>>> theirs), \
      2 a file that does not load. An empty BASE is an empty plan.
      退出状态：0 合并成功；1 有冲突（以 <<<<<<< ours / ======= / >>>>>>> theirs 标出）；\
      2 有文件无法载入。BASE 为空文件时视为空计划。
      git: .gitattributes '*.plan merge=cplan'; git config merge.cplan.driver 'cplan merge %O %A %B -o %A'
      """)
  @OptionGroup var common: CommonOptions
  @Option(
    name: [.short, .customLong("output")],
    help: "Write the merged plan to FILE (replaced) instead of standard output. 写入 FILE（覆盖）。")
  var output: String?
  @Argument(help: "The common ancestor (共同祖先).") var base: String
  @Argument(help: "Our version (本方版本).") var ours: String
  @Argument(help: "Their version (对方版本).") var theirs: String
  func run() throws {
    throw ExitCode(
      Driver.merge(base: base, ours: ours, theirs: theirs, output: output, common: common.settings))
  }
}

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Import CSV files and XLSX workbooks into a plan (导入 CSV 与 XLSX), all or nothing.",
    discussion: """
      A CSV file's kind is --kind, else its name (org.csv, 单位.csv); a workbook's sheets are named after kinds. \
      Each row is an add (with --update, a set for an entity that exists). PLAN is rewritten atomically unless -o.
      CSV 文件的类别由 --kind 或文件名给出；工作簿各工作表以类别命名。每行即一条 add（--update 时已存在的条目为 set）。
      """)
  @OptionGroup var common: CommonOptions
  @Option(help: "The kind of every CSV file (default: by its name). 类别。") var kind: String?
  @Flag(help: "Set the attributes of entities that exist instead of failing. 已存在的条目改为修改。") var update = false
  @Option(help: "A rules file mapping the sheet's own headers to columns (README: Importing). 表头映射规则。")
  var map: String?
  @Flag(help: "Print the edits and what they would change; write nothing. 只显示将做的修改。") var dryRun = false
  @Option(name: [.short, .customLong("output")], help: "Write the plan to OUT instead of rewriting PLAN.")
  var output: String?
  @Argument(help: "The plan file (must exist).") var plan: String
  @Argument(help: "CSV files and XLSX workbooks.") var files: [String]
  func run() throws {
    throw ExitCode(
      Driver.importFiles(
        plan: plan, files: files, kind: kind, update: update, map: map, dryRun: dryRun, output: output,
        common: common.settings))
  }
}

struct Lsp: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "A Language Server Protocol server for plan files, on standard input and output.")
  @OptionGroup var common: CommonOptions
  func run() throws { throw ExitCode(LanguageServer.run(language: Driver.language(common.settings))) }
}

/// Hidden: prints docs/reference.md (the language reference, from the schema and rule catalog) for `make docs`.
struct Reference: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the language reference (docs/reference.md).", shouldDisplay: false)
  func run() throws { _ = StandardOutput.write(LanguageReference.markdown, to: 1) }
}

@main
enum Main {
  /// Moves common options written before the subcommand (`cplan --lang zh check P`) after it,
  /// where swift-argument-parser looks for them.
  static func arguments() -> [String] {
    let args = Array(CommandLine.arguments.dropFirst())
    let subcommands = Set([
      "shell", "run", "check", "rank", "export", "fmt", "diff", "merge", "lsp", "reference", "review", "import",
    ])
    let withValue = Set(["--lang", "--color"])
    let flags = Set(["-q", "--quiet"])
    var leading: [String] = []
    var i = 0
    while i < args.count {
      let a = args[i]
      if withValue.contains(a), i + 1 < args.count {
        leading += [a, args[i + 1]]
        i += 2
      } else if flags.contains(a) || withValue.contains(where: { a.hasPrefix($0 + "=") }) {
        leading.append(a)
        i += 1
      } else {
        break
      }
    }
    guard !leading.isEmpty, i < args.count, subcommands.contains(args[i]) else { return args }
    return [args[i]] + leading + args[(i + 1)...]
  }

  static func main() {
    Driver.prepareProcess()
    do {
      var command = try CPlan.parseAsRoot(arguments())
      try command.run()
    } catch let code as ExitCode {
      exit(StandardOutput.reportStandardOutputFailure(status: code.rawValue))
    } catch {
      let status = CPlan.exitCode(for: error)
      if status == .success { CPlan.exit(withError: error) }
      StandardOutput.write(CPlan.fullMessage(for: error) + "\n", to: 2)
      exit(2)
    }
  }
}
