import ArgumentParser
import Gazette

/// What the standard pipeline is built from: entity lists, topic model and limits, the options
/// every command that tags articles (`tag`, `serve`) shares.
struct PipelineArguments: ParsableArguments {
    @OptionGroup var lists: GazetteerOptions

    @Option(name: .customLong("topic-model"), help: ArgumentHelp("A topic model replacing the shipped one.", valueName: "MODEL"))
    var topicModel: String?

    @OptionGroup var limits: LimitOptions

    /// The pipeline options these arguments give.
    var options: PipelineOptions {
        var options = PipelineOptions()
        lists.apply(to: &options)
        options.topicModel = topicModel
        limits.apply(to: &options.limits)
        return options
    }
}
