namespace SmartOffice.Exchange.Receipts;

/// <summary>
/// The receipt's words, Mongolian first with English under it: the names of steps and states as the workspace says
/// them, so a printed receipt and the screen agree.
/// </summary>
internal static class ReceiptWords
{
    private static readonly Dictionary<string, (string Mn, string En)> s_events = new(StringComparer.Ordinal)
    {
        ["SubmissionAcceptance"] = ("Илгээлтийг хүлээн авсан", "Submission accepted"),
        ["SubmissionRejection"] = ("Илгээлтийг татгалзсан", "Submission refused"),
        ["ContentConsignment"] = ("Хүлээн авагчид хүргэсэн", "Delivered to the recipient"),
        ["ContentConsignmentFailure"] = ("Хүргэж чадаагүй", "Could not be delivered"),
        ["ContentAccessTracking"] = ("Хүлээн авагч нээж үзсэн", "Opened by the recipient"),
        ["Registration"] = ("Бүртгэсэн", "Registered"),
        ["Assignment"] = ("Хариуцагчид шилжүүлсэн", "Assigned"),
        ["Answer"] = ("Хариу өгсөн", "Answered"),
        ["Closure"] = ("Хаасан", "Closed"),
        ["Forwarding"] = ("Өөр байгууллагад шилжүүлсэн", "Forwarded to another agency"),
    };

    private static readonly Dictionary<string, (string Mn, string En)> s_states = new(StringComparer.Ordinal)
    {
        ["Queued"] = ("Хүргэлтийн дараалалд", "Queued for delivery"),
        ["Delivered"] = ("Хүргэгдсэн, нээгээгүй", "Delivered, not opened yet"),
        ["Opened"] = ("Нээсэн", "Opened"),
        ["Registered"] = ("Бүртгэсэн", "Registered"),
        ["Assigned"] = ("Шийдвэрлэж буй", "In progress"),
        ["Answered"] = ("Хариу өгсөн", "Answered"),
        ["Closed"] = ("Хаасан", "Closed"),
        ["NotDelivered"] = ("Хүргэгдээгүй", "Not delivered"),
        ["Forwarded"] = ("Өөр байгууллагад шилжүүлсэн", "Forwarded to another agency"),
    };

    private static readonly Dictionary<string, (string Mn, string En)> s_details = new(StringComparer.Ordinal)
    {
        ["incomingNumber"] = ("Ирсэн бичгийн дугаар", "Incoming number"),
        ["dueDate"] = ("Шийдвэрлэх хугацаа", "Due date"),
        ["replyLetterId"] = ("Хариу бичиг", "Reply letter"),
        ["reason"] = ("Шалтгаан", "Reason"),
        ["from"] = ("Шилжүүлсэн байгууллага", "Forwarded by"),
        ["to"] = ("Шилжүүлж авсан байгууллага", "Forwarded to"),
    };

    public static (string Mn, string En) Event(string name) => s_events.GetValueOrDefault(name, (name, name));

    public static (string Mn, string En) State(string name) => s_states.GetValueOrDefault(name, (name, name));

    public static (string Mn, string En) Detail(string key) => s_details.GetValueOrDefault(key, (key, key));

    public static (string Mn, string En) DocumentRole(string role) =>
        role switch
        {
            ReceiptDocumentRoles.Letter => ("Албан бичиг (PDF)", "Letter (PDF)"),
            ReceiptDocumentRoles.Attachment => ("Хавсралт (PDF)", "Attachment (PDF)"),
            _ => (role, role),
        };

    public const string TitleMn = "ХҮРГЭЛТИЙН БАРИМТ";
    public const string TitleEn = "Delivery receipt";

    public const string IntroMn =
        "SmartOffice үйлчилгээ доорх албан бичгийг илгээгчээс хүлээн авч хүлээн авагчид хүргэсэн алхам бүрийг "
        + "өөрийн битүүмжилсэн нотолгоонд үндэслэн энэхүү баримтаар баталгаажуулж байна.";

    public const string IntroEn =
        "SmartOffice certifies, from its own sealed evidence, each step of the letter below from its sender to its "
        + "recipient.";

    public const string CheckMn =
        "Энэ баримтад SmartOffice-ийн тамга (PAdES тоон гарын үсэг) дарсан: аль ч PDF уншигч гарын үсгийг харуулж "
        + "шалгана, файлын нэг ч байт өөрчлөгдвөл гарын үсэг хүчингүй болно. SmartOffice-ийн «Шалгах» (/verify) "
        + "хуудсанд оруулбал тамга хүчинтэй эсэх, баримт манай бүртгэлтэй тохирох эсэхийг хэлнэ. Баримтад бичсэн "
        + "мэдээлэл файлын дотор JSON хэлбэрээр (SmartOfficeReceipt) мөн хадгалагдсан. Алхам бүрийн нотолгоог "
        + "бичгийн хуудаснаас татаж, тус тусад нь шалгаж болно.";

    public const string CheckEn =
        "This receipt carries SmartOffice's seal (a PAdES digital signature): any PDF reader shows and checks it, and "
        + "changing a single byte of the file breaks it. SmartOffice's Verify page (/verify) says whether the seal "
        + "holds and whether the receipt agrees with our records. The facts printed here are also inside the file as "
        + "JSON (SmartOfficeReceipt). The sealed evidence of each step can be downloaded from the letter's page and "
        + "checked on its own.";
}
