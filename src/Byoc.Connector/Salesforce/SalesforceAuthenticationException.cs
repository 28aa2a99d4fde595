namespace Byoc.Connector.Salesforce;

/// <summary>The token endpoint refused to mint a token (for example <c>invalid_grant</c>).</summary>
internal sealed class SalesforceAuthenticationException : Exception
{
    public SalesforceAuthenticationException()
    {
    }

    public SalesforceAuthenticationException(string message) : base(message)
    {
    }

    public SalesforceAuthenticationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
