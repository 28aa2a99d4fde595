namespace Byoc.Emulator.Interactions;

/// <summary>
/// An Interaction Service API error: a documented code (ERRORCODES.md) with its documented message, and the HTTP status the
/// emulator answers with.
/// <para>
/// The HTTP statuses are UNCONFIRMED (interaction-service-api.md §4.2, §13): Salesforce documents only the codes. This table is
/// the one place the emulator decides them: 401 for an invalid token (10004); 403 for authorization failures (10001, 10003, 10005,
/// 10069, 10070, 10099) and CCaaS-only APIs (15102, 10057); 404 for unknown channels and conversations (10017, 10018, 10025,
/// 10071, 10105); 429/503/500 for throttling, read-only and internal errors (and fault injection); 400 for every other
/// validation code (100xx, 15xxx, 20003). Every error body is <c>{code, message}</c>.
/// </para>
/// </summary>
internal sealed record InteractionError(int Code, string Message, int StatusCode)
{
    private static readonly Dictionary<int, string> s_messages = new()
    {
        [500] = "An internal server error occurred. Please contact Salesforce Support.",
        [10001] = "The AuthorizationContext in the request isn't valid for the provided value in the \"to\"/\"channelAddressIdentifier\" field.",
        [10003] = "The supplied Authorization access token is missing the required Connected App scope. Required value: interaction_api.",
        [10004] = "The supplied Authorization access token is not valid.",
        [10005] = "The AuthorizationContext for the request isn't valid based on the supplied Authorization access token.",
        [10007] = "The file ID field is empty.",
        [10008] = "The file size exceeds the maximum limit of 25 MB.",
        [10009] = "The file is empty or doesn't exist.",
        [10010] = "The interaction contentLength field is empty.",
        [10011] = "The number of interactions of type AttachmentInteraction does not match the number of attachment files.",
        [10016] = "Enter a valid header.",
        [10017] = "The channelAddressIdentifier provided does not exist.",
        [10018] = "The conversation identifier is not valid.",
        [10019] = "The service is in read-only mode because an org migration is in progress. Try again later.",
        [10026] = "The conversation channel definition for the provided \"to\"/\"channelAddressIdentifier\" field is missing.",
        [10027] = "The provided \"to\" field isn't valid.",
        [10028] = "The provided \"from\" field isn't valid.",
        [10029] = "The provided interaction list isn't valid.",
        [10031] = "The channelAddressIdentifier provided is not active.",
        [10035] = "The messaging channel is not a type of CUSTOM.",
        [10037] = "The AppType provided is not supported.",
        [10038] = "The Participant Role provided is not supported.",
        [10042] = "Include one end user participant in the conversation.",
        [10045] = "Provide a valid message entry format.",
        [10047] = "Specified Message Type is invalid.",
        [10048] = "Specified Format Type is invalid.",
        [10049] = "Specified Message Type and Format Type combination is invalid.",
        [10050] = "Specified custom integration is invalid.",
        [10051] = "The file size (in bytes) of uploaded attachment is incorrect.",
        [10052] = "The \"channelAddressIdentifier\" field set in post conversation request isn't valid.",
        [10053] = "The \"participants\" field set in post conversation request is either invalid or empty.",
        [10054] = "Invalid subject of participant in conversation request.",
        [10057] = "Looks like you don't have access to the ConversationHistory API. Only Bring Your Own Channel for CCaaS partners can access them. Your Salesforce admin can help with that.",
        [10059] = "Interaction ID or Message ID is empty.",
        [10060] = "Interaction ID and Message ID are mismatched.",
        [10062] = "Invalid message type. Only StaticContentMessage, ChoicesResponseMessage, and FormResponseMessage types are supported for messages sent from an end user.",
        [10070] = "Provide a channel address identifier that's configured with the specified authorization context.",
        [10073] = "Invalid message ID. Provide a unique ID for each message entry.",
        [10089] = "Invalid parameters passed to API.",
        [10093] = "Invalid authorization context type.",
        [10095] = "The MIME type of the uploaded file cannot be determined. Please check the file and try again.",
        [10098] = "The progressIndicatorCapability parameter can't be empty. Please provide a valid value or remove the parameter from the payload and try again.",
        [10100] = "A request body is required and can't be empty. Provide a valid payload and ensure data is included and correctly formatted.",
        [15102] = "To use this API, enable Contact Center as a Service.",
        [20003] = "Empty interaction list in request.",
    };

    /// <summary>The error for a documented code with its documented message and the emulator's HTTP status for it.</summary>
    public static InteractionError Of(int code) => new(code, s_messages.GetValueOrDefault(code, "Invalid parameters passed to API."), StatusOf(code));

    /// <summary>The same code with a more specific message (the documented message stays the prefix).</summary>
    public InteractionError With(string detail) => this with { Message = $"{Message} {detail}" };

    public IResult ToResult() => TypedResults.Json(new InteractionErrorBody(Code, Message), statusCode: StatusCode);

    private static int StatusOf(int code) => code switch
    {
        10004 => StatusCodes.Status401Unauthorized,
        10001 or 10003 or 10005 or 10069 or 10070 or 10099 or 15102 or 10057 => StatusCodes.Status403Forbidden,
        10017 or 10018 or 10025 or 10071 or 10105 => StatusCodes.Status404NotFound,
        10019 => StatusCodes.Status503ServiceUnavailable,
        500 or 10094 or 20002 or 20004 => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}
