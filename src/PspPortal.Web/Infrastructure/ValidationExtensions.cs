using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PspPortal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Copies FluentValidation's errors into ModelState under the names the form uses (prefix "Input").</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
