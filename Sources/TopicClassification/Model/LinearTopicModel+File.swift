import Foundation
public import GazetteCore

/// How a model file stores its weights.
public enum WeightEncoding: String, Sendable, Codable, CaseIterable {
    /// 32-bit floats: exact, 4 bytes per weight.
    case float32
    /// 8-bit integers with one scale per class: 1 byte per weight, scores change by well under 1 %.
    case int8
}

/// The JSON header of a model file.
struct TopicModelHeader: Codable {
    var format: String
    var version: Int
    var labels: [String]
    var displayLabels: [String]
    var features: FeatureOptions
    var temperature: Float
    var weightEncoding: WeightEncoding
    /// Present for `int8`: one scale per class (weight = byte × scale).
    var classScales: [Float]?
    /// IDF stored as bytes: idf = idfMin + byte × idfStep.
    var idfMin: Float?
    var idfStep: Float?
    /// Version 2: the word cluster file the features use, next to the model file, and its word count.
    var clusterFile: String?
    var clusterWords: Int?
    var provenance: [String: String]
}

extension LinearTopicModel {
    /// The magic bytes that start every Gazette topic model file.
    static let magic: [UInt8] = Array("GZTOPIC\u{1}".utf8)
    static let formatName = "gazette-topic-model"
    static let formatVersion = 1
    /// Version 2: as 1, and the features use a word cluster file kept next to the model file.
    static let clusterFormatVersion = 2

