using Microsoft.AspNetCore.Components.Forms;
using Portal.Core.Common;

namespace Portal.Web.Components.Shared;

/// <summary>Puts each field error from a Core result next to its field; errors without a field go to the form banner.</summary>
public static class FormErrors
{
    public static void Show(IEnumerable<FieldError> errors, EditContext context, ValidationMessageStore store, object model, Action<IReadOnlyList<string>> formErrors)
    {
        var unplaced = new List<string>();
        foreach (var error in errors)
        {
            if (!string.IsNullOrEmpty(error.Field) && model.GetType().GetProperty(error.Field) is not null)
                store.Add(new FieldIdentifier(model, error.Field), error.Message);
            else
                unplaced.Add(error.Message);
        }
        formErrors(unplaced);
        context.NotifyValidationStateChanged();
    }
}
