using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Razor.Hosting;

namespace PspPortal.Tests.Architecture;

/// <summary>Which folder of the web project uses which, read from the compiled assembly: every type's base types,
/// members, attributes and method bodies (IL), and every compiled Razor view (placed by its file path). A folder is
/// <c>Domain</c>, <c>Data</c>, <c>Authorization</c>, <c>Infrastructure</c>, <c>Pages</c> (the home and error pages at
/// the root of Pages), or <c>Pages.X</c> for the feature folder X (<c>Pages.Shared</c> included).</summary>
internal static class WebAssemblyReferences
{
    private const string Root = "PspPortal.Web.";

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    private static readonly Lazy<List<Reference>> All = new(Read);

    static WebAssemblyReferences()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            var value = (ushort)op.Value;
            if (value < 0x100)
            {
                OneByte[value] = op;
            }
            else if ((value & 0xff00) == 0xfe00)
            {
                TwoByte[value & 0xff] = op;
            }
        }
    }

    /// <summary>One use of a type (or a view path) of one folder by a type of another, or of an outside assembly.</summary>
    /// <param name="From">The folder of the type that uses.</param>
    /// <param name="To">The folder used, or null for a type of another assembly.</param>
    /// <param name="User">The type that uses (a view by its path).</param>
    /// <param name="Used">What is used: a type's full name, or the text of a view path.</param>
    /// <param name="UsedAssembly">The assembly of the type used.</param>
    public sealed record Reference(string From, string? To, string User, string Used, Assembly? UsedAssembly);

    public static IReadOnlyList<Reference> References => All.Value;

    /// <summary>The folder of a namespace of the web project, or null for a type outside its folders (Program).</summary>
    public static string? FolderOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns[Root.Length..].Split('.');
        return parts[0] == "Pages" && parts.Length > 1 ? $"Pages.{parts[1]}" : parts[0];
    }

    /// <summary>The folder of a Razor file: "/Pages/Sites/Index.cshtml" is Pages.Sites, "/Pages/Index.cshtml" is Pages.</summary>
    public static string? FolderOfPath(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts.Length switch
        {
            < 2 => null,
            2 => parts[0],
            _ => parts[0] == "Pages" ? $"Pages.{parts[1]}" : parts[0],
        };
    }

    private static List<Reference> Read()
    {
        var assembly = typeof(Program).Assembly;
        var views = assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .ToDictionary(a => a.Type, a => a.Identifier);
        var references = new List<Reference>();
        foreach (var type in assembly.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is { } declaring)
            {
                outer = declaring;
            }

            var (from, user) = views.TryGetValue(outer, out var path) ? (FolderOfPath(path), path) : (FolderOf(outer.Namespace), outer.FullName!);
            if (from is null)
            {
                continue;
            }

            foreach (var used in UsedBy(type).Concat(ViewComponentUsedBy(type, assembly)))
            {
                switch (used)
                {
                    case Type usedType:
                        foreach (var part in Parts(usedType))
                        {
                            var to = part.Assembly == assembly ? FolderOf(Outermost(part).Namespace) : null;
                            if (to != from && (to is not null || part.Assembly != assembly))
                            {
                                references.Add(new Reference(from, to, user, part.FullName ?? part.Name, part.Assembly));
                            }
                        }

                        break;
                    case string text:
                        // A view found by its path ("/Pages/Tta/_RequestList.cshtml") or a type by its name.
                        foreach (var to in FoldersNamedIn(text).Where(to => to != from))
                        {
                            references.Add(new Reference(from, to, user, text, null));
                        }

                        break;
                }
            }
        }

        return references;
    }

    /// <summary>A view's &lt;vc:tta-requests&gt; is a tag helper that Razor writes into the view
    /// (<c>__Generated__TtaRequestsViewComponentTagHelper</c>), which asks for the view component by its short name only.</summary>
    private static IEnumerable<Type> ViewComponentUsedBy(Type type, Assembly assembly)
    {
        const string prefix = "__Generated__";
        const string suffix = "TagHelper";
        if (type.Name.StartsWith(prefix, StringComparison.Ordinal) && type.Name.EndsWith(suffix, StringComparison.Ordinal))
        {
            var name = type.Name[prefix.Length..^suffix.Length];
            return assembly.GetTypes().Where(t => t.Name == name && typeof(Microsoft.AspNetCore.Mvc.ViewComponent).IsAssignableFrom(t));
        }

        return [];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static IEnumerable<string> FoldersNamedIn(string text)
    {
        foreach (var (marker, separator) in new[] { ("/Pages/", '/'), ("PspPortal.Web.Pages.", '.') })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            // "/Pages/Tta/_RequestList.cshtml" names Tta, "/Pages/_ViewImports.cshtml" no folder.
            var rest = text[(at + marker.Length)..];
            var end = rest.IndexOf(separator, StringComparison.Ordinal);
            if (end > 0)
            {
                yield return $"Pages.{rest[..end]}";
            }
        }
    }

    /// <summary>A type with its element type and generic arguments, each of which is a use too.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var part in Parts(type.GetElementType()!))
            {
                yield return part;
            }

            yield break;
        }

        yield return type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var part in Parts(argument))
                {
                    yield return part;
                }
            }
        }
    }

    /// <summary>The types (and strings) one type uses: its base type and interfaces, attributes, member signatures and
    /// the types, members and strings its method bodies name.</summary>
    private static IEnumerable<object> UsedBy(Type type)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.GetInterfaces())
        {
            yield return item;
        }

        foreach (var item in Attributes(type.GetCustomAttributesData()))
        {
            yield return item;
        }

        foreach (var field in type.GetFields(declared))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(declared))
        {
            yield return property.PropertyType;
            foreach (var item in Attributes(property.GetCustomAttributesData()))
            {
                yield return item;
            }
        }

        foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
                foreach (var item in Attributes(parameter.GetCustomAttributesData()))
                {
                    yield return item;
                }
            }

            foreach (var item in Attributes(method.GetCustomAttributesData()))
            {
                yield return item;
            }

            foreach (var item in Body(method))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<object> Attributes(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                switch (argument.Value)
                {
                    case Type type:
                        yield return type;
                        break;
                    case string text:
                        yield return text;
                        break;
                }
            }
        }
    }

    private static List<object> Body(MethodBase method)
    {
        var found = new List<object>();
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return found;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            OpCode op;
            if (il[at] == 0xfe)
            {
                op = TwoByte[il[at + 1]];
                at += 2;
            }
            else
            {
                op = OneByte[il[at]];
                at += 1;
            }

            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineString:
                    found.Add(module.ResolveString(BitConverter.ToInt32(il, at)));
                    at += 4;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    found.AddRange(Member(module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)));
                    at += 4;
                    break;
                default:
                    at += 4;
                    break;
            }
        }

        return found;
    }

    private static IEnumerable<Type> Member(MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase method:
                if (method.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }

                if (method is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }

                break;
        }
    }
}
