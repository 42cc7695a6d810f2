import ArgumentParser
import Gazette

/// Where the entity lists come from: the options every command that loads gazetteers shares.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteers"), help: ArgumentHelp("Folder of *.tsv lists replacing the shipped ones.", valueName: "DIR"))
    var directory: String?

    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("An extra list that adds or overrides entries (repeatable).", valueName: "FILE"))
    var extra: [String] = []

    /// The folder of lists: the one given, else the shipped one.
    func folder() throws -> String {
        if let directory { return directory }
        return try DataLocator.path("gazetteers")
    }

    /// Every list file, in load order.
    func files() throws -> [String] {
        try GazetteerFile.files(in: folder()) + extra
    }

    /// Sets the pipeline's gazetteer folder and extra lists.
    func apply(to options: inout PipelineOptions) {
        options.gazetteerDirectory = directory
        options.extraGazetteers = extra
    }
}
