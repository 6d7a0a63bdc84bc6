using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Security;

namespace SmartOffice.Signing.Tests.Validation.Corpus;

/// <summary>CMS signatures .NET's SignedCms will not write (it always adds the content-type attribute).</summary>
internal static class BouncyCms
{
    public static byte[] SignWithoutContentType(byte[] content, X509Certificate2 certificate)
    {
        var key = DotNetUtilities.GetRsaKeyPair(certificate.GetRSAPrivateKey()!).Private;
        var bcCertificate = DotNetUtilities.FromX509Certificate(certificate);
        var attributes = new Asn1EncodableVector
        {
            new Org.BouncyCastle.Asn1.Cms.Attribute(
                CmsAttributes.MessageDigest,
                new DerSet(new DerOctetString(SHA256.HashData(content)))
            ),
        };
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(
            new SignerInfoGeneratorBuilder()
                .WithSignedAttributeGenerator(new SimpleAttributeTableGenerator(new AttributeTable(attributes)))
                .Build(new Asn1SignatureFactory("SHA256WITHRSA", key), bcCertificate)
        );
        generator.AddCertificate(bcCertificate);
        return generator.Generate(new CmsProcessableByteArray(content), false).GetEncoded();
    }
}
