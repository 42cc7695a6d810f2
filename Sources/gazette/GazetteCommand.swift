import ArgumentParser

/// The `gazette` command: tags news articles with entities and topics, and builds graphs and feeds.
@main
struct GazetteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Tag news articles with people, places, organisations and IPTC topics.",
        subcommands: [
            TagCommand.self, CleanCommand.self, GazetteerCommand.self, TopicsCommand.self,
            GraphCommand.self, FeedCommand.self, NERCommand.self,
        ]
    )
}
