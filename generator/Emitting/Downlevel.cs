using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// The syntax that exists only to help newer compilers, taken out of a generated file for an older language version:
/// below C# 8 the nullable annotations (<c>string?</c>, <c>x!</c>) and <c>??=</c>; below C# 9 <c>static</c> on lambdas
/// and <c>is not</c> patterns. Each rewrite means exactly what it replaces (<c>x ??= y</c> is <c>x = x ?? y</c>,
/// <c>x is not null</c> is <c>!(x is null)</c>, an annotation or a <c>!</c> changes no behavior), so the emitters write
/// one text and this pass is the one place that lowers it; what a syntax pass cannot lower (target-typed <c>new()</c>,
/// collection expressions, switch expressions, <c>u8</c>...) the emitters spell through <see cref="EmitContext"/>.
/// Nothing runs for C# 9 and later: that output is unchanged.
/// </summary>
internal static class Downlevel
{
    // The value types generated code names by their full name; every other named type is a reference type, except
    // the client's own open enums (structs).
    private static readonly HashSet<string> s_valueTypes = new(System.StringComparer.Ordinal)
    {
        "System.DateTimeOffset", "System.DateOnly", "System.DateTime", "System.TimeSpan", "System.Guid", "System.Decimal",
        "System.Int32", "System.Int64", "System.Boolean", "System.Double", "System.Single",
        "System.Text.Json.JsonElement", "System.Text.Json.JsonTokenType", "System.Text.Json.Utf8JsonReader", "System.Text.Json.JsonEncodedText",
        "System.Threading.CancellationToken", "System.Threading.Tasks.ValueTask", "System.Net.HttpStatusCode",
        "System.Collections.Generic.KeyValuePair", "System.ReadOnlyMemory", "System.ReadOnlySpan", "System.Nullable",
        "System.Globalization.NumberStyles", "System.StringComparison", "System.StringSplitOptions",
        "Microsoft.Extensions.Logging.LogLevel", "Microsoft.Extensions.Logging.EventId",
    };

    public static string Rewrite(string source, EmitContext context)
    {
        if (context.Features.CSharp9)
        {
            return source;
        }

        var valueTypes = new HashSet<string>(s_valueTypes, System.StringComparer.Ordinal);
        foreach (EnumSpec type in context.Client.Types.OfType<EnumSpec>())
        {
            valueTypes.Add(context.Client.Namespace + "." + type.Name);
        }

        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        SyntaxNode root = new Rewriter(context.Features, valueTypes).Visit(tree.GetRoot());
        return root.ToFullString();
    }

    private sealed class Rewriter(TargetFeatures features, HashSet<string> valueTypes) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitNullableType(NullableTypeSyntax node)
        {
            var visited = (NullableTypeSyntax)base.VisitNullableType(node)!;
            return features.Nullable || IsValueType(visited.ElementType) ? visited : visited.ElementType.WithTriviaFrom(visited);
        }

        public override SyntaxNode? VisitPostfixUnaryExpression(PostfixUnaryExpressionSyntax node)
        {
            var visited = (PostfixUnaryExpressionSyntax)base.VisitPostfixUnaryExpression(node)!;
            return !features.Nullable && visited.IsKind(SyntaxKind.SuppressNullableWarningExpression) ? visited.Operand.WithTriviaFrom(visited) : visited;
        }

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
        {
            var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
            return visited.Modifiers.Any(SyntaxKind.StaticKeyword)
                ? visited.WithModifiers(default).WithLeadingTrivia(visited.GetLeadingTrivia())
                : visited;
        }

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
        {
            var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
            return visited.Modifiers.Any(SyntaxKind.StaticKeyword)
                ? visited.WithModifiers(default).WithLeadingTrivia(visited.GetLeadingTrivia())
                : visited;
        }

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
        {
            var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
            return !features.CSharp8 && visited.Modifiers.Any(SyntaxKind.StaticKeyword)
                ? visited.WithModifiers(default).WithLeadingTrivia(visited.GetLeadingTrivia())
                : visited;
        }

        public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
        {
            var visited = (IsPatternExpressionSyntax)base.VisitIsPatternExpression(node)!;
            if (visited.Pattern is UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not)
            {
                return SyntaxFactory.ParseExpression("!(" + visited.Expression.ToString() + " is " + not.Pattern.ToString() + ")").WithTriviaFrom(visited);
            }

            return visited;
        }

        public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
        {
            var visited = (AssignmentExpressionSyntax)base.VisitAssignmentExpression(node)!;
            if (features.CSharp8 || !visited.IsKind(SyntaxKind.CoalesceAssignmentExpression))
            {
                return visited;
            }

            string left = visited.Left.ToString(), right = visited.Right.ToString();
            string text = visited.Parent is ExpressionStatementSyntax ? left + " = " + left + " ?? " + right : left + " ?? (" + left + " = " + right + ")";
            return SyntaxFactory.ParseExpression(text).WithTriviaFrom(visited);
        }

        private bool IsValueType(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => !predefined.Keyword.IsKind(SyntaxKind.StringKeyword) && !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword),
            _ => valueTypes.Contains(NameOf(type)),
        };

        // The full name without global:: and type arguments: global::System.Collections.Generic.KeyValuePair<string, int> → System.Collections.Generic.KeyValuePair.
        private static string NameOf(TypeSyntax type) => type switch
        {
            AliasQualifiedNameSyntax alias => NameOf(alias.Name),
            QualifiedNameSyntax qualified => NameOf(qualified.Left) + "." + NameOf(qualified.Right),
            GenericNameSyntax generic => generic.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => type.ToString(),
        };
    }
}
