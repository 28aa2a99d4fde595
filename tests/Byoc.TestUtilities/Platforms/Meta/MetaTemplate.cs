namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>An approved message template of the fake: its language code and how many body parameters (<c>{{1}}</c>…) it takes.</summary>
public sealed record MetaTemplate(string Language, int BodyParameters);
