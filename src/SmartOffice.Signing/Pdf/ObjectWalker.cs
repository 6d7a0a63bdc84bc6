using System.Globalization;

namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Visits every dictionary in every object (nested ones too) to find signature dictionaries and active
/// content. Values the checks depend on (/Type, /S, /Subtype) are resolved when indirect; the walk itself
/// does not follow references (every object is visited anyway), so it cannot loop.
/// </summary>
internal sealed class ObjectWalker(PdfObjectTable table)
{
    private const int MaxActiveContentEntries = 20;
    private const int MaxActionChain = 64;
    private static readonly HashSet<string> DangerousActions =
    [
        "JavaScript",
        "Launch",
        "ImportData",
        "SubmitForm",
        "GoToR",
        "GoToE",
        "Rendition",
    ];

    // Actions that act when the document or a page opens, without the reader clicking anything.
    private static readonly HashSet<string> SelfFiringKeys = ["OpenAction", "AA"];
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
                    if (SelfFiringKeys.Contains(entry.Key))
                    {
                        InspectSelfFiring(entry.Key, entry.Value, owner);
                    }

                    Visit(entry.Value, owner);
                }

                break;
        }
    }

    private void Inspect(PdfDictionary dictionary, PdfIndirectObject owner, bool isStreamDictionary)
    {
        var type = table.NameOf(dictionary, "Type");
        var isSignature =
            type is "Sig" or "DocTimeStamp"
            || (dictionary.ContainsKey("ByteRange") && dictionary.ContainsKey("Contents") && !isStreamDictionary);
        if (isSignature && type is not ("XRef" or "ObjStm"))
        {
            Signatures.Add(Describe(dictionary, owner, type));
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"object {owner.Number} {owner.Generation}");
        if (dictionary.ContainsKey("JS") || dictionary.ContainsKey("JavaScript"))
        {
            Flag($"JavaScript in {where}");
        }

        if (table.NameOf(dictionary, "S") is { } action && DangerousActions.Contains(action))
        {
            Flag($"{action} action in {where}");
        }

        if (
            type == "EmbeddedFile"
            || dictionary.ContainsKey("EmbeddedFiles")
            || (type == "Filespec" && dictionary.ContainsKey("EF"))
            || dictionary.ContainsKey("EF")
        )
        {
            Flag($"embedded file in {where}");
        }

        var subtype = table.NameOf(dictionary, "Subtype");
        if (subtype == "RichMedia" || dictionary.ContainsKey("RichMediaContent"))
        {
            Flag($"RichMedia in {where}");
        }

        if (dictionary.ContainsKey("OnInstantiate") || subtype == "3D" || dictionary.ContainsKey("3DD"))
        {
            Flag($"3D content (which can run scripts) in {where}");
        }

        if (dictionary.ContainsKey("XFA"))
        {
            Flag($"XFA form in {where}");
        }
    }

    // /OpenAction is one action (or a destination, which is harmless); /AA maps triggers to actions. A URI
    // action that fires there opens a web address without the reader asking for it.
    private void InspectSelfFiring(string key, PdfValue value, PdfIndirectObject owner)
    {
        var actions = new List<PdfValue>();
        if (key == "AA")
        {
            if (table.Resolve(value) is PdfDictionary triggers)
            {
                actions.AddRange(triggers.Entries.Select(e => e.Value));
            }
        }
        else
        {
            actions.Add(value);
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < actions.Count && i < MaxActionChain; i++)
        {
            if (actions[i] is PdfReference reference && !seen.Add(reference.Number))
            {
                continue;
            }

            if (table.Resolve(actions[i]) is not PdfDictionary action)
            {
                continue;
            }

            if (table.NameOf(action, "S") is "URI")
            {
                Flag(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"URI action that opens by itself (/{key}) in object {owner.Number} {owner.Generation}"
                    )
                );
            }

            switch (table.Resolve(action["Next"]))
            {
                case PdfArray next:
                    actions.AddRange(next.Items);
                    break;
                case PdfDictionary:
                    actions.Add(action["Next"]!);
                    break;
            }
        }
    }

    private void Flag(string description)
    {
        if (ActiveContent.Count < MaxActiveContentEntries && _activeContent.Add(description))
        {
            ActiveContent.Add(description);
        }
    }

    private PdfSignatureDictionary Describe(PdfDictionary dictionary, PdfIndirectObject owner, string? type)
    {
        var contents = dictionary["Contents"] as PdfString;
        var isDirectHex = contents is { IsHex: true } && !owner.IsInObjectStream;
        List<long>? byteRange = null;
        if (
            table.Resolve(dictionary["ByteRange"]) is PdfArray array
            && array.Items.Count >= 1
            && array.Items.All(i => i is PdfNumber { IsInteger: true })
        )
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
            Filter = table.NameOf(dictionary, "Filter"),
            SubFilter = table.NameOf(dictionary, "SubFilter"),
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
