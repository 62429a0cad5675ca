import PlanModel

/// The `after` links of a plan's goals as a directed graph: an edge g → p for each goal p in g's
/// `after` list (p must be reached before g). Nodes are numbered in plan order (positions in the
/// goal table). Links to goals that do not exist are left out.
struct GoalGraph {
  /// The goal table, for the IDs of what is reported.
  private let goals: Table
  /// The successors of node `v` are `edges[start[v] ..< start[v + 1]]`, in list order.
  private let start: [Int32]
  private let edges: [Int32]
  /// Each goal's phase as a position in chronological order (``PhaseOrder``); `-1`: none, or
  /// no phase of the plan.
  let phasePosition: [Int32]

  /// The graph of `plan`'s goals, read from the goal table.
  /// - Complexity: O(goals + links).
  init(_ plan: Plan, phases: PhaseOrder) {
    let goals = plan[.goal]
    var links = Links(goals)
    var phaseOf = PlanIndex.Resolver(plan[.phase])
    var position: [Int32] = []
    position.reserveCapacity(goals.count)
    for goal in goals.values {
      links.add(goal[Attr.Goal.after]?.refs)
      let p = Int(phaseOf(goal[Attr.Goal.phase]?.ref))
      position.append(p < 0 ? -1 : Int32(phases.chronologicalPosition[p]))
    }
    self.init(goals: goals, links: links, phasePosition: position)
  }

  /// The graph of the goals of `index` (``PlanIndex/goalLinks``), a table of `plan`.
  /// - Complexity: O(goals).
  init(_ plan: Plan, index: PlanIndex) {
    let order = index.phases.chronologicalPosition
    self.init(
      goals: plan[.goal], links: index.goalLinks,
      phasePosition: index.goalPhase.map { $0 < 0 ? -1 : Int32(order[Int($0)]) })
  }

  private init(goals: Table, links: Links, phasePosition: [Int32]) {
    self.goals = goals
    start = links.start
    edges = links.edges
    self.phasePosition = phasePosition
  }

  /// The `after` links of a table's goals, added goal by goal in plan order, each link as the
  /// position of the goal it names.
  struct Links: Sendable {
    private let table: Table
    private let keys: [EntityKey]
    /// The links of goal `g` are `edges[start[g] ..< start[g + 1]]`.
    private(set) var start: [Int32] = [0]
    private(set) var edges: [Int32] = []
    /// The IDs in `after` lists that name no goal, with the goal whose list holds them (the
    /// model refuses them; a guard).
    private(set) var unresolved: [(goal: Int32, id: String)] = []

    init(_ table: Table) {
      self.table = table
      keys = table.keys.elements
      start.reserveCapacity(table.count + 1)
    }

    /// Adds the next goal's `after` list (IDs of goals that do not exist are left out).
    mutating func add(_ after: [String]?) {
      let g = start.count - 1
      if let after {
        for id in after {
          if let p = position(of: id, near: g) {
            edges.append(Int32(p))
          } else {
            unresolved.append((Int32(g), id))
          }
        }
      }
      start.append(Int32(edges.count))
    }

    /// The position of the goal with ID `id`: looked for first among the 16 goals before `g`
    /// (a goal usually comes after goals of its own consortium's earlier phases, listed just
    /// before it), then in the table's hash table.
    private func position(of id: String, near g: Int) -> Int? {
      var p = min(g, keys.count) - 1
      let stop = max(0, g - 16)
      while p >= stop {
        if keys[p].a == id, keys[p].b.isEmpty, keys[p].c.isEmpty { return p }
        p -= 1
      }
      return table.index(forKey: EntityKey(id))
    }
  }

  /// The number of goals.
  var count: Int { start.count - 1 }

  /// The goals `v` comes after, in list order.
  func successors(_ v: Int) -> ArraySlice<Int32> { edges[Int(start[v])..<Int(start[v + 1])] }

  /// The ID of goal `v`.
  func id(_ v: Int) -> String { goals.keys[v].a }

