public import GazetteCore
/// Counts of a batch run, for progress lines and the closing summary.
public struct BatchStatistics: Sendable {
    /// Output records written (tagged plus errors).
    public var records = 0
    /// Error records among them.
    public var errors = 0
    /// Input items skipped on purpose (non-HTML WARC records, files of unknown type).
    public var skipped = 0
    /// Raw input bytes consumed up to the last record written.
    public var inputBytes = 0
    /// Wall time in seconds.
    public var seconds = 0.0
    /// Time per stage, summed over threads (with `--profile`).
    public var profile = StageProfile()

    /// Empty statistics.
    public init() {}

    /// Counts one written record.
    mutating func count(_ isError: Bool, position: Int) {
        records += 1
        if isError { errors += 1 }
        inputBytes = max(inputBytes, position)
    }
}
