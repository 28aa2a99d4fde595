namespace Byoc.Emulator.Rest.Search;

/// <summary>The field group a SOSL search looks in (<c>IN ALL|NAME|EMAIL|PHONE FIELDS</c>).</summary>
internal enum SearchScope
{
    All,
    Name,
    Email,
    Phone,
}
