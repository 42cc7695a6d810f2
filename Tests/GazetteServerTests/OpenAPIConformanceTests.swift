import Foundation
import Gazette
import GazetteTestSupport
import Testing
import Yams
@testable import GazetteServer

/// The OpenAPI document the server hands out, checked against real answers: every endpoint and
/// every error status the server gives must be documented for its path, and each JSON body must
/// match the schema of its status.
@Suite("OpenAPI document")
struct OpenAPIConformanceTests {
    @Test func everyAnswerMatchesTheDocumentedSchema() async throws {
        var limits = Limits()
        limits.maxRecordBytes = 4_000
        let gate = Gate()
        let server = try await TestServer.start(limits: limits)
        let busy = try await TestServer.start(pipeline: try gate.pipeline, jobs: 1, queueLimit: 0, timeout: .milliseconds(300))
        let spec = try await server.send("GET", "/openapi.yaml")
        let document = try OpenAPIDocument(yaml: spec.text)

        let json = [("Content-Type", "application/json")]
        var checks: [(method: String, path: String, reply: LoopbackHTTP.Reply)] = []
        func check(_ method: String, _ path: String, on target: TestServer? = nil, headers: [(String, String)] = [], body: String = "") async throws {
            let reply = try await (target ?? server).send(method, path, headers: headers, body: Array(body.utf8))
            checks.append((method, String(path.prefix { $0 != "?" }), reply))
        }
        try await check("GET", "/healthz")
        try await check("GET", "/v1/info")
        try await check("GET", "/metrics")
        try await check("GET", "/openapi.yaml")
        try await check("GET", "/")
        try await check("POST", "/v1/tag", headers: json, body: #"{"id":"a","url":"https://news.example/a","text":"Christine Lagarde spoke in Frankfurt.","include_text":true}"#)
        try await check("POST", "/v1/tag?id=p&include_text=true", headers: [("Content-Type", "text/html")], body: TagEndpointTests.page)
        try await check("POST", "/v1/tag", headers: [("Content-Type", "application/x-ndjson")], body: "{\"text\":\"Oslo.\"}\n{bad\n")
        try await check("POST", "/v1/tag", headers: json, body: "{bad")
        try await check("POST", "/v1/tag", headers: json, body: #"{"id":"n"}"#)
        try await check("POST", "/v1/tag?include_text=perhaps", headers: json, body: #"{"text":"x"}"#)
        try await check("POST", "/v1/tag?id=big", headers: [("Content-Type", "text/plain")], body: String(repeating: "word ", count: 1_000))
        try await check("POST", "/v1/tag", headers: json, body: #"{"id":"e","html":" "}"#)
        try await check("POST", "/v1/tag", headers: [("Content-Type", "image/png")], body: "x")
        try await check("GET", "/v1/tag")
        try await check("GET", "/v9/none")
        // 503: a worker held at the gate, no queue; then a request that outlives the timeout.
        async let held = busy.tag(json: #"{"text":"Held."}"#)
        try await gate.waitForHeld(1)
        try await check("POST", "/v1/tag", on: busy, headers: json, body: #"{"text":"No room."}"#)
        let timedOut = try await held
        checks.append(("POST", "/v1/tag", timedOut))
        gate.open()

        let statuses = Set(checks.map(\.reply.status))
        #expect(statuses.isSuperset(of: [200, 400, 404, 405, 413, 415, 422, 503]))
        for (method, path, reply) in checks {
            let problems = document.validate(method: method, path: path, reply: reply)
            #expect(problems.isEmpty, "\(method) \(path) → \(reply.status): \(problems.joined(separator: "; "))")
        }
        try await server.stop()
        try await busy.stop()
    }
}

/// Just enough of OpenAPI 3.0 to check answers: paths, responses by status and media type, and
/// the JSON Schema subset the document uses (`$ref`, `type`, `nullable`, `required`,
/// `properties`, `additionalProperties`, `items`, `enum`, `oneOf`, `minimum`, `maximum`,
/// `minItems`, `maxItems`, `pattern`).
struct OpenAPIDocument {
    let root: [String: Any]

    init(yaml: String) throws {
        root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
    }

    /// What is wrong with `reply` as the answer to `method path`; empty when it conforms.
    func validate(method: String, path: String, reply: LoopbackHTTP.Reply) -> [String] {
        guard let operations = (root["paths"] as? [String: Any])?[path] as? [String: Any] else {
            // Any other path is 404 with a request error.
            guard reply.status == 404, let value = try? reply.json() else { return ["path not documented, and the answer is not a JSON 404"] }
            return check(value, against: ["$ref": "#/components/schemas/RequestError"], at: "$")
        }
        let operationKey = method == "HEAD" ? "get" : method.lowercased()
        guard let operation = operations[operationKey] as? [String: Any] else {
            // A method the path does not take: the server answers 405, which needs no schema.
            return reply.status == 405 ? [] : ["method not documented"]
        }
        guard let response = (operation["responses"] as? [String: Any])?[String(reply.status)] as? [String: Any] else {
            return ["status \(reply.status) not documented"]
        }
        let mediaType = (reply.headers["content-type"] ?? "").split(separator: ";").first.map(String.init) ?? ""
        guard let content = response["content"] as? [String: Any], let media = content[mediaType] as? [String: Any] else {
            return ["media type \(mediaType) not documented for \(reply.status)"]
        }
        guard let schema = media["schema"] as? [String: Any] else { return [] }
        switch mediaType {
        case "application/json":
            guard let value = try? reply.json() else { return ["body is not JSON"] }
            return check(value, against: schema, at: "$")
        case "application/x-ndjson":
            var problems: [String] = []
            let tagRecord = ["$ref": "#/components/schemas/TagRecord"]
            let errorRecord = ["$ref": "#/components/schemas/ErrorRecord"]
            for (index, line) in reply.lines.enumerated() {
                guard let value = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else { problems.append("line \(index + 1) is not JSON"); continue }
                let isError = ((value as? [String: Any])?["error"] as? [String: Any]) != nil
                problems += check(value, against: isError ? errorRecord : tagRecord, at: "line \(index + 1)")
            }
            return problems
        default:
            return reply.body.isEmpty ? ["empty body"] : []
        }
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return resolve(node as? [String: Any] ?? [:])
    }

    private func check(_ value: Any, against raw: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw)
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let matching = choices.filter { check(value, against: $0, at: path).isEmpty }
            return matching.count == 1 ? [] : ["\(path) matches \(matching.count) of the oneOf schemas"]
        }
        if value is NSNull {
            return (schema["nullable"] as? Bool) == true || schema["type"] == nil ? [] : ["\(path) is null"]
        }
        var problems: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path) = \(value) is not one of the documented values")
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path) is not an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key) is missing") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += check(member, against: property, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += check(member, against: extra, at: "\(path).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(path).\(key) is not documented")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path) is not an array"] }
            if let most = schema["maxItems"] as? Int, array.count > most { problems.append("\(path) has more than \(most) items") }
            if let least = schema["minItems"] as? Int, array.count < least { problems.append("\(path) has fewer than \(least) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { problems += check(item, against: items, at: "\(path)[\(index)]") }
            }
        case "string":
            guard let string = value as? String else { return ["\(path) is not a string"] }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path) = \(string) does not match \(pattern)")
            }
        case "integer", "number":
            guard let number = value as? NSNumber else { return ["\(path) is not a number"] }
            if schema["type"] as? String == "integer", number.doubleValue != number.doubleValue.rounded() { problems.append("\(path) is not an integer") }
            if let low = schema["minimum"] as? Double ?? (schema["minimum"] as? Int).map(Double.init), number.doubleValue < low {
                problems.append("\(path) is below \(low)")
            }
            if let high = schema["maximum"] as? Double ?? (schema["maximum"] as? Int).map(Double.init), number.doubleValue > high {
                problems.append("\(path) is above \(high)")
            }
        case "boolean":
            if !(value is Bool) { problems.append("\(path) is not a boolean") }
        default:
            break
        }
        return problems
    }
}
