namespace SmartOffice.Signing;

/// <summary>
/// Every refusal the validator gives, with a message that names what is involved and tells the sender
/// what to do, in English and Mongolian. Messages are for people; codes are for programs.
/// </summary>
internal static class Refusals
{
    private const string Failed = Indications.TotalFailed;
    private const string Unsure = Indications.Indeterminate;

    public static Refusal TooLarge(long size, long limit) =>
        new(
            CheckNames.Format,
            ValidationCodes.FileTooLarge,
            Failed,
            SubIndications.FormatFailure,
            $"{size} bytes, limit {limit}",
            $"The file is larger than the {limit / (1024 * 1024)} MiB allowed. Reduce the letter (e.g. scan at a "
                + $"lower resolution) and sign it again.",
            $"Файлын хэмжээ зөвшөөрөгдөх {limit / (1024 * 1024)} MiB-аас их байна. Бичгийн хэмжээг багасгаж (жишээ "
                + $"нь бага нягтаршилтай скан хийж) дахин гарын үсэг зурна уу."
        );

    public static Refusal NotPdf(string detail) =>
        new(
            CheckNames.Format,
            ValidationCodes.NotPdf,
            Failed,
            SubIndications.FormatFailure,
            detail,
            $"The file is not a PDF ({detail}). Only PDF letters are accepted: save the letter as PDF and sign it.",
            $"Файл PDF биш байна ({detail}). Зөвхөн PDF албан бичиг хүлээн авна: бичгээ PDF хэлбэрээр хадгалж, "
                + $"гарын үсэг зурна уу."
        );

    public static Refusal Malformed(string detail) =>
        new(
            CheckNames.Format,
            ValidationCodes.PdfMalformed,
            Failed,
            SubIndications.FormatFailure,
            detail,
            $"The PDF is damaged or unreadable ({detail}). Export the letter to PDF again, sign it and send the new "
                + $"file.",
            $"PDF файл гэмтсэн эсвэл уншигдахгүй байна ({detail}). Бичгээ PDF болгон дахин хөрвүүлж, гарын үсэг "
                + $"зураад шинэ файлаа илгээнэ үү."
        );

    public static Refusal Encrypted() =>
        new(
            CheckNames.Format,
            ValidationCodes.PdfEncrypted,
            Failed,
            SubIndications.FormatFailure,
            "the PDF is encrypted",
            "The PDF is password-protected or encrypted. Remove the protection, sign the letter and send it again.",
            "PDF файл нууц үгээр хамгаалагдсан эсвэл шифрлэгдсэн байна. Хамгаалалтыг арилгаж, гарын үсэг зураад "
                + "дахин илгээнэ үү."
        );

    public static Refusal SignatureMissing() =>
        new(
            CheckNames.SignatureCount,
            ValidationCodes.SignatureMissing,
            Failed,
            SubIndications.FormatFailure,
            "no signature dictionary in the file",
            "The letter has no digital signature. Sign it with your organization's e-Token and send it again.",
            "Бичигт тоон гарын үсэг алга. Байгууллагынхаа e-Token-оор гарын үсэг зурж дахин илгээнэ үү."
        );

    public static Refusal SignatureNotShown(int number) =>
        new(
            CheckNames.SignatureCount,
            ValidationCodes.SignatureMissing,
            Failed,
            SubIndications.FormatFailure,
            $"the signature dictionary (object {number}) is not the value of a signature field reachable from the "
                + $"catalog's /AcroForm /Fields",
            "The signature in this file is not attached to a signature field, so PDF readers show the letter as "
                + "unsigned. Sign it again with a signing tool.",
            "Энэ файл дахь гарын үсэг гарын үсгийн талбарт холбогдоогүй тул PDF уншигчид бичгийг гарын үсэггүй гэж "
                + "харуулна. Гарын үсэг зурах хэрэгслээр дахин зурна уу."
        );

    public static Refusal SignatureMultiple(int count, string where) =>
        new(
            CheckNames.SignatureCount,
            ValidationCodes.SignatureMultiple,
            Failed,
            SubIndications.FormatFailure,
            $"{count} signatures: {where}",
            $"The letter carries {count} signatures ({where}); exactly one is allowed. Sign the unsigned final "
                + $"version once.",
            $"Бичигт {count} гарын үсэг байна ({where}); зөвхөн нэг гарын үсэг зөвшөөрнө. Гарын үсэггүй эцсийн "
                + $"хувилбарт нэг удаа гарын үсэг зурна уу."
        );

