import ArgumentParser
import Foundation
import Gazette

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `gazette clean`: shows what the HTML cleaner extracts from pages, for debugging one page.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print the title, metadata and body text the cleaner extracts from HTML pages.",
        discussion: """
            Each FILE is an HTML page; each DIR is searched (not recursively) for *.html and *.htm files. \
            By default prints a readable report per page; --json prints one JSON object per page \
            (id = file name without extension).
            """
    )

    @Argument(help: "HTML files or directories of them.")
    var paths: [String]

    @Flag(help: "Print one JSON object per page instead of a readable report.")
    var json = false

    @Option(help: "Charset to assume when a page does not declare one with a BOM or <meta> (like an HTTP header).")
    var charset: String?

    @Option(help: "Largest page accepted, in bytes.")
    var maxRecordBytes: Int = Limits().maxRecordBytes

    @Option(help: "Deepest element nesting walked.")
    var maxDepth: Int = Limits().maxDepth

    @Flag(help: "Also print the extractor's decisions: furniture removed, best candidates, chosen content, which extraction path won and why, and how the language was decided.")
    var explain = false

    @Flag(help: .hidden)
    var bench = false

    @Option(help: .hidden)
    var repeatCount: Int = 1

    func run() throws {
        var limits = Limits()
        limits.maxRecordBytes = maxRecordBytes
        limits.maxDepth = maxDepth
        let cleaner = HTMLCleaner(limits: limits)
        let files = try Self.expand(paths)
        if bench {
            try runBenchmark(files, cleaner: cleaner)
            return
        }
        // The language stage runs after the cleaner as in `gazette tag`; without the shipped profiles
        // the declared language is shown.
        var identifier: LanguageIdentifier?
        do { identifier = try LanguageIdentifier() } catch {
            FileHandle.standardError.write(Data("gazette clean: \(error.message); showing the declared language\n".utf8))
        }
        var failures = 0
        for file in files {
            let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            if explain, !json, case .success(var article) = Self.load(file, id: id, charset: charset, cleaner: cleaner),
               let trace = try? cleaner.explain(&article) {
                print(trace.joined(separator: "\n"))
                if let identifier {
                    let declared = article.language
                    let outcome = identifier.identification(of: identifier.sampleText(of: article), declared: declared)
                    print("language: \(outcome.language ?? "none") (declared \(declared ?? "none")): \(outcome.reason)")
                }
            }
            switch Self.clean(file, id: id, charset: charset, cleaner: cleaner, identifier: identifier) {
            case .success(let article):
                print(json ? Self.jsonLine(article, file: file) : Self.report(article, file: file))
            case .failure(let error):
                failures += 1
                print(json ? TagRecord.encodeError(id: id, url: nil, error: error) : "== \(file)\nerror: \(error)\n")
            }
        }
        if failures > 0 && !json {
            StandardError.writeLine("\(failures) of \(files.count) pages gave an error")
        }
    }

    /// Times cleaning alone (files are read first), single-threaded, and prints a summary line.
    private func runBenchmark(_ files: [String], cleaner: HTMLCleaner) throws {
        let pages = try files.map { try Self.read($0, limit: cleaner.limits.maxRecordBytes) }
        let bytes = pages.reduce(0) { $0 + $1.count }
        let clock = ContinuousClock()
        var characters = 0
        let cpuStart = Self.cpuSeconds()
        let start = clock.now
        for _ in 0..<max(1, repeatCount) {
            for (index, page) in pages.enumerated() {
                var article = Article(id: String(index), html: page, charset: charset)
                do {
                    try cleaner.process(&article)
                    characters += article.text.utf8.count
                } catch {}
            }
        }
        let seconds = (clock.now - start).seconds
        let cpu = Self.cpuSeconds() - cpuStart
        let count = Double(pages.count * max(1, repeatCount))
        print(String(format: "pages %d  seconds %.3f  cpu-seconds %.3f  pages/s %.1f  cpu-pages/s %.1f  MB/s %.2f  text-bytes %d",
                     Int(count), seconds, cpu, count / seconds, count / cpu, Double(bytes) * Double(max(1, repeatCount)) / seconds / 1e6, characters))
    }

    /// CPU time used by this process so far.
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func load(_ file: String, id: String, charset: String?, cleaner: HTMLCleaner) -> Result<Article, GazetteError> {
        Result { () throws(GazetteError) -> Article in
            Article(id: id, html: try read(file, limit: cleaner.limits.maxRecordBytes), charset: charset)
        }
    }

    static func clean(_ file: String, id: String, charset: String?, cleaner: HTMLCleaner, identifier: LanguageIdentifier?) -> Result<Article, GazetteError> {
        Result { () throws(GazetteError) -> Article in
            let bytes = try read(file, limit: cleaner.limits.maxRecordBytes)
            var article = Article(id: id, html: bytes, charset: charset)
            try cleaner.process(&article)
            try identifier?.process(&article)
            return article
        }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let names = try manager.contentsOfDirectory(atPath: path).sorted()
                for name in names where name.hasSuffix(".html") || name.hasSuffix(".htm") {
                    files.append((path as NSString).appendingPathComponent(name))
                }
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func read(_ file: String, limit: Int) throws(GazetteError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw GazetteError(.io, "cannot open \(file)")
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit so an oversized page is reported, not silently cut.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw GazetteError(.io, "cannot read \(file)", cause: "\(error)")
        }
    }

    static func jsonLine(_ article: Article, file: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(article.id)
        json.key("file"); json.string(file)
        json.key("url"); json.string(article.url)
        json.key("title"); json.string(article.title)
        json.key("published"); json.string(article.published)
        json.key("language"); json.string(article.language)
        json.key("authors"); json.beginArray()
        for author in article.metadata.authors { json.string(author) }
        json.endArray()
        json.key("site"); json.string(article.metadata.site)
        json.key("description"); json.string(article.metadata.description)
        json.key("page_type"); json.string(article.metadata.pageType)
        json.key("encoding"); json.string(article.metadata.encoding)
        json.key("text"); json.string(article.text)
        json.key("error"); json.null()
        json.endObject()
        return json.output
    }

    static func report(_ article: Article, file: String) -> String {
        let meta = article.metadata
        var lines = ["== \(file)"]
        lines.append("title:       \(article.title ?? "-")")
        lines.append("published:   \(article.published ?? "-")")
        lines.append("authors:     \(meta.authors.isEmpty ? "-" : meta.authors.joined(separator: "; "))")
        lines.append("site:        \(meta.site ?? "-")")
        lines.append("url:         \(article.url ?? "-")")
        lines.append("language:    \(article.language ?? "-")")
        lines.append("page type:   \(meta.pageType ?? "-")")
        lines.append("encoding:    \(meta.encoding ?? "-")")
        lines.append("description: \(meta.description ?? "-")")
        let paragraphs = article.text.isEmpty ? 0 : article.text.components(separatedBy: "\n\n").count
        lines.append("body:        \(article.text.unicodeScalars.count) characters, \(paragraphs) paragraphs")
        lines.append("")
        lines.append(article.text)
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
