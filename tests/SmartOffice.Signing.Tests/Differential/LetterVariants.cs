using System.Globalization;
using System.Text;
using SmartOffice.Signing.Tests.Validation.Corpus;

namespace SmartOffice.Signing.Tests.Differential;

internal enum JavaScriptPlace
{
    None,
    OpenAction,
    NamesTree,
    NamesTreeKids,
    PageAdditional,
    AnnotationAction,
    FieldAdditional,

    /// <summary>An annotation's action whose /S is a reference to the name object /JavaScript.</summary>
    IndirectActionType,

    /// <summary>/JS as a (filtered) stream, in the document's names tree.</summary>
    StreamScript,

    /// <summary>A page-open GoTo action whose /Next is the script.</summary>
    NextChain,
}

internal enum SignatureShape
{
    Unsigned,
    One,
    Orphaned,
    TwoInFields,
    SecondOrphaned,

    /// <summary>A second /Sig in a field, packed in an object stream.</summary>
    SecondPacked,

    /// <summary>Signed in a later revision, as a second signer would.</summary>
    SecondInUpdate,
}

internal enum EncryptPlace
{
    None,
    Newest,

    /// <summary>In the first revision's trailer only: readers read the newest trailer and see no encryption.</summary>
    Older,

    /// <summary>A security handler nobody implements: readers cannot open the file.</summary>
    Unsupported,
}

/// <summary>
/// What the generator put in a variant: the ground truth both SmartOffice and the readers are held to.
/// </summary>
internal sealed record Planted(
    int Signatures,
    int Shown,
    JavaScriptPlace JavaScript,
    string? Action,
    EncryptPlace Encrypt,
    int Revisions,
    bool Hostile
);

internal sealed record LetterVariant(string Name, byte[] File, Planted Planted);

/// <summary>
/// Generates signed (and a few unsigned) letters that differ in structure, not in meaning: the same letter
/// written with cross-reference tables or streams, object streams, filter chains, comments, several
/// revisions, and with JavaScript, other dangerous actions, extra signatures or encryption placed in each
/// spot a reader looks. Deterministic for a seed, so a failing variant can be made again by its name.
/// </summary>
internal static class LetterVariants
{
    private static readonly string[] Actions =
    [
        "<< /S /Launch /F (calc.exe) >>",
        "<< /S /SubmitForm /F << /FS /URL /F (https://example.com/collect) >> /Flags 4 >>",
        "<< /S /ImportData /F (answers.fdf) >>",
        "<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>",
    ];

