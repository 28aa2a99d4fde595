using Byoc.Emulator.Apex;
using Byoc.Emulator.Apex.Syntax;

namespace Byoc.Emulator.Tests.Apex;

public sealed class ApexParserTests
{
    [Fact]
    public void Parse_GuideScript_ProducesDeclarationAssignmentsDmlAndDebug()
    {
        var program = ApexParser.Parse("""
            MessagingChannel channel = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'AgentforceChannel' LIMIT 1];
            channel.SessionHandlerId = '0Xx000000000001';
            update channel;
            System.debug('Updated: ' + channel.Id);
            """);

        Assert.Collection(program.Statements,
            s => Assert.IsType<QueryExpression>(Assert.IsType<DeclarationStatement>(s).Initializer),
            s => Assert.Equal("SessionHandlerId", Assert.IsType<FieldExpression>(Assert.IsType<AssignmentStatement>(s).Target).Field),
            s => Assert.Equal("update", Assert.IsType<DmlStatement>(s).Operation),
            s => Assert.Equal("+", Assert.IsType<BinaryExpression>(Assert.IsType<DebugStatement>(s).Message).Operator));
        Assert.Equal((4, 1), (program.Statements[3].Line, program.Statements[3].Column));
    }

    [Fact]
    public void Parse_Precedence_AndBindsTighterThanOr()
    {
        var program = ApexParser.Parse("Boolean b = x || y && !z;");

        var or = Assert.IsType<BinaryExpression>(Assert.IsType<DeclarationStatement>(program.Statements[0]).Initializer);
        Assert.Equal("||", or.Operator);
        var and = Assert.IsType<BinaryExpression>(or.Right);
        Assert.Equal("&&", and.Operator);
        Assert.Equal("!", Assert.IsType<UnaryExpression>(and.Right).Operator);
    }

    [Fact]
    public void Parse_GenericListDeclaration_ResolvesElementType()
    {
        var declaration = Assert.IsType<DeclarationStatement>(ApexParser.Parse("List<Group> queues;").Statements[0]);

        Assert.Equal("List<Group>", declaration.Type.ToString());
        Assert.Null(declaration.Initializer);
    }

    [Theory]
    [InlineData("while (true) {}", "Not supported by the emulated org's Apex subset: 'while' statements and declarations.")]
    [InlineData("Integer i = 1; i++;", "Not supported by the emulated org's Apex subset: the '++' operator.")]
    [InlineData("Integer i = 2 * 3;", "Not supported by the emulated org's Apex subset: the '*' operator.")]
    [InlineData("List<Group> g; Group x = g[0];", "Not supported by the emulated org's Apex subset: array types and list indexing.")]
    [InlineData("Map<Id, Group> m;", "Not supported by the emulated org's Apex subset: the generic type Map<Id, ...>.")]
    [InlineData("{ String s = 'a';", "Missing '}' at '<EOF>'")]
    public void Parse_Unsupported_ThrowsCompileProblem(string source, string message)
    {
        var problem = Assert.Throws<ApexCompileException>(() => ApexParser.Parse(source));

        Assert.Equal(message, problem.Message);
    }
}
