import Foundation
import Testing
@testable import TopicClassification
import GazetteCore

/// Reads a small data folder laid out like the development data, with records written for these tests.
@Suite struct NewsSourceTests {
    /// A temporary data folder with one small file per source.
    static func dataFolder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-news-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/bbc", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/topics-extra", withIntermediateDirectories: true)
        func write(_ name: String, _ lines: [[String: Any]], gzip: Bool = false) throws {
            let text = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
                .joined(separator: "\n") + "\n"
            let bytes = Array(text.utf8)
            try Data(gzip ? GzipBytes.stored(bytes) : bytes).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try write("bbc/bbc.jsonl", [
            ["id": "sport/1", "category": "sport", "text": "Late goal wins the derby\n\nA header in stoppage time settled it.\n\nThe manager praised his side."],
            ["id": "sport/2", "category": "sport", "text": "Late goal wins the derby\n\nA header in stoppage time settled it.\n\nThe manager praised his side."],
            ["id": "tech/1", "category": "tech", "text": "New phone has a folding screen\n\nThe handset goes on sale in May."],
        ])
        try write("topics-extra/huffpost-headlines.jsonl.gz", [
            ["id": "hp1", "category": "TRAVEL", "text": "the island 's best beaches ( photos )"],
            ["id": "hp2", "category": "FIFTY", "text": "what i wish i 'd known at fifty"],
            ["id": "hp3", "category": "WORLD NEWS", "text": "envoys meet to end the border dispute"],
        ], gzip: true)
        try write("topics-extra/nyt-headlines.jsonl", [
            ["id": "nyt1", "text": "STORM LASHES COAST;", "subject": "Hurricane hits the gulf coast", "cap_code": 26, "cap_topic": "Weather and natural disasters"],
            ["id": "nyt2", "text": "Ferry Fares Rise", "subject": "transit fares", "cap_code": 10, "cap_topic": "Transportation"],
        ])
        try write("topics-extra/masakhanews-eng.jsonl.gz", [
            ["id": "mn1", "category": "health", "title": "Clinic waiting times grow", "text": "Patients waited longer for a doctor.\nThe health board blamed staff shortages."],
        ], gzip: true)
        try write("topics-extra/20newsgroups-train.jsonl.gz", [
            ["id": "ng1", "group": "rec.sport.hockey", "text": "From: fan@example.org\nSubject: Re: Playoff odds\n\n> who wins?\nThe home side has the better goalie this year.\n"],
            ["id": "ng2", "group": "misc.forsale", "text": "From: seller@example.org\nSubject: Bike for sale\n\nGood condition.\n"],
        ], gzip: true)
        return root
    }

    @Test func everySourceReadsMapsAndCleansItsRecords() throws {
        let root = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bbc = try NewsSource.bbc.articles(dataDirectory: root)
        #expect(bbc.count == 2)  // the exact duplicate is dropped
        #expect(bbc[0].labels == ["medtop:15000000"])
        #expect(bbc[0].text(.headline) == "Late goal wins the derby")
        #expect(bbc[0].text(.lead) == "Late goal wins the derby\nA header in stoppage time settled it.")
        #expect(bbc[0].text(.full)?.hasSuffix("The manager praised his side.") == true)
        #expect(bbc[1].text(.full) == nil)  // one paragraph: no full text beyond the lead

        let huffpost = try NewsSource.huffpost.articles(dataDirectory: root)
        #expect(huffpost.map(\.category) == ["TRAVEL", "WORLD NEWS"])  // FIFTY has no topic
        #expect(huffpost[0].text(.headline) == "the island's best beaches")
        #expect(huffpost[0].lengths == [.headline])
        #expect(huffpost[1].labels == ["medtop:11000000", "medtop:16000000"])

        let nyt = try NewsSource.nyt.articles(dataDirectory: root)
        #expect(nyt.count == 1)  // transportation is not mapped
        #expect(nyt[0].text(.headline) == "STORM LASHES COAST")
        #expect(nyt[0].text(.lead) == "STORM LASHES COAST\nHurricane hits the gulf coast")
        #expect(nyt[0].lengths == [.headline, .lead])

        let masakha = try NewsSource.masakhanews.articles(dataDirectory: root)
        #expect(masakha.first?.labels == ["medtop:07000000"])
        #expect(masakha.first?.text(.headline) == "Clinic waiting times grow")

        let posts = try NewsSource.newsgroups.articles(dataDirectory: root)
        #expect(posts.count == 1)
        #expect(posts[0].text(.headline) == "Playoff odds")
        #expect(posts[0].text(.lead) == "Playoff odds\nThe home side has the better goalie this year.")
    }

    @Test func missingAndDamagedFilesNameTheProblem() throws {
        let root = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try NewsSource.bbc.articles(dataDirectory: root + "/nowhere")
            Issue.record("a missing file should fail")
        } catch {
            #expect(error.code == .io)
            #expect(error.message.contains("bbc.jsonl"))
        }
        try Data("{\"category\": \"sport\", \"text\": \"ok\"}\nnot json\n".utf8).write(to: URL(fileURLWithPath: root + "/bbc/bbc.jsonl"))
        do {
            _ = try NewsSource.bbc.articles(dataDirectory: root)
            Issue.record("a line that is not JSON should fail")
        } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.message.contains("bbc.jsonl:2"))
        }
        let gzip = GzipBytes.stored(Array("{\"id\": 1}\n".utf8))
        let cut = root + "/cut.jsonl.gz", two = root + "/two.jsonl.gz"
        try Data(gzip.prefix(gzip.count - 12)).write(to: URL(fileURLWithPath: cut))
        try Data(gzip + gzip).write(to: URL(fileURLWithPath: two))
        #expect(throws: GazetteError.self) { try TrainingFile.read(cut) }
        #expect(try TrainingFile.read(two) == Array("{\"id\": 1}\n{\"id\": 1}\n".utf8))
    }
}
