/// Gazette's release version, as `gazette --version` and the server's `GET /v1/info` report it.
public enum GazetteVersion {
    /// The version string (semantic versioning).
    public static let current = "0.12.0"
}
