/// Brief's version, printed by `brief --version` beside the fingerprint of the data files in use.
public enum BriefVersion {
    public static let number = "0.6.0"
}
