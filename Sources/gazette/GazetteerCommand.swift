import ArgumentParser

/// `gazette gazetteer` (being built; see the issue tracker).
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gazetteer", abstract: "Not available yet in this build.")

    func run() throws {
        throw ValidationError("'gazette gazetteer' is not available yet in this build")
    }
}
