import PlanIO
import PlanLanguage
import PlanModel

/// Every shell command, in the order `help` lists them: its grammar, its help in English and
/// Chinese, and the method that performs it. The parser, Tab completion and `help` are derived
/// from this table (``ShellCommand``); `GrammarTests` proves that they agree.
///
/// To add a command: its verb in PlanLanguage's ``Verb`` (and in ``Verb/takesPath`` when its first
/// argument is a path), an entry here, and the `Session` method it performs.
extension ShellCommand {
  package static let all: [ShellCommand] = [
    ShellCommand(
      .add, statementSyntax: "add KIND KEY... [NAME] [ATTR VALUE]...",
      summary: LocalizedText(en: "create an entity; error if the key exists", zh: "新建条目；键已存在则报错"),
      examples: [
        "add field F1 \"新能源汽车\"", "add member K1 faw role lead chain downstream",
        "add funding K1 P1 enterprise 8000",
      ],
      perform: { session, command, _ in session.edit(command) }),
    ShellCommand(
      .set, statementSyntax: "set KIND KEY... ATTR VALUE...  |  set plan ATTR VALUE...",
      summary: LocalizedText(
        en: "change attributes (`none` clears an optional one)", zh: "修改属性（`none` 清除可选属性）"),
      examples: ["set plan title \"吉林省创新联合体规划\" horizon 2025..2030", "set goal G2 consortium none"],
      perform: { session, command, _ in session.edit(command) }),
    ShellCommand(
      .remove, statementSyntax: "remove KIND KEY... [cascade]",
      summary: LocalizedText(
        en: "delete; error if referenced; cascade also removes what refers to it",
        zh: "删除；被引用时报错；cascade 同时删除引用它的条目"),
      examples: ["remove field F5 cascade"],
      perform: { session, command, _ in session.edit(command) }),
    ShellCommand(
      .rename, statementSyntax: "rename KIND OLD NEW",
      summary: LocalizedText(en: "change an ID and every reference to it", zh: "修改 ID 及所有对它的引用"),
      examples: ["rename org jlu JLU"],
      perform: { session, command, _ in session.edit(command) }),
    // The comment kept above an entity's statement in the plan file (SPEC §15).
    ShellCommand(
      .comment,
      forms: [
        [.literal("plan"), Argument("TEXT", .text, optional: true, noun: CommandText.commentText)],
        [
          Argument("KIND", .kind(Kind.allCases)), Argument("KEY", .keys),
          Argument("TEXT", .text, optional: true, noun: CommandText.commentText),
        ],
      ],
      summary: LocalizedText(
        en:
          "the comment kept above an entity's statement in the plan file (# lines): a quoted TEXT sets or replaces it "
          + "(\\n starts a new line), none removes it, nothing shows it; plan: above set plan",
        zh: "计划文件中条目语句上方保留的注释（# 行）：带引号的 TEXT 设置或替换（\\n 换行），none 删除，不带参数则显示；plan：set plan 上方的注释"),
      examples: ["comment org hw \"来源：企业年报 2024\"", "comment org hw", "comment org hw none"],
      missing: LocalizedText(en: "what to comment: plan or KIND KEY", zh: "要注释的内容：plan 或 类别 键"),
      expected: LocalizedText(en: "plan or a kind", zh: "plan 或类别"),
      perform: { session, command, arguments in session.comment(command, arguments) }),
    ShellCommand(
      .validate, options: [Option("strict")],
      summary: LocalizedText(
        en: "run every rule (help rules lists them); strict turns warnings into errors",
        zh: "运行全部校验规则（help rules 列出）；strict 把警告视为错误"),
      examples: ["validate", "validate strict"],
      perform: { session, _, arguments in session.validate(arguments) }),
    ShellCommand(
      .rank,
      options: [
        Option(
          "method",
          value: Argument(
            "method", .choice(["weighted", "topsis"]),
            hints: [
              "ahp": LocalizedText(
                en: "hint: AHP sets the weights, not the method: set plan weighting ahp",
                zh: "提示：AHP 用于确定权重而不是排序方法：set plan weighting ahp")
            ])),
        Option("sensitivity"),
        // Expert panels and robust ranking (SPEC §12).
        Option("robustness"),
        Option("samples", value: Argument("N", .number(default: "10000"), noun: CommandText.sampleCount)),
        Option("spread", value: Argument("P%", .number(default: "30%"), noun: CommandText.spreadPercent)),
        Option("seed", value: Argument("S", .number(default: "1"), noun: CommandText.seedNumber)),
      ],
      summary: LocalizedText(en: "the priority ranking of the fields", zh: "候选领域的优先级排序"),
      examples: ["rank", "rank method topsis sensitivity", "rank robustness samples 10000 spread 30% seed 1"],
      perform: { session, _, arguments in session.rank(arguments) }),
    ShellCommand(
      .show,
      forms: [
        [.literal("plan")], [Argument("KIND", .kind(Kind.allCases)), Argument("KEY", .keys)],
        [.literal("roadmap")], [.literal("funding")],
        [.literal("funding"), Argument("CONSORTIUM", .id(.consortium))],
      ],
      summary: LocalizedText(
        en: "one thing, in full; show funding K: its money planned vs paid by year and source",
        zh: "完整显示一项内容；show funding K：联合体按年份和来源的计划与拨付资金"),
      examples: ["show consortium K1", "show score F1 C2", "show roadmap", "show funding K1"],
      missing: LocalizedText(
        en: "what to show: plan, roadmap, funding or KIND KEY", zh: "要显示的内容：plan、roadmap、funding 或 类别 键"),
      expected: LocalizedText(en: "plan, roadmap, funding or a kind", zh: "plan、roadmap、funding 或类别"),
      perform: { session, _, arguments in session.show(arguments) }),
    ShellCommand(
      .list,
      forms: [
        [Argument("KIND", .kind(Kind.allCases))],
        [
          Argument("KIND", .kind([.member, .goal, .measure, .funding, .outlay])),
          Argument("CONSORTIUM", .id(.consortium)),
        ],
        [Argument("KIND", .kind([.checkpoint, .actual])), Argument("GOAL", .id(.goal))],
      ],
      summary: LocalizedText(
        en:
          "one line per item; with a consortium, only its members, goals, measures, funding lines or outlays; with a goal, only its checkpoints or actuals",
        zh: "每项一行列出；指定联合体时只列出其成员、目标、措施、资金或实际拨付；指定目标时只列出其分年度目标或实际值"),
      examples: ["list field", "list member K1", "list actual G1"],
      missing: LocalizedText(en: "a kind to list", zh: "要列出的类别"),
      expected: LocalizedText(en: "a kind", zh: "类别"),
      perform: { session, _, arguments in session.list(arguments) }),
    ShellCommand(
      .export,
      forms: [
        [
          Argument(
            "format", .choice(ExportFormat.allCases.map(\.rawValue)), noun: LocalizedText(en: "a format", zh: "格式"))
        ]
      ],
      options: [
        Option("to", value: Argument("PATH", .path, noun: CommandText.aPath)), Option("force"),
        Option("bom", onlyWhen: ("format", ExportFormat.csv.rawValue)),
        Option("no-ids", onlyWhen: ("format", ExportFormat.docx.rawValue)),
        Option("consortium", value: Argument("CONSORTIUM", .id(.consortium))),
        Option("append", onlyWhen: ("format", ExportFormat.sqlite.rawValue)),
        // Expert panels and robust ranking (SPEC §12): text, markdown, json and html show it.
        Option("robustness"),
        Option("samples", value: Argument("N", .number(default: "10000"), noun: CommandText.sampleCount)),
        Option("spread", value: Argument("P%", .number(default: "30%"), noun: CommandText.spreadPercent)),
        Option("seed", value: Argument("S", .number(default: "1"), noun: CommandText.seedNumber)),
      ],
      summary: LocalizedText(
        en: "write the roadmap; refuses to overwrite a file without force", zh: "导出路线图；不加 force 不覆盖已有文件"),
      examples: [
        "export text", "export markdown to roadmap.md force", "export xlsx to plan.xlsx",
        "export html consortium K1 to K1.html", "export sqlite to plans.db append",
        "export html robustness samples 10000 to ranking.html",
      ],
      perform: { session, _, arguments in session.export(arguments) }),
    ShellCommand(
      .review,
      options: [
        Option("as-of", value: Argument("YEAR", .year, noun: CommandText.aYear)),
        Option("against", value: Argument("PATH", .path, noun: CommandText.aPath)),
      ],
      summary: LocalizedText(
        en:
          "the annual review: each goal's status as of a year, the counts, money planned vs paid, and with against (the plan as approved) every goalpost moved since",
        zh: "年度评估：截至某年各目标的状态、状态统计、资金计划与拨付；加 against（批复版本）时列出批复以来降低目标或削减资金的变更"),
      examples: ["review", "review as-of 2025 against plans/jilin-approved.plan"],
      perform: { session, _, arguments in session.review(arguments) }),
    ShellCommand(
      .save, forms: [[Argument("PATH", .path, optional: true, noun: CommandText.aPath)]],
      options: [Option("force"), Option("merge")],
      summary: LocalizedText(
        en: "write the plan file (atomically); merge takes in changes made to it on disk meanwhile",
        zh: "保存计划文件（原子写入）；merge 合并期间磁盘上对它的修改"),
      examples: ["save", "save plans/jilin.plan", "save merge"],
      perform: { session, command, arguments in session.save(command, arguments) }),
    ShellCommand(
      .load, forms: [[Argument("PATH", .path, noun: CommandText.aPath)]],
      summary: LocalizedText(
        en: "replace the plan with a plan file (asks once if there are unsaved changes)",
        zh: "载入计划文件替换当前计划（有未保存的修改时先提醒一次）"),
      examples: ["load plans/jilin-2025-2030.plan"],
      perform: { session, command, arguments in session.load(command, arguments) }),
    ShellCommand(
      .new,
      summary: LocalizedText(
        en: "start an empty plan (asks once if there are unsaved changes)", zh: "新建空计划（有未保存的修改时先提醒一次）"),
      examples: ["new"],
      perform: { session, command, _ in session.newPlan(command) }),
    ShellCommand(
      .run, forms: [[Argument("PATH", .path, noun: CommandText.aPath)]],
      summary: LocalizedText(
        en: "execute a script file (a `run` inside it is relative to its folder; other paths to the current directory)",
        zh: "执行脚本文件（其中 run 的相对路径以脚本所在目录为准，其他路径以当前目录为准）"),
      examples: ["run scripts/build.cplan"],
      perform: { session, _, arguments in session.runScript(path: arguments["PATH"]!.path!, at: arguments["PATH"]) }
    ),
    ShellCommand(
      .import, forms: [[Argument("PATH", .path, noun: CommandText.aPath)]],
      options: [
        Option("kind", value: Argument("KIND", .kind(Kind.allCases))), Option("update"),
        Option("map", value: Argument("RULES", .path, noun: CommandText.aPath)), Option("dry-run"),
      ],
      summary: LocalizedText(
        en:
          "add a CSV file's or XLSX workbook's rows to the plan (update: set those that exist; map: a rules file for the sheet's own headers), all or nothing, as one undo step",
        zh: "把 CSV 文件或 XLSX 工作簿的各行加入计划（update：已存在的条目改为修改；map：表头映射规则文件），全部成功才生效，算一步撤销"),
      examples: ["import orgs/单位.csv", "import plan.xlsx update", "import 名单.csv kind org map 名单.rules"],
      perform: { session, command, arguments in session.importFiles(command, arguments) }),
    ShellCommand(
      .undo,
      summary: LocalizedText(
        en: "step back over the last change (a whole run or load is one step)", zh: "撤销上一次修改（整个 run 或 load 算一步）"),
      examples: ["undo"],
      perform: { session, command, _ in session.undo(command) }),
    ShellCommand(
      .redo, summary: LocalizedText(en: "step forward again", zh: "重做"), examples: ["redo"],
      perform: { session, command, _ in session.redo(command) }),
    ShellCommand(
      .help, forms: [[Argument("TOPIC", .topic, optional: true)]],
      summary: LocalizedText(
        en: "commands, kinds, attributes and rules (help measure, help R27)",
        zh: "命令、类别、属性和规则的帮助（help measure、help R27）"),
      examples: ["help measure", "help R27"],
      perform: { session, _, arguments in session.help(arguments["TOPIC"]) }),
    ShellCommand(
      .quit, alsoSpelled: [.exit],
      summary: LocalizedText(
        en: "leave (asks once if there are unsaved changes; Ctrl-D too)", zh: "退出（有未保存的修改时先提醒一次；Ctrl-D 相同）"),
      examples: ["quit"],
      perform: { session, command, _ in session.quit(command) }),
    ShellCommand(
      .exit, summary: LocalizedText(en: "same as quit", zh: "同 quit"), examples: ["exit"], inOverview: false,
      perform: { session, command, _ in session.quit(command) }),
    ShellCommand(
      .recover, forms: [[Argument("JOURNAL", .path, optional: true)]],
      summary: LocalizedText(
        en:
          "replay the journal of the newest session that ended without saving; recover FILE replays an earlier one's "
          + "(its journal file, as the start notice counts them, in $XDG_STATE_HOME/cplan/journal/)",
        zh: "重放最近一个未保存就结束的会话的日志；recover FILE 重放更早会话的日志（启动提示会说明有几个，日志文件在 $XDG_STATE_HOME/cplan/journal/ 中）"),
      examples: ["recover", "recover 1765101600-4242-1.journal"],
      perform: { session, command, _ in session.recover(command) }),
  ]
}

extension Token {
  /// The text of a path token.
  var path: String? {
    if case .path(let p) = kind { return p }
    return nil
  }
}
