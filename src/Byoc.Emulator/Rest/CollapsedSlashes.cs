namespace Byoc.Emulator.Rest;

/// <summary>
/// Collapses repeated slashes in the request path before routing: the sf CLI sends <c>//services/data/…</c> when the
/// stored instance URL ends in '/' (org-emulation.md §2.1, §7.1), and endpoint routing would not match it.
/// </summary>
internal static class CollapsedSlashes
{
    public static void Rewrite(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.Contains("//", StringComparison.Ordinal))
        {
            var collapsed = new System.Text.StringBuilder(path.Length);
            foreach (var c in path)
            {
                if (c != '/' || collapsed.Length == 0 || collapsed[^1] != '/')
                {
                    collapsed.Append(c);
                }
            }

            context.Request.Path = new PathString(collapsed.ToString());
        }
    }
}
