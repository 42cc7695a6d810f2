import ArgumentParser

/// `gazette ner` (being built; see the issue tracker).
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ner", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette ner' is not available yet in this build")
    }
}
