import ArgumentParser

/// `gazette feed` (being built; see the issue tracker).
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feed", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette feed' is not available yet in this build")
    }
}
