/// An HTTP response as a WARC `response` record stores it: status, headers and the decoded body.
struct HTTPResponse {
    /// The status code (200, 404, …).
    var status: Int
    /// The response headers.
    var headers: HeaderBlock
    /// The body after undoing chunked transfer encoding (content encoding not yet undone).
    var body: [UInt8]

    /// Parses a response from a WARC block; nil when the block is not an HTTP response.
    init?(block: [UInt8]) {
        guard block.starts(with: Array("HTTP/".utf8)) else { return nil }
        var index = 0
        var lineNumber = 0
        var status = 0
        var headers = HeaderBlock()
        var bodyStart: Int?
        while index < block.count {
            var end = index
            while end < block.count && block[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > index && block[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = block[index..<lineEnd]
            index = min(end + 1, block.count)
            if lineNumber == 0 {
                let parts = line.split(separator: 0x20, maxSplits: 2)
                guard parts.count >= 2, let code = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
                status = code
            } else if line.isEmpty {
                bodyStart = index
                break
            } else {
                headers.add(line: line)
            }
            lineNumber += 1
        }
        self.status = status
        self.headers = headers
        let raw = bodyStart.map { Array(block[$0...]) } ?? []
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true,
           let decoded = HTTPResponse.dechunk(raw) {
            body = decoded
        } else {
            // Crawlers such as Common Crawl store bodies already de-chunked; keep the bytes as they are.
            body = raw
        }
    }

    /// Undoes chunked transfer encoding; nil when the bytes are not chunked.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            var size = 0
            var digits = 0
            while index < bytes.count, let digit = hexValue(bytes[index]) {
                guard size < (1 << 40) else { return nil }
                size = size * 16 + digit
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            // Chunk extensions (`;name=value`) and the line ending.
            while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            guard index < bytes.count else { return nil }
            index += 1
            if size == 0 { return out }
            guard index + size <= bytes.count else {
                // A body cut short by the crawler: keep what is there.
                out.append(contentsOf: bytes[index...])
                return out
            }
            out.append(contentsOf: bytes[index..<(index + size)])
            index += size
            if index < bytes.count && bytes[index] == 0x0D { index += 1 }
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// True when the payload is HTML: by `Content-Type`, else by the crawler's identified type, else
    /// by the first bytes.
    func isHTML(identifiedType: String?) -> Bool {
        if let contentType = headers["content-type"], !contentType.isEmpty {
            return HTTPResponse.isHTMLType(HeaderBlock.mediaType(contentType))
        }
        if let identifiedType, !identifiedType.isEmpty {
            return HTTPResponse.isHTMLType(HeaderBlock.mediaType(identifiedType))
        }
        return HTTPResponse.looksLikeHTML(body)
    }

    static func isHTMLType(_ mediaType: String) -> Bool {
        mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }

    /// True when the first bytes (after a BOM and whitespace) start an HTML document.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var prefix = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        prefix = HeaderBlock.trim(prefix.replacingBOM())
        return prefix.hasPrefix("<!doctype html") || prefix.hasPrefix("<html") || prefix.hasPrefix("<head")
            || prefix.hasPrefix("<body") || (prefix.hasPrefix("<!--") && prefix.contains("<html"))
    }

    /// The charset declared in `Content-Type`, if any.
    var charset: String? {
        headers["content-type"].flatMap { HeaderBlock.parameter("charset", in: $0) }
    }
}

extension String {
    /// The string without a leading U+FEFF.
    fileprivate func replacingBOM() -> String {
        hasPrefix("\u{FEFF}") ? String(dropFirst()) : self
    }
}
