import PlanLanguage
import PlanModel

extension PlanRanking {
  /// One expert of the panel as `rank` shows them (SPEC §12).
  package struct ExpertRow: Sendable, Equatable {
    package var expert: String
    package var name: String
    /// The relative weight vₖ (> 0).
    package var weight: Double
    /// The expert's own consistency ratio, from their own judgements; `nil` when they did not
    /// judge every pair (or the plan has no judgements).
    package var cr: Double?
    /// Spearman's ρ of the expert's own ranking with the group's, over the fields every expert
    /// ranked; `nil` when it cannot be computed.
    package var rho: Double?
    /// The expert's own rank-1 field; `nil` when they rated no field completely.
    package var topField: String?
  }

  /// The panel's agreement (SPEC §12).
  package struct Consensus: Sendable, Equatable {
    /// Kendall's W with the tie correction; `nil` with fewer than two experts or common fields.
    package var w: Double?
    /// The fields every expert ranked (W and ρ are over these).
    package var fields: Int
    /// The expert with the lowest ρ (ties: the first in natural ID order).
    package var outlier: String?
  }

  /// One criterion's cutoff sensitivity (SPEC §12): the nearest weight at which the top set changes.
  package struct CutoffFlip: Sendable, Equatable {
    package var criterion: String
    package var weight: Double
    /// `nil`: no weight in 0…1 changes the top set.
    package var flipAt: Double?
    package var entering: String?
    package var leaving: String?
  }

  /// What `rank robustness` was asked for (SPEC §12): N samples, spread P, the seed.
  package struct RobustnessOptions: Sendable, Equatable {
    package var samples: Int
    /// A fraction: 0.30 for 30%.
    package var spread: Double
    package var seed: UInt64

    package init(samples: Int = 10_000, spread: Double = 0.30, seed: UInt64 = 1) {
      (self.samples, self.spread, self.seed) = (samples, spread, seed)
    }
  }

  /// The acceptabilities of the robustness sampling (SPEC §12).
  package struct Robustness: Sendable, Equatable {
    package var options: RobustnessOptions
    package var cutoff: Int?
    /// One row per field, in the order of the ranking's rows.
    package var rows: [Row]

    package struct Row: Sendable, Equatable {
      package var field: String
      package var name: String
      /// The share of samples in which the field ranks first.
      package var first: Double
      /// The share in which it is within the cutoff; `nil` without `cutoff`.
      package var top: Double?
      package var meanRank: Double
    }
  }

  /// The panel's part of the ranking: the experts' table and the consensus, when there are experts.
  static func panel(_ c: RuleContext, basis: RankingBasis, method: RankingMethod) -> ([ExpertRow], Consensus)? {
    guard let panel = c.panel else { return nil }
    let agreement =
      panel.ratings.isEmpty
      ? nil : panelAgreement(basis.input, method: method, expertScores: panel.expertScores(c.scores))
    let crs = c.groupAHP?.experts
    let rows = panel.experts.enumerated().map { k, expert in
      ExpertRow(
        expert: expert.id, name: expert.name ?? "", weight: panel.weights[k], cr: crs?[k]?.cr,
        rho: agreement?.rho[k] ?? nil,
        topField: agreement?.topFields[k].map { basis.input.fieldIDs[$0] })
    }
    let consensus = Consensus(
      w: agreement?.kendallW, fields: agreement?.commonFields.count ?? 0,
      outlier: agreement?.outlier.map { panel.experts[$0].id })
    return (rows, consensus)
  }

  /// Cutoff sensitivity of `basis` under `method` (``cutoffSensitivity(_:method:cutoff:)``).
  static func cutoffFlips(_ basis: RankingBasis, method: RankingMethod, cutoff: Int) -> [CutoffFlip]? {
    guard let results = try? PlanEngine.cutoffSensitivity(basis.input, method: method, cutoff: cutoff) else {
      return nil
    }
    let ids = basis.input.fieldIDs
    return results.map { r in
      CutoffFlip(
        criterion: basis.input.criterionIDs[r.criterion], weight: r.weight, flipAt: r.flipAt,
        entering: r.entering.map { ids[$0] }, leaving: r.leaving.map { ids[$0] })
    }
  }

  /// Whether `options` can be sampled: at least 1 sample, a spread of 0%…99% (what
  /// ``robustness(_:method:cutoff:samples:spread:seed:threads:)`` requires), as the same
  /// diagnostics the ranking throws — for a command to check them before it reads the plan.
  package static func check(_ options: RobustnessOptions) -> Result<Void, Diagnostic> {
    if options.samples < 1 {
      return .failure(.error(.commandFailed(RankingText.samplesNotPositive(options.samples)), at: nil))
    }
    if !(options.spread >= 0 && options.spread < 1) {
      return .failure(
        .error(.commandFailed(RankingText.spreadOutOfRange(Format.number(options.spread * 100) + "%")), at: nil))
    }
    return .success(())
  }

  /// The robustness sampling of `basis` (``robustness(_:method:cutoff:samples:spread:seed:threads:)``),
  /// its rows in the order of `rows`.
  /// - Throws: A ``Diagnostic`` for samples below 1 or a spread outside 0%…99%.
  static func robustness(
    _ basis: RankingBasis, method: RankingMethod, cutoff: Int?, options: RobustnessOptions, rows: [Row]
  ) throws(Diagnostic) -> Robustness {
    let result: RobustnessResult
    do {
      result = try PlanEngine.robustness(
        basis.input, method: method, cutoff: cutoff, samples: options.samples, spread: options.spread,
        seed: options.seed)
    } catch {
      switch error {
      case .samplesNotPositive(let n): throw .error(.commandFailed(RankingText.samplesNotPositive(n)), at: nil)
      case .spreadOutOfRange(let p):
        throw .error(.commandFailed(RankingText.spreadOutOfRange(Format.number(p * 100) + "%")), at: nil)
      default: throw .error(.commandFailed(RankingText.ahpFailed), at: nil)
      }
    }
    let position = Dictionary(uniqueKeysWithValues: basis.input.fieldIDs.enumerated().map { ($1, $0) })
    return Robustness(
      options: options, cutoff: cutoff,
      rows: rows.map { row in
        let f = result.fields[position[row.field]!]
        return Robustness.Row(field: row.field, name: row.name, first: f.first, top: f.top, meanRank: f.meanRank)
      })
  }
}