    /// Writes the model as one file: magic, header length (UInt32 LE), JSON header, then little-endian
    /// biases, IDF (if used) and weights.
    ///
    /// Layout after the header: `bias[K]` float32, `idf[D]` (when IDF is on: float32 for the `float32`
    /// encoding, else one byte per bucket scaled by `idfMin`/`idfStep`), `weights[D×K]` in the chosen
    /// encoding, feature-major. `float32` files reproduce the trained model exactly. A model whose
    /// features use word clusters (version 2) names its cluster file (``TopicWordClusters/fileName``),
    /// which must be kept next to the model file.
    public func serialized(encoding: WeightEncoding = .int8) throws(GazetteError) -> [UInt8] {
        let k = labels.count
        let d = extractor.options.dimension
        let clusters = extractor.clusters
        var header = TopicModelHeader(
            format: Self.formatName, version: clusters == nil ? Self.formatVersion : Self.clusterFormatVersion,
            labels: labels, displayLabels: displayLabels,
            features: extractor.options, temperature: temperature, weightEncoding: encoding, classScales: nil,
            idfMin: nil, idfStep: nil, clusterFile: clusters?.fileName, clusterWords: clusters?.count, provenance: provenance)
        var idfBytes: [UInt8] = []
        if extractor.options.idf && encoding == .float32 {
            for v in extractor.idf { appendLE(v.bitPattern, to: &idfBytes) }
        } else if extractor.options.idf {
            let lo = extractor.idf.min() ?? 1, hi = extractor.idf.max() ?? 1
            let step = hi > lo ? (hi - lo) / 255 : 1
            header.idfMin = lo
            header.idfStep = step
            idfBytes = extractor.idf.map { UInt8(max(0, min(255, (($0 - lo) / step).rounded()))) }
        }
        var weightBytes: [UInt8] = []
        switch encoding {
        case .float32:
            let weights = self.weights
            weightBytes.reserveCapacity(d * k * 4)
            for v in weights { appendLE(v.bitPattern, to: &weightBytes) }
        case .int8:
            if case .int8(let quantized, let scales) = storage {
                header.classScales = scales
                weightBytes = quantized.map { UInt8(bitPattern: $0) }
                break
            }
            let weights = self.weights
            var scales = [Float](repeating: 0, count: k)
            for i in 0..<d { for c in 0..<k { scales[c] = max(scales[c], abs(weights[i * k + c])) } }
            scales = scales.map { $0 > 0 ? $0 / 127 : 1 }
            header.classScales = scales
            weightBytes = [UInt8](repeating: 0, count: d * k)
            for i in 0..<d {
                for c in 0..<k {
                    let q = (weights[i * k + c] / scales[c]).rounded()
                    weightBytes[i * k + c] = UInt8(bitPattern: Int8(max(-127, min(127, q))))
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json: Data
        do { json = try encoder.encode(header) } catch {
            throw GazetteError(.model, "could not encode the topic model header", cause: "\(error)")
        }
        var out = Self.magic
        appendLE(UInt32(json.count), to: &out)
        out += json
        for v in bias { appendLE(v.bitPattern, to: &out) }
        out += idfBytes
        out += weightBytes
        return out
    }

    /// Writes the model file to `path`.
    public func write(to path: String, encoding: WeightEncoding = .int8) throws(GazetteError) {
        let bytes = try serialized(encoding: encoding)
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw GazetteError(.io, "could not write the topic model to \(path)", cause: error.localizedDescription)
        }
    }

    /// Loads a model file written by ``write(to:encoding:)`` (and its word cluster file, next to it).
    public init(contentsOf path: String) throws(GazetteError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw GazetteError(.model, "could not read the topic model \(path)", cause: error.localizedDescription)
        }
        try self.init(serialized: [UInt8](data), name: path, directory: (path as NSString).deletingLastPathComponent)
    }

    /// Decodes a model from the bytes of a model file; `name` appears in error messages. A model with
    /// word cluster features reads its cluster file from `directory` (default: the current folder).
    public init(serialized bytes: [UInt8], name: String = "topic model", directory: String = "") throws(GazetteError) {
        func fail(_ what: String) -> GazetteError {
            GazetteError(.model, "\(name) is not a valid Gazette topic model: \(what); retrain it with 'gazette topics train'")
        }
        guard bytes.count >= 12, Array(bytes[0..<8]) == Self.magic else { throw fail("wrong magic bytes") }
        let headerLength = Int(readLE32(bytes, 8))
        guard headerLength > 0, 12 + headerLength <= bytes.count else { throw fail("header length out of range") }
        let header: TopicModelHeader
        do { header = try JSONDecoder().decode(TopicModelHeader.self, from: Data(bytes[12..<(12 + headerLength)])) } catch {
            throw fail("unreadable header")
        }
        guard header.format == Self.formatName else { throw fail("format \"\(header.format)\"") }
        guard header.version == Self.formatVersion || header.version == Self.clusterFormatVersion else {
            throw fail("version \(header.version), this build reads versions \(Self.formatVersion) and \(Self.clusterFormatVersion)")
        }
        var clusters: TopicWordClusters?
        if header.version == Self.clusterFormatVersion {
            guard let file = header.clusterFile, !file.isEmpty, !file.contains("/"), let words = header.clusterWords else {
                throw fail("word cluster file missing from its header")
            }
            let path = directory.isEmpty ? file : (directory as NSString).appendingPathComponent(file)
            let table: TopicWordClusters
            do { table = try TopicWordClusters(contentsOf: path) } catch {
                throw GazetteError(.model, "\(name) needs its word cluster file \(path) next to it", cause: error.message)
            }
            guard table.count == words else {
                throw GazetteError(.model, "\(path) has \(table.count) words but \(name) was trained with \(words): keep the cluster file the model was built with")
            }
            clusters = table
        }
        do { try header.features.validate() } catch { throw fail(error.message) }
        let k = header.labels.count
        let d = header.features.dimension
        guard k >= 2, header.displayLabels.count == k else { throw fail("fewer than two labels") }
        let weightSize = header.weightEncoding == .float32 ? 4 : 1
        let idfSize = header.features.idf ? d * weightSize : 0
        var offset = 12 + headerLength
        guard bytes.count == offset + 4 * k + idfSize + d * k * weightSize else {
            throw fail("size \(bytes.count) bytes does not match its header (truncated or damaged)")
        }
        var bias = [Float](repeating: 0, count: k)
        for c in 0..<k { bias[c] = Float(bitPattern: readLE32(bytes, offset + 4 * c)) }
        offset += 4 * k
        var idf: [Float] = []
        if header.features.idf && header.weightEncoding == .float32 {
            idf = (0..<d).map { Float(bitPattern: readLE32(bytes, offset + 4 * $0)) }
            offset += 4 * d
        } else if header.features.idf {
            guard let lo = header.idfMin, let step = header.idfStep else { throw fail("IDF scale missing") }
            idf = bytes[offset..<(offset + d)].map { lo + Float($0) * step }
            offset += d
        }
        let extractor = FeatureExtractor(options: header.features, idf: idf, clusters: clusters)
        switch header.weightEncoding {
        case .float32:
            var weights = [Float](repeating: 0, count: d * k)
            for i in 0..<(d * k) { weights[i] = Float(bitPattern: readLE32(bytes, offset + 4 * i)) }
            try self.init(
                labels: header.labels, displayLabels: header.displayLabels, extractor: extractor, weights: weights, bias: bias,
                temperature: header.temperature, provenance: header.provenance)
        case .int8:
            guard let scales = header.classScales, scales.count == k, scales.allSatisfy({ $0.isFinite }) else {
                throw fail("class scales missing")
            }
            let quantized = bytes[offset..<(offset + d * k)].map { Int8(bitPattern: $0) }
            try self.init(
                labels: header.labels, displayLabels: header.displayLabels, extractor: extractor,
                storage: .int8(quantized, scales: scales), bias: bias, temperature: header.temperature, provenance: header.provenance)
        }
    }

}

@inline(__always) private func appendLE(_ v: UInt32, to out: inout [UInt8]) {
    out.append(UInt8(truncatingIfNeeded: v))
    out.append(UInt8(truncatingIfNeeded: v >> 8))
    out.append(UInt8(truncatingIfNeeded: v >> 16))
    out.append(UInt8(truncatingIfNeeded: v >> 24))
}

@inline(__always) private func readLE32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
}
