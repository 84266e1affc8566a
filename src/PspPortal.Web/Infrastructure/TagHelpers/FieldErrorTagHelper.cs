using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PspPortal.Web.Infrastructure.TagHelpers;

/// <summary><c>&lt;psp-field-error for="Input.Title" /&gt;</c>: the field's messages as a USWDS error message, or nothing.
/// Its id is the field id + "-error", which the input names in aria-describedby.</summary>
[HtmlTargetElement("psp-field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required string For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entry = ViewContext.ViewData.ModelState[For];
        if (entry is null || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "usa-error-message");
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(For, "_") + "-error");
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}

/// <summary>Adds the USWDS error classes to a form group, input or select whose field has errors:
/// <c>&lt;div class="usa-form-group" psp-group-for="Input.Title"&gt;</c>, <c>&lt;input psp-error-class-for="Input.Title"&gt;</c>.</summary>
[HtmlTargetElement(Attributes = GroupAttribute)]
[HtmlTargetElement(Attributes = InputAttribute)]
public sealed class ErrorClassTagHelper : TagHelper
{
    private const string GroupAttribute = "psp-group-for";
    private const string InputAttribute = "psp-error-class-for";

    [HtmlAttributeName(GroupAttribute)]
    public string? GroupFor { get; set; }

    [HtmlAttributeName(InputAttribute)]
    public string? InputFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    // Run after the input tag helper has written its attributes.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // An empty name (a field that is only sometimes the one refused) marks nothing.
        var name = GroupFor ?? InputFor;
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var entry = ViewContext.ViewData.ModelState[name];
        if (entry is null || entry.Errors.Count == 0)
        {
            return;
        }

        if (GroupFor is not null)
        {
            output.AddClass("usa-form-group--error", System.Text.Encodings.Web.HtmlEncoder.Default);
            return;
        }

        output.AddClass("usa-input--error", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var errorId = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? errorId : $"{errorId} {described}");
    }
}
