using System.Diagnostics.CodeAnalysis;

// Razor Pages looks for shared partials and layouts in Pages/Shared, and the namespace follows the folder. "Shared" is a
// Visual Basic keyword, which matters only to a library used from Visual Basic; this web application is not one.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:PspPortal.Web.Pages.Shared", Justification = "The folder name is Razor's convention.")]
