import ArgumentParser

/// `gazette clean` (being built; see the issue tracker).
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette clean' is not available yet in this build")
    }
}
