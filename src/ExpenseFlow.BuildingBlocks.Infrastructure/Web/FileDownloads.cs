using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>Stored documents served back: inline only where a browser may show them (images), a download otherwise.</summary>
public static class FileDownloads
{
    public static IResult Serve(HttpResponse response, Stream content, string mediaType, string fileName, bool inline)
    {
        ArgumentNullException.ThrowIfNull(response);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(content, mediaType, enableRangeProcessing: true);
    }
}
