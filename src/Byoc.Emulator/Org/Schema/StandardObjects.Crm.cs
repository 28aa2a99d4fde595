using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    private static readonly string[] s_industries =
    [
        "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications", "Construction", "Consulting",
        "Education", "Electronics", "Energy", "Engineering", "Entertainment", "Environmental", "Finance", "Food & Beverage",
        "Government", "Healthcare", "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit",
        "Recreation", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities", "Other",
    ];

    private static readonly string[] s_leadSources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"];

    private static readonly string[] s_salutations = ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx."];

    /// <summary>
    /// The customer records integrations touch first (Account, Contact, Lead, Opportunity, Case), with the core fields of
    /// their standard object reference pages. Standard picklists there are unrestricted, so any value is kept.
    /// </summary>
    private static IEnumerable<SObjectDefinition> Crm() =>
    [
        Define("Account", KeyPrefixes.Account).Searchable()
            .NameField("Name", 255)
            .Picklist("Type", ["Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
                "Installation Partner", "Technology Partner", "Other"], restricted: false)
            .Reference("ParentId", "Parent", ["Account"]).Children("ChildAccounts")
            .TextArea("BillingStreet", 255).String("BillingCity", 40).String("BillingState", 80).String("BillingPostalCode", 20)
            .String("BillingCountry", 80)
            .TextArea("ShippingStreet", 255).String("ShippingCity", 40).String("ShippingState", 80).String("ShippingPostalCode", 20)
            .String("ShippingCountry", 80)
            .Phone("Phone").Phone("Fax").String("AccountNumber", 40).Url("Website", length: 255).String("Sic", 20)
            .Picklist("Industry", s_industries, restricted: false).Currency("AnnualRevenue", 18, 0).Int("NumberOfEmployees", digits: 8)
            .Picklist("Ownership", ["Public", "Private", "Subsidiary", "Other"], restricted: false).String("TickerSymbol", 20)
            .TextArea("Description", 32000).Picklist("Rating", ["Hot", "Warm", "Cold"], restricted: false).String("Site", 80)
            .Reference("OwnerId", "Owner", ["User"]).Picklist("AccountSource", s_leadSources, restricted: false)
            .Build(),
        Define("Contact", KeyPrefixes.Contact).Searchable()
            .Reference("AccountId", "Account", ["Account"]).Children("Contacts")
            .Picklist("Salutation", s_salutations, restricted: false).String("FirstName", 40).String("LastName", 80)
            .CompoundName(121, "FirstName", "LastName")
            .Reference("ReportsToId", "ReportsTo", ["Contact"])
            .Email("Email").Phone("Phone").Phone("MobilePhone").Phone("HomePhone").Phone("OtherPhone").Phone("Fax")
            .String("Title", 128).String("Department", 80)
            .TextArea("MailingStreet", 255).String("MailingCity", 40).String("MailingState", 80).String("MailingPostalCode", 20)
            .String("MailingCountry", 80)
            .Date("Birthdate").TextArea("Description", 32000).Reference("OwnerId", "Owner", ["User"])
            .Picklist("LeadSource", s_leadSources, restricted: false).Boolean("HasOptedOutOfEmail").Boolean("DoNotCall")
            .Build(),
        Define("Lead", KeyPrefixes.Lead).Searchable()
            .Picklist("Salutation", s_salutations, restricted: false).String("FirstName", 40).String("LastName", 80)
            .CompoundName(121, "FirstName", "LastName")
            .String("Title", 128).String("Company", 255).Email("Email").Phone("Phone").Phone("MobilePhone")
            .TextArea("Street", 255).String("City", 40).String("State", 80).String("PostalCode", 20).String("Country", 80)
            .Url("Website", length: 255).TextArea("Description", 32000).Picklist("LeadSource", s_leadSources, restricted: false)
            .Picklist("Status", ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"],
                restricted: false, defaultValue: "Open - Not Contacted")
            .Picklist("Industry", s_industries, restricted: false).Picklist("Rating", ["Hot", "Warm", "Cold"], restricted: false)
            .Currency("AnnualRevenue", 18, 0).Int("NumberOfEmployees", digits: 8).Reference("OwnerId", "Owner", ["User", "Group"])
            .Boolean("IsConverted", createable: false, updateable: false)
            .Reference("ConvertedAccountId", "ConvertedAccount", ["Account"], createable: false, updateable: false)
            .Reference("ConvertedContactId", "ConvertedContact", ["Contact"], createable: false, updateable: false)
            .Build(),
        Define("Opportunity", KeyPrefixes.Opportunity).Searchable()
            .NameField("Name", 120).Reference("AccountId", "Account", ["Account"]).Children("Opportunities")
            .Picklist("StageName", ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
                "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"], restricted: false)
            .Currency("Amount").Double("Probability", precision: 3, scale: 0).Date("CloseDate")
            .Picklist("Type", ["Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade",
                "New Customer"], restricted: false)
            .Picklist("LeadSource", s_leadSources, restricted: false).TextArea("Description", 32000).String("NextStep", 255)
            .Reference("OwnerId", "Owner", ["User"])
            .Build(),
        Define("Case", KeyPrefixes.Case).Searchable()
            .AutoNumberName("CaseNumber", "{00000000}")
            .Reference("ContactId", "Contact", ["Contact"]).Children("Cases")
            .Reference("AccountId", "Account", ["Account"]).Children("Cases")
            .Reference("ParentId", "Parent", ["Case"]).Children("Cases")
            .String("SuppliedName", 80).Email("SuppliedEmail").Phone("SuppliedPhone").String("SuppliedCompany", 80)
            .Picklist("Type", ["Mechanical", "Electrical", "Electronic", "Structural", "Other"], restricted: false)
            .Picklist("Status", ["New", "Working", "Escalated", "Closed"], restricted: false, defaultValue: "New")
            .Picklist("Reason", ["Installation", "Equipment Complexity", "Performance", "Breakdown", "Equipment Design", "Feedback",
                "Other"], restricted: false)
            .Picklist("Origin", ["Phone", "Email", "Web"], restricted: false).String("Subject", 255)
            .Picklist("Priority", ["High", "Medium", "Low"], restricted: false, defaultValue: "Medium")
            .TextArea("Description", 32000).Boolean("IsEscalated").Reference("OwnerId", "Owner", ["User", "Group"])
            .Build(),
    ];
}
