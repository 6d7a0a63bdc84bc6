namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Finds the signatures a viewer shows: values (/V) of signature fields reachable from the catalog's
/// /AcroForm /Fields, through /Kids, with /FT inherited from the parent field as ISO 32000-2 §12.7.4 says.
/// </summary>
internal static class SignatureFields
{
    private const int MaxFields = 10_000;
    private const int MaxDepth = 32;

    /// <summary>
    /// Object numbers of the signature dictionaries (or, for a /V written inline, of the field holding it), once per
    /// field that shows it: a signature two fields show is two signatures in a viewer.
    /// </summary>
    public static List<int> Shown(PdfObjectTable table, PdfDictionary? catalog)
    {
        var shown = new List<int>();
        if (
            catalog is null
            || table.Resolve(catalog["AcroForm"]) is not PdfDictionary form
            || table.Resolve(form["Fields"]) is not PdfArray fields
        )
        {
            return shown;
        }

        var visited = new HashSet<int>();
        var count = 0;
        foreach (var field in fields.Items)
        {
            Visit(field, null, -1, 0);
        }

        return shown;

        void Visit(PdfValue item, string? inheritedType, int owner, int depth)
        {
            if (depth > MaxDepth || ++count > MaxFields)
            {
                return;
            }

            if (item is PdfReference reference)
            {
                if (!visited.Add(reference.Number))
                {
                    return;
                }

                owner = reference.Number;
            }

            if (table.Resolve(item) is not PdfDictionary field)
            {
                return;
            }

            var type = table.NameOf(field, "FT") ?? inheritedType;
            if (type == "Sig")
            {
                switch (field["V"])
                {
                    case PdfReference value:
                        shown.Add(value.Number);
                        break;
                    case PdfDictionary when owner >= 0:
                        shown.Add(owner);
                        break;
                }
            }

            if (table.Resolve(field["Kids"]) is PdfArray kids)
            {
                foreach (var kid in kids.Items)
                {
                    Visit(kid, type, owner, depth + 1);
                }
            }
        }
    }
}
