using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Resources;

/// <summary>The model of _ResourceForm: what was entered and the core areas to choose from.</summary>
public sealed record ResourceFormModel(ResourceInput Input, IReadOnlyList<Choice> CoreAreas);
