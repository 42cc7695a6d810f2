import ArgumentParser

/// `gazette tag` (being built; see the issue tracker).
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette tag' is not available yet in this build")
    }
}
