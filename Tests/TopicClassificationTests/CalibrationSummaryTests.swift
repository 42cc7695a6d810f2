import Testing
@testable import TopicClassification

/// The calibration figure printed by `topics eval` and `topics cross-eval`.
@Suite struct CalibrationSummaryTests {
    @Test func perfectlyCalibratedScoresHaveNoError() {
        var summary = CalibrationSummary()
        // Scores of 0.75: right three times in four; scores of 0.25: right once in four.
        for correct in [true, true, true, false] { summary.add(score: 0.75, correct: correct) }
        for correct in [true, false, false, false] { summary.add(score: 0.25, correct: correct) }
        #expect(summary.count == 8)
        #expect(abs(summary.meanScore - 0.5) < 1e-12)
        #expect(abs(summary.accuracy - 0.5) < 1e-12)
        #expect(summary.expectedError < 1e-12)
        #expect(summary.bins.map(\.count) == [4, 4])
    }

    @Test func overConfidentScoresShowTheGap() {
        var summary = CalibrationSummary()
        // Always 0.99 sure, right half of the time: the error is 0.49, not hidden by averaging.
        for i in 0..<10 { summary.add(score: 0.99, correct: i % 2 == 0) }
        #expect(abs(summary.expectedError - 0.49) < 1e-9)
        // A score of exactly 1 falls in the top bin.
        summary.add(score: 1, correct: true)
        #expect(summary.bins.count == 1)
        #expect(CalibrationSummary().expectedError == 0)
    }

    @Test func evaluationReportsCalibration() throws {
        var options = TrainingOptions()
        options.features.hashBits = 12
        let model = try LinearTopicModel.train(SmallCorpus.training, options: options)
        let evaluation = TopicEvaluation(model: model, examples: SmallCorpus.heldOut)
        #expect(evaluation.calibration.count == SmallCorpus.heldOut.count)
        #expect(abs(evaluation.calibration.accuracy - evaluation.accuracy) < 1e-12)
        #expect(evaluation.report.contains("calibration error (ECE, 10 bins): "))
    }
}
