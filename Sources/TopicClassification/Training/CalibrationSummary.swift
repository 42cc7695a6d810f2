/// How well a classifier's top scores match how often it is right: the figure that says whether a
/// score of 0.8 means "right four times in five".
///
/// The expected calibration error (ECE) splits the top scores into ten equal-width bins (0–0.1, …,
/// 0.9–1) and averages |mean score − accuracy| over the bins, weighted by their sizes; 0 is perfect.
public struct CalibrationSummary: Sendable, Hashable {
    /// Documents counted.
    public private(set) var count = 0
    /// Sum of the top scores.
    private var scoreSum = 0.0
    /// Documents whose top label was right.
    private var hits = 0
    /// Per bin: documents, sum of top scores, right ones.
    private var binCount = [Int](repeating: 0, count: 10)
    private var binScore = [Double](repeating: 0, count: 10)
    private var binHits = [Int](repeating: 0, count: 10)

    /// An empty summary.
    public init() {}

    /// Counts one document: its top score and whether the top label was right.
    public mutating func add(score: Double, correct: Bool) {
        let bin = min(9, max(0, Int(score * 10)))
        count += 1
        scoreSum += score
        binCount[bin] += 1
        binScore[bin] += score
        if correct {
            hits += 1
            binHits[bin] += 1
        }
    }

    /// Mean top score (equals ``accuracy`` when calibrated).
    public var meanScore: Double { count > 0 ? scoreSum / Double(count) : 0 }

    /// Share of documents whose top label was right.
    public var accuracy: Double { count > 0 ? Double(hits) / Double(count) : 0 }

    /// Expected calibration error over ten equal-width bins.
    public var expectedError: Double {
        guard count > 0 else { return 0 }
        var error = 0.0
        for bin in 0..<10 where binCount[bin] > 0 { error += abs(binScore[bin] - Double(binHits[bin])) }
        return error / Double(count)
    }

    /// Per bin with documents: its range's lower end, documents, mean score and accuracy.
    public var bins: [(lower: Double, count: Int, meanScore: Double, accuracy: Double)] {
        (0..<10).filter { binCount[$0] > 0 }.map {
            (Double($0) / 10, binCount[$0], binScore[$0] / Double(binCount[$0]), Double(binHits[$0]) / Double(binCount[$0]))
        }
    }
}
