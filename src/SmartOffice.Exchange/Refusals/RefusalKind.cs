namespace SmartOffice.Exchange.Refusals;

/// <summary>What kind of "no" a refusal is; the API answers each with its own HTTP status.</summary>
public enum RefusalKind
{
    /// <summary>The request itself is malformed or out of range (400).</summary>
    Invalid,

    /// <summary>Who is asking is not proved (401).</summary>
    Unauthorized,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>Nothing the caller may see has this id (404).</summary>
    NotFound,

    /// <summary>The thing exists but its state or an earlier request does not allow this now (409).</summary>
    Conflict,

    /// <summary>Well-formed but refused on its content, e.g. a letter the validator refused (422).</summary>
    Unprocessable,

    /// <summary>The file is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>Too many attempts; try again later (429).</summary>
    TooManyRequests,
}
