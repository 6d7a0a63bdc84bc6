using System.Globalization;

namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Visits every dictionary in every object (nested ones too) to find signature dictionaries and active
/// content. Values are trees (references are not followed), so the walk cannot loop.
/// </summary>
internal sealed class ObjectWalker
{
    private const int MaxActiveContentEntries = 20;
    private static readonly HashSet<string> DangerousActions = ["JavaScript", "Launch", "ImportData", "SubmitForm", "GoToR", "GoToE", "Rendition"];
    private readonly HashSet<string> _activeContent = [];

    public List<PdfSignatureDictionary> Signatures { get; } = [];

    public List<string> ActiveContent { get; } = [];

    public void Walk(List<PdfIndirectObject> objects)
    {
        foreach (var indirect in objects)
        {
            Visit(indirect.Value, indirect, isStreamDictionary: indirect.StreamStart >= 0);
        }
    }

    private void Visit(PdfValue value, PdfIndirectObject owner, bool isStreamDictionary = false)
    {
        switch (value)
        {
            case PdfArray array:
                foreach (var item in array.Items)
                {
                    Visit(item, owner);
                }

                break;
            case PdfDictionary dictionary:
                Inspect(dictionary, owner, isStreamDictionary);
                foreach (var entry in dictionary.Entries)
                {
                    Visit(entry.Value, owner);
                }

                break;
        }
    }

    private void Inspect(PdfDictionary dictionary, PdfIndirectObject owner, bool isStreamDictionary)
    {
        var type = dictionary.NameOf("Type");
        var isSignature = type is "Sig" or "DocTimeStamp" || (dictionary.ContainsKey("ByteRange") && dictionary.ContainsKey("Contents") && !isStreamDictionary);
        if (isSignature && type is not ("XRef" or "ObjStm"))
        {
            Signatures.Add(Describe(dictionary, owner, type));
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"object {owner.Number} {owner.Generation}");
        if (dictionary.ContainsKey("JS") || dictionary.ContainsKey("JavaScript"))
        {
            Flag($"JavaScript in {where}");
        }

        if (dictionary.NameOf("S") is { } action && DangerousActions.Contains(action))
        {
            Flag($"{action} action in {where}");
        }

        if (type == "EmbeddedFile" || dictionary.ContainsKey("EmbeddedFiles") || (type == "Filespec" && dictionary.ContainsKey("EF")) || dictionary.ContainsKey("EF"))
        {
            Flag($"embedded file in {where}");
        }

        if (dictionary.NameOf("Subtype") == "RichMedia" || dictionary.ContainsKey("RichMediaContent"))
        {
            Flag($"RichMedia in {where}");
        }

        if (dictionary.ContainsKey("XFA"))
        {
            Flag($"XFA form in {where}");
        }
    }

    private void Flag(string description)
    {
        if (ActiveContent.Count < MaxActiveContentEntries && _activeContent.Add(description))
        {
            ActiveContent.Add(description);
        }
    }

    private static PdfSignatureDictionary Describe(PdfDictionary dictionary, PdfIndirectObject owner, string? type)
    {
        var contents = dictionary["Contents"] as PdfString;
        var isDirectHex = contents is { IsHex: true } && !owner.IsInObjectStream;
        List<long>? byteRange = null;
        if (dictionary["ByteRange"] is PdfArray array && array.Items.Count >= 1 && array.Items.All(i => i is PdfNumber { IsInteger: true }))
        {
            byteRange = [.. array.Items.Cast<PdfNumber>().Select(n => (long)n.Value)];
        }

        return new PdfSignatureDictionary
        {
            ObjectNumber = owner.Number,
            Generation = owner.Generation,
            ObjectOffset = owner.Offset,
            IsInObjectStream = owner.IsInObjectStream,
            Type = type,
            Filter = dictionary.NameOf("Filter"),
            SubFilter = dictionary.NameOf("SubFilter"),
            ByteRange = byteRange,
            Contents = contents?.Bytes,
            ContentsStart = isDirectHex ? contents!.Start : null,
            ContentsEnd = isDirectHex ? contents!.End : null,
            SigningTime = (dictionary["M"] as PdfString)?.Text,
            Name = (dictionary["Name"] as PdfString)?.Text,
            Reason = (dictionary["Reason"] as PdfString)?.Text,
            HasDuplicateKeys = dictionary.HasDuplicateKeys,
        };
    }
}
