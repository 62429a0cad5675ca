// ValidationBench — times validation alone (not part of cplan; see bench/README.md).
//
//   swift build -c release --static-swift-stdlib --product ValidationBench
//   .build/release/ValidationBench PLAN [--runs N] [--mode engine|cache|both] [--edit COMMAND] [--early]
//
// Loads PLAN once, then runs full validation N times (default 5) and prints, one line each,
// the load time and the median / minimum / maximum of each mode in milliseconds:
// - engine: `Engine.validate(plan)` — what `cplan check` runs;
// - cache: a full `ValidationCache.validate` — what the shell runs on its second thread after
//   loading (the same rules, keeping each group's results and the shards' keys).
// Both must report the same number of findings, which is printed too; any difference exits 1.
// `--early` loads the plan as `cplan check` does, validating while it loads (`EarlyValidation`),
// and times what is left after loading: one `Engine.validate(plan, early:)` (then the runs).
// `--edit COMMAND` (an edit such as `set goal G5 target 99`, repeatable) then times, once each,
// what the shell does after it: a full validation kept in a `ValidationCache`, the edits applied
// and noted, and the `validate` that re-checks what they touched.
// `--runs 0` only loads: under callgrind, the instructions of a run with `--runs 1` less those
// of one with `--runs 0` are the validation's, on every thread.
import Dispatch
import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func fail(_ message: String) -> Never {
  print("ValidationBench: \(message)")
  print("usage: ValidationBench PLAN [--runs N] [--mode engine|cache|both] [--edit COMMAND] [--early]")
  exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
var mode = "both"
var path: String?
var edits: [String] = []
var earlyStart = false
while !arguments.isEmpty {
  let argument = arguments.removeFirst()
  switch argument {
  case "--runs":
    guard let n = arguments.first.flatMap({ Int($0) }), n >= 0 else { fail("--runs needs a number") }
    runs = n
    arguments.removeFirst()
  case "--mode":
    guard let m = arguments.first, ["engine", "cache", "both"].contains(m) else {
      fail("--mode needs engine, cache or both")
    }
    mode = m
    arguments.removeFirst()
  case "--early":
    earlyStart = true
  case "--edit":
    guard let edit = arguments.first else { fail("--edit needs a command") }
    edits.append(edit)
    arguments.removeFirst()
  default:
    guard path == nil, !argument.hasPrefix("-") else { fail("unexpected argument '\(argument)'") }
    path = argument
  }
}
guard let path else { fail("no plan file") }

func milliseconds(since start: UInt64) -> Double {
  Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func format(_ ms: Double) -> String {
  let tenths = Int((ms * 10).rounded())
  return "\(tenths / 10).\(tenths % 10)"
}

let loadStart = DispatchTime.now().uptimeNanoseconds
let plan: Plan
let early = earlyStart ? EarlyValidation() : nil
do {
  plan = try PlanLoader.load(path: path, observer: early)
} catch {
  fail("cannot load \(path): \(error.diagnostics.first.map { $0.message.en } ?? "error")")
}
print("load \(format(milliseconds(since: loadStart))) ms, \(plan.entityCount) entities")
if let early {
  let start = DispatchTime.now().uptimeNanoseconds
  let found = Engine.validate(plan, early: early)
  print("validate after an early start \(format(milliseconds(since: start))) ms, \(found.count) findings")
}

/// Times `body` `runs` times; prints the median, minimum and maximum; returns the findings count.
func time(_ label: String, runs: Int, _ body: () -> [Diagnostic]) -> Int {
  guard runs > 0 else { return 0 }
  var times: [Double] = []
  var count = 0
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    let findings = body()
    times.append(milliseconds(since: start))
    count = findings.count
  }
  times.sort()
  let (median, low, high) = (format(times[times.count / 2]), format(times[0]), format(times[times.count - 1]))
  print("\(label) median \(median) ms, min \(low) ms, max \(high) ms, \(runs) runs, \(count) findings")
  return count
}

var counts: [Int] = []
if mode != "cache" { counts.append(time("engine", runs: runs) { Engine.validate(plan) }) }
if mode != "engine" {
  counts.append(time("cache", runs: runs) { ValidationCache().validate(plan, mutation: 0) })
}
if Set(counts).count > 1 {
  print("ValidationBench: the modes disagree on the number of findings")
  exit(1)
}

if !edits.isEmpty {
  let cache = ValidationCache()
  var edited = plan
  var start = DispatchTime.now().uptimeNanoseconds
  let before = cache.validate(edited, mutation: 0)
  print("full (kept) \(format(milliseconds(since: start))) ms, \(before.count) findings")
  start = DispatchTime.now().uptimeNanoseconds
  for (i, edit) in edits.enumerated() {
    guard let command = Parser.parse(edit, file: "<edit>").commands.first else { fail("cannot parse '\(edit)'") }
    do {
      let change = try edited.apply(command)
      cache.note(change, in: edited, mutation: i + 1)
    } catch {
      fail("'\(edit)' failed: \(error)")
    }
  }
  print("edits \(format(milliseconds(since: start))) ms")
  start = DispatchTime.now().uptimeNanoseconds
  let after = cache.validate(edited, mutation: edits.count)
  let rechecked = cache.lastRunWasFull ? "everything" : "what changed"
  print("validate after the edits \(format(milliseconds(since: start))) ms, \(after.count) findings, re-checked \(rechecked)")
  if after.count != Engine.validate(edited).count {
    print("ValidationBench: the kept validation disagrees with a full one")
    exit(1)
  }
}