    public static Refusal NotCovering(string detail) =>
        new(
            CheckNames.ByteRange,
            ValidationCodes.SignatureNotCoveringFile,
            Failed,
            SubIndications.FormatFailure,
            detail,
            $"The signature does not cover the whole file ({detail}). Sign the final version of the letter again.",
            $"Гарын үсэг файлыг бүхэлд нь хамрахгүй байна ({detail}). Бичгийн эцсийн хувилбарт дахин гарын үсэг "
                + $"зурна уу."
        );

    public static Refusal ModifiedAfterSigning(string detail) =>
        new(
            CheckNames.NoChangesAfterSigning,
            ValidationCodes.ModifiedAfterSigning,
            Failed,
            SubIndications.FormatFailure,
            detail,
            $"The file was changed after it was signed ({detail}). Sign the final version again and send that file "
                + $"unchanged.",
            $"Гарын үсэг зурсны дараа файлыг өөрчилсөн байна ({detail}). Эцсийн хувилбарт дахин гарын үсэг зурж, "
                + $"тэр файлыг өөрчлөлгүй илгээнэ үү."
        );

    public static Refusal SignatureInvalid(string subIndication, string detail) =>
        new(
            CheckNames.Cryptographic,
            ValidationCodes.SignatureInvalid,
            Failed,
            subIndication,
            detail,
            $"The signature is not valid: {detail}. The file may have been altered; sign the original letter again.",
            $"Гарын үсэг хүчингүй байна: {detail}. Файл өөрчлөгдсөн байж магадгүй; эх бичигт дахин гарын үсэг зурна уу."
        );

    public static Refusal WeakAlgorithm(string detail) =>
        new(
            CheckNames.Algorithms,
            ValidationCodes.WeakAlgorithm,
            Failed,
            SubIndications.CryptoConstraintsFailure,
            detail,
            $"The signature uses an algorithm that is no longer safe ({detail}). Sign again with SHA-256 or "
                + $"stronger and an RSA 2048+ or ECDSA P-256+ key.",
            $"Гарын үсэгт аюулгүй бус алгоритм ашигласан байна ({detail}). SHA-256 буюу түүнээс хүчтэй алгоритм, "
                + $"RSA 2048+ эсвэл ECDSA P-256+ түлхүүрээр дахин гарын үсэг зурна уу."
        );

    public static Refusal Untrusted(string detail) =>
        new(
            CheckNames.Chain,
            ValidationCodes.CertificateUntrusted,
            Unsure,
            SubIndications.NoCertificateChainFound,
            detail,
            $"The signing certificate is not from a trusted certificate authority ({detail}). Use a certificate "
                + $"issued by a licensed CA.",
            $"Гарын үсгийн гэрчилгээ итгэмжлэгдсэн гэрчилгээжүүлэх төвөөс олгогдоогүй байна ({detail}). Тусгай "
                + $"зөвшөөрөлтэй төвөөс олгосон гэрчилгээ ашиглана уу."
        );

    public static Refusal Usage(string detail) =>
        new(
            CheckNames.Chain,
            ValidationCodes.CertificateUsage,
            Unsure,
            SubIndications.ChainConstraintsFailure,
            detail,
            $"The certificate may not be used for signing documents ({detail}). Use your organization's signing "
                + $"certificate (e-Token).",
            $"Энэ гэрчилгээг баримт бичигт гарын үсэг зурахад ашиглах боломжгүй ({detail}). Байгууллагынхаа гарын "
                + $"үсгийн гэрчилгээг (e-Token) ашиглана уу."
        );

    public static Refusal Expired(string subject, DateTimeOffset notAfter, DateTimeOffset at) =>
        new(
            CheckNames.Validity,
            ValidationCodes.CertificateExpired,
            Unsure,
            SubIndications.OutOfBoundsNoPoe,
            $"\"{subject}\" expired on {notAfter:u}; checked at {at:u}",
            $"The certificate \"{subject}\" expired on {notAfter:yyyy-MM-dd}. Renew it with your certificate "
                + $"authority and sign the letter again.",
            $"\"{subject}\" гэрчилгээний хугацаа {notAfter:yyyy-MM-dd}-нд дууссан байна. Гэрчилгээгээ сунгуулж, "
                + $"бичигт дахин гарын үсэг зурна уу."
        );

