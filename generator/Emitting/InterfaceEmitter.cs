using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the interfaces of the client (<c>IAutoSendClient</c>), of each group (<c>ICampaignsClient</c>) and of each
/// <c>WithRawResponse</c> mirror (<c>ICampaignsRawResponseClient</c>): every public method and overload of the class
/// with its documentation (the class inherits it with <c>&lt;inheritdoc/&gt;</c>), so that application code can take them and be tested
/// with a fake (README, "Interfaces").
/// </summary>
internal static class InterfaceEmitter
{
    public static string EmitClient(EmitContext context)
    {
        ClientSpec client = context.Client;
        OperationGroupSpec? root = client.Groups.FirstOrDefault(g => g.PropertyName.Length == 0);
        List<OperationGroupSpec> groups = client.Groups.Where(g => g.PropertyName.Length > 0).ToList();
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "The operations of <see cref=\"" + context.TypeName(client.ClientName) + "\"/>, for code that is tested with a fake.");
            writer.Line("/// <remarks>The client implements it; its group properties return the groups' interfaces.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public partial interface " + client.InterfaceName))
            {
                bool first = true;
                foreach (OperationGroupSpec group in groups)
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    first = false;
                    DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
                    writer.Line(context.TypeName(group.InterfaceName) + " " + group.PropertyName + " { get; }");
                }

                if (root is not null)
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    WriteRawProperty(writer, context, root);
                    OperationEmitter.WriteMethods(writer, context, root, MethodSet.Interface);
                }
            }
        }

        return writer.ToString();
    }

    public static string EmitGroup(EmitContext context, OperationGroupSpec group)
    {
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
            writer.Line("/// <remarks>Implemented by <see cref=\"" + context.TypeName(group.TypeName) + "\"/>, which <see cref=\"" + context.TypeName(context.Client.InterfaceName)
                + "." + group.PropertyName + "\"/> returns; a fake can implement it in tests.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public partial interface " + group.InterfaceName))
            {
                WriteRawProperty(writer, context, group);
                OperationEmitter.WriteMethods(writer, context, group, MethodSet.Interface);
            }
        }

        return writer.ToString();
    }

    /// <summary>The interface of a group's (or the client's) <c>WithRawResponse</c> mirror.</summary>
    public static string EmitRaw(EmitContext context, OperationGroupSpec group)
    {
        string owner = group.PropertyName.Length > 0 ? context.TypeName(group.InterfaceName) : context.TypeName(context.Client.InterfaceName);
        string label = group.PropertyName.Length > 0 ? "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations" : "The operations of the client";
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, label + ", each returning the whole response: its status code, its headers and the body.");
            writer.Line("/// <remarks>What <see cref=\"" + owner + ".WithRawResponse\"/> returns; a fake can implement it in tests.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public partial interface " + group.RawInterfaceName))
            {
                OperationEmitter.WriteMethods(writer, context, group, MethodSet.RawInterface);
            }
        }

        return writer.ToString();
    }

    private static void WriteRawProperty(SourceWriter writer, EmitContext context, OperationGroupSpec group)
    {
        DocComment.Summary(writer, null, ClientEmitter.RawPropertySummary);
        writer.Line(context.TypeName(group.RawInterfaceName) + " WithRawResponse { get; }");
    }
}
