import ArgumentParser
import Gazette

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `gazette tag`: reads pages, texts, JSONL dumps and WARC files and writes one JSONL tag record
/// per input record, in input order.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag articles with people, places, organisations and IPTC topics; write JSONL.",
        discussion: """
            INPUT is a file or directory (read recursively, in name order) of .html/.htm, .txt, \
            .jsonl records {"id", "url"?, "html" | "text"}, .warc, or any of these gzipped (.gz). \
            With no INPUT or '-', JSONL (or WARC, gzip detected) is read from standard input.
            Exit status: 0 when every record was tagged, 1 when some records became error records \
            (the output is still complete), 2 for bad usage or an unreadable argument.
            """
    )

    @Argument(help: "Files or directories to tag; '-' or nothing reads JSONL from standard input.")
    var inputs: [String] = []

    @Flag(name: .customLong("include-text"), help: "Include the cleaned article text in each record.")
    var includeText = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the records to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Records tagged in parallel (default: all cores).", valueName: "N"))
    var jobs: Int?

    @Option(name: .customLong("stdin-name"), help: ArgumentHelp(
        "Read standard input as the file NAME (a relative path): format from its extension, ids as for a file in a directory.",
        valueName: "NAME"))
    var standardInputName: String?

    @Flag(name: .long, help: "No progress line and no summary on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Print the seconds spent in each pipeline stage.")
    var profile = false

    @Option(name: .long, help: ArgumentHelp(
        "Continue an interrupted run: skip records whose ids are already in OUTPUT and append the rest to it.",
        valueName: "OUTPUT"))
    var resume: String?

    @OptionGroup var pipelineArguments: PipelineArguments

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let standardInputName, standardInputName.isEmpty || standardInputName.hasPrefix("/") {
            throw ValidationError("--stdin-name takes a relative path such as world/story.html")
        }
        if let resume, let output, resume != output {
            throw ValidationError("--resume appends to its OUTPUT; give -o the same file or leave -o out")
        }
    }

    func run() throws {
        let pipelineOptions = pipelineArguments.options

        var plan: InputPlan
        do {
            plan = try InputPlan.resolve(arguments: inputs)
            plan.standardInputName = standardInputName
        } catch {
            StandardError.write("gazette tag: error: \(error.cause.map { "\(error.message) (\($0))" } ?? error.message)\n")
            throw ExitCode(2)
        }
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline.standard(pipelineOptions)
        } catch {
            StandardError.write("gazette tag: \(error)\n")
            throw ExitCode(2)
        }

        var resumeIndex = ResumeIndex()
        let writer: LineWriter
        do {
            if let resume {
                resumeIndex = try ResumeIndex.load(path: resume)
                writer = try LineWriter(path: resume, append: true)
            } else if let output {
                writer = try LineWriter(path: output, append: false)
            } else {
                writer = LineWriter(standardOutput: ())
            }
        } catch {
            StandardError.write("gazette tag: \(error)\n")
            throw ExitCode(2)
        }

        if let path = resume ?? output { plan.exclude(path: path) }
        let showProgress = !quiet && isatty(2) == 1
        let totalBytes = showProgress ? plan.totalBytes() : nil
        let runner = BatchRunner(
            pipeline: pipeline,
            options: BatchRunner.Options(
                jobs: jobs ?? TagCommand.coreCount(),
                record: TagRecord.Options(includeText: includeText),
                profile: profile))
        let stream = RecordStream(plan: plan, limits: pipelineOptions.limits)
        var resumed = 0
        var resumeFailure: GazetteError?
        func nextEvent() -> InputEvent? {
            while let event = stream.next() {
                if case .record(let record) = event {
                    do {
                        if try resumeIndex.consume(id: record.id) {
                            resumed += 1
                            continue
                        }
                    } catch {
                        // Tagging on without knowing what is done would duplicate records: stop.
                        resumeFailure = error
                        return nil
                    }
                }
                return event
            }
            return nil
        }
        var report: (@Sendable (BatchStatistics) -> Void)?
        if showProgress {
            report = { statistics in StandardError.write(ProgressLine.format(statistics, totalBytes: totalBytes)) }
        }
        let statistics = runner.run(next: nextEvent, writer: writer, progress: report)
        if showProgress { StandardError.write("\r\u{1B}[K") }
        if let resumeFailure {
            StandardError.write("gazette tag: \(resumeFailure); the records tagged so far were appended, run the same command again to continue\n")
            throw ExitCode(2)
        }
        if let failure = writer.failure {
            StandardError.write("gazette tag: \(failure)\n")
            throw ExitCode(2)
        }
        if !quiet {
            var summary = ProgressLine.summary(statistics)
            if resume != nil { summary += ", \(resumed) already in \(resume ?? "")" }
            StandardError.write("gazette tag: \(summary)\n")
        }
        if profile {
            StandardError.write(ProgressLine.profile(statistics.profile))
        }
        if statistics.errors > 0 { throw ExitCode(1) }
    }

    /// Online processor cores (at least 1).
    static func coreCount() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

/// Formats the live progress line, the closing summary and the stage profile.
enum ProgressLine {
    /// `\r` plus the live line: records, records/s, MB/s, errors, ETA when the total is known.
    static func format(_ statistics: BatchStatistics, totalBytes: Int?) -> String {
        let seconds = max(statistics.seconds, 0.001)
        let rate = Double(statistics.records) / seconds
        let megabytesPerSecond = Double(statistics.inputBytes) / seconds / 1e6
        var line = "\r\u{1B}[K\(statistics.records) records  \(fixed(rate, 1)) rec/s  \(fixed(megabytesPerSecond, 1)) MB/s  \(statistics.errors) errors"
        if let totalBytes, totalBytes > 0, statistics.inputBytes > 0 {
            let remaining = Double(max(0, totalBytes - statistics.inputBytes)) / (Double(statistics.inputBytes) / seconds)
            let percent = min(100, 100 * Double(statistics.inputBytes) / Double(totalBytes))
            line += "  \(fixed(percent, 0))%  ETA \(clock(remaining))"
        }
        return line
    }

    /// The closing summary: records, errors, skipped, seconds, records/s.
    static func summary(_ statistics: BatchStatistics) -> String {
        let rate = statistics.seconds > 0 ? Double(statistics.records) / statistics.seconds : 0
        return "\(statistics.records) records, \(statistics.errors) errors, \(statistics.skipped) skipped, "
            + "\(fixed(statistics.seconds, 2)) s, \(fixed(rate, 1)) records/s"
    }

    /// One line per stage: seconds summed over threads and share of the total.
    static func profile(_ profile: StageProfile) -> String {
        let total = profile.names.reduce(0) { $0 + (profile.seconds[$1] ?? 0) }
        var text = "stage profile (seconds summed over threads):\n"
        for name in profile.names {
            let seconds = profile.seconds[name] ?? 0
            let share = total > 0 ? 100 * seconds / total : 0
            text += "  \(name.padding(16)) \(fixed(seconds, 3)) s  \(fixed(share, 1))%\n"
        }
        if profile.names.isEmpty { text += "  (the pipeline has no stages)\n" }
        return text
    }

    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if digits == 0 { return String(Int(rounded)) }
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    /// `h:mm:ss` or `m:ss`.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
        return "\(m):\(ss)"
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
