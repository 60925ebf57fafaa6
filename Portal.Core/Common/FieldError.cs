namespace Portal.Core.Common;

/// <summary>A rule a user broke, tied to the field (or row column) it belongs to so the UI can show it in place.</summary>
public sealed record FieldError(string Field, string Message);
