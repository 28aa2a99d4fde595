using System.Xml.Linq;

namespace Byoc.Emulator.Soap;

/// <summary>The XML namespaces of the SOAP APIs the emulated org serves.</summary>
internal static class SoapNamespaces
{
    public static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Apex = "http://soap.sforce.com/2006/08/apex";
    public static readonly XNamespace Metadata = "http://soap.sforce.com/2006/04/metadata";
    public static readonly XNamespace Partner = "urn:partner.soap.sforce.com";
    public static readonly XNamespace Enterprise = "urn:enterprise.soap.sforce.com";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";
}
