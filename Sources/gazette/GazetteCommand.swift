import ArgumentParser
import Gazette

/// The `gazette` command: tags news articles with entities and topics, and builds graphs and feeds.
@main
struct GazetteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Tag news articles with people, places, organisations and IPTC topics.",
        discussion: "`gazette --version` prints the program version, the data folder, the gazetteer build and the models' provenance.",
        subcommands: [
            TagCommand.self, ServeCommand.self, CleanCommand.self, GazetteerCommand.self, TopicsCommand.self,
            GraphCommand.self, FeedCommand.self, NERCommand.self,
        ]
    )

    /// Runs the command; bad usage exits with status 2 (the documented contract) rather than
    /// ArgumentParser's default 64.
    static func main() async {
        if CommandLine.arguments.dropFirst() == ["--version"] {
            print(VersionReport.text())
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