    public static IEnumerable<LetterVariant> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var places = Enum.GetValues<JavaScriptPlace>();
        var shapes = Enum.GetValues<SignatureShape>();
        for (var i = 0; i < count; i++)
        {
            // Cycling the main dimensions (with co-prime periods) covers every place with every shape.
            var javaScript = i % 3 == 0 ? places[1 + (i / 3 % (places.Length - 1))] : JavaScriptPlace.None;
            var shape = i % 4 == 1 ? shapes[i / 4 % shapes.Length] : SignatureShape.One;
            yield return Make(i, random, javaScript, shape);
        }
    }

    private static LetterVariant Make(int index, Random random, JavaScriptPlace javaScript, SignatureShape shape)
    {
        var fromCorpus = random.Next(4) == 0;
        var revisions = random.Next(3) == 0 ? 2 + random.Next(2) : 1;
        if (fromCorpus || shape == SignatureShape.SecondInUpdate)
        {
            revisions = Math.Max(revisions, 2);
        }

        var encrypt = random.Next(10) switch
        {
            0 => EncryptPlace.Newest,
            1 when revisions > 1 => EncryptPlace.Older,
            2 when index % 2 == 0 => EncryptPlace.Unsupported,
            _ => EncryptPlace.None,
        };
        var hostile = !fromCorpus && random.Next(15) == 0;
        var action = random.Next(6) == 0 ? Actions[random.Next(Actions.Length)] : null;
        var scriptInUpdate = revisions > 1 && random.Next(2) == 0;
        var name = new StringBuilder(
            string.Create(CultureInfo.InvariantCulture, $"{index:D3}-{(fromCorpus ? "corpus" : "hand")}-r{revisions}")
        );

        var draft = fromCorpus ? CorpusDraft(random, shape) : HandDraft(random);
        int signatures = 0,
            shown = 0;
        var firstWritten = fromCorpus ? 2 : 1;

        for (var revision = 1; revision <= revisions; revision++)
        {
            var first = revision == 1;
            if (fromCorpus && first)
            {
                continue;
            }

            var layout = Layout(random, encrypt != EncryptPlace.None);
            name.Append(CultureInfo.InvariantCulture, $"-[{layout.Xref}")
                .Append(layout.ObjectStream == ObjectStreamKind.None ? "" : $"+{layout.ObjectStream}:{layout.Filter}")
                .Append(layout.Comments ? "+comments" : "")
                .Append(']');
            if (revision == firstWritten)
            {
                (signatures, shown) = PlaceSignatures(draft, shape, layout.ObjectStream != ObjectStreamKind.None);
            }

            if (first)
            {
                if (hostile)
                {
                    PlaceHiddenHeader(draft, random, name);
                }
            }

            if (javaScript != JavaScriptPlace.None && revision == (scriptInUpdate ? revisions : firstWritten))
            {
                PlaceJavaScript(draft, javaScript, random);
            }

            if (action is not null && revision == revisions)
            {
                var link = draft.New(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"<< /Type /Annot /Subtype /Link /Rect [72 650 200 670] /Border [0 0 0] /A "
                            + $"{draft.New(action)} 0 R >>"
                    )
                );
                draft.AddToArray(draft.Page, "Annots", link);
            }

            if (!first && revision == revisions && shape == SignatureShape.SecondInUpdate)
            {
                draft.AddField(draft.NewSignatureField(draft.NewSignature()));
                signatures++;
                shown++;
            }

            if (!first && draft.Dirty.Count == 0)
            {
                // An update that only adds a note still makes a revision readers must chain through.
                draft.New(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (revision {revision}) >>"
                    )
                );
            }

            var trailer = first && !fromCorpus ? "/Info 6 0 R " : "";
            if ((encrypt == EncryptPlace.Newest && revision == revisions) || (encrypt == EncryptPlace.Older && first))
            {
                trailer += string.Create(
                    CultureInfo.InvariantCulture,
                    $"/Encrypt {draft.New(StandardSecurity.Dictionary())} 0 R /ID [<{StandardSecurity.FileId}> "
                        + $"<{StandardSecurity.FileId}>] "
                );
                draft.TopLevelOnly.Add(draft.Next - 1);
            }
            else if (encrypt == EncryptPlace.Unsupported && revision == revisions)
            {
                trailer += "/Encrypt << /Filter /NoSuchHandler /V 1 /R 2 /Length 40 >> ";
            }

            draft.Commit(
                new VariantPdf
                {
                    CrossReference = layout.Xref,
                    ObjectStream = layout.ObjectStream,
                    ObjectStreamFilter = layout.Filter,
                    Comments = layout.Comments,
                    Root = draft.Root,
                    TrailerExtra = trailer,
                },
                random
            );
        }

        name.Append(CultureInfo.InvariantCulture, $"-sig:{shape}-js:{javaScript}{(scriptInUpdate ? "@update" : "")}");
        if (action is not null)
        {
            name.Append("-action:").Append(action.AsSpan(7, action.IndexOf(' ', 7) - 7));
        }

        if (encrypt != EncryptPlace.None)
        {
            name.Append("-encrypt:").Append(encrypt);
        }

        var written = draft.File!.AsSpan().Count("%%EOF"u8);
        return new LetterVariant(
            name.ToString(),
            draft.File!,
            new Planted(signatures, shown, javaScript, action, encrypt, written, hostile)
        );
    }

    private sealed record RevisionLayout(
        CrossReferenceKind Xref,
        ObjectStreamKind ObjectStream,
        StreamFilter Filter,
        bool Comments
    );

    // Encrypted files keep strings and streams as written, which readers then decrypt to noise: an object
    // stream would become unreadable, so encrypted variants have none.
    private static RevisionLayout Layout(Random random, bool encrypted)
    {
        var xref = (CrossReferenceKind)random.Next(3);
        var objectStream =
            xref == CrossReferenceKind.Table || encrypted ? ObjectStreamKind.None : (ObjectStreamKind)random.Next(3);
        var filters = Enum.GetValues<StreamFilter>();
        return new RevisionLayout(
            xref,
            objectStream,
            filters[1 + random.Next(filters.Length - 1)],
            random.Next(3) == 0
        );
    }

    /// <summary>A one-page letter in objects 1–6; the content stream's filter chain varies.</summary>
    private static LetterDraft HandDraft(Random random)
    {
        var draft = new LetterDraft(null, 1, 1, 3);
        draft.New("<< /Type /Catalog /Pages 2 0 R >>");
        draft.New("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        draft.New(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R "
                + ">> >> >>"
        );
        var text =
            "BT /F1 12 Tf 72 770 Td (Building permit request, letter 2026/117) Tj 0 -16 Td (Signed by the sender.) "
            + "Tj ET\n";
        draft.NewStream("<< >>", Encoding.ASCII.GetBytes(text), (StreamFilter)random.Next(7));
        draft.New("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        draft.New("<< /Title (Letter) /Producer (SmartOffice differential test) >>");
        return draft;
    }

    /// <summary>
    /// The PDFsharp letter, signed by PdfSigner or (for a second kind of first revision) by RawSigner in an update.
    /// </summary>
    private static LetterDraft CorpusDraft(Random random, SignatureShape shape)
    {
        var file = random.Next(3) switch
        {
            0 when shape == SignatureShape.One => RawSigner.AppendSignature(
                TestCorpus.UnsignedLetter,
                TestCorpus.Pki.CompanyA.Certificate,
                TestCorpus.Pki.CompanyA.Chain,
                contentsBytes: 4000
            ),
            1 when shape == SignatureShape.Unsigned => TestCorpus.UnsignedLetter,
            _ => TestCorpus.SignedByCompanyA,
        };
        return new LetterDraft(
            file,
            IncrementalUpdate.NextObjectNumber(file),
            IncrementalUpdate.Root(file).Number,
            IncrementalUpdate.FirstPage(file)
        );
    }

    private static (int Signatures, int Shown) PlaceSignatures(
        LetterDraft draft,
        SignatureShape shape,
        bool hasObjectStream
    )
    {
        if (draft.File is not null)
        {
            // A corpus letter arrives signed (or not); its extra signatures come in the update.
            var existing =
                draft.File.AsSpan().IndexOf("/Type/Sig"u8) >= 0 || draft.File.AsSpan().IndexOf("/Type /Sig"u8) >= 0
                    ? 1
                    : 0;
            return shape switch
            {
                SignatureShape.Orphaned or SignatureShape.SecondOrphaned => (existing + Orphan(draft), existing),
                SignatureShape.TwoInFields or SignatureShape.SecondPacked => (existing + InField(draft), existing + 1),
                _ => (existing, existing),
            };
        }

        return shape switch
        {
            SignatureShape.Unsigned => (0, 0),
            SignatureShape.Orphaned => (Orphan(draft), 0),
            SignatureShape.TwoInFields => (InField(draft) + InField(draft), 2),
            SignatureShape.SecondOrphaned => (InField(draft) + Orphan(draft), 1),
            SignatureShape.SecondPacked => (InField(draft) + Packed(draft, hasObjectStream), 2),
            _ => (InField(draft), 1),
        };
    }

    private static int InField(LetterDraft draft)
    {
        draft.AddField(draft.NewSignatureField(draft.NewSignature()));
        return 1;
    }

    private static int Orphan(LetterDraft draft)
    {
        draft.NewSignature();
        return 1;
    }

    // Where the revision has no object stream the dictionary stays at the top level, with a value no one can verify.
    private static int Packed(LetterDraft draft, bool hasObjectStream)
    {
        var signature = draft.New(
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30] /Contents "
                + "<30820001> >>"
        );
        if (hasObjectStream)
        {
            draft.MustPack.Add(signature);
        }

        draft.AddField(draft.NewSignatureField(signature));
        return 1;
    }

    private static void PlaceJavaScript(LetterDraft draft, JavaScriptPlace place, Random random)
    {
        int Action() => draft.New($"<< /S /JavaScript /JS {LetterDraft.Script} >>");
        string Ref(int number) => string.Create(CultureInfo.InvariantCulture, $"{number} 0 R");
        int Link(int action) =>
            draft.New($"<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /Border [0 0 0] /A {Ref(action)} >>");
        switch (place)
        {
            case JavaScriptPlace.OpenAction:
                draft.AddEntry(draft.Root, $"/OpenAction {Ref(Action())}");
                break;
            case JavaScriptPlace.NamesTree:
                draft.AddEntry(draft.Root, $"/Names << /JavaScript << /Names [(greeting) {Ref(Action())}] >> >>");
                break;
            case JavaScriptPlace.NamesTreeKids:
                var leaf = draft.New($"<< /Limits [(a) (z)] /Names [(greeting) {Ref(Action())}] >>");
                draft.AddEntry(draft.Root, $"/Names << /JavaScript << /Kids [{Ref(leaf)}] >> >>");
                break;
            case JavaScriptPlace.PageAdditional:
                draft.AddEntry(draft.Page, $"/AA << /O {Ref(Action())} >>");
                break;
            case JavaScriptPlace.AnnotationAction:
                draft.AddToArray(draft.Page, "Annots", Link(Action()));
                break;
            case JavaScriptPlace.FieldAdditional:
                draft.AddField(
                    draft.New(
                        $"<< /FT /Tx /T (remark) /Type /Annot /Subtype /Widget /Rect [72 600 300 620] /P "
                            + $"{Ref(draft.Page)} /AA << /K {Ref(Action())} >> >>"
                    )
                );
                break;
            case JavaScriptPlace.IndirectActionType:
                var type = draft.New("/JavaScript");
                draft.AddToArray(
                    draft.Page,
                    "Annots",
                    Link(draft.New($"<< /S {Ref(type)} /JS {LetterDraft.Script} >>"))
                );
                break;
            case JavaScriptPlace.StreamScript:
                var filters = Enum.GetValues<StreamFilter>();
                var script = draft.NewStream(
                    "<< >>",
                    "app.alert('differential');\n"u8.ToArray(),
                    filters[random.Next(filters.Length)]
                );
                draft.AddEntry(
                    draft.Root,
                    $"/Names << /JavaScript << /Names [(greeting) "
                        + $"{Ref(draft.New($"<< /S /JavaScript /JS {Ref(script)} >>"))}] >> >>"
                );
                break;
            case JavaScriptPlace.NextChain:
                var goTo = draft.New($"<< /S /GoTo /D [{Ref(draft.Page)} /Fit] /Next {Ref(Action())} >>");
                draft.AddEntry(draft.Page, $"/AA << /O {Ref(goTo)} >>");
                break;
        }
    }

    // Text shaped like an object header where a reader that rebuilds a broken file would find it: SmartOffice
    // refuses such files by design (readers open them), so the variant only checks that it is refused.
    private static void PlaceHiddenHeader(LetterDraft draft, Random random, StringBuilder name)
    {
        if (random.Next(2) == 0)
        {
            draft.Set(6, "<< /Title (Letter) % 99 0 obj << /JS (x) >>\n>>");
            draft.TopLevelOnly.Add(6);
            name.Append("-header-in-comment");
        }
        else
        {
            draft.NewStream("<< >>", "99 0 obj\n<< /S /JavaScript /JS (x) >>\nendobj\n"u8.ToArray(), StreamFilter.None);
            name.Append("-header-in-stream");
        }
    }
}
