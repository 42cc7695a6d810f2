import ArgumentParser

/// `gazette graph` (being built; see the issue tracker).
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette graph' is not available yet in this build")
    }
}