  /// The goal `v`.
  func goal(_ v: Int) -> Entity { goals.values[v] }

  /// One cycle per strongly connected component that has a cycle (several goals, or one goal
  /// after itself), each starting and ending at the component's first goal in plan order, and
  /// taking the fewest links back to it. Components are listed by that first goal.
  ///
  /// - Returns: For each such component, the cycle's nodes (first = last) and all the
  ///   component's nodes in plan order.
  /// - Complexity: O(goals + links), without recursion (Tarjan's algorithm with an explicit
  ///   stack, then a breadth-first search inside each component), so a chain of 100,000 goals
  ///   cannot exhaust the stack.
  func cycles() -> [(path: [Int], component: [Int])] {
    guard !edges.isEmpty, hasCycle else { return [] }
    let component = stronglyConnectedComponents()
    var size = [Int](repeating: 0, count: count)
    for v in 0..<count { size[component[v]] += 1 }
    var members: [Int: [Int]] = [:]
    for v in 0..<count where size[component[v]] > 1 || successors(v).contains(Int32(v)) {
      members[component[v], default: []].append(v)
    }
    var found: [(path: [Int], component: [Int])] = []
    for nodes in members.values {
      found.append((shortestCycle(through: nodes[0], within: component), nodes))
    }
    return found.sorted { $0.path[0] < $1.path[0] }
  }

  /// Whether the links form a cycle: whether removing goals that no goal comes after, one after
  /// another (Kahn 1962), leaves some goal.
  /// - Complexity: O(goals + links).
  private var hasCycle: Bool {
    let n = count
    var incoming = [Int32](repeating: 0, count: n)
    for w in edges { incoming[Int(w)] += 1 }
    var ready: [Int32] = []
    ready.reserveCapacity(n)
    for v in 0..<n where incoming[v] == 0 { ready.append(Int32(v)) }
    var head = 0
    while head < ready.count {
      let v = Int(ready[head])
      head += 1
      for w in successors(v) {
        incoming[Int(w)] -= 1
        if incoming[Int(w)] == 0 { ready.append(w) }
      }
    }
    return ready.count < n
  }

  /// The component number of every node (Tarjan 1972), iteratively.
  private func stronglyConnectedComponents() -> [Int] {
    let n = count
    var order = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var component = [Int](repeating: -1, count: n)
    var stack: [Int] = []
    // Each call: its node and the position of its next edge in `edges`.
    var calls: [(node: Int, next: Int)] = []
    var counter = 0
    var components = 0

    func visit(_ v: Int) {
      order[v] = counter
      low[v] = counter
      counter += 1
      stack.append(v)
      onStack[v] = true
      calls.append((v, Int(start[v])))
    }

    for root in 0..<n where order[root] < 0 {
      visit(root)
      while let (v, next) = calls.last {
        if next < Int(start[v + 1]) {
          calls[calls.count - 1].next += 1
          let w = Int(edges[next])
          if order[w] < 0 {
            visit(w)
          } else if onStack[w] {
            low[v] = min(low[v], order[w])
          }
          continue
        }
        calls.removeLast()
        if let parent = calls.last { low[parent.node] = min(low[parent.node], low[v]) }
        guard low[v] == order[v] else { continue }
        while let w = stack.popLast() {
          onStack[w] = false
          component[w] = components
          if w == v { break }
        }
        components += 1
      }
    }
    return component
  }

  /// The shortest cycle from `start` back to itself inside `start`'s component, by breadth-first
  /// search: `[start, …, start]`.
  private func shortestCycle(through origin: Int, within component: [Int]) -> [Int] {
    var parent: [Int: Int] = [origin: origin]
    var queue = [origin]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w32 in successors(v) where component[Int(w32)] == component[origin] {
        let w = Int(w32)
        if w == origin {
          var path = [v]
          var x = v
          while x != origin {
            x = parent[x]!
            path.append(x)
          }
          return path.reversed() + [origin]
        }
        if parent[w] == nil {
          parent[w] = v
          queue.append(w)
        }
      }
    }
    return [origin, origin]
  }
}