    public static Refusal NotYetValid(string subject, DateTimeOffset notBefore, DateTimeOffset at) =>
        new(
            CheckNames.Validity,
            ValidationCodes.CertificateNotYetValid,
            Unsure,
            SubIndications.NotYetValid,
            $"\"{subject}\" is valid from {notBefore:u}; checked at {at:u}",
            $"The certificate \"{subject}\" is not valid before {notBefore:yyyy-MM-dd HH:mm} UTC. Check your "
                + $"computer's clock, or sign again once it is valid.",
            $"\"{subject}\" гэрчилгээ {notBefore:yyyy-MM-dd HH:mm} UTC-ээс өмнө хүчингүй. Компьютерийн цагаа шалгах "
                + $"эсвэл гэрчилгээ хүчин төгөлдөр болсны дараа дахин гарын үсэг зурна уу."
        );

    public static Refusal Revoked(string detail) =>
        new(
            CheckNames.Revocation,
            ValidationCodes.CertificateRevoked,
            Failed,
            SubIndications.Revoked,
            detail,
            $"The signing certificate has been revoked ({detail}). Get a new certificate from your certificate "
                + $"authority and sign again.",
            $"Гарын үсгийн гэрчилгээг хүчингүй болгосон байна ({detail}). Гэрчилгээжүүлэх төвөөс шинэ гэрчилгээ авч "
                + $"дахин гарын үсэг зурна уу."
        );

    public static Refusal RevocationUnknown(string detail) =>
        new(
            CheckNames.Revocation,
            ValidationCodes.RevocationUnknown,
            Unsure,
            SubIndications.TryLater,
            detail,
            $"Whether the certificate is revoked cannot be confirmed ({detail}). Try again later; if it persists, "
                + $"tell the service administrator.",
            $"Гэрчилгээ хүчингүй болсон эсэхийг баталгаажуулж чадсангүй ({detail}). Дараа дахин оролдоно уу; "
                + $"давтагдвал үйлчилгээний админд мэдэгдэнэ үү."
        );

    public static Refusal ActiveContent(string detail) =>
        new(
            CheckNames.ActiveContent,
            ValidationCodes.ActiveContent,
            Failed,
            SubIndications.PolicyProcessingError,
            detail,
            $"The PDF contains active content ({detail}), which official letters may not carry. Save it as a plain "
                + $"PDF (e.g. print to PDF), sign and send again.",
            $"PDF файлд идэвхтэй агуулга байна ({detail}); албан бичигт ийм агуулга оруулахыг хориглоно. Энгийн PDF "
                + $"болгон хадгалж (жишээ нь PDF руу хэвлэж), гарын үсэг зураад дахин илгээнэ үү."
        );

    public static Refusal OrganizationMissing(string detail) =>
        new(
            CheckNames.Organization,
            ValidationCodes.SignerOrgMissing,
            Failed,
            SubIndications.PolicyProcessingError,
            detail,
            $"The signing certificate does not name an organization ({detail}). Sign with your organization's "
                + $"certificate, not a personal one.",
            $"Гарын үсгийн гэрчилгээнд байгууллагын регистрийн дугаар алга ({detail}). Хувь хүний биш, "
                + $"байгууллагынхаа гэрчилгээгээр гарын үсэг зурна уу."
        );

    public static Refusal OrganizationMismatch(string? actual, string expected) =>
        new(
            CheckNames.Organization,
            ValidationCodes.SignerOrgMismatch,
            Failed,
            SubIndications.PolicyProcessingError,
            $"signed for registry number {actual}, sent by {expected}",
            $"The letter is signed with the certificate of organization {actual}, but it is sent by {expected}. "
                + $"Sign it with your own organization's certificate.",
            $"Бичигт {actual} регистрийн дугаартай байгууллагын гэрчилгээгээр гарын үсэг зурсан боловч {expected} "
                + $"илгээж байна. Өөрийн байгууллагын гэрчилгээгээр гарын үсэг зурна уу."
        );
}
