namespace SmartOffice.Signing.Pdf;

/// <summary>
/// What <see cref="PdfScanner"/> found in the raw bytes of a file. The scanner never throws on input:
/// a file it cannot read ends with <see cref="ErrorCode"/> set (not_pdf, pdf_malformed, pdf_encrypted).
/// </summary>
internal sealed record PdfScanResult
{
    /// <summary>null when the file is a readable, unencrypted PDF; otherwise a validation code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>What was wrong, in plain English, naming the offset or object involved.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Every signature dictionary in the file: reachable or not, in object streams or not.</summary>
    public IReadOnlyList<PdfSignatureDictionary> Signatures { get; init; } = [];

    /// <summary>
    /// Signature dictionaries a viewer shows: /V of a signature field reachable from /AcroForm /Fields.
    /// </summary>
    public IReadOnlyList<int> ShownSignatureObjects { get; init; } = [];

    /// <summary>How many objects the file defines, top level and in object streams, in every revision.</summary>
    public int ObjectCount { get; init; }

    /// <summary>
    /// Active content found, each described with its object, e.g. "JavaScript action in object 12 0".
    /// </summary>
    public IReadOnlyList<string> ActiveContent { get; init; } = [];

    /// <summary>Revocation data and certificates from the catalog's /DSS dictionary (decoded stream bytes).</summary>
    public IReadOnlyList<byte[]> DssCrls { get; init; } = [];

    public IReadOnlyList<byte[]> DssOcspResponses { get; init; } = [];

    public IReadOnlyList<byte[]> DssCertificates { get; init; } = [];

    /// <summary>The decoded stream the catalog names under the key the scan was asked for, if there is one.</summary>
    public byte[]? CatalogStream { get; init; }

    /// <summary>Offsets just past each end-of-file marker (after "%%EOF" and its optional CR/LF), ascending.</summary>
    public IReadOnlyList<long> RevisionEnds { get; init; } = [];

    public static PdfScanResult Failed(string code, string detail) => new() { ErrorCode = code, ErrorDetail = detail };
}

/// <summary>
/// One dictionary that is a signature: /Type /Sig or /DocTimeStamp, or one carrying /ByteRange with /Contents.
/// </summary>
internal sealed record PdfSignatureDictionary
{
    public int ObjectNumber { get; init; }

    public int Generation { get; init; }

    /// <summary>
    /// Byte offset of the "N G obj" that holds it (of the object stream when <see cref="IsInObjectStream"/>).
    /// </summary>
    public long ObjectOffset { get; init; }

    public bool IsInObjectStream { get; init; }

    /// <summary>"Sig", "DocTimeStamp" or null when /Type is absent.</summary>
    public string? Type { get; init; }

    public string? Filter { get; init; }

    public string? SubFilter { get; init; }

    /// <summary>The /ByteRange integers as written, or null when absent or not an array of integers.</summary>
    public IReadOnlyList<long>? ByteRange { get; init; }

    /// <summary>
    /// Raw span of the /Contents value token in the file: Start is the offset of '&lt;', End is just past '&gt;'. Null
    /// when /Contents is absent, not a string, or not a direct hex string in the file.
    /// </summary>
    public long? ContentsStart { get; init; }

    public long? ContentsEnd { get; init; }

    /// <summary>/Contents decoded (hex or literal), or null when absent or not a string.</summary>
    public byte[]? Contents { get; init; }

    /// <summary>/M as written (PDF date string), /Name, /Reason, /Location when present.</summary>
    public string? SigningTime { get; init; }

    public string? Name { get; init; }

    public string? Reason { get; init; }

    /// <summary>
    /// Whether the dictionary appears twice (redefined object, or a second /Contents key): a wrapping sign.
    /// </summary>
    public bool HasDuplicateKeys { get; init; }
}
