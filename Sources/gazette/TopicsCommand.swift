import ArgumentParser

/// `gazette topics` (being built; see the issue tracker).
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette topics' is not available yet in this build")
    }
}
