namespace SmartOffice.Signing.Cms;

/// <summary>The parts of a CMS SignedData that validation needs, with raw encodings kept for verification.</summary>
internal sealed record CmsSignedData
{
    public required string EncapsulatedContentType { get; init; }

    public required bool HasEncapsulatedContent { get; init; }

    public required IReadOnlyList<byte[]> Certificates { get; init; }

    public required IReadOnlyList<byte[]> Crls { get; init; }

    public required IReadOnlyList<CmsSignerInfo> Signers { get; init; }
}

/// <summary>One SignerInfo. <see cref="SignedAttributesDer"/> is re-tagged as SET OF, ready to verify.</summary>
internal sealed record CmsSignerInfo
{
    /// <summary>IssuerAndSerialNumber: issuer Name DER and serial (big-endian, as encoded).</summary>
    public byte[]? IssuerName { get; init; }

    public byte[]? SerialNumber { get; init; }

    /// <summary>SubjectKeyIdentifier form of the signer identifier.</summary>
    public byte[]? SubjectKeyIdentifier { get; init; }

    public required string DigestAlgorithmOid { get; init; }

    public required string SignatureAlgorithmOid { get; init; }

    public byte[]? SignatureAlgorithmParameters { get; init; }

    public byte[]? SignedAttributesDer { get; init; }

    public required IReadOnlyList<CmsAttribute> SignedAttributes { get; init; }

    public required IReadOnlyList<CmsAttribute> UnsignedAttributes { get; init; }

    public required byte[] Signature { get; init; }

    public IEnumerable<byte[]> ValuesOf(string oid, bool signed = true) =>
        (signed ? SignedAttributes : UnsignedAttributes).Where(a => a.Oid == oid).SelectMany(a => a.Values);
}

/// <summary>An attribute with each value's full DER encoding.</summary>
internal sealed record CmsAttribute(string Oid, IReadOnlyList<byte[]> Values);
