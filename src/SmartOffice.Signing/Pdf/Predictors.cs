namespace SmartOffice.Signing.Pdf;

/// <summary>
/// Undoes the PNG (10–15) and TIFF (2) predictors of FlateDecode (ISO 32000-2 §7.4.4.4): cross-reference
/// streams are almost always written with the PNG Up predictor.
/// </summary>
internal static class Predictors
{
    public static byte[] Apply(
        byte[] data,
        PdfDictionary? parameters,
        string filter,
        int number,
        Func<PdfValue?, PdfValue?> resolve
    )
    {
        if (parameters is null)
        {
            return data;
        }

        var predictor = Integer(parameters, "Predictor", 1, resolve);
        if (predictor == 1)
        {
            return data;
        }

        if (filter is not ("FlateDecode" or "Fl" or "LZWDecode" or "LZW"))
        {
            return data;
        }

        var colors = Integer(parameters, "Colors", 1, resolve);
        var bits = Integer(parameters, "BitsPerComponent", 8, resolve);
        var columns = Integer(parameters, "Columns", 1, resolve);
        if (colors is < 1 or > 32 || bits is not (1 or 2 or 4 or 8 or 16) || columns is < 1 or > 1 << 20)
        {
            throw new PdfSyntaxException($"the predictor parameters of object {number} are out of range");
        }

        var bytesPerPixel = (int)Math.Max(1, ((colors * bits) + 7) / 8);
        var rowLength = (int)((((long)colors * bits * columns) + 7) / 8);
        return predictor switch
        {
            2 when bits == 8 => Tiff(data, rowLength, bytesPerPixel),
            >= 10 and <= 15 => Png(data, rowLength, bytesPerPixel, number),
            _ => throw new PdfSyntaxException(
                $"object {number} uses predictor {predictor}, which the validator does not decode"
            ),
        };
    }

    private static long Integer(
        PdfDictionary parameters,
        string key,
        long fallback,
        Func<PdfValue?, PdfValue?> resolve
    ) =>
        resolve(parameters[key]) switch
        {
            null => fallback,
            PdfNumber { IsInteger: true } n => (long)n.Value,
            _ => throw new PdfSyntaxException($"/DecodeParms /{key} is not an integer"),
        };

    private static byte[] Tiff(byte[] data, int rowLength, int bytesPerPixel)
    {
        var output = (byte[])data.Clone();
        for (var row = 0; row + rowLength <= output.Length; row += rowLength)
        {
            for (var i = bytesPerPixel; i < rowLength; i++)
            {
                output[row + i] += output[row + i - bytesPerPixel];
            }
        }

        return output;
    }

    private static byte[] Png(byte[] data, int rowLength, int bytesPerPixel, int number)
    {
        var rows = data.Length / (rowLength + 1);
        var output = new byte[rows * rowLength];
        var previous = new byte[rowLength];
        for (var row = 0; row < rows; row++)
        {
            var input = data.AsSpan((row * (rowLength + 1)) + 1, rowLength);
            var current = output.AsSpan(row * rowLength, rowLength);
            var type = data[row * (rowLength + 1)];
            for (var i = 0; i < rowLength; i++)
            {
                var left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                var up = previous[i];
                var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                current[i] = type switch
                {
                    0 => input[i],
                    1 => (byte)(input[i] + left),
                    2 => (byte)(input[i] + up),
                    3 => (byte)(input[i] + ((left + up) / 2)),
                    4 => (byte)(input[i] + Paeth(left, up, upLeft)),
                    _ => throw new PdfSyntaxException(
                        $"the predicted stream of object {number} has an unknown PNG row type {type}"
                    ),
                };
            }

            current.CopyTo(previous);
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a
            : pb <= pc ? b
            : c;
    }
}
