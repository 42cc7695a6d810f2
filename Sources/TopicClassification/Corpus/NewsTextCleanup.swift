/// Turns the raw text of the labelled news sets into plain prose like the articles the model meets
/// at run time, so that it learns topics rather than the quirks of one data set.
enum NewsTextCleanup {
    /// Undoes word tokenisation (`do n't` → `don't`, `trump 's` → `trump's`, `it ’s` → `it’s`) and
    /// drops bracketed media tags such as `( photos )` or `( video )`.
    ///
    /// HuffPost headlines come lowercased and tokenised; untreated, `n't` and `'s` would be words of
    /// their own that only HuffPost categories contain.
    static func detokenized(_ text: String) -> String {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token == "(" || token == "[", i + 2 < tokens.count, tokens[i + 2] == ")" || tokens[i + 2] == "]",
               mediaTags.contains(tokens[i + 1].lowercased()) {
                i += 3
                continue
            }
            if let last = out.last, isClitic(token) || [",", ".", ":", ";", "?", "!", ")"].contains(token) || last == "(" {
                out[out.count - 1] = last + token
            } else {
                out.append(token)
            }
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// Bracketed tags HuffPost appends to headlines of picture and video stories.
    static let mediaTags: Set<String> = ["photo", "photos", "pics", "video", "videos", "watch", "gif", "gifs", "slideshow", "poll", "infographic", "listen", "audio", "live"]

    /// `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` with a straight or curly apostrophe.
    static func isClitic(_ token: String) -> Bool {
        var scalars = Substring(token)
        if scalars.hasPrefix("n") { scalars = scalars.dropFirst() }
        guard let first = scalars.first, first == "'" || first == "’" else { return false }
        let rest = scalars.dropFirst().lowercased()
        return token.hasPrefix("n") ? rest == "t" : ["s", "re", "ve", "ll", "d", "m"].contains(rest)
    }

    /// The subject and the body of a Usenet post without its headers, quoted lines, attribution lines
    /// ("In article <…>, … writes:"), signature and e-mail addresses: what the author wrote.
    static func usenetPost(_ text: String) -> (subject: String, body: String) {
        var subject = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Headers run to the first blank line.
        if let blank = lines.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            for header in lines[..<blank] where header.hasPrefix("Subject:") {
                subject = String(header.dropFirst("Subject:".count))
            }
            lines.removeSubrange(...blank)
        }
        var body: [Substring] = []
        for line in lines {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed == "--" || trimmed == "-- " { break }  // signature follows
            if trimmed.hasPrefix(">") || trimmed.hasPrefix("|>") || trimmed.hasPrefix(":") { continue }
            if trimmed.hasPrefix("In article") || trimmed.hasSuffix("writes:") || trimmed.hasSuffix("wrote:") { continue }
            body.append(line)
        }
        // Re:, and words holding an address, say nothing about the topic.
        var cleanSubject = Substring(subject).drop(while: { $0 == " " })
        while cleanSubject.lowercased().hasPrefix("re:") { cleanSubject = cleanSubject.dropFirst(3).drop(while: { $0 == " " }) }
        let text = body.map { line in
            line.split(separator: " ", omittingEmptySubsequences: false).filter { !$0.contains("@") }.joined(separator: " ")
        }.joined(separator: "\n")
        return (String(cleanSubject), text)
    }
}
